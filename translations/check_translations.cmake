# Checks that every translations/fleet_*.ts is complete for the current sources.
#
#   cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repo root> -DWORK_DIR=<scratch dir>
#         -DPROJECT_IN=<the .lupdate/*_project.cmake that qt_add_translations() generates>
#         -DGENERATE_SCRIPT=<Qt's GenerateLUpdateProject.cmake> -P check_translations.cmake
#
# lupdate reads the sources with the include paths and definitions of the build (the project file), as
# `update_translations` does: without them it cannot resolve namespaces and files messages under other
# contexts.
#
# Each .ts file is copied into WORK_DIR and updated there by lupdate (the files in the source tree are not
# touched), so tr() strings added since the last `cmake --build build --target update_translations` show
# up as unfinished. The check fails when any message that is still in the sources is unfinished or has an
# empty translation. Messages that left the sources (type="vanished" or "obsolete") are not counted.

cmake_minimum_required(VERSION 3.25)

foreach(var LUPDATE SOURCE_DIR WORK_DIR PROJECT_IN GENERATE_SCRIPT)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "check_translations.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT EXISTS "${LUPDATE}")
    message(FATAL_ERROR "check_translations.cmake: lupdate not found at ${LUPDATE}")
endif()

file(GLOB ts_files "${SOURCE_DIR}/translations/fleet_*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "check_translations.cmake: no translations/fleet_*.ts in ${SOURCE_DIR}")
endif()
list(SORT ts_files)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/project.json -P "${GENERATE_SCRIPT}"
    RESULT_VARIABLE generate_result
    OUTPUT_VARIABLE generate_output
    ERROR_VARIABLE generate_output)
if(NOT generate_result EQUAL 0)
    message(FATAL_ERROR "check_translations.cmake: cannot generate the lupdate project:\n${generate_output}")
endif()

# Turns an XML text node into readable plain text for the report.
function(_fleet_plain_text out text)
    string(REPLACE "&quot;" "\"" text "${text}")
    string(REPLACE "&apos;" "'" text "${text}")
    string(REPLACE "&lt;" "<" text "${text}")
    string(REPLACE "&gt;" ">" text "${text}")
    string(REPLACE "&amp;" "&" text "${text}")
    string(REPLACE "\n" "\\n" text "${text}")
    string(LENGTH "${text}" length)
    if(length GREATER 90)
        string(SUBSTRING "${text}" 0 87 text)
        string(APPEND text "...")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(max_listed 5)
set(report "")
set(failed_files 0)
foreach(ts IN LISTS ts_files)
    get_filename_component(ts_name "${ts}" NAME)
    set(copy "${WORK_DIR}/${ts_name}")
    file(COPY_FILE "${ts}" "${copy}")

    execute_process(
        COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -no-obsolete -locations none -ts "${copy}"
        WORKING_DIRECTORY "${WORK_DIR}"
        RESULT_VARIABLE lupdate_result
        OUTPUT_VARIABLE lupdate_output
        ERROR_VARIABLE lupdate_output)
    if(NOT lupdate_result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on a copy of ${ts_name} (${lupdate_result}):\n${lupdate_output}")
    endif()

    file(READ "${copy}" content)
    # Semicolons would split the text into list elements below; no message needs them for this check.
    string(REPLACE ";" "," content "${content}")

    set(total 0)
    set(incomplete 0)
    set(listed "")
    # Walk the <message> elements one by one (CMake regexes have no non-greedy match).
    while(TRUE)
        string(REGEX MATCH "<message[ >]" start_tag "${content}")
        if(NOT start_tag)
            break()
        endif()
        string(FIND "${content}" "${start_tag}" begin)
        string(SUBSTRING "${content}" ${begin} -1 content)
        string(FIND "${content}" "</message>" end)
        if(end LESS 0)
            message(FATAL_ERROR "${ts_name}: unterminated <message> after lupdate")
        endif()
        string(SUBSTRING "${content}" 0 ${end} message)
        math(EXPR end "${end} + 10")
        string(SUBSTRING "${content}" ${end} -1 content)

        string(REGEX MATCH "<translation[^>]*>" translation_tag "${message}")
        if(translation_tag MATCHES "type=\"(vanished|obsolete)\"")
            continue()
        endif()
        math(EXPR total "${total} + 1")

        set(is_incomplete FALSE)
        if(NOT translation_tag OR translation_tag MATCHES "type=\"unfinished\"")
            set(is_incomplete TRUE)
        elseif(message MATCHES "<numerusform>")
            # Plural forms: every form needs a text.
            if(message MATCHES "<numerusform[^>]*>[ \t\r\n]*</numerusform>")
                set(is_incomplete TRUE)
            endif()
        elseif(message MATCHES "<translation[^>]*/>" OR message MATCHES "<translation[^>]*>[ \t\r\n]*</translation>")
            set(is_incomplete TRUE)
        endif()

        if(is_incomplete)
            math(EXPR incomplete "${incomplete} + 1")
            if(incomplete LESS_EQUAL max_listed)
                string(REGEX MATCH "<source>([^<]*)</source>" unused "${message}")
                _fleet_plain_text(source_text "${CMAKE_MATCH_1}")
                string(APPEND listed "\n    \"${source_text}\"")
            endif()
        endif()
    endwhile()

    if(total EQUAL 0)
        message(FATAL_ERROR "${ts_name}: lupdate found no messages; is the source list right?\n${lupdate_output}")
    endif()
    if(incomplete GREATER 0)
        math(EXPR failed_files "${failed_files} + 1")
        string(APPEND report "\n  ${ts_name}: ${incomplete} of ${total} messages are unfinished or empty:${listed}")
        if(incomplete GREATER max_listed)
            math(EXPR more "${incomplete} - ${max_listed}")
            string(APPEND report "\n    ... and ${more} more")
        endif()
    else()
        message(STATUS "${ts_name}: all ${total} messages translated")
    endif()
endforeach()

if(failed_files GREATER 0)
    message(FATAL_ERROR "Incomplete translations:${report}\n"
                        "Run `cmake --build <build dir> --target update_translations`, translate the unfinished "
                        "messages in translations/*.ts (Qt Linguist or by hand) and remove their type=\"unfinished\".")
endif()

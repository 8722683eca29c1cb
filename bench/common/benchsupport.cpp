#include "benchsupport.h"

#include "mosquittobroker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>

#include <mosquitto.h>

#include <exception>
#include <sys/utsname.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fleet::bench {

QString commandOutput(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return {};
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(2000);
        return {};
    }
    return QString::fromUtf8(process.readAll());
}

QString cpuModel()
{
    QFile file(u"/proc/cpuinfo"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return u"unknown CPU"_s;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name")) {
            const qsizetype colon = line.indexOf(':');
            if (colon >= 0)
                return QString::fromUtf8(line.mid(colon + 1).trimmed());
        }
    }
    return u"unknown CPU"_s;
}

double processCpuSeconds(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command name in parentheses may contain spaces; the fields after it are fixed: utime and stime are
    // the 12th and 13th after the closing parenthesis.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
}

QString machineLine()
{
    utsname uts{};
    const QString kernel = ::uname(&uts) == 0 ? QString::fromUtf8(uts.release) : u"unknown"_s;
    static const QRegularExpression version(u"mosquitto version (\\S+)"_s);
    const QRegularExpressionMatch match =
        version.match(commandOutput(test::MosquittoBroker::findMosquitto(), {u"-h"_s}));
    int major = 0, minor = 0, revision = 0;
    mosquitto_lib_version(&major, &minor, &revision);
    return u"%1 CPUs (%2), Linux %3; mosquitto %4, libmosquitto %5.%6.%7, Qt %8"_s
        .arg(::sysconf(_SC_NPROCESSORS_ONLN))
        .arg(cpuModel(), kernel, match.hasMatch() ? match.captured(1) : u"unknown"_s)
        .arg(major)
        .arg(minor)
        .arg(revision)
        .arg(QString::fromLatin1(qVersion()));
}

QString grouped(double value)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    return locale.toString(qint64(value + 0.5));
}

bool writeReportSection(const QString &path, const QString &name, const QString &markdown, QString *error)
{
    const QString beginMarker = u"<!-- %1:begin -->"_s.arg(name);
    const QString endMarker = u"<!-- %1:end -->"_s.arg(name);
    QString text;
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1: %2"_s.arg(path, in.errorString());
            return false;
        }
        text = QString::fromUtf8(in.readAll());
        in.close();
    } else {
        text =
            u"# Benchmarks\n\n"_s
            u"Written by `./fleet bench`. Each benchmark rewrites only its own section, between its markers; "_s
            u"numbers are from the machine named in the section and compare runs measured in the same run, "_s
            u"not machines.\n\n"_s;
    }
    const qsizetype begin = text.indexOf(beginMarker);
    const qsizetype end = begin >= 0 ? text.indexOf(endMarker, begin) : -1;
    if (begin >= 0 && end >= 0) {
        qsizetype after = end + endMarker.size();
        if (after < text.size() && text.at(after) == u'\n')
            ++after;
        text.replace(begin, after - begin, markdown);
    } else {
        if (!text.isEmpty() && !text.endsWith(u"\n\n"_s))
            text += text.endsWith(u'\n') ? u"\n"_s : u"\n\n"_s;
        text += markdown;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    // QSaveFile: an interrupted run must not leave a half-written report.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, out.errorString());
        return false;
    }
    return true;
}

int requestNumber(const std::string &clientToken)
{
    if (clientToken.size() < 2 || clientToken[0] != 'u')
        return -1;
    try {
        return std::stoi(clientToken.substr(1));
    } catch (const std::exception &) {
        return -1;
    }
}

} // namespace fleet::bench

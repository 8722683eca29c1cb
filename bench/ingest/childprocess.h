#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fleet::bench {

// I/O counters of a running process, from /proc/PID/io.
struct ProcessIo
{
    std::uint64_t readBytes = 0;  // rchar: every read(), sockets included
    std::uint64_t writeBytes = 0; // wchar
};

// How a child ended, as wait4() saw it.
struct ChildExit
{
    std::chrono::steady_clock::time_point when; // when the driver saw the exit (pidfd readable)
    int exitCode = -1;                          // -1 when killed by a signal
    int signal = 0;
    double cpuSeconds = 0; // ru_utime + ru_stime: the whole process, start-up included
    double peakRssMiB = 0; // ru_maxrss
};

// One benchmark subject, started through ingest_spawn (see ingest_spawn_main.cpp: it keeps the driver's
// memory out of the subject's ru_maxrss) and stopped only through its own PID (a pidfd, so that a recycled
// PID can never be signalled by mistake). stdout goes to /dev/null or to a pipe read by a thread, stderr to a
// file, so that a failing receiver can explain itself.
class ChildProcess final
{
public:
    enum class Output { DevNull, Capture };

    explicit ChildProcess(std::string spawnHelper);
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // argv[0] is looked up in PATH when it has no slash. Returns false with errorString() on failure.
    bool start(const std::vector<std::string> &argv, Output output, const std::string &stderrPath);

    pid_t pid() const { return m_pid; }
    bool running() const { return m_pid > 0 && !m_exit; }
    const std::string &errorString() const { return m_error; }

    // Waits at most timeout for the child to exit; reaps it with wait4() when it has. Returns true once
    // reaped.
    bool waitForExit(std::chrono::milliseconds timeout);
    const std::optional<ChildExit> &exitStatus() const { return m_exit; }

    // Waits for the child to exit, calling poll() every pollInterval; poll() answers when the child was last
    // seen doing something. A child idle for idleLimit after that, or still running at deadline, is sent
    // SIGTERM, and SIGKILL 2 s later; the wait gives up 7 s after SIGTERM. Returns whether the driver had to
    // stop it (the subject did not finish on its own).
    bool superviseUntilExit(std::chrono::milliseconds pollInterval,
                            const std::function<std::chrono::steady_clock::time_point()> &poll,
                            std::chrono::milliseconds idleLimit,
                            std::chrono::steady_clock::time_point deadline);
    // SIGTERM / SIGKILL to this child only.
    void terminate();
    void kill();

    // Empty once the child has exited, or when /proc cannot be read.
    std::optional<ProcessIo> io() const;

    // What the child wrote to stdout (Output::Capture), complete once it has exited.
    std::string capturedOutput();

private:
    void sendSignal(int signal);
    void reap();
    bool fail(const std::string &message);

    std::string m_spawnHelper;
    pid_t m_pid = -1;
    int m_pidfd = -1;
    int m_stdoutFd = -1;
    std::thread m_reader;
    std::string m_output;
    std::optional<ChildExit> m_exit;
    std::string m_error;
};

} // namespace fleet::bench

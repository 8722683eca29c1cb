#include "childprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <utility>

extern char **environ;

namespace fleet::bench {

namespace {

std::string errnoText(const char *what, int error)
{
    return std::string(what) + ": " + std::strerror(error);
}

} // namespace

ChildProcess::~ChildProcess()
{
    // A child still running here means the driver gave up on it: it must not outlive the benchmark.
    if (running()) {
        kill();
        waitForExit(std::chrono::seconds(5));
    }
    if (m_reader.joinable())
        m_reader.join();
    if (m_stdoutFd >= 0)
        ::close(m_stdoutFd);
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

ChildProcess::ChildProcess(std::string spawnHelper)
    : m_spawnHelper(std::move(spawnHelper))
{}

bool ChildProcess::fail(const std::string &message)
{
    m_error = message;
    return false;
}

bool ChildProcess::start(const std::vector<std::string> &argv, Output output, const std::string &stderrPath)
{
    if (argv.empty())
        return fail("no command");
    // ingest_spawn exits right after forking the subject; as a subreaper this process inherits the subject
    // and can reap it with wait4(), which is the only way to read its rusage.
    static const bool subreaper = ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
    if (!subreaper)
        return fail(errnoText("prctl(PR_SET_CHILD_SUBREAPER)", errno));

    int pidPipe[2] = {-1, -1};
    if (::pipe2(pidPipe, O_CLOEXEC) != 0)
        return fail(errnoText("pipe", errno));
    int outPipe[2] = {-1, -1};
    if (output == Output::Capture && ::pipe2(outPipe, O_CLOEXEC) != 0) {
        ::close(pidPipe[0]);
        ::close(pidPipe[1]);
        return fail(errnoText("pipe", errno));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (output == Output::Capture)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, pidPipe[1], 3);

    std::vector<char *> args;
    args.reserve(argv.size() + 2);
    args.push_back(const_cast<char *>(m_spawnHelper.c_str()));
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);

    pid_t helper = -1;
    const int rc = ::posix_spawn(&helper, m_spawnHelper.c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pidPipe[1]);
    if (output == Output::Capture)
        ::close(outPipe[1]);
    if (rc != 0) {
        ::close(pidPipe[0]);
        if (output == Output::Capture)
            ::close(outPipe[0]);
        return fail(errnoText(m_spawnHelper.c_str(), rc));
    }

    // The helper writes the subject's PID and exits; both take microseconds, the bound is for a broken
    // system.
    std::string pidLine;
    pollfd pfd{pidPipe[0], POLLIN, 0};
    while (pidLine.find('\n') == std::string::npos && ::poll(&pfd, 1, 5000) > 0) {
        char buffer[32];
        const ssize_t n = ::read(pidPipe[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        pidLine.append(buffer, static_cast<size_t>(n));
    }
    ::close(pidPipe[0]);
    int status = 0;
    for (int i = 0; i < 5000 && ::waitpid(helper, &status, WNOHANG) == 0; ++i)
        ::usleep(1000);
    m_pid = static_cast<pid_t>(std::atoi(pidLine.c_str()));
    if (m_pid <= 0) {
        m_pid = -1;
        if (output == Output::Capture)
            ::close(outPipe[0]);
        return fail(m_spawnHelper + " did not report a PID for " + argv.front());
    }
    // Until this process reaps the subject its PID cannot be reused, so the pidfd names this subject.
    m_pidfd = static_cast<int>(::syscall(SYS_pidfd_open, m_pid, 0));

    if (output == Output::Capture) {
        m_stdoutFd = outPipe[0];
        // Read concurrently: a child blocked on a full pipe would look like a slow receiver.
        m_reader = std::thread([this] {
            char buffer[65536];
            for (;;) {
                const ssize_t n = ::read(m_stdoutFd, buffer, sizeof buffer);
                if (n > 0)
                    m_output.append(buffer, static_cast<size_t>(n));
                else if (n == 0 || errno != EINTR)
                    break;
            }
        });
    }
    return true;
}

bool ChildProcess::waitForExit(std::chrono::milliseconds timeout)
{
    if (m_exit)
        return true;
    if (m_pid <= 0)
        return false;
    if (m_pidfd >= 0) {
        pollfd pfd{m_pidfd, POLLIN, 0};
        const int rc = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
        if (rc <= 0)
            return false;
        reap();
        return m_exit.has_value();
    }
    // No pidfd (kernel before 5.3): poll wait4() every millisecond.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        reap();
        if (m_exit)
            return true;
        ::usleep(1000);
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

void ChildProcess::reap()
{
    int status = 0;
    rusage usage{};
    const pid_t rc = ::wait4(m_pid, &status, WNOHANG, &usage);
    if (rc != m_pid)
        return;
    ChildExit exit;
    exit.when = std::chrono::steady_clock::now();
    if (WIFEXITED(status))
        exit.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        exit.signal = WTERMSIG(status);
    const auto seconds = [](const timeval &tv) { return double(tv.tv_sec) + double(tv.tv_usec) / 1e6; };
    exit.cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    exit.peakRssMiB = double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
    m_exit = exit;
}

void ChildProcess::sendSignal(int signal)
{
    if (!running())
        return;
    if (m_pidfd >= 0)
        ::syscall(SYS_pidfd_send_signal, m_pidfd, signal, nullptr, 0);
    else
        ::kill(m_pid, signal);
}

bool ChildProcess::superviseUntilExit(std::chrono::milliseconds pollInterval,
                                      const std::function<std::chrono::steady_clock::time_point()> &poll,
                                      std::chrono::milliseconds idleLimit,
                                      std::chrono::steady_clock::time_point deadline)
{
    using namespace std::chrono_literals;
    bool stoppedByDriver = false;
    std::chrono::steady_clock::time_point terminatedAt{};
    while (!waitForExit(pollInterval)) {
        const auto lastActivity = poll();
        const auto now = std::chrono::steady_clock::now();
        if (!stoppedByDriver && (now - lastActivity > idleLimit || now > deadline)) {
            terminate();
            stoppedByDriver = true;
            terminatedAt = now;
        } else if (stoppedByDriver && now - terminatedAt > 2s) {
            kill();
            if (now - terminatedAt > 7s)
                break;
        }
    }
    return stoppedByDriver;
}

void ChildProcess::terminate()
{
    sendSignal(SIGTERM);
}

void ChildProcess::kill()
{
    sendSignal(SIGKILL);
}

std::optional<ProcessIo> ChildProcess::io() const
{
    if (!running())
        return std::nullopt;
    std::ifstream file("/proc/" + std::to_string(m_pid) + "/io");
    if (!file)
        return std::nullopt;
    ProcessIo io;
    bool haveRead = false;
    std::string key;
    std::uint64_t value = 0;
    while (file >> key >> value) {
        if (key == "rchar:") {
            io.readBytes = value;
            haveRead = true;
        } else if (key == "wchar:") {
            io.writeBytes = value;
        }
    }
    if (!haveRead)
        return std::nullopt;
    return io;
}

std::string ChildProcess::capturedOutput()
{
    if (m_reader.joinable() && m_exit)
        m_reader.join();
    return m_output;
}

} // namespace fleet::bench

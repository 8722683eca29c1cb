// ingest_spawn PROGRAM [ARGS...]: starts PROGRAM as a grandchild of bench_ingest, writes its PID to fd 3 and
// exits at once.
//
// Why a separate tiny program: Linux carries the memory high-water mark of the address space that exec()
// replaces into the new program's ru_maxrss. A receiver spawned straight from bench_ingest (which posix_spawn
// does with the parent's whole address space) would report at least the driver's peak RSS. Forked from this
// program instead, a receiver starts from a few hundred KiB, so ru_maxrss is its own. bench_ingest is a child
// subreaper, so the receiver becomes its child when this program exits, and bench_ingest reaps it with
// wait4().

#include <signal.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc < 2) {
        std::fputs("usage: ingest_spawn PROGRAM [ARGS...] (PID written to fd 3)\n", stderr);
        return 2;
    }
    // An ignored SIGCHLD would let the kernel reap the receiver before bench_ingest can collect its rusage.
    ::signal(SIGCHLD, SIG_DFL);
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::perror("ingest_spawn: fork");
        return 1;
    }
    if (pid == 0) {
        ::close(3);
        ::execvp(argv[1], argv + 1);
        std::fprintf(stderr, "ingest_spawn: cannot run %s: ", argv[1]);
        std::perror(nullptr);
        ::_exit(127);
    }
    char line[32];
    const int length = std::snprintf(line, sizeof line, "%d\n", static_cast<int>(pid));
    if (::write(3, line, static_cast<size_t>(length)) != length)
        return 1;
    return 0;
}

// pd_child: the child program the process tests start. Plain C++ and POSIX, no Qt, so that what
// a test observes is the process manager's doing and not a library's.
//
//   pd_child echo TEXT...               print the words on one line (stdout)
//   pd_child echo-err TEXT...           the same on stderr
//   pd_child lines N [stdout|stderr|both]
//                                       print "line I" N times (both: "out I" and "err I")
//   pd_child sleep MS                   sleep, then exit 0
//   pd_child exit N                     exit with status N
//   pd_child crash                      die by SIGSEGV (default disposition restored first)
//   pd_child abort                      die by SIGABRT
//   pd_child signal N                   raise signal N (default disposition restored first)
//   pd_child ignore-term MS             ignore SIGTERM, print "ready", sleep MS, exit 0
//   pd_child tree MS [ignore-term]      fork a grandchild that sleeps MS (ignoring SIGTERM if
//                                       asked); print "child PID grandchild PID", wait for it
//   pd_child cat                        copy stdin to stdout until EOF
//   pd_child flood BYTES [LINELEN]      write BYTES of LINELEN-character lines (default 80)
//   pd_child halves N US EVERY          print "line I <filler> end I" N times, each line in two
//                                       write() calls, pausing US microseconds between the two
//                                       halves of every EVERY-th line (a writer seen mid-line)
//   pd_child env NAME                   print the variable's value or "(unset)"
//   pd_child pwd                        print the working directory
//   pd_child args ARG...                print each argument on its own line
//   pd_child pgid                       print "pid P pgid G"
//   pd_child sigmask                    print "blocked N ignored M" (signals 1-31 blocked/ignored)
//   pd_child fds                        print "fds 0 1 2 …", the open descriptors in order
//   pd_child pdeathsig                  print "pdeathsig N" (PR_GET_PDEATHSIG)
//   pd_child tick MS [COUNT]            print "tick I" every MS ms, COUNT times (default: forever)
//   pd_child alloc MB STEPS MS          STEPS times: allocate MB MiB, write to every page, print
//                                       "allocated N MB" (N in all), sleep MS; then sleep forever
//   pd_child stdio-tick MS COUNT        the same through printf, never flushed
//   pd_child usr1-tree MS               fork a grandchild; both catch SIGUSR1 and print
//                                       "SIGUSR1 in child PID" / "SIGUSR1 in grandchild PID";
//                                       print "ready child PID grandchild PID" once both handlers
//                                       are installed; both sleep MS, the child reaps the grandchild
//   pd_child contain-tree FILE MS [ignore-term] [program-exits] [daemon-mib N]
//                                       a tree for the containment tests: a child with two
//                                       grandchildren, and a daemon (double fork, setsid()); with
//                                       ignore-term the child, one grandchild and the daemon ignore
//                                       SIGTERM. Each appends "ROLE PID" to FILE once set up (the
//                                       program last, after the others); all sleep MS, except the
//                                       program with program-exits: it exits 0 at once. With
//                                       daemon-mib the daemon first makes N MiB resident
//
// Modes can be chained with "then": `pd_child echo hi then exit 3`.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

bool writeAll(int fd, const std::string &text)
{
    return writeAll(fd, text.data(), text.size());
}

void sleepUs(long us)
{
    if (us <= 0)
        return;
    timespec request{us / 1000000, (us % 1000000) * 1000L};
    timespec remaining{};
    while (::nanosleep(&request, &remaining) != 0 && errno == EINTR)
        request = remaining;
}

void sleepMs(long ms)
{
    sleepUs(ms * 1000);
}

long toLong(const char *text, long fallback)
{
    if (!text)
        return fallback;
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        return fallback;
    return value;
}

[[noreturn]] void dieBySignal(int signal)
{
    struct sigaction action{};
    action.sa_handler = SIG_DFL;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
    sigset_t set;
    ::sigemptyset(&set);
    ::sigaddset(&set, signal);
    ::sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(signal);
    // A signal whose default action is not to terminate (SIGCHLD, SIGCONT …): report it.
    std::_Exit(128 + signal);
}

[[noreturn]] void usage(const char *problem)
{
    writeAll(2, std::string("pd_child: ") + problem + "\n");
    std::_Exit(2);
}

// For usr1-tree: the handler's line, formatted before the handler is installed (a handler may
// only call async-signal-safe functions: write() is one, std::string is not).
char g_usr1Line[64];
size_t g_usr1Length = 0;

void onUsr1(int)
{
    const int saved = errno;
    writeAll(1, g_usr1Line, g_usr1Length);
    errno = saved;
}

void prepareUsr1(const char *role)
{
    const std::string line = std::string("SIGUSR1 in ") + role + " " + std::to_string(::getpid()) + "\n";
    g_usr1Length = std::min(line.size(), sizeof g_usr1Line);
    std::memcpy(g_usr1Line, line.data(), g_usr1Length);
    struct sigaction action{};
    action.sa_handler = onUsr1;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGUSR1, &action, nullptr);
}

using Args = std::vector<const char *>;

// For contain-tree: one line "ROLE PID" appended to `file` (one write: O_APPEND keeps it whole).
void appendRole(const char *file, const char *role)
{
    const int fd = ::open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        usage("contain-tree: cannot open the file");
    writeAll(fd, std::string(role) + " " + std::to_string(::getpid()) + "\n");
    ::close(fd);
}

// Allocates `mib` MiB and writes to every page, so that all of it is resident; never freed.
void makeResident(long mib)
{
    const size_t size = size_t(mib) * 1024 * 1024;
    auto *memory = static_cast<volatile unsigned char *>(std::malloc(size ? size : 1));
    if (!memory)
        usage("out of memory");
    for (size_t offset = 0; offset < size; offset += 4096)
        memory[offset] = static_cast<unsigned char>(offset / 4096 | 1u); // volatile: not elided
}

// Forks a process that sets itself up (ignoring SIGTERM if asked, making `mib` MiB resident),
// appends its role and sleeps. `daemon`: through a double fork and setsid(), its intermediate
// parent exits at once.
pid_t forkSleeper(const char *file, const char *role, long ms, bool ignoreTerm, bool daemon, long mib = 0)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        usage("fork failed");
    if (pid > 0)
        return pid;
    if (daemon) {
        if (::fork() != 0)
            std::_Exit(0);
        ::setsid();
    }
    ::signal(SIGTERM, ignoreTerm ? SIG_IGN : SIG_DFL);
    makeResident(mib);
    appendRole(file, role);
    sleepMs(ms);
    std::_Exit(0);
}

// contain-tree: the program, a child with two grandchildren, and a daemon; see the top.
int containTree(const char *file, long ms, bool ignoreTerm, bool programExits, long daemonMib)
{
    const pid_t daemonParent = forkSleeper(file, "daemon", ms, ignoreTerm, true, daemonMib);
    int status = 0;
    while (::waitpid(daemonParent, &status, 0) < 0 && errno == EINTR) {
    }
    const pid_t child = ::fork();
    if (child < 0)
        usage("fork failed");
    if (child == 0) {
        ::signal(SIGTERM, ignoreTerm ? SIG_IGN : SIG_DFL);
        forkSleeper(file, "grandchild1", ms, ignoreTerm, false);
        forkSleeper(file, "grandchild2", ms, false, false);
        appendRole(file, "child");
        sleepMs(ms);
        std::_Exit(0);
    }
    // The program last, once the others wrote theirs: a test that sees it has them all.
    for (int lines = 0; lines < 4; sleepMs(5)) {
        lines = 0;
        if (FILE *in = std::fopen(file, "r")) {
            for (int c = std::fgetc(in); c != EOF; c = std::fgetc(in))
                lines += c == '\n';
            std::fclose(in);
        }
    }
    appendRole(file, "program");
    writeAll(1, "ready\n");
    if (!programExits)
        sleepMs(ms);
    return 0;
}

// Runs one mode; returns the exit status for the mode (the last mode's status is the program's).
int runMode(const Args &args)
{
    if (args.empty())
        usage("no mode given");
    const std::string mode = args[0];
    const auto arg = [&args](size_t i) -> const char * { return i < args.size() ? args[i] : nullptr; };

    if (mode == "echo" || mode == "echo-err") {
        std::string line;
        for (size_t i = 1; i < args.size(); ++i) {
            if (i > 1)
                line += ' ';
            line += args[i];
        }
        line += '\n';
        writeAll(mode == "echo" ? 1 : 2, line);
        return 0;
    }
    if (mode == "lines") {
        const long count = toLong(arg(1), -1);
        if (count < 0)
            usage("lines N [stdout|stderr|both]");
        const std::string where = arg(2) ? arg(2) : "stdout";
        for (long i = 1; i <= count; ++i) {
            const std::string number = std::to_string(i);
            if (where == "stdout")
                writeAll(1, "line " + number + "\n");
            else if (where == "stderr")
                writeAll(2, "line " + number + "\n");
            else {
                writeAll(1, "out " + number + "\n");
                writeAll(2, "err " + number + "\n");
            }
        }
        return 0;
    }
    if (mode == "sleep") {
        const long ms = toLong(arg(1), -1);
        if (ms < 0)
            usage("sleep MS");
        sleepMs(ms);
        return 0;
    }
    if (mode == "exit") {
        const long code = toLong(arg(1), -1);
        if (code < 0 || code > 255)
            usage("exit N (0-255)");
        return int(code);
    }
    if (mode == "crash")
        dieBySignal(SIGSEGV);
    if (mode == "abort")
        dieBySignal(SIGABRT);
    if (mode == "signal") {
        const long signal = toLong(arg(1), -1);
        if (signal <= 0 || signal >= NSIG)
            usage("signal N");
        dieBySignal(int(signal));
    }
    if (mode == "ignore-term") {
        const long ms = toLong(arg(1), -1);
        if (ms < 0)
            usage("ignore-term MS");
        ::signal(SIGTERM, SIG_IGN);
        writeAll(1, "ready\n");
        sleepMs(ms);
        return 0;
    }
    if (mode == "tree") {
        const long ms = toLong(arg(1), -1);
        if (ms < 0)
            usage("tree MS [ignore-term]");
        const bool stubborn = arg(2) && std::strcmp(arg(2), "ignore-term") == 0;
        // Ignored before the fork, so the grandchild ignores SIGTERM before anyone can send it.
        if (stubborn)
            ::signal(SIGTERM, SIG_IGN);
        const pid_t grandchild = ::fork();
        if (grandchild < 0)
            usage("fork failed");
        if (grandchild == 0) {
            sleepMs(ms);
            std::_Exit(0);
        }
        if (stubborn)
            ::signal(SIGTERM, SIG_DFL);
        writeAll(1, "child " + std::to_string(::getpid()) + " grandchild " + std::to_string(grandchild) + "\n");
        int status = 0;
        while (::waitpid(grandchild, &status, 0) < 0 && errno == EINTR) {
        }
        return 0;
    }
    if (mode == "contain-tree") {
        const long ms = toLong(arg(2), -1);
        if (!arg(1) || ms < 0)
            usage("contain-tree FILE MS [ignore-term] [program-exits] [daemon-mib N]");
        bool ignoreTerm = false;
        bool programExits = false;
        long daemonMib = 0;
        for (size_t i = 3; arg(i); ++i) {
            ignoreTerm = ignoreTerm || std::strcmp(arg(i), "ignore-term") == 0;
            programExits = programExits || std::strcmp(arg(i), "program-exits") == 0;
            if (std::strcmp(arg(i), "daemon-mib") == 0 && arg(i + 1))
                daemonMib = std::max(0L, toLong(arg(++i), 0));
        }
        return containTree(arg(1), ms, ignoreTerm, programExits, daemonMib);
    }
    if (mode == "cat") {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(0, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            if (!writeAll(1, buffer, size_t(n)))
                return 1;
        }
        return 0;
    }
    if (mode == "flood") {
        const long bytes = toLong(arg(1), -1);
        const long lineLength = toLong(arg(2), 80);
        if (bytes < 0 || lineLength < 1)
            usage("flood BYTES [LINELEN]");
        // One line pattern: LINELEN-1 printable characters and a newline.
        std::string line;
        for (long i = 0; i + 1 < lineLength; ++i)
            line += char('a' + i % 26);
        line += '\n';
        std::string block;
        while (block.size() < 256 * 1024)
            block += line;
        long left = bytes;
        while (left > 0) {
            const size_t chunk = size_t(std::min<long>(left, long(block.size())));
            if (!writeAll(1, block.data(), chunk))
                return 1;
            left -= long(chunk);
        }
        return 0;
    }
    if (mode == "halves") {
        const long count = toLong(arg(1), -1);
        const long pauseUs = toLong(arg(2), -1);
        const long every = toLong(arg(3), -1);
        if (count < 0 || pauseUs < 0 || every < 1)
            usage("halves N US EVERY");
        for (long i = 0; i < count; ++i) {
            const std::string number = std::to_string(i);
            if (!writeAll(1, "line " + number + " abcdefghijklmnopqrstuvwxyz"))
                return 1;
            if (i % every == 0)
                sleepUs(pauseUs);
            if (!writeAll(1, "0123456789 end " + number + "\n"))
                return 1;
        }
        return 0;
    }
    if (mode == "env") {
        if (!arg(1))
            usage("env NAME");
        const char *value = std::getenv(arg(1));
        writeAll(1, std::string(value ? value : "(unset)") + "\n");
        return 0;
    }
    if (mode == "pwd") {
        char buffer[4096];
        if (!::getcwd(buffer, sizeof buffer))
            return 1;
        writeAll(1, std::string(buffer) + "\n");
        return 0;
    }
    if (mode == "args") {
        for (size_t i = 1; i < args.size(); ++i)
            writeAll(1, std::string(args[i]) + "\n");
        return 0;
    }
    if (mode == "pgid") {
        writeAll(1, "pid " + std::to_string(::getpid()) + " pgid " + std::to_string(::getpgid(0)) + "\n");
        return 0;
    }
    if (mode == "fds") {
        DIR *dir = ::opendir("/proc/self/fd");
        if (!dir)
            usage("fds: cannot list /proc/self/fd");
        std::vector<int> fds;
        while (const dirent *entry = ::readdir(dir)) {
            if (entry->d_name[0] >= '0' && entry->d_name[0] <= '9' && std::atoi(entry->d_name) != ::dirfd(dir))
                fds.push_back(std::atoi(entry->d_name));
        }
        ::closedir(dir);
        std::sort(fds.begin(), fds.end());
        std::string line = "fds";
        for (const int fd : fds)
            line += " " + std::to_string(fd);
        writeAll(1, line + "\n");
        return 0;
    }
    if (mode == "pdeathsig") {
        int signal = 0;
        ::prctl(PR_GET_PDEATHSIG, &signal, 0, 0, 0);
        writeAll(1, "pdeathsig " + std::to_string(signal) + "\n");
        return 0;
    }
    if (mode == "sigmask") {
        sigset_t blocked;
        ::sigprocmask(SIG_BLOCK, nullptr, &blocked);
        int blockedCount = 0;
        int ignoredCount = 0;
        for (int signal = 1; signal < 32; ++signal) {
            if (::sigismember(&blocked, signal) == 1)
                ++blockedCount;
            struct sigaction action{};
            if (::sigaction(signal, nullptr, &action) == 0 && action.sa_handler == SIG_IGN)
                ++ignoredCount;
        }
        writeAll(1, "blocked " + std::to_string(blockedCount) + " ignored " + std::to_string(ignoredCount) + "\n");
        return 0;
    }
    if (mode == "tick") {
        const long ms = toLong(arg(1), -1);
        const long count = toLong(arg(2), -1);
        if (ms < 1 || (arg(2) && count < 0))
            usage("tick MS [COUNT]");
        for (long i = 1; count < 0 || i <= count; ++i) {
            writeAll(1, "tick " + std::to_string(i) + "\n");
            sleepMs(ms);
        }
        return 0;
    }
    if (mode == "alloc") {
        const long mb = toLong(arg(1), -1);
        const long steps = toLong(arg(2), -1);
        const long ms = toLong(arg(3), -1);
        if (mb < 1 || steps < 1 || ms < 0)
            usage("alloc MB STEPS MS");
        for (long i = 1; i <= steps; ++i) {
            // Never freed: the memory is what the test watches.
            volatile char *block = static_cast<char *>(std::malloc(size_t(mb) << 20));
            if (!block)
                usage("malloc failed");
            for (size_t offset = 0; offset < size_t(mb) << 20; offset += 4096)
                block[offset] = char(offset);
            writeAll(1, "allocated " + std::to_string(mb * i) + " MB\n");
            sleepMs(ms);
        }
        for (;;)
            ::pause();
    }
    if (mode == "stdio-tick") { // as "tick", through C stdio and without fflush (block-buffered on a pipe)
        const long ms = toLong(arg(1), -1);
        const long count = toLong(arg(2), -1);
        if (ms < 1 || count < 0)
            usage("stdio-tick MS COUNT");
        for (long i = 1; i <= count; ++i) {
            std::printf("tick %ld\n", i);
            sleepMs(ms);
        }
        return 0;
    }
    if (mode == "usr1-tree") {
        const long ms = toLong(arg(1), -1);
        if (ms < 0)
            usage("usr1-tree MS");
        // SIGUSR1 is blocked around the fork so that neither process can die by it (its default
        // action) before its handler is installed; "ready" is printed only after both are.
        sigset_t usr1;
        ::sigemptyset(&usr1);
        ::sigaddset(&usr1, SIGUSR1);
        ::sigprocmask(SIG_BLOCK, &usr1, nullptr);
        int ready[2];
        if (::pipe(ready) != 0)
            usage("pipe failed");
        const pid_t grandchild = ::fork();
        if (grandchild < 0)
            usage("fork failed");
        if (grandchild == 0) {
            prepareUsr1("grandchild");
            ::sigprocmask(SIG_UNBLOCK, &usr1, nullptr);
            ::close(ready[0]);
            writeAll(ready[1], "x", 1);
            ::close(ready[1]);
            sleepMs(ms);
            std::_Exit(0);
        }
        prepareUsr1("child");
        ::sigprocmask(SIG_UNBLOCK, &usr1, nullptr);
        ::close(ready[1]);
        char byte = 0;
        while (::read(ready[0], &byte, 1) < 0 && errno == EINTR) {
        }
        ::close(ready[0]);
        writeAll(1, "ready child " + std::to_string(::getpid()) + " grandchild " + std::to_string(grandchild) + "\n");
        int status = 0;
        while (::waitpid(grandchild, &status, 0) < 0 && errno == EINTR) {
        }
        return 0;
    }
    usage(("unknown mode: " + mode).c_str());
}

} // namespace

int main(int argc, char *argv[])
{
    // Split the arguments at "then" (but not inside "args", which prints everything after it).
    int status = 0;
    Args current;
    for (int i = 1; i <= argc; ++i) {
        const bool end = i == argc;
        const bool isArgsMode = !current.empty() && std::strcmp(current[0], "args") == 0;
        if (end || (!isArgsMode && std::strcmp(argv[i], "then") == 0)) {
            status = runMode(current);
            current.clear();
            continue;
        }
        current.push_back(argv[i]);
    }
    return status;
}

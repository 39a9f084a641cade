// The control socket's cost (issue 13): `procdeck ctl list` against a headless instance with 20
// entries, beside its physical limits, and `procdeck ctl logs -f` on a flooding entry beside
// `procdeck --headless` printing the same flood. Prints figures and ratios; see bench/README.md.
//
//   ctl_latency [--calls N] [--entries N] [--flood-bytes N] [--line-length N]
//
// Latency, N calls each, alternating call by call (so that the machine's load hits all alike):
//   ctl list        `procdeck ctl list` as a user runs it (a process: Qt's start, connect, hello,
//                   request, reply, the table printed to /dev/null)
//   --version       `procdeck --version`: the same executable started and ended, nothing else
//   socket list     the protocol alone: connect, read the hello, send `list`, read the reply
//   echo            a bare connect + write + read on a Unix socket to a trivial echo server
// Throughput: lines per second of a flood through `ctl logs -f` (to a pipe this program drains)
// against `procdeck --headless` printing the same flood to a pipe drained the same way.
#include "processspec.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    int calls = 200;
    int entries = 20;
    qint64 floodBytes = 64LL * 1024 * 1024;
    int lineLength = 80;
};

// Starts `argv` with stdout on `stdoutFd` (-1: /dev/null); returns its PID.
pid_t spawn(const std::vector<QByteArray> &arguments, int stdoutFd = -1)
{
    std::vector<char *> argv;
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdoutFd >= 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutFd, 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int waitFor(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

qint64 timeProcess(const std::vector<QByteArray> &arguments)
{
    QElapsedTimer clock;
    clock.start();
    waitFor(spawn(arguments));
    return clock.nsecsElapsed();
}

int connectTo(const QByteArray &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(std::min<qsizetype>(path.size(), sizeof(address.sun_path) - 1)));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Reads until `lines` newlines have arrived.
bool readLines(int fd, int lines)
{
    char buffer[65536];
    while (lines > 0) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n <= 0)
            return false;
        lines -= int(std::count(buffer, buffer + n, '\n'));
    }
    return true;
}

qint64 timeSocketList(const QByteArray &path)
{
    QElapsedTimer clock;
    clock.start();
    const int fd = connectTo(path);
    static const char request[] = "{\"procdeck-ctl\":1,\"id\":1,\"verb\":\"list\"}\n";
    if (fd < 0 || !readLines(fd, 1) || ::write(fd, request, sizeof(request) - 1) < 0 || !readLines(fd, 1))
        std::fprintf(stderr, "socket list failed\n");
    ::close(fd);
    return clock.nsecsElapsed();
}

// A trivial echo server in a child process: each connection gets back what it sends.
pid_t startEcho(const QByteArray &path)
{
    const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof(address));
    ::listen(listener, 64);
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (;;) {
            const int fd = ::accept(listener, nullptr, nullptr);
            char buffer[4096];
            ssize_t n;
            while ((n = ::read(fd, buffer, sizeof(buffer))) > 0 && ::write(fd, buffer, size_t(n)) == n) {
            }
            ::close(fd);
        }
    }
    ::close(listener);
    return pid;
}

qint64 timeEcho(const QByteArray &path)
{
    QElapsedTimer clock;
    clock.start();
    const int fd = connectTo(path);
    static const char request[] = "{\"procdeck-ctl\":1,\"id\":1,\"verb\":\"list\"}\n";
    if (fd < 0 || ::write(fd, request, sizeof(request) - 1) < 0 || !readLines(fd, 1))
        std::fprintf(stderr, "echo failed\n");
    ::close(fd);
    return clock.nsecsElapsed();
}

struct Figures
{
    double median = 0;
    double p99 = 0;
};

Figures figures(std::vector<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    const auto at = [&](double q) { return double(nanoseconds[size_t(q * double(nanoseconds.size() - 1))]) / 1e6; };
    return {at(0.5), at(0.99)};
}

void print(const char *what, const Figures &f, const Figures &limit, const char *limitName)
{
    std::printf("%-12s median %8.3f ms  p99 %8.3f ms   %-10s median %8.3f ms  p99 %8.3f ms   ratio %.1f\n", what,
                f.median, f.p99, limitName, limit.median, limit.p99, f.median / limit.median);
}

QString writeSession(const QString &path, const QList<ProcessSpec> &specs)
{
    Session session;
    session.processes = specs;
    SessionFile::save(path, SessionFile::toJson(session));
    return path;
}

ProcessSpec entry(const QString &name, const QString &program, const QStringList &args)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = program;
    spec.args = args;
    return spec;
}

// Drains `fd` until the end note of the flooding entry ("flood * exited") or end of file;
// returns the lines of the flood seen, and the lines reported skipped.
std::pair<qint64, qint64> drainFlood(int fd)
{
    std::vector<char> buffer(1 << 20);
    QByteArray tail;
    qint64 lines = 0;
    qint64 skipped = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n <= 0)
            break;
        QByteArray chunk = tail + QByteArray::fromRawData(buffer.data(), n);
        const qsizetype lastNewline = chunk.lastIndexOf('\n');
        tail = chunk.mid(lastNewline + 1);
        chunk.truncate(lastNewline + 1);
        lines += chunk.count("flood | ");
        for (qsizetype at = chunk.indexOf("skipped"); at >= 0; at = chunk.indexOf("skipped", at + 1)) {
            const qsizetype start = chunk.lastIndexOf("… ", at);
            skipped += chunk.mid(start + qsizetype(strlen("… ")), at - start).trimmed().split(' ').value(0).toLongLong();
        }
        if (chunk.contains("flood * exited"))
            break;
    }
    return {lines, skipped};
}

void throughput(const QByteArray &app, const QTemporaryDir &dir, const Options &options)
{
    const QString flood = QCoreApplication::applicationDirPath() + u"/flood_child"_s;
    const QStringList floodArgs{QString::number(options.floodBytes), QString::number(options.lineLength)};
    const qint64 expected = options.floodBytes / options.lineLength;
    // Headless: the same flood printed by `procdeck --headless`, to a pipe.
    const QString session = writeSession(dir.filePath(u"flood.json"_s), {entry(u"flood"_s, flood, floodArgs)});
    int pipeFds[2];
    (void)!::pipe(pipeFds);
    QElapsedTimer clock;
    clock.start();
    pid_t pid = spawn({app, "--headless", QFile::encodeName(session)}, pipeFds[1]);
    ::close(pipeFds[1]);
    const auto [headlessLines, headlessSkipped] = drainFlood(pipeFds[0]);
    const double headlessSeconds = double(clock.nsecsElapsed()) / 1e9;
    ::close(pipeFds[0]);
    waitFor(pid);

    // ctl logs -f: the entry added to the served instance, the follower started, then the entry.
    const QJsonObject added{{u"name"_s, u"flood"_s}, {u"program"_s, flood}, {u"args"_s, QJsonArray::fromStringList(floodArgs)}};
    waitFor(spawn({app, "ctl", "add", QJsonDocument(added).toJson(QJsonDocument::Compact)}));
    (void)!::pipe(pipeFds);
    const pid_t follower = spawn({app, "ctl", "logs", "-f", "flood"}, pipeFds[1]);
    ::close(pipeFds[1]);
    // Let the follower connect before the flood starts (a benchmark, not a test: the pause only
    // has to be long enough, and 300 ms is, by far).
    ::usleep(300 * 1000);
    clock.restart();
    waitFor(spawn({app, "ctl", "start", "flood"}));
    const auto [ctlLines, ctlSkipped] = drainFlood(pipeFds[0]);
    const double ctlSeconds = double(clock.nsecsElapsed()) / 1e9;
    ::kill(follower, SIGTERM);
    waitFor(follower);
    ::close(pipeFds[0]);

    const double headlessRate = double(headlessLines) / headlessSeconds;
    const double ctlRate = double(ctlLines) / ctlSeconds;
    std::printf("logs -f      %lld of %lld lines in %.2f s = %.0f lines/s (%lld reported skipped)\n",
                static_cast<long long>(ctlLines), static_cast<long long>(expected), ctlSeconds, ctlRate,
                static_cast<long long>(ctlSkipped));
    std::printf("headless     %lld of %lld lines in %.2f s = %.0f lines/s (%lld reported skipped)   ratio %.2f\n",
                static_cast<long long>(headlessLines), static_cast<long long>(expected), headlessSeconds,
                headlessRate, static_cast<long long>(headlessSkipped), ctlRate / headlessRate);
}

Options parseOptions(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &name = arguments.at(i);
        const qint64 value = arguments.at(i + 1).toLongLong();
        if (name == u"--calls"_s)
            options.calls = int(value);
        else if (name == u"--entries"_s)
            options.entries = int(value);
        else if (name == u"--flood-bytes"_s)
            options.floodBytes = value;
        else if (name == u"--line-length"_s)
            options.lineLength = int(value);
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app.arguments());
    QTemporaryDir dir;
    qputenv("XDG_RUNTIME_DIR", dir.path().toUtf8()); // the instances and clients below: their own folder
    const QByteArray procdeck = QFile::encodeName(QStringLiteral(PROCDECK_PATH));

    QList<ProcessSpec> specs;
    for (int i = 1; i <= options.entries; ++i)
        specs.append(entry(u"sleeper-%1"_s.arg(i), u"/bin/sleep"_s, {u"3600"_s}));
    const QString session = writeSession(dir.filePath(u"bench.json"_s), specs);
    const pid_t instance = spawn({procdeck, "--headless", QFile::encodeName(session), "--serve"});
    const QByteArray socket = QFile::encodeName(dir.filePath(u"procdeck/bench.sock"_s));
    for (int i = 0; i < 500 && ::access(socket.constData(), F_OK) != 0; ++i)
        ::usleep(10000);
    const QByteArray echo = QFile::encodeName(dir.filePath(u"echo.sock"_s));
    const pid_t echoServer = startEcho(echo);

    std::vector<qint64> ctlList, version, socketList, bareEcho;
    for (int i = 0; i < options.calls; ++i) {
        ctlList.push_back(timeProcess({procdeck, "ctl", "list"}));
        version.push_back(timeProcess({procdeck, "--version"}));
        socketList.push_back(timeSocketList(socket));
        bareEcho.push_back(timeEcho(echo));
    }
    std::printf("%d calls each, %d entries, alternating\n", options.calls, options.entries);
    print("ctl list", figures(ctlList), figures(version), "--version");
    print("socket list", figures(socketList), figures(bareEcho), "echo");
    throughput(procdeck, dir, options);

    waitFor(spawn({procdeck, "ctl", "quit"}));
    waitFor(instance);
    ::kill(echoServer, SIGKILL);
    waitFor(echoServer);
    return 0;
}

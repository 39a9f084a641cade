// scale: ProcDeck's window with 1,000 entries against a plain posix_spawn + waitpid loop.
//
// In the same run, alternating, REPEAT times each, for ENTRIES children of PROGRAM (default
// `/bin/sleep 0.2`):
//   1. procdeck: the real MainWindow (offscreen unless a display is set: its table, proxy model,
//      delegate, output pane, details panel and /proc sampling), every entry selected and the
//      Start action triggered; the time until every entry reported `started` (its child exec'd), until every
//      entry reported `finished`, ProcDeck's own CPU time for the round, and the event loop's
//      longest stall (the largest gap between two ticks of a 10 ms timer) meanwhile;
//   2. plain: posix_spawn() of all ENTRIES (glibc's posix_spawn returns once the child exec'd),
//      then waitpid() for each: the physical limit of starting and reaping that many processes.
// It prints the medians and their ratio. Then the idle figure: ENTRIES long sleepers started
// and left alone for IDLE seconds in the window (its ProcStats watching every tree, one pass
// over /proc per second): ProcDeck's CPU use (getrusage, % of one core), the longest
// stall, the cost of one /proc pass; and the time and longest stall to terminate them all.
//
// File descriptors: each running entry holds 4 in ProcDeck (stdin, stdout and stderr pipes and
// QProcess's forkfd), so RLIMIT_NOFILE's soft limit is raised to the hard limit at startup (the
// program says so). Qt 6 on Linux waits with poll() (glib's g_poll or QEventDispatcherUNIX's
// ppoll), never select(), so FD_SETSIZE (1024) does not apply: descriptors above 1024 work, as
// this program shows by printing the highest descriptor in use with all entries running.
//
// Options: --entries N (1000), --program PATH (/bin/sleep), --arg A (0.2; repeatable, replaces
// the default), --repeat N (3), --idle-seconds N (5; 0 skips the idle phase).

#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "procstats.h"

#include "benchsupport.h"

#include <QAction>
#include <QApplication>

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

using namespace BenchSupport;

namespace {

struct Options
{
    int entries = 1000;
    QString program = u"/bin/sleep"_s;
    QStringList args{u"0.2"_s};
    int repeat = 3;
    int idleSeconds = 5;
};

struct Round
{
    double startedS = 0;   // until the last child exec'd
    double exitedS = 0;    // until the last child was seen exited
    double cpuS = 0;       // ProcDeck's own user + system CPU
    double stallMs = 0;    // largest gap between two 10 ms ticks
    int failures = 0;      // runs that did not exit 0
    int highestFd = 0;     // with every child running (procdeck only)
};

int highestOpenFd()
{
    int highest = -1;
    const QStringList names = QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : names)
        highest = std::max(highest, name.toInt());
    return highest;
}

int openFdCount()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

// The largest gap between two ticks of a 10 ms timer: how long the event loop was unable to run
// anything else (a window would not have repainted or answered a click for that long).
struct StallMonitor
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 lastNs = 0;
    qint64 worstNs = 0;

    StallMonitor()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.nsecsElapsed();
            worstNs = std::max(worstNs, now - lastNs);
            lastNs = now;
        });
    }
    void start()
    {
        clock.start();
        lastNs = 0;
        worstNs = 0;
        timer.start();
    }
    double stopMs()
    {
        timer.stop();
        worstNs = std::max(worstNs, clock.nsecsElapsed() - lastNs);
        return double(worstNs) / 1e6;
    }
};

// Runs the event loop until the caller's slots quit it (when `done` holds), or until the limit.
bool runUntil(QEventLoop &loop, const std::function<bool()> &done, int limitMs)
{
    if (done())
        return true;
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    limit.start(limitMs);
    loop.exec();
    return done();
}

ProcessSpec specFor(const Options &options, const QStringList &args)
{
    ProcessSpec spec;
    spec.program = options.program;
    spec.args = args;
    return spec;
}

Round procdeckRound(const Options &options)
{
    Round round;
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    ProcessManager &manager = *window.manager();
    QList<ManagedProcess *> entries;
    for (int i = 0; i < options.entries; ++i)
        entries << manager.add(specFor(options, options.args));

    QEventLoop loop;
    int started = 0;
    int finished = 0;
    QElapsedTimer clock;
    for (ManagedProcess *process : std::as_const(entries)) {
        QObject::connect(process, &ManagedProcess::started, &loop, [&] {
            if (++started == options.entries) {
                round.startedS = double(clock.nsecsElapsed()) / 1e9;
                round.highestFd = highestOpenFd();
            }
        });
    }
    QObject::connect(&manager, &ProcessManager::processFinished, &loop, [&](ManagedProcess *process) {
        if (process->state() != ManagedProcess::State::Exited || process->exitCode() != 0)
            ++round.failures;
        if (++finished == options.entries) {
            round.exitedS = double(clock.nsecsElapsed()) / 1e9;
            loop.quit();
        }
    });

    StallMonitor stalls;
    stalls.start();
    const double cpuBefore = cpuSeconds();
    window.selectProcesses(entries);
    clock.start();
    window.findChild<QAction *>(u"actionStart"_s)->trigger(); // as a user pressing F5
    if (!runUntil(loop, [&] { return finished == options.entries; }, 120000))
        std::fprintf(stderr, "scale: only %d of %d entries finished within 120 s\n", finished, options.entries);
    round.cpuS = cpuSeconds() - cpuBefore;
    round.stallMs = stalls.stopMs();
    return round;
}

Round plainRound(const Options &options)
{
    Round round;
    const QByteArray program = QFile::encodeName(options.program);
    std::vector<QByteArray> argBytes;
    argBytes.push_back(program);
    for (const QString &arg : options.args)
        argBytes.push_back(arg.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &arg : argBytes)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    std::vector<pid_t> pids;
    pids.reserve(size_t(options.entries));
    const double cpuBefore = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < options.entries; ++i) {
        pid_t pid = -1;
        const int error = ::posix_spawn(&pid, program.constData(), nullptr, nullptr, argv.data(), environ);
        if (error != 0) {
            ++round.failures;
            continue;
        }
        pids.push_back(pid);
    }
    round.startedS = double(clock.nsecsElapsed()) / 1e9;
    for (const pid_t pid : pids) {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            ++round.failures;
    }
    round.exitedS = double(clock.nsecsElapsed()) / 1e9;
    round.cpuS = cpuSeconds() - cpuBefore;
    return round;
}

template <typename Field>
std::vector<double> collect(const std::vector<Round> &rounds, Field field)
{
    std::vector<double> values;
    for (const Round &round : rounds)
        values.push_back(field(round));
    return values;
}

void idlePhase(const Options &options)
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    ProcessManager &manager = *window.manager();
    ProcStats &stats = *window.stats(); // the window keeps it watching every live entry's tree
    QList<ManagedProcess *> entries;
    for (int i = 0; i < options.entries; ++i)
        entries << manager.add(specFor(options, {u"3600"_s}));

    QEventLoop loop;
    int started = 0;
    for (ManagedProcess *process : std::as_const(entries)) {
        QObject::connect(process, &ManagedProcess::started, &loop, [&] {
            if (++started == options.entries)
                loop.quit();
        });
    }
    manager.startAll(entries);
    if (!runUntil(loop, [&] { return started == options.entries; }, 120000)) {
        std::fprintf(stderr, "scale: only %d of %d long sleepers started\n", started, options.entries);
        return;
    }
    std::printf("idle: %d entries running, %d file descriptors open, highest %d\n", options.entries,
                openFdCount(), highestOpenFd());

    // Let the start settle (late `started`, the first table tick), then measure.
    QTimer settle;
    settle.setSingleShot(true);
    QObject::connect(&settle, &QTimer::timeout, &loop, &QEventLoop::quit);
    settle.start(1500);
    loop.exec();

    // Twice: first as the window would be (nothing else wakes the loop), then with the 10 ms
    // stall monitor, whose 100 wake-ups a second show what each pass of the loop costs with this
    // many descriptors to poll.
    StallMonitor stalls;
    for (const bool monitored : {false, true}) {
        if (monitored)
            stalls.start();
        const qint64 samplesBefore = stats.sampleCount();
        const double cpuBefore = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        QTimer idle;
        idle.setSingleShot(true);
        QObject::connect(&idle, &QTimer::timeout, &loop, &QEventLoop::quit);
        idle.start(options.idleSeconds * 1000);
        loop.exec();
        const double cpu = cpuSeconds() - cpuBefore;
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        if (!monitored) {
            std::printf("idle: ProcDeck CPU while %d entries idle for %.1f s (window, ProcStats every %d ms): "
                        "%.2f %% of one core (%.3f s CPU); /proc passes %lld, last one %.1f ms over %d processes\n",
                        options.entries, seconds, stats.interval(), 100.0 * cpu / seconds, cpu,
                        static_cast<long long>(stats.sampleCount() - samplesBefore),
                        double(stats.lastSampleDurationNs()) / 1e6, stats.processCount());
        } else {
            std::printf("idle, with a 10 ms timer: ProcDeck CPU %.2f %% of one core, longest event-loop stall %.1f ms\n",
                        100.0 * cpu / seconds, stalls.stopMs());
        }
        std::fflush(stdout);
    }

    // Stop them all: terminate (SIGTERM to each group), as on quit.
    stalls.start();
    QElapsedTimer stopClock;
    stopClock.start();
    QObject::connect(&manager, &ProcessManager::allStopped, &loop, &QEventLoop::quit);
    QElapsedTimer call;
    call.start();
    manager.terminateAll();
    const double callMs = double(call.nsecsElapsed()) / 1e6;
    if (!runUntil(loop, [&] { return manager.aliveCount() == 0; }, 120000))
        std::fprintf(stderr, "scale: %d entries still alive after terminateAll\n", manager.aliveCount());
    std::printf("stop: terminateAll of %d entries until all stopped: %.3f s (the call itself %.1f ms), "
                "longest event-loop stall %.1f ms\n",
                options.entries, double(stopClock.nsecsElapsed()) / 1e9, callMs, stalls.stopMs());
}

[[noreturn]] void usage()
{
    std::fprintf(stderr, "usage: scale [--entries N] [--program PATH] [--arg A]... [--repeat N] [--idle-seconds N]\n");
    std::exit(2);
}

Options parseOptions(const QStringList &arguments)
{
    Options options;
    bool argsGiven = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &option = arguments.at(i);
        if (i + 1 >= arguments.size())
            usage();
        const QString value = arguments.at(++i);
        bool ok = true;
        if (option == u"--entries"_s)
            options.entries = value.toInt(&ok);
        else if (option == u"--program"_s)
            options.program = value;
        else if (option == u"--arg"_s) {
            if (!argsGiven)
                options.args.clear();
            argsGiven = true;
            options.args << value;
        } else if (option == u"--repeat"_s)
            options.repeat = value.toInt(&ok);
        else if (option == u"--idle-seconds"_s)
            options.idleSeconds = value.toInt(&ok);
        else
            usage();
        if (!ok || options.entries < 1 || options.repeat < 1 || options.idleSeconds < 0)
            usage();
    }
    return options;
}

// Each running entry holds 4 descriptors; the soft limit is often 1024.
void raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t before = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
        std::printf("RLIMIT_NOFILE: could not raise the soft limit %llu to the hard limit %llu: %s\n",
                    static_cast<unsigned long long>(before), static_cast<unsigned long long>(limit.rlim_max),
                    std::strerror(errno));
        return;
    }
    std::printf("RLIMIT_NOFILE: soft limit raised from %llu to the hard limit %llu\n",
                static_cast<unsigned long long>(before), static_cast<unsigned long long>(limit.rlim_cur));
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parseOptions(app.arguments());
    std::printf("event dispatcher: %s (waits with poll(), not select(): no FD_SETSIZE limit)\n",
                QAbstractEventDispatcher::instance()->metaObject()->className());
    std::printf("%d entries of: %s %s; %d rounds, alternating procdeck and plain\n", options.entries,
                qPrintable(options.program), qPrintable(options.args.join(u' ')), options.repeat);

    std::vector<Round> procdeck;
    std::vector<Round> plain;
    for (int i = 0; i < options.repeat; ++i) {
        procdeck.push_back(procdeckRound(options));
        plain.push_back(plainRound(options));
        const Round &p = procdeck.back();
        const Round &q = plain.back();
        std::printf("round %d: procdeck started %.3f s, exited %.3f s, CPU %.3f s, stall %.1f ms, fd max %d, "
                    "failures %d | plain started %.3f s, exited %.3f s, failures %d\n",
                    i + 1, p.startedS, p.exitedS, p.cpuS, p.stallMs, p.highestFd, p.failures, q.startedS,
                    q.exitedS, q.failures);
        std::fflush(stdout);
    }

    const double pStarted = median(collect(procdeck, [](const Round &r) { return r.startedS; }));
    const double pExited = median(collect(procdeck, [](const Round &r) { return r.exitedS; }));
    const double qStarted = median(collect(plain, [](const Round &r) { return r.startedS; }));
    const double qExited = median(collect(plain, [](const Round &r) { return r.exitedS; }));
    std::printf("start all %d: procdeck %.3f s, plain posix_spawn %.3f s, ratio %.2f\n", options.entries,
                pStarted, qStarted, pStarted / qStarted);
    std::printf("all %d seen exited: procdeck %.3f s, plain posix_spawn+waitpid %.3f s, ratio %.2f\n",
                options.entries, pExited, qExited, pExited / qExited);
    std::printf("procdeck CPU for start and reap of %d: %.3f s (median)\n", options.entries,
                median(collect(procdeck, [](const Round &r) { return r.cpuS; })));
    std::printf("longest event-loop stall while starting and reaping: %.1f ms (median of rounds; worst %.1f ms)\n",
                median(collect(procdeck, [](const Round &r) { return r.stallMs; })),
                std::max_element(procdeck.begin(), procdeck.end(),
                                 [](const Round &a, const Round &b) { return a.stallMs < b.stallMs; })->stallMs);
    std::fflush(stdout);

    if (options.idleSeconds > 0)
        idlePhase(options);
    return 0;
}

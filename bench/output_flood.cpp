// output_flood: ProcDeck's real window taking a flood, against the physical limit.
//
// For the same children (bench/flood_child writing BYTES of LINELEN-byte lines), in the same run,
// alternating, REPEAT times each, every trial in a forked copy of this program:
//   plain:  a plain reader draining the children's pipes (1 MiB, as ManagedProcess sets them, unless
//           --pipe-size says otherwise) into nothing: the physical limit; with --terminal stdout or
//           full, a plain reader of a pseudo-terminal set up as ProcDeck sets it up for that mode
//           (terminalchild.h), its master drained in ProcDeck's 256 KiB reads;
//   keeping (pipes only): a plain reader that keeps as many of the bytes as the logs keep
//           (keepingreader.h): what keeping output costs at all, the limit for any program that
//           shows it afterwards;
//   window: MainWindow (QT_QPA_PLATFORM=offscreen unless set), the entries added through its
//           ProcessManager, selected so that the output pane shows them, and started (the
//           children's pipes are read on ProcDeck's I/O thread, OutputReader). Timed from start()
//           until every entry has finished ("in the log") and until the pane has painted the
//           last line of every log ("painted": an event filter on the view's viewport sees the
//           paint and checks the last row).
// Meanwhile a 10 ms precise QTimer records its gaps: the longest and the 99th percentile are the
// event loop's stalls. Then peak RSS (getrusage ru_maxrss) and lines/bytes received versus
// written, with the check that the last stdout line kept is the last line written.
//
// Options: --bytes N (default 256 MiB), --line-length N (80; 0 = no newline at all),
// --entries N (children flooding at once, BYTES/N each; default 1), --repeat N (default 3),
// --busy N (N threads spinning meanwhile, to load the cores), --pipe-size N (plain reader only;
// default 1 MiB), --terminal MODE: the entries' TerminalMode and the plain reader's kind with them:
// `pipes` (the default: plain pipes, `"terminal": false`), `stdout` (a session's default: stdout on
// a pseudo-terminal; `--stdout-terminal 1` is the same), `full` (`"terminal": true`: stdin, stdout,
// stderr and the controlling terminal; the terminal turns each "\n" into "\r\n", so both readers
// receive a byte more per line). With OUTPUT_FLOOD_GAPS=N in the environment, every timer gap over
// N ms is printed with the time spent per receiver and event type during it (to see what a stall
// was).

#include "mainwindow.h"
#include "managedprocess.h"
#include "outputdecoder.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "processmanager.h"
#include "processspec.h"

#include "benchsupport.h"
#include "keepingreader.h"
#include "terminalchild.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace BenchSupport;

namespace {

struct Options
{
    long long bytes = 256LL * 1024 * 1024;
    int lineLength = 80;
    int entries = 1;
    int repeat = 3;
    int busy = 0;
    int pipeSize = 1024 * 1024;
    TerminalMode terminal = TerminalMode::Pipes;
};

struct Trial
{
    double seconds = 0;        // until the last line is painted
    double inLogSeconds = 0;   // until the last line is in the log (every entry finished)
    long long bytes = 0;       // stdout bytes received
    long long lines = 0;       // stdout lines received (messages not counted)
    long long kept = 0;
    long long dropped = 0;
    double maxGapMs = 0;
    double p99GapMs = 0;
    long long peakRssKiB = 0;
    double cpuSeconds = 0;     // the reader's CPU (the window: every thread of it) while timed
    bool ok = true;            // every line accounted for, last line kept = last written
    bool painted = false;
};

long long expectedLines(const Options &options, long long bytes)
{
    if (options.lineLength == 0)
        return (bytes + OutputDecoder::MaxLineLength - 1) / OutputDecoder::MaxLineLength;
    return (bytes + options.lineLength - 1) / options.lineLength;
}

// The stdout bytes a reader receives for `bytes` written: a full terminal adds "\r" before each "\n".
long long expectedBytes(const Options &options, long long bytes)
{
    if (options.terminal != TerminalMode::Terminal || options.lineLength == 0)
        return bytes;
    return bytes + bytes / options.lineLength;
}

const char *terminalName(TerminalMode mode)
{
    switch (mode) {
    case TerminalMode::Pipes:
        return "a plain pipe (\"terminal\": false)";
    case TerminalMode::StdoutTerminal:
        return "a pseudo-terminal, stderr a pipe (a session's default)";
    case TerminalMode::Terminal:
        return "a pseudo-terminal as stdin, stdout, stderr and controlling terminal (\"terminal\": true)";
    }
    return "";
}

// A flood_child writing `bytes` on a new pipe; returns its pid and the pipe's read end.
std::pair<pid_t, int> spawnFloodChild(const Options &options, long long bytes, int pipeSize)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        std::exit(1);
    if (pipeSize > 0)
        ::fcntl(fds[0], F_SETPIPE_SZ, pipeSize);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    const std::string bytesArg = std::to_string(bytes);
    const std::string lineArg = std::to_string(options.lineLength);
    char *argv[] = {const_cast<char *>(FLOOD_CHILD_PATH), const_cast<char *>(bytesArg.c_str()),
                    const_cast<char *>(lineArg.c_str()), nullptr};
    pid_t pid = -1;
    if (posix_spawn(&pid, FLOOD_CHILD_PATH, &actions, nullptr, argv, environ) != 0)
        std::exit(1);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    return {pid, fds[0]};
}

// The physical limit: the same children, their pipes (or pseudo-terminals) read into nothing.
Trial runPlain(const Options &options, int pipeSize)
{
    const long long each = options.bytes / options.entries;
    const double start = now();
    const double cpuStart = BenchSupport::cpuSeconds();
    Trial trial;
    if (options.terminal != TerminalMode::Pipes) {
        std::string bytesArg = std::to_string(each);
        std::string lineArg = std::to_string(options.lineLength);
        char *argv[] = {const_cast<char *>(FLOOD_CHILD_PATH), bytesArg.data(), lineArg.data(), nullptr};
        std::vector<TerminalChild> children;
        for (int i = 0; i < options.entries; ++i)
            children.push_back(spawnOnTerminal(options.terminal, argv));
        trial.bytes = drainTerminals(children);
    } else {
        std::vector<pid_t> pids;
        std::vector<int> fds;
        for (int i = 0; i < options.entries; ++i) {
            const auto [pid, fd] = spawnFloodChild(options, each, pipeSize);
            pids.push_back(pid);
            fds.push_back(fd);
        }
        trial.bytes = drain(fds, 1024 * 1024);
        for (size_t i = 0; i < pids.size(); ++i) {
            ::close(fds[i]);
            ::waitpid(pids[i], nullptr, 0);
        }
    }
    trial.seconds = now() - start;
    trial.cpuSeconds = BenchSupport::cpuSeconds() - cpuStart;
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

// The second limit (pipes only): the same children read by a plain reader that keeps what it
// reads as the logs do (keepingreader.h): as many bytes as the logs keep of this workload, their
// line bound (100,000 lines) and byte budgets (32 MiB each, 128 MiB for all) applied.
Trial runKeeping(const Options &options)
{
    const long long each = options.bytes / options.entries;
    const long long keep = BenchSupport::logsKeep(each, options.lineLength, options.entries);
    const double start = now();
    const double cpuStart = BenchSupport::cpuSeconds();
    std::vector<pid_t> pids;
    std::vector<int> fds;
    for (int i = 0; i < options.entries; ++i) {
        const auto [pid, fd] = spawnFloodChild(options, each, options.pipeSize);
        pids.push_back(pid);
        fds.push_back(fd);
    }
    Trial trial;
    trial.bytes = BenchSupport::drainKeeping(fds, keep);
    for (const pid_t pid : pids)
        ::waitpid(pid, nullptr, 0);
    trial.seconds = now() - start;
    trial.cpuSeconds = BenchSupport::cpuSeconds() - cpuStart;
    return trial;
}

// Watches the view's viewport: `check()` runs at each paint, and the trial ends at the first
// paint that shows every log complete.
class PaintWatcher final : public QObject
{
public:
    explicit PaintWatcher(std::function<bool()> check, QObject *parent)
        : QObject(parent)
        , m_check(std::move(check))
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_check()) {
            m_done = true;
            // After this paint has been done: the next turn of the event loop.
            QTimer::singleShot(0, this, [this] {
                m_paintedAt = now();
                QCoreApplication::exit(0); // not quit(): that would ask the window to close
            });
        }
        return QObject::eventFilter(watched, event);
    }
    double paintedAt() const { return m_paintedAt; }

private:
    std::function<bool()> m_check;
    bool m_done = false;
    double m_paintedAt = 0;
};

// With OUTPUT_FLOOD_GAPS set: every event delivery over 8 ms, to see what a stall was.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        static const bool report = qEnvironmentVariableIsSet("OUTPUT_FLOOD_GAPS");
        if (!report)
            return QApplication::notify(receiver, event);
        // A timer is named by its owner (which QTimer it was is what a stall report needs).
        const QObject *named = receiver->parent() && qobject_cast<QTimer *>(receiver) ? receiver->parent() : nullptr;
        const std::string key = std::string(receiver->metaObject()->className())
            + (named ? std::string("@") + named->metaObject()->className() : std::string()) + ":"
            + std::to_string(int(event->type()));
        const double t = now();
        ++depth;
        const bool result = QApplication::notify(receiver, event);
        --depth;
        const double ms = (now() - t) * 1000.0;
        if (depth == 0) {
            spent[key] += ms;
            counts[key] += 1;
        }
        return result;
    }
    int depth = 0;
    std::map<std::string, double> spent;
    std::map<std::string, int> counts;
};

Trial runWindow(const Options &options)
{
    int argc = 1;
    char name[] = "output_flood";
    char *argv[] = {name, nullptr};
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.resize(1280, 800);
    window.show();

    const long long each = options.bytes / options.entries;
    QList<ManagedProcess *> processes;
    for (int i = 0; i < options.entries; ++i) {
        ProcessSpec spec;
        spec.name = QStringLiteral("flood-%1").arg(i + 1);
        spec.program = QString::fromUtf8(FLOOD_CHILD_PATH);
        spec.args = {QString::number(each), QString::number(options.lineLength)};
        spec.terminal = options.terminal;
        processes.append(window.manager()->add(spec));
    }
    window.selectProcesses(processes);
    OutputView *view = window.outputPane()->view();

    // Let the window settle (first layout and paint) before the clock starts: an event loop that
    // waits, so that a profile of the run is not full of an idle loop's polling.
    {
        QEventLoop settle;
        QTimer::singleShot(300, &settle, &QEventLoop::quit);
        settle.exec();
    }

    int finished = 0;
    double inLogAt = 0;
    double programAt = 0;     // the first entry's program runs (its `started`)
    double firstOutputAt = 0; // the first bytes are in a log
    for (ManagedProcess *process : std::as_const(processes)) {
        QObject::connect(process, &ManagedProcess::started, &app, [&programAt] {
            if (programAt == 0)
                programAt = now();
        });
        QObject::connect(process->output(), &OutputLog::changed, &app, [&firstOutputAt] {
            if (firstOutputAt == 0)
                firstOutputAt = now();
        });
    }
    for (ManagedProcess *process : std::as_const(processes))
        QObject::connect(process, &ManagedProcess::finished, &app, [&] {
            if (++finished == options.entries)
                inLogAt = now();
        });

    const auto complete = [&] {
        if (finished < options.entries)
            return false;
        qint64 kept = 0;
        for (ManagedProcess *process : std::as_const(processes))
            kept += process->output()->lineCount();
        const int rows = view->rowCount();
        if (rows == 0 || rows != kept || view->lastVisibleRow() != rows - 1)
            return false;
        // The last row shown is the last line of its log.
        const ManagedProcess *process = view->rowProcess(rows - 1);
        const OutputLog *log = process->output();
        return view->rowText(rows - 1).endsWith(log->line(log->endLineNumber() - 1).text);
    };
    auto *watcher = new PaintWatcher(complete, &app);
    view->viewport()->installEventFilter(watcher);

    std::vector<double> gaps;
    gaps.reserve(100000);
    double startedAt = now();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    double last = now();
    QObject::connect(&tick, &QTimer::timeout, &app, [&gaps, &last, &startedAt, &app] {
        const double t = now();
        gaps.push_back((t - last) * 1000.0);
        static const int gapReport = qEnvironmentVariableIntValue("OUTPUT_FLOOD_GAPS");
        if (gapReport > 0 && gaps.back() > gapReport) {
            std::fprintf(stderr, "gap %.1f ms ending at %.3f s:", gaps.back(), t - startedAt);
            for (const auto &[key, ms] : app.spent)
                if (ms > 1) std::fprintf(stderr, " %s %.1f ms (%d)", key.c_str(), ms, app.counts[key]);
            std::fprintf(stderr, "\n");
        }
        app.spent.clear();
        app.counts.clear();
        last = t;
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &app, [&] {
        qint64 kept = 0;
        for (ManagedProcess *process : std::as_const(processes))
            kept += process->output()->lineCount();
        std::fprintf(stderr, "output_flood: no complete paint within 120 s (finished %d of %d, rows %d, "
                             "kept %lld, last visible row %d, following %d)\n",
                     finished, options.entries, view->rowCount(), (long long)kept, view->lastVisibleRow(),
                     int(view->isFollowing()));
        QCoreApplication::exit(1);
    });
    deadline.start(120000);

    const double start = now();
    const double cpuStart = BenchSupport::cpuSeconds();
    last = start;
    startedAt = start;
    app.spent.clear();
    app.counts.clear();
    tick.start();
    // As the window's Start action does: spread over event-loop passes of at most 10 ms.
    window.manager()->startAll(processes);
    if (qEnvironmentVariableIsSet("OUTPUT_FLOOD_GAPS"))
        std::fprintf(stderr, "entries started in %.3f s\n", now() - start);
    app.exec();
    tick.stop();
    if (qEnvironmentVariableIsSet("OUTPUT_FLOOD_GAPS"))
        std::fprintf(stderr, "start at %.6f s (monotonic): program started after %.1f ms, first output in a log after %.1f ms, all in the logs after %.1f ms\n", start,
                     (programAt - start) * 1000, (firstOutputAt - start) * 1000, (inLogAt - start) * 1000);

    Trial trial;
    trial.cpuSeconds = BenchSupport::cpuSeconds() - cpuStart;
    trial.painted = watcher->paintedAt() > 0;
    trial.seconds = (trial.painted ? watcher->paintedAt() : now()) - start;
    trial.inLogSeconds = inLogAt - start;
    std::sort(gaps.begin(), gaps.end());
    if (!gaps.empty()) {
        trial.maxGapMs = gaps.back();
        trial.p99GapMs = gaps[std::min(gaps.size() - 1, size_t(double(gaps.size()) * 0.99))];
    }
    trial.peakRssKiB = peakRssKiB();
    trial.ok = trial.painted;
    for (ManagedProcess *process : std::as_const(processes)) {
        const OutputLog *log = process->output();
        // Lines: every line ever appended, less ProcDeck's own messages (those kept, and the
        // "started" message when lines were dropped, as it is the first line of the run).
        qint64 messages = log->firstLineNumber() > 0 ? 1 : 0;
        qint64 lastStdout = -1;
        for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n) {
            const OutputLine &line = log->line(n);
            if (line.stream == OutputStream::Message)
                ++messages;
            else
                lastStdout = n;
        }
        const qint64 lines = log->endLineNumber() - messages;
        trial.lines += lines;
        trial.bytes += log->bytesReceived(OutputStream::Stdout);
        trial.kept += log->lineCount();
        trial.dropped += log->droppedLines();
        if (lines != expectedLines(options, each)
            || log->bytesReceived(OutputStream::Stdout) != expectedBytes(options, each))
            trial.ok = false;
        if (options.lineLength > 0 && each % options.lineLength == 0) {
            const long long number = each / options.lineLength - 1;
            if (lastStdout < 0 || log->line(lastStdout).text.left(10).toLongLong() != number)
                trial.ok = false;
        }
    }
    return trial;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string text = argv[i + 1];
        const long long value = std::atoll(argv[i + 1]);
        if (name == "--terminal" && (text == "pipes" || text == "stdout" || text == "full"))
            options.terminal = text == "pipes"  ? TerminalMode::Pipes
                             : text == "stdout" ? TerminalMode::StdoutTerminal
                                                : TerminalMode::Terminal;
        else if (name == "--bytes")
            options.bytes = value;
        else if (name == "--line-length")
            options.lineLength = int(value);
        else if (name == "--entries")
            options.entries = std::max(1, int(value));
        else if (name == "--repeat")
            options.repeat = std::max(1, int(value));
        else if (name == "--busy")
            options.busy = int(value);
        else if (name == "--pipe-size")
            options.pipeSize = int(value);
        else if (name == "--stdout-terminal") // the name before --terminal
            options.terminal = value != 0 ? TerminalMode::StdoutTerminal : TerminalMode::Pipes;
        else {
            std::fprintf(stderr, "output_flood: unknown option %s\n", name.c_str());
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    std::atomic<bool> stop{false};
    std::vector<std::thread> spinners;
    for (int i = 0; i < options.busy; ++i) {
        spinners.emplace_back([&stop] {
            volatile unsigned long spin = 0;
            while (!stop.load(std::memory_order_relaxed))
                spin = spin + 1;
        });
    }

    std::printf("machine: %s, platform %s\n", machine().c_str(), qgetenv("QT_QPA_PLATFORM").constData());
    std::printf("workload: %d entr%s, %.0f MiB in all, line length %d%s, %d busy thread%s, median of %d\n",
                options.entries, options.entries == 1 ? "y" : "ies", mib(double(options.bytes)),
                options.lineLength, options.lineLength == 0 ? " (no newline)" : "", options.busy,
                options.busy == 1 ? "" : "s", options.repeat);
    std::printf("entries' stdout: %s\n", terminalName(options.terminal));

    std::vector<double> plainRates, windowRates, ratios, inLogRatios, maxGaps, p99Gaps, plainCpu, windowCpu;
    std::vector<double> keepingRates, keepingRatios; // pipes only
    Trial window;
    bool allOk = true;
    long long peakRss = 0;
    long long plainBytes = 0;
    for (int r = 0; r < options.repeat; ++r) {
        const Trial plain = forked<Trial>("output_flood", [&options] { return runPlain(options, options.pipeSize); });
        window = forked<Trial>("output_flood", [&options] { return runWindow(options); });
        if (options.terminal == TerminalMode::Pipes) {
            const Trial keeping = forked<Trial>("output_flood", [&options] { return runKeeping(options); });
            keepingRates.push_back(double(keeping.bytes) / keeping.seconds);
            keepingRatios.push_back(keeping.seconds / window.seconds);
        }
        plainRates.push_back(double(plain.bytes) / plain.seconds);
        plainBytes = plain.bytes;
        windowRates.push_back(double(window.bytes) / window.seconds);
        ratios.push_back(plain.seconds / window.seconds);
        inLogRatios.push_back(plain.seconds / window.inLogSeconds);
        maxGaps.push_back(window.maxGapMs);
        p99Gaps.push_back(window.p99GapMs);
        peakRss = std::max(peakRss, window.peakRssKiB);
        allOk = allOk && window.ok;
        plainCpu.push_back(plain.cpuSeconds);
        windowCpu.push_back(window.cpuSeconds);
        std::printf("round %d: plain %.0f MiB/s (%.3f s), window %.3f s in the log, %.3f s painted: ratio %.2f in the "
                    "log, %.2f painted; longest stall %.1f ms, p99 %.1f ms, peak RSS %.1f MiB; CPU plain %.2f s, "
                    "window %.2f s%s\n",
                    r + 1, mib(plainRates.back()), plain.seconds, window.inLogSeconds, window.seconds,
                    inLogRatios.back(), ratios.back(), window.maxGapMs, window.p99GapMs,
                    double(window.peakRssKiB) / 1024.0, plain.cpuSeconds, window.cpuSeconds,
                    window.ok ? "" : ", MISMATCH");
        std::fflush(stdout);
    }
    stop = true;
    for (std::thread &spinner : spinners)
        spinner.join();

    const long long each = options.bytes / options.entries;
    if (options.terminal == TerminalMode::Pipes)
        std::printf("plain reader:      %8.1f MiB/s  (plain reader of a pipe of %d bytes)\n", mib(median(plainRates)),
                    options.pipeSize);
    else
        std::printf("plain reader:      %8.1f MiB/s  (plain reader of a pseudo-terminal, %zu KiB reads)\n",
                    mib(median(plainRates)), TerminalReadSize / 1024);
    if (!keepingRates.empty())
        std::printf("keeping reader:    %8.1f MiB/s  (a plain reader that keeps as much as the logs do; window / it: "
                    "%.2f, range %.2f .. %.2f)\n",
                    mib(median(keepingRates)), median(keepingRatios),
                    *std::min_element(keepingRatios.begin(), keepingRatios.end()),
                    *std::max_element(keepingRatios.begin(), keepingRatios.end()));
    std::printf("window:            %8.1f MiB/s  (until the last line is painted)\n", mib(median(windowRates)));
    std::printf("ratio painted:     %8.2f        (median of the rounds' ratios; range %.2f .. %.2f)\n",
                median(ratios), *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()));
    std::printf("ratio in the log:  %8.2f        (range %.2f .. %.2f)\n", median(inLogRatios),
                *std::min_element(inLogRatios.begin(), inLogRatios.end()),
                *std::max_element(inLogRatios.begin(), inLogRatios.end()));
    std::printf("event loop stall:  longest %.1f ms (worst round %.1f ms), 99th percentile %.1f ms\n",
                median(maxGaps), *std::max_element(maxGaps.begin(), maxGaps.end()), median(p99Gaps));
    std::printf("peak RSS:          %.1f MiB (largest of the rounds)\n", double(peakRss) / 1024.0);
    std::printf("reader CPU:        plain %.2f s, window %.2f s (median; the window: every thread of ProcDeck)\n",
                median(plainCpu), median(windowCpu));
    std::printf("bytes:             written %lld, received %lld (plain reader %lld)%s\n", each * options.entries,
                window.bytes, plainBytes,
                options.terminal == TerminalMode::Terminal ? ", with the terminal's \\r per line" : "");
    std::printf("lines:             written %lld, received %lld (kept %lld with messages, dropped %lld)\n",
                expectedLines(options, each) * options.entries, window.lines, window.kept, window.dropped);
    std::printf("every line:        %s\n", allOk ? "accounted for in every round, last line kept is the last written"
                                                 : "MISMATCH");
    return allOk ? 0 : 1;
}

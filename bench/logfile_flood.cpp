// logfile_flood: what an entry's log file (LogFileWriter) costs under a flood.
//
// The same flooding entry (bench/flood_child writing BYTES of LINELEN-byte lines), run through a
// ProcessManager without a window, alternating REPEAT times each, every trial in a forked copy:
//   plain:   the entry without a log file;
//   logfile: the same entry with a log file in a temporary folder, rotated at --max-mb (default
//            16) into --keep (default 4) files.
// Timed from start() until `finished` (every line is in the log), and with a log file until its
// thread has written every line (LogFileWriter::waitWritten()). Meanwhile a 10 ms precise QTimer records its gaps: the longest is the event loop's worst
// stall (what the window would feel). Prints each mode's median time, throughput, CPU and longest
// gap, the ratio logfile/plain, and checks that the file holds every line.
//
// Options: --bytes N (default 64 MiB), --line-length N (80), --repeat N (5), --max-mb N (16),
// --keep N (8; enough to keep every line of the default flood, which is then checked).

#include "logfilewriter.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "processspec.h"

#include "benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

struct Options
{
    long long bytes = 64LL * 1024 * 1024;
    int lineLength = 80;
    int repeat = 5;
    int maxMB = 16;
    int keep = 8;
};

struct Trial
{
    double seconds = 0;      // start to `finished`: every line in the log
    double writtenSeconds = 0; // start to every line on disk (logfile mode)
    double cpu = 0;
    double longestGapMs = 0;
    long long fileLines = 0; // lines of the child in the log files (logfile mode)
};

long long countChildLines(const QString &folder)
{
    long long lines = 0;
    const QStringList names = QDir(folder).entryList(QDir::Files);
    for (const QString &name : names) {
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (line.contains(" | "))
                ++lines;
        }
    }
    return lines;
}

Trial runTrial(int argc, char **argv, const Options &options, bool withLog)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    ProcessManager manager;
    manager.setBaseDirectory(dir.path());
    ProcessSpec spec;
    spec.name = QStringLiteral("flood");
    spec.program = QStringLiteral(FLOOD_CHILD_PATH);
    spec.args = QStringList{QString::number(options.bytes), QString::number(options.lineLength)};
    spec.terminal = TerminalMode::Pipes;
    if (withLog) {
        spec.log.path = QStringLiteral("logs/flood.log");
        spec.log.maxSizeMB = options.maxMB;
        spec.log.keep = options.keep;
    }
    ManagedProcess *process = manager.add(spec);

    Trial trial;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        trial.longestGapMs = std::max(trial.longestGapMs, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    QEventLoop loop;
    QObject::connect(process, &ManagedProcess::finished, &loop, &QEventLoop::quit);
    const double cpuBefore = BenchSupport::cpuSeconds();
    const double start = BenchSupport::now();
    ticker.start();
    sinceTick.start();
    process->start();
    loop.exec();
    trial.seconds = BenchSupport::now() - start;
    if (auto *writer = process->findChild<LogFileWriter *>())
        writer->waitWritten();
    trial.writtenSeconds = BenchSupport::now() - start;
    trial.cpu = BenchSupport::cpuSeconds() - cpuBefore;
    if (withLog)
        trial.fileLines = countChildLines(dir.path() + QStringLiteral("/logs"));
    return trial;
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const long long value = std::atoll(argv[i + 1]);
        if (name == "--bytes")
            options.bytes = value;
        else if (name == "--line-length")
            options.lineLength = int(value);
        else if (name == "--repeat")
            options.repeat = int(value);
        else if (name == "--max-mb")
            options.maxMB = int(value);
        else if (name == "--keep")
            options.keep = int(value);
    }
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    std::vector<double> seconds[2], cpu[2], gaps[2], written;
    long long fileLines = -1;
    for (int r = 0; r < options.repeat; ++r) {
        for (int mode = 0; mode < 2; ++mode) {
            const Trial trial = BenchSupport::forked<Trial>(argv[0], [&] {
                return runTrial(argc, argv, options, mode == 1);
            });
            seconds[mode].push_back(trial.seconds);
            cpu[mode].push_back(trial.cpu);
            gaps[mode].push_back(trial.longestGapMs);
            if (mode == 1) {
                fileLines = trial.fileLines;
                written.push_back(trial.writtenSeconds);
            }
        }
    }
    // The last line is cut short when BYTES is not a multiple of LINELEN.
    const long long lines = options.lineLength > 0 ? (options.bytes + options.lineLength - 1) / options.lineLength : 1;
    std::printf("%s\n", BenchSupport::machine().c_str());
    std::printf("flood of %.0f MiB in %d-byte lines (%lld lines), %d trials each, log file rotated at %d MB, keep %d\n",
                BenchSupport::mib(double(options.bytes)), options.lineLength, lines, options.repeat,
                options.maxMB, options.keep);
    const char *names[2] = {"plain  ", "logfile"};
    for (int mode = 0; mode < 2; ++mode) {
        const double s = BenchSupport::median(seconds[mode]);
        std::printf("%s  %.3f s  %.0f MiB/s  CPU %.3f s  longest event-loop gap %.1f ms (median of trials)\n",
                    names[mode], s, BenchSupport::mib(double(options.bytes)) / s,
                    BenchSupport::median(cpu[mode]), BenchSupport::median(gaps[mode]));
    }
    std::printf("logfile: every line on disk after %.3f s\n", BenchSupport::median(written));
    std::printf("ratio logfile/plain: time %.2f, CPU %.2f\n",
                BenchSupport::median(seconds[1]) / BenchSupport::median(seconds[0]),
                BenchSupport::median(cpu[1]) / BenchSupport::median(cpu[0]));
    // Every line must be there when the files can hold them all (a line grows by its prefix).
    const bool roomForAll = (options.keep + 1LL) * options.maxMB * 1024 * 1024 >= options.bytes * 3 / 2;
    const bool ok = fileLines == lines || !roomForAll;
    std::printf("lines in the log files: %lld of %lld%s\n", fileLines, lines,
                fileLines == lines ? "" : ok ? " (the oldest rotated files dropped by keep)" : " MISSING LINES");
    return ok ? 0 : 1;
}

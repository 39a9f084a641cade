// output_core: how fast OutputLog takes in a flood, against the physical limit.
//
// For the same child (bench/flood_child writing BYTES of LINELEN-byte lines), in the same run,
// alternating, REPEAT times each, every trial in a forked copy of this program:
//   plain:     a plain reader draining the child's pipe into nothing (the physical limit);
//   outputlog: the same reads into a buffer, each appended to an OutputLog (appendData, a copy);
//   zerocopy:  the same blocking reads straight into OutputLog::reserve()/commit();
//   qprocess:  the child started by a QProcess and read the way ManagedProcess reads it today
//              (readyReadStandardOutput -> readAllStandardOutput -> appendData) in an event loop;
//   notifier:  the child's pipe (F_SETPIPE_SZ 1 MiB, O_NONBLOCK) watched by a QSocketNotifier in
//              an event loop, read into reserve()/commit() until EAGAIN or 1 MiB per wake-up;
//   keeping:   the keeping reader (keepingreader.h, output_flood's second limit): the plain
//              reader's pipes read 256 KiB at a time into 2 MiB blocks, as many bytes kept as the
//              logs keep of the workload;
//   reader:    ProcDeck's I/O thread (OutputReader) reading the 1 MiB pipes, its deliveries taken
//              into the logs on the main thread (appendBlock) as ChildProcess takes them: the
//              window's reading without the window;
//   iothread:  the same I/O thread with receivers that take nothing: what reading off the main
//              thread costs by itself (its epoll, blocks, scan and hand-over).
// (notifier, iothread and reader use 1 MiB pipes, as ProcDeck does, unless --pipe-size is given:
// give --pipe-size 1048576 to compare them with a plain reader of the same pipes.)
// It prints each one's median throughput and its ratio to the plain reader of the same round,
// lines and bytes received versus written, the check that the last line kept is the last line
// written, and the peak RSS of each. Decode only feeds the same bytes to an OutputLog from memory.
//
// Options: --bytes N (default 256 MiB), --line-length N (80; 0 = no newline at all),
// --entries N (children flooding at once, BYTES/N each; default 1), --pipe-size N (F_SETPIPE_SZ
// on every pipe; default: the system's), --read-size N (default 1 MiB), --repeat N (default 3),
// --busy N (N threads spinning meanwhile, to load the cores), --variants a,b,… (default all).

#include "outputdecoder.h"
#include "outputlog.h"
#include "outputreader.h"

#include "benchsupport.h"
#include "keepingreader.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSocketNotifier>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/utsname.h>
#include <sys/mman.h>
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
    int pipeSize = 0;
    int readSize = 1024 * 1024;
    int repeat = 3;
    int busy = 0;
    std::string variants = "plain,outputlog,zerocopy,qprocess,notifier,keeping,iothread,reader";
};

struct Child
{
    pid_t pid = -1;
    int fd = -1;
    long long bytes = 0;
};

struct Trial
{
    double seconds = 0;
    long long bytes = 0;        // received over the pipes
    long long lines = 0;        // OutputLog: lines that went through the logs
    long long kept = 0;
    long long dropped = 0;
    long long droppedBytes = 0;
    bool lastLineOk = true;
    long long peakRssKiB = 0;
};

Child spawnFlood(const Options &options, long long bytes, int pipeSize = -1)
{
    if (pipeSize < 0)
        pipeSize = options.pipeSize;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        std::perror("pipe2");
        std::exit(1);
    }
    if (pipeSize > 0 && ::fcntl(fds[0], F_SETPIPE_SZ, pipeSize) < 0)
        std::perror("F_SETPIPE_SZ");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    const std::string bytesArg = std::to_string(bytes);
    const std::string lineArg = std::to_string(options.lineLength);
    char *argv[] = {const_cast<char *>(FLOOD_CHILD_PATH), const_cast<char *>(bytesArg.c_str()),
                    const_cast<char *>(lineArg.c_str()), nullptr};
    Child child;
    if (posix_spawn(&child.pid, FLOOD_CHILD_PATH, &actions, nullptr, argv, environ) != 0) {
        std::perror("posix_spawn " FLOOD_CHILD_PATH);
        std::exit(1);
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    child.fd = fds[0];
    child.bytes = bytes;
    return child;
}

std::vector<Child> spawnAll(const Options &options, int pipeSize = -1)
{
    std::vector<Child> children;
    for (int i = 0; i < options.entries; ++i)
        children.push_back(spawnFlood(options, options.bytes / options.entries, pipeSize));
    return children;
}

void reap(std::vector<Child> &children)
{
    for (Child &child : children) {
        int status = 0;
        ::waitpid(child.pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            std::fprintf(stderr, "flood_child failed (status %d)\n", status);
    }
}

// Reads every child's pipe to the end; `sink(index, data, size)` gets each read.
template<typename Sink>
long long drain(std::vector<Child> &children, std::vector<char> &buffer, Sink sink)
{
    long long total = 0;
    if (children.size() == 1) {
        for (;;) {
            const ssize_t n = ::read(children[0].fd, buffer.data(), buffer.size());
            if (n > 0) {
                sink(0, buffer.data(), n);
                total += n;
            } else if (n == 0 || errno != EINTR) {
                break;
            }
        }
        ::close(children[0].fd);
        return total;
    }
    std::vector<pollfd> polled;
    std::vector<size_t> owner;
    for (size_t i = 0; i < children.size(); ++i) {
        polled.push_back({children[i].fd, POLLIN, 0});
        owner.push_back(i);
    }
    while (!polled.empty()) {
        if (::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR)
            break;
        for (size_t k = 0; k < polled.size();) {
            if (polled[k].revents == 0) {
                ++k;
                continue;
            }
            const ssize_t n = ::read(polled[k].fd, buffer.data(), buffer.size());
            if (n > 0) {
                sink(owner[k], buffer.data(), n);
                total += n;
                ++k;
            } else if (n < 0 && errno == EINTR) {
                ++k;
            } else {
                ::close(polled[k].fd);
                polled.erase(polled.begin() + long(k));
                owner.erase(owner.begin() + long(k));
            }
        }
    }
    return total;
}

long long expectedLines(const Options &options, long long bytes)
{
    if (options.lineLength == 0)
        return (bytes + OutputDecoder::MaxLineLength - 1) / OutputDecoder::MaxLineLength;
    return (bytes + options.lineLength - 1) / options.lineLength;
}

Trial runPlain(const Options &options)
{
    std::vector<char> buffer(size_t(options.readSize));
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options);
    Trial trial;
    trial.bytes = drain(children, buffer, [](size_t, const char *, ssize_t) {});
    reap(children);
    trial.seconds = now() - start;
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

std::vector<std::unique_ptr<OutputLog>> makeLogs(const Options &options)
{
    std::vector<std::unique_ptr<OutputLog>> logs;
    for (int i = 0; i < options.entries; ++i) {
        logs.push_back(std::make_unique<OutputLog>());
        logs.back()->beginRun(1);
    }
    return logs;
}

// Ends the runs and fills in the counts and checks of a trial.
void account(const Options &options, std::vector<std::unique_ptr<OutputLog>> &logs, Trial &trial)
{
    const long long each = options.bytes / options.entries;
    trial.bytes = 0;
    for (size_t i = 0; i < logs.size(); ++i) {
        OutputLog &log = *logs[i];
        log.endRun();
        trial.bytes += log.bytesReceived(OutputStream::Stdout);
        trial.lines += log.endLineNumber();
        trial.kept += log.lineCount();
        trial.dropped += log.droppedLines();
        trial.droppedBytes += log.droppedBytes();
        if (options.lineLength > 0 && each % options.lineLength == 0) {
            // The last line kept must be the last line written.
            const QString last = log.line(log.endLineNumber() - 1).text;
            const long long number = each / options.lineLength - 1;
            if (last.left(10).toLongLong() != number)
                trial.lastLineOk = false;
        }
        if (log.endLineNumber() != expectedLines(options, each))
            trial.lastLineOk = false;
        // Every byte received is in a kept line or a dropped one.
        qint64 kept = 0;
        for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n)
            kept += log.line(n).byteCount;
        if (kept + log.droppedBytes() != log.bytesReceived(OutputStream::Stdout))
            trial.lastLineOk = false;
    }
}

Trial runLog(const Options &options)
{
    std::vector<char> buffer(size_t(options.readSize));
    std::vector<std::unique_ptr<OutputLog>> logs = makeLogs(options);
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options);
    Trial trial;
    drain(children, buffer, [&logs](size_t index, const char *data, ssize_t size) {
        logs[index]->appendData(OutputStream::Stdout, QByteArrayView(data, size));
    });
    reap(children);
    for (auto &log : logs)
        log->endRun();
    trial.seconds = now() - start;
    account(options, logs, trial);
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

// Blocking reads straight into the logs' storage.
Trial runZeroCopy(const Options &options)
{
    std::vector<std::unique_ptr<OutputLog>> logs = makeLogs(options);
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options);
    std::vector<pollfd> polled;
    for (const Child &child : children)
        polled.push_back({child.fd, POLLIN, 0});
    size_t open = children.size();
    while (open > 0) {
        if (children.size() > 1 && ::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR)
            break;
        for (size_t i = 0; i < children.size(); ++i) {
            if (polled[i].fd < 0 || (children.size() > 1 && polled[i].revents == 0))
                continue;
            qsizetype capacity = 0;
            char *to = logs[i]->reserve(OutputStream::Stdout, 64 * 1024, &capacity);
            const ssize_t n = ::read(polled[i].fd, to, size_t(std::min<qsizetype>(capacity, options.readSize)));
            logs[i]->commit(OutputStream::Stdout, n > 0 ? n : 0);
            if (n == 0 || (n < 0 && errno != EINTR)) {
                ::close(polled[i].fd);
                polled[i].fd = -1;
                --open;
            }
        }
    }
    reap(children);
    for (auto &log : logs)
        log->endRun();
    Trial trial;
    trial.seconds = now() - start;
    account(options, logs, trial);
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

// What ManagedProcess did before it read its pipes itself: QProcess reads the pipe into its own
// buffer, and every readyRead takes everything there is with readAll and appends it.
Trial runQProcess(const Options &options)
{
    int argc = 1;
    char name[] = "output_core";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    std::vector<std::unique_ptr<OutputLog>> logs = makeLogs(options);
    std::vector<std::unique_ptr<QProcess>> processes;
    resetPeakRss();
    const double start = now();
    int running = options.entries;
    for (int i = 0; i < options.entries; ++i) {
        auto process = std::make_unique<QProcess>();
        QProcess *child = process.get();
        OutputLog *log = logs[size_t(i)].get();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(child, &QProcess::readyReadStandardOutput, child, [child, log] {
            const QByteArray out = child->readAllStandardOutput();
            if (!out.isEmpty())
                log->appendData(OutputStream::Stdout, out);
            const QByteArray err = child->readAllStandardError();
            if (!err.isEmpty())
                log->appendData(OutputStream::Stderr, err);
        });
        QObject::connect(child, &QProcess::finished, child, [child, log, &running, &app] {
            const QByteArray out = child->readAllStandardOutput();
            if (!out.isEmpty())
                log->appendData(OutputStream::Stdout, out);
            if (--running == 0)
                app.quit();
        });
        process->start(QString::fromUtf8(FLOOD_CHILD_PATH),
                       {QString::number(options.bytes / options.entries), QString::number(options.lineLength)});
        processes.push_back(std::move(process));
    }
    app.exec();
    for (auto &log : logs)
        log->endRun();
    Trial trial;
    trial.seconds = now() - start;
    account(options, logs, trial);
    trial.peakRssKiB = peakRssKiB();
    processes.clear();
    return trial;
}

// The child's pipe read directly: a 1 MiB pipe, non-blocking, watched by a QSocketNotifier, read
// into the log's storage until EAGAIN (or 1 MiB, to give the event loop its turn).
Trial runNotifier(const Options &options)
{
    int argc = 1;
    char name[] = "output_core";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    std::vector<std::unique_ptr<OutputLog>> logs = makeLogs(options);
    std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options, options.pipeSize > 0 ? options.pipeSize : 1024 * 1024);
    int open = options.entries;
    for (size_t i = 0; i < children.size(); ++i) {
        const int fd = children[i].fd;
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        auto notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        QSocketNotifier *watch = notifier.get();
        OutputLog *log = logs[i].get();
        QObject::connect(watch, &QSocketNotifier::activated, watch, [watch, fd, log, &open, &app] {
            qsizetype taken = 0;
            while (taken < 1024 * 1024) {
                qsizetype capacity = 0;
                char *to = log->reserve(OutputStream::Stdout, 64 * 1024, &capacity);
                const ssize_t n = ::read(fd, to, size_t(capacity));
                log->commit(OutputStream::Stdout, n > 0 ? n : 0);
                if (n > 0) {
                    taken += n;
                    continue;
                }
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0 && errno == EAGAIN)
                    return;
                watch->setEnabled(false); // end of file (or an error): this pipe is done
                ::close(fd);
                if (--open == 0)
                    app.quit();
                return;
            }
        });
        notifiers.push_back(std::move(notifier));
    }
    app.exec();
    reap(children);
    for (auto &log : logs)
        log->endRun();
    Trial trial;
    trial.seconds = now() - start;
    account(options, logs, trial);
    trial.peakRssKiB = peakRssKiB();
    notifiers.clear();
    return trial;
}

// The keeping reader (keepingreader.h): the same reads into 2 MiB blocks, the newest bytes kept as
// many as the logs keep of this workload: what keeping output costs at all.
Trial runKeeping(const Options &options)
{
    const long long keep = BenchSupport::logsKeep(options.bytes / options.entries, options.lineLength,
                                                  options.entries);
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options);
    std::vector<int> fds;
    for (const Child &child : children)
        fds.push_back(child.fd);
    Trial trial;
    trial.bytes = BenchSupport::drainKeeping(fds, keep);
    for (Child &child : children)
        ::close(child.fd);
    reap(children);
    trial.seconds = now() - start;
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

// ProcDeck's I/O thread reading the children's pipes (non-blocking, 1 MiB, as ChildProcess makes
// them); each delivery goes into that child's log (`keep`) or is dropped (the reader's cost alone).
Trial runReaderInto(const Options &options, bool keep)
{
    int argc = 1;
    char name[] = "output_core";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    std::vector<std::unique_ptr<OutputLog>> logs = makeLogs(options);
    struct Receiver final : OutputReceiver
    {
        OutputLog *log = nullptr;
        bool keep = true;
        int *open = nullptr;
        long long bytes = 0;
        void receiveOutput(OutputStream stream, QByteArrayView data, OutputBlock *block,
                           const OutputScan &scan) override
        {
            bytes += data.size();
            if (keep)
                log->appendBlock(stream, data, block, &scan);
        }
        void outputEnded() override
        {
            if (--*open == 0)
                QCoreApplication::quit();
        }
    };
    int open = options.entries;
    std::vector<Receiver> receivers(size_t(options.entries));
    OutputReader reader;
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options, options.pipeSize > 0 ? options.pipeSize : 1024 * 1024);
    for (size_t i = 0; i < children.size(); ++i) {
        ::fcntl(children[i].fd, F_SETFL, ::fcntl(children[i].fd, F_GETFL) | O_NONBLOCK);
        receivers[i].log = logs[i].get();
        receivers[i].keep = keep;
        receivers[i].open = &open;
        const int fds[2] = {children[i].fd, -1};
        reader.add(fds, &receivers[i]);
    }
    app.exec();
    reap(children);
    Trial trial;
    trial.seconds = now() - start;
    if (keep) {
        account(options, logs, trial);
    } else {
        for (const Receiver &receiver : receivers)
            trial.bytes += receiver.bytes;
    }
    trial.peakRssKiB = peakRssKiB();
    return trial;
}

Trial runReader(const Options &options)
{
    return runReaderInto(options, true);
}

Trial runIoThread(const Options &options)
{
    return runReaderInto(options, false);
}

// Memory as the logs get it: `bytes` of fresh 2 MiB blocks (2 MiB aligned, MADV_HUGEPAGE, as
// OutputBlock allocates them) written once, then the same blocks written again; seconds of each,
// in a forked copy (a new process, as each trial is). On a virtual machine the first write can
// cost far more than the second: the guest clears each page, and the host may have to back it.
struct TouchTrial
{
    double first = 0;
    double again = 0;
};

TouchTrial touchFreshMemory(long long bytes)
{
    return forked<TouchTrial>("output_core", [bytes] {
        constexpr size_t BlockSize = 2 * 1024 * 1024;
        std::vector<char *> blocks;
        for (long long allocated = 0; allocated < bytes; allocated += BlockSize) {
            void *memory = nullptr;
            if (::posix_memalign(&memory, BlockSize, BlockSize) != 0)
                std::abort();
            ::madvise(memory, BlockSize, MADV_HUGEPAGE);
            blocks.push_back(static_cast<char *>(memory));
        }
        TouchTrial trial;
        for (double *seconds : {&trial.first, &trial.again}) {
            const double start = now();
            for (char *block : blocks)
                std::memset(block, 'x', BlockSize);
            *seconds = now() - start;
        }
        for (char *block : blocks)
            std::free(block);
        return trial;
    });
}

// OutputLog fed from memory: the cost of decoding and storing alone.
double decodeOnly(const Options &options)
{
    std::string block;
    if (options.lineLength == 0) {
        block.assign(size_t(options.readSize), 'x');
    } else {
        std::string line(size_t(options.lineLength - 1), 'a');
        for (size_t i = 0; i < line.size(); ++i)
            line[i] = char('a' + i % 26);
        line += '\n';
        while (block.size() + line.size() <= size_t(options.readSize))
            block += line;
    }
    OutputLog log;
    const double start = now();
    long long left = options.bytes;
    while (left > 0) {
        const long long size = std::min<long long>(left, (long long)block.size());
        log.appendData(OutputStream::Stdout, QByteArrayView(block.data(), qsizetype(size)));
        left -= size;
    }
    log.endRun();
    return double(options.bytes) / (now() - start);
}

int defaultPipeSize()
{
    int fds[2];
    if (::pipe(fds) != 0)
        return -1;
    const int size = ::fcntl(fds[0], F_GETPIPE_SZ);
    ::close(fds[0]);
    ::close(fds[1]);
    return size;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const long long value = std::atoll(argv[i + 1]);
        if (name == "--bytes")
            options.bytes = value;
        else if (name == "--line-length")
            options.lineLength = int(value);
        else if (name == "--entries")
            options.entries = std::max(1, int(value));
        else if (name == "--pipe-size")
            options.pipeSize = int(value);
        else if (name == "--read-size")
            options.readSize = std::max(1, int(value));
        else if (name == "--repeat")
            options.repeat = std::max(1, int(value));
        else if (name == "--busy")
            options.busy = int(value);
        else if (name == "--variants")
            options.variants = argv[i + 1];
        else {
            std::fprintf(stderr, "output_core: unknown option %s\n", name.c_str());
            return 2;
        }
    }

    std::atomic<bool> stop{false};
    std::vector<std::thread> spinners;
    for (int i = 0; i < options.busy; ++i) {
        spinners.emplace_back([&stop] {
            volatile unsigned long spin = 0;
            while (!stop.load(std::memory_order_relaxed))
                spin = spin + 1;
        });
    }

    std::printf("machine: %s\n", machine().c_str());
    std::printf("workload: %d entr%s, %.0f MiB in all, line length %d%s, pipe %d bytes, reads of %d bytes, "
                "%d busy thread%s, median of %d\n",
                options.entries, options.entries == 1 ? "y" : "ies", mib(double(options.bytes)),
                options.lineLength, options.lineLength == 0 ? " (no newline)" : "",
                options.pipeSize > 0 ? options.pipeSize : defaultPipeSize(), options.readSize,
                options.busy, options.busy == 1 ? "" : "s", options.repeat);

    struct Variant
    {
        const char *name;
        Trial (*run)(const Options &);
        std::vector<double> rates;
        std::vector<double> ratios;
        Trial last;
    };
    std::vector<Variant> variants;
    for (Variant v : {Variant{"plain", runPlain, {}, {}, {}}, Variant{"outputlog", runLog, {}, {}, {}},
                      Variant{"zerocopy", runZeroCopy, {}, {}, {}}, Variant{"qprocess", runQProcess, {}, {}, {}},
                      Variant{"notifier", runNotifier, {}, {}, {}}, Variant{"keeping", runKeeping, {}, {}, {}},
                      Variant{"iothread", runIoThread, {}, {}, {}}, Variant{"reader", runReader, {}, {}, {}}}) {
        if (std::string(v.name) == "plain" || ("," + options.variants + ",").find("," + std::string(v.name) + ",") != std::string::npos)
            variants.push_back(v);
    }
    const long long written = options.bytes / options.entries * options.entries;
    bool allOk = true;
    for (int r = 0; r < options.repeat; ++r) {
        double plainRate = 0;
        for (Variant &variant : variants) {
            Trial (*run)(const Options &) = variant.run;
            variant.last = forked<Trial>("output_core", [&options, run] { return run(options); });
            const double rate = double(variant.last.bytes) / variant.last.seconds;
            variant.rates.push_back(rate);
            if (variant.run == runPlain)
                plainRate = rate;
            variant.ratios.push_back(rate / plainRate);
            if (variant.run != runPlain)
                allOk = allOk && variant.last.lastLineOk && variant.last.bytes == written;
        }
    }
    stop = true;
    for (std::thread &spinner : spinners)
        spinner.join();

    const auto spread = [](const std::vector<double> &values, double scale) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        char text[64];
        std::snprintf(text, sizeof text, "%.2f .. %.2f", *low * scale, *high * scale);
        return std::string(text);
    };
    const double toMib = 1.0 / (1024.0 * 1024.0);
    long long expected = 0;
    for (int i = 0; i < options.entries; ++i)
        expected += expectedLines(options, options.bytes / options.entries);
    std::printf("%-10s %10s %8s %16s %10s %14s\n", "variant", "MiB/s", "ratio", "ratio range", "peak RSS", "lines");
    for (const Variant &variant : variants) {
        std::printf("%-10s %10.1f %8.2f %16s %7.1f MiB %14lld\n", variant.name, mib(median(variant.rates)),
                    median(variant.ratios), spread(variant.ratios, 1.0).c_str(),
                    double(variant.last.peakRssKiB) / 1024.0, variant.last.lines);
    }
    (void)toMib;
    std::printf("ratio: the variant's throughput over the plain reader's of the same round, median of %d rounds\n",
                options.repeat);
    std::printf("bytes:             written %lld\n", written);
    const Trial &logged = variants.back().last;
    std::printf("lines:             written %lld; %s received %lld (kept %lld, dropped %lld = %lld bytes)\n",
                expected, variants.back().name, logged.lines, logged.kept, logged.dropped, logged.droppedBytes);
    std::printf("every line:        %s\n", allOk ? "accounted for in every trial, last line kept is the last written"
                                                 : "MISMATCH");
    std::printf("decode only:       %8.1f MiB/s (from memory, no pipe)\n",
                mib(decodeOnly(options)));
    const long long kept = BenchSupport::logsKeep(options.bytes / options.entries, options.lineLength,
                                                  options.entries);
    const TouchTrial touch = touchFreshMemory(kept);
    std::printf("fresh memory:      %8.1f MiB/s written the first time, %.1f MiB/s again (%.0f MiB, what the "
                "logs keep of this workload, in 2 MiB huge-page blocks)\n",
                mib(double(kept) / touch.first), mib(double(kept) / touch.again), mib(double(kept)));
    return allOk ? 0 : 1;
}

// output_core: how fast OutputLog takes in a flood, against the physical limit.
//
// For the same child (bench/flood_child writing BYTES of LINELEN-byte lines) and the same pipe,
// in the same run, alternating, REPEAT times each:
//   1. plain:     a plain reader draining the child's pipe into nothing (the physical limit);
//   2. outputlog: the same reads, each appended to an OutputLog with the default bounds.
// It prints the median throughputs and their ratio, lines and bytes received versus written,
// the check that the last line kept is the last line written, and the peak RSS of each phase.
// A third figure, decode only, feeds the same bytes to an OutputLog from memory, without a pipe.
//
// Options: --bytes N (default 256 MiB), --line-length N (80; 0 = no newline at all),
// --entries N (children flooding at once, BYTES/N each; default 1), --pipe-size N (F_SETPIPE_SZ
// on every pipe; default: the system's), --read-size N (default 1 MiB), --repeat N (default 3),
// --busy N (N threads spinning meanwhile, to load the cores).

#include "outputdecoder.h"
#include "outputlog.h"

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
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

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

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Peak RSS since the last reset (Linux: VmHWM, reset through /proc/self/clear_refs).
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

long long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atoll(line.c_str() + 6);
    }
    return -1;
}

Child spawnFlood(const Options &options, long long bytes)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        std::perror("pipe2");
        std::exit(1);
    }
    if (options.pipeSize > 0 && ::fcntl(fds[0], F_SETPIPE_SZ, options.pipeSize) < 0)
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

std::vector<Child> spawnAll(const Options &options)
{
    std::vector<Child> children;
    for (int i = 0; i < options.entries; ++i)
        children.push_back(spawnFlood(options, options.bytes / options.entries));
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

Trial runLog(const Options &options)
{
    std::vector<char> buffer(size_t(options.readSize));
    std::vector<std::unique_ptr<OutputLog>> logs;
    for (int i = 0; i < options.entries; ++i) {
        logs.push_back(std::make_unique<OutputLog>());
        logs.back()->beginRun(1);
    }
    resetPeakRss();
    const double start = now();
    std::vector<Child> children = spawnAll(options);
    Trial trial;
    trial.bytes = drain(children, buffer, [&logs](size_t index, const char *data, ssize_t size) {
        logs[index]->appendData(OutputStream::Stdout, QByteArrayView(data, size));
    });
    for (auto &log : logs)
        log->endRun();
    reap(children);
    trial.seconds = now() - start;
    trial.peakRssKiB = peakRssKiB();
    for (size_t i = 0; i < logs.size(); ++i) {
        const OutputLog &log = *logs[i];
        trial.lines += log.endLineNumber();
        trial.kept += log.lineCount();
        trial.dropped += log.droppedLines();
        trial.droppedBytes += log.droppedBytes();
        if (options.lineLength > 0 && children[i].bytes % options.lineLength == 0) {
            // The last line kept must be the last line written.
            const QString last = log.line(log.endLineNumber() - 1).text;
            const long long number = children[i].bytes / options.lineLength - 1;
            if (last.left(10).toLongLong() != number)
                trial.lastLineOk = false;
        }
        if (log.endLineNumber() != expectedLines(options, children[i].bytes))
            trial.lastLineOk = false;
    }
    return trial;
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

// Runs one trial in a forked copy of this process, so that its peak RSS is its own.
template<typename Run>
Trial forked(Run run)
{
    int fds[2];
    if (::pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        const Trial trial = run();
        const ssize_t written = ::write(fds[1], &trial, sizeof trial);
        ::_exit(written == ssize_t(sizeof trial) ? 0 : 1);
    }
    ::close(fds[1]);
    Trial trial;
    const ssize_t got = ::read(fds[0], &trial, sizeof trial);
    ::close(fds[0]);
    ::waitpid(pid, nullptr, 0);
    if (got != ssize_t(sizeof trial)) {
        std::fprintf(stderr, "output_core: a trial failed\n");
        std::exit(1);
    }
    return trial;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::string machine()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string model = "unknown CPU";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    utsname name{};
    ::uname(&name);
    return model + ", " + std::to_string(::sysconf(_SC_NPROCESSORS_ONLN)) + " CPUs, " + name.sysname
        + ' ' + name.release + ", Qt " + qVersion();
}

double mib(double bytes)
{
    return bytes / (1024.0 * 1024.0);
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

    std::vector<double> plainRates;
    std::vector<double> logRates;
    Trial plain;
    Trial logged;
    bool allOk = true;
    for (int r = 0; r < options.repeat; ++r) {
        plain = forked([&options] { return runPlain(options); });
        logged = forked([&options] { return runLog(options); });
        plainRates.push_back(double(plain.bytes) / plain.seconds);
        logRates.push_back(double(logged.bytes) / logged.seconds);
        allOk = allOk && logged.lastLineOk && logged.bytes == options.bytes / options.entries * options.entries;
    }
    stop = true;
    for (std::thread &spinner : spinners)
        spinner.join();

    const long long written = options.bytes / options.entries * options.entries;
    const double plainRate = median(plainRates);
    const double logRate = median(logRates);
    std::vector<double> ratios;
    for (size_t i = 0; i < plainRates.size(); ++i)
        ratios.push_back(logRates[i] / plainRates[i]);
    const auto spread = [](const std::vector<double> &values, double scale) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        char text[64];
        std::snprintf(text, sizeof text, "%.2f .. %.2f", *low * scale, *high * scale);
        return std::string(text);
    };
    const double toMib = 1.0 / (1024.0 * 1024.0);
    std::printf("plain reader:      %8.1f MiB/s  (range %s)\n", mib(plainRate),
                spread(plainRates, toMib).c_str());
    std::printf("outputlog:         %8.1f MiB/s  (range %s)\n", mib(logRate),
                spread(logRates, toMib).c_str());
    std::printf("ratio:             %8.2f        (median of the pairs %.2f, range %s)\n",
                logRate / plainRate, median(ratios), spread(ratios, 1.0).c_str());
    long long expected = 0;
    for (int i = 0; i < options.entries; ++i)
        expected += expectedLines(options, options.bytes / options.entries);
    std::printf("bytes:             written %lld, received %lld\n", written, logged.bytes);
    std::printf("lines:             written %lld, received %lld (kept %lld, dropped %lld = %lld bytes)\n",
                expected, logged.lines, logged.kept, logged.dropped, logged.droppedBytes);
    std::printf("every line:        %s\n", allOk ? "accounted for, last line kept is the last written"
                                                 : "MISMATCH");
    std::printf("peak RSS:          plain %.1f MiB, outputlog %.1f MiB\n",
                double(plain.peakRssKiB) / 1024.0, double(logged.peakRssKiB) / 1024.0);
    std::printf("decode only:       %8.1f MiB/s (from memory, no pipe)\n",
                mib(decodeOnly(options)));
    return allOk ? 0 : 1;
}

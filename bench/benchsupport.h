#pragma once

// What the benchmark programs share: a clock, CPU time, peak memory, a plain reader, running a trial in a forked copy,
// medians, and a line naming the machine. Header-only; each program is one translation unit.

#include <QtGlobal>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

namespace BenchSupport {

inline double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// This process's user + system CPU time so far, every thread's.
inline double cpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Peak RSS since the process started or the last reset (Linux: VmHWM, reset through
// /proc/self/clear_refs).
inline void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

inline long long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::atoll(line.c_str() + 6);
    }
    return -1;
}

// The plain reader of a physical limit: reads every descriptor into nothing, `readSize` at a time,
// until end of file or an error (EIO: a pseudo-terminal's master once every slave closed); the
// bytes read. One descriptor: blocking reads, no poll (the fastest plain reader); several: poll()
// first. The descriptors stay open.
inline long long drain(const std::vector<int> &fds, size_t readSize)
{
    std::vector<pollfd> polled;
    for (const int fd : fds) {
        if (fds.size() == 1)
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        polled.push_back({fd, POLLIN, 0});
    }
    std::vector<char> buffer(readSize);
    long long bytes = 0;
    size_t open = polled.size();
    while (open > 0) {
        if (polled.size() > 1 && ::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR)
            break;
        for (pollfd &p : polled) {
            if (p.fd < 0 || (polled.size() > 1 && p.revents == 0))
                continue;
            const ssize_t n = ::read(p.fd, buffer.data(), buffer.size());
            if (n > 0) {
                bytes += n;
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                p.fd = -1;
                --open;
            }
        }
    }
    return bytes;
}

// Runs one trial in a forked copy of this process, so that its peak RSS and its Qt application
// object are its own; the trial comes back through a pipe. `Trial` must be trivially copyable.
template<typename Trial, typename Run>
Trial forked(const char *program, Run run)
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
        std::fprintf(stderr, "%s: a trial failed\n", program);
        std::exit(1);
    }
    return trial;
}

inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline double mib(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

// "CPU model, N CPUs, Linux release, Qt version".
inline std::string machine()
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

} // namespace BenchSupport

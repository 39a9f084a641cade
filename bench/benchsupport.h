#pragma once

// What the benchmark programs share: a clock, peak memory, running a trial in a forked copy,
// medians, and a line naming the machine. Header-only; each program is one translation unit.

#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

namespace BenchSupport {

inline double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
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

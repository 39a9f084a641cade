// pd_burn: a child with a known resource use, for the /proc sampling tests. Plain C++ and POSIX.
//
//   pd_burn burn MS              spin on the CPU for MS milliseconds of wall time, then exit 0
//   pd_burn alloc MIB HOLDMS     allocate MIB MiB, write to every page (so that it is resident),
//                                print "ready", sleep HOLDMS, exit 0

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <unistd.h>

namespace {

long toLong(const char *text)
{
    if (!text)
        return -1;
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0)
        return -1;
    return value;
}

[[noreturn]] void usage()
{
    std::fputs("usage: pd_burn burn MS | pd_burn alloc MIB HOLDMS\n", stderr);
    std::exit(2);
}

double monotonicMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void sleepMs(long ms)
{
    timespec request{ms / 1000, (ms % 1000) * 1000000L};
    timespec remaining{};
    while (::nanosleep(&request, &remaining) != 0 && errno == EINTR)
        request = remaining;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    if (std::strcmp(argv[1], "burn") == 0) {
        const long ms = toLong(argc > 2 ? argv[2] : nullptr);
        if (ms < 0)
            usage();
        const double deadline = monotonicMs() + double(ms);
        volatile unsigned long sink = 0; // keeps the loop from being optimised away
        while (monotonicMs() < deadline) {
            for (int i = 0; i < 100000; ++i)
                sink = sink + unsigned(i);
        }
        return 0;
    }
    if (std::strcmp(argv[1], "alloc") == 0) {
        const long mib = toLong(argc > 2 ? argv[2] : nullptr);
        const long holdMs = toLong(argc > 3 ? argv[3] : nullptr);
        if (mib < 0 || holdMs < 0)
            usage();
        const size_t size = size_t(mib) * 1024 * 1024;
        auto *memory = static_cast<unsigned char *>(std::malloc(size ? size : 1));
        if (!memory) {
            std::fputs("pd_burn: out of memory\n", stderr);
            return 1;
        }
        // Non-zero bytes on every page, so no page stays shared with the zero page.
        const long page = ::sysconf(_SC_PAGESIZE) > 0 ? ::sysconf(_SC_PAGESIZE) : 4096;
        for (size_t offset = 0; offset < size; offset += size_t(page))
            memory[offset] = static_cast<unsigned char>(offset / size_t(page) | 1u);
        std::fputs("ready\n", stdout);
        std::fflush(stdout);
        sleepMs(holdMs);
        // Read the memory back so that the allocation is observable to the end.
        unsigned long sum = 0;
        for (size_t offset = 0; offset < size; offset += size_t(page))
            sum += memory[offset];
        std::free(memory);
        return sum == 0 && size > 0 ? 1 : 0;
    }
    usage();
}

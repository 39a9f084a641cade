#pragma once

// A plain reader that keeps what it reads, as any program that shows output afterwards must: the
// second limit output_flood prints beside the plain reader (which reads into one buffer and keeps
// nothing). Each pipe is read, 256 KiB at a time as ProcDeck reads, into 2 MiB blocks of its own
// (2 MiB aligned, MADV_HUGEPAGE, as ProcDeck's OutputBlock); the newest `keepBytes` of all pipes
// together stay in memory, and once that much is kept the oldest block is reused. Nothing else:
// no line is found, nothing ordered or decoded, no window. Between the plain reader and this is
// the cost of keeping bytes at all (memory that is not in the cache, pages to fault in).

#include "outputlog.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <deque>
#include <vector>

#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>

namespace BenchSupport {

// How many bytes the logs keep of `entries` children writing `bytesEach` bytes in lines of
// `lineLength` bytes (0: no newline, cut at 64 KiB): each log's line bound (100,000 lines) and byte
// budget (32 MiB), and the budget of all logs together (128 MiB).
inline long long logsKeep(long long bytesEach, int lineLength, int entries)
{
    const long long lineBytes = lineLength > 0 ? lineLength : 64 * 1024;
    const long long perLog = std::min<long long>({bytesEach, OutputLog::DefaultMaxLines * lineBytes,
                                                  OutputLog::DefaultMaxBytes});
    return std::min<long long>(perLog * entries, OutputLog::DefaultTotalMaxBytes);
}

inline long long drainKeeping(const std::vector<int> &fds, long long keepBytes)
{
    constexpr size_t BlockSize = 2 * 1024 * 1024;
    constexpr size_t ReadSize = 256 * 1024;
    struct Source
    {
        int fd;
        char *block = nullptr;
        size_t used = BlockSize;
    };
    std::vector<Source> sources;
    for (const int fd : fds)
        sources.push_back({fd});
    std::deque<char *> kept; // oldest first
    std::vector<char *> all;
    const size_t keepBlocks = std::max<size_t>(1, size_t(keepBytes) / BlockSize);
    const auto newBlock = [&]() -> char * {
        if (kept.size() >= keepBlocks) {
            char *oldest = kept.front();
            kept.pop_front();
            kept.push_back(oldest);
            return oldest;
        }
        void *memory = nullptr;
        if (::posix_memalign(&memory, BlockSize, BlockSize) != 0)
            std::abort();
        ::madvise(memory, BlockSize, MADV_HUGEPAGE);
        all.push_back(static_cast<char *>(memory));
        kept.push_back(all.back());
        return all.back();
    };
    long long bytes = 0;
    std::vector<pollfd> polled;
    for (const int fd : fds)
        polled.push_back({fd, POLLIN, 0});
    size_t open = sources.size();
    while (open > 0) {
        if (polled.size() > 1 && ::poll(polled.data(), polled.size(), -1) < 0 && errno != EINTR)
            break;
        for (size_t i = 0; i < sources.size(); ++i) {
            Source &source = sources[i];
            if (source.fd < 0 || (polled.size() > 1 && polled[i].revents == 0))
                continue;
            if (BlockSize - source.used < ReadSize / 4) {
                source.block = newBlock();
                source.used = 0;
            }
            char *to = source.block + source.used;
            const ssize_t n = ::read(source.fd, to, std::min(ReadSize, BlockSize - source.used));
            if (n > 0) {
                bytes += n;
                source.used += size_t(n);
            } else if (n == 0 || errno != EINTR) {
                ::close(source.fd);
                source.fd = -1;
                polled[i].fd = -1;
                --open;
            }
        }
    }
    for (char *block : all)
        std::free(block);
    return bytes;
}

} // namespace BenchSupport

// flood_child: writes BYTES bytes to stdout as fast as write(2) allows, in lines of LINELEN bytes
// (LINELEN-1 characters and a newline), as the benchmarks' child. Plain C++ and POSIX, no Qt.
//
//   flood_child BYTES [LINELEN]     LINELEN 0: no newline at all (one line of BYTES)
//
// Each line starts with its number, zero-padded to 10 digits, so that a reader can check that
// the last line it kept is the last line written. The last line is cut short if BYTES is not a
// multiple of LINELEN.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

bool writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(1, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

void putNumber(char *at, unsigned long number, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        at[i] = char('0' + number % 10);
        number /= 10;
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: flood_child BYTES [LINELEN]\n");
        return 2;
    }
    const long long bytes = std::atoll(argv[1]);
    const long lineLength = argc > 2 ? std::atol(argv[2]) : 80;
    if (bytes < 0 || lineLength < 0 || (lineLength > 0 && lineLength < 12)) {
        std::fprintf(stderr, "flood_child: BYTES >= 0, LINELEN 0 or >= 12\n");
        return 2;
    }

    constexpr size_t blockTarget = 256 * 1024;
    std::string block;
    size_t linesPerBlock = 0;
    if (lineLength == 0) {
        block.assign(blockTarget, 'x');
    } else {
        std::string line;
        for (long i = 0; i + 1 < lineLength; ++i)
            line += char('a' + i % 26);
        line[10] = ' ';
        line += '\n';
        while (block.size() + line.size() <= blockTarget) {
            block += line;
            ++linesPerBlock;
        }
    }

    unsigned long lineNumber = 0;
    long long left = bytes;
    while (left > 0) {
        if (linesPerBlock > 0) {
            for (size_t i = 0; i < linesPerBlock; ++i)
                putNumber(&block[i * size_t(lineLength)], lineNumber + i, 10);
            lineNumber += linesPerBlock;
        }
        const size_t chunk = size_t(std::min<long long>(left, (long long)block.size()));
        if (!writeAll(block.data(), chunk))
            return 1;
        left -= (long long)chunk;
    }
    return 0;
}

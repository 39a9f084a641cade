// pd_server: a tiny TCP or HTTP server for the readiness and liveness checks' tests
// (tst_healthcheck). Plain C++ and POSIX, no Qt, one thread, on 127.0.0.1.
//
//   pd_server tcp PORT DELAY_MS          sleep DELAY_MS, then listen on PORT (0: a free one),
//                                        print "listening on PORT" and accept (and close) every
//                                        connection until killed
//   pd_server http PORT STATUS [DELAY_MS]
//                                        listen at once, print "listening on PORT", and answer
//                                        every request with STATUS (no body), DELAY_MS after it
//                                        came; STATUS "none": read requests and never answer,
//                                        keeping the connections open
//
// Nothing is printed before the socket listens, so a test that sees "listening on" knows a
// connection can succeed.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

void sleepMs(long ms)
{
    timespec wait{ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&wait, &wait) != 0 && errno == EINTR) {
    }
}

void writeAll(int fd, const std::string &text)
{
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += size_t(n);
    }
}

// Listens on 127.0.0.1:port and says so on stdout; exits 1 when it cannot.
int listenOn(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(fd, 16) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        std::perror("pd_server");
        std::exit(1);
    }
    writeAll(1, "listening on " + std::to_string(ntohs(address.sin_port)) + "\n");
    return fd;
}

// Reads one request's head (up to the empty line); false when the peer closed first.
bool readRequest(int fd)
{
    std::string head;
    char buffer[1024];
    while (head.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        head.append(buffer, size_t(n));
    }
    return true;
}

int serveHttp(int listener, const char *status, long delayMs)
{
    const bool never = std::strcmp(status, "none") == 0;
    std::vector<int> held; // "none": the connections that wait for ever
    for (;;) {
        const int connection = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (connection < 0)
            continue;
        if (!readRequest(connection) || never) {
            if (never)
                held.push_back(connection);
            else
                ::close(connection);
            continue;
        }
        sleepMs(delayMs);
        writeAll(connection, std::string("HTTP/1.1 ") + status
                                 + " Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        ::close(connection);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "tcp" && argc >= 4) {
        sleepMs(std::atol(argv[3]));
        const int listener = listenOn(std::atoi(argv[2]));
        for (;;) {
            const int connection = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection >= 0)
                ::close(connection);
        }
    }
    if (mode == "http" && argc >= 4)
        return serveHttp(listenOn(std::atoi(argv[2])), argv[3], argc > 4 ? std::atol(argv[4]) : 0);
    std::fprintf(stderr, "usage: pd_server tcp PORT DELAY_MS | http PORT STATUS [DELAY_MS]\n");
    return 2;
}

// `procdeck ctl bridge` (ControlClient::bridge): standard input and output joined to a control
// socket, byte for byte, so that `ssh HOST procdeck ctl bridge` is a socket to that machine's
// ProcDeck.
//
// Two directions, each its own blocking loop: standard input to the socket on a small thread, the
// socket to standard output on the calling one. Neither waits for the other, so nothing deadlocks
// when both sides stream at once (a peer that writes a lot before it reads). The end of standard
// input half-closes the socket (the ProcDeck then ends the connection); the end of the socket, or
// a standard output nobody reads any more, ends the bridge.
#include "controlclient.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr size_t BufferBytes = 64 * 1024;

// Writes all of `bytes` to `fd` (send() without SIGPIPE for a socket); false when it cannot.
bool writeAll(int fd, const char *bytes, size_t size, bool socket)
{
    while (size > 0) {
        const ssize_t written = socket ? ::send(fd, bytes, size, MSG_NOSIGNAL) : ::write(fd, bytes, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes += written;
        size -= size_t(written);
    }
    return true;
}

// Copies `from` to `to` until the end of `from` or an error on either side.
void copy(int from, int to, bool toSocket)
{
    char buffer[BufferBytes];
    for (;;) {
        const ssize_t got = ::read(from, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0 || !writeAll(to, buffer, size_t(got), toSocket))
            return;
    }
}

int connectTo(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (size_t(native.size()) >= sizeof(address.sun_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace

namespace ControlClient {

int bridge(const QString &socketPath, QString *error)
{
    const int socket = connectTo(socketPath);
    if (socket < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    std::signal(SIGPIPE, SIG_IGN); // a closed standard output ends the copy, not the process
    std::thread input([socket] {
        copy(STDIN_FILENO, socket, true);
        ::shutdown(socket, SHUT_WR);
    });
    // The thread may sit in a read of standard input when the socket ends: it ends with the process.
    input.detach();
    copy(socket, STDOUT_FILENO, false);
    ::shutdown(socket, SHUT_RDWR);
    return 0;
}

} // namespace ControlClient

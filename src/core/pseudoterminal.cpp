#include "pseudoterminal.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(PseudoTerminal)
};

QString systemError(const char *call)
{
    return Msg::tr("cannot create a pseudo-terminal (%1): %2")
        .arg(QLatin1StringView(call), QString::fromLocal8Bit(::strerror(errno)));
}

} // namespace

PseudoTerminal::~PseudoTerminal()
{
    close();
}

QString PseudoTerminal::open(Kind kind, int columns, int rows)
{
    close();
    m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m_master < 0)
        return systemError("posix_openpt");
    char name[128];
    if (::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0 || ::ptsname_r(m_master, name, sizeof name) != 0) {
        const QString error = systemError("ptsname");
        close();
        return error;
    }
    // O_NOCTTY: it must not become ProcDeck's own controlling terminal.
    m_slave = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m_slave < 0) {
        const QString error = systemError("open");
        close();
        return error;
    }
    termios settings{};
    if (::tcgetattr(m_slave, &settings) == 0) {
        if (kind == Kind::OutputOnly) {
            settings.c_oflag &= ~tcflag_t(OPOST);
            settings.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        }
        settings.c_iflag |= IUTF8;
        ::tcsetattr(m_slave, TCSANOW, &settings);
    }
    setWindowSize(columns, rows);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    return {};
}

void PseudoTerminal::close()
{
    closeSlave();
    if (m_master >= 0)
        ::close(m_master);
    m_master = -1;
}

void PseudoTerminal::closeSlave()
{
    if (m_slave >= 0)
        ::close(m_slave);
    m_slave = -1;
}

bool PseudoTerminal::setWindowSize(int columns, int rows)
{
    if (m_master < 0 || columns <= 0 || rows <= 0)
        return false;
    winsize size{};
    size.ws_col = static_cast<unsigned short>(std::min(columns, 0xffff));
    size.ws_row = static_cast<unsigned short>(std::min(rows, 0xffff));
    return ::ioctl(m_master, TIOCSWINSZ, &size) == 0;
}

QByteArray PseudoTerminal::controlCharacter(int index) const
{
    termios settings{};
    if (m_master < 0 || ::tcgetattr(m_master, &settings) != 0 || settings.c_cc[index] == _POSIX_VDISABLE)
        return {};
    return QByteArray(1, char(settings.c_cc[index]));
}

QByteArray PseudoTerminal::interruptCharacter() const
{
    return controlCharacter(VINTR);
}

QByteArray PseudoTerminal::endOfFileCharacter() const
{
    return controlCharacter(VEOF);
}

QString PseudoTerminal::write(const QByteArray &data)
{
    if (m_master < 0)
        return Msg::tr("the terminal is closed");
    // The master is non-blocking; input that does not fit at once (the terminal holds about 4 KiB
    // the program has not read) waits a little, then is refused.
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(m_master, data.constData() + done, size_t(data.size() - done));
        if (n > 0) {
            done += n;
        } else if (n < 0 && errno == EAGAIN) {
            pollfd writable{m_master, POLLOUT, 0};
            if (::poll(&writable, 1, 100) <= 0)
                return Msg::tr("the program does not read its input");
        } else if (!(n < 0 && errno == EINTR)) {
            return QString::fromLocal8Bit(::strerror(errno));
        }
    }
    return {};
}

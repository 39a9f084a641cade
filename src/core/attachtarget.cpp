#include "attachtarget.h"

#include "controlclient.h"
#include "controlprotocol.h"
#include "shellwords.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView SshScheme{"ssh://"};

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(AttachTarget)
};

// A word that ssh would read as an option, or that no shell or URL should carry: refused, so
// that an address can never smuggle `-oProxyCommand=…` onto ssh's command line.
bool isUnsafeWord(const QString &word)
{
    if (word.startsWith(u'-'))
        return true;
    for (const QChar c : word) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// "2222" → 2222; 0 with `error` set for anything but a number from 1 to 65535.
int parsePort(const QString &text, QString *error)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    const bool digitsOnly = !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!ok || !digitsOnly || port < 1 || port > 65535) {
        *error = Msg::tr("“%1” is not a port: give a number from 1 to 65535").arg(text);
        return 0;
    }
    return port;
}

// "host", "host:port", "[v6]" or "[v6]:port" into the target; false with `error` set.
bool parseHostPort(const QString &text, AttachTarget *target, QString *error)
{
    QString rest; // ":port" or nothing
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0) {
            *error = Msg::tr("the IPv6 address has no closing “]”");
            return false;
        }
        target->host = QUrl::fromPercentEncoding(text.mid(1, close - 1).toUtf8()); // a zone: %25
        rest = text.mid(close + 1);
    } else {
        const qsizetype colon = text.indexOf(u':');
        if (colon >= 0 && text.indexOf(u':', colon + 1) >= 0) {
            *error = Msg::tr("an IPv6 address goes in brackets, as in ssh://[%1]").arg(text);
            return false;
        }
        target->host = QUrl::fromPercentEncoding(text.left(colon).toUtf8()); // all without a colon
        rest = colon < 0 ? QString() : text.mid(colon);
    }
    if (target->host.isEmpty()) {
        *error = Msg::tr("the address names no host: write ssh://HOST or ssh://USER@HOST");
        return false;
    }
    if (isUnsafeWord(target->host)) {
        *error = Msg::tr("“%1” is not a host name").arg(target->host);
        return false;
    }
    if (rest.isEmpty())
        return true;
    if (!rest.startsWith(u':')) {
        *error = Msg::tr("“%1” after the host is neither a port nor a session (“:PORT”, “/SESSION”)").arg(rest);
        return false;
    }
    if (rest.size() == 1) {
        *error = Msg::tr("the port after “:” is missing");
        return false;
    }
    target->port = parsePort(rest.mid(1), error);
    return target->port != 0;
}

// ssh://[user@]host[:port][/session]; everything after the first "/" is the session there (a
// socket name, or a session file: relative to the home folder, or absolute after a second "/").
std::variant<AttachTarget, QString> parseSsh(const QString &text)
{
    AttachTarget target;
    target.kind = AttachTarget::Kind::Ssh;
    const QString rest = text.mid(SshScheme.size());
    const qsizetype slash = rest.indexOf(u'/');
    const QString authority = slash < 0 ? rest : rest.left(slash);
    if (slash >= 0)
        target.session = QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8());

    QString hostPort = authority;
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        if (userInfo.contains(u':'))
            return Msg::tr("a password does not belong in the address: ssh asks for one when it needs it");
        target.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
        if (target.user.isEmpty())
            return Msg::tr("the user name before “@” is empty");
        if (isUnsafeWord(target.user))
            return Msg::tr("“%1” is not a user name").arg(target.user);
    }
    QString error;
    if (!parseHostPort(hostPort, &target, &error))
        return error;
    if (target.session.contains(u'\n'))
        return Msg::tr("the session name has a line break in it");
    return target;
}

// Whether `path` is a socket (a control socket given by its path, whatever its name).
bool isSocketFile(const QString &path)
{
    struct stat info {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISSOCK(info.st_mode);
}

std::variant<AttachTarget, QString> parseLocal(const QString &text)
{
    AttachTarget target;
    if (isSocketFile(text)) {
        if (!ControlProtocol::isLive(text))
            return Msg::tr("the ProcDeck of %1 is not running any more").arg(text);
        target.socketPath = QFileInfo(text).absoluteFilePath();
        return target;
    }
    // A socket name as `procdeck ctl instances` shows it, a session file that a running ProcDeck
    // has open, or nothing: the only one running.
    QString error;
    target.socketPath = ControlClient::findInstance(text, &error);
    if (target.socketPath.isEmpty())
        return error.isEmpty() ? Msg::tr("no running ProcDeck is called %1").arg(text) : error;
    return target;
}

} // namespace

std::variant<AttachTarget, QString> AttachTarget::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(SshScheme, Qt::CaseInsensitive))
        return parseSsh(trimmed);
    const qsizetype scheme = trimmed.indexOf(u"://"_s);
    if (scheme > 0 && !trimmed.left(scheme).contains(u'/'))
        return Msg::tr("“%1” cannot be attached to: only ssh:// reaches another machine").arg(trimmed.left(scheme + 3));
    return parseLocal(trimmed);
}

QString AttachTarget::toString() const
{
    if (kind == Kind::Local)
        return socketPath;
    QString text = SshScheme;
    if (!user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(user)) + u'@';
    const QString encodedHost = QString::fromLatin1(QUrl::toPercentEncoding(host, ":"));
    text += host.contains(u':') ? u'[' + encodedHost + u']' : encodedHost;
    if (port != 0)
        text += u':' + QString::number(port);
    if (!session.isEmpty())
        text += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(session, "/"));
    return text;
}

QString AttachTarget::displayName() const
{
    if (kind == Kind::Local)
        return QFileInfo(socketPath).completeBaseName();
    if (session.isEmpty())
        return host;
    // The name its socket has there (a session file's "stack" for …/stack.json).
    return Msg::tr("%1 on %2").arg(ControlProtocol::baseName(session, 0), host);
}

QString AttachTarget::sshProgram() const
{
    return u"ssh"_s;
}

// No BatchMode: ssh may ask for a passphrase or a host key's confirmation on the terminal, or
// through SSH_ASKPASS where there is none. -T: no terminal on the other side, so the bytes pass
// untouched (and -e none: no escape character); -x -a: no X11 or agent forwarding, which a
// bridge never needs. ServerAliveInterval: a dead link is noticed within a minute (3 unanswered
// probes 15 s apart) rather than at the next TCP timeout; ConnectTimeout bounds a host that does
// not answer at all. "--" ends the options before the destination.
QStringList AttachTarget::sshArguments() const
{
    QStringList arguments{u"-T"_s, u"-e"_s, u"none"_s, u"-x"_s, u"-a"_s,
                          u"-o"_s, u"ServerAliveInterval=15"_s, u"-o"_s, u"ServerAliveCountMax=3"_s,
                          u"-o"_s, u"ConnectTimeout=30"_s};
    if (port != 0)
        arguments << u"-p"_s << QString::number(port);
    arguments << u"--"_s << (user.isEmpty() ? host : user + u'@' + host);

    // ssh joins its command words with spaces for the remote shell: the command is one word,
    // quoted here. PROCDECK_REMOTE_COMMAND is shell text (e.g. "env VAR=… /opt/procdeck/procdeck").
    QString remote = qEnvironmentVariable("PROCDECK_REMOTE_COMMAND").trimmed();
    if (remote.isEmpty())
        remote = u"procdeck"_s;
    QStringList command{remote, u"ctl"_s};
    if (!session.isEmpty())
        command << u"--session"_s << ShellWords::quote(session);
    command << u"bridge"_s;
    arguments << command.join(u' ');
    return arguments;
}

#include "sshfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto SshdPath = "/usr/sbin/sshd";
constexpr int StartTimeoutMs = 20000;

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size()
        && file.setPermissions(permissions);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

// A port nobody listens on now (the kernel's choice); sshd binds it a moment later.
int freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Runs a short program to its end; empty when it exited 0, else its words.
QString runToEnd(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"%1 failed: %2 %3"_s.arg(program, process.errorString(), QString::fromLocal8Bit(process.readAll()));
    return QString();
}

} // namespace

SshFixture::SshFixture()
{
    const passwd *entry = ::getpwuid(::geteuid());
    m_user = entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
    m_shell = entry ? QString::fromLocal8Bit(entry->pw_shell) : QString();
    m_sshd.setProcessChannelMode(QProcess::SeparateChannels);
    m_sshd.setStandardOutputFile(QProcess::nullDevice());
}

SshFixture::~SshFixture()
{
    if (m_sshd.state() != QProcess::NotRunning) {
        m_sshd.terminate();
        if (!m_sshd.waitForFinished(5000)) {
            m_sshd.kill();
            m_sshd.waitForFinished(5000);
        }
    }
}

QString SshFixture::start()
{
    if (!QFileInfo(QString::fromLatin1(SshdPath)).isExecutable())
        return u"no sshd at %1 (Debian's openssh-server, which scripts/deps.sh installs)"_s.arg(QLatin1StringView(SshdPath));
    const QString realSsh = QStandardPaths::findExecutable(u"ssh"_s);
    const QString keygen = QStandardPaths::findExecutable(u"ssh-keygen"_s);
    if (realSsh.isEmpty() || keygen.isEmpty())
        return u"no ssh or ssh-keygen on PATH (Debian's openssh-client)"_s;
    if (!m_dir.isValid() || m_user.isEmpty())
        return u"no temporary folder or no user name"_s;
    // sshd runs the remote command with the user's shell: an account without one cannot log in.
    if (m_shell.endsWith(u"nologin"_s) || m_shell.endsWith(u"/false"_s) || !QFileInfo(m_shell.isEmpty() ? u"/bin/sh"_s : m_shell).isExecutable())
        return u"the shell of %1 (%2) lets nobody log in"_s.arg(m_user, m_shell);
    // As root, sshd wants its (empty, root-owned) privilege separation folder.
    if (::geteuid() == 0 && !QFileInfo::exists(u"/run/sshd"_s) && ::mkdir("/run/sshd", 0755) != 0)
        return u"cannot make /run/sshd for sshd run as root"_s;
    if (const QString error = makeKeys(); !error.isEmpty())
        return error;

    // A port freed by the probe can be taken again before sshd binds it: try a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        if (m_port == 0)
            return u"no free port on 127.0.0.1"_s;
        if (const QString error = writeFiles(realSsh); !error.isEmpty())
            return error;
        m_log.clear();
        m_sshd.start(QString::fromLatin1(SshdPath), {u"-D"_s, u"-e"_s, u"-f"_s, m_dir.filePath(u"sshd_config"_s)});
        const QString error = waitUntilListening();
        if (error.isEmpty())
            return QString();
        if (!error.contains(u"Address already in use"_s))
            return error;
    }
    return u"sshd found no free port: %1"_s.arg(log());
}

QString SshFixture::makeKeys()
{
    const QString keygen = QStandardPaths::findExecutable(u"ssh-keygen"_s);
    for (const QString &name : {u"host_key"_s, u"user_key"_s, u"stranger_key"_s}) {
        const QString error = runToEnd(keygen, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                                u"-C"_s, u"procdeck-test-"_s + name, u"-f"_s, m_dir.filePath(name)});
        if (!error.isEmpty())
            return error;
    }
    const QFile::Permissions ownerReadWrite = QFile::ReadOwner | QFile::WriteOwner;
    if (!writeFile(m_dir.filePath(u"authorized_keys"_s), readFile(m_dir.filePath(u"user_key.pub"_s)) + '\n', ownerReadWrite))
        return u"cannot write authorized_keys"_s;
    return QString();
}

// sshd_config, known_hosts and per key a client config and an `ssh` wrapper, for m_port.
QString SshFixture::writeFiles(const QString &realSsh)
{
    const QString dir = m_dir.path();
    const QByteArray sshdConfig = u"Port %1\n"
                                  "ListenAddress 127.0.0.1\n"
                                  "HostKey %2/host_key\n"
                                  "PidFile %2/sshd.pid\n"
                                  "AuthorizedKeysFile %2/authorized_keys\n"
                                  "AllowUsers %3\n"
                                  "StrictModes no\n"
                                  "UsePAM no\n"
                                  "PubkeyAuthentication yes\n"
                                  "PasswordAuthentication no\n"
                                  "KbdInteractiveAuthentication no\n"
                                  "PermitRootLogin prohibit-password\n"
                                  "PrintMotd no\n"
                                  "X11Forwarding no\n"
                                  "LogLevel INFO\n"_s.arg(m_port).arg(dir, m_user).toUtf8();
    const QFile::Permissions ownerReadWrite = QFile::ReadOwner | QFile::WriteOwner;
    const QFile::Permissions executable = ownerReadWrite | QFile::ExeOwner;
    if (!writeFile(m_dir.filePath(u"sshd_config"_s), sshdConfig, ownerReadWrite))
        return u"cannot write sshd_config"_s;
    const QByteArray knownHosts = "[127.0.0.1]:" + QByteArray::number(m_port) + ' '
        + readFile(m_dir.filePath(u"host_key.pub"_s)) + '\n';
    if (!writeFile(m_dir.filePath(u"known_hosts"_s), knownHosts, ownerReadWrite))
        return u"cannot write known_hosts"_s;

    for (const Key key : {Key::Authorized, Key::Refused}) {
        const QString identity = m_dir.filePath(key == Key::Authorized ? u"user_key"_s : u"stranger_key"_s);
        const QByteArray config = u"Host *\n"
                                  "    IdentityFile %1\n"
                                  "    IdentitiesOnly yes\n"
                                  "    IdentityAgent none\n"
                                  "    UserKnownHostsFile %2/known_hosts\n"
                                  "    GlobalKnownHostsFile /dev/null\n"
                                  "    StrictHostKeyChecking yes\n"
                                  "    UpdateHostKeys no\n"
                                  "    CheckHostIP no\n"
                                  "    PasswordAuthentication no\n"
                                  "    KbdInteractiveAuthentication no\n"
                                  "    BatchMode yes\n"
                                  "    LogLevel ERROR\n"_s.arg(identity, dir).toUtf8();
        if (!writeFile(clientConfig(key), config, ownerReadWrite))
            return u"cannot write the ssh client config"_s;
        const QString folder = wrapperFolder(key);
        if (!QDir().mkpath(folder))
            return u"cannot make %1"_s.arg(folder);
        const QByteArray wrapper = u"#!/bin/sh\n"
                                   "# The real ssh with the test's own client config (tests/helpers/sshfixture.h).\n"
                                   "exec '%1' -F '%2' \"$@\"\n"_s.arg(realSsh, clientConfig(key)).toUtf8();
        if (!writeFile(folder + u"/ssh"_s, wrapper, executable))
            return u"cannot write the ssh wrapper"_s;
    }
    return QString();
}

// sshd says "Server listening on 127.0.0.1 port N." once it listens; then the port must accept.
QString SshFixture::waitUntilListening()
{
    if (!m_sshd.waitForStarted(StartTimeoutMs))
        return u"sshd did not start: %1"_s.arg(m_sshd.errorString());
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!m_log.contains("Server listening on")) {
        if (m_sshd.state() == QProcess::NotRunning || deadline.hasExpired()) {
            m_sshd.kill();
            m_sshd.waitForFinished(5000);
            return u"sshd did not start listening: %1"_s.arg(log());
        }
        m_sshd.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
        m_log += m_sshd.readAllStandardError();
    }
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
    if (!probe.waitForConnected(int(qMax<qint64>(deadline.remainingTime(), 1000))))
        return u"sshd says it listens, but port %1 refuses: %2"_s.arg(m_port).arg(probe.errorString());
    return QString();
}

QString SshFixture::address(const QString &session) const
{
    return u"ssh://%1@127.0.0.1:%2"_s.arg(m_user).arg(m_port) + (session.isEmpty() ? QString() : u'/' + session);
}

QString SshFixture::wrapperFolder(Key key) const
{
    return m_dir.filePath(key == Key::Authorized ? u"bin"_s : u"bin-stranger"_s);
}

QString SshFixture::clientConfig(Key key) const
{
    return m_dir.filePath(key == Key::Authorized ? u"ssh_config"_s : u"ssh_config-stranger"_s);
}

QString SshFixture::log()
{
    m_log += m_sshd.readAllStandardError();
    return QString::fromLocal8Bit(m_log).remove(u'\r').trimmed(); // sshd -e ends its lines with "\r\n"
}

#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A throw-away OpenSSH server for the SSH tests, on a free port of 127.0.0.1, that lets in this
// user with a key made for the test, and the client side to match, so that no test reads or
// writes ~/.ssh or the system's sshd configuration.
//
// In its temporary folder: a host key and two user keys (ssh-keygen, no passphrase), an
// authorized_keys with the first user key only, an sshd_config (ListenAddress 127.0.0.1, the
// port, the host key, AuthorizedKeysFile, StrictModes no, UsePAM no, no password or keyboard
// authentication, PidFile) and, for each user key, an ssh client config (the key only, no agent,
// UserKnownHostsFile with the host key, BatchMode so that nothing ever waits for a prompt) and a
// folder with an `ssh` that is the real one with `-F` that config. Put that folder first on PATH
// and every `ssh` started by name (ProcDeck's included) reaches this server as a stranger would.
//
// `/usr/sbin/sshd -D -e -f CONFIG` runs as a child QProcess; start() returns when it says it
// listens and the port accepts a connection. As root, sshd needs its privilege separation folder
// (/run/sshd), which start() makes when it is missing; as another user sshd runs unprivileged and
// lets in that same user only.
class SshFixture final
{
    Q_DISABLE_COPY_MOVE(SshFixture)

public:
    SshFixture();
    ~SshFixture(); // stops sshd

    // Empty when sshd runs, else why not, for QSKIP (no sshd installed, ssh-keygen failed, sshd
    // would not start: its own words).
    QString start();

    int port() const { return m_port; }
    QString user() const { return m_user; }
    // ssh://USER@127.0.0.1:PORT[/session]
    QString address(const QString &session = QString()) const;

    enum class Key { Authorized, Refused };
    // The folder with the `ssh` wrapper using `key`; put it first on PATH.
    QString wrapperFolder(Key key = Key::Authorized) const;
    QString clientConfig(Key key = Key::Authorized) const;
    // What sshd wrote on its standard error so far (for a failure's message).
    QString log();

private:
    QString makeKeys();
    QString writeFiles(const QString &realSsh);
    QString waitUntilListening();

    QTemporaryDir m_dir;
    QProcess m_sshd;
    QByteArray m_log;
    QString m_user;
    QString m_shell;
    int m_port = 0;
};

#pragma once

#include <QString>
#include <QStringList>

#include <variant>

// Where an attached session is (File › Attach, `procdeck --attach TARGET`): a ProcDeck on this
// machine (its control socket), or one on another machine reached over OpenSSH:
// ssh://[user@]host[:port][/session]. Over SSH, ProcDeck runs `ssh [-p port] [user@]host procdeck
// ctl [--session session] bridge` with the user's own keys, agent and ~/.ssh/config, and speaks
// the control protocol through it; the other machine needs only ProcDeck installed.
struct AttachTarget
{
    enum class Kind { Local, Ssh };

    Kind kind = Kind::Local;
    QString socketPath;  // Local: the control socket
    QString user;        // Ssh: empty for ssh's own default (~/.ssh/config, the local user)
    QString host;        // Ssh
    int port = 0;        // Ssh: 0 for ssh's own default
    QString session;     // Ssh: a socket name or session file there; empty: the only one running

    // "ssh://…", or a ProcDeck here: a socket name as `procdeck ctl instances` shows it, a
    // socket's path, or a session file that a running ProcDeck has open. The error, for a person,
    // when the text is neither or names no running ProcDeck.
    static std::variant<AttachTarget, QString> parse(const QString &text);

    // ssh://user@host:port/session, or the socket's path.
    QString toString() const;
    // For the title bar and the status bar: "stack" (here), "stack on host" or "host" (over SSH).
    QString displayName() const;

    // The program and arguments that reach the other machine: "ssh", then the options, the
    // destination and the remote command `REMOTE ctl [--session S] bridge`. REMOTE is `procdeck`,
    // or the environment's PROCDECK_REMOTE_COMMAND (a ProcDeck that is not on the remote PATH).
    QString sshProgram() const;
    QStringList sshArguments() const;
};

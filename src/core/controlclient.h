#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// `procdeck ctl [--session NAME] VERB [ARGS]`: the client of the control socket
// (docs/control-protocol.md). Finds the running ProcDeck (the only one, or the one --session
// names: its socket name or its session file), sends one request and prints the reply: tables
// as aligned text, `logs` in the headless `name | line` format, `join` as headless mode reports.
//
// Exit status: 0 on success; 1 when an entry refused a verb (start of a running entry: the reason
// on stderr); `join` as headless mode (0 all exited 0, the first non-zero code, 128+N for a
// signal, 124 when one is still alive at the timeout); 2 for a usage error, no or several
// ProcDecks running without --session, a dead instance, an unknown entry or a refused request.
namespace ControlClient {

struct Request
{
    QString session;      // --session, empty: the only one running
    QString verb;         // "instances", "list", … (also "help")
    QJsonObject message;  // what is sent, without id and version (empty for instances, help)
    bool json = false;    // list --json
};

// The words after "ctl"; a usage error as text. `now` is what --since counts back from.
std::variant<Request, QString> parse(const QStringList &arguments, const QDateTime &now);

// --since: "30" or "30s", "5m", "2h", "1d" back from `now`, or an ISO 8601 date and time; in ms
// since the epoch.
std::optional<qint64> parseSince(const QString &text, const QDateTime &now);

// join's outcomes ({"exited", "exitCode"} each) as the exit status of headless mode.
int joinExitStatus(const QJsonArray &outcomes);

// The running ProcDecks of this user (a live socket each, by name; stale sockets are removed on
// the way), with the hello each one sent: for `ctl instances` and File › Attach.
struct Instance
{
    QString socketPath;
    QJsonObject hello;
};
QList<Instance> runningInstances();
// The socket of the running ProcDeck that `session` names (a socket name as `instances` shows
// it, or a session file it has open), or of the only one running when `session` is empty. Empty,
// with `error` set for a person, when there is none (or several, without `session`).
QString findInstance(const QString &session, QString *error);

// `ctl bridge`: joins standard input and output to the socket at `socketPath`, byte for byte,
// until either side closes (controlbridge.cpp). 0 then; -1 with `error` set when it cannot connect.
int bridge(const QString &socketPath, QString *error);

// The usage text of `procdeck ctl help`.
QString helpText();

// The whole client for main(); needs a QCoreApplication. Returns the exit status.
int exec(const QStringList &arguments);

} // namespace ControlClient

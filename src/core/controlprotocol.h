#pragma once

#include "managedprocess.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>

// The control socket's shared rules (docs/control-protocol.md): where the sockets live, what
// they are called, who may connect, and the JSON lines both ends write. Used by ControlServer
// (every running ProcDeck) and ControlClient (`procdeck ctl`).
//
// Folder: $XDG_RUNTIME_DIR/procdeck/, or /tmp/procdeck-UID/ without XDG_RUNTIME_DIR (or when it
// names no folder); created
// 0700, and refused when it exists as anything but a folder of this user with no access for
// others. Socket: NAME.sock, 0600, NAME the session file's base name ("stack" for stack.json or
// stack.procdeck.json), "untitled-PID" for an unsaved window, "NAME-2", "NAME-3", … when taken by
// a live ProcDeck; a socket nobody answers on (its ProcDeck died) is stale and is removed by the
// next one that wants the name and by `ctl instances`.
namespace ControlProtocol {

constexpr int Version = 1;
constexpr QLatin1StringView VersionKey{"procdeck-ctl"};
constexpr QLatin1StringView SocketSuffix{".sock"};

// The exit status of `procdeck ctl` for a usage error, an unknown instance or entry, a refused
// or malformed request.
constexpr int UsageExitCode = 2;

struct Directory
{
    QString path;  // without a trailing slash
    QString error; // why it cannot be used; empty when it can
    bool ok() const { return error.isEmpty(); }
};

// Where the sockets are, without creating anything.
QString directoryPath();
// The folder, created (0700) when missing and checked: a folder owned by this user, mode 0700.
Directory ensureDirectory();
// The same checks on an existing folder (the client's: it creates nothing).
Directory checkDirectory(const QString &path, uid_t ownUid);

// The socket's base name for a session file (empty: an unsaved window), before any "-N":
// letters, digits, '.', '_' and '-' kept, anything else '_'.
QString baseName(const QString &sessionPath, qint64 pid);

// Whether something answers on the socket at `path` (a connect that succeeds at once). A socket
// file nobody listens on is stale.
bool isLive(const QString &path);

// The user of the peer of a connected Unix socket (SO_PEERCRED); nullopt when it cannot be read.
std::optional<uid_t> peerUid(int socketDescriptor);
// Empty when a peer of `peerUid` may talk to a ProcDeck of `ownUid`, else the refusal's text.
QString peerRefusal(std::optional<uid_t> peerUid, uid_t ownUid);

// One message: compact JSON and a newline, the version key included.
QByteArray encode(QJsonObject message);
// One received line as an object; nullopt with `error` set when it is not one.
std::optional<QJsonObject> decode(const QByteArray &line, QString *error);
// The request's version problem, or empty when it speaks Version.
QString versionError(const QJsonObject &message);

// An entry as `ctl list --json` and `watch` show it (the fields in docs/control-protocol.md;
// MirrorState::fromJson reads them back).
QJsonObject describeEntry(const ManagedProcess *process);

// The names of the states and readiness values in entry objects: the enum's key, lower-cased
// ("running", "waitingfordependencies"); nullopt for a name that is none of them.
QString stateName(ManagedProcess::State state);
std::optional<ManagedProcess::State> stateFromName(const QString &name);
QString readinessName(ManagedProcess::Readiness readiness);
std::optional<ManagedProcess::Readiness> readinessFromName(const QString &name);

} // namespace ControlProtocol

#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class ControlConnection;
class ManagedProcess;
class ProcessManager;
class QLocalServer;

// The control socket of one running ProcDeck, window or headless (docs/control-protocol.md):
// listens in ControlProtocol's folder under a name made from the session file, accepts peers of
// this user only (SO_PEERCRED, checked before anything is read), and serves each client with a
// ControlConnection, which calls the engine's own methods on this thread's event loop. Nothing
// here blocks: join and `logs -f` reply later, many clients at once.
//
// The socket is removed when the server closes or goes; a stale socket of a dead ProcDeck that
// has the name wanted is removed first.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    enum class Kind { Window, Headless };

    ControlServer(ProcessManager *manager, Kind kind, QObject *parent = nullptr);
    ~ControlServer() override;

    // Listens for the session at `sessionPath` (empty: unsaved). false with errorString() when the
    // folder is refused or no socket could be made. Called again with another session (the
    // window opened or saved one), it moves to the new name.
    bool listen(const QString &sessionPath);
    void close();
    bool isListening() const;
    QString socketPath() const;
    QString errorString() const;

    // Shown by `ctl instances` and the hello: the headless runner says it serves after its
    // entries end.
    void setServing(bool serving);

    ProcessManager *manager() const;
    Kind kind() const;
    QString sessionPath() const;
    // The hello a client reads first (the version, PID, name, session, kind, entry count).
    QJsonObject hello() const;

    // Entries named `names`: an entry's name, or a replicated entry's group name for all its
    // copies; in the manager's order, each once. `unknown` gets the names that match nothing.
    QList<ManagedProcess *> resolve(const QStringList &names, QStringList *unknown) const;

    // For tests: how many unsent bytes a `logs -f` client may have before lines are skipped.
    void setFollowQueueLimit(qint64 bytes);
    qint64 followQueueLimit() const;

    static constexpr qint64 DefaultFollowQueueLimit = 4 * 1024 * 1024;

signals:
    // `ctl quit`: the owner ends as its Quit does, without asking (the reply is already sent).
    void quitRequested();

private:
    void acceptConnections();

    ProcessManager *m_manager = nullptr;
    std::unique_ptr<QLocalServer> m_server;
    QString m_sessionPath;
    QString m_socketPath;
    QString m_error;
    qint64 m_followQueueLimit = DefaultFollowQueueLimit;
    Kind m_kind = Kind::Headless;
    bool m_serving = false;
};

#pragma once

#include "remoteverbs.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

class EngineClient;
class ManagedProcess;
class ProcessManager;

// An attached session: another running ProcDeck (a window, or `procdeck --headless --serve`, on
// this machine or over SSH) shown through `manager`, as if this process had opened its session.
// Subscribes with the protocol's `watch`: a mirror entry per entry of the other (added, removed
// and ordered as there; the state of each `entries` event; the output of `output` events, the
// history it kept, then live), and sends the verbs of the mirrors and of the manager back as
// requests (RemoteVerbs). Nothing runs in this process: when it ends (detach, a closed window, a
// crash), the other ProcDeck and its entries go on.
class RemoteSession final : public QObject, public RemoteVerbs
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteSession)

public:
    // Takes `client` (connected or not yet: the watch is sent on connected()); puts `manager`,
    // which must be empty, in mirror mode.
    RemoteSession(EngineClient *client, ProcessManager *manager, QObject *parent = nullptr);
    // Detaches: the mirrors go and the manager leaves mirror mode; nothing is stopped there.
    ~RemoteSession() override;

    EngineClient *client() const;
    ProcessManager *manager() const;
    // The first `entries` event has been shown.
    bool isAttached() const;
    // The attached ProcDeck's session file (on its machine; empty for an unsaved window).
    QString sessionPath() const;

    ManagedProcess::Result request(const QString &verb, const QStringList &names,
                                   const QJsonObject &arguments = {}) override;

signals:
    void attached();
    // The connection ended (the other ProcDeck quit, ssh lost the link): why, for a person. The
    // mirrors are gone when this is emitted.
    void detached(const QString &reason);
    // A request the other ProcDeck refused, as a whole or for one entry ("api is already running
    // (PID 4321)"), for the status bar.
    void requestFailed(const QString &message);

private:
    void watch();
    void onWatch(const QJsonObject &message);
    void onReply(const QJsonObject &reply);
    void applyEntries(const QJsonObject &message);
    void applyEntry(int row, const QJsonObject &entry, bool local);
    void applyOutput(const QJsonObject &message);
    void dropMirrors();
    void lose(const QString &reason);

    EngineClient *m_client = nullptr;             // a child of this
    ProcessManager *m_manager = nullptr;
    QHash<qint64, ManagedProcess *> m_mirrors;    // by the other's id
    QHash<qint64, QJsonObject> m_specs;           // each mirror's spec as last read, by the same id
    qint64 m_watchId = -1;
    bool m_attached = false;
};

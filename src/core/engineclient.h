#pragma once

#include "attachtarget.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QIODevice;
class QProcess;

// One connection from this process to a running ProcDeck's control socket
// (docs/control-protocol.md): the socket itself for a ProcDeck on this machine, or the standard
// input and output of `ssh … procdeck ctl bridge` (AttachTarget) for one on another. Reads the
// hello and checks its version, then sends requests with ids and hands every message that carries
// an id to that request's handler (a stream's messages, then its last reply). Never blocks.
class EngineClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineClient)

public:
    explicit EngineClient(QObject *parent = nullptr);
    ~EngineClient() override; // closes the connection (ends the ssh process)

    // Connects: connected() when the hello has been read, or failed() with the reason.
    void open(const AttachTarget &target);
    void close();
    bool isConnected() const;
    AttachTarget target() const;
    // The hello of the ProcDeck (pid, name, session, mode, serve, entries); empty before connected().
    QJsonObject hello() const;

    using Handler = std::function<void(const QJsonObject &message)>;
    // Sends `request` (its verb and arguments; the id and version are added) and returns its id;
    // `handler` gets each message that carries that id, until the connection ends. -1 when not
    // connected (nothing is sent).
    qint64 send(QJsonObject request, Handler handler = {});
    // Forgets a request's handler (a stream that is no longer wanted).
    void forget(qint64 id);

signals:
    void connected();
    // Could not connect, or the connection ended (the ProcDeck quit, ssh lost the link, a
    // malformed message): a sentence for a person, e.g. "ssh: connect to host x port 22:
    // Connection refused" or "the ProcDeck ended". After this the client is closed.
    void failed(const QString &reason);

private:
    void openSocket(const QString &path);
    void openSsh(const AttachTarget &target);
    void readErrors(QProcess *ssh);
    void readLines();
    void handleLine(const QByteArray &line);
    void handleHello(const QJsonObject &message);
    void fail(const QString &reason);

    AttachTarget m_target;
    QIODevice *m_device = nullptr; // the socket, or m_ssh; a child of this
    QProcess *m_ssh = nullptr;
    QByteArray m_buffer;           // the start of a line not complete yet
    QJsonObject m_hello;
    QHash<qint64, Handler> m_handlers;
    QString m_lastError;           // ssh's last line on its standard error
    qint64 m_nextId = 1;
    int m_generation = 0;          // open() and close() calls: a deferred open that is stale
    bool m_connected = false;
    bool m_failing = false;        // failed() was emitted (or this is being destroyed)
};

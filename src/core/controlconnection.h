#pragma once

#include "processspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class ControlServer;
class ControlStream;
class ManagedProcess;
class QLocalSocket;

// One client of the control socket (docs/control-protocol.md): reads JSON lines, answers each
// request with the engine's own methods (ProcessManager, ManagedProcess's verbs, JoinOperation,
// the entries' OutputLogs), on the server's thread. A join replies when it ends; `logs` and
// `watch` are streams (ControlStream: logs with `follow` and watch go on until the client
// disconnects; other requests are still answered meanwhile). Deletes itself (and its socket)
// when the client goes. input, edit and scale (the verbs only an attached window needs) are in
// controlverbs.cpp.
//
// A slow reader of a stream holds at most the server's followQueueLimit() of unsent bytes: beyond
// that nothing more is formatted for it, the lines wait in their OutputLog (bounded), and lines
// the log drops meanwhile are skipped with a note "… N lines skipped".
class ControlConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlConnection)

public:
    // Takes the socket (reparented to this) and sends the hello.
    ControlConnection(ControlServer *server, QLocalSocket *socket);
    ~ControlConnection() override;

    // The longest request line read; a longer one ends the connection with an error.
    static constexpr qsizetype MaxRequestBytes = 1024 * 1024;

private:
    void readRequests();
    void handle(const QByteArray &line);
    void send(const QJsonValue &id, QJsonObject reply);
    void fail(const QJsonValue &id, const QString &error);
    // The request's entries, or nullopt after replying with the error (none given, unknown names).
    std::optional<QList<ManagedProcess *>> entries(const QJsonValue &id, const QJsonObject &request, bool allWhenNone);

    void list(const QJsonValue &id, const QJsonObject &request);
    void act(const QJsonValue &id, const QJsonObject &request);
    void join(const QJsonValue &id, const QJsonObject &request);
    void logs(const QJsonValue &id, const QJsonObject &request);
    void add(const QJsonValue &id, const QJsonObject &request);
    void remove(const QJsonValue &id, const QJsonObject &request);
    void quit(const QJsonValue &id, const QJsonObject &request);
    void watch(const QJsonValue &id, const QJsonObject &request);
    // controlverbs.cpp
    void input(const QJsonValue &id, const QJsonObject &request);
    void edit(const QJsonValue &id, const QJsonObject &request);
    void scale(const QJsonValue &id, const QJsonObject &request);
    // The one name of the request's `names`, or empty after replying with `refusal`.
    QString oneName(const QJsonValue &id, const QJsonObject &request, const QString &refusal);
    // The entry object `entry` of the request as the session file reads it; nullopt after replying.
    std::optional<ProcessSpec> entrySpec(const QJsonValue &id, const QJsonObject &request);
    bool refuseStackProblem(const QJsonValue &id, const ProcessSpec &spec, const QString &replaced);

    // Streams: one per connection at a time.
    bool beginStream(const QJsonValue &id);
    void setStream(ControlStream *stream);
    void queuePump();
    void pump();

    ControlServer *m_server = nullptr;
    QLocalSocket *m_socket = nullptr;
    QByteArray m_input;
    std::unique_ptr<ControlStream> m_stream;
    bool m_pumpQueued = false;
};

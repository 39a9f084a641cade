#pragma once

#include "outputprinter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class ControlServer;
class ManagedProcess;
class QLocalSocket;

// One client of the control socket (docs/control-protocol.md): reads JSON lines, answers each
// request with the engine's own methods (ProcessManager, ManagedProcess's verbs, JoinOperation,
// the entries' OutputLogs through OutputPrinter), on the server's thread. A join replies when it
// ends; `logs` streams text messages, and with `follow` goes on until the client disconnects.
// Deletes itself (and its socket) when the client goes.
//
// A slow `logs -f` reader holds at most the server's followQueueLimit() of unsent bytes: beyond
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
    struct Logs
    {
        QJsonValue id;
        OutputPrinter printer;
        bool follow = false;
        bool flushQueued = false;
    };

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

    void queueLogs();
    void pumpLogs();
    void forgetEntry(int row);

    ControlServer *m_server = nullptr;
    QLocalSocket *m_socket = nullptr;
    QByteArray m_input;
    std::unique_ptr<Logs> m_logs;
};

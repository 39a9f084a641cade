#pragma once

#include "outputprinter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>

class ManagedProcess;
class ProcessManager;

// A reply that goes on after its request (docs/control-protocol.md): `logs` (LogsStream) and
// `watch` (ControlWatch). ControlConnection pumps it: while the client's unsent bytes are under
// the server's followQueueLimit(), it asks produce() for the next chunk of messages; over the
// limit nothing more is formatted until the client reads (the lines wait in their OutputLogs,
// bounded, and a stream skips what they dropped meanwhile). A stream says `ready` when it has
// something new; the connection then pumps once on the next event-loop pass.
class ControlStream : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlStream)

public:
    ~ControlStream() override;

    // Appends the next chunk of encoded messages to `out`; false when there is nothing to send now.
    virtual bool produce(QByteArray &out) = 0;
    // Everything is sent, the final reply included: the connection drops the stream.
    virtual bool isDone() const;

    // Lines per message: big enough for a flood's throughput, small enough that the queue limit
    // is checked often.
    static constexpr qint64 ChunkLines = 4096;

signals:
    void ready();

protected:
    ControlStream(QJsonValue id, QObject *parent);
    // One message of this stream, with its request's id.
    QByteArray encode(QJsonObject message) const;

private:
    QJsonValue m_id;
};

// `logs`: the entries' output in the headless text format (OutputPrinter), in text messages, then
// `{"ok":true}`; with `follow`, new lines as they are completed until the client goes.
class LogsStream final : public ControlStream
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsStream)

public:
    // `sinceMs` < 0: from the first kept line.
    LogsStream(QJsonValue id, ProcessManager *manager, const QList<ManagedProcess *> &processes, bool follow,
               qint64 sinceMs, QObject *parent);
    ~LogsStream() override;

    bool produce(QByteArray &out) override;
    bool isDone() const override;

private:
    OutputPrinter m_printer;
    bool m_follow = false;
    bool m_done = false;
};

#include "controlconnection.h"

#include "controlprotocol.h"
#include "controlserver.h"
#include "controlstream.h"
#include "controlwatch.h"
#include "joinoperation.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "signalnames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocalSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlConnection)
};

using Handler = void (ControlConnection::*)(const QJsonValue &, const QJsonObject &);

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

ControlConnection::ControlConnection(ControlServer *server, QLocalSocket *socket)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QLocalSocket::readyRead, this, &ControlConnection::readRequests);
    connect(socket, &QLocalSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QLocalSocket::bytesWritten, this, &ControlConnection::queuePump);
    socket->write(ControlProtocol::encode(server->hello()));
    // A client may have written its request already.
    QMetaObject::invokeMethod(this, &ControlConnection::readRequests, Qt::QueuedConnection);
}

ControlConnection::~ControlConnection() = default;

void ControlConnection::readRequests()
{
    m_input += m_socket->readAll();
    qsizetype start = 0;
    for (qsizetype newline = m_input.indexOf('\n'); newline >= 0; newline = m_input.indexOf('\n', start)) {
        const QByteArray line = m_input.mid(start, newline - start);
        start = newline + 1;
        if (!line.trimmed().isEmpty())
            handle(line);
        if (!m_socket)
            return;
    }
    m_input.remove(0, start);
    if (m_input.size() > MaxRequestBytes) {
        fail(QJsonValue::Null, Msg::tr("request longer than %1 bytes").arg(MaxRequestBytes));
        m_socket->disconnectFromServer();
    }
}

void ControlConnection::handle(const QByteArray &line)
{
    static const QHash<QString, Handler> handlers = {
        {u"list"_s, &ControlConnection::list},       {u"status"_s, &ControlConnection::list},
        {u"start"_s, &ControlConnection::act},       {u"stop"_s, &ControlConnection::act},
        {u"kill"_s, &ControlConnection::act},        {u"restart"_s, &ControlConnection::act},
        {u"signal"_s, &ControlConnection::act},      {u"join"_s, &ControlConnection::join},
        {u"logs"_s, &ControlConnection::logs},       {u"add"_s, &ControlConnection::add},
        {u"remove"_s, &ControlConnection::remove},   {u"quit"_s, &ControlConnection::quit},
        {u"watch"_s, &ControlConnection::watch},     {u"pause"_s, &ControlConnection::act},
        {u"resume"_s, &ControlConnection::act},      {u"interrupt"_s, &ControlConnection::act},
        {u"input"_s, &ControlConnection::input},     {u"edit"_s, &ControlConnection::edit},
        {u"scale"_s, &ControlConnection::scale},
    };
    QString error;
    const std::optional<QJsonObject> request = ControlProtocol::decode(line, &error);
    if (!request)
        return fail(QJsonValue::Null, error);
    const QJsonValue id = request->value(u"id"_s);
    if (const QString problem = ControlProtocol::versionError(*request); !problem.isEmpty())
        return fail(id, problem);
    const QString verb = request->value(u"verb"_s).toString();
    const Handler handler = handlers.value(verb);
    if (!handler)
        return fail(id, verb.isEmpty() ? Msg::tr("no \"verb\" in the request") : Msg::tr("unknown verb %1").arg(quoted(verb)));
    (this->*handler)(id, *request);
}

void ControlConnection::send(const QJsonValue &id, QJsonObject reply)
{
    if (!m_socket)
        return;
    reply.insert(u"id"_s, id);
    m_socket->write(ControlProtocol::encode(std::move(reply)));
}

void ControlConnection::fail(const QJsonValue &id, const QString &error)
{
    send(id, {{u"ok"_s, false}, {u"error"_s, error}});
}

std::optional<QList<ManagedProcess *>> ControlConnection::entries(const QJsonValue &id, const QJsonObject &request,
                                                                 bool allWhenNone)
{
    QStringList names;
    for (const QJsonValue &name : request.value(u"names"_s).toArray())
        names.append(name.toString());
    if (names.isEmpty()) {
        if (allWhenNone)
            return m_server->manager()->processes();
        fail(id, Msg::tr("%1: no entry named (give one NAME or more)").arg(request.value(u"verb"_s).toString()));
        return std::nullopt;
    }
    QStringList unknown;
    QList<ManagedProcess *> found = m_server->resolve(names, &unknown);
    if (!unknown.isEmpty()) {
        QStringList quotedNames;
        for (const QString &name : unknown)
            quotedNames.append(quoted(name));
        fail(id, Msg::tr("no entry named %1").arg(quotedNames.join(u", "_s)));
        return std::nullopt;
    }
    return found;
}

// list: the entries; status: the same with the hello's facts about this ProcDeck.
void ControlConnection::list(const QJsonValue &id, const QJsonObject &request)
{
    const auto processes = entries(id, request, true);
    if (!processes)
        return;
    QJsonArray rows;
    for (const ManagedProcess *process : *processes)
        rows.append(ControlProtocol::describeEntry(process));
    QJsonObject reply;
    if (request.value(u"verb"_s).toString() == u"status"_s) {
        reply = m_server->hello();
        reply.remove(u"hello"_s);
    }
    reply.insert(u"ok"_s, true);
    reply.insert(u"entries"_s, rows);
    send(id, reply);
}

// start, stop, kill, restart, signal, pause, resume, interrupt: the toolbar's verbs, entry by entry, each with its result.
void ControlConnection::act(const QJsonValue &id, const QJsonObject &request)
{
    const QString verb = request.value(u"verb"_s).toString();
    int signal = 0;
    if (verb == u"signal"_s) {
        const QString name = request.value(u"signal"_s).toString();
        const std::optional<int> number = SignalNames::fromName(name);
        if (!number)
            return fail(id, name.isEmpty() ? Msg::tr("signal: no signal given") : Msg::tr("no signal named %1").arg(quoted(name)));
        signal = *number;
    }
    const auto processes = entries(id, request, false);
    if (!processes)
        return;
    QJsonArray results;
    for (ManagedProcess *process : *processes) {
        ManagedProcess::Result result;
        if (verb == u"start"_s)
            result = process->start();
        else if (verb == u"stop"_s)
            result = process->terminate();
        else if (verb == u"kill"_s)
            result = process->kill();
        else if (verb == u"restart"_s)
            result = process->restart();
        else if (verb == u"pause"_s)
            result = process->pause();
        else if (verb == u"resume"_s)
            result = process->resume();
        else if (verb == u"interrupt"_s)
            result = process->interrupt();
        else
            result = process->sendSignal(signal);
        QJsonObject row{{u"name"_s, process->spec().name}, {u"ok"_s, result.ok}};
        if (!result.ok)
            row.insert(u"error"_s, result.error);
        results.append(row);
    }
    send(id, {{u"ok"_s, true}, {u"results"_s, results}});
}

void ControlConnection::join(const QJsonValue &id, const QJsonObject &request)
{
    const auto processes = entries(id, request, false);
    if (!processes)
        return;
    const QJsonValue timeout = request.value(u"timeoutMs"_s);
    if (!timeout.isUndefined() && !timeout.isNull() && (!timeout.isDouble() || timeout.toDouble() < 0))
        return fail(id, Msg::tr("join: \"timeoutMs\" must be a number of milliseconds, 0 or more"));
    const qint64 timeoutMs = timeout.isDouble() ? qint64(timeout.toDouble()) : -1;
    auto *operation = new JoinOperation(*processes, timeoutMs, this);
    connect(operation, &JoinOperation::done, this, [this, id, operation](const QList<JoinOperation::Outcome> &outcomes) {
        QJsonArray rows;
        for (const JoinOperation::Outcome &outcome : outcomes) {
            QJsonObject row{{u"name"_s, outcome.name}, {u"exited"_s, outcome.exited},
                            {u"waitedMs"_s, outcome.waitedMs}, {u"text"_s, outcome.describe()}};
            if (outcome.exited)
                row.insert(u"exitCode"_s, outcome.exitCode);
            rows.append(row);
        }
        send(id, {{u"ok"_s, true}, {u"outcomes"_s, rows}});
        operation->deleteLater();
    });
    operation->start();
}

void ControlConnection::logs(const QJsonValue &id, const QJsonObject &request)
{
    if (!beginStream(id))
        return;
    const auto processes = entries(id, request, true);
    if (!processes)
        return;
    const QJsonValue since = request.value(u"sinceMs"_s);
    setStream(new LogsStream(id, m_server->manager(), *processes, request.value(u"follow"_s).toBool(),
                             since.isDouble() ? qint64(since.toDouble()) : -1, nullptr));
}

void ControlConnection::watch(const QJsonValue &id, const QJsonObject &)
{
    if (beginStream(id))
        setStream(new ControlWatch(id, m_server->manager(), nullptr));
}

// Whether a stream may begin; else the refusal is sent.
bool ControlConnection::beginStream(const QJsonValue &id)
{
    if (!m_stream)
        return true;
    fail(id, Msg::tr("this connection is already streaming (logs or watch): open another one"));
    return false;
}

void ControlConnection::setStream(ControlStream *stream)
{
    m_stream.reset(stream);
    connect(stream, &ControlStream::ready, this, &ControlConnection::queuePump);
    pump();
}

// Output changed or the client read: produce more on the next pass (many changes, one pump).
void ControlConnection::queuePump()
{
    if (!m_stream || m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &ControlConnection::pump, Qt::QueuedConnection);
}

void ControlConnection::pump()
{
    m_pumpQueued = false;
    if (!m_stream || !m_socket)
        return;
    const qint64 limit = m_server->followQueueLimit();
    QByteArray chunk;
    while (m_socket->bytesToWrite() < limit && m_stream->produce(chunk)) {
        m_socket->write(chunk);
        chunk.clear();
    }
    if (m_stream->isDone())
        m_stream.reset();
}

void ControlConnection::add(const QJsonValue &id, const QJsonObject &request)
{
    std::optional<ProcessSpec> parsed = entrySpec(id, request);
    if (!parsed)
        return;
    ProcessSpec spec = std::move(*parsed);
    if (!spec.name.isEmpty()) {
        QStringList unknown;
        if (!m_server->resolve({spec.name}, &unknown).isEmpty())
            return fail(id, Msg::tr("an entry named %1 exists already").arg(quoted(spec.name)));
    }
    if (refuseStackProblem(id, spec, {}))
        return;
    const ManagedProcess *process = m_server->manager()->add(std::move(spec));
    send(id, {{u"ok"_s, true}, {u"name"_s, process->spec().name}});
}

void ControlConnection::remove(const QJsonValue &id, const QJsonObject &request)
{
    const auto processes = entries(id, request, false);
    if (!processes)
        return;
    QJsonArray names;
    for (ManagedProcess *process : *processes) {
        names.append(process->spec().name);
        m_server->manager()->removeWhenStopped(process);
    }
    send(id, {{u"ok"_s, true}, {u"removed"_s, names}});
}

void ControlConnection::quit(const QJsonValue &id, const QJsonObject &)
{
    send(id, {{u"ok"_s, true}, {u"alive"_s, m_server->manager()->aliveCount()}});
    m_socket->flush();
    // From the event loop: the owner may delete this server (and this connection) while quitting.
    QMetaObject::invokeMethod(m_server, &ControlServer::quitRequested, Qt::QueuedConnection);
}

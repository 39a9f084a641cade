#include "controlstream.h"

#include "controlprotocol.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"

using namespace Qt::StringLiterals;

ControlStream::ControlStream(QJsonValue id, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
{
}

ControlStream::~ControlStream() = default;

bool ControlStream::isDone() const
{
    return false;
}

QByteArray ControlStream::encode(QJsonObject message) const
{
    message.insert(u"id"_s, m_id);
    return ControlProtocol::encode(std::move(message));
}

LogsStream::LogsStream(QJsonValue id, ProcessManager *manager, const QList<ManagedProcess *> &processes, bool follow,
                       qint64 sinceMs, QObject *parent)
    : ControlStream(std::move(id), parent)
    , m_follow(follow)
{
    m_printer.setMarkSkipped(true);
    for (ManagedProcess *process : processes) {
        m_printer.addLog(process->output(), process->spec().name);
        if (sinceMs >= 0)
            m_printer.skipBefore(process->output(), sinceMs);
        if (follow)
            connect(process->output(), &OutputLog::changed, this, &ControlStream::ready);
    }
    connect(manager, &ProcessManager::processAboutToBeRemoved, this,
            [this, manager](int row) { m_printer.removeLog(manager->at(row)->output()); });
}

LogsStream::~LogsStream() = default;

bool LogsStream::produce(QByteArray &out)
{
    if (m_done)
        return false;
    // `logs` without -f prints the open last lines too: it is the whole output as it stands.
    const bool includeOpen = !m_follow;
    QByteArray text;
    if (m_printer.collect(text, includeOpen, ChunkLines) > 0 || !text.isEmpty()) {
        out += encode({{u"text"_s, QString::fromUtf8(text)}});
        return true;
    }
    if (m_follow || m_printer.hasPending(includeOpen))
        return false;
    m_done = true;
    out += encode({{u"ok"_s, true}});
    return true;
}

bool LogsStream::isDone() const
{
    return m_done;
}

// ProcessManager's mirror mode (an attached session; RemoteSession): the entries are mirrors of
// another ProcDeck's, made, moved and dropped by the session only, and the manager's verbs are
// sent there as requests. The stack runner, the triggers and the health checks skip mirrors where
// they pick up a new entry (processAdded); a mirror never starts a run here, so no log file is
// opened for one either.

#include "processmanager.h"

#include "remoteverbs.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ProcessManager)
};

// The spec as an entry object of a session file (the `add` and `edit` requests), written by the
// session file's writer.
QJsonObject entryObject(const ProcessSpec &spec)
{
    Session session;
    session.processes = {spec};
    const QJsonObject file = QJsonDocument::fromJson(SessionFile::toJson(session)).object();
    return file.value(u"processes"_s).toArray().at(0).toObject();
}

} // namespace

void ProcessManager::setRemote(RemoteVerbs *remote)
{
    Q_ASSERT(m_processes.isEmpty());
    m_startQueue.clear();
    m_terminateQueue.clear();
    m_remote = remote;
}

RemoteVerbs *ProcessManager::remote() const
{
    return m_remote;
}

bool ProcessManager::isMirror() const
{
    return m_remote != nullptr;
}

ManagedProcess *ProcessManager::addMirror(int row, ProcessSpec spec, const QString &group, int replicaIndex)
{
    if (!m_remote)
        return nullptr;
    auto *process = new ManagedProcess(m_nextId++, std::move(spec), this);
    process->setRemote(m_remote);
    process->setBaseDirectory(m_baseDirectory);
    if (!group.isEmpty())
        process->setReplica(group, replicaIndex);
    track(process);
    row = std::clamp(row, 0, count());
    m_processes.insert(row, process);
    emit processAdded(row);
    return process;
}

void ProcessManager::removeMirror(ManagedProcess *process)
{
    const int row = indexOf(process);
    if (row < 0 || !process->isMirror())
        return;
    emit processAboutToBeRemoved(row);
    m_processes.removeAt(row);
    m_changed.remove(process);
    disconnect(process, nullptr, this, nullptr);
    emit processRemoved(row);
    // Later: this may run inside one of its signals, or while a view still reads it.
    process->deleteLater();
    checkAllStopped();
}

void ProcessManager::moveMirror(ManagedProcess *process, int row)
{
    const int from = indexOf(process);
    row = std::clamp(row, 0, count() - 1);
    if (from < 0 || from == row)
        return;
    emit processAboutToBeRemoved(from);
    m_processes.removeAt(from);
    emit processRemoved(from);
    m_processes.insert(row, process);
    emit processAdded(row);
}

// One request naming the entries, in the session's order (the other ProcDeck orders them too).
void ProcessManager::sendToMirrored(const QString &verb, const QList<ManagedProcess *> &processes)
{
    QStringList names;
    for (const ManagedProcess *process : m_processes) {
        if (processes.contains(process))
            names.append(process->spec().name);
    }
    if (!names.isEmpty())
        m_remote->request(verb, names);
}

// "stop" of every entry with something to stop; allStopped() when the mirrors say none is alive.
void ProcessManager::terminateAllMirrored()
{
    QList<ManagedProcess *> pending;
    for (ManagedProcess *process : std::as_const(m_processes)) {
        if (process->hasPendingWork())
            pending.append(process);
    }
    sendToMirrored(u"stop"_s, pending);
    QMetaObject::invokeMethod(this, &ProcessManager::checkAllStopped, Qt::QueuedConnection);
}

// Each spec an "add" request; the entries appear when the other ProcDeck has added them.
QList<ManagedProcess *> ProcessManager::sendAdd(const QList<ProcessSpec> &specs)
{
    for (const ProcessSpec &spec : specs)
        m_remote->request(u"add"_s, {}, {{u"entry"_s, entryObject(spec)}});
    return {};
}

ManagedProcess::Result ProcessManager::sendEdit(const ManagedProcess *process, ProcessSpec spec)
{
    if (indexOf(process) < 0)
        return ManagedProcess::Result::failure(Msg::tr("%1 is not an entry of this session").arg(process->spec().name));
    const QString name = process->replicaGroup().isEmpty() ? process->spec().name : process->replicaGroup();
    return m_remote->request(u"edit"_s, {name}, {{u"entry"_s, entryObject(spec)}});
}

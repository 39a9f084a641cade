// ProcessManager's replicas: the copies of an entry with `replicas` N (api-1 … api-N), scaling
// them while they run, and the entry as the session file has it (one spec per group).

#include "processmanager.h"

#include "launchplan.h"
#include "remoteverbs.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ProcessManager)
};

QString copyName(const QString &group, int index)
{
    return group + u'-' + QString::number(index);
}

} // namespace

QList<ManagedProcess *> ProcessManager::replicas(const QString &group) const
{
    QList<ManagedProcess *> copies;
    if (group.isEmpty())
        return copies;
    for (ManagedProcess *process : m_processes) {
        if (process->replicaGroup() == group)
            copies.append(process);
    }
    std::sort(copies.begin(), copies.end(), [](const ManagedProcess *a, const ManagedProcess *b) {
        return a->replicaIndex() < b->replicaIndex();
    });
    return copies;
}

ManagedProcess::Result ProcessManager::setReplicas(const QString &name, int count)
{
    count = std::clamp(count, 1, MaxReplicas);
    if (m_remote)
        return m_remote->request(u"scale"_s, {name}, {{u"count"_s, count}});
    QList<ManagedProcess *> copies = replicas(name);
    if (copies.isEmpty()) {
        ManagedProcess *plain = nullptr;
        for (ManagedProcess *process : std::as_const(m_processes)) {
            if (process->replicaGroup().isEmpty() && process->spec().name == name)
                plain = process;
        }
        if (!plain)
            return ManagedProcess::Result::failure(Msg::tr("%1 is not an entry of this session").arg(name));
        if (count == 1)
            return ManagedProcess::Result::success();
        if (entryNames().contains(copyName(name, 1)))
            return ManagedProcess::Result::failure(Msg::tr("%1 is already the name of an entry").arg(copyName(name, 1)));
        ProcessSpec spec = plain->spec();
        spec.name = copyName(name, 1);
        plain->setReplica(name, 1);
        plain->setSpec(std::move(spec));
        copies = {plain};
    }
    const int have = int(copies.size());
    for (int i = have + 1; i <= count; ++i) {
        if (entryNames().contains(copyName(name, i)))
            return ManagedProcess::Result::failure(Msg::tr("%1 is already the name of an entry").arg(copyName(name, i)));
    }
    // Scaling down: the highest numbers go, each after its run ended.
    for (int i = have; i > count; --i)
        removeWhenStopped(copies.at(i - 1));
    // Scaling up: after the group's last row, started when the group is running.
    const bool running = std::any_of(copies.cbegin(), copies.cend(),
                                     [](const ManagedProcess *p) { return p->isAlive(); });
    int row = indexOf(copies.constLast()) + 1;
    for (int i = have + 1; i <= count; ++i) {
        ProcessSpec spec = copies.constFirst()->spec();
        spec.name = copyName(name, i);
        ManagedProcess *copy = insertProcess(row++, std::move(spec), name, i);
        if (running)
            copy->start();
    }
    if (count != have)
        emit modified();
    return ManagedProcess::Result::success();
}

ProcessSpec ProcessManager::entrySpec(const ManagedProcess *process) const
{
    ProcessSpec spec = process->spec();
    if (process->replicaGroup().isEmpty())
        return spec;
    spec.name = process->replicaGroup();
    spec.replicas = int(replicas(spec.name).size());
    return spec;
}

QList<ProcessSpec> ProcessManager::entrySpecs() const
{
    QList<ProcessSpec> specs;
    QSet<QString> groups;
    for (const ManagedProcess *process : m_processes) {
        const QString group = process->replicaGroup();
        if (!group.isEmpty() && groups.contains(group))
            continue;
        groups.insert(group);
        specs.append(entrySpec(process));
    }
    return specs;
}

ManagedProcess::Result ProcessManager::setEntrySpec(ManagedProcess *process, ProcessSpec spec)
{
    if (m_remote)
        return sendEdit(process, std::move(spec));
    const int count = std::clamp(spec.replicas, 1, MaxReplicas);
    spec.replicas = 1;
    QString group = process->replicaGroup();
    const QList<ManagedProcess *> copies = group.isEmpty() ? QList<ManagedProcess *>{process} : replicas(group);
    if (group.isEmpty()) {
        process->setSpec(spec);
        group = spec.name;
    } else {
        for (ManagedProcess *copy : copies) {
            ProcessSpec own = spec;
            own.name = copyName(spec.name, copy->replicaIndex());
            copy->setReplica(spec.name, copy->replicaIndex());
            copy->setSpec(std::move(own));
        }
        group = spec.name;
    }
    return setReplicas(group, count);
}

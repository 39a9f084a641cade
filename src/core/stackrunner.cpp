#include "stackrunner.h"

#include "logging.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "signalnames.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

StackRunner::StackRunner(ProcessManager *manager) : QObject(manager), m_manager(manager)
{
    // Decisions are taken once per event-loop pass, from the states as they are then: a burst of
    // changes (a dependency started, became ready and its copies followed) costs one pass.
    m_evaluateTimer.setSingleShot(true);
    m_evaluateTimer.setInterval(0);
    connect(&m_evaluateTimer, &QTimer::timeout, this, &StackRunner::evaluate);
    connect(manager, &ProcessManager::processAdded, this, [this](int row) {
        ManagedProcess *process = m_manager->at(row);
        if (!process || process->isMirror())
            return; // the ProcDeck it mirrors runs its stack
        m_graphDirty = true;
        track(process);
        scheduleEvaluation();
    });
    connect(manager, &ProcessManager::processAboutToBeRemoved, this, [this](int row) {
        m_graphDirty = true;
        if (ManagedProcess *process = m_manager->at(row))
            forget(process);
        scheduleEvaluation(); // whoever waits for it is blocked now
    });
}

StackRunner::~StackRunner() = default;

void StackRunner::track(ManagedProcess *process)
{
    connect(process, &ManagedProcess::specChanged, this, [this] {
        m_graphDirty = true;
        scheduleEvaluation();
    });
    connect(process, &ManagedProcess::readinessChanged, this, &StackRunner::scheduleEvaluation);
    // A run's end, and a Waiting entry whose restart was cancelled, both end in a state change.
    connect(process, &ManagedProcess::stateChanged, this, [this, process] {
        if (!process->isAlive() && (m_stopping.contains(process) || m_restarting.contains(process)))
            onEnded(process);
        scheduleEvaluation();
    });
}

void StackRunner::forget(ManagedProcess *process)
{
    disconnect(process, nullptr, this, nullptr);
    m_stopping.remove(process);
    m_restarting.remove(process);
    m_endOfRestart.remove(process);
    m_startingNow.remove(process);
    m_held.removeAll(process);
    m_waiting.removeAll(process);
    releaseStops(); // it held nothing back any more
}

void StackRunner::rebuildGraph() const
{
    m_edges.clear();
    m_dependants.clear();
    m_hasEdges = false;
    m_graphDirty = false;
    const QList<ManagedProcess *> processes = m_manager->processes();
    // A dependency names an entry, or a replicated entry's group (all of its copies).
    QHash<QString, QList<ManagedProcess *>> byName;
    for (ManagedProcess *process : processes) {
        byName[process->spec().name].append(process);
        if (!process->replicaGroup().isEmpty() && process->replicaGroup() != process->spec().name)
            byName[process->replicaGroup()].append(process);
    }
    for (ManagedProcess *process : processes) {
        for (const Dependency &dependency : process->spec().dependsOn) {
            Edge edge{dependency, byName.value(dependency.name)};
            edge.targets.removeAll(process);
            for (ManagedProcess *target : std::as_const(edge.targets)) {
                QList<ManagedProcess *> &list = m_dependants[target];
                if (!list.contains(process))
                    list.append(process);
            }
            m_edges[process].append(std::move(edge));
            m_hasEdges = true;
        }
    }
}

const QList<StackRunner::Edge> &StackRunner::edges(const ManagedProcess *entry) const
{
    static const QList<Edge> none;
    if (m_graphDirty)
        rebuildGraph();
    const auto it = m_edges.constFind(entry);
    return it == m_edges.cend() ? none : *it;
}

QList<ManagedProcess *> StackRunner::dependencies(const ManagedProcess *entry) const
{
    QList<ManagedProcess *> result;
    for (const Edge &edge : edges(entry)) {
        for (ManagedProcess *target : edge.targets) {
            if (!result.contains(target))
                result.append(target);
        }
    }
    return result;
}

QList<ManagedProcess *> StackRunner::dependants(const ManagedProcess *entry) const
{
    if (m_graphDirty)
        rebuildGraph();
    return m_dependants.value(entry);
}

// Depth first, each entry after what it depends on; an entry met again while its own
// dependencies are being visited closes a cycle and is skipped there.
QList<ManagedProcess *> StackRunner::withDependencies(const QList<ManagedProcess *> &entries) const
{
    QList<ManagedProcess *> order;
    QSet<const ManagedProcess *> seen;
    struct Frame
    {
        ManagedProcess *entry;
        QList<ManagedProcess *> next;
    };
    for (ManagedProcess *root : entries) {
        if (seen.contains(root))
            continue;
        seen.insert(root);
        QList<Frame> stack{{root, dependencies(root)}};
        while (!stack.isEmpty()) {
            Frame &top = stack.last();
            if (top.next.isEmpty()) {
                order.append(top.entry);
                stack.removeLast();
                continue;
            }
            ManagedProcess *child = top.next.takeFirst();
            if (seen.contains(child))
                continue;
            seen.insert(child);
            stack.append({child, dependencies(child)});
        }
    }
    return order;
}

QList<ManagedProcess *> StackRunner::prepareStart(const QList<ManagedProcess *> &entries)
{
    m_graphDirty = true; // replicas and specs may have changed without a signal
    rebuildGraph();
    if (!m_hasEdges)
        return entries;
    const QSet<ManagedProcess *> requested(entries.cbegin(), entries.cend());
    const QList<ManagedProcess *> closure = withDependencies(entries);
    const QSet<ManagedProcess *> closureSet(closure.cbegin(), closure.cend());
    QList<ManagedProcess *> startNow;
    for (ManagedProcess *process : closure) {
        if (!process->canStart() || process->state() == ManagedProcess::State::WaitingForDependencies)
            continue;
        if (!requested.contains(process) && keepsFinishedRun(process, closureSet))
            continue;
        QStringList unmet;
        const Check check = checkEntry(process, &unmet);
        if (check.verdict == Verdict::Satisfied) {
            startNow.append(process);
            m_startingNow.insert(process); // pending for its dependants until it is queued
            continue;
        }
        process->waitForDependencies(check.verdict == Verdict::Failed ? QString() : unmet.join(u", "_s));
        if (check.verdict == Verdict::Failed)
            process->block(check.reason);
        else
            m_waiting.append(process);
    }
    m_startingNow.clear(); // the caller queues startNow before the next evaluation
    scheduleEvaluation();
    return startNow;
}

// A dependency that is not asked for itself keeps a finished run that already satisfies every
// entry of this start that needs it (a one-shot `migrate` that succeeded is not run again).
bool StackRunner::keepsFinishedRun(const ManagedProcess *dependency, const QSet<ManagedProcess *> &closure) const
{
    if (!dependency->isFinished())
        return false;
    for (const ManagedProcess *dependant : dependants(dependency)) {
        if (!closure.contains(const_cast<ManagedProcess *>(dependant)))
            continue;
        for (const Edge &edge : edges(dependant)) {
            if (edge.targets.contains(const_cast<ManagedProcess *>(dependency))
                && checkTarget(dependency, edge.dependency.condition).verdict != Verdict::Satisfied)
                return false;
        }
    }
    return true;
}

bool StackRunner::isPending(const ManagedProcess *target) const
{
    auto *entry = const_cast<ManagedProcess *>(target);
    return m_startingNow.contains(entry) || m_manager->isStartQueued(entry) || m_stopping.contains(entry)
        || m_restarting.contains(entry);
}

StackRunner::Check StackRunner::checkTarget(const ManagedProcess *target, DependencyCondition condition) const
{
    using S = ManagedProcess::State;
    if (isPending(target))
        return {Verdict::Pending, {}};
    const bool up = target->state() == S::Running || target->state() == S::Paused;
    switch (condition) {
    case DependencyCondition::Started:
        if (up)
            return {};
        break;
    case DependencyCondition::Ready:
        if (up && target->readiness() == ManagedProcess::Readiness::Ready)
            return {};
        if (up && target->readiness() == ManagedProcess::Readiness::Failed)
            return {Verdict::Failed, tr("%1 failed its readiness check").arg(target->spec().name)};
        if (up)
            return {Verdict::Pending, {}};
        break;
    case DependencyCondition::Completed:
        if (target->isFinished())
            return {};
        break;
    case DependencyCondition::Succeeded:
        if (target->isFinished() && target->state() == S::Exited && target->exitCode() == 0)
            return {};
        if (target->isFinished())
            return {Verdict::Failed, endReason(target, condition)};
        break;
    }
    if (target->hasPendingWork())
        return {Verdict::Pending, {}};
    return {Verdict::Failed, endReason(target, condition)};
}

// Why a settled dependency does not satisfy a condition, in words.
QString StackRunner::endReason(const ManagedProcess *target, DependencyCondition condition)
{
    using S = ManagedProcess::State;
    const QString name = target->spec().name;
    switch (target->state()) {
    case S::Blocked:
        return tr("%1 was not started").arg(name);
    case S::FailedToStart:
        return tr("%1 failed to start").arg(name);
    case S::NotStarted:
        return tr("%1 is not running").arg(name);
    default:
        break;
    }
    if (target->gaveUp())
        return tr("%1 gave up after %n restart(s)", nullptr, target->restartsInRow()).arg(name);
    if (target->state() == S::Killed)
        return target->stoppedByUser() ? tr("%1 was stopped").arg(name)
                                       : tr("%1 was killed by %2").arg(name, SignalNames::name(-target->exitCode()));
    if (target->state() == S::Exited && (condition == DependencyCondition::Succeeded || target->exitCode() != 0))
        return tr("%1 exited with %2").arg(name).arg(target->exitCode());
    return tr("%1 ended").arg(name);
}

StackRunner::Check StackRunner::checkEdge(const Edge &edge) const
{
    if (edge.targets.isEmpty())
        return {Verdict::Failed, tr("there is no entry called %1").arg(edge.dependency.name)};
    Check result;
    for (const ManagedProcess *target : edge.targets) {
        const Check check = checkTarget(target, edge.dependency.condition);
        if (check.verdict == Verdict::Failed)
            return check;
        if (check.verdict == Verdict::Pending)
            result.verdict = Verdict::Pending;
    }
    return result;
}

StackRunner::Check StackRunner::checkEntry(const ManagedProcess *entry, QStringList *unmet) const
{
    Check result;
    for (const Edge &edge : edges(entry)) {
        const Check check = checkEdge(edge);
        if (check.verdict == Verdict::Failed)
            return check;
        if (check.verdict == Verdict::Pending) {
            result.verdict = Verdict::Pending;
            if (unmet)
                unmet->append(edgeText(edge.dependency));
        }
    }
    return result;
}

QString StackRunner::edgeText(const Dependency &dependency)
{
    return u"%1 (%2)"_s.arg(dependency.name, dependencyConditionToString(dependency.condition));
}

QStringList StackRunner::dependencyLines(const ManagedProcess *entry) const
{
    QStringList lines;
    for (const Edge &edge : edges(entry)) {
        const Check check = checkEdge(edge);
        const QString text = edgeText(edge.dependency);
        if (check.verdict == Verdict::Satisfied) {
            lines.append(tr("%1: met").arg(text));
            continue;
        }
        if (check.verdict == Verdict::Failed) {
            lines.append(tr("%1: %2").arg(text, check.reason));
            continue;
        }
        QString detail;
        for (const ManagedProcess *target : edge.targets) {
            if (!target->readinessDetail().isEmpty() && edge.dependency.condition == DependencyCondition::Ready)
                detail = target->readinessDetail();
        }
        lines.append(detail.isEmpty() ? tr("%1: not yet").arg(text) : tr("%1: not yet (%2)").arg(text, detail));
    }
    return lines;
}

void StackRunner::scheduleEvaluation()
{
    if (!m_waiting.isEmpty() && !m_evaluateTimer.isActive())
        m_evaluateTimer.start();
}

// Each waiting entry, from the present states: start it (exactly once: it leaves the list and its
// state), block it, or keep it waiting with what it still waits for.
void StackRunner::evaluate()
{
    const QList<QPointer<ManagedProcess>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<ManagedProcess> &process : waiting) {
        // Cancelled, started by hand or removed meanwhile.
        if (!process || process->state() != ManagedProcess::State::WaitingForDependencies
            || m_manager->indexOf(process) < 0)
            continue;
        QStringList unmet;
        const Check check = checkEntry(process, &unmet);
        if (check.verdict == Verdict::Satisfied) {
            qCInfo(lcProcess) << process->spec().name << "dependencies met: starting";
            process->start();
        } else if (check.verdict == Verdict::Failed) {
            process->block(check.reason);
        } else {
            process->waitForDependencies(unmet.join(u", "_s));
            m_waiting.append(process);
        }
    }
}

QList<ManagedProcess *> StackRunner::beginStop(const QList<ManagedProcess *> &entries)
{
    m_graphDirty = true;
    for (ManagedProcess *process : entries) {
        m_restarting.remove(process); // a stop by the user wins over a restart under way
        if (process->isAlive())
            m_stopping.insert(process);
        else if (process->canTerminate())
            process->terminate(); // a wait for dependencies or a restart: cancelled now
    }
    QList<ManagedProcess *> now;
    for (ManagedProcess *process : entries) {
        if (!process->isAlive() || m_held.contains(process))
            continue;
        if (dependantsStopping(process))
            m_held.append(process);
        else
            now.append(process);
    }
    return now;
}

// A dependant of `process` is still alive in a stop operation: `process` gets its stop signal
// after it has ended.
bool StackRunner::dependantsStopping(const ManagedProcess *process) const
{
    const QList<ManagedProcess *> waitFor = dependants(process);
    return std::any_of(waitFor.cbegin(), waitFor.cend(), [this](ManagedProcess *dependant) {
        return dependant->isAlive() && m_stopping.contains(dependant);
    });
}

int StackRunner::heldStops() const
{
    return int(m_held.size());
}

// An entry of a stop operation ended: what it held back may go, and a restart comes now.
void StackRunner::onEnded(ManagedProcess *process)
{
    m_stopping.remove(process);
    m_held.removeAll(process);
    // From the event loop: the end is reported to everyone (the row, a join, the headless output)
    // before the next entry gets its stop signal.
    QMetaObject::invokeMethod(this, &StackRunner::releaseStops, Qt::QueuedConnection);
    if (m_restarting.remove(process)) {
        // The run's `finished` follows this state change at once: until it has been reported,
        // isRestarting() still says so.
        m_endOfRestart.insert(process);
        QMetaObject::invokeMethod(this, [this, process] { m_endOfRestart.remove(process); }, Qt::QueuedConnection);
        m_manager->startAll({process});
    }
    scheduleEvaluation();
}

void StackRunner::releaseStops()
{
    const QList<QPointer<ManagedProcess>> held = m_held;
    for (const QPointer<ManagedProcess> &process : held) {
        if (!process || !process->isAlive()) {
            m_held.removeAll(process);
            continue;
        }
        if (dependantsStopping(process))
            continue;
        m_held.removeAll(process);
        qCInfo(lcProcess) << process->spec().name << "its dependants have stopped: terminating";
        if (process->canTerminate())
            process->terminate();
    }
}

bool StackRunner::isRestarting(const ManagedProcess *entry) const
{
    auto *process = const_cast<ManagedProcess *>(entry);
    return m_restarting.contains(process) || m_endOfRestart.contains(process);
}

void StackRunner::restartWithDependants(ManagedProcess *entry)
{
    m_graphDirty = true;
    if (m_manager->indexOf(entry) < 0)
        return;
    if (!entry->isAlive()) {
        m_manager->startAll({entry});
        return;
    }
    // The running entries that need it running, and those that need them, transitively.
    QList<ManagedProcess *> group{entry};
    for (qsizetype i = 0; i < group.size(); ++i) {
        for (ManagedProcess *dependant : dependants(group.at(i))) {
            if (group.contains(dependant) || !dependant->canTerminate() || !dependant->isAlive())
                continue;
            for (const Edge &edge : edges(dependant)) {
                const bool needsRunning = edge.dependency.condition == DependencyCondition::Started
                    || edge.dependency.condition == DependencyCondition::Ready;
                if (needsRunning && edge.targets.contains(group.at(i))) {
                    group.append(dependant);
                    break;
                }
            }
        }
    }
    const QList<ManagedProcess *> now = beginStop(group);
    for (ManagedProcess *process : group)
        m_restarting.insert(process);
    for (ManagedProcess *process : now)
        process->terminate();
}

#include "processmanager.h"

#include "cgroupsupport.h"
#include "healthmonitor.h"
#include "stackrunner.h"
#include "triggermonitor.h"

#include <QElapsedTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

ProcessManager::ProcessManager(QObject *parent) : QObject(parent)
{
    // Does this system give each entry a cgroup? Asked now, on a thread of its own, so that the
    // answer is there by the first start (CgroupScope waits for it if not).
    CgroupSupport::instance();
    m_triggers = new TriggerMonitor(this);
    // Row changes are collected and sent once per event-loop pass: a 0 ms single-shot timer
    // fires after every event already queued, so a burst of state changes (output, exit, a
    // terminateAll over many rows) costs one processesChanged.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &ProcessManager::flushChanges);
    // startAll()'s slices: 0 ms, so that every event that came meanwhile runs between two.
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(0);
    connect(&m_startTimer, &QTimer::timeout, this, &ProcessManager::startNextSlice);
    m_terminateTimer.setSingleShot(true);
    m_terminateTimer.setInterval(0);
    connect(&m_terminateTimer, &QTimer::timeout, this, &ProcessManager::terminateNextSlice);
    // Every entry's readiness and liveness checks (a child: it goes with the manager).
    new HealthMonitor(this);
    m_stack = std::make_unique<StackRunner>(this);
}

ProcessManager::~ProcessManager()
{
    m_flushTimer.stop();
    m_startTimer.stop();
    m_terminateTimer.stop();
    m_stack.reset();
    // Each entry's destructor kills a live child's tree and reaps it; nobody hears about it.
    const QList<ManagedProcess *> processes = std::exchange(m_processes, {});
    for (ManagedProcess *process : processes) {
        disconnect(process, nullptr, this, nullptr);
        delete process;
    }
}

void ProcessManager::setBaseDirectory(const QString &directory)
{
    m_baseDirectory = directory;
    for (ManagedProcess *process : std::as_const(m_processes))
        process->setBaseDirectory(directory);
}

QString ProcessManager::baseDirectory() const
{
    return m_baseDirectory;
}

int ProcessManager::count() const
{
    return int(m_processes.size());
}

ManagedProcess *ProcessManager::at(int row) const
{
    return row >= 0 && row < m_processes.size() ? m_processes.at(row) : nullptr;
}

int ProcessManager::indexOf(const ManagedProcess *process) const
{
    return int(m_processes.indexOf(const_cast<ManagedProcess *>(process)));
}

ManagedProcess *ProcessManager::byId(int id) const
{
    for (ManagedProcess *process : m_processes) {
        if (process->id() == id)
            return process;
    }
    return nullptr;
}

QList<ManagedProcess *> ProcessManager::processes() const
{
    return m_processes;
}

ManagedProcess *ProcessManager::add(ProcessSpec spec)
{
    const QList<ManagedProcess *> added = addAll({std::move(spec)});
    return added.isEmpty() ? nullptr : added.constFirst();
}

// The one rule for default names: "Process-N", N from m_nextNumber on (numbers only grow, so a
// default name is never handed out twice in a session), skipping every name that is taken by an
// entry or by an explicitly named spec of the same batch, which is added after the unnamed ones
// before it.
void ProcessManager::nameUnnamed(QList<ProcessSpec> &specs)
{
    QSet<QString> taken = entryNames();
    for (const ProcessSpec &spec : std::as_const(specs)) {
        if (!spec.name.trimmed().isEmpty())
            taken.insert(spec.name);
    }
    for (ProcessSpec &spec : specs) {
        if (!spec.name.trimmed().isEmpty())
            continue;
        const int number = nextFreeNumber(taken);
        spec.name = u"Process-%1"_s.arg(number);
        taken.insert(spec.name);
        m_nextNumber = number + 1;
    }
}

QList<ManagedProcess *> ProcessManager::addAll(QList<ProcessSpec> specs)
{
    if (m_remote)
        return sendAdd(specs);
    nameUnnamed(specs);
    QList<ManagedProcess *> added;
    for (ProcessSpec &spec : specs) {
        const int copies = std::clamp(spec.replicas, 1, MaxReplicas);
        if (copies == 1) {
            spec.replicas = 1;
            added.append(insertProcess(count(), std::move(spec), QString(), 0));
            continue;
        }
        const QString group = spec.name;
        spec.replicas = 1;
        for (int i = 1; i <= copies; ++i) {
            spec.name = group + u'-' + QString::number(i);
            added.append(insertProcess(count(), spec, group, i));
        }
    }
    if (!added.isEmpty())
        emit modified();
    return added;
}

// Adds one entry at `row` (a copy of `group` when that is not empty).
ManagedProcess *ProcessManager::insertProcess(int row, ProcessSpec spec, const QString &group, int index)
{
    auto *process = new ManagedProcess(m_nextId++, std::move(spec), this);
    process->setBaseDirectory(m_baseDirectory);
    process->setRestartTiming(m_restartTiming);
    if (!group.isEmpty())
        process->setReplica(group, index);
    track(process);
    m_processes.insert(row, process);
    emit processAdded(row);
    return process;
}

void ProcessManager::remove(ManagedProcess *process)
{
    const int row = indexOf(process);
    if (row < 0)
        return;
    if (m_remote)
        return sendToMirrored(u"remove"_s, {process});
    emit processAboutToBeRemoved(row);
    m_processes.removeAt(row);
    m_changed.remove(process);
    disconnect(process, nullptr, this, nullptr);
    emit processRemoved(row);
    emit modified();

    // Rows after the removed one moved up; whatever was pending for them still holds by pointer.
    if (process->isAlive()) {
        // SIGKILL to the tree now; the entry goes once its child is reaped, which takes
        // milliseconds and needs no waiting here. (A start that is still being reported as failed
        // ends by itself with the same finished.)
        connect(process, &ManagedProcess::finished, process, &QObject::deleteLater);
        process->kill(); // also cancels a restart(): the run ends for good
    } else {
        if (process->hasPendingWork())
            process->kill(); // Waiting: cancels the pending restart before the deferred delete
        process->deleteLater();
    }
    checkAllStopped();
}

void ProcessManager::removeWhenStopped(ManagedProcess *process)
{
    if (indexOf(process) < 0)
        return;
    if (m_remote)
        return sendToMirrored(u"remove"_s, {process});
    if (!process->isAlive()) {
        remove(process);
        return;
    }
    // Queued: the run's end is reported to everyone else (the table, a join) before the row goes.
    connect(process, &ManagedProcess::finished, this, [this, process] { remove(process); },
            static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (process->canTerminate())
        process->terminate();
}

void ProcessManager::clear()
{
    m_startQueue.clear();
    m_terminateQueue.clear();
    while (!m_processes.isEmpty()) {
        if (m_remote)
            removeMirror(m_processes.last()); // mirror mode: dropped here, nothing is sent
        else
            remove(m_processes.last());
    }
}

QString ProcessManager::peekDefaultName() const
{
    return u"Process-%1"_s.arg(nextFreeNumber(entryNames()));
}

int ProcessManager::aliveCount() const
{
    return int(std::count_if(m_processes.cbegin(), m_processes.cend(),
                             [](const ManagedProcess *process) { return process->isAlive(); }));
}

StackRunner *ProcessManager::stack() const
{
    return m_stack.get();
}

void ProcessManager::startAll(const QList<ManagedProcess *> &processes)
{
    if (m_remote)
        return sendToMirrored(u"start"_s, processes);
    for (ManagedProcess *process : m_stack->prepareStart(processes)) {
        if (indexOf(process) >= 0)
            m_startQueue.append(process);
    }
    if (!m_startQueue.isEmpty() && !m_startTimer.isActive())
        m_startTimer.start();
}

int ProcessManager::pendingStarts() const
{
    return int(m_startQueue.size());
}

bool ProcessManager::isStartQueued(const ManagedProcess *process) const
{
    return std::any_of(m_startQueue.cbegin(), m_startQueue.cend(),
                       [process](const QPointer<ManagedProcess> &queued) { return queued == process; });
}

void ProcessManager::startNextSlice()
{
    QElapsedTimer slice;
    slice.start();
    while (!m_startQueue.isEmpty() && slice.elapsed() < StartSliceMs) {
        ManagedProcess *process = m_startQueue.takeFirst();
        // Removed meanwhile (deleted, or waiting for its deferred delete), or started by hand.
        if (!process || indexOf(process) < 0 || !process->canStart())
            continue;
        process->start();
    }
    if (!m_startQueue.isEmpty())
        m_startTimer.start();
}

void ProcessManager::terminateAll()
{
    m_terminatingAll = true;
    if (m_remote)
        return terminateAllMirrored();
    // What startAll() has not started yet stays so.
    m_startQueue.clear();
    m_startTimer.stop();
    // Pending restarts and waits are cancelled now, before any of them can fire; live entries go
    // into the queue, those with live dependants once these have ended (the stack runner
    // terminates them). Terminating a thousand entries takes ~50 ms, and their deaths, reaped in
    // one burst, as much again: in slices, the deaths come in smaller batches too.
    QList<ManagedProcess *> pending;
    for (ManagedProcess *process : std::as_const(m_processes)) {
        if (process->hasPendingWork())
            pending.append(process);
    }
    for (ManagedProcess *process : m_stack->beginStop(pending)) {
        if (!m_terminateQueue.contains(process))
            m_terminateQueue.append(process);
    }
    terminateNextSlice();
    // Reported from the event loop also when nothing was alive, so that a caller may connect
    // allStopped after calling.
    QMetaObject::invokeMethod(this, &ProcessManager::checkAllStopped, Qt::QueuedConnection);
}

void ProcessManager::terminate(const QList<ManagedProcess *> &processes)
{
    if (m_remote)
        return sendToMirrored(u"stop"_s, processes);
    for (ManagedProcess *process : processes) {
        if (indexOf(process) >= 0)
            m_startQueue.removeAll(process);
    }
    for (ManagedProcess *process : m_stack->beginStop(processes)) {
        if (process->canTerminate())
            process->terminate();
    }
}

void ProcessManager::terminateNextSlice()
{
    QElapsedTimer slice;
    slice.start();
    while (!m_terminateQueue.isEmpty() && slice.elapsed() < StartSliceMs) {
        ManagedProcess *process = m_terminateQueue.takeFirst();
        // Refused for a start still being reported as failed: it ends anyway, and as the user's
        // terminate was recorded, no restart follows. A Waiting one (it ended meanwhile and its
        // policy scheduled a restart): the restart is cancelled.
        if (process && indexOf(process) >= 0 && process->hasPendingWork())
            process->terminate();
    }
    if (!m_terminateQueue.isEmpty())
        m_terminateTimer.start();
    else if (m_terminatingAll)
        QMetaObject::invokeMethod(this, &ProcessManager::checkAllStopped, Qt::QueuedConnection);
}

void ProcessManager::setRestartTiming(const ManagedProcess::RestartTiming &timing)
{
    m_restartTiming = timing;
    for (ManagedProcess *process : std::as_const(m_processes))
        process->setRestartTiming(timing);
}

ManagedProcess::RestartTiming ProcessManager::restartTiming() const
{
    return m_restartTiming;
}

TriggerMonitor *ProcessManager::triggers() const
{
    return m_triggers;
}

void ProcessManager::track(ManagedProcess *process)
{
    connect(process, &ManagedProcess::stateChanged, this, [this, process] { markChanged(process); });
    connect(process, &ManagedProcess::specChanged, this, &ProcessManager::modified);
    connect(process, &ManagedProcess::finished, this, [this, process] {
        emit processFinished(process);
        checkAllStopped();
    });
}

void ProcessManager::markChanged(ManagedProcess *process)
{
    m_changed.insert(process);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ProcessManager::flushChanges()
{
    QList<int> rows;
    rows.reserve(m_changed.size());
    for (ManagedProcess *process : std::as_const(m_changed)) {
        const int row = indexOf(process);
        if (row >= 0)
            rows.append(row);
    }
    m_changed.clear();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    emit processesChanged(rows);
}

void ProcessManager::checkAllStopped()
{
    if (!m_terminatingAll || aliveCount() > 0 || !m_terminateQueue.isEmpty())
        return;
    m_terminatingAll = false;
    emit allStopped();
}

QSet<QString> ProcessManager::entryNames() const
{
    QSet<QString> names;
    for (const ManagedProcess *process : m_processes)
        names.insert(process->spec().name);
    return names;
}

// The lowest number from m_nextNumber on whose "Process-N" is not in `taken` (see addAll()).
int ProcessManager::nextFreeNumber(const QSet<QString> &taken) const
{
    int number = m_nextNumber;
    while (taken.contains(u"Process-%1"_s.arg(number)))
        ++number;
    return number;
}

#include "processtablemodel.h"

#include "managedprocess.h"
#include "healthmonitor.h"
#include "processmanager.h"
#include "stackrunner.h"
#include "procstats.h"
#include "signalnames.h"
#include "triggermonitor.h"
#include "visibletext.h"

#include <QLocale>

#include <csignal>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString formatDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

ProcessTableModel::ProcessTableModel(ProcessManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
    , m_manager(manager)
{
    // The manager reports an addition after the fact: the model counts its rows itself so that
    // rowCount() is still the old one between beginInsertRows() and endInsertRows().
    m_rowCount = manager->count();
    connect(manager, &ProcessManager::processAdded, this, [this](int row) {
        beginInsertRows({}, row, row);
        ++m_rowCount;
        endInsertRows();
    });
    connect(manager, &ProcessManager::processAboutToBeRemoved, this, [this](int row) {
        beginRemoveRows({}, row, row);
    });
    connect(manager, &ProcessManager::processRemoved, this, [this](int) {
        --m_rowCount;
        endRemoveRows();
    });
    connect(manager, &ProcessManager::processesChanged, this, &ProcessTableModel::onProcessesChanged);
    connect(manager, &ProcessManager::processRemoved, this, &ProcessTableModel::updateWatchedTrees);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ProcessTableModel::onTick);
    m_tick.start();
}

void ProcessTableModel::setStats(ProcStats *stats)
{
    if (m_stats)
        disconnect(m_stats, nullptr, this, nullptr);
    m_stats = stats;
    m_watched.clear();
    if (stats) {
        connect(stats, &ProcStats::sampled, this, [this] { emitRowsChanged(aliveRows(), Cpu, Processes); });
        connect(stats, &QObject::destroyed, this, [this] { m_stats = nullptr; });
        updateWatchedTrees();
    }
}

// An entry's figures count every process of its tree: the descendants of its reaper, which holds
// the program, what the program started and the orphans of the tree (a double-forked setsid()
// daemon is re-parented to the reaper, outside the program's group and family). The reaper itself
// is left out (ProcStats sums the descendants of a root): it is ProcDeck's machinery, a tiny
// process the entry did not ask for.
void ProcessTableModel::updateWatchedTrees()
{
    if (!m_stats)
        return;
    QList<qint64> roots;
    for (const ManagedProcess *process : m_manager->processes()) {
        if (process->isAlive() && process->treeRootPid() > 0)
            roots.append(process->treeRootPid());
    }
    std::sort(roots.begin(), roots.end());
    if (roots == m_watched)
        return;
    m_watched = roots;
    m_stats->setWatchedTrees(roots);
}

QList<int> ProcessTableModel::aliveRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_rowCount; ++row) {
        if (m_manager->at(row)->isAlive())
            rows.append(row);
    }
    return rows;
}

void ProcessTableModel::setTickInterval(int ms)
{
    m_tick.setInterval(ms);
}

int ProcessTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ProcessTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ManagedProcess *ProcessTableModel::processAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rowCount)
        return nullptr;
    return m_manager->at(index.row());
}

QModelIndex ProcessTableModel::indexOf(const ManagedProcess *process, int column) const
{
    const int row = m_manager->indexOf(process);
    return row < 0 ? QModelIndex() : index(row, column);
}

QVariant ProcessTableModel::data(const QModelIndex &index, int role) const
{
    const ManagedProcess *process = processAt(index);
    if (!process)
        return {};

    // Names, commands and failure reasons quote the session file: shown with their control
    // characters visible (VisibleText), never raw.
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant value = displayValue(process, index.column());
        return value.typeId() == QMetaType::QString ? QVariant(VisibleText::visible(value.toString())) : value;
    }
    case SortRole:
        return sortValue(process, index.column());
    case Qt::ToolTipRole:
        return VisibleText::visible(toolTip(process, index.column()));
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Pid:
        case RunTime:
        case Cpu:
        case Memory:
        case Processes:
        case Restarts:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case StateRole:
        return static_cast<int>(process->state());
    case ProcessIdRole:
        return process->id();
    case AliveRole:
        return process->isAlive();
    case UnexpectedRole:
        return process->endedUnexpectedly() && !process->isAlive();
    case ReadinessRole:
        return hasReadinessCheck(process) ? static_cast<int>(process->readiness()) : -1;
    default:
        return {};
    }
}

QVariant ProcessTableModel::displayValue(const ManagedProcess *process, int column) const
{
    using S = ManagedProcess::State;
    switch (column) {
    case Name:
        return process->spec().name;
    case Pid:
        return process->pid() > 0 ? QVariant(process->pid()) : QVariant(QString());
    case Alive:
        if (process->state() == S::NotStarted)
            return QString();
        return process->isAlive() ? tr("Yes", "alive") : tr("No", "alive");
    case State:
        return stateText(process);
    case Exit:
        if (process->hasEndedRun()) {
            const S end = process->state() == S::Waiting ? process->lastRunEnd() : process->state();
            if (end == S::Killed && process->outOfMemory())
                return tr("%1 (out of memory)").arg(process->exitCode());
            if (end == S::Exited || end == S::Killed)
                return SignalNames::formatExitCode(process->exitCode());
        }
        return QString();
    case Started:
        if (!process->startTime().isValid())
            return QString();
        return QLocale().toString(process->startTime().time(), u"HH:mm:ss"_s);
    case RunTime:
        if (!process->startTime().isValid() || process->state() == S::FailedToStart)
            return QString();
        return formatDuration(process->runTimeMs());
    case Cpu:
        if (const std::optional<TreeSample> sample = treeSample(process))
            return QString(QLocale().toString(sample->cpuPercent, 'f', 1) + u" %"_s);
        return QString();
    case Memory:
        if (const std::optional<TreeSample> sample = treeSample(process))
            return QLocale().formattedDataSize(sample->rssBytes, 1, QLocale::DataSizeTraditionalFormat);
        return QString();
    case Processes:
        if (const std::optional<TreeSample> sample = treeSample(process))
            return sample->processCount;
        return QString();
    case Restarts:
        return process->restartCount() > 0 ? QVariant(process->restartCount()) : QVariant(QString());
    case Ready:
        return readyText(process);
    }
    return {};
}

// The check of the current run (runSpec()), or of the next one while none is alive.
bool ProcessTableModel::hasReadinessCheck(const ManagedProcess *process)
{
    return (process->isAlive() ? process->runSpec() : process->spec()).readiness.isSet();
}

QString ProcessTableModel::readyText(const ManagedProcess *process) const
{
    using R = ManagedProcess::Readiness;
    if (!hasReadinessCheck(process))
        return u"\u2014"_s;
    switch (process->readiness()) {
    case R::NotRunning:
        return QString();
    case R::Ready:
        return tr("ready", "readiness");
    case R::Failed:
        return tr("failed", "readiness");
    case R::Pending:
        break;
    }
    const HealthCheck *check = HealthMonitor::check(process, HealthCheck::Role::Readiness);
    const QString failures = check ? check->failuresText() : QString();
    if (failures.isEmpty())
        return tr("waiting", "readiness");
    return tr("waiting (%1)", "readiness: failures in a row of the threshold, HealthCheck::failuresText()").arg(failures);
}

QString ProcessTableModel::readyToolTip(const ManagedProcess *process) const
{
    if (!hasReadinessCheck(process))
        return tr("No readiness check: ready once started");
    const ProbeSpec &check = (process->isAlive() ? process->runSpec() : process->spec()).readiness;
    const QString what = tr("Readiness check: %1 %2").arg(probeKindKey(check.kind), check.target);
    const QString detail = process->readinessDetail();
    return detail.isEmpty() ? what : what + u'\n' + detail;
}

ProcessTableModel::Outcome ProcessTableModel::outcome(const ManagedProcess *process)
{
    using S = ManagedProcess::State;
    switch (process->state()) {
    case S::NotStarted:
    case S::WaitingForDependencies:
        return Outcome::NotStarted;
    case S::Blocked:
        return Outcome::Failed;
    case S::Paused:
        return Outcome::Paused;
    case S::Starting:
    case S::Running:
    case S::Stopping:
        return Outcome::Running;
    case S::Exited:
    case S::Killed:
    case S::FailedToStart:
    case S::Waiting:
        break;
    }
    return process->endedUnexpectedly() || process->state() == S::FailedToStart ? Outcome::Failed : Outcome::Ended;
}

QString ProcessTableModel::stateText(const ManagedProcess *process, bool inFull) const
{
    using S = ManagedProcess::State;
    switch (process->state()) {
    case S::NotStarted:
        return tr("Not started");
    case S::Starting:
        return tr("Starting");
    case S::Running:
        return tr("Running");
    case S::Paused:
        return tr("Paused");
    case S::Stopping: {
        const qint64 left = process->stopDeadlineRemainingMs();
        if (left < 0)
            return tr("Stopping");
        return tr("Stopping (kill in %1 s)").arg((left + 999) / 1000);
    }
    case S::Waiting:
        return tr("Restarting in %1 s").arg((qMax<qint64>(process->nextRestartRemainingMs(), 0) + 999) / 1000);
    case S::WaitingForDependencies:
        return tr("Waiting for %1").arg(process->waitingFor());
    case S::Blocked:
        return tr("Not started: %1").arg(process->blockedReason());
    case S::Exited:
    case S::Killed:
    case S::FailedToStart:
        break;
    }
    // Failed (outcome()) says so first; a stop by the user ends Terminated (its stop signal) or
    // Killed (SIGKILL: Kill, or the end of the grace period).
    QString text;
    if (process->state() == S::FailedToStart)
        text = tr("Failed to start: %1").arg(process->failureReason());
    else if (process->outOfMemory())
        text = tr("Failed: out of memory");
    else if (outcome(process) == Outcome::Failed)
        text = process->state() == S::Killed ? tr("Failed: killed") : tr("Failed");
    else if (process->state() == S::Killed)
        text = process->stoppedByUser() && process->exitCode() != -SIGKILL ? tr("Terminated") : tr("Killed");
    else
        text = tr("Exited");
    if (process->gaveUp())
        text = tr("Gave up after %n restart(s)", nullptr, process->restartsInRow()) + u" · "_s + text;
    return withNextRun(process, text, inFull);
}

// A scheduled entry that is not running says when it runs next: "Next run 14:05" in place of
// an ordinary end (the Exit column has it; the tooltip says both), after a failure
// ("Failed · next run 14:05"). A running one says it in the tooltip.
QString ProcessTableModel::withNextRun(const ManagedProcess *process, const QString &text, bool inFull)
{
    const QDateTime next = process->nextScheduledStart();
    if (!next.isValid() || process->isAlive())
        return text;
    const QString when = TriggerMonitor::timeText(next, QDateTime::currentDateTime());
    if (inFull || outcome(process) == Outcome::Failed)
        return text + u" · "_s + tr("next run %1").arg(when);
    return tr("Next run %1").arg(when);
}

std::optional<TreeSample> ProcessTableModel::treeSample(const ManagedProcess *process) const
{
    if (!m_stats || !process->isAlive() || process->treeRootPid() <= 0)
        return std::nullopt;
    return m_stats->treeSample(process->treeRootPid());
}

QVariant ProcessTableModel::sortValue(const ManagedProcess *process, int column) const
{
    switch (column) {
    case Name:
        return process->spec().name;
    case Pid:
        return process->pid();
    case Alive:
        return process->isAlive();
    case State:
        return static_cast<int>(process->state());
    case Exit:
        return process->isFinished() ? process->exitCode() : std::numeric_limits<int>::min();
    case Started:
        return process->startTime().isValid() ? process->startTime().toMSecsSinceEpoch() : 0;
    case RunTime:
        return process->startTime().isValid() ? process->runTimeMs() : -1;
    case Cpu:
        return treeSample(process) ? treeSample(process)->cpuPercent : -1.0;
    case Memory:
        return treeSample(process) ? treeSample(process)->rssBytes : qint64(-1);
    case Processes:
        return treeSample(process) ? treeSample(process)->processCount : -1;
    case Restarts:
        return process->restartCount();
    case Ready:
        return hasReadinessCheck(process) ? static_cast<int>(process->readiness()) : -1;
    }
    return {};
}

QString ProcessTableModel::toolTip(const ManagedProcess *process, int column) const
{
    switch (column) {
    case Name:
        return process->spec().commandLine();
    case Pid:
        if (process->pid() > 0 && !process->isAlive())
            return tr("PID of the last run; the process has ended and is never signalled again");
        return {};
    case State:
        if (process->state() == ManagedProcess::State::WaitingForDependencies
            || process->state() == ManagedProcess::State::Blocked)
            return stateText(process) + u'\n' + m_manager->stack()->dependencyLines(process).join(u'\n');
        if (process->isAlive() && process->nextScheduledStart().isValid())
            return tr("Scheduled: next run %1").arg(
                TriggerMonitor::timeText(process->nextScheduledStart(), QDateTime::currentDateTime()));
        if (process->nextScheduledStart().isValid() && outcome(process) != Outcome::Failed)
            return stateText(process, true);
        if (process->state() == ManagedProcess::State::FailedToStart)
            return stateText(process); // in full, where the cell cuts the reason
        if (process->endedUnexpectedly() && !process->isAlive())
            return tr("The last run ended unexpectedly: %1").arg(
                process->state() == ManagedProcess::State::FailedToStart
                    ? process->failureReason()
                    : SignalNames::formatExitCode(process->exitCode()));
        return {};
    case Exit:
        if (process->state() == ManagedProcess::State::Killed && process->outOfMemory())
            return tr("Killed by the kernel's OOM killer: the entry's memory maximum was reached");
        if (process->state() == ManagedProcess::State::Killed && process->stoppedByUser()
            && process->exitCode() != -SIGKILL)
            return tr("Terminated by signal %1 (%2), which the user sent")
                .arg(-process->exitCode())
                .arg(SignalNames::name(-process->exitCode()));
        if (process->state() == ManagedProcess::State::Killed)
            return tr("Killed by signal %1 (%2)")
                .arg(-process->exitCode())
                .arg(SignalNames::name(-process->exitCode()));
        return {};
    case Started:
        if (process->startTime().isValid())
            return QLocale().toString(process->startTime(), QLocale::LongFormat);
        return {};
    case Ready:
        return readyToolTip(process);
    }
    return {};
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Name");
        case Pid:
            return tr("PID");
        case Alive:
            return tr("Alive");
        case State:
            return tr("State");
        case Exit:
            return tr("Exit", "exit code column");
        case Started:
            return tr("Started");
        case RunTime:
            return tr("Run time");
        case Cpu:
            return tr("CPU");
        case Memory:
            return tr("Memory");
        case Processes:
            return tr("Procs", "processes of the entry");
        case Restarts:
            return tr("Restarts");
        case Ready:
            return tr("Ready", "readiness column");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Alive:
            return tr("is_alive(): whether the process is running now");
        case Exit:
            return tr("exitcode: N for a normal exit, -N for death by signal N");
        case Cpu:
            return tr("CPU use of the entry's processes (the program and all it started, daemons included), in percent of one core");
        case Memory:
            return tr("Resident memory of the entry's processes (the program and all it started, daemons included)");
        case Processes:
            return tr("Processes of the entry: the program and every process it started that is still there, daemons included");
        case Restarts:
            return tr("Restarts done by the entry's restart policy");
        case Ready:
            return tr("Whether the run passes its readiness check: ready, waiting (failures in a row of the threshold) or failed; \u2014 without a check");
        }
    }
    return {};
}

void ProcessTableModel::onProcessesChanged(const QList<int> &rows)
{
    updateWatchedTrees();
    emitRowsChanged(rows, 0, ColumnCount - 1);
}

// The Run time column of every live row, and the Stopping countdown, change with the clock alone.
void ProcessTableModel::onTick()
{
    emitRowsChanged(tickingRows(), State, RunTime);
}

// Rows whose text changes with the clock alone: run time, the grace and restart countdowns.
QList<int> ProcessTableModel::tickingRows() const
{
    QList<int> rows;
    for (int row = 0; row < m_rowCount; ++row) {
        const ManagedProcess *process = m_manager->at(row);
        if (process->hasPendingWork())
            rows.append(row);
    }
    return rows;
}

// One dataChanged per changed row, or a single one for the whole table when most rows changed.
void ProcessTableModel::emitRowsChanged(const QList<int> &rows, int firstColumn, int lastColumn)
{
    if (rows.isEmpty())
        return;
    const int count = rowCount();
    if (rows.size() * 2 > count) {
        emit dataChanged(index(0, firstColumn), index(count - 1, lastColumn));
        return;
    }
    for (int row : rows) {
        if (row >= 0 && row < count)
            emit dataChanged(index(row, firstColumn), index(row, lastColumn));
    }
}

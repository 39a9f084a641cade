#include "triggermonitor.h"

#include "filewatcher.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "stackrunner.h"

#include <QLocale>

using namespace Qt::StringLiterals;

TriggerMonitor::TriggerMonitor(ProcessManager *manager)
    : QObject(manager)
    , m_manager(manager)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TriggerMonitor::checkSchedules);
    connect(manager, &ProcessManager::processAdded, this, [this](int row) {
        if (!m_manager->at(row)->isMirror()) // the ProcDeck it mirrors runs its triggers
            track(m_manager->at(row));
    });
    connect(manager, &ProcessManager::processAboutToBeRemoved, this,
            [this](int row) { untrack(m_manager->at(row)); });
    // What a change does, in one place: the entry restarts, and then the running entries that
    // need it (StackRunner::restartWithDependants), in order.
    connect(this, &TriggerMonitor::changed, this, [this](ManagedProcess *process, const QStringList &) {
        m_manager->stack()->restartWithDependants(process);
    });
}

TriggerMonitor::~TriggerMonitor() = default;

void TriggerMonitor::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void TriggerMonitor::setWatchLimit(int limit)
{
    m_watchLimit = limit;
}

bool TriggerMonitor::isArmed(const ManagedProcess *process) const
{
    const auto it = m_entries.constFind(process);
    return it != m_entries.cend() && it->armed;
}

FileWatcher *TriggerMonitor::watcher(const ManagedProcess *process) const
{
    const auto it = m_entries.constFind(process);
    return it != m_entries.cend() ? it->watcher : nullptr;
}

QString TriggerMonitor::warning(const ManagedProcess *process) const
{
    const FileWatcher *fileWatcher = watcher(process);
    return fileWatcher ? fileWatcher->warning() : QString();
}

QString TriggerMonitor::timeText(const QDateTime &when, const QDateTime &now)
{
    const QString time = when.toString(when.time().second() == 0 ? u"HH:mm"_s : u"HH:mm:ss"_s);
    if (qAbs(now.secsTo(when)) < 24 * 3600)
        return time; // unambiguous: the next (or the last) such time of day
    const qint64 days = now.date().daysTo(when.date());
    if (days > 0 && days < 7)
        return QLocale().dayName(when.date().dayOfWeek(), QLocale::ShortFormat) + u' ' + time;
    return when.toString(u"yyyy-MM-dd "_s) + time;
}

void TriggerMonitor::track(ManagedProcess *process)
{
    Entry &entry = m_entries[process];
    entry.process = process;
    connect(process, &ManagedProcess::started, this, [this, process] {
        Entry &tracked = m_entries[process];
        if (!tracked.armed)
            arm(tracked);
    });
    connect(process, &ManagedProcess::finished, this, [this, process] {
        Entry &tracked = m_entries[process];
        // A stop by the user disarms; the stop of a restart on change (or of a dependency's)
        // does not: this slot runs before the stack runner starts the entry again.
        if (tracked.armed && process->stoppedByUser() && process->isSettled()
            && !m_manager->stack()->isRestarting(process))
            disarm(tracked);
    });
    connect(process, &ManagedProcess::specChanged, this, [this, process] {
        Entry &tracked = m_entries[process];
        if (tracked.armed) {
            disarm(tracked);
            arm(tracked);
        }
    });
}

void TriggerMonitor::untrack(ManagedProcess *process)
{
    const auto it = m_entries.find(process);
    if (it == m_entries.end())
        return;
    disarm(*it);
    process->disconnect(this);
    m_entries.erase(it);
}

void TriggerMonitor::arm(Entry &entry)
{
    const ProcessSpec &spec = entry.process->spec();
    if (!spec.watch.isSet() && !spec.schedule.isSet())
        return;
    entry.armed = true;
    if (spec.watch.isSet())
        armWatch(entry);
    if (spec.schedule.isSet())
        armSchedule(entry, m_clock());
}

void TriggerMonitor::disarm(Entry &entry)
{
    entry.armed = false;
    delete std::exchange(entry.watcher, nullptr);
    entry.cron.reset();
    entry.everyMs = 0;
    entry.due = {};
    if (entry.process)
        entry.process->setNextScheduledStart({});
}

void TriggerMonitor::armWatch(Entry &entry)
{
    ManagedProcess *process = entry.process;
    entry.watcher = new FileWatcher(m_manager->baseDirectory(), process->spec().watch, this);
    entry.watcher->setWatchLimit(m_watchLimit);
    connect(entry.watcher, &FileWatcher::changed, this,
            [this, process](const QStringList &paths) { onFilesChanged(process, paths); });
    connect(entry.watcher, &FileWatcher::warningRaised, this, [this, process](const QString &text) {
        process->output()->appendMessage(text);
        emit warningRaised(process, text);
    });
    entry.watcher->start();
}

void TriggerMonitor::onFilesChanged(ManagedProcess *process, const QStringList &paths)
{
    using State = ManagedProcess::State;
    const State state = process->state();
    if (state != State::Starting && state != State::Running && state != State::Paused)
        return;
    const QString first = paths.value(0).isEmpty() ? u"."_s : paths.value(0);
    const int count = int(paths.size());
    process->output()->appendMessage(count == 1
                                         ? tr("restarting: %1 changed").arg(first)
                                         : tr("restarting: %1 changed (%n file(s))", nullptr, count).arg(first));
    emit changed(process, paths);
}

void TriggerMonitor::armSchedule(Entry &entry, const QDateTime &now)
{
    const ScheduleSpec &schedule = entry.process->spec().schedule;
    if (!schedule.cron.isEmpty()) {
        CronSchedule::ParseResult parsed = CronSchedule::parse(schedule.cron);
        if (!parsed.schedule) {
            // The session reader refuses these; a spec made in code may still have one.
            entry.process->output()->appendMessage(tr("schedule not armed: %1").arg(parsed.error));
            return;
        }
        entry.cron = parsed.schedule;
    } else {
        entry.everyMs = schedule.everyMs;
    }
    entry.due = nextDue(entry, now);
    entry.lastCheck = now;
    entry.process->setNextScheduledStart(entry.due);
    rearmTimer(now);
}

QDateTime TriggerMonitor::nextDue(const Entry &entry, const QDateTime &after) const
{
    if (entry.cron)
        return entry.cron->nextAfter(after);
    if (entry.everyMs > 0)
        return after.addMSecs(entry.everyMs);
    return {};
}

void TriggerMonitor::checkSchedules()
{
    const QDateTime now = m_clock();
    for (Entry &entry : m_entries) {
        if (!entry.armed || !entry.due.isValid() || !entry.process)
            continue;
        if (now < entry.lastCheck) {
            // The clock went back: the due time is counted again from the new "now".
            entry.due = nextDue(entry, now);
        } else if (now >= entry.due) {
            fire(entry, now);
            // An interval keeps its rate; a slept-through stretch is caught up with one start.
            QDateTime next = entry.cron ? entry.cron->nextAfter(now) : entry.due.addMSecs(entry.everyMs);
            if (next <= now)
                next = nextDue(entry, now);
            entry.due = next;
        }
        entry.lastCheck = now;
        entry.process->setNextScheduledStart(entry.due);
    }
    rearmTimer(now);
}

void TriggerMonitor::fire(Entry &entry, const QDateTime &now)
{
    ManagedProcess *process = entry.process;
    if (process->isAlive()) {
        process->output()->appendMessage(tr("skipped the %1 run: the %2 run is still going")
                                             .arg(timeText(entry.due, now), timeText(process->startTime(), now)));
        emit scheduledRunSkipped(process);
        return;
    }
    process->output()->appendMessage(tr("scheduled run (%1)").arg(timeText(entry.due, now)));
    m_manager->startAll({process}); // what it depends on first, as Start does
    emit scheduledStart(process);
}

void TriggerMonitor::rearmTimer(const QDateTime &now)
{
    qint64 wait = -1;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.armed && entry.due.isValid()) {
            const qint64 left = qMax<qint64>(0, now.msecsTo(entry.due));
            wait = wait < 0 ? left : qMin(wait, left);
        }
    }
    if (wait < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qMin<qint64>(wait, MaxTimerMs)));
}

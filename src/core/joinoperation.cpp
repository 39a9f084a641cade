#include "joinoperation.h"

#include "managedprocess.h"
#include "signalnames.h"

#include <limits>

using namespace Qt::StringLiterals;

QString JoinOperation::Outcome::describe() const
{
    const QString seconds = QString::number(double(waitedMs) / 1000.0, 'f', 1);
    const QString what = exited
        ? JoinOperation::tr("exited with %1 after %2 s").arg(SignalNames::formatExitCode(exitCode), seconds)
        : JoinOperation::tr("still alive after %1 s").arg(seconds);
    return name.isEmpty() ? what : JoinOperation::tr("%1: %2", "entry name: outcome").arg(name, what);
}

JoinOperation::JoinOperation(const QList<ManagedProcess *> &processes, qint64 timeoutMs, QObject *parent)
    : QObject(parent), m_timeoutMs(timeoutMs)
{
    m_processes.reserve(processes.size());
    m_outcomes.reserve(processes.size());
    for (ManagedProcess *process : processes) {
        m_processes.append(process);
        m_outcomes.append(std::nullopt);
        m_ids.append(process ? process->id() : 0);
        m_names.append(process ? process->spec().name : QString());
    }
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    connect(&m_deadline, &QTimer::timeout, this, &JoinOperation::finish);
}

void JoinOperation::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();

    for (qsizetype i = 0; i < m_processes.size(); ++i) {
        ManagedProcess *process = m_processes.at(i);
        if (!process || m_outcomes.at(i))
            continue;
        if (!process->isAlive()) {
            // No run in progress: the join returns at once, as in Python. (One never started
            // counts as not exited: it has no exit code to report. One Waiting for its restart
            // has ended its run: it reports that run's exit code; see ManagedProcess's queries.)
            Outcome outcome;
            outcome.processId = process->id();
            outcome.name = process->spec().name;
            outcome.exited = process->hasEndedRun();
            outcome.exitCode = process->exitCode();
            m_outcomes[i] = outcome;
            continue;
        }
        connect(process, &ManagedProcess::finished, this, [this, i] {
            ManagedProcess *process = m_processes.at(i);
            if (!m_running || !process || m_outcomes.at(i))
                return;
            Outcome outcome;
            outcome.processId = process->id();
            outcome.name = process->spec().name;
            outcome.exited = true;
            outcome.exitCode = process->exitCode();
            outcome.waitedMs = m_clock.elapsed();
            m_outcomes[i] = outcome;
            check();
        });
        // A removed entry has nothing more to report; queued, as the pointer clears on deletion.
        connect(process, &QObject::destroyed, this, &JoinOperation::check, Qt::QueuedConnection);
    }

    if (m_timeoutMs >= 0)
        m_deadline.start(int(qMin<qint64>(m_timeoutMs, std::numeric_limits<int>::max())));
    // Checked from the event loop, so that `done` never arrives inside start().
    QMetaObject::invokeMethod(this, &JoinOperation::check, Qt::QueuedConnection);
}

void JoinOperation::cancel()
{
    finish();
}

bool JoinOperation::isRunning() const
{
    return m_running;
}

QList<JoinOperation::Outcome> JoinOperation::outcomes() const
{
    QList<Outcome> result;
    result.reserve(m_outcomes.size());
    for (qsizetype i = 0; i < m_outcomes.size(); ++i) {
        if (m_outcomes.at(i)) {
            result.append(*m_outcomes.at(i));
            continue;
        }
        Outcome pending;
        pending.processId = m_ids.at(i);
        pending.name = m_names.at(i);
        if (const ManagedProcess *process = m_processes.at(i))
            pending.name = process->spec().name; // renamed meanwhile
        pending.waitedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
        result.append(pending);
    }
    return result;
}

void JoinOperation::check()
{
    if (!m_running)
        return;
    int finished = 0;
    for (qsizetype i = 0; i < m_outcomes.size(); ++i) {
        // A removed entry has nothing more to wait for; it reports as not exited.
        if (m_outcomes.at(i) || !m_processes.at(i))
            ++finished;
    }
    emit progress(finished, int(m_outcomes.size()));
    if (finished == m_outcomes.size())
        finish();
}

void JoinOperation::finish()
{
    if (!m_running)
        return;
    m_deadline.stop();
    const QList<Outcome> result = outcomes(); // entries still running are measured now
    m_running = false;
    for (qsizetype i = 0; i < result.size(); ++i)
        m_outcomes[i] = result.at(i);
    for (const QPointer<ManagedProcess> &process : std::as_const(m_processes)) {
        if (process)
            disconnect(process, nullptr, this, nullptr);
    }
    emit done(result);
}

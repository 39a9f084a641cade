#pragma once

#include "probeattempt.h"
#include "stackspec.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

class ManagedProcess;

// The readiness or the liveness check of one entry, run for each of its runs (HealthMonitor
// attaches one of each to every entry; a run whose runSpec() has no such check costs nothing).
// The check of a run is the one its runSpec() held when it started: an edit applies from the
// next run. It starts with the run (ManagedProcess::started), waits initialDelayMs, then makes an
// attempt (ProbeAttempt) every periodMs, each bounded by timeoutMs; it stops when the run ends,
// and no attempt outlives the run. While the entry is Paused or Stopping no attempt is made.
//
// Readiness: the first attempt that passes makes the run Ready (a "ready" note in its output);
// failureThreshold failures in a row make it Failed (a note says why) and the check stops.
// Meanwhile the run is Pending with the last failure as its detail ("connection refused
// (2 of 3)").
//
// Liveness: failureThreshold failures in a row end the run as failed (ManagedProcess::failRun())
// with a note ("liveness check failed 3 times (…: HTTP 503); restarting"): the restart policy
// decides what follows, as for a run that died.
//
// A `logLine` check watches the run's output instead of making attempts: each line of the
// program's stdout and stderr in this run (not ProcDeck's notes) is matched against the regular
// expression, lines that came before the start was reported included. Readiness passes on the
// first match and fails when initialDelayMs + failureThreshold × periodMs have gone by without
// one. Liveness is a heartbeat: after initialDelayMs, each period without a matching line is a
// failure, and a period with one resets the count.
class HealthCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthCheck)

public:
    enum class Role { Readiness, Liveness };
    Q_ENUM(Role)

    // A child of `process`.
    HealthCheck(ManagedProcess *process, Role role);
    ~HealthCheck() override;

    Role role() const;
    bool isActive() const;          // checking the current run
    int failuresInRow() const;      // of the current (or last) run's check
    int failureThreshold() const;   // of the current (or last) run's check
    // "2 of 3": failuresInRow() of failureThreshold(), as the notes and the Ready column say it;
    // empty while there is no failure.
    QString failuresText() const;
    int attempts() const;           // attempts made (lines looked at do not count) in this run

signals:
    // An attempt ended, passed or not (after the check has acted on it).
    void attemptFinished(bool passed, const QString &detail);

private:
    void onStarted();
    void onFinished();
    void stop();
    void schedule(int delayMs);
    void onTimer();
    void makeAttempt();
    void onAttemptFinished(bool passed, const QString &detail);
    void passed(const QString &detail);
    void failed(const QString &detail);
    void scanLines();
    bool canCheckNow() const;
    ProbeAttempt::Context context() const;

    ManagedProcess *m_process = nullptr;
    Role m_role = Role::Readiness;
    ProbeSpec m_spec;                     // the current run's check
    QTimer m_timer;                       // the next attempt; logLine: the deadline or the beat
    QElapsedTimer m_attemptClock;         // since the current attempt began
    QPointer<ProbeAttempt> m_attempt;
    QRegularExpression m_pattern;         // logLine only
    qint64 m_nextLine = 0;                // logLine: the next line of the log to look at
    int m_run = 0;                        // logLine: the log's run of the current run
    int m_failures = 0;
    int m_attempts = 0;
    bool m_active = false;
    bool m_matched = false;               // logLine liveness: a match in this period
};

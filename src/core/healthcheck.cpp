#include "healthcheck.h"

#include "launchplan.h"
#include "logging.h"
#include "managedprocess.h"
#include "outputlog.h"

using namespace Qt::StringLiterals;

namespace {

// A matched line as a detail: its start, so that a flood's long line does not fill the tooltip.
QString lineExcerpt(const QString &text)
{
    constexpr qsizetype MaxLength = 120;
    return text.size() <= MaxLength ? text : text.left(MaxLength) + u'\u2026';
}

} // namespace

HealthCheck::HealthCheck(ManagedProcess *process, Role role)
    : QObject(process)
    , m_process(process)
    , m_role(role)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthCheck::onTimer);
    connect(process, &ManagedProcess::started, this, &HealthCheck::onStarted);
    connect(process, &ManagedProcess::finished, this, &HealthCheck::onFinished);
    connect(process->output(), &OutputLog::changed, this, [this] {
        if (m_active && m_spec.kind == ProbeSpec::Kind::LogLine)
            scanLines();
    });
    m_nextLine = process->output()->endLineNumber();
}

HealthCheck::~HealthCheck() = default;

HealthCheck::Role HealthCheck::role() const
{
    return m_role;
}

bool HealthCheck::isActive() const
{
    return m_active;
}

int HealthCheck::failuresInRow() const
{
    return m_failures;
}

int HealthCheck::failureThreshold() const
{
    return qMax(1, m_spec.failureThreshold);
}

QString HealthCheck::failuresText() const
{
    if (m_failures == 0)
        return QString();
    return tr("%1 of %2", "failures in a row of the threshold").arg(m_failures).arg(failureThreshold());
}

int HealthCheck::attempts() const
{
    return m_attempts;
}

void HealthCheck::onStarted()
{
    stop();
    const ProcessSpec &spec = m_process->runSpec();
    m_spec = m_role == Role::Readiness ? spec.readiness : spec.liveness;
    m_failures = 0;
    m_attempts = 0;
    if (!m_spec.isSet())
        return;
    m_active = true;
    const int initialDelay = qMax(0, m_spec.initialDelayMs);
    if (m_spec.kind != ProbeSpec::Kind::LogLine) {
        schedule(initialDelay);
        return;
    }
    m_pattern = QRegularExpression(m_spec.target);
    m_run = m_process->output()->currentRun();
    m_matched = false;
    if (m_role == Role::Readiness) {
        m_process->setReadiness(ManagedProcess::Readiness::Pending,
                                tr("waiting for a line matching %1").arg(m_spec.target));
        // The deadline: the whole threshold of periods after the initial delay.
        schedule(initialDelay + qMax(1, m_spec.failureThreshold) * qMax(1, m_spec.periodMs));
    } else {
        schedule(initialDelay + qMax(1, m_spec.periodMs));
    }
    scanLines();
}

void HealthCheck::onFinished()
{
    stop();
    m_nextLine = m_process->output()->endLineNumber();
}

// No attempt outlives the check of its run.
void HealthCheck::stop()
{
    m_active = false;
    m_timer.stop();
    if (m_attempt) {
        m_attempt->abort();
        m_attempt->deleteLater();
    }
}

void HealthCheck::schedule(int delayMs)
{
    m_timer.start(qMax(0, delayMs));
}

void HealthCheck::onTimer()
{
    if (!m_active)
        return;
    if (m_spec.kind != ProbeSpec::Kind::LogLine) {
        makeAttempt();
        return;
    }
    const int period = qMax(1, m_spec.periodMs);
    if (m_role == Role::Readiness) {
        const int waited = qMax(0, m_spec.initialDelayMs) + qMax(1, m_spec.failureThreshold) * period;
        m_failures = failureThreshold();
        failed(tr("no line matching %1 within %2 ms").arg(m_spec.target).arg(waited));
        return;
    }
    // Liveness: one beat.
    schedule(period);
    if (!canCheckNow())
        return;
    if (std::exchange(m_matched, false))
        passed(QString());
    else
        failed(tr("no line matching %1 for %2 ms").arg(m_spec.target).arg(period));
}

bool HealthCheck::canCheckNow() const
{
    const ManagedProcess::State state = m_process->state();
    return state == ManagedProcess::State::Running || state == ManagedProcess::State::Starting;
}

void HealthCheck::makeAttempt()
{
    if (!canCheckNow()) { // paused (or being stopped): try again a period later
        schedule(qMax(1, m_spec.periodMs));
        return;
    }
    ++m_attempts;
    m_attemptClock.start();
    m_attempt = ProbeAttempt::start(m_spec, context(), this);
    connect(m_attempt, &ProbeAttempt::finished, this, &HealthCheck::onAttemptFinished);
}

void HealthCheck::onAttemptFinished(bool ok, const QString &detail)
{
    if (m_attempt)
        m_attempt->deleteLater();
    if (!m_active)
        return;
    // The next attempt a period after this one began, or at once if it took longer.
    schedule(int(qMax<qint64>(0, qMax(1, m_spec.periodMs) - m_attemptClock.elapsed())));
    if (ok)
        passed(detail);
    else
        failed(detail);
    emit attemptFinished(ok, detail);
}

void HealthCheck::passed(const QString &detail)
{
    m_failures = 0;
    if (m_role == Role::Liveness)
        return;
    stop();
    qCInfo(lcProcess) << m_process->spec().name << "ready:" << detail;
    m_process->setReadiness(ManagedProcess::Readiness::Ready, detail); // which notes "ready"
}

void HealthCheck::failed(const QString &detail)
{
    m_failures = qMin(m_failures + 1, failureThreshold());
    const QString counted = tr("%1 (%2)", "a failed attempt and the failures in a row").arg(detail, failuresText());
    if (m_failures < failureThreshold()) {
        if (m_role == Role::Readiness)
            m_process->setReadiness(ManagedProcess::Readiness::Pending, tr("last: %1").arg(counted));
        return;
    }
    stop();
    const QString name = m_process->spec().name;
    if (m_role == Role::Readiness) {
        qCInfo(lcProcess) << name << "readiness check failed:" << counted;
        m_process->setReadiness(ManagedProcess::Readiness::Failed, counted); // which notes it
        return;
    }
    const QString why = u"%1: %2"_s.arg(m_spec.target, detail);
    const bool restarts = m_process->runSpec().restart != RestartPolicy::Never;
    qCInfo(lcProcess) << name << "liveness check failed" << m_failures << "times:" << why;
    m_process->output()->appendMessage(
        restarts ? tr("liveness check failed %n time(s) (%1); restarting", "", m_failures).arg(why)
                 : tr("liveness check failed %n time(s) (%1); stopping (restart policy never)", "", m_failures).arg(why));
    m_process->failRun();
}

// logLine: the program's lines of this run that have come since the last look.
void HealthCheck::scanLines()
{
    const OutputLog *log = m_process->output();
    const qint64 end = log->endLineNumber() - (log->hasOpenLine() ? 1 : 0);
    for (qint64 number = qMax(m_nextLine, log->firstLineNumber()); number < end && m_active; ++number) {
        m_nextLine = number + 1;
        const OutputLine &line = log->line(number);
        if (line.stream == OutputStream::Message || line.run != m_run)
            continue;
        if (!m_pattern.match(line.text).hasMatch())
            continue;
        if (m_role == Role::Liveness) {
            m_matched = true;
            continue;
        }
        passed(tr("line matched: %1").arg(lineExcerpt(line.text)));
    }
}

ProbeAttempt::Context HealthCheck::context() const
{
    const LaunchResolution launch = resolveLaunch(m_process->runSpec(), m_process->baseDirectory());
    return {launch.plan.workingDirectory, launch.plan.environment};
}

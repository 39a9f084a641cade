// Readiness and liveness checks (HealthCheck, ProbeAttempt, HealthMonitor) against real servers
// (tests/helpers/pd_server.cpp) and real entries: each kind passing and failing, the threshold,
// the initial delay, a server that never answers while the event loop keeps running, liveness
// restarts under the restart policy, no check after a run's end, and the table's Ready column.

#include "healthcheck.h"
#include "healthmonitor.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace {

using Readiness = ManagedProcess::Readiness;
using State = ManagedProcess::State;

QString serverPath()
{
    return QStringLiteral(PD_SERVER_PATH);
}

// A port nobody listens on now (the kernel's next free one; the test's server takes it soon).
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// pd_server as the test's own process (not an entry), killed and reaped with the object.
class Server final
{
public:
    explicit Server(const QStringList &args)
    {
        m_process.setProgram(serverPath());
        m_process.setArguments(args);
        m_process.start();
    }
    ~Server()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    Q_DISABLE_COPY_MOVE(Server)

    // The port from its "listening on N" line; 0 when it did not say so in time.
    int waitForPort()
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000) {
            m_output += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = QRegularExpression(u"listening on (\\d+)"_s).match(QString::fromUtf8(m_output));
            if (match.hasMatch())
                return match.captured(1).toInt();
            m_process.waitForReadyRead(100);
        }
        return 0;
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

ProbeSpec probe(ProbeSpec::Kind kind, const QString &target, int periodMs = 50, int timeoutMs = 2000,
                int threshold = 3)
{
    ProbeSpec spec;
    spec.kind = kind;
    spec.target = target;
    spec.periodMs = periodMs;
    spec.timeoutMs = timeoutMs;
    spec.failureThreshold = threshold;
    return spec;
}

ProcessSpec childSpec(const QStringList &args)
{
    ProcessSpec spec;
    spec.name = u"entry"_s;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

ProcessSpec sleeper()
{
    return childSpec({u"sleep"_s, u"60000"_s});
}

bool logContains(const OutputLog *log, const QString &text)
{
    for (qint64 i = log->firstLineNumber(); i < log->endLineNumber(); ++i) {
        if (log->line(i).text.contains(text))
            return true;
    }
    return false;
}

// Every detail the entry's readiness showed, in order.
std::shared_ptr<QStringList> recordDetails(ManagedProcess *process)
{
    auto details = std::make_shared<QStringList>();
    QObject::connect(process, &ManagedProcess::readinessChanged, process, [process, details] {
        details->append(process->readinessDetail());
    });
    return details;
}

} // namespace

class tst_HealthCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void tcpPassesOnceServerListens();
    void httpStatus_data();
    void httpStatus();
    void httpNeverAnsweringKeepsEventLoopRunning();
    void logLinePassesOnMatchingLine();
    void logLineIgnoresOtherLinesAndNotes();
    void command_data();
    void command();
    void commandTimeoutKillsIt();
    void initialDelayRespected();
    void livenessFailureRestartsUnderPolicy_data();
    void livenessFailureRestartsUnderPolicy();
    void livenessLogLineHeartbeat();
    void checksStopAtRunEnd();
    void readyColumn();

private:
    ProcessManager *newManager();
    std::unique_ptr<ProcessManager> m_manager;
};

void tst_HealthCheck::initTestCase()
{
    TestSupport::installProcessWarningGuard();
    QVERIFY(QFile::exists(TestSupport::childPath()));
    QVERIFY(QFile::exists(serverPath()));
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
}

void tst_HealthCheck::cleanup()
{
    m_manager.reset();
    PD_VERIFY_NO_DESTROYED_WARNING();
}

ProcessManager *tst_HealthCheck::newManager()
{
    m_manager = std::make_unique<ProcessManager>();
    ManagedProcess::RestartTiming timing;
    timing.firstDelayMs = 50;
    timing.maxDelayMs = 50;
    m_manager->setRestartTiming(timing);
    return m_manager.get();
}

// The entry is the server: refused while it sleeps, ready once it listens.
void tst_HealthCheck::tcpPassesOnceServerListens()
{
    const quint16 port = freePort();
    QVERIFY(port > 0);
    ProcessSpec spec = childSpec({});
    spec.program = serverPath();
    spec.args = {u"tcp"_s, QString::number(port), u"1500"_s};
    spec.readiness = probe(ProbeSpec::Kind::Tcp, u"127.0.0.1:%1"_s.arg(port), 100, 1000, 1000);
    ManagedProcess *process = newManager()->add(spec);
    const std::shared_ptr<QStringList> details = recordDetails(process);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Ready || process->readiness() == Readiness::Failed,
                             20000);
    QCOMPARE(process->readiness(), Readiness::Ready);
    // Refused (and counted) before the server listened.
    QVERIFY2(details->filter(u"last: "_s).join(u" "_s).contains(u"refused (1 of 1000)"_s, Qt::CaseInsensitive),
             qPrintable(details->join(u" / "_s)));
    QVERIFY(process->readinessDetail().contains(u"accepts connections"_s));
    QTRY_VERIFY(logContains(process->output(), u"listening on %1"_s.arg(port)));
    QVERIFY(logContains(process->output(), u"ready"_s));
}

void tst_HealthCheck::httpStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<Readiness>("result");
    QTest::addColumn<QString>("detail");
    QTest::newRow("200") << u"200"_s << Readiness::Ready << u"HTTP 200"_s;
    QTest::newRow("204") << u"204"_s << Readiness::Ready << u"HTTP 204"_s;
    QTest::newRow("503") << u"503"_s << Readiness::Failed << u"HTTP 503 (3 of 3)"_s;
    QTest::newRow("404") << u"404"_s << Readiness::Failed << u"HTTP 404 (3 of 3)"_s;
}

void tst_HealthCheck::httpStatus()
{
    QFETCH(QString, status);
    QFETCH(Readiness, result);
    QFETCH(QString, detail);
    Server server({u"http"_s, u"0"_s, status});
    const int port = server.waitForPort();
    QVERIFY(port > 0);
    ProcessSpec spec = sleeper();
    spec.readiness = probe(ProbeSpec::Kind::Http, u"http://127.0.0.1:%1/health"_s.arg(port));
    ManagedProcess *process = newManager()->add(spec);
    const std::shared_ptr<QStringList> details = recordDetails(process);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Ready || process->readiness() == Readiness::Failed,
                             20000);
    QCOMPARE(process->readiness(), result);
    QCOMPARE(process->readinessDetail(), detail);
    if (result == Readiness::Failed) {
        // Pending with each failure counted, then Failed; the note says why.
        QVERIFY2(details->contains(u"last: HTTP %1 (1 of 3)"_s.arg(status)), qPrintable(details->join(u" / "_s)));
        QVERIFY2(details->contains(u"last: HTTP %1 (2 of 3)"_s.arg(status)), qPrintable(details->join(u" / "_s)));
        QVERIFY(logContains(process->output(), u"readiness check failed: HTTP %1 (3 of 3)"_s.arg(status)));
    }
    QCOMPARE(process->state(), State::Running); // a failed readiness does not stop the entry
}

// Each attempt times out on its own; a 20 ms timer on this thread keeps firing throughout.
void tst_HealthCheck::httpNeverAnsweringKeepsEventLoopRunning()
{
    Server server({u"http"_s, u"0"_s, u"none"_s});
    const int port = server.waitForPort();
    QVERIFY(port > 0);
    constexpr int TimeoutMs = 1000;
    ProcessSpec spec = sleeper();
    spec.readiness = probe(ProbeSpec::Kind::Http, u"http://127.0.0.1:%1/"_s.arg(port), 50, TimeoutMs, 3);
    ManagedProcess *process = newManager()->add(spec);

    QTimer ticker;
    ticker.setInterval(20);
    int ticks = 0;
    qint64 longestGap = 0;
    QElapsedTimer sinceTick;
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (ticks++ > 0)
            longestGap = qMax(longestGap, sinceTick.elapsed());
        sinceTick.start();
    });
    ticker.start();
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Failed, 30000);
    ticker.stop();
    QCOMPARE(process->readinessDetail(), u"no answer within %1 ms (3 of 3)"_s.arg(TimeoutMs));
    // Three attempts of a second each: the timer ran all along. A blocking attempt would have
    // held it for a whole timeout.
    QVERIFY2(ticks >= 3 * TimeoutMs / 20 / 4, qPrintable(QString::number(ticks)));
    QVERIFY2(longestGap < TimeoutMs, qPrintable(QString::number(longestGap)));
}

// The check reads the same log it is told about: when Ready comes, the line is there.
void tst_HealthCheck::logLinePassesOnMatchingLine()
{
    ProcessSpec spec = childSpec({u"echo"_s, u"starting"_s, u"up"_s, u"then"_s, u"sleep"_s, u"300"_s, u"then"_s,
                                  u"echo"_s, u"listening"_s, u"on"_s, u"8080"_s, u"then"_s, u"sleep"_s, u"60000"_s});
    spec.readiness = probe(ProbeSpec::Kind::LogLine, u"listening on \\d+"_s, 1000, 1000, 30);
    ManagedProcess *process = newManager()->add(spec);
    bool lineThereWhenReady = false;
    bool notReadyOnOtherLine = true;
    connect(process->output(), &OutputLog::changed, this, [&] {
        if (logContains(process->output(), u"starting up"_s) && !logContains(process->output(), u"listening"_s))
            notReadyOnOtherLine = notReadyOnOtherLine && process->readiness() != Readiness::Ready;
    });
    connect(process, &ManagedProcess::readinessChanged, this, [&] {
        if (process->readiness() == Readiness::Ready)
            lineThereWhenReady = logContains(process->output(), u"listening on 8080"_s);
    });
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Ready, 20000);
    QVERIFY(lineThereWhenReady);
    QVERIFY(notReadyOnOtherLine);
    QCOMPARE(process->readinessDetail(), u"line matched: listening on 8080"_s);
}

// Only the program's lines count: ProcDeck's own "started, PID …" note does not match "started".
void tst_HealthCheck::logLineIgnoresOtherLinesAndNotes()
{
    ProcessSpec spec = childSpec({u"echo"_s, u"other"_s, u"then"_s, u"sleep"_s, u"60000"_s});
    spec.readiness = probe(ProbeSpec::Kind::LogLine, u"started|listening"_s, 100, 1000, 3);
    ManagedProcess *process = newManager()->add(spec);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Failed, 20000);
    QVERIFY(logContains(process->output(), u"other"_s));
    QVERIFY(logContains(process->output(), u"started, PID"_s));
    QCOMPARE(process->readinessDetail(), u"no line matching started|listening within 300 ms (3 of 3)"_s);
}

void tst_HealthCheck::command_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Readiness>("result");
    QTest::addColumn<QString>("detail");
    QTest::newRow("exit 0") << u"exit 0"_s << Readiness::Ready << u"exit code 0"_s;
    QTest::newRow("exit 1") << u"exit 1"_s << Readiness::Failed << u"exit code 1 (2 of 2)"_s;
    // In the entry's environment and working directory.
    QTest::newRow("entry's environment") << u"test \"$PD_HEALTH\" = yes && test -d probe-folder"_s
                                         << Readiness::Ready << u"exit code 0"_s;
}

void tst_HealthCheck::command()
{
    QFETCH(QString, command);
    QFETCH(Readiness, result);
    QFETCH(QString, detail);
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkdir(u"probe-folder"_s));
    ProcessSpec spec = sleeper();
    spec.environment.append({u"PD_HEALTH"_s, u"yes"_s});
    spec.workingDirectory = folder.path();
    spec.readiness = probe(ProbeSpec::Kind::Command, command, 50, 5000, 2);
    ManagedProcess *process = newManager()->add(spec);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Ready || process->readiness() == Readiness::Failed,
                             20000);
    QCOMPARE(process->readiness(), result);
    QCOMPARE(process->readinessDetail(), detail);
}

// A command that outlives its timeout is killed with what it started.
void tst_HealthCheck::commandTimeoutKillsIt()
{
    QTemporaryDir folder;
    const QString pidFile = folder.filePath(u"pid"_s);
    ProcessSpec spec = sleeper();
    // 3 s: time enough for the shell to say what it started, even on a loaded machine.
    spec.readiness = probe(ProbeSpec::Kind::Command, u"sleep 30 & echo $! > '%1'; wait"_s.arg(pidFile), 50, 3000, 1);
    ManagedProcess *process = newManager()->add(spec);
    QVERIFY(process->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(process->readiness() == Readiness::Failed, 20000);
    QCOMPARE(process->readinessDetail(), u"still running after 3000 ms: killed (1 of 1)"_s);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 sleeperPid = file.readAll().trimmed().toLongLong();
    QVERIFY(sleeperPid > 0);
    // Killed with its group (it comes to us, the subreaper, as a zombie).
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::isGone(TestSupport::identify(sleeperPid), TestSupport::Zombies::CountAsGone), 10000);
}

// Two entries alike but for the initial delay: while the one without has made attempts, the
// other has made none.
void tst_HealthCheck::initialDelayRespected()
{
    ProcessManager *manager = newManager();
    ProcessSpec spec = sleeper();
    spec.readiness = probe(ProbeSpec::Kind::Command, u"exit 1"_s, 50, 5000, 1000);
    ManagedProcess *prompt = manager->add(spec);
    spec.name = u"delayed"_s;
    spec.readiness.initialDelayMs = 60000;
    ManagedProcess *delayed = manager->add(spec);
    QVERIFY(delayed->start().ok);
    QVERIFY(prompt->start().ok);
    const HealthCheck *promptCheck = HealthMonitor::check(prompt, HealthCheck::Role::Readiness);
    const HealthCheck *delayedCheck = HealthMonitor::check(delayed, HealthCheck::Role::Readiness);
    QVERIFY(promptCheck && delayedCheck);
    QTRY_VERIFY_WITH_TIMEOUT(promptCheck->attempts() >= 5, 20000);
    QCOMPARE(delayedCheck->attempts(), 0);
    QVERIFY(delayedCheck->isActive());
    QCOMPARE(delayed->readiness(), Readiness::Pending);
}

void tst_HealthCheck::livenessFailureRestartsUnderPolicy_data()
{
    QTest::addColumn<RestartPolicy>("policy");
    QTest::addColumn<bool>("restarts");
    QTest::addColumn<QString>("note");
    QTest::newRow("always") << RestartPolicy::Always << true << u"; restarting"_s;
    QTest::newRow("on-failure") << RestartPolicy::OnFailure << true << u"; restarting"_s;
    QTest::newRow("never") << RestartPolicy::Never << false << u"; stopping (restart policy never)"_s;
}

void tst_HealthCheck::livenessFailureRestartsUnderPolicy()
{
    QFETCH(RestartPolicy, policy);
    QFETCH(bool, restarts);
    QFETCH(QString, note);
    Server server({u"http"_s, u"0"_s, u"503"_s});
    const int port = server.waitForPort();
    QVERIFY(port > 0);
    const QString url = u"http://127.0.0.1:%1/health"_s.arg(port);
    ProcessSpec spec = sleeper();
    spec.restart = policy;
    spec.liveness = probe(ProbeSpec::Kind::Http, url, 50, 2000, 3);
    ManagedProcess *process = newManager()->add(spec);
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    QVERIFY(finished.wait(20000));
    // "3 times" with the English plural forms loaded; "3 time(s)" without them, as here.
    QVERIFY(logContains(process->output(), u"liveness check failed 3 time"_s));
    QVERIFY(logContains(process->output(), u" (%1: HTTP 503)%2"_s.arg(url, note)));
    QVERIFY(process->endedUnexpectedly());
    QVERIFY(!process->stoppedByUser());
    if (restarts) {
        QCOMPARE(process->state(), State::Waiting);
        QTRY_VERIFY_WITH_TIMEOUT(process->runCount() >= 2, 20000);
        QVERIFY(process->restartCount() >= 1);
    } else {
        QCOMPARE(process->state(), State::Killed);
        QCOMPARE(process->exitCode(), -15);
        TestSupport::letTimePass(300);
        QCOMPARE(process->runCount(), 1);
    }
}

// A logLine liveness check is a heartbeat: lines every 50 ms keep it alive; once they stop, the
// run ends (restart never: it stays stopped).
void tst_HealthCheck::livenessLogLineHeartbeat()
{
    ProcessSpec spec = childSpec({u"tick"_s, u"50"_s, u"30"_s, u"then"_s, u"sleep"_s, u"60000"_s});
    spec.restart = RestartPolicy::Never;
    spec.liveness = probe(ProbeSpec::Kind::LogLine, u"^tick \\d+$"_s, 500, 1000, 2);
    ManagedProcess *process = newManager()->add(spec);
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    QVERIFY(finished.wait(30000));
    QVERIFY(logContains(process->output(), u"tick 29"_s)); // it lived while it ticked
    QVERIFY(logContains(process->output(), u"liveness check failed 2 time"_s));
    QVERIFY(logContains(process->output(), u" (^tick \\d+$: no line matching ^tick \\d+$ for 500 ms); stopping"_s));
    QCOMPARE(process->state(), State::Killed);
}

// A run that ends takes its checks with it: no attempt after the end.
void tst_HealthCheck::checksStopAtRunEnd()
{
    ProcessSpec spec = childSpec({u"sleep"_s, u"500"_s});
    spec.readiness = probe(ProbeSpec::Kind::Command, u"exit 1"_s, 20, 5000, 100000);
    spec.liveness = probe(ProbeSpec::Kind::Command, u"exit 0"_s, 20, 5000, 3);
    ManagedProcess *process = newManager()->add(spec);
    const HealthCheck *readiness = HealthMonitor::check(process, HealthCheck::Role::Readiness);
    const HealthCheck *liveness = HealthMonitor::check(process, HealthCheck::Role::Liveness);
    QVERIFY(readiness && liveness);
    QSignalSpy finished(process, &ManagedProcess::finished);
    QVERIFY(process->start().ok);
    QVERIFY(finished.wait(20000));
    QVERIFY(readiness->attempts() > 0);
    QVERIFY(liveness->attempts() > 0);
    QVERIFY(!readiness->isActive());
    QVERIFY(!liveness->isActive());
    const int readinessAttempts = readiness->attempts();
    const int livenessAttempts = liveness->attempts();
    QSignalSpy readinessAttemptSpy(readiness, &HealthCheck::attemptFinished);
    TestSupport::letTimePass(400);
    QCOMPARE(readiness->attempts(), readinessAttempts);
    QCOMPARE(liveness->attempts(), livenessAttempts);
    QCOMPARE(readinessAttemptSpy.count(), 0);
    QCOMPARE(process->readiness(), Readiness::NotRunning);
}

// The Ready column: "—" without a check, "waiting (N of M)" while failing, "ready", "failed";
// sorted by readiness.
void tst_HealthCheck::readyColumn()
{
    ProcessManager *manager = newManager();
    ProcessTableModel model(manager);
    ProcessSpec plain = sleeper();
    plain.name = u"plain"_s;
    ProcessSpec good = sleeper();
    good.name = u"good"_s;
    good.readiness = probe(ProbeSpec::Kind::Command, u"exit 0"_s);
    ProcessSpec bad = sleeper();
    bad.name = u"bad"_s;
    bad.readiness = probe(ProbeSpec::Kind::Command, u"exit 1"_s, 50, 5000, 2);
    ProcessSpec slow = sleeper();
    slow.name = u"slow"_s;
    slow.readiness = probe(ProbeSpec::Kind::Command, u"exit 1"_s, 60000, 5000, 3);
    const QList<ManagedProcess *> processes = manager->addAll({plain, good, bad, slow});
    const auto cell = [&](int row, int role = Qt::DisplayRole) {
        return model.data(model.index(row, ProcessTableModel::Ready), role);
    };
    QCOMPARE(cell(0).toString(), u"\u2014"_s);
    QCOMPARE(cell(1).toString(), QString()); // a check, no run
    QCOMPARE(model.headerData(ProcessTableModel::Ready, Qt::Horizontal).toString(), u"Ready"_s);
    for (ManagedProcess *process : processes)
        QVERIFY(process->start().ok);
    QTRY_COMPARE_WITH_TIMEOUT(cell(1).toString(), u"ready"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(2).toString(), u"failed"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(3).toString(), u"waiting (1 of 3)"_s, 20000);
    QCOMPARE(cell(0).toString(), u"\u2014"_s);
    QVERIFY(cell(2, Qt::ToolTipRole).toString().contains(u"exit code 1 (2 of 2)"_s));
    QVERIFY(cell(3, Qt::ToolTipRole).toString().contains(u"Readiness check: command exit 1"_s));
    QCOMPARE(cell(1, ProcessTableModel::ReadinessRole).toInt(), int(Readiness::Ready));
    QCOMPARE(cell(0, ProcessTableModel::ReadinessRole).toInt(), -1);
    // Sorted: no check, waiting, ready, failed.
    QVERIFY(cell(0, ProcessTableModel::SortRole).toInt() < cell(3, ProcessTableModel::SortRole).toInt());
    QVERIFY(cell(3, ProcessTableModel::SortRole).toInt() < cell(1, ProcessTableModel::SortRole).toInt());
    QVERIFY(cell(1, ProcessTableModel::SortRole).toInt() < cell(2, ProcessTableModel::SortRole).toInt());
}

QTEST_GUILESS_MAIN(tst_HealthCheck)
#include "tst_healthcheck.moc"

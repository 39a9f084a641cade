#include "controlclient.h"
#include "controlprotocol.h"
#include "controlserver.h"
#include "managedprocess.h"
#include "outputdecoder.h"
#include "outputlog.h"
#include "processmanager.h"
#include "remoteverbs.h"
#include "sessionfile.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

// The protocol an attached window speaks (docs/control-protocol.md): `watch`, the verbs pause …
// scale, the entry object's mirror fields read back by MirrorState::fromJson, and `procdeck ctl
// bridge` through the real executable (PD_APP_PATH). In process: a ProcessManager served by a
// ControlServer in a runtime folder of the test's own, a QLocalSocket as the client.
class tst_ControlWatch final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void watchBeginsWithEntriesAndSpecs();
    void watchSendsHistoryThenLiveLines();
    void watchTellsRowChangesAndClears();
    void longLineIsSentInPieces();
    void slowWatcherIsBounded();
    void mirrorStateRoundTrip();
    void pauseResumeAndInterrupt();
    void inputReachesTheChild();
    void editChangesTheSpec();
    void scaleMakesCopies();
    void refusals();
    void bridgeThroughTheExecutable();
    void bridgeWithoutInstance();

private:
    // A client of the server: the hello read, then requests and the messages that come back.
    class Client
    {
    public:
        explicit Client(const QString &path)
        {
            m_socket.connectToServer(path);
            QVERIFY(m_socket.waitForConnected(5000));
            const QJsonObject hello = next();
            QVERIFY(hello.value(u"hello"_s).toBool());
        }
        void send(const QByteArray &json) { m_socket.write(json + '\n'); }
        // The next message, or an empty object after 20 s.
        QJsonObject next()
        {
            QDeadlineTimer deadline(20000);
            while (!m_socket.canReadLine() && !deadline.hasExpired())
                QTest::qWait(5); // the server runs on this thread's event loop
            return QJsonDocument::fromJson(m_socket.readLine()).object();
        }
        // Messages until one matches (returned; the others in `seen`), or an empty object.
        QJsonObject until(const std::function<bool(const QJsonObject &)> &match, QList<QJsonObject> *seen = nullptr)
        {
            for (;;) {
                const QJsonObject message = next();
                if (message.isEmpty() || match(message))
                    return message;
                if (seen)
                    seen->append(message);
            }
        }
        // The reply to one request with id 7.
        QJsonObject request(const QByteArray &json)
        {
            send(json);
            return until([](const QJsonObject &m) { return m.value(u"id"_s).toInt() == 7 && !m.contains(u"event"_s); });
        }
        QLocalSocket &socket() { return m_socket; }

    private:
        QLocalSocket m_socket;
    };

    static ProcessSpec child(const QString &name, const QStringList &args);
    static QJsonObject entryNamed(const QJsonObject &event, const QString &name);
    static bool isEvent(const QJsonObject &message, const QString &event);
    // A server for `m_manager` in the test's runtime folder.
    void serve();
    QString socketPath() const { return m_server->socketPath(); }

    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<ProcessManager> m_manager;
    std::unique_ptr<ControlServer> m_server;
};

void tst_ControlWatch::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_files->isValid());
    m_manager = std::make_unique<ProcessManager>();
    m_manager->setBaseDirectory(m_files->path());
}

void tst_ControlWatch::cleanup()
{
    m_server.reset();
    m_manager.reset();
}

ProcessSpec tst_ControlWatch::child(const QString &name, const QStringList &args)
{
    return TestSupport::childSpec(name, args);
}

QJsonObject tst_ControlWatch::entryNamed(const QJsonObject &event, const QString &name)
{
    for (const QJsonValue &value : event.value(u"entries"_s).toArray()) {
        if (value.toObject().value(u"name"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

bool tst_ControlWatch::isEvent(const QJsonObject &message, const QString &event)
{
    return message.value(u"event"_s).toString() == event;
}

void tst_ControlWatch::serve()
{
    const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", m_runtime->path().toUtf8());
    m_server = std::make_unique<ControlServer>(m_manager.get(), ControlServer::Kind::Headless);
    const bool listening = m_server->listen(m_files->filePath(u"w.json"_s));
    qputenv("XDG_RUNTIME_DIR", saved);
    QVERIFY2(listening, qPrintable(m_server->errorString()));
}

// The first event lists every entry with its spec as a session file has it (a copy under its
// own name, without `replicas`) and the session's folder.
void tst_ControlWatch::watchBeginsWithEntriesAndSpecs()
{
    ProcessSpec web = child(u"web"_s, {u"sleep"_s, u"100"_s});
    web.workingDirectory = u"sub"_s;
    web.environment = {EnvironmentChange{u"PORT"_s, u"8080"_s}};
    m_manager->add(web);
    ProcessSpec api = child(u"api"_s, {u"echo"_s, u"hi"_s});
    api.replicas = 2;
    m_manager->add(api);
    serve();
    Client client(socketPath());
    client.send(R"({"procdeck-ctl":1,"id":3,"verb":"watch"})");
    const QJsonObject first = client.next();
    QVERIFY(isEvent(first, u"entries"_s));
    QCOMPARE(first.value(u"id"_s).toInt(), 3);
    QCOMPARE(first.value(u"baseDirectory"_s).toString(), QDir(m_files->path()).absolutePath());
    const QJsonArray entries = first.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).toObject().value(u"name"_s).toString(), u"web"_s);
    QCOMPARE(entries.at(0).toObject().value(u"spec"_s).toObject().value(u"workingDirectory"_s).toString(), u"sub"_s);
    const QJsonObject copy = entryNamed(first, u"api-2"_s);
    QCOMPARE(copy.value(u"replicaGroup"_s).toString(), u"api"_s);
    QCOMPARE(copy.value(u"replica"_s).toInt(), 2);
    QCOMPARE(copy.value(u"id"_s).toInt(), m_manager->at(2)->id());
    QVERIFY(!copy.value(u"spec"_s).toObject().contains(u"replicas"_s));
    // Each spec reads back, through the session file's reader, as the entry's own spec.
    for (int row = 0; row < 3; ++row) {
        const QJsonObject session{{u"procdeck"_s, 1},
                                  {u"processes"_s, QJsonArray{entries.at(row).toObject().value(u"spec"_s)}}};
        const SessionFile::LoadResult parsed = SessionFile::parseJson(QJsonDocument(session).toJson(), u"spec"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QVERIFY(parsed.session->processes.constFirst() == m_manager->at(row)->spec());
    }
}

// The kept output first (complete lines, with stream and run), then new lines as they come.
void tst_ControlWatch::watchSendsHistoryThenLiveLines()
{
    ManagedProcess *talker = m_manager->add(child(u"talker"_s, {u"lines"_s, u"3"_s, u"both"_s}));
    QSignalSpy finished(talker, &ManagedProcess::finished);
    QVERIFY(talker->start().ok);
    QVERIFY(finished.wait(20000));
    serve();
    Client client(socketPath());
    client.send(R"({"procdeck-ctl":1,"id":4,"verb":"watch"})");
    QVERIFY(isEvent(client.next(), u"entries"_s));
    QStringList history;
    QSet<QString> streams;
    const auto collect = [&](const QJsonObject &message, int run) {
        if (!isEvent(message, u"output"_s))
            return;
        QCOMPARE(message.value(u"entry"_s).toInt(), talker->id());
        for (const QJsonValue &value : message.value(u"lines"_s).toArray()) {
            const QJsonObject line = value.toObject();
            QCOMPARE(line.value(u"run"_s).toInt(), run);
            QVERIFY(line.value(u"timeMs"_s).toInteger() > 0);
            streams.insert(line.value(u"stream"_s).toString());
            if (line.value(u"stream"_s).toString() != u"note"_s)
                history.append(line.value(u"text"_s).toString());
        }
    };
    while (history.size() < 6) {
        const QJsonObject message = client.next();
        QVERIFY(!message.isEmpty());
        collect(message, 1);
    }
    history.sort(); // stdout and stderr are two channels: their lines may interleave either way
    QCOMPARE(history, (QStringList{u"err 1"_s, u"err 2"_s, u"err 3"_s, u"out 1"_s, u"out 2"_s, u"out 3"_s}));
    QCOMPARE(streams, (QSet<QString>{u"out"_s, u"err"_s, u"note"_s})); // the exit is a note

    history.clear();
    talker->setSpec(child(u"talker"_s, {u"echo"_s, u"live"_s, u"line"_s}));
    QVERIFY(talker->start().ok);
    while (!history.contains(u"live line"_s)) {
        const QJsonObject message = client.next();
        QVERIFY(!message.isEmpty());
        collect(message, 2);
    }
}

// Rows that changed send the whole list again (a start, an add, a removal), and a cleared output
// is told.
void tst_ControlWatch::watchTellsRowChangesAndClears()
{
    ManagedProcess *sleeper = m_manager->add(child(u"sleeper"_s, {u"sleep"_s, u"60000"_s}));
    sleeper->output()->appendMessage(u"before"_s);
    serve();
    Client client(socketPath());
    client.send(R"({"procdeck-ctl":1,"id":5,"verb":"watch"})");
    QCOMPARE(entryNamed(client.next(), u"sleeper"_s).value(u"state"_s).toString(), u"notstarted"_s);

    QVERIFY(sleeper->start().ok);
    const QJsonObject running = client.until([](const QJsonObject &m) {
        return isEvent(m, u"entries"_s) && entryNamed(m, u"sleeper"_s).value(u"state"_s).toString() == u"running"_s;
    });
    QVERIFY2(!running.isEmpty(), "an entries event after the start");
    QVERIFY(entryNamed(running, u"sleeper"_s).value(u"treeRootPid"_s).toInteger() > 0);

    m_manager->add(child(u"later"_s, {u"echo"_s, u"x"_s}));
    QVERIFY(!client.until([](const QJsonObject &m) {
        return isEvent(m, u"entries"_s) && !entryNamed(m, u"later"_s).isEmpty();
    }).isEmpty());

    sleeper->output()->clear();
    const QJsonObject cleared = client.until([](const QJsonObject &m) { return isEvent(m, u"cleared"_s); });
    QCOMPARE(cleared.value(u"entry"_s).toInt(), sleeper->id());

    m_manager->remove(sleeper);
    const QJsonObject removed = client.until([](const QJsonObject &m) {
        return isEvent(m, u"entries"_s) && m.value(u"entries"_s).toArray().size() == 1;
    });
    QVERIFY(entryNamed(removed, u"sleeper"_s).isEmpty());
    QVERIFY(!entryNamed(removed, u"later"_s).isEmpty());
}

// A line longer than the length limit arrives as its pieces, all but the last marked continued.
void tst_ControlWatch::longLineIsSentInPieces()
{
    constexpr qsizetype length = 3 * OutputDecoder::MaxLineLength + 100;
    ManagedProcess *wide = m_manager->add(child(u"wide"_s, {u"flood"_s, QString::number(length + 1), QString::number(length + 1)}));
    QSignalSpy finished(wide, &ManagedProcess::finished);
    QVERIFY(wide->start().ok);
    QVERIFY(finished.wait(20000));
    serve();
    Client client(socketPath());
    client.send(R"({"procdeck-ctl":1,"id":1,"verb":"watch"})");
    QList<QJsonObject> pieces;
    qsizetype total = 0;
    while (total < length) {
        const QJsonObject message = client.next();
        QVERIFY(!message.isEmpty());
        for (const QJsonValue &value : message.value(u"lines"_s).toArray()) {
            if (value.toObject().value(u"stream"_s).toString() == u"out"_s) {
                pieces.append(value.toObject());
                total += value.toObject().value(u"text"_s).toString().size();
            }
        }
    }
    QCOMPARE(total, length);
    QCOMPARE(pieces.size(), 4);
    for (qsizetype i = 0; i < pieces.size(); ++i)
        QCOMPARE(pieces.at(i).value(u"continued"_s).toBool(), i + 1 < pieces.size());
}

// A watcher that does not read holds the server to its queue limit; what the log dropped
// meanwhile is a "skipped" note, nothing is sent twice, and the last line arrives.
void tst_ControlWatch::slowWatcherIsBounded()
{
    serve();
    constexpr qint64 limit = 64 * 1024;
    m_server->setFollowQueueLimit(limit);
    constexpr int total = 200000;
    ManagedProcess *flood = m_manager->add(child(u"flood"_s, {u"lines"_s, QString::number(total)}));
    flood->output()->setLimits(2000, 1 << 20);
    Client client(socketPath());
    client.send(R"({"procdeck-ctl":1,"id":1,"verb":"watch"})");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->findChildren<QLocalSocket *>().size(), 1, 10000);
    QLocalSocket *served = m_server->findChildren<QLocalSocket *>().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(served->bytesToWrite() == 0 && client.socket().bytesAvailable() > 0, 10000);
    // The client's socket takes no more from the system than this while the test does not read.
    client.socket().setReadBufferSize(4096);
    qint64 mostQueued = 0;
    connect(flood->output(), &OutputLog::changed, served, [&] { mostQueued = std::max(mostQueued, served->bytesToWrite()); });
    QVERIFY(flood->start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(flood->isFinished(), 60000);
    // Bounded: the limit plus one message of at most 4096 lines (some 90 bytes each).
    QVERIFY2(mostQueued <= limit + 4096 * 100, qPrintable(QString::number(mostQueued)));
    QVERIFY2(mostQueued >= limit, "the client did not read: the server's queue filled up to the limit");
    client.socket().setReadBufferSize(0);

    qint64 lines = 0;
    qint64 skipped = 0;
    qint64 last = -1;
    bool ordered = true;
    bool exited = false;
    while (!exited) {
        const QJsonObject message = client.next();
        QVERIFY2(!message.isEmpty(), "the rest of the flood arrives once the client reads");
        for (const QJsonValue &value : message.value(u"lines"_s).toArray()) {
            const QString text = value.toObject().value(u"text"_s).toString();
            if (text.startsWith(u"line "_s)) {
                const qint64 number = text.mid(5).toLongLong();
                ordered = ordered && number > last;
                last = number;
                ++lines;
            } else if (text.contains(u"skipped"_s)) {
                skipped += text.section(u' ', 1, 1).toLongLong();
            } else if (text.contains(u"exited with code 0"_s)) {
                exited = true;
            }
        }
    }
    QVERIFY(ordered);
    QCOMPARE(last, qint64(total));
    QVERIFY2(skipped > 0, "the client slept through a flood bigger than the log: lines were skipped");
    QVERIFY2(lines + skipped >= total && lines + skipped <= total + 3, qPrintable(u"%1 + %2"_s.arg(lines).arg(skipped)));
}

namespace {

// describeEntry() of `process` read back by MirrorState::fromJson gives what the process says.
void checkRoundTrip(const ManagedProcess *process, bool local)
{
    const qint64 restartBefore = process->nextRestartRemainingMs();
    const qint64 stopBefore = process->stopDeadlineRemainingMs();
    const QJsonObject entry = ControlProtocol::describeEntry(process);
    // Through the wire's form: compact JSON text.
    const QJsonObject wire = QJsonDocument::fromJson(QJsonDocument(entry).toJson(QJsonDocument::Compact)).object();
    const std::optional<MirrorState> mirror = MirrorState::fromJson(wire, local);
    QVERIFY(mirror);
    QCOMPARE(mirror->state, process->state());
    QCOMPARE(mirror->lastRunEnd, process->lastRunEnd());
    QCOMPARE(mirror->pid, process->pid());
    QCOMPARE(mirror->treeRootPid, local ? process->treeRootPid() : 0);
    QCOMPARE(mirror->startTime, process->startTime());
    QCOMPARE(mirror->endTime, process->isAlive() ? QDateTime() : process->endTime());
    QCOMPARE(mirror->exitCode, process->hasEndedRun() ? process->exitCode() : 0);
    QCOMPARE(mirror->failureReason, process->failureReason());
    QCOMPARE(mirror->runCount, process->runCount());
    QCOMPARE(mirror->restartCount, process->restartCount());
    QCOMPARE(mirror->restartsInRow, process->restartsInRow());
    QCOMPARE(mirror->gaveUp, process->gaveUp());
    QCOMPARE(mirror->unexpected, process->endedUnexpectedly());
    QCOMPARE(mirror->lastRunExitCode, process->lastRunExitCode());
    QCOMPARE(mirror->lastRunUnexpected, process->lastRunEndedUnexpectedly());
    QCOMPARE(mirror->stoppedByUser, process->stoppedByUser());
    QCOMPARE(mirror->readiness, process->readiness());
    QCOMPARE(mirror->readinessDetail, process->readinessDetail());
    const QString dependency = process->state() == ManagedProcess::State::Blocked ? process->blockedReason()
                                                                                  : process->waitingFor();
    QCOMPARE(mirror->dependencyText, dependency);
    QVERIFY(mirror->nextRestartRemainingMs <= restartBefore && mirror->nextRestartRemainingMs >= process->nextRestartRemainingMs());
    QVERIFY(mirror->stopDeadlineRemainingMs <= stopBefore && mirror->stopDeadlineRemainingMs >= process->stopDeadlineRemainingMs());
    QCOMPARE(mirror->nextScheduledStart, process->nextScheduledStart());
    QCOMPARE(mirror->cgroupUnit, process->cgroupUnit());
    QCOMPARE(mirror->outOfMemory, process->outOfMemory());
    if (process->runCount() > 0)
        QVERIFY(mirror->runTimeMs >= 0 && mirror->runTimeMs <= process->runTimeMs());
}

// The output holds a complete line `text`.
bool hasLine(const OutputLog *log, const QString &text)
{
    for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n) {
        if (log->line(n).text == text && (n + 1 < log->endLineNumber() || !log->hasOpenLine()))
            return true;
    }
    return false;
}

} // namespace

#define CHECK_ROUND_TRIP(process, local) \
    do { \
        checkRoundTrip(process, local); \
        if (QTest::currentTestFailed()) \
            return; \
    } while (false)

// A real entry in each state: its entry object read back gives the same values.
void tst_ControlWatch::mirrorStateRoundTrip()
{
    ManagedProcess fresh(1, child(u"fresh"_s, {u"sleep"_s, u"60000"_s}));
    CHECK_ROUND_TRIP(&fresh, true);
    fresh.setNextScheduledStart(QDateTime::currentDateTime().addSecs(3600));
    QVERIFY(fresh.waitForDependencies(u"db (ready)"_s).ok);
    QCOMPARE(fresh.state(), ManagedProcess::State::WaitingForDependencies);
    CHECK_ROUND_TRIP(&fresh, true);
    fresh.block(u"db failed its readiness check"_s);
    QCOMPARE(fresh.state(), ManagedProcess::State::Blocked);
    CHECK_ROUND_TRIP(&fresh, true);

    QSignalSpy started(&fresh, &ManagedProcess::started);
    QVERIFY(fresh.start().ok);
    QVERIFY(started.wait(20000));
    CHECK_ROUND_TRIP(&fresh, true);
    CHECK_ROUND_TRIP(&fresh, false);
    QVERIFY(fresh.pause().ok);
    QCOMPARE(fresh.state(), ManagedProcess::State::Paused);
    CHECK_ROUND_TRIP(&fresh, true);
    QSignalSpy finished(&fresh, &ManagedProcess::finished);
    QVERIFY(fresh.kill().ok);
    QVERIFY(finished.wait(20000));
    QCOMPARE(fresh.state(), ManagedProcess::State::Killed);
    QVERIFY(fresh.stoppedByUser());
    CHECK_ROUND_TRIP(&fresh, true);
    // Running again: the run that ended keeps its code while this one's starts afresh.
    QVERIFY(fresh.start().ok);
    QVERIFY(started.wait(20000));
    QCOMPARE(fresh.exitCode(), 0);
    QCOMPARE(fresh.lastRunEnd(), ManagedProcess::State::Killed);
    QCOMPARE(fresh.lastRunExitCode(), -SIGKILL);
    CHECK_ROUND_TRIP(&fresh, true);
    QVERIFY(fresh.kill().ok);
    QVERIFY(finished.wait(20000));

    // Stopping: a child that ignores SIGTERM, in its grace period.
    ProcessSpec stubbornSpec = child(u"stubborn"_s, {u"ignore-term"_s, u"60000"_s});
    stubbornSpec.stopTimeoutMs = 30000;
    ManagedProcess stubborn(2, stubbornSpec);
    QVERIFY(stubborn.start().ok);
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(stubborn.output(), u"ready"_s), 20000); // SIGTERM is ignored from here on
    QVERIFY(stubborn.terminate().ok);
    QCOMPARE(stubborn.state(), ManagedProcess::State::Stopping);
    CHECK_ROUND_TRIP(&stubborn, true);
    QVERIFY(stubborn.kill().ok);

    // Waiting for a restart after an unexpected exit; the end state and exit code kept.
    ProcessSpec failingSpec = child(u"failing"_s, {u"exit"_s, u"3"_s});
    failingSpec.restart = RestartPolicy::Always;
    ManagedProcess failing(3, failingSpec);
    ManagedProcess::RestartTiming timing;
    timing.firstDelayMs = 60000;
    failing.setRestartTiming(timing);
    QSignalSpy failed(&failing, &ManagedProcess::finished);
    QVERIFY(failing.start().ok);
    QVERIFY(failed.wait(20000));
    QCOMPARE(failing.state(), ManagedProcess::State::Waiting);
    QVERIFY(failing.endedUnexpectedly());
    QCOMPARE(failing.lastRunEnd(), ManagedProcess::State::Exited);
    QCOMPARE(failing.lastRunExitCode(), 3);
    QVERIFY(failing.lastRunEndedUnexpectedly());
    CHECK_ROUND_TRIP(&failing, true);
    QVERIFY(failing.terminate().ok); // cancels the restart: Exited, code 3
    QCOMPARE(failing.state(), ManagedProcess::State::Exited);
    CHECK_ROUND_TRIP(&failing, true);

    // A state name that is none: no state at all.
    QVERIFY(!MirrorState::fromJson({{u"state"_s, u"dancing"_s}}, true));
}

// pause stops the child (its /proc state is T), resume continues it; interrupt outside a
// terminal is refused with its reason, as start's results are.
void tst_ControlWatch::pauseResumeAndInterrupt()
{
    ManagedProcess *sleeper = m_manager->add(child(u"sleeper"_s, {u"sleep"_s, u"60000"_s}));
    QSignalSpy started(sleeper, &ManagedProcess::started);
    QVERIFY(sleeper->start().ok);
    QVERIFY(started.wait(20000));
    serve();
    Client client(socketPath());
    QJsonObject reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"pause","names":["sleeper"]})");
    QVERIFY(reply.value(u"ok"_s).toBool());
    QCOMPARE(reply.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool(), true);
    QCOMPARE(sleeper->state(), ManagedProcess::State::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::readIdentity(sleeper->pid()).value_or(TestSupport::ProcessIdentity{}).state, 'T', 10000);

    reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"resume","names":["sleeper"]})");
    QVERIFY(reply.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool());
    QCOMPARE(sleeper->state(), ManagedProcess::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::readIdentity(sleeper->pid()).value_or(TestSupport::ProcessIdentity{}).state != 'T', 10000);

    reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"interrupt","names":["sleeper"]})");
    QVERIFY(reply.value(u"ok"_s).toBool());
    const QJsonObject result = reply.value(u"results"_s).toArray().first().toObject();
    QCOMPARE(result.value(u"ok"_s).toBool(), false);
    QVERIFY(!result.value(u"error"_s).toString().isEmpty());
}

// input: the text reaches a `cat` child as given; eof closes its input and it ends.
void tst_ControlWatch::inputReachesTheChild()
{
    ManagedProcess *cat = m_manager->add(child(u"cat"_s, {u"cat"_s}));
    QSignalSpy started(cat, &ManagedProcess::started);
    QVERIFY(cat->start().ok);
    QVERIFY(started.wait(20000));
    serve();
    Client client(socketPath());
    QJsonObject reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["cat"],"text":"grüß dich\n"})");
    QVERIFY(reply.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(cat->output(), u"grüß dich"_s), 20000);
    QSignalSpy finished(cat, &ManagedProcess::finished);
    reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["cat"],"eof":true})");
    QVERIFY(reply.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool());
    QVERIFY(finished.count() == 1 || finished.wait(20000));
    QCOMPARE(cat->state(), ManagedProcess::State::Exited);
    QCOMPARE(cat->exitCode(), 0);
}

// edit gives an entry (or a group) the spec, as the Edit dialog does; a name taken is refused.
void tst_ControlWatch::editChangesTheSpec()
{
    m_manager->add(child(u"one"_s, {u"echo"_s, u"a"_s}));
    ProcessSpec group = child(u"api"_s, {u"echo"_s, u"b"_s});
    group.replicas = 2;
    m_manager->add(group);
    serve();
    Client client(socketPath());
    QJsonObject reply = client.request(QJsonDocument(QJsonObject{
        {u"procdeck-ctl"_s, 1}, {u"id"_s, 7}, {u"verb"_s, u"edit"_s}, {u"names"_s, QJsonArray{u"one"_s}},
        {u"entry"_s, QJsonObject{{u"name"_s, u"uno"_s}, {u"program"_s, TestSupport::childPath()},
                                 {u"args"_s, QJsonArray{u"echo"_s, u"changed"_s}}}}}).toJson(QJsonDocument::Compact));
    QVERIFY2(reply.value(u"ok"_s).toBool(), qPrintable(reply.value(u"error"_s).toString()));
    QCOMPARE(reply.value(u"name"_s).toString(), u"uno"_s);
    QCOMPARE(m_manager->at(0)->spec().name, u"uno"_s);
    QCOMPARE(m_manager->at(0)->spec().args, (QStringList{u"echo"_s, u"changed"_s}));

    // The group: each copy gets it under its own name, scaled to `replicas`.
    reply = client.request(QJsonDocument(QJsonObject{
        {u"procdeck-ctl"_s, 1}, {u"id"_s, 7}, {u"verb"_s, u"edit"_s}, {u"names"_s, QJsonArray{u"api"_s}},
        {u"entry"_s, QJsonObject{{u"name"_s, u"api"_s}, {u"program"_s, TestSupport::childPath()},
                                 {u"args"_s, QJsonArray{u"echo"_s, u"c"_s}}, {u"replicas"_s, 3}}}}).toJson(QJsonDocument::Compact));
    QVERIFY2(reply.value(u"ok"_s).toBool(), qPrintable(reply.value(u"error"_s).toString()));
    QCOMPARE(m_manager->replicas(u"api"_s).size(), 3);
    for (const ManagedProcess *copy : m_manager->replicas(u"api"_s))
        QCOMPARE(copy->spec().args, (QStringList{u"echo"_s, u"c"_s}));

    // Renaming onto another entry's name, or an entry object the file would refuse: refused.
    reply = client.request(QJsonDocument(QJsonObject{
        {u"procdeck-ctl"_s, 1}, {u"id"_s, 7}, {u"verb"_s, u"edit"_s}, {u"names"_s, QJsonArray{u"uno"_s}},
        {u"entry"_s, QJsonObject{{u"name"_s, u"api-2"_s}, {u"program"_s, u"x"_s}}}}).toJson(QJsonDocument::Compact));
    QVERIFY(!reply.value(u"ok"_s).toBool());
    QVERIFY2(reply.value(u"error"_s).toString().contains(u"api-2"_s), qPrintable(reply.value(u"error"_s).toString()));
    reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"edit","names":["uno"],"entry":{"name":"uno","stopTimeoutMs":-5}})");
    QVERIFY(!reply.value(u"ok"_s).toBool());
    QCOMPARE(m_manager->at(0)->spec().name, u"uno"_s);
}

// scale: a plain entry becomes NAME-1 … NAME-N; a group grows and shrinks.
void tst_ControlWatch::scaleMakesCopies()
{
    m_manager->add(child(u"w"_s, {u"sleep"_s, u"60000"_s}));
    serve();
    Client client(socketPath());
    QJsonObject reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"scale","names":["w"],"count":3})");
    QVERIFY2(reply.value(u"ok"_s).toBool(), qPrintable(reply.value(u"error"_s).toString()));
    QCOMPARE(reply.value(u"names"_s).toArray(), (QJsonArray{u"w-1"_s, u"w-2"_s, u"w-3"_s}));
    QCOMPARE(m_manager->count(), 3);
    QCOMPARE(m_manager->at(2)->spec().name, u"w-3"_s);
    reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"scale","names":["w"],"count":2})");
    QCOMPARE(reply.value(u"names"_s).toArray(), (QJsonArray{u"w-1"_s, u"w-2"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->count(), 2, 10000);
}

// What a verb cannot do is refused with a reason, changing nothing.
void tst_ControlWatch::refusals()
{
    m_manager->add(child(u"a"_s, {u"cat"_s}));
    m_manager->add(child(u"b"_s, {u"cat"_s}));
    serve();
    Client client(socketPath());
    const auto refused = [&client](const QByteArray &request) {
        const QJsonObject reply = client.request(request);
        return !reply.value(u"ok"_s).toBool(true) && !reply.value(u"error"_s).toString().isEmpty();
    };
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["a","b"],"text":"x"})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["a"]})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["nobody"],"text":"x"})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"scale","names":["a"],"count":0})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"scale","names":["a"],"count":101})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"scale","names":["a","b"],"count":2})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"edit","names":["a","b"],"entry":{"program":"x"}})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"edit","names":["a"],"entry":{"name":"b","program":"x"}})"));
    QVERIFY(refused(R"({"procdeck-ctl":1,"id":7,"verb":"watch"})" "\n" R"({"procdeck-ctl":1,"id":7,"verb":"watch"})"));
    QCOMPARE(m_manager->count(), 2);
    QCOMPARE(m_manager->at(0)->spec().name, u"a"_s);
    // Input to an entry that is not running: a result that says so.
    const QJsonObject reply = client.request(R"({"procdeck-ctl":1,"id":7,"verb":"input","names":["a"],"text":"x"})");
    QVERIFY(reply.value(u"ok"_s).toBool());
    QCOMPARE(reply.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool(), false);
}

namespace {

QProcessEnvironment appEnvironment(const QString &runtime, const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return environment;
}

// The next line the process writes to its standard output, or empty after 20 s.
QByteArray readLine(QProcess &process)
{
    QDeadlineTimer deadline(20000);
    while (!process.canReadLine() && !deadline.hasExpired() && process.state() == QProcess::Running)
        process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    return process.readLine();
}

} // namespace

// `procdeck ctl --session s bridge`: a request written to its standard input reaches the served
// ProcDeck, the hello and the reply come back on its standard output, byte for byte; the end of
// its input ends it with 0.
void tst_ControlWatch::bridgeThroughTheExecutable()
{
    Session session;
    session.processes = {child(u"web"_s, {u"sleep"_s, u"60000"_s})};
    const QString file = m_files->filePath(u"s.json"_s);
    QVERIFY(SessionFile::save(file, SessionFile::toJson(session)).ok);
    const QProcessEnvironment environment = appEnvironment(m_runtime->path(), m_files->path());
    QProcess served;
    served.setProcessEnvironment(environment);
    served.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    const QString socket = m_runtime->path() + u"/procdeck/s.sock"_s;
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 20000);

    QProcess bridge;
    bridge.setProcessEnvironment(environment);
    bridge.start(QStringLiteral(PD_APP_PATH), {u"ctl"_s, u"--session"_s, u"s"_s, u"bridge"_s});
    QVERIFY(bridge.waitForStarted(20000));
    const QJsonObject hello = QJsonDocument::fromJson(readLine(bridge)).object();
    QVERIFY2(hello.value(u"hello"_s).toBool(), qPrintable(QString::fromUtf8(bridge.readAllStandardError())));
    QCOMPARE(hello.value(u"name"_s).toString(), u"s"_s);
    bridge.write(R"({"procdeck-ctl":1,"id":9,"verb":"list"})" "\n");
    const QJsonObject reply = QJsonDocument::fromJson(readLine(bridge)).object();
    QCOMPARE(reply.value(u"id"_s).toInt(), 9);
    QCOMPARE(reply.value(u"entries"_s).toArray().first().toObject().value(u"name"_s).toString(), u"web"_s);
    bridge.closeWriteChannel();
    QVERIFY(bridge.waitForFinished(20000));
    QCOMPARE(bridge.exitStatus(), QProcess::NormalExit);
    QCOMPARE(bridge.exitCode(), 0);

    served.kill();
    served.waitForFinished(20000);
}

// No ProcDeck to bridge to: exit 2 with the reason on stderr, nothing on stdout.
void tst_ControlWatch::bridgeWithoutInstance()
{
    QProcess bridge;
    bridge.setProcessEnvironment(appEnvironment(m_runtime->path(), m_files->path()));
    bridge.start(QStringLiteral(PD_APP_PATH), {u"ctl"_s, u"bridge"_s});
    QVERIFY(bridge.waitForFinished(20000));
    QCOMPARE(bridge.exitCode(), 2);
    QVERIFY(bridge.readAllStandardOutput().isEmpty());
    QVERIFY(QString::fromUtf8(bridge.readAllStandardError()).contains(u"no ProcDeck is running"_s));
    // The usage text lists it.
    QProcess help;
    help.start(QStringLiteral(PD_APP_PATH), {u"ctl"_s, u"help"_s});
    QVERIFY(help.waitForFinished(20000));
    QVERIFY(help.readAllStandardOutput().contains("bridge"));
}

QTEST_GUILESS_MAIN(tst_ControlWatch)
#include "tst_controlwatch.moc"

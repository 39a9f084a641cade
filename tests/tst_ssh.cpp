#include "attachtarget.h"
#include "engineclient.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "remotesession.h"
#include "sessionfile.h"
#include "shellwords.h"
#include "sshfixture.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The SSH round trip (`procdeck --attach ssh://…`) against a real sshd on 127.0.0.1, started by the
// test (SshFixture: throw-away host and user keys, its own sshd_config and ssh client config;
// skipped with sshd's words where it cannot run).
//
// How ProcDeck's ssh gets there, with no option of the product's for tests:
// - the fixture's `ssh` wrapper (the real ssh with `-F` the test's client config) comes first on
//   PATH, so the `ssh` that AttachTarget names and EngineClient starts is this one, and nothing
//   reads ~/.ssh;
// - the ProcDeck on the "other machine" is `procdeck --headless FILE --serve` (PD_APP_PATH) with a
//   runtime folder of the test's own. The remote side of ssh gets the environment sshd gives it,
//   not this one's, so `ctl bridge` there would look in the wrong folder: PROCDECK_REMOTE_COMMAND
//   is `env XDG_RUNTIME_DIR=THAT_FOLDER PD_APP_PATH`, as a user would set it for a ProcDeck off
//   the remote PATH.
class tst_Ssh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void remoteCtlAnswers();
    void bridgeRoundTrip();
    void attachShowsEntriesAndOutput();
    void stopFromHereStopsTheRealProcess();
    void failuresSaySshsWords_data();
    void failuresSaySshsWords();

private:
    void serve();
    AttachTarget target(const QString &address) const;
    static ManagedProcess *byName(const ProcessManager &manager, const QString &name);

    std::unique_ptr<SshFixture> m_ssh;
    QTemporaryDir m_runtime;
    QTemporaryDir m_files;
    QProcess m_instance;
    QByteArray m_path;
};

namespace {

// One JSON line from the bridge's standard output, or an empty object at the deadline.
QJsonObject nextMessage(QProcess &bridge, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!bridge.canReadLine()) {
        if (deadline.hasExpired() || bridge.state() == QProcess::NotRunning)
            return {};
        bridge.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 200)));
    }
    return QJsonDocument::fromJson(bridge.readLine()).object();
}

void sendRequest(QProcess &bridge, int id, const QString &verb, QJsonObject request = {})
{
    request.insert(u"procdeck-ctl"_s, 1);
    request.insert(u"id"_s, id);
    request.insert(u"verb"_s, verb);
    bridge.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
}

// Messages up to and including the reply (`ok`) to request `id`; the others on the way are kept.
QList<QJsonObject> untilReply(QProcess &bridge, int id)
{
    QList<QJsonObject> messages;
    for (;;) {
        const QJsonObject message = nextMessage(bridge);
        if (message.isEmpty())
            return messages;
        messages.append(message);
        if (message.value(u"id"_s).toInt() == id && message.contains(u"ok"_s))
            return messages;
    }
}

// How many lines of the log start with `prefix` ("tick 1" is not "tick 12": whole words).
int linesWith(const OutputLog &log, const QString &prefix)
{
    int count = 0;
    for (qint64 n = log.firstLineNumber(); n < log.endLineNumber(); ++n) {
        const QString text = log.line(n).text;
        count += text.startsWith(prefix) && (text.size() == prefix.size() || prefix.endsWith(u' ')
                                            || text.at(prefix.size()).isSpace()) ? 1 : 0;
    }
    return count;
}

} // namespace

void tst_Ssh::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
    QVERIFY(m_runtime.isValid() && m_files.isValid());
    m_ssh = std::make_unique<SshFixture>();
    if (const QString error = m_ssh->start(); !error.isEmpty())
        QSKIP(qPrintable(u"no sshd for the SSH round trip: "_s + error));
    m_path = qgetenv("PATH");
    serve();
}

void tst_Ssh::cleanupTestCase()
{
    TestSupport::endInstance(m_instance);
    m_ssh.reset();
}

// The test's ssh and the remote command, for every test (a failure row changes them).
void tst_Ssh::init()
{
    qputenv("PATH", m_ssh->wrapperFolder().toUtf8() + ':' + m_path);
    qputenv("PROCDECK_REMOTE_COMMAND",
            ShellWords::join({u"env"_s, u"XDG_RUNTIME_DIR="_s + m_runtime.path(), QStringLiteral(PD_APP_PATH)}).toUtf8());
}

void tst_Ssh::cleanup()
{
    qputenv("PATH", m_path);
    qunsetenv("PROCDECK_REMOTE_COMMAND");
    if (QTest::currentTestFailed())
        qInfo("sshd said:\n%s", qPrintable(m_ssh->log()));
}

// `procdeck --headless s.json --serve`: ticker (a line every 100 ms), sleeper, once (a line, exit
// 0), in the test's runtime folder; returns once its socket is there.
void tst_Ssh::serve()
{
    Session session;
    using TestSupport::childSpec;
    session.processes = {childSpec(u"ticker"_s, {u"tick"_s, u"100"_s}), childSpec(u"sleeper"_s, {u"sleep"_s, u"600000"_s}),
                         childSpec(u"once"_s, {u"echo"_s, u"hello-once"_s})};
    const QString file = m_files.filePath(u"s.json"_s);
    const SessionFile::SaveResult saved = SessionFile::save(file, SessionFile::toJson(session));
    QVERIFY2(saved.ok, qPrintable(saved.error));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_RUNTIME_DIR"_s, m_runtime.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_files.filePath(u"config"_s));
    m_instance.setProcessEnvironment(environment);
    m_instance.setStandardOutputFile(QProcess::nullDevice());
    m_instance.start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    const QString socket = m_runtime.filePath(u"procdeck/s.sock"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket) || m_instance.state() == QProcess::NotRunning, 20000);
    QVERIFY2(QFile::exists(socket), m_instance.readAllStandardError().constData());
}

AttachTarget tst_Ssh::target(const QString &address) const
{
    const auto parsed = AttachTarget::parse(address);
    if (const QString *error = std::get_if<QString>(&parsed))
        qWarning("%s: %s", qPrintable(address), qPrintable(*error));
    return std::holds_alternative<AttachTarget>(parsed) ? std::get<AttachTarget>(parsed) : AttachTarget();
}

ManagedProcess *tst_Ssh::byName(const ProcessManager &manager, const QString &name)
{
    for (ManagedProcess *process : manager.processes()) {
        if (process->spec().name == name)
            return process;
    }
    return nullptr;
}

// The fixture and the remote command on their own: `ssh … procdeck ctl --session s list`, what a
// person would try first, lists the entries of the ProcDeck "there".
void tst_Ssh::remoteCtlAnswers()
{
    const AttachTarget remote = target(m_ssh->address());
    QProcess ssh;
    ssh.start(u"ssh"_s, {u"-p"_s, QString::number(remote.port), u"--"_s, remote.user + u"@127.0.0.1"_s,
                         qEnvironmentVariable("PROCDECK_REMOTE_COMMAND") + u" ctl --session s list"_s});
    QVERIFY2(ssh.waitForFinished(30000), qPrintable(ssh.errorString()));
    const QString out = QString::fromLocal8Bit(ssh.readAllStandardOutput());
    QVERIFY2(ssh.exitCode() == 0, ssh.readAllStandardError().constData());
    for (const QString &name : {u"ticker"_s, u"sleeper"_s, u"once"_s})
        QVERIFY2(out.contains(name), qPrintable(out));
}

// (a) The protocol itself through `ssh … procdeck ctl --session s bridge`, byte for byte: the
// hello, list, a start, logs; closing our end ends ssh with 0.
void tst_Ssh::bridgeRoundTrip()
{
    const AttachTarget remote = target(m_ssh->address(u"s"_s));
    QCOMPARE(remote.kind, AttachTarget::Kind::Ssh);
    QProcess bridge;
    const auto stopBridge = qScopeGuard([&bridge] {
        if (bridge.state() != QProcess::NotRunning) {
            bridge.kill();
            bridge.waitForFinished(10000);
        }
    });
    bridge.start(remote.sshProgram(), remote.sshArguments());
    QVERIFY2(bridge.waitForStarted(10000), qPrintable(bridge.errorString()));

    const QJsonObject hello = nextMessage(bridge);
    QVERIFY2(hello.value(u"hello"_s).toBool(), bridge.readAllStandardError().constData());
    QCOMPARE(hello.value(u"name"_s).toString(), u"s"_s);
    QCOMPARE(hello.value(u"pid"_s).toInteger(), m_instance.processId());

    sendRequest(bridge, 1, u"list"_s);
    const QJsonObject list = untilReply(bridge, 1).value(0);
    QVERIFY(list.value(u"ok"_s).toBool());
    QStringList names;
    for (const QJsonValue &entry : list.value(u"entries"_s).toArray())
        names.append(entry.toObject().value(u"name"_s).toString());
    QCOMPARE(names, (QStringList{u"ticker"_s, u"sleeper"_s, u"once"_s}));

    // `once` ran at the start; a second run through the bridge, joined, then both in its log.
    sendRequest(bridge, 2, u"join"_s, {{u"names"_s, QJsonArray{u"once"_s}}, {u"timeoutMs"_s, 20000}});
    QVERIFY(untilReply(bridge, 2).value(0).value(u"ok"_s).toBool());
    sendRequest(bridge, 3, u"start"_s, {{u"names"_s, QJsonArray{u"once"_s}}});
    const QJsonObject started = untilReply(bridge, 3).value(0);
    QCOMPARE(started.value(u"results"_s).toArray().first().toObject().value(u"ok"_s).toBool(), true);
    sendRequest(bridge, 4, u"join"_s, {{u"names"_s, QJsonArray{u"once"_s}}, {u"timeoutMs"_s, 20000}});
    QVERIFY(untilReply(bridge, 4).value(0).value(u"ok"_s).toBool());
    sendRequest(bridge, 5, u"logs"_s, {{u"names"_s, QJsonArray{u"once"_s}}});
    const QList<QJsonObject> logs = untilReply(bridge, 5);
    QVERIFY(!logs.isEmpty() && logs.constLast().value(u"ok"_s).toBool());
    int greetings = 0;
    for (const QJsonObject &message : logs)
        greetings += int(message.value(u"text"_s).toString().count(u"once | hello-once"_s));
    QCOMPARE(greetings, 2);

    bridge.closeWriteChannel();
    QVERIFY(bridge.waitForFinished(20000));
    QCOMPARE(bridge.exitStatus(), QProcess::NormalExit);
    QCOMPARE(bridge.exitCode(), 0);
}

// (b) EngineClient and RemoteSession over ssh: the mirrors show the entries there, the output they
// kept and then the live lines.
void tst_Ssh::attachShowsEntriesAndOutput()
{
    ProcessManager manager;
    auto *client = new EngineClient;
    client->open(target(m_ssh->address(u"s"_s)));
    RemoteSession session(client, &manager);
    QSignalSpy attached(&session, &RemoteSession::attached);
    QSignalSpy detached(&session, &RemoteSession::detached);
    QVERIFY2(attached.wait(30000), detached.isEmpty() ? "no answer" : qPrintable(detached.first().first().toString()));
    QCOMPARE(session.sessionPath(), m_files.filePath(u"s.json"_s));
    QCOMPARE(client->target().displayName(), u"s on 127.0.0.1"_s);

    QCOMPARE(manager.processes().size(), 3);
    ManagedProcess *ticker = byName(manager, u"ticker"_s);
    QVERIFY(ticker && byName(manager, u"sleeper"_s) && byName(manager, u"once"_s));
    QVERIFY(ticker->isMirror());
    QCOMPARE(ticker->spec().program, TestSupport::childPath());
    QTRY_COMPARE_WITH_TIMEOUT(ticker->state(), ManagedProcess::State::Running, 20000);
    // The real one, on "the other machine".
    QVERIFY(!TestSupport::isGone(TestSupport::identify(ticker->pid()), TestSupport::Zombies::CountAsGone));

    // History first (its first tick came before we attached), then lines that come while we watch.
    QTRY_VERIFY_WITH_TIMEOUT(linesWith(*ticker->output(), u"tick 1"_s) == 1, 20000);
    const int seen = linesWith(*ticker->output(), u"tick "_s);
    QTRY_VERIFY_WITH_TIMEOUT(linesWith(*ticker->output(), u"tick "_s) > seen + 2, 20000);
    QVERIFY(detached.isEmpty());
}

// (b) A verb from here goes over ssh and stops the real process; detaching stops nothing else.
void tst_Ssh::stopFromHereStopsTheRealProcess()
{
    ProcessManager manager;
    auto *client = new EngineClient;
    client->open(target(m_ssh->address(u"s"_s)));
    auto session = std::make_unique<RemoteSession>(client, &manager);
    QSignalSpy attached(session.get(), &RemoteSession::attached);
    QVERIFY(attached.wait(30000));

    ManagedProcess *sleeper = byName(manager, u"sleeper"_s);
    QVERIFY(sleeper);
    QTRY_COMPARE_WITH_TIMEOUT(sleeper->state(), ManagedProcess::State::Running, 20000);
    const TestSupport::ProcessIdentity real = TestSupport::identify(sleeper->pid());
    const TestSupport::ProcessIdentity ticker = TestSupport::identify(byName(manager, u"ticker"_s)->pid());
    QVERIFY(real.pid > 0 && ticker.pid > 0);

    QSignalSpy finished(sleeper, &ManagedProcess::finished);
    QVERIFY(sleeper->terminate().ok);
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::isGone(real, TestSupport::Zombies::CountAsGone), 20000);
    QVERIFY(!sleeper->isAlive());
    QVERIFY(sleeper->stoppedByUser());

    session.reset(); // detach: ssh ends, the ticker there goes on
    QVERIFY(!TestSupport::isGone(ticker, TestSupport::Zombies::CountAsGone));
}

void tst_Ssh::failuresSaySshsWords_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("strangerKey");
    QTest::addColumn<QString>("remoteCommand"); // empty: the test's
    QTest::addColumn<QString>("words");

    // FREE: a port of 127.0.0.1 where nothing listens; PORT: the fixture's sshd.
    const QString user = SshFixture().user();
    QTest::newRow("wrong port") << u"ssh://%1@127.0.0.1:FREE/s"_s.arg(user) << false << QString()
                                << u"Connection refused"_s;
    // Another loopback address, where this sshd does not listen.
    QTest::newRow("wrong host") << u"ssh://%1@127.0.0.2:PORT/s"_s.arg(user) << false << QString()
                                << u"Connection refused"_s;
    QTest::newRow("host key not known") << u"ssh://%1@localhost:PORT/s"_s.arg(user) << false << QString()
                                        << u"Host key verification failed"_s;
    QTest::newRow("refused key") << u"ssh://%1@127.0.0.1:PORT/s"_s.arg(user) << true << QString()
                                 << u"Permission denied (publickey)"_s;
    QTest::newRow("no procdeck there") << u"ssh://%1@127.0.0.1:PORT/s"_s.arg(user) << false
                                       << u"/nonexistent/procdeck"_s << u"/nonexistent/procdeck"_s;
    QTest::newRow("no such session there") << u"ssh://%1@127.0.0.1:PORT/nosuch"_s.arg(user) << false
                                           << QString() << u"nosuch"_s;
}

// (c) What goes wrong before the hello reaches EngineClient::failed in ssh's own words (or the
// remote shell's, or `ctl`'s there), for the status bar.
void tst_Ssh::failuresSaySshsWords()
{
    QFETCH(QString, address);
    QFETCH(bool, strangerKey);
    QFETCH(QString, remoteCommand);
    QFETCH(QString, words);

    address.replace(u"PORT"_s, QString::number(m_ssh->port()));
    QTcpServer probe; // the kernel's choice of a free port, closed again
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    address.replace(u"FREE"_s, QString::number(probe.serverPort()));
    probe.close();
    if (strangerKey)
        qputenv("PATH", m_ssh->wrapperFolder(SshFixture::Key::Refused).toUtf8() + ':' + m_path);
    if (!remoteCommand.isEmpty())
        qputenv("PROCDECK_REMOTE_COMMAND", remoteCommand.toUtf8());

    EngineClient client;
    QSignalSpy failed(&client, &EngineClient::failed);
    QSignalSpy connected(&client, &EngineClient::connected);
    client.open(target(address));
    QVERIFY(failed.wait(30000));
    QVERIFY(connected.isEmpty());
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.contains(words), qPrintable(reason));
    QVERIFY(!client.isConnected());
}

QTEST_GUILESS_MAIN(tst_Ssh)
#include "tst_ssh.moc"

// The window attached to a running ProcDeck (File › Attach…, `procdeck --attach`): against a real
// `procdeck --headless FILE --serve` (PD_APP_PATH) in a runtime folder of the test's own, the
// window shows its entries and output, sends its verbs there, and leaves the entries running when
// it closes, detaches, crashes or loses the connection. Drives the real MainWindow by object names.
#include "attachdialog.h"
#include "attachtarget.h"
#include "controlserver.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "outputpane.h"
#include "outputview.h"
#include "processmanager.h"
#include "remotesession.h"
#include "sessiondocument.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "userprompt.h"
#include "windowtestsupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTranslator>
#include <QTreeWidget>

#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using WindowTestSupport::action;

class tst_AttachWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void attachShowsHistoryAndLiveAndKeepsEntriesRunning();
    void detachAndFileVerbs();
    void quitAsksWhetherToStopThem();
    void lostConnectionLeavesAnEmptySession();
    void attachDialogListsOthersAndChecksTheField();
    void attachDialogSaysHowToStartOne();
    void aCrashOfTheWindowLosesNothing();

private:
    using Ctl = TestSupport::CtlResult;

    QProcessEnvironment environment() const;
    QString writeSession(const QList<ProcessSpec> &specs);
    static ProcessSpec child(const QString &name, const QStringList &args);
    QProcess *serve(const QString &file);
    Ctl ctl(const QStringList &arguments) const;
    QJsonObject listedEntry(const QString &name) const;
    qint64 pidOf(const QString &name) const;
    AttachTarget localTarget() const;
    static bool attached(MainWindow &window);
    static QString paneText(MainWindow &window);
    static QString attachLabel(MainWindow &window);
    static bool alive(qint64 pid);

    QTemporaryDir m_config;
    QTranslator m_plurals;
    std::unique_ptr<QTemporaryDir> m_runtime;
    std::unique_ptr<QTemporaryDir> m_files;
    std::vector<std::unique_ptr<QProcess>> m_instances;
};

void tst_AttachWindow::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(PD_APP_PATH)), PD_APP_PATH);
    QVERIFY(m_config.isValid());
    QVERIFY(WindowTestSupport::useOwnHome(m_config, m_plurals));
}

// Each test a runtime folder of its own, for the headless instance and for this process's window
// (whose own control socket goes there too).
void tst_AttachWindow::init()
{
    m_runtime = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_runtime->isValid() && m_files->isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime->path()));
}

void tst_AttachWindow::cleanup()
{
    for (auto &process : m_instances)
        TestSupport::endInstance(*process);
    m_instances.clear();
    PD_VERIFY_NO_DESTROYED_WARNING();
}

QProcessEnvironment tst_AttachWindow::environment() const
{
    return TestSupport::instanceEnvironment(m_runtime->path(), m_files->path());
}

QString tst_AttachWindow::writeSession(const QList<ProcessSpec> &specs)
{
    return TestSupport::writeSessionFile(m_files->filePath(u"stack.json"_s), specs);
}

ProcessSpec tst_AttachWindow::child(const QString &name, const QStringList &args)
{
    return TestSupport::childSpec(name, args);
}

// `procdeck --headless FILE --serve`, returned once its socket (stack.sock) is there.
QProcess *tst_AttachWindow::serve(const QString &file)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral(PD_APP_PATH), {u"--headless"_s, file, u"--serve"_s});
    QProcess *started = process.get();
    m_instances.push_back(std::move(process));
    const QString socket = localTarget().socketPath;
    if (!QTest::qWaitFor([&] { return QFile::exists(socket) || started->state() == QProcess::NotRunning; }, 20000))
        qWarning("no socket %s after 20 s", qPrintable(socket));
    return started;
}

tst_AttachWindow::Ctl tst_AttachWindow::ctl(const QStringList &arguments) const
{
    return TestSupport::runCtl(environment(), QStringList{u"--session"_s, u"stack"_s} + arguments);
}

QJsonObject tst_AttachWindow::listedEntry(const QString &name) const
{
    const Ctl list = ctl({u"list"_s, u"--json"_s});
    for (const QJsonValue &value : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
        if (value.toObject().value(u"name"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

qint64 tst_AttachWindow::pidOf(const QString &name) const
{
    return listedEntry(name).value(u"pid"_s).toInteger();
}

AttachTarget tst_AttachWindow::localTarget() const
{
    AttachTarget target;
    target.kind = AttachTarget::Kind::Local;
    target.socketPath = m_runtime->filePath(u"procdeck/stack.sock"_s);
    return target;
}

bool tst_AttachWindow::attached(MainWindow &window)
{
    return window.remoteSession() && window.remoteSession()->isAttached();
}

// Every row of the output pane, as Save Output would write them.
QString tst_AttachWindow::paneText(MainWindow &window)
{
    QString text;
    QTextStream out(&text);
    window.outputPane()->view()->writePlainText(out, false);
    out.flush();
    return text;
}

QString tst_AttachWindow::attachLabel(MainWindow &window)
{
    auto *label = window.findChild<QLabel *>(u"attachLabel"_s);
    return label && label->isVisible() ? label->text() : QString();
}

bool tst_AttachWindow::alive(qint64 pid)
{
    if (pid <= 0)
        return false;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    return !status.readAll().contains("State:\tZ"); // a zombie has ended
}

// The table shows the entries there, the output pane the lines printed before the attach, then new
// ones; Stop from the window stops the real process; closing the window leaves the others running.
void tst_AttachWindow::attachShowsHistoryAndLiveAndKeepsEntriesRunning()
{
    QProcess *instance = serve(writeSession({child(u"ticker"_s, {u"echo"_s, u"printed before the attach"_s, u"then"_s, u"tick"_s, u"100"_s}),
                                             child(u"steady"_s, {u"sleep"_s, u"600000"_s}),
                                             child(u"stopme"_s, {u"sleep"_s, u"600000"_s})}));
    QVERIFY(instance->state() == QProcess::Running);
    QTRY_VERIFY_WITH_TIMEOUT(ctl({u"logs"_s, u"ticker"_s}).out.contains(u"tick 2"_s), 20000);
    const qint64 tickerPid = pidOf(u"ticker"_s);
    const qint64 steadyPid = pidOf(u"steady"_s);
    const qint64 stopPid = pidOf(u"stopme"_s);
    QVERIFY(alive(tickerPid) && alive(steadyPid) && alive(stopPid));

    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(window->controlServer()->isListening());
    QVERIFY(window->attach(localTarget()));
    QTRY_VERIFY_WITH_TIMEOUT(attached(*window), 20000);
    QTRY_COMPARE(window->manager()->count(), 3);
    QStringList names;
    for (const ManagedProcess *process : window->manager()->processes())
        names.append(process->spec().name);
    QCOMPARE(names, (QStringList{u"ticker"_s, u"steady"_s, u"stopme"_s}));
    QVERIFY(!window->controlServer()->isListening()); // the session is served by the other
    QVERIFY2(window->windowTitle().startsWith(u"stack — attached"_s), qPrintable(window->windowTitle()));
    QTRY_COMPARE(attachLabel(*window), u"Attached to stack (headless, PID %1)"_s.arg(instance->processId()));
    QTRY_VERIFY(window->manager()->at(0)->isAlive());

    // History, then live: a tick printed after the attach.
    window->selectProcesses({window->manager()->at(0)});
    QTRY_VERIFY_WITH_TIMEOUT(paneText(*window).contains(u"printed before the attach"_s), 20000);
    const QRegularExpression tick(u"tick (\\d+)"_s);
    int lastSeen = 0;
    for (auto it = tick.globalMatch(paneText(*window)); it.hasNext();)
        lastSeen = std::max(lastSeen, it.next().captured(1).toInt());
    QTRY_VERIFY_WITH_TIMEOUT(paneText(*window).contains(u"tick %1"_s.arg(lastSeen + 3)), 20000);

    // Stop, from the window, of the real process.
    ManagedProcess *stopme = window->manager()->at(2);
    window->selectProcesses({stopme});
    QTRY_VERIFY(action(*window, "actionTerminate")->isEnabled());
    action(*window, "actionTerminate")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!alive(stopPid), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!stopme->isAlive(), 20000);

    // Closing the window detaches: nothing asked, nothing stopped there.
    QVERIFY(window->close());
    QVERIFY(!window->remoteSession());
    window.reset();
    QVERIFY(alive(tickerPid));
    QVERIFY(alive(steadyPid));
    QCOMPARE(pidOf(u"ticker"_s), tickerPid);
    QCOMPARE(listedEntry(u"steady"_s).value(u"state"_s).toString(), u"running"_s);
    QVERIFY(instance->state() == QProcess::Running);
}

// File › Detach: the entries go on there, the window is an empty untitled session serving its own
// socket again. While attached the session file is the other's: Save, Save As, Import and Export
// are disabled; Open, New and a recent file detach first, without asking.
void tst_AttachWindow::detachAndFileVerbs()
{
    serve(writeSession({child(u"steady"_s, {u"sleep"_s, u"600000"_s})}));
    QTRY_VERIFY_WITH_TIMEOUT(pidOf(u"steady"_s) > 0, 20000);
    const qint64 steadyPid = pidOf(u"steady"_s);
    MainWindow window;
    window.show();
    QVERIFY(!action(window, "actionDetach")->isEnabled());
    QVERIFY(window.attach(localTarget()));
    QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
    QTRY_COMPARE(window.manager()->count(), 1);
    for (const char *name : {"actionSave", "actionSaveAs", "actionImportProcfile", "actionExportProcfile"})
        QVERIFY2(!action(window, name)->isEnabled(), name);
    QVERIFY(action(window, "actionDetach")->isEnabled());
    QVERIFY(!window.document()->isModified());

    action(window, "actionDetach")->trigger();
    QVERIFY(!window.remoteSession());
    QCOMPARE(window.manager()->count(), 0);
    QVERIFY(window.controlServer()->isListening());
    QVERIFY(window.document()->filePath().isEmpty());
    QVERIFY2(window.windowTitle().startsWith(u"Untitled"_s), qPrintable(window.windowTitle()));
    QVERIFY(attachLabel(window).isEmpty());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Detached from stack"_s),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(action(window, "actionSave")->isEnabled());
    QVERIFY(!action(window, "actionDetach")->isEnabled());
    QVERIFY(alive(steadyPid));

    // New while attached: detaches without a question (nothing of this window's runs).
    QVERIFY(window.attach(localTarget()));
    QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
    QTRY_COMPARE(window.manager()->count(), 1);
    const QString asked = window.prompt()->lastText();
    action(window, "actionNew")->trigger();
    QCOMPARE(window.prompt()->lastText(), asked);
    QVERIFY(!window.remoteSession());
    QCOMPARE(window.manager()->count(), 0);
    QVERIFY(alive(steadyPid));
    QCOMPARE(pidOf(u"steady"_s), steadyPid);
}

// Quit while attached asks whether to stop the entries there: Cancel keeps everything, Leave Them
// Running quits and leaves them, Stop Them and Quit stops them there and quits when they have ended.
void tst_AttachWindow::quitAsksWhetherToStopThem()
{
    serve(writeSession({child(u"a"_s, {u"sleep"_s, u"600000"_s}), child(u"b"_s, {u"sleep"_s, u"600000"_s})}));
    QTRY_VERIFY_WITH_TIMEOUT(pidOf(u"b"_s) > 0, 20000);
    const qint64 a = pidOf(u"a"_s);
    const qint64 b = pidOf(u"b"_s);
    {
        MainWindow window;
        window.show();
        QVERIFY(window.attach(localTarget()));
        QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
        QTRY_COMPARE(window.manager()->aliveCount(), 2);
        window.prompt()->setNextAnswer(QMessageBox::Cancel);
        action(window, "actionQuit")->trigger();
        QCOMPARE(window.prompt()->lastText(), u"Stop the entries of stack too?"_s);
        const UserPrompt::ButtonTexts buttons = window.prompt()->lastButtonTexts();
        QCOMPARE(buttons.value(QMessageBox::Yes), u"Stop Them and Quit"_s);
        QCOMPARE(buttons.value(QMessageBox::No), u"Leave Them Running"_s);
        QVERIFY(window.isVisible());
        QVERIFY(window.remoteSession());

        window.prompt()->setNextAnswer(QMessageBox::No); // Leave Them Running
        action(window, "actionQuit")->trigger();
        QVERIFY(!window.isVisible());
        QVERIFY(!window.remoteSession());
    }
    QVERIFY(alive(a) && alive(b));
    QCOMPARE(pidOf(u"a"_s), a);

    MainWindow window;
    window.show();
    QVERIFY(window.attach(localTarget()));
    QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
    QTRY_COMPARE(window.manager()->aliveCount(), 2);
    window.prompt()->setNextAnswer(QMessageBox::Yes); // Stop Them and Quit
    action(window, "actionQuit")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 20000); // once the mirrors report none alive
    QTRY_VERIFY(!alive(a));
    QTRY_VERIFY(!alive(b));
    QVERIFY(!listedEntry(u"a"_s).isEmpty());
    QVERIFY(listedEntry(u"a"_s).value(u"state"_s).toString() != u"running"_s);
}

// The attached ProcDeck quits: the window says why and is an empty untitled session of its own.
void tst_AttachWindow::lostConnectionLeavesAnEmptySession()
{
    QProcess *instance = serve(writeSession({child(u"a"_s, {u"sleep"_s, u"600000"_s})}));
    MainWindow window;
    window.show();
    QVERIFY(window.attach(localTarget()));
    QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
    QTRY_COMPARE(window.manager()->count(), 1);

    QCOMPARE(ctl({u"quit"_s}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(instance->state() == QProcess::NotRunning, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.remoteSession(), 20000);
    QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(u"Connection to stack lost: "_s));
    QCOMPARE(window.manager()->count(), 0);
    QTRY_VERIFY(window.controlServer()->isListening());
    QVERIFY2(window.windowTitle().startsWith(u"Untitled"_s), qPrintable(window.windowTitle()));
    QVERIFY(attachLabel(window).isEmpty());
    QVERIFY(!action(window, "actionDetach")->isEnabled());
    QVERIFY(action(window, "actionSave")->isEnabled());
    QVERIFY(window.close()); // nothing runs, nothing to ask
}

// File › Attach…: the others running here (this window's own socket left out) with their name,
// mode, entries, session file and PID; a target the field cannot name keeps the dialog open with
// the reason under the field; a double-click attaches.
void tst_AttachWindow::attachDialogListsOthersAndChecksTheField()
{
    const QString file = writeSession({child(u"a"_s, {u"sleep"_s, u"600000"_s}), child(u"b"_s, {u"sleep"_s, u"600000"_s})});
    QProcess *instance = serve(file);
    MainWindow window;
    window.show();
    QVERIFY(window.controlServer()->isListening()); // listed by runningInstances(), not in the dialog
    action(window, "actionAttach")->trigger();
    auto *dialog = window.findChild<AttachDialog *>();
    QVERIFY(dialog);
    auto *list = dialog->findChild<QTreeWidget *>(u"instanceList"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 20000);
    const QTreeWidgetItem *item = list->topLevelItem(0);
    QCOMPARE(item->text(0), u"stack"_s);
    QCOMPARE(item->text(1), u"headless"_s);
    QCOMPARE(item->text(2), u"2"_s);
    QCOMPARE(item->text(3), QDir::toNativeSeparators(file));
    QCOMPARE(item->text(4), QString::number(instance->processId()));

    auto *field = dialog->findChild<QLineEdit *>(u"targetEdit"_s);
    auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
    auto *attachButton = dialog->findChild<QPushButton *>(u"attachButton"_s);
    QTest::keyClicks(field, u"ssh://"_s);
    QVERIFY(list->selectedItems().isEmpty());
    QVERIFY(attachButton->isEnabled());
    attachButton->click();
    QVERIFY(dialog->isVisible());
    QVERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!window.remoteSession());

    field->clear();
    const QPoint row = list->visualItemRect(list->topLevelItem(0)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row); // a double-click is a press, then this
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, row);
    QTRY_VERIFY_WITH_TIMEOUT(attached(window), 20000);
    QTRY_COMPARE(window.manager()->count(), 2);
    QVERIFY(window.close());
}

void tst_AttachWindow::attachDialogSaysHowToStartOne()
{
    MainWindow window;
    window.show();
    AttachDialog dialog(&window);
    QSignalSpy listed(&dialog, &AttachDialog::instancesListed);
    QVERIFY(listed.wait(20000));
    QCOMPARE(listed.constFirst().constFirst().toInt(), 0); // this window's own is not listed
    auto *empty = dialog.findChild<QLabel *>(u"emptyLabel"_s);
    QVERIFY(!empty->isHidden());
    QVERIFY2(empty->text().contains(u"procdeck --headless FILE --serve"_s), qPrintable(empty->text()));
    QVERIFY(dialog.findChild<QTreeWidget *>(u"instanceList"_s)->isHidden());
    QVERIFY(!dialog.findChild<QPushButton *>(u"attachButton"_s)->isEnabled());
}

// A real `procdeck --attach stack` window killed with SIGKILL: the headless instance still runs its
// entries, and `ctl logs` still has their history.
void tst_AttachWindow::aCrashOfTheWindowLosesNothing()
{
    QProcess *instance = serve(writeSession({child(u"ticker"_s, {u"echo"_s, u"early line"_s, u"then"_s, u"tick"_s, u"100"_s}),
                                             child(u"steady"_s, {u"sleep"_s, u"600000"_s})}));
    QTRY_VERIFY_WITH_TIMEOUT(ctl({u"logs"_s, u"ticker"_s}).out.contains(u"tick 1"_s), 20000);
    const qint64 tickerPid = pidOf(u"ticker"_s);
    const qint64 steadyPid = pidOf(u"steady"_s);

    QProcess window;
    QProcessEnvironment environment = this->environment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"procdeck.session.debug=true"_s);
    window.setProcessEnvironment(environment);
    window.start(QStringLiteral(PD_APP_PATH), {u"--attach"_s, u"stack"_s});
    QByteArray errors;
    QVERIFY2(QTest::qWaitFor([&] {
                 errors += window.readAllStandardError();
                 return errors.contains("attached to") || window.state() == QProcess::NotRunning;
             }, 30000),
             errors.constData());
    QVERIFY2(window.state() == QProcess::Running, errors.constData());

    ::kill(pid_t(window.processId()), SIGKILL);
    QVERIFY(window.waitForFinished(10000));
    QCOMPARE(window.exitStatus(), QProcess::CrashExit);

    QVERIFY(instance->state() == QProcess::Running);
    QVERIFY(alive(tickerPid));
    QVERIFY(alive(steadyPid));
    QCOMPARE(pidOf(u"ticker"_s), tickerPid);
    const Ctl logs = ctl({u"logs"_s, u"ticker"_s});
    QCOMPARE(logs.exitCode, 0);
    QVERIFY2(logs.out.contains(u"early line"_s), qPrintable(logs.out));
    QVERIFY(logs.out.contains(u"tick 1"_s));
}

QTEST_MAIN(tst_AttachWindow)
#include "tst_attachwindow.moc"

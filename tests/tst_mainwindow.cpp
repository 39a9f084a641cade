#include "detailspanel.h"
#include "joindialog.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "outputpane.h"
#include "processdialog.h"
#include "processmanager.h"
#include "processstackpage.h"
#include "procstats.h"
#include "processtablemodel.h"
#include "sessiondocument.h"
#include "sessionfile.h"
#include "testsupport.h"
#include "windowtestsupport.h"
#include "trustdialog.h"
#include "userprompt.h"
#include "notifier.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using WindowTestSupport::action;
using WindowTestSupport::addChild;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everyActionIsNamed();
    void accessibleNames();
    void addStartJoinTerminate();
    void addDialogRefusesInvalidInput_data();
    void addDialogRefusesInvalidInput();
    void editKeepsEnvironmentTheFileLoaded();
    void dialogRefusesTakenNameAndNul();
    void dialogStackTabOffersOtherEntries();
    void dialogStackFieldsRoundTrip();
    void dialogRefusesSelfCycleAndBadCheck();
    void scaleFromWindow();
    void trustDialogShowsControlCharacters();
    void notificationBodyEscaped();
    void actionsFollowTheSelection();
    void startRunningEntryIsRefused();
    void failedStartShowsReason();
    void killShowsSignal();
    void joinWaitsForExit();
    void removeRunningAsksAndTerminates();
    void duplicateGetsNextDefaultName();
    void saveThenOpenReproducesEntries();
    void openBrokenFileKeepsSession();
    void titleShowsModified();
    void quitWithLiveEntriesTerminatesThem();
    void trustDialogBeforeAutostart();
    void dontRunStartsNothing();
    void ownSavedFileIsTrusted();
    void recentFilesRemembered();
    void detailsPanelShowsLiveTree();
    void cancelJoin();
    void importAndExportProcfile();
    void importedProcfileRunsInItsFolder();
    void unchangedSessionSavesSameBytes();
    void signalMenuReachesTheGroup();
    void pauseAndResume();
    void restartPolicyCountdownAndTerminate();
    void unexpectedEndIsMarkedAndNotified();
    void filterBox();
    void dialogAndStartAgree_data();
    void dialogAndStartAgree();
    void detailsPanelShowsResolvedLaunch();
    void limitsUnavailableByDefault();
    void editKeepsLimitsWhileUnavailable();
    void limitsEditableWhenAvailable();
    void dialogRefusesRestartAboveMaximum();
    void terminalChoice();
    void limitFieldsByKeyboard();
    void detailsPanelShowsLimits();
    void stackWaitShownInTableAndDetails();

private:
    static QTableView *table(MainWindow &window)
    {
        return window.findChild<QTableView *>(u"processTable"_s);
    }
    static QString cell(MainWindow &window, int row, int column)
    {
        QAbstractItemModel *model = table(window)->model();
        return model->index(row, column).data().toString();
    }
    static QSpinBox *spin(QWidget *dialog, const QString &name)
    {
        return dialog->findChild<QSpinBox *>(name);
    }
    static QLabel *detailsField(MainWindow &window, const QString &name)
    {
        for (QLabel *label : window.detailsPanel()->findChildren<QLabel *>()) {
            if (label->accessibleName() == name)
                return label;
        }
        return nullptr;
    }
    static QStringList limitFieldNames()
    {
        return {u"memorySpin"_s, u"cpuSpin"_s, u"restartAboveSpin"_s};
    }

    QTemporaryDir m_config;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installProcessWarningGuard();
}

void tst_MainWindow::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_MainWindow::everyActionIsNamed()
{
    MainWindow window;
    const char *names[] = {"actionStart", "actionJoin", "actionTerminate", "actionKill", "actionRestart",
                           "actionAdd", "actionEdit", "actionDuplicate", "actionRemove", "actionOpen",
                           "actionSave", "actionSaveAs", "actionNew", "actionQuit"};
    for (const char *name : names) {
        QAction *a = action(window, name);
        QVERIFY2(a, name);
        QVERIFY2(!a->text().isEmpty(), name);
        QVERIFY2(!a->statusTip().isEmpty(), name);
    }
    QCOMPARE(action(window, "actionAdd")->shortcut(), QKeySequence(u"Ctrl+N"_s));
    QCOMPARE(action(window, "actionStart")->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(action(window, "actionJoin")->shortcut(), QKeySequence(u"Ctrl+J"_s));
    QCOMPARE(action(window, "actionRemove")->shortcut(), QKeySequence(QKeySequence::Delete));
}

void tst_MainWindow::accessibleNames()
{
    MainWindow window;
    QCOMPARE(table(window)->accessibleName(), u"Processes"_s);
    bool outputFound = false;
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (w->accessibleName() == u"Output")
            outputFound = true;
    }
    QVERIFY(outputFound);
}

void tst_MainWindow::addStartJoinTerminate()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    action(window, "actionAdd")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->windowTitle().isEmpty());
    dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"sleeper"_s);
    dialog->findChild<QLineEdit *>(u"programEdit"_s)->setText(TestSupport::childPath());
    dialog->findChild<QLineEdit *>(u"argsEdit"_s)->setText(u"sleep 30000"_s);
    dialog->accept();
    QCOMPARE(window.manager()->count(), 1);
    QCOMPARE(cell(window, 0, ProcessTableModel::Name), u"sleeper"_s);
    QCOMPARE(window.selectedProcesses().size(), 1);
    ManagedProcess *process = window.manager()->at(0);
    QCOMPARE(process->spec().args, (QStringList{u"sleep"_s, u"30000"_s}));

    QVERIFY(action(window, "actionStart")->isEnabled());
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(cell(window, 0, ProcessTableModel::Pid).toLongLong() > 0);
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::Alive), u"Yes"_s);
    QCOMPARE(cell(window, 0, ProcessTableModel::Pid).toLongLong(), process->pid());

    // Join with a 0.3 s timeout on a sleeper: still alive, and the window kept running.
    QSignalSpy joined(&window, &MainWindow::joinFinished);
    QTRY_VERIFY(action(window, "actionJoin")->isEnabled());
    action(window, "actionJoin")->trigger();
    auto *join = window.findChild<JoinDialog *>();
    QVERIFY(join);
    join->setTimeoutText(u"0.3"_s);
    join->accept();
    QVERIFY(joined.wait(5000));
    QCOMPARE(window.lastJoinReport().size(), 1);
    QVERIFY2(window.lastJoinReport().constFirst().contains(u"still alive after 0.3 s"_s),
             qPrintable(window.lastJoinReport().constFirst()));
    QVERIFY(process->isAlive());

    action(window, "actionTerminate")->trigger();
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::Exit), u"-15 (SIGTERM)"_s);
    QCOMPARE(cell(window, 0, ProcessTableModel::Alive), u"No"_s);
}

void tst_MainWindow::addDialogRefusesInvalidInput_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("message");
    const QString child = TestSupport::childPath();
    QTest::newRow("no program") << QString() << QString() << QString() << QString() << u"Enter the program"_s;
    QTest::newRow("missing program") << u"/nonexistent/prog"_s << QString() << QString() << QString()
                                     << u"no such file or directory: /nonexistent/prog"_s;
    QTest::newRow("not in PATH") << u"no-such-program-xyz"_s << QString() << QString() << QString()
                                 << u"(not found in PATH)"_s;
    QTest::newRow("not executable") << QStringLiteral(PD_SOURCE_DIR "/README.md") << QString() << QString()
                                    << QString() << u"permission denied"_s;
    QTest::newRow("open quote") << child << u"echo 'oops"_s << QString() << QString() << u"unterminated"_s;
    QTest::newRow("missing directory") << child << QString() << u"/nonexistent/dir"_s << QString()
                                       << u"working directory does not exist"_s;
    QTest::newRow("bad environment") << child << QString() << QString() << u"NOEQUALS"_s << u"Environment line 1"_s;
    QTest::newRow("bad variable name") << child << QString() << QString() << u"A B=2"_s << u"not a valid variable name"_s;
}

void tst_MainWindow::addDialogRefusesInvalidInput()
{
    QFETCH(QString, program);
    QFETCH(QString, args);
    QFETCH(QString, directory);
    QFETCH(QString, environment);
    QFETCH(QString, message);
    ProcessDialog dialog(ProcessSpec{}, QString());
    dialog.show();
    dialog.findChild<QLineEdit *>(u"programEdit"_s)->setText(program);
    dialog.findChild<QLineEdit *>(u"argsEdit"_s)->setText(args);
    dialog.findChild<QLineEdit *>(u"dirEdit"_s)->setText(directory);
    dialog.findChild<QPlainTextEdit *>(u"envEdit"_s)->setPlainText(environment);
    dialog.accept();
    QVERIFY2(dialog.isVisible(), "the dialog closed on invalid input");
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.error().contains(message, Qt::CaseInsensitive), qPrintable(dialog.error()));
}

// A session file and the Edit dialog follow one rule for variable names: an entry whose
// environment loaded from the file can be edited and saved again unchanged.
void tst_MainWindow::editKeepsEnvironmentTheFileLoaded()
{
    const QByteArray json = "{\"procdeck\": 1, \"processes\": [{\"name\": \"a\", \"program\": \""
        + TestSupport::childPath().toUtf8()
        + "\", \"environment\": {\"FOO-BAR\": \"1\", \"spring.profiles.active\": \"dev\", \"GONE\": null}}]}";
    const SessionFile::LoadResult loaded = SessionFile::parseJson(json, u"s.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    const ProcessSpec spec = loaded.session->processes.constFirst();
    QCOMPARE(spec.environment.size(), 3);

    ProcessDialog dialog(spec, QString());
    dialog.show();
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY(edited);
    QCOMPARE(edited->environment, spec.environment);
}

// Names are unique in a session: Add/Edit refuse a name another entry has (its own is fine), and
// a NUL in any field, which would cut the text when it runs.
void tst_MainWindow::dialogRefusesTakenNameAndNul()
{
    ProcessSpec spec;
    spec.name = u"web"_s;
    spec.program = TestSupport::childPath();
    ProcessDialog dialog(spec, QString());
    dialog.setTakenNames({u"db"_s, u"worker"_s});
    dialog.show();
    dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"worker"_s);
    dialog.accept();
    QVERIFY2(dialog.isVisible(), "the dialog accepted a taken name");
    QVERIFY2(dialog.error().contains(u"already called \"worker\""_s), qPrintable(dialog.error()));
    dialog.findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"web"_s);
    dialog.findChild<QPlainTextEdit *>(u"envEdit"_s)->setPlainText(QString(u"A=1\0rest"_s));
    dialog.accept();
    QVERIFY2(dialog.error().contains(u"NUL"_s), qPrintable(dialog.error()));
    dialog.findChild<QPlainTextEdit *>(u"envEdit"_s)->setPlainText(u"A=1"_s);
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

namespace {

ProcessSpec stackSpec(const QString &name, QList<Dependency> dependsOn = {}, int replicas = 1)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.dependsOn = std::move(dependsOn);
    spec.replicas = replicas;
    return spec;
}

QComboBox *dependencyCombo(ProcessDialog *dialog, int row, int column)
{
    return static_cast<QComboBox *>(dialog->findChild<QTableWidget *>(u"dependencyTable"_s)->cellWidget(row, column));
}

} // namespace

// Edit's Stack tab offers the other entries' names (a replicated entry once, by its group name;
// not the entry itself) and the dependency chosen there reaches the entry.
void tst_MainWindow::dialogStackTabOffersOtherEntries()
{
    MainWindow window;
    window.manager()->addAll({stackSpec(u"db"_s), stackSpec(u"api"_s, {}, 2), stackSpec(u"web"_s)});
    ManagedProcess *web = window.manager()->at(3);
    window.selectProcesses({web});
    action(window, "actionEdit")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<ProcessStackPage *>());
    dialog->findChild<QPushButton *>(u"addDependency"_s)->click();
    QComboBox *name = dependencyCombo(dialog, 0, 0);
    QStringList offered;
    for (int i = 0; i < name->count(); ++i)
        offered << name->itemText(i);
    QCOMPARE(offered, (QStringList{u"db"_s, u"api"_s}));
    name->setCurrentText(u"api"_s);
    QComboBox *condition = dependencyCombo(dialog, 0, 1);
    condition->setCurrentIndex(condition->findData(static_cast<int>(DependencyCondition::Succeeded)));
    dialog->accept();
    QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
    QCOMPARE(web->spec().dependsOn, (QList<Dependency>{{u"api"_s, DependencyCondition::Succeeded}}));
}

// The Stack tab shows a spec's dependencies, readiness check and replicas and gives them back.
void tst_MainWindow::dialogStackFieldsRoundTrip()
{
    ProcessSpec spec = stackSpec(u"api"_s, {{u"db"_s, DependencyCondition::Ready}, {u"migrate"_s, DependencyCondition::Completed}}, 3);
    spec.readiness = {ProbeSpec::Kind::Http, u"http://localhost:8080/health"_s, 500, 250, 2000, 5, {}};
    ProcessDialog dialog(spec, QString());
    dialog.setSessionEntries({stackSpec(u"db"_s), stackSpec(u"migrate"_s), spec}, 2);
    dialog.show();
    QCOMPARE(dialog.findChild<QSpinBox *>(u"replicasSpin"_s)->value(), 3);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"probeTarget"_s)->text(), spec.readiness.target);
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
    QCOMPARE(*dialog.spec(), spec);

    // Changed: no check, fewer copies, one dependency less.
    auto *kind = dialog.findChild<QComboBox *>(u"probeKind"_s);
    kind->setCurrentIndex(kind->findData(static_cast<int>(ProbeSpec::Kind::None)));
    QVERIFY(!dialog.findChild<QLineEdit *>(u"probeTarget"_s)->isEnabled());
    dialog.findChild<QSpinBox *>(u"replicasSpin"_s)->setValue(1);
    dialog.findChild<QTableWidget *>(u"dependencyTable"_s)->setCurrentCell(1, 0);
    dialog.findChild<QPushButton *>(u"removeDependency"_s)->click();
    const std::optional<ProcessSpec> edited = dialog.spec();
    QVERIFY2(edited, qPrintable(dialog.error()));
    QCOMPARE(edited->dependsOn, (QList<Dependency>{{u"db"_s, DependencyCondition::Ready}}));
    QVERIFY(!edited->readiness.isSet());
    QCOMPARE(edited->replicas, 1);
}

// A cycle is refused with the path the session file would name; so are a self-dependency and a
// check the file would refuse.
void tst_MainWindow::dialogRefusesSelfCycleAndBadCheck()
{
    const QList<ProcessSpec> entries{stackSpec(u"db"_s), stackSpec(u"api"_s, {{u"web"_s, DependencyCondition::Ready}}),
                                     stackSpec(u"web"_s)};
    ProcessDialog dialog(entries.at(2), QString());
    dialog.setSessionEntries(entries, 2);
    dialog.show();
    dialog.findChild<QPushButton *>(u"addDependency"_s)->click();
    dependencyCombo(&dialog, 0, 0)->setCurrentText(u"api"_s);
    dialog.accept();
    QVERIFY2(dialog.isVisible(), "the dialog accepted a cycle");
    QCOMPARE(dialog.error(), u"Depends on: web → api → web"_s);
    dependencyCombo(&dialog, 0, 0)->setCurrentText(u"db"_s);
    auto *kind = dialog.findChild<QComboBox *>(u"probeKind"_s);
    kind->setCurrentIndex(kind->findData(static_cast<int>(ProbeSpec::Kind::Tcp)));
    dialog.findChild<QLineEdit *>(u"probeTarget"_s)->setText(u"localhost:0"_s);
    dialog.accept();
    QCOMPARE(dialog.error(), u"Readiness check: \"0\" is not a port: use 1 to 65535"_s);
    dialog.findChild<QLineEdit *>(u"probeTarget"_s)->setText(u"localhost:5432"_s);
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));

    ProcessDialog self(stackSpec(u"web"_s, {{u"web"_s, DependencyCondition::Started}}), QString());
    self.setSessionEntries(entries, 2);
    self.show();
    self.accept();
    QVERIFY2(self.error().startsWith(u"Depends on: \"web\" is the entry itself"_s), qPrintable(self.error()));
}

// Scale… on a replicated entry's row adds copies; on a plain entry it is disabled.
void tst_MainWindow::scaleFromWindow()
{
    MainWindow window;
    window.manager()->addAll({stackSpec(u"api"_s, {}, 2), stackSpec(u"web"_s)});
    window.selectProcesses({window.manager()->at(2)});
    QVERIFY(!action(window, "actionScale")->isEnabled());
    window.selectProcesses({window.manager()->at(1)});
    QVERIFY(action(window, "actionScale")->isEnabled());
    action(window, "actionScale")->trigger();
    auto *dialog = window.findChild<QInputDialog *>(u"scaleDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->intValue(), 2);
    dialog->setIntValue(3);
    dialog->done(QDialog::Accepted);
    QCOMPARE(window.manager()->count(), 4);
    QCOMPARE(window.manager()->at(2)->spec().name, u"api-3"_s);
    QCOMPARE(window.manager()->entrySpecs().constFirst().replicas, 3);
}

// The trust dialog shows what the file says with its control characters visible: a bidi override
// or an escape sequence cannot hide or reorder the command.
void tst_MainWindow::trustDialogShowsControlCharacters()
{
    CommandPreview preview;
    preview.name = u"a\x1b]0;x\x07\u202e"_s;
    preview.program = u"/bin/sh"_s;
    preview.arguments = {u"-c"_s, u"echo safe\u202e; rm -rf ~\r\x1b[2K"_s};
    preview.workingDirectory = u"/tmp"_s;
    preview.environment = {{u"K"_s, u"v\tw"_s}};
    const TrustDialog dialog(u"/tmp/s\x1b[31m.json"_s, {preview});
    const QString line = dialog.listedCommands().constFirst();
    QCOMPARE(line, u"a\u241b]0;x\u2407\ufffd: sh -c: echo safe\ufffd; rm -rf ~\u240d\u241b[2K (in /tmp) K=v\u2409w"_s);
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        QVERIFY(label->textFormat() == Qt::PlainText || label->text().isEmpty());
        QVERIFY(!label->text().contains(u'\x1b'));
    }
}

// Bodies quote output lines: made visible, and escaped for a server that reads markup.
void tst_MainWindow::notificationBodyEscaped()
{
    const QString body = u"<b>x</b> & \x1b[31m"_s;
    QCOMPARE(Notifier::bodyText(body, true), u"&lt;b&gt;x&lt;/b&gt; &amp; \u241b[31m"_s);
    QCOMPARE(Notifier::bodyText(body, false), u"<b>x</b> & \u241b[31m"_s);
}

void tst_MainWindow::actionsFollowTheSelection()
{
    MainWindow window;
    QVERIFY(!action(window, "actionStart")->isEnabled());
    QVERIFY(!action(window, "actionEdit")->isEnabled());
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    ManagedProcess *b = addChild(window, u"b"_s, {u"sleep"_s, u"30000"_s});
    window.selectProcesses({a, b});
    QVERIFY(action(window, "actionStart")->isEnabled());
    QVERIFY(!action(window, "actionEdit")->isEnabled()); // one entry at a time
    QVERIFY(!action(window, "actionTerminate")->isEnabled());
    QVERIFY(!action(window, "actionKill")->isEnabled());
    QVERIFY(!action(window, "actionJoin")->isEnabled());
    action(window, "actionStart")->trigger(); // both start
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running && b->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(action(window, "actionTerminate")->isEnabled());
    QVERIFY(action(window, "actionKill")->isEnabled());
    QVERIFY(action(window, "actionJoin")->isEnabled());
    QVERIFY(!action(window, "actionStart")->isEnabled()); // all of them are running
    action(window, "actionKill")->trigger();
    QTRY_VERIFY(!a->isAlive() && !b->isAlive());
    QCOMPARE(a->exitCode(), -9);
    QCOMPARE(b->exitCode(), -9);
    QTRY_VERIFY(action(window, "actionStart")->isEnabled());
}

void tst_MainWindow::startRunningEntryIsRefused()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"once"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    const qint64 pid = process->pid();
    const ManagedProcess::Result again = process->start();
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains(u"already running"_s), qPrintable(again.error));
    QCOMPARE(process->pid(), pid);
    process->kill();
    QTRY_VERIFY(!process->isAlive());
}

void tst_MainWindow::failedStartShowsReason()
{
    MainWindow window;
    ProcessSpec spec;
    spec.name = u"ghost"_s;
    spec.program = u"/nonexistent/ghost"_s;
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(cell(window, 0, ProcessTableModel::State).startsWith(u"Failed to start"_s));
    QVERIFY(cell(window, 0, ProcessTableModel::State).contains(u"/nonexistent/ghost"_s));
    QVERIFY2(window.outputPane()->visibleText().contains(u"failed to start"_s, Qt::CaseInsensitive),
             qPrintable(window.outputPane()->visibleText()));
}

void tst_MainWindow::killShowsSignal()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"stubborn"_s, {u"ignore-term"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    action(window, "actionKill")->trigger();
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::Exit), u"-9 (SIGKILL)"_s);
}

void tst_MainWindow::joinWaitsForExit()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"short"_s, {u"sleep"_s, u"300"_s, u"then"_s, u"exit"_s, u"4"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(process->isAlive());
    QSignalSpy joined(&window, &MainWindow::joinFinished);
    QTRY_VERIFY(action(window, "actionJoin")->isEnabled());
    action(window, "actionJoin")->trigger();
    auto *join = window.findChild<JoinDialog *>();
    QVERIFY(join);
    join->setTimeoutText(QString()); // no limit
    join->accept();
    QVERIFY(joined.wait(10000));
    QVERIFY2(window.lastJoinReport().constFirst().contains(u"exited with 4 after"_s),
             qPrintable(window.lastJoinReport().constFirst()));
    QTRY_VERIFY(window.outputPane()->visibleText().contains(u"exited with 4 after"_s));
}

void tst_MainWindow::removeRunningAsksAndTerminates()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"doomed"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    const TestSupport::ProcessIdentity child = TestSupport::identify(process->pid());
    QVERIFY(child.pid > 0);

    window.prompt()->setNextAnswer(QMessageBox::Cancel);
    action(window, "actionRemove")->trigger();
    QVERIFY(window.prompt()->lastText().contains(u"still running"_s));
    QCOMPARE(window.manager()->count(), 1);

    window.prompt()->setNextAnswer(QMessageBox::Yes);
    action(window, "actionRemove")->trigger();
    QTRY_COMPARE(window.manager()->count(), 0);
    QTRY_VERIFY(TestSupport::isGone(child));
}

void tst_MainWindow::duplicateGetsNextDefaultName()
{
    MainWindow window;
    addChild(window, QString(), {u"exit"_s, u"0"_s});
    QCOMPARE(window.manager()->at(0)->spec().name, u"Process-1"_s);
    action(window, "actionDuplicate")->trigger();
    QCOMPARE(window.manager()->count(), 2);
    QCOMPARE(window.manager()->at(1)->spec().name, u"Process-2"_s);
    QCOMPARE(window.manager()->at(1)->spec().args, window.manager()->at(0)->spec().args);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{window.manager()->at(1)});
}

void tst_MainWindow::saveThenOpenReproducesEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.json"_s);
    QList<ProcessSpec> specs;
    {
        MainWindow window;
        addChild(window, u"one"_s, {u"echo"_s, u"a b"_s, u"$(x)"_s});
        ProcessSpec shell;
        shell.name = u"two"_s;
        shell.shell = u"echo hi | tr a-z A-Z"_s;
        shell.environment = {{u"GONE"_s, std::nullopt}, {u"KEY"_s, u"12"_s}}; // a JSON object: by name
        shell.stopSignal = 2;
        shell.stopTimeoutMs = 1500;
        window.manager()->add(shell);
        window.prompt()->setNextFileName(path);
        action(window, "actionSave")->trigger(); // no file yet: asks where
        QVERIFY(QFile::exists(path));
        QCOMPARE(window.document()->filePath(), path);
        QVERIFY(!window.document()->isModified());
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        for (ManagedProcess *p : window.manager()->processes())
            specs.append(p->spec());
    }
    MainWindow window;
    window.prompt()->setNextFileName(path);
    action(window, "actionOpen")->trigger();
    QCOMPARE(window.manager()->count(), 2);
    for (int i = 0; i < specs.size(); ++i)
        QVERIFY2(window.manager()->at(i)->spec() == specs.at(i), qPrintable(specs.at(i).name));
    QVERIFY(window.windowTitle().contains(u"session.json"_s));
}

void tst_MainWindow::openBrokenFileKeepsSession()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"procdeck\": 1,\n  \"processes\": [ { \"program\": } ]\n}\n");
    file.close();

    MainWindow window;
    addChild(window, u"keep-me"_s, {u"exit"_s, u"0"_s});
    QVERIFY(!window.openFile(path));
    QCOMPARE(window.manager()->count(), 1);
    QCOMPARE(window.manager()->at(0)->spec().name, u"keep-me"_s);
    QVERIFY2(window.prompt()->lastText().contains(u"broken.json:3:"_s), qPrintable(window.prompt()->lastText()));
}

void tst_MainWindow::titleShowsModified()
{
    MainWindow window;
    window.show();
    QVERIFY(!window.isWindowModified());
    addChild(window, u"x"_s, {u"exit"_s, u"0"_s});
    QVERIFY(window.isWindowModified());
    QVERIFY(window.windowTitle().contains(u"Untitled"_s));
    window.prompt()->setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.close()); // unsaved changes: asks, and Cancel keeps the window
    QVERIFY(window.prompt()->lastText().contains(u"unsaved changes"_s));
    QVERIFY(window.isVisible());
    window.prompt()->setNextAnswer(QMessageBox::Discard);
    QVERIFY(window.close());
}

void tst_MainWindow::quitWithLiveEntriesTerminatesThem()
{
    MainWindow window;
    window.show();
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    ManagedProcess *b = addChild(window, u"b"_s, {u"tree"_s, u"30000"_s});
    window.selectProcesses({a, b});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running && b->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(b->output()->endLineNumber() > 1); // "child P grandchild G" was printed
    const TestSupport::ProcessIdentity leaders[] = {TestSupport::identify(a->pid()), TestSupport::identify(b->pid())};
    for (const TestSupport::ProcessIdentity &leader : leaders)
        QVERIFY(leader.pid > 0);

    window.prompt()->setNextAnswer(QMessageBox::Discard); // unsaved session
    window.prompt()->setNextAnswer(QMessageBox::Yes);     // terminate the live entries
    QVERIFY(!window.close()); // not at once: after the processes have exited
    QVERIFY(window.prompt()->lastText().contains(u"still running"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    QCOMPARE(window.manager()->aliveCount(), 0);
    for (const TestSupport::ProcessIdentity &leader : leaders)
        QVERIFY(TestSupport::isGone(leader));
    QCOMPARE(a->exitCode(), -15);
}

static QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(contents);
    return path;
}

static QByteArray autostartSession(const QByteArray &name)
{
    return "{\n  \"procdeck\": 1,\n  \"processes\": [\n    { \"name\": \"" + name + "\", \"program\": \""
        + QByteArray(PD_CHILD_PATH) + "\", \"args\": [\"sleep\", \"30000\"], \"autostart\": true },\n"
        + "    { \"name\": \"manual\", \"program\": \"" + QByteArray(PD_CHILD_PATH) + "\", \"args\": [\"exit\", \"0\"] }\n  ]\n}\n";
}

void tst_MainWindow::trustDialogBeforeAutostart()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"auto.json"_s, autostartSession("server"));
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        auto *trust = window.findChild<TrustDialog *>();
        QVERIFY2(trust, "no trust dialog for an unknown file with an autostart entry");
        QVERIFY(trust->isVisible());
        QCOMPARE(trust->listedCommands().size(), 1); // only the autostart entry
        QVERIFY(trust->listedCommands().constFirst().contains(u"server: "_s));
        QVERIFY(trust->listedCommands().constFirst().contains(u"sleep 30000"_s));
        ManagedProcess *server = window.manager()->at(0);
        QCOMPARE(server->state(), ManagedProcess::State::NotStarted); // nothing before Run
        trust->accept();
        QTRY_COMPARE(server->state(), ManagedProcess::State::Running);
        QCOMPARE(window.manager()->at(1)->state(), ManagedProcess::State::NotStarted);
        server->kill();
        QTRY_VERIFY(!server->isAlive());
    }
    {
        // Approved and unchanged: starts at once.
        MainWindow window;
        QVERIFY(window.openFile(path));
        QVERIFY(!window.findChild<TrustDialog *>());
        QTRY_COMPARE(window.manager()->at(0)->state(), ManagedProcess::State::Running);
        window.manager()->at(0)->kill();
        QTRY_VERIFY(!window.manager()->at(0)->isAlive());
    }
    {
        // Changed since: asks again.
        writeFile(dir, u"auto.json"_s, autostartSession("server2"));
        MainWindow window;
        QVERIFY(window.openFile(path));
        auto *trust = window.findChild<TrustDialog *>();
        QVERIFY(trust);
        QCOMPARE(window.manager()->at(0)->state(), ManagedProcess::State::NotStarted);
        trust->reject();
    }
}

void tst_MainWindow::dontRunStartsNothing()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"other.json"_s, autostartSession("never"));
    MainWindow window;
    QVERIFY(window.openFile(path, MainWindow::StartEntries::All));
    auto *trust = window.findChild<TrustDialog *>();
    QVERIFY(trust);
    QCOMPARE(trust->listedCommands().size(), 2); // --start-all lists every entry
    trust->reject();
    QTest::qWait(0);
    for (ManagedProcess *process : window.manager()->processes())
        QCOMPARE(process->state(), ManagedProcess::State::NotStarted);
    // Still not trusted: the next open asks again.
    MainWindow again;
    QVERIFY(again.openFile(path));
    QVERIFY(again.findChild<TrustDialog *>());
}

void tst_MainWindow::ownSavedFileIsTrusted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"mine.json"_s);
    {
        MainWindow window;
        ProcessSpec spec;
        spec.name = u"mine"_s;
        spec.program = TestSupport::childPath();
        spec.args = {u"sleep"_s, u"30000"_s};
        spec.autostart = true;
        window.manager()->add(spec);
        window.prompt()->setNextFileName(path);
        action(window, "actionSaveAs")->trigger();
        QVERIFY(QFile::exists(path));
    }
    MainWindow window;
    QVERIFY(window.openFile(path));
    QVERIFY(!window.findChild<TrustDialog *>());
    QTRY_COMPARE(window.manager()->at(0)->state(), ManagedProcess::State::Running);
    window.manager()->at(0)->kill();
    QTRY_VERIFY(!window.manager()->at(0)->isAlive());
}

void tst_MainWindow::recentFilesRemembered()
{
    QTemporaryDir dir;
    const QString a = writeFile(dir, u"a.json"_s, "{ \"procdeck\": 1, \"processes\": [] }\n");
    const QString b = writeFile(dir, u"b.json"_s, "{ \"procdeck\": 1, \"processes\": [] }\n");
    {
        MainWindow window;
        QVERIFY(window.openFile(a));
        QVERIFY(window.openFile(b));
    }
    MainWindow window; // a new run remembers them, newest first
    QVERIFY(window.recentFiles().size() >= 2);
    QCOMPARE(window.recentFiles().at(0), b);
    QCOMPARE(window.recentFiles().at(1), a);
    auto *menu = window.findChild<QMenu *>(u"menuRecent"_s);
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    QVERIFY(menu->actions().constFirst()->text().contains(u"b.json"_s));
    menu->actions().at(1)->trigger(); // opens a.json
    QCOMPARE(window.document()->filePath(), a);
}

void tst_MainWindow::detailsPanelShowsLiveTree()
{
    MainWindow window;
    window.stats()->setInterval(100);
    ManagedProcess *process = addChild(window, u"forker"_s, {u"tree"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    QCOMPARE(window.detailsPanel()->process(), process);
    QTRY_COMPARE(window.detailsPanel()->treeLines().size(), 2);
    const QStringList lines = window.detailsPanel()->treeLines();
    QVERIFY2(lines.at(0).startsWith(QString::number(process->pid()) + u' '), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(0).contains(u"pd_child tree 30000"_s), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(u"  "_s), qPrintable(lines.at(1))); // the grandchild, one level down
    process->kill();
    QTRY_VERIFY(window.detailsPanel()->treeLines().isEmpty());
}

void tst_MainWindow::cancelJoin()
{
    MainWindow window;
    window.show(); // the Cancel button is shown while a join waits: visible only in a shown window
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ManagedProcess *process = addChild(window, u"forever"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(action(window, "actionJoin")->isEnabled());
    QSignalSpy joined(&window, &MainWindow::joinFinished);
    action(window, "actionJoin")->trigger();
    auto *join = window.findChild<JoinDialog *>();
    QVERIFY(join);
    join->setTimeoutText(QString()); // no limit
    join->accept();
    auto *cancel = window.findChild<QPushButton *>(u"joinCancelButton"_s);
    QVERIFY(cancel);
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(!action(window, "actionJoin")->isEnabled()); // one join at a time
    cancel->click();
    QVERIFY(joined.count() == 1 || joined.wait(5000));
    QVERIFY2(window.lastJoinReport().constFirst().contains(u"still alive"_s),
             qPrintable(window.lastJoinReport().constFirst()));
    QVERIFY(process->isAlive());
    process->kill();
    QTRY_VERIFY(!process->isAlive());
}

void tst_MainWindow::importAndExportProcfile()
{
    QTemporaryDir dir;
    const QString procfile = writeFile(dir, u"Procfile"_s,
                                       "# services\nweb: echo serving on $PORT\nworker: echo working\n");
    writeFile(dir, u".env"_s, "PORT=5000\n");
    MainWindow window;
    addChild(window, u"existing"_s, {u"exit"_s, u"0"_s});
    window.prompt()->setNextFileName(procfile);
    action(window, "actionImportProcfile")->trigger();
    QCOMPARE(window.manager()->count(), 3); // added to the session, not replacing it
    ManagedProcess *web = window.manager()->at(1);
    QCOMPARE(web->spec().name, u"web"_s);
    QCOMPARE(web->spec().shell, u"echo serving on $PORT"_s);
    QVERIFY(web->spec().environment.contains(EnvironmentChange{u"PORT"_s, u"5000"_s}));
    web->start();
    QTRY_VERIFY(window.outputPane()->visibleText().contains(u"serving on 5000"_s)
                || web->output()->endLineNumber() > 2);
    QTRY_COMPARE(web->exitCode(), 0);

    // Exported elsewhere: the value from the .env goes to the .env beside the new Procfile (it is
    // often a secret), never into the Procfile; its commands run in the imported Procfile's folder.
    QTemporaryDir elsewhere;
    const QString exported = elsewhere.filePath(u"Procfile"_s);
    window.prompt()->setNextFileName(exported);
    action(window, "actionExportProcfile")->trigger();
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("5000"), text.constData());
    QVERIFY2(text.contains("web: cd "), text.constData());
    QVERIFY2(text.contains(" || exit; echo serving on $PORT\n"), text.constData());
    QVERIFY2(text.contains("existing: "), text.constData());
    QFile dotEnv(elsewhere.filePath(u".env"_s));
    QVERIFY(dotEnv.open(QIODevice::ReadOnly));
    QCOMPARE(dotEnv.readAll(), QByteArray("PORT=5000\n"));
    QCOMPARE(dotEnv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    // Read back as a Procfile, with its .env: the same command and environment.
    const SessionFile::LoadResult again = SessionFile::load(exported);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(again.session->processes.at(1).environment.contains(EnvironmentChange{u"PORT"_s, u"5000"_s}));
}

// Import runs a Procfile's commands in its own folder, whatever folder the session is in: a
// command such as ./hello.sh finds its script.
void tst_MainWindow::importedProcfileRunsInItsFolder()
{
    QTemporaryDir dir;
    writeFile(dir, u"hello.sh"_s, "#!/bin/sh\necho hello from $(basename \"$PWD\")\n");
    QFile::setPermissions(dir.filePath(u"hello.sh"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString procfile = writeFile(dir, u"Procfile"_s, "hello: ./hello.sh\n");
    QTemporaryDir sessionFolder;
    MainWindow window;
    window.manager()->setBaseDirectory(sessionFolder.path());
    window.prompt()->setNextFileName(procfile);
    action(window, "actionImportProcfile")->trigger();
    QCOMPARE(window.manager()->count(), 1);
    ManagedProcess *hello = window.manager()->at(0);
    hello->start();
    const auto lines = [hello] {
        QStringList texts;
        const OutputLog *log = hello->output();
        for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n)
            texts.append(log->line(n).text);
        return texts;
    };
    const QString expected = u"hello from "_s + QFileInfo(dir.path()).fileName();
    QTRY_VERIFY2_WITH_TIMEOUT(lines().contains(expected), qPrintable(lines().join(u'\n')), 10000);
    QTRY_VERIFY(!hello->isAlive());
    QCOMPARE(hello->exitCode(), 0);
}

void tst_MainWindow::unchangedSessionSavesSameBytes()
{
    QTemporaryDir dir;
    // Hand-written: its own key order, spacing and an unknown key.
    const QByteArray original = "{\"processes\":[{\"program\":\"true\",  \"name\":\"x\", \"x-note\": [1,2]}],\n"
                                "  \"procdeck\": 1, \"owner\": \"ops\"}\n";
    const QString path = writeFile(dir, u"hand.json"_s, original);
    MainWindow window;
    QVERIFY(window.openFile(path));
    QVERIFY(!window.document()->isModified());
    action(window, "actionSave")->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
}

void tst_MainWindow::signalMenuReachesTheGroup()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"pair"_s, {u"usr1-tree"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    const auto outputHas = [process](const QString &text) {
        for (qint64 n = process->output()->firstLineNumber(); n < process->output()->endLineNumber(); ++n) {
            if (process->output()->line(n).text.contains(text))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(outputHas(u"ready child"_s)); // both handlers installed
    QTRY_VERIFY(action(window, "actionSignalUsr1")->isEnabled() || window.findChild<QMenu *>(u"menuSignal"_s)->isEnabled());
    action(window, "actionSignalUsr1")->trigger();
    QTRY_VERIFY(outputHas(u"SIGUSR1 in child"_s));
    QTRY_VERIFY(outputHas(u"SIGUSR1 in grandchild"_s));
    QVERIFY(process->isAlive());
    action(window, "actionSignalKill")->trigger();
    QTRY_COMPARE(process->exitCode(), -9);
}

void tst_MainWindow::pauseAndResume()
{
    MainWindow window;
    ManagedProcess *process = addChild(window, u"ticker"_s, {u"tick"_s, u"20"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(process->state(), ManagedProcess::State::Running);
    QTRY_VERIFY(action(window, "actionPause")->isEnabled());
    QVERIFY(!action(window, "actionResume")->isEnabled());
    action(window, "actionPause")->trigger();
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::State), u"Paused"_s);
    QCOMPARE(cell(window, 0, ProcessTableModel::Alive), u"Yes"_s);
    QTRY_VERIFY(window.findChild<QLabel *>(u"countsLabel"_s)->text().contains(u"1 paused"_s));
    QTRY_VERIFY(action(window, "actionResume")->isEnabled());
    QVERIFY(action(window, "actionTerminate")->isEnabled()); // a paused entry can be terminated
    action(window, "actionResume")->trigger();
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::State), u"Running"_s);
    const qint64 lines = process->output()->endLineNumber();
    QTRY_VERIFY(process->output()->endLineNumber() > lines + 2); // ticking again
    action(window, "actionTerminate")->trigger();
    QTRY_COMPARE(process->exitCode(), -15);
}

void tst_MainWindow::restartPolicyCountdownAndTerminate()
{
    MainWindow window;
    window.manager()->setRestartTiming({400, 800, 30000, 10});
    ProcessSpec spec;
    spec.name = u"flaky"_s;
    spec.program = TestSupport::childPath();
    spec.args = {u"exit"_s, u"3"_s};
    spec.restart = RestartPolicy::OnFailure;
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(cell(window, 0, ProcessTableModel::State).startsWith(u"Restarting in"_s));
    QCOMPARE(cell(window, 0, ProcessTableModel::Exit), u"3"_s);
    QTRY_COMPARE(cell(window, 0, ProcessTableModel::Restarts), u"1"_s); // it restarted once
    QTRY_VERIFY(cell(window, 0, ProcessTableModel::State).startsWith(u"Restarting in"_s));
    QTRY_VERIFY(action(window, "actionTerminate")->isEnabled()); // cancels the pending attempt
    action(window, "actionTerminate")->trigger();
    // Settled: back to its last run's end, not Waiting, so no restart is scheduled (the restart
    // timer runs only in Waiting), and the table says so.
    QTRY_COMPARE(process->state(), ManagedProcess::State::Exited);
    QVERIFY(process->isFinished());
    QCOMPARE(process->nextRestartRemainingMs(), -1);
    QCOMPARE(process->exitCode(), 3);
    QVERIFY(!process->gaveUp());
    QVERIFY(!cell(window, 0, ProcessTableModel::State).startsWith(u"Restarting in"_s));
    QCOMPARE(cell(window, 0, ProcessTableModel::Restarts), u"1"_s);
}

void tst_MainWindow::unexpectedEndIsMarkedAndNotified()
{
    MainWindow window;
    QSignalSpy notified(window.notifier(), &Notifier::notified);
    ManagedProcess *crash = addChild(window, u"crasher"_s, {u"crash"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), u"crasher ended unexpectedly"_s);
    QVERIFY2(notified.at(0).at(1).toString().contains(u"-11 (SIGSEGV)"_s), qPrintable(notified.at(0).at(1).toString()));
    QAbstractItemModel *model = table(window)->model();
    QVERIFY(model->index(0, 0).data(ProcessTableModel::UnexpectedRole).toBool());
    QVERIFY(crash->endedUnexpectedly());

    // A run the user stopped is no surprise; and the setting turns notifications off.
    ManagedProcess *stopped = addChild(window, u"stopped"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_COMPARE(stopped->state(), ManagedProcess::State::Running);
    action(window, "actionTerminate")->trigger();
    QTRY_COMPARE(stopped->exitCode(), -15);
    QVERIFY(!model->index(1, 0).data(ProcessTableModel::UnexpectedRole).toBool());
    action(window, "actionNotify")->setChecked(false);
    addChild(window, u"quiet"_s, {u"exit"_s, u"2"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(model->index(2, 0).data(ProcessTableModel::UnexpectedRole).toBool());
    QCOMPARE(notified.size(), 1);
}

void tst_MainWindow::filterBox()
{
    MainWindow window;
    addChild(window, u"web"_s, {u"exit"_s, u"0"_s});
    addChild(window, u"worker-1"_s, {u"exit"_s, u"0"_s});
    addChild(window, u"worker-2"_s, {u"exit"_s, u"0"_s});
    auto *filter = window.findChild<QLineEdit *>(u"filterEdit"_s);
    QVERIFY(filter);
    QTest::keyClicks(filter, u"worker"_s); // matches names, commands and states
    QCOMPARE(table(window)->model()->rowCount(), 2);
    filter->clear();
    QCOMPARE(table(window)->model()->rowCount(), 3);
    table(window)->sortByColumn(ProcessTableModel::Name, Qt::DescendingOrder);
    QCOMPARE(cell(window, 0, ProcessTableModel::Name), u"worker-2"_s);
}

// The Add/Edit dialog accepts exactly what a start runs, and refuses what would fail to start:
// both ask resolveLaunch() (the session folder is not ProcDeck's current directory here).
void tst_MainWindow::dialogAndStartAgree_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("environment"); // {dir}: the session folder
    QTest::addColumn<bool>("runs");
    QTest::newRow("relative program in the working directory") << u"./script.sh"_s << u"work"_s << QString() << true;
    QTest::newRow("relative program, no working directory") << u"./script.sh"_s << QString() << QString() << false;
    QTest::newRow("program only on the entry's PATH") << u"pd-only-here"_s << QString() << u"PATH={dir}/bin"_s
                                                      << true;
    QTest::newRow("missing working directory") << u"./script.sh"_s << u"missing"_s << QString() << false;
}

void tst_MainWindow::dialogAndStartAgree()
{
    QFETCH(QString, program);
    QFETCH(QString, directory);
    QFETCH(QString, environment);
    QFETCH(bool, runs);
    QTemporaryDir session;
    QVERIFY(session.isValid());
    QVERIFY(session.path() != QDir::currentPath());
    for (const QString &path : {u"work/script.sh"_s, u"script.sh"_s, u"bin/pd-only-here"_s}) {
        QVERIFY(QDir().mkpath(QFileInfo(session.filePath(path)).absolutePath()));
        QFile file(session.filePath(path));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nexit 0\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    ProcessDialog dialog(ProcessSpec{}, session.path());
    dialog.show();
    dialog.findChild<QLineEdit *>(u"programEdit"_s)->setText(program);
    dialog.findChild<QLineEdit *>(u"dirEdit"_s)->setText(directory);
    dialog.findChild<QPlainTextEdit *>(u"envEdit"_s)->setPlainText(QString(environment).replace(u"{dir}"_s, session.path()));
    const std::optional<ProcessSpec> spec = dialog.spec();
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, runs);
    QCOMPARE(spec.has_value(), runs);

    // The same entry, started for real: the dialog's own spec when it accepted one.
    ProcessSpec entry;
    entry.name = u"agree"_s;
    entry.program = program;
    entry.workingDirectory = directory;
    if (!environment.isEmpty())
        entry.environment = {EnvironmentChange{u"PATH"_s, session.path() + u"/bin"_s}};
    ManagedProcess process(1, spec ? *spec : entry);
    process.setBaseDirectory(session.path());
    QSignalSpy finished(&process, &ManagedProcess::finished);
    QVERIFY(process.start().ok);
    QVERIFY(finished.wait(10000));
    QVERIFY2((process.state() == ManagedProcess::State::Exited && process.exitCode() == 0) == runs,
             qPrintable(process.failureReason()));
    if (!runs)
        QVERIFY2(dialog.error().contains(process.failureReason()),
                 qPrintable(dialog.error() + u" / "_s + process.failureReason()));
}

// The details panel shows what a start executes and where: the program found in the entry's own
// PATH, and ProcDeck's current directory for an entry without a working directory (the child
// inherits it), not the session folder.
void tst_MainWindow::detailsPanelShowsResolvedLaunch()
{
    QTemporaryDir session;
    QVERIFY(session.isValid());
    QVERIFY(session.path() != QDir::currentPath());
    QVERIFY(QDir().mkpath(session.filePath(u"bin"_s)));
    QFile tool(session.filePath(u"bin/pd-only-here"_s));
    QVERIFY(tool.open(QIODevice::WriteOnly));
    tool.write("#!/bin/sh\nexit 0\n");
    tool.close();
    QVERIFY(tool.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    MainWindow window;
    window.manager()->setBaseDirectory(session.path());
    ProcessSpec spec;
    spec.name = u"tool"_s;
    spec.program = u"pd-only-here"_s;
    spec.args = {u"x"_s};
    spec.environment = {EnvironmentChange{u"PATH"_s, session.filePath(u"bin"_s)}};
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    QTRY_COMPARE(window.detailsPanel()->process(), process);
    const auto field = [&window](const QString &name) {
        const QList<QLabel *> labels = window.detailsPanel()->findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->accessibleName() == name)
                return label->text();
        }
        return QString();
    };
    QCOMPARE(field(u"Command:"_s), session.filePath(u"bin/pd-only-here"_s) + u" x"_s);
    QCOMPARE(field(u"Directory:"_s), QDir::toNativeSeparators(QDir::currentPath()));
}

// Until the window is told that this system can apply limits, every Add and Edit dialog shows the
// limit fields disabled, with the reason in their group; the reason given later replaces it.
void tst_MainWindow::limitsUnavailableByDefault()
{
    MainWindow window;
    addChild(window, u"a"_s, {u"sleep"_s, u"1"_s});
    action(window, "actionAdd")->trigger();
    QPointer<ProcessDialog> add = window.findChild<ProcessDialog *>();
    QVERIFY(add);
    for (const QString &name : limitFieldNames()) {
        QVERIFY2(spin(add, name), qPrintable(name));
        QVERIFY2(!spin(add, name)->isEnabled(), qPrintable(name));
        QCOMPARE(spin(add, name)->value(), 0);
        QCOMPARE(spin(add, name)->text(), u"No limit"_s);
    }
    const auto *reason = add->findChild<QLabel *>(u"limitsReasonLabel"_s);
    QVERIFY(reason);
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), u"Limits need a cgroup, which this system does not offer"_s);
    add->reject();
    QTRY_VERIFY(!add); // deleted on close

    // The probe's reason is a clause ("limits not applied: …" in the output); the dialog shows a sentence.
    const QString why = u"No cgroup: no systemd user session on the D-Bus session bus"_s;
    window.setLimitsAvailability(false, u"no cgroup: no systemd user session on the D-Bus session bus"_s);
    action(window, "actionEdit")->trigger();
    auto *edit = window.findChild<ProcessDialog *>();
    QVERIFY(edit);
    QCOMPARE(edit->findChild<QLabel *>(u"limitsReasonLabel"_s)->text(), why);
    QVERIFY(edit->findChild<QLabel *>(u"limitsReasonLabel"_s)->isVisible());
    QVERIFY(!spin(edit, u"cpuSpin"_s)->isEnabled());
    edit->reject();
}

// Limits loaded from a file are shown while the fields are disabled, and kept on OK: an Edit of
// another field saves them back unchanged, unknown keys inside `limits` too.
void tst_MainWindow::editKeepsLimitsWhileUnavailable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, u"limits.json"_s,
        "{\"procdeck\": 1, \"processes\": [{\"name\": \"api\", \"program\": \"" + TestSupport::childPath().toUtf8()
        + "\", \"limits\": {\"memoryMB\": 512, \"cpuPercent\": 50, \"restartAboveMemoryMB\": 400, \"ioWeight\": 7}}]}");
    MainWindow window;
    window.setLimitsAvailability(false, u"No cgroup here"_s);
    QVERIFY(window.openFile(path));
    ManagedProcess *process = window.manager()->at(0);
    const ProcessLimits loaded = process->spec().limits;
    QCOMPARE(loaded.memoryMB, 512);
    window.selectProcesses({process});
    action(window, "actionEdit")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    QCOMPARE(spin(dialog, u"memorySpin"_s)->value(), 512);
    QCOMPARE(spin(dialog, u"cpuSpin"_s)->value(), 50);
    QCOMPARE(spin(dialog, u"restartAboveSpin"_s)->value(), 400);
    QCOMPARE(spin(dialog, u"memorySpin"_s)->text(), u"512 MB"_s);
    QVERIFY(!spin(dialog, u"memorySpin"_s)->isEnabled());
    dialog->findChild<QLineEdit *>(u"argsEdit"_s)->setText(u"sleep 10"_s);
    dialog->accept();
    QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
    QCOMPARE(process->spec().args, (QStringList{u"sleep"_s, u"10"_s}));
    QCOMPARE(process->spec().limits, loaded);
    QVERIFY(window.document()->isModified());

    action(window, "actionSave")->trigger();
    QTRY_VERIFY(!window.document()->isModified());
    const SessionFile::LoadResult saved = SessionFile::load(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error));
    QCOMPARE(saved.session->processes.constFirst().limits, loaded);
    QCOMPARE(saved.session->processes.constFirst().args, process->spec().args);
}

// Where limits can be applied the fields are enabled, no reason is shown, and what is typed is
// the entry's limits (0, "No limit", clears one).
void tst_MainWindow::limitsEditableWhenAvailable()
{
    MainWindow window;
    window.setLimitsAvailability(true, QString());
    ManagedProcess *process = addChild(window, u"a"_s, {u"sleep"_s, u"1"_s});
    ProcessSpec spec = process->spec();
    spec.limits.cpuPercent = 80;
    process->setSpec(spec);
    action(window, "actionEdit")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    for (const QString &name : limitFieldNames())
        QVERIFY2(spin(dialog, name)->isEnabled(), qPrintable(name));
    QVERIFY(dialog->findChild<QLabel *>(u"limitsReasonLabel"_s)->isHidden());
    QCOMPARE(spin(dialog, u"cpuSpin"_s)->text(), u"80 %"_s);
    spin(dialog, u"memorySpin"_s)->setValue(1024);
    spin(dialog, u"restartAboveSpin"_s)->setValue(900);
    spin(dialog, u"cpuSpin"_s)->setValue(0);
    dialog->accept();
    QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
    QCOMPARE(process->spec().limits.memoryMB, 1024);
    QCOMPARE(process->spec().limits.restartAboveMemoryMB, 900);
    QCOMPARE(process->spec().limits.cpuPercent, 0);
    QVERIFY(window.document()->isModified());
    // The details panel follows the edit.
    QTRY_COMPARE(window.detailsPanel()->process(), process);
    QTRY_COMPARE(detailsField(window, u"Limits:"_s)->text().replace(QChar::Nbsp, u' '),
                 u"Memory maximum 1024 MB · restart above 900 MB"_s);
}

// The dialog refuses what the session file refuses: a restart threshold at or above the memory
// maximum (the kernel would kill first). Either alone is fine.
void tst_MainWindow::dialogRefusesRestartAboveMaximum()
{
    ProcessSpec spec;
    spec.name = u"api"_s;
    spec.program = TestSupport::childPath();
    ProcessDialog dialog(spec, QString());
    dialog.setLimitsAvailability(true, QString());
    dialog.show();
    spin(&dialog, u"memorySpin"_s)->setValue(512);
    spin(&dialog, u"restartAboveSpin"_s)->setValue(600);
    dialog.accept();
    QVERIFY2(dialog.isVisible(), "the dialog accepted a restart threshold above the memory maximum");
    QCOMPARE(dialog.error(), u"Restart when memory exceeds: 600 MB is not below the memory maximum of 512 MB."_s);
    QVERIFY(dialog.findChild<QLabel *>(u"errorLabel"_s)->isVisible());
    spin(&dialog, u"restartAboveSpin"_s)->setValue(512);
    dialog.accept();
    QVERIFY2(dialog.error().contains(u"512 MB is not below"_s), qPrintable(dialog.error()));
    spin(&dialog, u"memorySpin"_s)->setValue(0); // no maximum: any threshold
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.spec()->limits.restartAboveMemoryMB, 512);
    QCOMPARE(dialog.spec()->limits.memoryMB, 0);
}

// The Output choice shows the entry's TerminalMode, the default first, and gives back the one
// chosen.
void tst_MainWindow::terminalChoice()
{
    ProcessSpec spec;
    spec.name = u"t"_s;
    spec.program = TestSupport::childPath();
    spec.terminal = TerminalMode::Terminal;
    ProcessDialog dialog(spec, QString());
    auto *combo = dialog.findChild<QComboBox *>(u"terminalCombo"_s);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentIndex(), 1);
    QCOMPARE(combo->itemData(0).toInt(), int(TerminalMode::StdoutTerminal));
    combo->setCurrentIndex(combo->findData(int(TerminalMode::Pipes)));
    dialog.accept();
    QVERIFY2(dialog.error().isEmpty(), qPrintable(dialog.error()));
    QCOMPARE(dialog.spec()->terminal, TerminalMode::Pipes);
}

// The limit fields come after the other fields in Tab order, in the order shown, and each label's
// mnemonic reaches its field.
void tst_MainWindow::limitFieldsByKeyboard()
{
    ProcessSpec spec;
    spec.program = TestSupport::childPath();
    ProcessDialog dialog(spec, QString());
    dialog.setLimitsAvailability(true, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QStringList order = {u"autostartCheck"_s, u"terminalCombo"_s, u"memorySpin"_s, u"cpuSpin"_s,
                               u"restartAboveSpin"_s};
    dialog.findChild<QWidget *>(order.constFirst())->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), dialog.findChild<QWidget *>(order.constFirst()));
    for (qsizetype i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        // A spin box's line edit takes the focus for it.
        QVERIFY2(focus && (focus->objectName() == order.at(i) || focus->parentWidget()->objectName() == order.at(i)),
                 qPrintable(order.at(i)));
    }
    const std::pair<const char *, const char *> buddies[] = {
        {"memoryLabel", "memorySpin"}, {"cpuLabel", "cpuSpin"}, {"restartAboveLabel", "restartAboveSpin"}};
    QStringList mnemonics;
    for (const auto &[label, field] : buddies) {
        const auto *l = dialog.findChild<QLabel *>(QLatin1String(label));
        QCOMPARE(l->buddy(), dialog.findChild<QWidget *>(QLatin1String(field)));
        const qsizetype amp = l->text().indexOf(u'&');
        QVERIFY2(amp >= 0, label);
        mnemonics.append(l->text().mid(amp + 1, 1).toLower());
    }
    // No other label or button of the dialog uses these letters.
    for (const QLabel *other : dialog.findChildren<QLabel *>()) {
        if (other->buddy() && !limitFieldNames().contains(other->buddy()->objectName())) {
            const qsizetype amp = other->text().indexOf(u'&');
            QVERIFY2(amp < 0 || !mnemonics.contains(other->text().mid(amp + 1, 1).toLower()), qPrintable(other->text()));
        }
    }
}

// The details panel lists the limits that are set, and has no Limits row when none is.
void tst_MainWindow::detailsPanelShowsLimits()
{
    ProcessLimits limits;
    limits.memoryMB = 512;
    limits.cpuPercent = 50;
    limits.restartAboveMemoryMB = 400;
    const auto shown = [](const ProcessLimits &limits) {
        return DetailsPanel::limitsText(limits).replace(QChar::Nbsp, u' ');
    };
    QCOMPARE(shown(limits), u"Memory maximum 512 MB · CPU quota 50 % · restart above 400 MB"_s);
    // Wrapped, if at all, between two limits.
    QCOMPARE(DetailsPanel::limitsText(limits).count(u' '), 4);
    ProcessLimits restartOnly;
    restartOnly.restartAboveMemoryMB = 300;
    QCOMPARE(shown(restartOnly), u"Restart above 300 MB"_s);
    QCOMPARE(DetailsPanel::limitsText(ProcessLimits()), QString());

    MainWindow window;
    ManagedProcess *plain = addChild(window, u"plain"_s, {u"sleep"_s, u"1"_s});
    ProcessSpec spec = plain->spec();
    spec.name = u"limited"_s;
    spec.limits = limits;
    ManagedProcess *limited = window.manager()->add(spec);
    const auto row = [&window] { return detailsField(window, u"Limits:"_s); };
    QVERIFY(row());
    window.selectProcesses({limited});
    QTRY_COMPARE(window.detailsPanel()->process(), limited);
    QCOMPARE(row()->text(), DetailsPanel::limitsText(limits));
    QVERIFY(!row()->isHidden());
    window.selectProcesses({plain});
    QTRY_COMPARE(window.detailsPanel()->process(), plain);
    QVERIFY(row()->text().isEmpty());
    QVERIFY(row()->isHidden());
}

// A start that waits for its dependencies (StackRunner): the State cell says for what, the details
// panel lists each dependency and whether it is met. With PD_SCREENSHOT_DIR set, the window is
// saved there as stack-waiting.png.
void tst_MainWindow::stackWaitShownInTableAndDetails()
{
    MainWindow window;
    window.resize(1200, 700);
    window.show();
    ManagedProcess *db = addChild(window, u"db"_s, {u"sleep"_s, u"30000"_s});
    ProcessSpec dbSpec = db->spec();
    dbSpec.readiness.kind = ProbeSpec::Kind::LogLine; // reported by this test, not checked
    dbSpec.readiness.target = u"never printed"_s;
    db->setSpec(dbSpec);
    ManagedProcess *api = addChild(window, u"api"_s, {u"sleep"_s, u"30000"_s});
    ProcessSpec apiSpec = api->spec();
    apiSpec.dependsOn = {{u"db"_s, DependencyCondition::Ready}};
    api->setSpec(apiSpec);
    window.selectProcesses({api});
    action(window, "actionStart")->trigger(); // Start on api starts db first
    QTRY_COMPARE(db->state(), ManagedProcess::State::Running);
    QCOMPARE(api->state(), ManagedProcess::State::WaitingForDependencies);
    QTRY_COMPARE(window.detailsPanel()->process(), api);
    QLabel *depends = detailsField(window, u"Depends on:"_s);
    QVERIFY(depends);
    QTRY_COMPARE(depends->text(), u"waiting for db (ready)\ndb (ready): not yet"_s);
    QVERIFY(!depends->isHidden());
    const QAbstractItemModel *model = window.findChild<QTableView *>()->model();
    QModelIndex stateCell;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, ProcessTableModel::Name);
        if (name.data().toString() == u"api"_s)
            stateCell = name.siblingAtColumn(ProcessTableModel::State);
    }
    QTRY_COMPARE(stateCell.data().toString(), u"Waiting for db (ready)"_s);
    QVERIFY(stateCell.data(Qt::ToolTipRole).toString().contains(u"db (ready): not yet"_s));
    QVERIFY(action(window, "actionTerminate")->isEnabled()); // Stop cancels the wait
    if (const QString dir = qEnvironmentVariable("PD_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(dir + u"/stack-waiting.png"_s));

    db->setReadiness(ManagedProcess::Readiness::Ready);
    QTRY_COMPARE(api->state(), ManagedProcess::State::Running);
    QTRY_COMPARE(depends->text(), u"db (ready): met"_s);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

// The window as a user meets it (issue 11): focus and the keyboard, the whole-session verbs,
// quitting, the columns, the words, the empty states, and editing a running entry. Drives the
// real MainWindow by object names, as tst_mainwindow does.
#include "detailspanel.h"
#include "mainwindow.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "processdialog.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "processtableview.h"
#include "sessiondocument.h"
#include "settings.h"
#include "testsupport.h"
#include "windowtestsupport.h"
#include "userprompt.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using WindowTestSupport::action;
using WindowTestSupport::addChild;

class tst_Window : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void focusStartsInTheTable();
    void selectAllThenStartStartsEveryEntry();
    void tabWalksTheWindowsParts();
    void arrowsAndDownFromTheFilter();
    void sessionVerbsInToolbarAndMenu();
    void startAllStopAllClearFinished();
    void pauseResumeAndSignalFromTheRowMenu();
    void tooltipsShowShortcuts();
    void quitHoldsTheWindow();
    void quitKillNow();
    void columnsFitTheWindow_data();
    void columnsFitTheWindow();
    void detailsDockIsAShareOfTheWindow();
    void headerMenuHidesColumnsRemembered();
    void olderColumnStateRestoresWithNewColumns();
    void readyColumnShowsChecks();
    void failedStartReasonReadable();
    void lastExitShownWhileRestarting();
    void statusSeparatorIsUtf8();
    void confirmationsNameTheVerb();
    void newSessionTerminatesWithGrace();
    void statusMessagesDoNotGoStale();
    void countsAgreeWithRows();
    void emptyStates();
    void editingARunningEntry();

private:
    static ProcessTableView *table(MainWindow &window)
    {
        return window.findChild<ProcessTableView *>(u"processTable"_s);
    }
    static QLineEdit *filter(MainWindow &window)
    {
        return window.findChild<QLineEdit *>(u"filterEdit"_s);
    }
    static bool showAndActivate(MainWindow &window)
    {
        window.show();
        QApplication::setActiveWindow(&window);
        return QTest::qWaitForWindowActive(&window);
    }
    // Ends every entry and closes the window without questions (the session is left unsaved).
    static void closeQuietly(MainWindow &window)
    {
        for (ManagedProcess *process : window.manager()->processes()) {
            if (process->isAlive())
                process->kill();
        }
        QTRY_COMPARE(window.manager()->aliveCount(), 0);
        window.document()->setModified(false);
        window.close();
    }

    QTemporaryDir m_config;
    QTranslator m_plurals;
};

void tst_Window::initTestCase()
{
    QVERIFY(m_config.isValid());
    QVERIFY(WindowTestSupport::useOwnHome(m_config, m_plurals));
}

void tst_Window::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_Window::focusStartsInTheTable()
{
    MainWindow window;
    QVERIFY(showAndActivate(window));
    QCOMPARE(QApplication::focusWidget(), table(window));
    QVERIFY(!table(window)->tabKeyNavigation());
}

// The README's first instruction: Ctrl+A, F5 starts every entry, not just one.
void tst_Window::selectAllThenStartStartsEveryEntry()
{
    MainWindow window;
    QList<ManagedProcess *> entries;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s})
        entries.append(addChild(window, name, {u"sleep"_s, u"30000"_s}));
    window.selectProcesses({});
    QVERIFY(showAndActivate(window));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    for (ManagedProcess *process : std::as_const(entries))
        QTRY_VERIFY(process->state() == ManagedProcess::State::Running);
    closeQuietly(window);
}

void tst_Window::tabWalksTheWindowsParts()
{
    MainWindow window;
    addChild(window, u"a"_s, {u"exit"_s, u"0"_s});
    addChild(window, u"b"_s, {u"exit"_s, u"0"_s});
    window.selectProcesses({window.manager()->at(0)});
    QVERIFY(showAndActivate(window));
    QWidget *const parts[] = {table(window), window.outputPane()->view(), window.outputPane()->inputEdit(),
                              filter(window)};
    QCOMPARE(QApplication::focusWidget(), parts[0]);
    for (int i = 1; i <= 4; ++i) { // and round to the table again
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), parts[i % 4]);
    }
    // Tab in the table never changed the selection.
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{window.manager()->at(0)});
    for (int i = 3; i >= 0; --i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), parts[i]);
    }
}

void tst_Window::arrowsAndDownFromTheFilter()
{
    MainWindow window;
    ManagedProcess *a = addChild(window, u"a"_s, {u"exit"_s, u"0"_s});
    ManagedProcess *b = addChild(window, u"b"_s, {u"exit"_s, u"0"_s});
    window.selectProcesses({});
    QVERIFY(showAndActivate(window));
    action(window, "actionFilter")->trigger();
    QCOMPARE(QApplication::focusWidget(), filter(window));
    QTest::keyClick(filter(window), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), table(window));
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{a});
    QTest::keyClick(table(window), Qt::Key_Down);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{b});
    QTest::keyClick(table(window), Qt::Key_Up);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{a});
}

void tst_Window::sessionVerbsInToolbarAndMenu()
{
    MainWindow window;
    auto *toolbar = window.findChild<QToolBar *>(u"mainToolBar"_s);
    auto *menu = window.findChild<QMenu *>(u"menuProcess"_s);
    QVERIFY(toolbar && menu);
    const std::pair<const char *, QKeySequence> verbs[] = {
        {"actionStartAll", QKeySequence(u"Ctrl+F5"_s)},
        {"actionStopAll", QKeySequence(u"Ctrl+F6"_s)},
        {"actionClearFinished", QKeySequence(u"Ctrl+Shift+Del"_s)},
    };
    for (const auto &[name, shortcut] : verbs) {
        QAction *a = action(window, name);
        QVERIFY2(a, name);
        QCOMPARE(a->shortcut(), shortcut);
        QVERIFY2(toolbar->actions().contains(a), name);
        QVERIFY2(menu->actions().contains(a), name);
    }
}

void tst_Window::startAllStopAllClearFinished()
{
    MainWindow window;
    ManagedProcess *quick = addChild(window, u"quick"_s, {u"exit"_s, u"0"_s});
    ManagedProcess *slow1 = addChild(window, u"slow1"_s, {u"sleep"_s, u"30000"_s});
    ManagedProcess *slow2 = addChild(window, u"slow2"_s, {u"sleep"_s, u"30000"_s});
    window.selectProcesses({});
    QVERIFY(action(window, "actionStartAll")->isEnabled());
    QVERIFY(!action(window, "actionStopAll")->isEnabled());
    QVERIFY(!action(window, "actionClearFinished")->isEnabled());
    action(window, "actionStartAll")->trigger(); // whatever the selection
    QVERIFY(window.statusBar()->currentMessage().contains(u"Starting 3 entries"_s));
    QTRY_VERIFY(quick->state() == ManagedProcess::State::Exited);
    QTRY_VERIFY(slow1->state() == ManagedProcess::State::Running && slow2->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(action(window, "actionStopAll")->isEnabled());

    action(window, "actionStopAll")->trigger();
    QTRY_VERIFY(slow1->state() == ManagedProcess::State::Killed && slow2->state() == ManagedProcess::State::Killed);
    QCOMPARE(slow1->exitCode(), -15); // terminated: the stop signal, not SIGKILL
    QTRY_VERIFY(action(window, "actionClearFinished")->isEnabled());

    ManagedProcess *fresh = addChild(window, u"fresh"_s, {u"exit"_s, u"0"_s}); // never ran: stays
    action(window, "actionClearFinished")->trigger();
    QCOMPARE(window.manager()->processes(), QList<ManagedProcess *>{fresh});
}

void tst_Window::pauseResumeAndSignalFromTheRowMenu()
{
    MainWindow window;
    const QList<QAction *> rowMenu = table(window)->actions();
    QVERIFY(rowMenu.contains(action(window, "actionPause")));
    QVERIFY(rowMenu.contains(action(window, "actionResume")));
    auto *signalMenu = window.findChild<QMenu *>(u"menuSignal"_s);
    QVERIFY(signalMenu);
    QVERIFY(rowMenu.contains(signalMenu->menuAction()));
    QCOMPARE(table(window)->contextMenuPolicy(), Qt::ActionsContextMenu);
}

void tst_Window::tooltipsShowShortcuts()
{
    MainWindow window;
    for (const char *name : {"actionStart", "actionTerminate", "actionStartAll", "actionStopAll",
                             "actionClearFinished", "actionPause", "actionAdd"}) {
        QAction *a = action(window, name);
        QVERIFY2(a->toolTip().endsWith(u'(' + a->shortcut().toString(QKeySequence::NativeText) + u')'),
                 qPrintable(a->toolTip()));
    }
}

// While "Stopping N entries before quitting…" runs, nothing new starts and no session opens.
void tst_Window::quitHoldsTheWindow()
{
    MainWindow window;
    window.show();
    ManagedProcess *stubborn = addChild(window, u"stubborn"_s, {u"ignore-term"_s, u"30000"_s}, 30000);
    ManagedProcess *idle = addChild(window, u"idle"_s, {u"exit"_s, u"0"_s});
    window.selectProcesses({stubborn});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(stubborn->output()->endLineNumber() > 1); // "ready": SIGTERM is ignored now

    window.prompt()->setNextAnswer(QMessageBox::Discard); // unsaved session
    window.prompt()->setNextAnswer(QMessageBox::Yes);     // Terminate and Quit
    QVERIFY(!window.close());
    QTRY_VERIFY(stubborn->state() == ManagedProcess::State::Stopping);
    QVERIFY(window.statusBar()->currentMessage().startsWith(u"Stopping 1 entry before quitting"_s));
    window.selectProcesses({idle, stubborn});
    for (const char *name : {"actionStart", "actionRestart", "actionAdd", "actionOpen", "actionStartAll",
                             "actionNew", "actionDuplicate"})
        QVERIFY2(!action(window, name)->isEnabled(), name);
    action(window, "actionStart")->trigger();
    QCOMPARE(idle->state(), ManagedProcess::State::NotStarted);

    auto *killNow = window.findChild<QPushButton *>(u"killNowButton"_s);
    QVERIFY(killNow && killNow->isVisible());
    killNow->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    QCOMPARE(stubborn->exitCode(), -9);
}

void tst_Window::quitKillNow()
{
    MainWindow window;
    window.show();
    ManagedProcess *stubborn = addChild(window, u"stubborn"_s, {u"ignore-term"_s, u"30000"_s}, 30000);
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(stubborn->output()->endLineNumber() > 1);
    window.prompt()->setNextAnswer(QMessageBox::Discard);
    window.prompt()->setNextAnswer(QMessageBox::Abort); // Kill Now and Quit
    QVERIFY(!window.close());
    const UserPrompt::ButtonTexts buttons = window.prompt()->lastButtonTexts();
    QCOMPARE(buttons.value(QMessageBox::Yes), u"Terminate and Quit"_s);
    QCOMPARE(buttons.value(QMessageBox::Abort), u"Kill Now and Quit"_s);
    QCOMPARE(window.prompt()->lastText(), u"1 entry is still running."_s);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 5000); // no grace period of 30 s
    QCOMPARE(stubborn->exitCode(), -9);
}

// Every column shows at the default size and at 1024×700, the last one stretching to the edge:
// no horizontal scrollbar.
void tst_Window::columnsFitTheWindow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("default") << QSize();
    QTest::newRow("1024x700") << QSize(1024, 700);
}

void tst_Window::columnsFitTheWindow()
{
    QFETCH(QSize, size);
    {
        Settings settings; // the layout of a first start, not the one an earlier test left
        settings.remove(Settings::Keys::WindowGeometry);
        settings.remove(Settings::Keys::WindowState);
        settings.remove(Settings::Keys::WindowTableColumns);
    }
    MainWindow window;
    if (size.isValid())
        window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    addChild(window, u"worker-1"_s, {u"exit"_s, u"0"_s});
    QHeaderView *header = table(window)->horizontalHeader();
    QVERIFY(header->stretchLastSection());
    QTRY_VERIFY(!table(window)->horizontalScrollBar()->isVisible());
    for (int column = 0; column < ProcessTableModel::ColumnCount; ++column) {
        QVERIFY(!header->isSectionHidden(column));
        const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
        QVERIFY2(right <= table(window)->viewport()->width(), qPrintable(QString::number(column)));
        const QString title = header->model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(column) > header->fontMetrics().horizontalAdvance(title), qPrintable(title));
    }
    const int last = header->logicalIndex(header->count() - 1); // stretches to the edge
    QCOMPARE(header->sectionViewportPosition(last) + header->sectionSize(last), table(window)->viewport()->width());
    // A typical state and exit code are not cut.
    const QFontMetrics metrics(table(window)->font());
    QVERIFY(header->sectionSize(ProcessTableModel::State) > metrics.horizontalAdvance(u"Terminated"_s));
    QVERIFY(header->sectionSize(ProcessTableModel::Exit) > metrics.horizontalAdvance(u"-15 (SIGTERM)"_s));
    closeQuietly(window);
}

// At the first start the details dock takes a share of the window (at least 230 px, what leaves
// the table its columns at 1024 px) and follows it while the window grows, so that the Processes
// tree's columns show in a wide window; once its width is set by hand, a resize keeps it.
void tst_Window::detailsDockIsAShareOfTheWindow()
{
    {
        Settings settings;
        settings.remove(Settings::Keys::WindowGeometry);
        settings.remove(Settings::Keys::WindowState);
    }
    MainWindow window;
    auto *dock = window.findChild<QDockWidget *>(u"detailsDock"_s);
    QVERIFY(dock);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(dock->width(), 230);
    window.resize(1440, 900);
    QTRY_COMPARE(dock->width(), 1440 * 2 / 9);
    auto *tree = dock->findChild<QTreeWidget *>();
    QVERIFY(tree);
    const QString command = tree->headerItem()->text(1);
    QTRY_VERIFY(tree->header()->sectionSize(1) > tree->header()->fontMetrics().horizontalAdvance(command) + 8);

    window.resizeDocks({dock}, {400}, Qt::Horizontal); // as a drag of its separator does
    QTRY_COMPARE(dock->width(), 400);
    window.resize(1300, 900);
    QTRY_COMPARE(window.width(), 1300);
    QCoreApplication::processEvents();
    QCOMPARE(dock->width(), 400);
    window.close();
}

void tst_Window::headerMenuHidesColumnsRemembered()
{
    {
        MainWindow window;
        const QList<QAction *> columns = table(window)->horizontalHeader()->actions();
        QCOMPARE(columns.size(), int(ProcessTableModel::ColumnCount));
        QCOMPARE(table(window)->horizontalHeader()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(!columns.at(ProcessTableModel::Name)->isEnabled()); // a row keeps its name
        QAction *started = columns.at(ProcessTableModel::Started);
        QCOMPARE(started->text(), u"Started"_s);
        QVERIFY(started->isChecked());
        started->trigger();
        QVERIFY(table(window)->horizontalHeader()->isSectionHidden(ProcessTableModel::Started));
    }
    MainWindow again; // remembered at once, not only when the window closes
    QVERIFY(again.findChild<ProcessTableView *>(u"processTable"_s)->horizontalHeader()->isSectionHidden(
        ProcessTableModel::Started));
    QAction *started = table(again)->horizontalHeader()->actions().at(ProcessTableModel::Started);
    QVERIFY(!started->isChecked());
    started->trigger();
    QVERIFY(!table(again)->horizontalHeader()->isSectionHidden(ProcessTableModel::Started));
}

// The columns as an earlier version saved them (eleven, before Ready) still restore: the hidden
// one stays hidden, and the new column shows.
void tst_Window::olderColumnStateRestoresWithNewColumns()
{
    {
        QStandardItemModel older(0, ProcessTableModel::Ready);
        QHeaderView header(Qt::Horizontal);
        header.setModel(&older);
        header.setSectionHidden(ProcessTableModel::Started, true);
        header.resizeSection(ProcessTableModel::Name, 151);
        Settings().setValue(Settings::Keys::WindowTableColumns, header.saveState());
    }
    MainWindow window;
    QHeaderView *header = table(window)->horizontalHeader();
    QCOMPARE(header->count(), int(ProcessTableModel::ColumnCount));
    QVERIFY(header->isSectionHidden(ProcessTableModel::Started));
    QCOMPARE(header->sectionSize(ProcessTableModel::Name), 151);
    QVERIFY(!header->isSectionHidden(ProcessTableModel::Ready));
    QVERIFY(header->sectionSize(ProcessTableModel::Ready) > 0);
    QVERIFY(table(window)->columnActions().at(ProcessTableModel::Ready)->isChecked());
    QVERIFY(!table(window)->columnActions().at(ProcessTableModel::Started)->isChecked());
    Settings().remove(Settings::Keys::WindowTableColumns);
}

// The Ready column through the window's view: a passing check, a failing one, none. With
// PD_SCREENSHOT set, the window is saved there (for a look at the column).
void tst_Window::readyColumnShowsChecks()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto addChecked = [&](const QString &name, const QString &command) {
        ProcessSpec spec;
        spec.name = name;
        spec.program = TestSupport::childPath();
        spec.args = {u"sleep"_s, u"60000"_s};
        spec.stopTimeoutMs = 1000;
        if (!command.isEmpty()) {
            spec.readiness.kind = ProbeSpec::Kind::Command;
            spec.readiness.target = command;
            spec.readiness.periodMs = command == u"exit 1"_s ? 50 : 600000;
            spec.readiness.failureThreshold = command == u"exit 1"_s ? 2 : 5;
        }
        ManagedProcess *process = window.manager()->add(spec);
        QVERIFY(process->start().ok);
    };
    addChecked(u"api"_s, u"exit 0"_s);
    addChecked(u"database"_s, u"exit 1"_s);
    addChecked(u"cache"_s, u"exit 2"_s);
    addChecked(u"worker"_s, QString());
    QAbstractItemModel *model = table(window)->model();
    const auto ready = [&](int row) { return model->index(row, ProcessTableModel::Ready).data().toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(ready(0), u"ready"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ready(1), u"failed"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ready(2), u"waiting (1 of 5)"_s, 20000);
    QCOMPARE(ready(3), u"\u2014"_s);
    QVERIFY(!table(window)->horizontalHeader()->isSectionHidden(ProcessTableModel::Ready));
    if (const QString path = qEnvironmentVariable("PD_SCREENSHOT"); !path.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(window.grab().save(path));
    }
    window.manager()->terminateAll();
    QTRY_COMPARE_WITH_TIMEOUT(window.manager()->aliveCount(), 0, 10000);
    closeQuietly(window);
}

void tst_Window::failedStartReasonReadable()
{
    MainWindow window;
    ProcessSpec spec;
    spec.name = u"missing"_s;
    spec.program = u"/nonexistent/program-of-a-long-name"_s;
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(process->state() == ManagedProcess::State::FailedToStart);
    const QModelIndex state = table(window)->model()->index(0, ProcessTableModel::State);
    const QString toolTip = state.data(Qt::ToolTipRole).toString();
    QVERIFY2(toolTip.startsWith(u"Failed to start: "_s), qPrintable(toolTip));
    QVERIFY(toolTip.contains(process->failureReason()));
    QLabel *exit = nullptr;
    for (QLabel *label : window.detailsPanel()->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Last exit:")
            exit = label;
    }
    QVERIFY(exit);
    QVERIFY(exit->wordWrap());
    QVERIFY(exit->text().contains(process->failureReason()));
}

// The details' "Last exit" keeps the ended run's code while the entry waits for its restart and
// while the next run is alive, with the run it belongs to.
void tst_Window::lastExitShownWhileRestarting()
{
    MainWindow window;
    ManagedProcess::RestartTiming timing;
    timing.firstDelayMs = 60000;
    window.manager()->setRestartTiming(timing);
    ManagedProcess *crashing = addChild(window, u"crashing"_s, {u"exit"_s, u"3"_s});
    ProcessSpec spec = crashing->spec();
    spec.restart = RestartPolicy::Always;
    QVERIFY(window.manager()->setEntrySpec(crashing, spec).ok);
    ManagedProcess *server = addChild(window, u"server"_s, {u"sleep"_s, u"30000"_s});
    QLabel *exit = nullptr;
    for (QLabel *label : window.detailsPanel()->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Last exit:")
            exit = label;
    }
    QVERIFY(exit);

    window.selectProcesses({crashing});
    QVERIFY(crashing->start().ok);
    QTRY_COMPARE(crashing->state(), ManagedProcess::State::Waiting);
    QTRY_COMPARE(exit->text(), u"3, run 1"_s);

    window.selectProcesses({server});
    QVERIFY(server->start().ok);
    QTRY_COMPARE(server->state(), ManagedProcess::State::Running);
    QCOMPARE(exit->text(), u"\u2014"_s); // nothing has ended yet
    QVERIFY(server->restart().ok);
    QTRY_VERIFY(server->runCount() == 2 && server->state() == ManagedProcess::State::Running);
    QTRY_COMPARE(exit->text(), u"-15 (SIGTERM), run 1"_s);
    QVERIFY(crashing->terminate().ok);
    QVERIFY(server->kill().ok);
    QTRY_VERIFY(!server->isAlive());

    // Nothing selected: no field keeps the last entry's value.
    window.selectProcesses({});
    QTRY_COMPARE(exit->text(), QString());
    for (QLabel *label : window.detailsPanel()->findChildren<QLabel *>()) {
        if (label->accessibleName().endsWith(u':'))
            QVERIFY2(label->text().isEmpty(), qPrintable(label->accessibleName() + u' ' + label->text()));
    }
}

// "·" in every message that lists several items, never "Â·" (a Latin-1 string from UTF-8 source).
void tst_Window::statusSeparatorIsUtf8()
{
    MainWindow window;
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    ManagedProcess *b = addChild(window, u"b"_s, {u"sleep"_s, u"30000"_s});
    window.selectProcesses({a, b});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running && b->state() == ManagedProcess::State::Running);
    action(window, "actionStart")->setEnabled(true); // as if both were selected before they ran
    action(window, "actionStart")->trigger();
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(u" \u00b7 "_s), qPrintable(message));
    QVERIFY2(!message.contains(u'\u00c2'), qPrintable(message));
    closeQuietly(window);
}

void tst_Window::confirmationsNameTheVerb()
{
    MainWindow window;
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running);
    window.prompt()->setNextAnswer(QMessageBox::Cancel);
    action(window, "actionRemove")->trigger();
    QCOMPARE(window.prompt()->lastText(), u"1 of the selected entries is still running."_s);
    QCOMPARE(window.prompt()->lastButtonTexts().value(QMessageBox::Yes), u"Terminate and Remove"_s);
    window.prompt()->setNextAnswer(QMessageBox::Discard);
    window.prompt()->setNextAnswer(QMessageBox::Cancel);
    action(window, "actionNew")->trigger();
    QCOMPARE(window.prompt()->lastButtonTexts().value(QMessageBox::Yes), u"Terminate and Start New Session"_s);
    QCOMPARE(window.manager()->count(), 1);
    closeQuietly(window);
}

// New Session with running entries terminates them (stop signal, grace period), not a kill.
void tst_Window::newSessionTerminatesWithGrace()
{
    MainWindow window;
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running);
    int exitCode = 0;
    connect(a, &ManagedProcess::finished, this, [a, &exitCode] { exitCode = a->exitCode(); });
    window.prompt()->setNextAnswer(QMessageBox::Discard);
    window.prompt()->setNextAnswer(QMessageBox::Yes);
    action(window, "actionNew")->trigger();
    QTRY_COMPARE(window.manager()->count(), 0);
    QCOMPARE(exitCode, -15);
    QVERIFY(action(window, "actionAdd")->isEnabled()); // the hold is over
}

// A message about an entry that is gone is cleared; starting entries says so.
void tst_Window::statusMessagesDoNotGoStale()
{
    MainWindow window;
    action(window, "actionAdd")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"web"_s);
    dialog->findChild<QLineEdit *>(u"programEdit"_s)->setText(TestSupport::childPath());
    dialog->findChild<QLineEdit *>(u"argsEdit"_s)->setText(u"exit 0"_s);
    dialog->accept();
    QCOMPARE(window.statusBar()->currentMessage(), u"Added web"_s);
    action(window, "actionStart")->trigger();
    QCOMPARE(window.statusBar()->currentMessage(), u"Starting web"_s);
    ManagedProcess *web = window.manager()->at(0);
    QTRY_VERIFY(web->state() == ManagedProcess::State::Exited);
    action(window, "actionRemove")->trigger();
    QTRY_COMPARE(window.manager()->count(), 0);
    QCOMPARE(window.statusBar()->currentMessage(), QString());
}

// "failed" in the counts is what the rows call failed; a graceful Terminate is no failure.
void tst_Window::countsAgreeWithRows()
{
    MainWindow window;
    ManagedProcess *bad = addChild(window, u"bad"_s, {u"exit"_s, u"3"_s});
    ManagedProcess *good = addChild(window, u"good"_s, {u"exit"_s, u"0"_s});
    ManagedProcess *stopped = addChild(window, u"stopped"_s, {u"sleep"_s, u"30000"_s});
    window.selectProcesses({bad, good, stopped});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(stopped->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(bad->isFinished() && good->isFinished());
    window.selectProcesses({stopped});
    action(window, "actionTerminate")->trigger();
    QTRY_VERIFY(stopped->isFinished());
    QAbstractItemModel *model = table(window)->model();
    QCOMPARE(model->index(0, ProcessTableModel::State).data().toString(), u"Failed"_s);
    QCOMPARE(model->index(1, ProcessTableModel::State).data().toString(), u"Exited"_s);
    QCOMPARE(model->index(2, ProcessTableModel::State).data().toString(), u"Terminated"_s);
    auto *counts = window.findChild<QLabel *>(u"countsLabel"_s);
    QTRY_COMPARE(counts->text(), u"0 running \u00b7 0 paused \u00b7 2 ended \u00b7 1 failed"_s);
}

void tst_Window::emptyStates()
{
    MainWindow window;
    QCOMPARE(table(window)->emptyText(), u"No commands yet — Add… (Ctrl+N) or Open… (Ctrl+O)"_s);
    QVERIFY(window.outputPane()->view()->placeholderText().startsWith(u"No entries yet"_s));
    addChild(window, u"web"_s, {u"exit"_s, u"0"_s});
    QCOMPARE(table(window)->emptyText(), QString());
    window.selectProcesses({});
    QVERIFY(window.outputPane()->view()->placeholderText().startsWith(u"Select an entry"_s));
    QTest::keyClicks(filter(window), u"zzz"_s);
    QCOMPARE(table(window)->model()->rowCount(), 0);
    QVERIFY(table(window)->emptyText().startsWith(u"No entry matches “zzz”"_s));
    filter(window)->clear();
    QCOMPARE(table(window)->emptyText(), QString());
}

// An edit while it runs applies at the next start; until then the details show what runs.
void tst_Window::editingARunningEntry()
{
    MainWindow window;
    ManagedProcess *a = addChild(window, u"a"_s, {u"sleep"_s, u"30000"_s});
    action(window, "actionStart")->trigger();
    QTRY_VERIFY(a->state() == ManagedProcess::State::Running);
    action(window, "actionEdit")->trigger();
    auto *dialog = window.findChild<ProcessDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(u"changes apply at its next start"_s));
    dialog->findChild<QLineEdit *>(u"argsEdit"_s)->setText(u"sleep 20000"_s);
    dialog->accept();
    QVERIFY(window.statusBar()->currentMessage().contains(u"apply at its next start"_s));
    QLabel *command = nullptr;
    QLabel *pending = nullptr;
    for (QLabel *label : window.detailsPanel()->findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Command:")
            command = label;
        if (label->accessibleName() == u"Pending:")
            pending = label;
    }
    QVERIFY(command && pending);
    QVERIFY2(command->text().endsWith(u"sleep 30000"_s), qPrintable(command->text()));
    QVERIFY(pending->text().contains(u"next start"_s));
    action(window, "actionRestart")->trigger();
    QTRY_VERIFY(a->runSpec() == a->spec() && a->state() == ManagedProcess::State::Running);
    QTRY_VERIFY(command->text().endsWith(u"sleep 20000"_s));
    QVERIFY(pending->text().isEmpty());
    closeQuietly(window);
}

QTEST_MAIN(tst_Window)
#include "tst_window.moc"

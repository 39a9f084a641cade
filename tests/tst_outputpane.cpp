#include "managedprocess.h"
#include "outputlog.h"
#include "outputpane.h"
#include "outputview.h"
#include "processmanager.h"
#include "testsupport.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

ProcessSpec childSpec(const QString &name, const QStringList &args)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    return spec;
}

ProcessSpec idleSpec(const QString &name)
{
    return childSpec(name, {u"exit"_s, u"0"_s});
}

void appendOut(ManagedProcess *process, const QByteArray &bytes)
{
    process->output()->appendData(OutputStream::Stdout, bytes);
}

void appendErr(ManagedProcess *process, const QByteArray &bytes)
{
    process->output()->appendData(OutputStream::Stderr, bytes);
}

} // namespace

class tst_OutputPane final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void actionsAreNamed();
    void selectedView();
    void severalSelected();
    void allView();
    void viewFollowsManager();
    void streamStyles();
    void plainTextOnly();
    void followAndScroll();
    void scrollKeepsPlaceWhenLinesDrop();
    void find_data();
    void find();
    void findNextPrevious();
    void filter();
    void filterSeesLineCompletedLater();
    void timestampsAndWrap();
    void selectAndCopy();
    void mouseSelection();
    void longWrappedLine();
    void save_data();
    void save();
    void clearOutput();
    void accessibleText();
    void selectionStartFilteredOut();
    void inputReachesChild();
    void inputToFinishedEntry();
    void terminalEntry();
    void floodKeepsWindowAnswering_data();
    void floodKeepsWindowAnswering();
    void screenshot();

private:
    std::unique_ptr<ProcessManager> m_manager;
    std::unique_ptr<OutputPane> m_pane;
};

void tst_OutputPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installProcessWarningGuard();
}

void tst_OutputPane::init()
{
    m_manager = std::make_unique<ProcessManager>();
    m_pane = std::make_unique<OutputPane>(m_manager.get());
    m_pane->resize(700, 400);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_OutputPane::cleanup()
{
    m_pane.reset();
    m_manager.reset();
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_OutputPane::actionsAreNamed()
{
    for (const QString &name : {u"actionFind"_s, u"actionClearOutput"_s, u"actionSaveOutput"_s,
                                u"actionToggleTimestamps"_s, u"actionToggleWrap"_s, u"actionShowAll"_s}) {
        auto *action = m_pane->findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY(!action->text().isEmpty());
        QVERIFY(!action->toolTip().isEmpty());
        QVERIFY2(m_pane->actions().contains(action), qPrintable(name));
    }
    QCOMPARE(m_pane->view()->accessibleName(), u"Output"_s);
}

void tst_OutputPane::selectedView()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"alpha"_s));
    ManagedProcess *b = m_manager->add(idleSpec(u"beta"_s));
    appendOut(a, "a1\n");
    appendOut(b, "b1\n");
    appendOut(a, "a2\n");
    m_pane->setSelectedProcesses({a});
    QCOMPARE(m_pane->visibleText(), u"a1\na2"_s);
    m_pane->setSelectedProcesses({b});
    QCOMPARE(m_pane->visibleText(), u"b1"_s);
    // New output of the selected entry arrives in a batch.
    appendOut(b, "b2\n");
    QTRY_COMPARE(m_pane->view()->rowCount(), 2);
    QCOMPARE(m_pane->visibleText(), u"b1\nb2"_s);
    m_pane->setSelectedProcesses({});
    QCOMPARE(m_pane->visibleText(), QString());
}

void tst_OutputPane::severalSelected()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"alpha"_s));
    ManagedProcess *b = m_manager->add(idleSpec(u"b"_s));
    ManagedProcess *c = m_manager->add(idleSpec(u"gamma"_s));
    appendOut(a, "a1\n");
    appendOut(c, "c1\n");
    appendErr(b, "b1\n");
    appendOut(a, "a2\n");
    m_pane->setSelectedProcesses({b, a});
    QCOMPARE(m_pane->visibleText(), u"alpha | a1\nb     | b1\nalpha | a2"_s);
}

void tst_OutputPane::allView()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"web"_s));
    ManagedProcess *b = m_manager->add(idleSpec(u"worker"_s));
    appendOut(a, "one\n");
    appendErr(b, "two\n");
    a->output()->appendMessage(u"three"_s);
    appendOut(b, "four\n");
    m_pane->setSelectedProcesses({a});
    QCOMPARE(m_pane->visibleText(), u"one\nthree"_s);

    auto *showAll = m_pane->findChild<QAction *>(u"actionShowAll"_s);
    showAll->trigger();
    QVERIFY(m_pane->showsAll());
    QCOMPARE(m_pane->visibleText(), u"web    | one\nworker | two\nweb    | three\nworker | four"_s);
    QCOMPARE(m_pane->view()->rowProcess(1), b);
    QCOMPARE(m_pane->view()->rowStream(1), OutputStream::Stderr);

    // The selection does not change the All view; switching back shows the selection again.
    m_pane->setSelectedProcesses({b});
    QCOMPARE(m_pane->view()->rowCount(), 4);
    m_pane->findChild<QAction *>(u"actionShowSelected"_s)->trigger();
    QCOMPARE(m_pane->visibleText(), u"two\nfour"_s);
}

void tst_OutputPane::viewFollowsManager()
{
    m_pane->setShowAll(true);
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "from a\n");
    QTRY_COMPARE(m_pane->visibleText(), u"a | from a"_s);
    ManagedProcess *b = m_manager->add(idleSpec(u"b"_s));
    appendOut(b, "from b\n");
    QTRY_COMPARE(m_pane->visibleText(), u"a | from a\nb | from b"_s);
    m_pane->setShowAll(false);
    m_pane->setSelectedProcesses({a, b});
    m_manager->remove(a);
    QCOMPARE(m_pane->selectedProcesses(), QList<ManagedProcess *>{b});
    QCOMPARE(m_pane->visibleText(), u"from b"_s);
}

void tst_OutputPane::streamStyles()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "normal\n");
    appendErr(a, "error\n");
    a->output()->appendMessage(u"started, PID 1"_s);
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->flush();
    QCOMPARE(view->rowCount(), 3);
    QCOMPARE(view->rowStream(0), OutputStream::Stdout);
    QCOMPARE(view->rowStream(1), OutputStream::Stderr);
    QCOMPARE(view->rowStream(2), OutputStream::Message);
    const QColor normal = view->rowColor(0);
    const QColor error = view->rowColor(1);
    const QColor message = view->rowColor(2);
    QCOMPARE(normal, view->palette().color(QPalette::Text));
    QVERIFY(error != normal);
    QVERIFY(message != normal);
    QVERIFY(message != error);
    // stderr is reddish whatever the palette.
    QVERIFY(error.red() > error.green() && error.red() > error.blue());
}

void tst_OutputPane::plainTextOnly()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "<b>not bold</b> &amp; <a href='x'>link</a>\n");
    m_pane->setSelectedProcesses({a});
    QCOMPARE(m_pane->visibleText(), u"<b>not bold</b> &amp; <a href='x'>link</a>"_s);
}

void tst_OutputPane::followAndScroll()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    for (int i = 0; i < 500; ++i)
        appendOut(a, "line " + QByteArray::number(i) + '\n');
    QTRY_COMPARE(view->rowCount(), 500);
    QCOMPARE(view->rowText(0), u"line 0"_s);
    QCOMPARE(view->rowText(499), u"line 499"_s);
    QVERIFY(view->isFollowing());
    QCOMPARE(view->lastVisibleRow(), 499);
    auto *jump = view->findChild<QToolButton *>(u"jumpToEndButton"_s);
    QVERIFY(jump);
    QVERIFY(!jump->isVisible());

    // The user scrolls up: the view stays where it is while lines arrive.
    QSignalSpy following(view, &OutputView::followingChanged);
    view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!view->isFollowing());
    QCOMPARE(following.count(), 1);
    QVERIFY(jump->isVisible());
    const int top = view->firstVisibleRow();
    const QString topText = view->rowText(top);
    for (int i = 500; i < 700; ++i)
        appendOut(a, "line " + QByteArray::number(i) + '\n');
    QTRY_COMPARE(view->rowCount(), 700);
    QCOMPARE(view->rowText(699), u"line 699"_s);
    QCOMPARE(view->firstVisibleRow(), top);
    QCOMPARE(view->rowText(view->firstVisibleRow()), topText);
    QVERIFY(!view->isFollowing());

    // Jump to end: follows again, new lines keep the end in view.
    QTest::mouseClick(jump, Qt::LeftButton);
    QVERIFY(view->isFollowing());
    QCOMPARE(view->lastVisibleRow(), 699);
    QVERIFY(!jump->isVisible());
    appendOut(a, "line 700\n");
    QTRY_COMPARE(view->rowCount(), 701);
    QCOMPARE(view->rowText(700), u"line 700"_s);
    QCOMPARE(view->lastVisibleRow(), 700);

    // Scrolling back down to the end by hand follows too.
    view->scrollToRow(0);
    QVERIFY(!view->isFollowing());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(view->isFollowing());
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->firstVisibleRow(), 0);
    QVERIFY(!view->isFollowing());
    view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(view->isFollowing());
}

void tst_OutputPane::scrollKeepsPlaceWhenLinesDrop()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    a->output()->setLimits(300, OutputLog::DefaultMaxBytes);
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    for (int i = 0; i < 300; ++i)
        appendOut(a, "line " + QByteArray::number(i) + '\n');
    QTRY_COMPARE(view->rowCount(), 300);
    view->scrollToRow(150);
    QCOMPARE(view->rowText(view->firstVisibleRow()), u"line 150"_s);
    // 100 lines arrive, the 100 oldest are dropped: the view still shows "line 150" on top.
    for (int i = 300; i < 400; ++i)
        appendOut(a, "line " + QByteArray::number(i) + '\n');
    QTRY_COMPARE(view->rowText(view->rowCount() - 1), u"line 399"_s);
    QCOMPARE(view->rowCount(), 300);
    QCOMPARE(view->rowText(0), u"line 100"_s);
    QCOMPARE(view->rowText(view->firstVisibleRow()), u"line 150"_s);
    QTRY_VERIFY(m_pane->findChild<QLabel *>(u"droppedLabel"_s)->text().contains(u"100"_s));
}

void tst_OutputPane::find_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain, any case") << u"error"_s << false << false << 4 << true;
    QTest::newRow("plain, case") << u"Error"_s << true << false << 2 << true;
    QTest::newRow("two in a line") << u"ok"_s << false << false << 3 << true;
    QTest::newRow("regex") << u"^(Error|ok)\\b"_s << true << true << 4 << true;
    QTest::newRow("regex, any case") << u"e.r"_s << false << true << 4 << true;
    QTest::newRow("regex characters as text") << u"a.c"_s << false << false << 1 << true;
    QTest::newRow("invalid regex") << u"(unclosed"_s << false << true << 0 << false;
    QTest::newRow("no match") << u"nothing"_s << false << false << 0 << true;
}

void tst_OutputPane::find()
{
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(bool, valid);

    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "Error: disk\nok then ok\nerror: net\n");
    appendErr(a, "ERROR x\nError again\nok\na.c abc\n");
    m_pane->setSelectedProcesses({a});
    m_pane->setFindOptions(caseSensitive, regex);
    m_pane->setFindText(pattern);
    OutputView *view = m_pane->view();
    QCOMPARE(view->isFindPatternValid(), valid);
    QCOMPARE(view->matchCount(), count);
    auto *status = m_pane->findChild<QLabel *>(u"findStatus"_s);
    if (!valid)
        QCOMPARE(status->text(), u"Invalid expression"_s);
    else if (count == 0)
        QCOMPARE(status->text(), u"No matches"_s);
    else
        QVERIFY2(status->text().contains(QString::number(count)), qPrintable(status->text()));
}

void tst_OutputPane::findNextPrevious()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    for (int i = 0; i < 300; ++i)
        appendOut(a, (i % 100 == 7 ? "needle " : "hay ") + QByteArray::number(i) + '\n');
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->scrollToRow(0);
    auto *find = m_pane->findChild<QAction *>(u"actionFind"_s);
    find->trigger();
    auto *edit = m_pane->findChild<QLineEdit *>(u"findEdit"_s);
    QVERIFY(edit->isVisible());
    QTest::keyClicks(edit, u"NEEDLE"_s);
    QTRY_COMPARE(view->matchCount(), 3);
    QCOMPARE(view->currentMatch(), -1);

    auto *next = m_pane->findChild<QAction *>(u"actionFindNext"_s);
    auto *previous = m_pane->findChild<QAction *>(u"actionFindPrevious"_s);
    QCOMPARE(next->shortcut(), QKeySequence(QKeySequence::FindNext));
    next->trigger();
    QCOMPARE(view->currentMatch(), 0);
    next->trigger();
    QCOMPARE(view->currentMatch(), 1);
    // The current match is scrolled into view.
    QVERIFY(view->firstVisibleRow() <= 107 && view->lastVisibleRow() >= 107);
    QVERIFY(!view->isFollowing());
    next->trigger();
    next->trigger();
    QCOMPARE(view->currentMatch(), 0); // wraps around
    previous->trigger();
    QCOMPARE(view->currentMatch(), 2);
    QVERIFY(view->firstVisibleRow() <= 207 && view->lastVisibleRow() >= 207);
    QCOMPARE(m_pane->findChild<QLabel *>(u"findStatus"_s)->text(), u"3 of 3"_s);
    // Enter in the find field goes to the next match, Shift+Enter to the previous one.
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(view->currentMatch(), 0);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(view->currentMatch(), 2);
    // Escape closes the bar and removes the highlights.
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!edit->isVisible());
    QCOMPARE(view->matchCount(), 0);
    // F3 brings the last search back.
    next->trigger();
    QVERIFY(edit->isVisible());
    QCOMPARE(view->matchCount(), 3);
    QVERIFY(view->currentMatch() >= 0);
}

void tst_OutputPane::filter()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    ManagedProcess *b = m_manager->add(idleSpec(u"b"_s));
    appendOut(a, "GET /index 200\nGET /missing 404\n");
    appendOut(b, "POST /form 500\n");
    appendOut(a, "GET /other 404\n");
    m_pane->setShowAll(true);
    m_pane->setFindOptions(false, true);
    m_pane->setFindText(u"\\b[45]0\\d$"_s);
    m_pane->setFilterEnabled(true);
    QCOMPARE(m_pane->visibleText(), u"a | GET /missing 404\nb | POST /form 500\na | GET /other 404"_s);
    // New lines are filtered as they arrive.
    appendOut(b, "GET /ok 200\nGET /gone 404\n");
    QTRY_COMPARE(m_pane->view()->rowCount(), 4);
    QCOMPARE(m_pane->view()->rowText(3), u"b | GET /gone 404"_s);
    m_pane->setFilterEnabled(false);
    QCOMPARE(m_pane->view()->rowCount(), 6);
    QCOMPARE(m_pane->view()->rowText(4), u"b | GET /ok 200"_s);
    QCOMPARE(m_pane->view()->matchCount(), 4);
}

void tst_OutputPane::filterSeesLineCompletedLater()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    m_pane->setSelectedProcesses({a});
    m_pane->setFindText(u"done"_s);
    m_pane->setFilterEnabled(true);
    appendOut(a, "working");
    m_pane->view()->flush();
    QCOMPARE(m_pane->view()->rowCount(), 0);
    appendOut(a, "... done\nnext");
    QTRY_COMPARE(m_pane->view()->rowCount(), 1);
    QCOMPARE(m_pane->visibleText(), u"working... done"_s);
    QCOMPARE(m_pane->view()->matchCount(), 1);
    // A progress line rewritten by \r: the match follows the text.
    appendOut(a, "\rstill done");
    QTRY_COMPARE(m_pane->view()->rowCount(), 2);
    QCOMPARE(m_pane->visibleText(), u"working... done\nstill done"_s);
    appendOut(a, "\rnot yet");
    QTRY_COMPARE(m_pane->view()->rowCount(), 1);
    QCOMPARE(m_pane->visibleText(), u"working... done"_s);
    QCOMPARE(m_pane->view()->matchCount(), 1);
}

void tst_OutputPane::timestampsAndWrap()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "hello\n");
    m_pane->setSelectedProcesses({a});
    QCOMPARE(m_pane->visibleText(), u"hello"_s);
    auto *timestamps = m_pane->findChild<QAction *>(u"actionToggleTimestamps"_s);
    timestamps->trigger();
    QVERIFY(m_pane->view()->timestampsVisible());
    static const QRegularExpression stamped(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d hello$"_s);
    QVERIFY2(stamped.match(m_pane->visibleText()).hasMatch(), qPrintable(m_pane->visibleText()));
    timestamps->trigger();
    QCOMPARE(m_pane->visibleText(), u"hello"_s);

    // A long line: wrapped it takes several screen lines, unwrapped it scrolls sideways.
    OutputView *view = m_pane->view();
    appendOut(a, QByteArray(2000, 'x') + '\n');
    view->flush();
    auto *wrap = m_pane->findChild<QAction *>(u"actionToggleWrap"_s);
    QVERIFY(wrap->isChecked());
    QVERIFY(view->wrapEnabled());
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    wrap->trigger();
    QVERIFY(!view->wrapEnabled());
    view->viewport()->repaint();
    QTRY_VERIFY(view->horizontalScrollBar()->maximum() > 0);
    QCOMPARE(m_pane->visibleText(), u"hello\n"_s + QString(2000, u'x'));
}

void tst_OutputPane::selectAndCopy()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "first\nsecond\nthird\n");
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->flush();
    view->setFocus();
    QVERIFY(!view->hasSelection());
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QVERIFY(view->hasSelection());
    QCOMPARE(view->selectedText(), u"first\nsecond\nthird"_s);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"first\nsecond\nthird"_s);
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!view->hasSelection());

    // Keyboard selection: from the top, Shift+Down selects the first line and its newline.
    view->scrollToRow(0);
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectedText(), u"first\n"_s);
    QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view->selectedText(), u"first\nse"_s);
    QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier);
    QCOMPARE(view->selectedText(), u"first\nsecond"_s);
}

void tst_OutputPane::mouseSelection()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "alpha beta\ngamma delta\n");
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->flush();
    QWidget *viewport = view->viewport();
    const int lineHeight = QFontMetrics(view->font()).lineSpacing();
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(1, lineHeight / 2));
    QTest::mouseMove(viewport, QPoint(viewport->width() - 5, lineHeight + lineHeight / 2));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(viewport->width() - 5, lineHeight + lineHeight / 2));
    QCOMPARE(view->selectedText(), u"alpha beta\ngamma delta"_s);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, QPoint(4 + 1, lineHeight / 2));
    QCOMPARE(view->selectedText(), u"alpha"_s);
}

void tst_OutputPane::longWrappedLine()
{
    // A wrapped line of 50,000 characters: only its screen lines in view are laid out; following
    // shows its end, and a mouse selection on the last screen line picks the line's last part.
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    QByteArray digits;
    for (int i = 0; i < 5000; ++i)
        digits += "0123456789";
    appendOut(a, "short\n" + digits + "END\n");
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->flush();
    QVERIFY(view->wrapEnabled());
    QVERIFY(view->isFollowing());
    QCOMPARE(view->lastVisibleRow(), 1);
    QWidget *viewport = view->viewport();
    const int lineHeight = QFontMetrics(view->font()).lineSpacing();
    const int y = viewport->height() - lineHeight / 2 - (viewport->height() % lineHeight);
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(1, y - lineHeight));
    QTest::mouseMove(viewport, QPoint(viewport->width() - 2, viewport->height() - 2));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(viewport->width() - 2, viewport->height() - 2));
    const QString selected = view->selectedText();
    QVERIFY2(selected.endsWith(u"789END"_s), qPrintable(selected));
    QVERIFY2(selected.size() > 20 && selected.size() < 1000, qPrintable(selected));
    QVERIFY(!selected.contains(u'\n'));
}

void tst_OutputPane::save_data()
{
    QTest::addColumn<bool>("withTimestamps");
    QTest::newRow("plain") << false;
    QTest::newRow("timestamps") << true;
}

void tst_OutputPane::save()
{
    QFETCH(bool, withTimestamps);
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "out ünïcödé\n");
    appendErr(a, "err\n");
    a->output()->appendMessage(u"exited with code 0"_s);
    m_pane->setSelectedProcesses({a});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.txt"_s);
    QString error;
    QVERIFY2(m_pane->saveOutputTo(path, withTimestamps, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    if (withTimestamps) {
        static const QRegularExpression stamped(
            u"^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (out ünïcödé|err|exited with code 0)\n){3}$"_s);
        QVERIFY2(stamped.match(text).hasMatch(), qPrintable(text));
    } else {
        QCOMPARE(text, u"out ünïcödé\nerr\nexited with code 0\n"_s);
    }
    // A folder that does not exist: an error, no crash.
    QVERIFY(!m_pane->saveOutputTo(dir.filePath(u"no/such/dir/out.txt"_s), withTimestamps, &error));
    QVERIFY(!error.isEmpty());
}

void tst_OutputPane::clearOutput()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    ManagedProcess *b = m_manager->add(idleSpec(u"b"_s));
    appendOut(a, "a\n");
    appendOut(b, "b\n");
    m_pane->setSelectedProcesses({a});
    auto *clear = m_pane->findChild<QAction *>(u"actionClearOutput"_s);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QCOMPARE(a->output()->lineCount(), 0);
    QCOMPARE(b->output()->lineCount(), 1);
    QCOMPARE(m_pane->visibleText(), QString());
    appendOut(a, "after\n");
    QTRY_COMPARE(m_pane->visibleText(), u"after"_s);
    m_pane->setSelectedProcesses({});
    QVERIFY(!clear->isEnabled());
}

void tst_OutputPane::accessibleText()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "readable line\n");
    appendErr(a, "second line\n");
    m_pane->setSelectedProcesses({a});
    m_pane->view()->flush();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(m_pane->view());
    QVERIFY(iface);
    QCOMPARE(iface->text(QAccessible::Name), u"Output"_s);
    QVERIFY(iface->state().readOnly);
    QAccessibleTextInterface *text = iface->textInterface();
    QVERIFY(text);
    QCOMPARE(text->text(0, text->characterCount()), u"readable line\nsecond line"_s);
    QCOMPARE(text->text(0, 8), u"readable"_s);

    // Positions: the rectangle of a character and the character at a point agree.
    const QRect rect = text->characterRect(15); // "e" of "second"
    QVERIFY(rect.isValid());
    QCOMPARE(text->offsetAtPoint(rect.center() - QPoint(rect.width() / 4, 0)), 15);
    QVERIFY(text->characterRect(16).left() > rect.left());

    // Selection both ways.
    QCOMPARE(text->selectionCount(), 0);
    text->setSelection(0, 9, 20);
    QCOMPARE(m_pane->view()->selectedText(), u"line\nsecond"_s);
    QCOMPARE(text->selectionCount(), 1);
    int start = -1;
    int end = -1;
    text->selection(0, &start, &end);
    QCOMPARE(start, 9);
    QCOMPARE(end, 20);
    text->removeSelection(0);
    QVERIFY(!m_pane->view()->hasSelection());
}

// The selection's first line filtered out: what is reported as selected (and painted) starts where
// the copied text starts, at the start of the next row, not at the old offset in another line.
void tst_OutputPane::selectionStartFilteredOut()
{
    ManagedProcess *a = m_manager->add(idleSpec(u"a"_s));
    appendOut(a, "one x\ntwo\nthree x\n");
    m_pane->setSelectedProcesses({a});
    OutputView *view = m_pane->view();
    view->flush();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface);
    QAccessibleTextInterface *text = iface->textInterface();
    QVERIFY(text);
    QCOMPARE(text->text(0, text->characterCount()), u"one x\ntwo\nthree x"_s);
    text->setSelection(0, 8, 13); // from "o" of "two" to "thr|ee x"
    QCOMPARE(view->selectedText(), u"o\nthr"_s);

    m_pane->setFindText(u"x"_s);
    m_pane->setFilterEnabled(true);
    view->flush();
    QCOMPARE(text->text(0, text->characterCount()), u"one x\nthree x"_s);
    QCOMPARE(view->selectedText(), u"thr"_s);
    int start = -1;
    int end = -1;
    text->selection(0, &start, &end);
    QCOMPARE(text->text(start, end), view->selectedText());
    QCOMPARE(start, 6);
    QCOMPARE(end, 9);
}

void tst_OutputPane::inputReachesChild()
{
    ManagedProcess *cat = m_manager->add(childSpec(u"cat"_s, {u"cat"_s}));
    m_pane->setSelectedProcesses({cat});
    QSignalSpy started(cat, &ManagedProcess::started);
    QVERIFY(cat->start().ok);
    QVERIFY(started.count() > 0 || started.wait(10000));

    auto *input = m_pane->findChild<QLineEdit *>(u"inputEdit"_s);
    QVERIFY(input->isEnabled());
    QTest::keyClicks(input, u"hello child"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(input->text(), QString()); // sent
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->visibleText().contains(u"\nhello child"_s), 10000);
    // Up brings back the line sent, Down clears it again; a second line arrives too.
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), u"hello child"_s);
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QString());
    input->insert(u"ünïcödé line"_s);
    QTest::keyClick(input, Qt::Key_Enter);
    // Each line sent is a note before the program's answer: the pane reads as the conversation.
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->visibleText().endsWith(u"\ninput: hello child\nhello child\n"
                                                            "input: ünïcödé line\nünïcödé line"_s), 10000);

    // Ctrl+D in the input line closes stdin: cat sees the end of its input and exits 0.
    QSignalSpy finished(cat, &ManagedProcess::finished);
    QSignalSpy message(m_pane.get(), &OutputPane::message);
    input->setFocus();
    QTest::keyClick(input, Qt::Key_D, Qt::ControlModifier);
    QVERIFY(finished.count() > 0 || finished.wait(10000));
    QCOMPARE(cat->state(), ManagedProcess::State::Exited);
    QCOMPARE(cat->exitCode(), 0);
    QVERIFY(message.count() >= 1);
}

void tst_OutputPane::inputToFinishedEntry()
{
    ManagedProcess *quick = m_manager->add(childSpec(u"quick"_s, {u"exit"_s, u"0"_s}));
    QSignalSpy finished(quick, &ManagedProcess::finished);
    QVERIFY(quick->start().ok);
    QVERIFY(finished.count() > 0 || finished.wait(10000));
    m_pane->setSelectedProcesses({quick});
    QSignalSpy message(m_pane.get(), &OutputPane::message);
    QVERIFY(!m_pane->sendInput(u"too late"_s));
    QCOMPARE(message.count(), 1);
    const QString text = message.at(0).at(0).toString();
    QVERIFY2(text.contains(u"quick"_s) && text.contains(u"not running"_s), qPrintable(text));
    QCOMPARE(m_pane->findChild<QLabel *>(u"inputMessage"_s)->text(), text);
    // With nothing selected there is nothing to write to either.
    m_pane->setSelectedProcesses({});
    QVERIFY(!m_pane->sendInput(u"nobody"_s));
    QCOMPARE(message.count(), 2);
}

// An entry in a terminal: the terminal is as wide as the view, follows its resizes, and Ctrl+C in
// the input line (Interrupt, enabled for that entry only) reaches the program as SIGINT.
void tst_OutputPane::terminalEntry()
{
    ProcessSpec spec;
    spec.name = u"tty"_s;
    spec.program = u"/usr/bin/python3"_s;
    spec.args = {u"-c"_s, u"import os, signal, sys, time\n"
                          "size = lambda: 'size %d %d' % tuple(os.get_terminal_size(1))\n"
                          "signal.signal(signal.SIGWINCH, lambda *a: print(size(), flush=True))\n"
                          "print(size(), flush=True)\n"
                          "try:\n"
                          "    time.sleep(60)\n"
                          "except KeyboardInterrupt:\n"
                          "    sys.exit(5)\n"_s};
    spec.terminal = TerminalMode::Terminal;
    ManagedProcess *tty = m_manager->add(spec);
    ManagedProcess *plain = m_manager->add(childSpec(u"plain"_s, {u"sleep"_s, u"30000"_s}));
    auto *interrupt = m_pane->findChild<QAction *>(u"actionInterrupt"_s);
    QVERIFY(interrupt);
    m_pane->setSelectedProcesses({tty});
    QVERIFY(!interrupt->isEnabled());
    QVERIFY(tty->start().ok);
    QVERIFY(plain->start().ok);
    const QSize size = m_pane->view()->terminalSize();
    QTRY_VERIFY2_WITH_TIMEOUT(m_pane->visibleText().contains(u"size %1 %2"_s.arg(size.width()).arg(size.height())),
                              qPrintable(m_pane->visibleText()), 10000);
    QTRY_VERIFY(interrupt->isEnabled());

    m_pane->resize(m_pane->width() + 200, m_pane->height());
    const QSize wider = m_pane->view()->terminalSize();
    QVERIFY(wider.width() > size.width());
    QTRY_VERIFY2_WITH_TIMEOUT(m_pane->visibleText().contains(u"size %1 %2"_s.arg(wider.width()).arg(wider.height())),
                              qPrintable(m_pane->visibleText()), 10000);

    m_pane->setSelectedProcesses({plain});
    QTRY_VERIFY(!interrupt->isEnabled()); // not in a terminal
    m_pane->setSelectedProcesses({tty});
    QTRY_VERIFY(interrupt->isEnabled());
    QSignalSpy finished(tty, &ManagedProcess::finished);
    auto *input = m_pane->findChild<QLineEdit *>(u"inputEdit"_s);
    input->setFocus();
    QTest::keyClick(input, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(finished.count() > 0 || finished.wait(10000));
    QCOMPARE(tty->exitCode(), 5);
    QVERIFY(plain->kill().ok);
}

void tst_OutputPane::floodKeepsWindowAnswering_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<qint64>("lineLength");
    QTest::addColumn<bool>("wrap");
    QTest::addColumn<bool>("all");
    QTest::addColumn<QString>("filter");

    QTest::newRow("80-character lines") << qint64(200'000'000) << qint64(80) << true << false << QString();
    QTest::newRow("80-character lines, All view, no wrap")
        << qint64(200'000'000) << qint64(80) << false << true << QString();
    QTest::newRow("80-character lines, regex filter")
        << qint64(200'000'000) << qint64(80) << true << false << u"x[y-z]+a|quiet"_s;
    QTest::newRow("one line without newline, wrapped")
        << qint64(64'000'000) << qint64(64'000'001) << true << false << QString();
    QTest::newRow("one line without newline, not wrapped")
        << qint64(64'000'000) << qint64(64'000'001) << false << false << QString();
}

void tst_OutputPane::floodKeepsWindowAnswering()
{
    // A child writes as fast as the pipe takes it. The pane shows the entry all along, following
    // the end. The window must keep answering: a queued call posted again and again runs within
    // a generous deadline every time.
    QFETCH(qint64, bytes);
    QFETCH(qint64, lineLength);
    QFETCH(bool, wrap);
    QFETCH(bool, all);
    QFETCH(QString, filter);
    ManagedProcess *flood = m_manager->add(
        childSpec(u"flood"_s, {u"flood"_s, QString::number(bytes), QString::number(lineLength)}));
    m_manager->add(idleSpec(u"quiet"_s))->output()->appendMessage(u"a quiet neighbour"_s);
    m_pane->setSelectedProcesses({flood});
    m_pane->setShowAll(all);
    m_pane->view()->setWrapEnabled(wrap);
    if (!filter.isEmpty()) {
        m_pane->setFindOptions(false, true);
        m_pane->setFindText(filter);
        m_pane->setFilterEnabled(true);
    }
    QSignalSpy finished(flood, &ManagedProcess::finished);
    QVERIFY(flood->start().ok);

    QElapsedTimer total;
    total.start();
    qint64 longestWaitMs = 0;
    int calls = 0;
    while (finished.isEmpty() && total.elapsed() < 150000) {
        bool ran = false;
        QElapsedTimer wait;
        wait.start();
        QMetaObject::invokeMethod(m_pane.get(), [&ran] { ran = true; }, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(ran, 2000);
        longestWaitMs = std::max(longestWaitMs, wait.elapsed());
        ++calls;
    }
    QVERIFY2(!finished.isEmpty(), "the flood did not end within 150 s");
    QCOMPARE(flood->exitCode(), 0);
    QCOMPARE(flood->output()->bytesReceived(OutputStream::Stdout), bytes);
    OutputView *view = m_pane->view();
    // The pane shows the end of the output.
    QTRY_VERIFY(view->rowCount() > 0 && view->lastVisibleRow() == view->rowCount() - 1);
    QVERIFY(view->isFollowing());
    QVERIFY(view->rowCount() <= OutputLog::DefaultMaxLines + 1);
    if (!filter.isEmpty()) {
        // Once the flood is over the filter has caught up: every kept line that matches is shown.
        const QRegularExpression expression(filter, QRegularExpression::CaseInsensitiveOption);
        const OutputLog *log = flood->output();
        int matching = 0;
        int matches = 0;
        for (qint64 n = log->firstLineNumber(); n < log->endLineNumber(); ++n) {
            int inLine = 0;
            for (QRegularExpressionMatchIterator it = expression.globalMatch(log->line(n).text); it.hasNext(); it.next())
                ++inLine;
            matches += inLine;
            matching += inLine > 0 ? 1 : 0;
        }
        QTRY_COMPARE(view->rowCount(), matching);
        QCOMPARE(view->matchCount(), matches);
    }
    QVERIFY(!m_pane->grab().isNull());
    qInfo("%lld bytes in %lld ms, %d queued calls, longest wait %lld ms, %d rows", bytes,
          qint64(total.elapsed()), calls, longestWaitMs, view->rowCount());
}

void tst_OutputPane::screenshot()
{
    // Not an assertion on pixels: renders both views with coloured output so that a person can
    // look at them (PD_SCREENSHOT_DIR=/tmp ./tst_outputpane screenshot).
    ManagedProcess *web = m_manager->add(idleSpec(u"web"_s));
    ManagedProcess *worker = m_manager->add(idleSpec(u"worker"_s));
    web->output()->appendMessage(u"started, PID 4242"_s);
    appendOut(web, "GET /index.html 200 12ms\n");
    appendErr(worker, "warning: queue is 80% full\n");
    appendOut(worker, "\x1b[32mok\x1b[0m job 17 done\n");
    appendOut(web, "GET /missing 404 3ms\n");
    appendOut(worker, "\x1b[1;31mFAILED\x1b[0m job 18: \x1b[4mtimeout\x1b[0m\n");
    worker->output()->appendMessage(u"exited with code 1"_s);
    m_pane->setSelectedProcesses({web});
    m_pane->setShowAll(true);
    m_pane->findChild<QAction *>(u"actionToggleTimestamps"_s)->trigger();
    m_pane->setFindText(u"job"_s);
    m_pane->view()->flush();
    const QPixmap pixmap = m_pane->grab();
    QVERIFY(!pixmap.isNull());
    const QByteArray dir = qgetenv("PD_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(pixmap.save(QString::fromLocal8Bit(dir) + u"/outputpane.png"_s));

    // The same with a dark palette: the colours come from it.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
    const QPalette light = m_pane->palette();
    m_pane->setPalette(dark);
    const QColor darkError = m_pane->view()->rowColor(2);
    QVERIFY(darkError.red() > darkError.green());
    QVERIFY(darkError.lightness() > 100); // readable on a dark background
    const QPixmap darkPixmap = m_pane->grab();
    if (!dir.isEmpty())
        QVERIFY(darkPixmap.save(QString::fromLocal8Bit(dir) + u"/outputpane-dark.png"_s));
    m_pane->setPalette(light);

    // The Selected view scrolled up (Jump to end shown), a selection, the current match, no wrap.
    m_pane->setShowAll(false);
    for (int i = 0; i < 100; ++i)
        appendOut(web, "GET /item/" + QByteArray::number(i) + " 200 " + QByteArray(i % 7 * 20, '.') + " job\n");
    m_pane->findChild<QAction *>(u"actionToggleWrap"_s)->trigger();
    m_pane->view()->flush();
    m_pane->view()->scrollToRow(40);
    m_pane->view()->findNext();
    QTest::keyClick(m_pane->view(), Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(m_pane->view(), Qt::Key_Down, Qt::ShiftModifier);
    const QPixmap scrolled = m_pane->grab();
    if (!dir.isEmpty())
        QVERIFY(scrolled.save(QString::fromLocal8Bit(dir) + u"/outputpane-scrolled.png"_s));
    // Wrapped, following: a line taller than the view shows its end.
    m_pane->findChild<QAction *>(u"actionToggleWrap"_s)->trigger();
    m_pane->view()->scrollToEnd();
    QByteArray tall;
    for (int i = 0; i < 400; ++i)
        tall += "word" + QByteArray::number(i) + ' ';
    appendOut(web, tall + "THE END\n");
    m_pane->view()->flush();
    const QPixmap wrapped = m_pane->grab();
    if (!dir.isEmpty())
        QVERIFY(wrapped.save(QString::fromLocal8Bit(dir) + u"/outputpane-wrapped.png"_s));

    m_pane->setSelectedProcesses({});
    QCOMPARE(m_pane->findChild<QLabel *>(u"findStatus"_s)->text(), u"No matches"_s);
    const QPixmap empty = m_pane->grab();
    if (!dir.isEmpty())
        QVERIFY(empty.save(QString::fromLocal8Bit(dir) + u"/outputpane-empty.png"_s));
}

QTEST_MAIN(tst_OutputPane)
#include "tst_outputpane.moc"

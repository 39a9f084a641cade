// The graph dock: the layered layout's properties on generated graphs (arrows downward, no
// overlap, no more crossings than the session order), the scene (a node per entry, an arrow per
// dependency with its condition), live states without a new layout, replicas as one node, the
// selection both ways with the real window, and examples/stack.json.

#include "mainwindow.h"
#include "outputpane.h"
#include "outputview.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "sessionfile.h"
#include "stackgraphitems.h"
#include "stackgraphlayout.h"
#include "stackgraphview.h"
#include "statecolors.h"
#include "testsupport.h"
#include "windowtestsupport.h"

#include <QApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;
using StackGraphLayout::Edge;

Q_DECLARE_METATYPE(QList<StackGraphLayout::Edge>)

namespace {

ProcessSpec spec(const QString &name, const QList<Dependency> &dependsOn = {}, const QStringList &args = {u"sleep"_s, u"60000"_s})
{
    ProcessSpec s;
    s.name = name;
    s.program = TestSupport::childPath();
    s.args = args;
    s.dependsOn = dependsOn;
    return s;
}

// The stack of examples/stack.json, made in code.
QList<ProcessSpec> stack()
{
    using C = DependencyCondition;
    return {spec(u"database"_s), spec(u"migrate"_s, {{u"database"_s, C::Ready}}),
            spec(u"api"_s, {{u"database"_s, C::Ready}, {u"migrate"_s, C::Succeeded}}),
            spec(u"web"_s, {{u"api"_s, C::Ready}})};
}

// Segments of the drawn edges (node centres, through the bends), as straight lines.
QList<QLineF> segments(const StackGraphLayout::Result &result, const QList<Edge> &edges)
{
    QList<QLineF> lines;
    for (qsizetype i = 0; i < edges.size(); ++i) {
        QList<QPointF> points = {result.rects.at(edges.at(i).from).center()};
        points.append(result.bends.at(i));
        points.append(result.rects.at(edges.at(i).to).center());
        for (qsizetype p = 1; p < points.size(); ++p)
            lines.append(QLineF(points.at(p - 1), points.at(p)));
    }
    return lines;
}

// Crossings counted from the geometry, independently of the layout's own count: two segments
// that meet at a point other than an end they share.
int geometricCrossings(const StackGraphLayout::Result &result, const QList<Edge> &edges)
{
    const QList<QLineF> lines = segments(result, edges);
    int crossings = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            QPointF at;
            if (lines.at(i).intersects(lines.at(j), &at) != QLineF::BoundedIntersection)
                continue;
            const auto isEnd = [&at](const QLineF &l) {
                return QLineF(at, l.p1()).length() < 0.5 || QLineF(at, l.p2()).length() < 0.5;
            };
            if (!isEnd(lines.at(i)) && !isEnd(lines.at(j)))
                ++crossings;
        }
    }
    return crossings;
}

QString pathOfExample(const QString &name)
{
    return QStringLiteral(PD_SOURCE_DIR "/examples/") + name;
}

} // namespace

class tst_StackGraph final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void layout_data();
    void layout();
    void cycleDoesNotHang();
    void sceneHasNodesAndArrows();
    void stateChangeRecoloursWithoutLayout();
    void failedEntryIsRed();
    void replicasAreOneNode();
    void selectionFollowsTableAndBack();
    void keyboardMovesBetweenNodes();
    void enterActivatesNode();
    void graphDockToggles();
    void stackExampleLoads();

private:
    QTemporaryDir m_config;
};

void tst_StackGraph::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installProcessWarningGuard();
}

void tst_StackGraph::cleanup()
{
    PD_VERIFY_NO_DESTROYED_WARNING();
}

void tst_StackGraph::layout_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<Edge>>("edges");

    QList<Edge> chain;
    for (int i = 0; i < 9; ++i)
        chain.append({i, i + 1});
    QTest::newRow("chain of 10") << 10 << chain;
    QTest::newRow("diamond") << 4 << QList<Edge>{{0, 1}, {0, 2}, {1, 3}, {2, 3}};
    // The stack example plus an entry without dependencies.
    QTest::newRow("stack and a loner") << 5 << QList<Edge>{{0, 1}, {0, 2}, {1, 2}, {2, 3}};

    // 30 entries in 5 layers of 6, numbered in a shuffled order so that the session order
    // crosses a lot: each entry of a layer depends on one to three of the layer above, and every
    // third on one two layers up (a long edge, routed through the layer between).
    QRandomGenerator random(12);
    QList<int> shuffled(30);
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    QList<Edge> layered;
    for (int layer = 1; layer < 5; ++layer) {
        for (int i = 0; i < 6; ++i) {
            const int node = shuffled.at(layer * 6 + i);
            const int parents = 1 + int(random.bounded(3));
            for (int p = 0; p < parents; ++p)
                layered.append({shuffled.at((layer - 1) * 6 + int(random.bounded(6))), node});
            if (layer >= 2 && i % 3 == 0)
                layered.append({shuffled.at((layer - 2) * 6 + int(random.bounded(6))), node});
        }
    }
    QTest::newRow("30 in 5 layers") << 30 << layered;
}

void tst_StackGraph::layout()
{
    QFETCH(int, count);
    QFETCH(QList<Edge>, edges);

    StackGraphLayout::Input input;
    for (int i = 0; i < count; ++i)
        input.widths.append(80 + (i % 4) * 20);
    input.height = 40;
    input.edges = edges;
    const StackGraphLayout::Result result = StackGraphLayout::layout(input);
    QCOMPARE(result.rects.size(), count);

    // Every arrow goes downward: the dependant's node lies wholly below its dependency's.
    for (const Edge &edge : std::as_const(edges))
        QVERIFY2(result.rects.at(edge.to).top() > result.rects.at(edge.from).bottom(),
                 qPrintable(u"%1 -> %2"_s.arg(edge.from).arg(edge.to)));
    // No two nodes overlap.
    for (int a = 0; a < count; ++a) {
        QCOMPARE(result.rects.at(a).size(), QSizeF(input.widths.at(a), input.height));
        for (int b = a + 1; b < count; ++b)
            QVERIFY2(!result.rects.at(a).intersects(result.rects.at(b)), qPrintable(u"%1 and %2"_s.arg(a).arg(b)));
    }
    // Ordering never crosses more than the session order: the same graph without sweeps is the
    // session order; the crossings of both are counted here from the drawn segments.
    StackGraphLayout::Input unordered = input;
    unordered.sweeps = 0;
    const StackGraphLayout::Result before = StackGraphLayout::layout(unordered);
    const int crossingsBefore = geometricCrossings(before, edges);
    const int crossingsAfter = geometricCrossings(result, edges);
    qInfo("%s: %d crossings in the session order, %d after ordering", QTest::currentDataTag(), crossingsBefore,
          crossingsAfter);
    QVERIFY(crossingsAfter <= crossingsBefore);
    QCOMPARE(result.crossingsBefore, before.crossingsAfter);
    QCOMPARE(result.crossingsAfter, crossingsAfter);
    if (QByteArray(QTest::currentDataTag()) == "30 in 5 layers")
        QVERIFY2(crossingsAfter < crossingsBefore, "the sweeps untangle a shuffled graph");
    if (QByteArray(QTest::currentDataTag()) == "diamond" || QByteArray(QTest::currentDataTag()) == "chain of 10")
        QCOMPARE(crossingsAfter, 0);
}

// A cycle (refused by the session reader, but a spec made in code can have one) is laid out, not
// looped on; its other arrows still go down.
void tst_StackGraph::cycleDoesNotHang()
{
    StackGraphLayout::Input input;
    input.widths = {80, 80, 80, 80};
    input.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
    const StackGraphLayout::Result result = StackGraphLayout::layout(input);
    QCOMPARE(result.rects.size(), 4);
    QVERIFY(result.rects.at(1).top() > result.rects.at(0).bottom());
    QVERIFY(result.rects.at(3).top() > result.rects.at(2).bottom());
}

void tst_StackGraph::sceneHasNodesAndArrows()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    StackGraphView view(&manager, &model);
    manager.addAll(stack());
    QTRY_COMPARE(view.nodes().size(), 4);
    QCOMPARE(view.edges().size(), 4);

    QStringList names;
    for (const StackGraphNode *node : view.nodes()) {
        names.append(node->name());
        QCOMPARE(node->stateText(), u"Not started"_s);
    }
    QCOMPARE(names, (QStringList{u"database"_s, u"migrate"_s, u"api"_s, u"web"_s}));
    QStringList arrows;
    for (const StackGraphEdge *edge : view.edges()) {
        arrows.append(QString(edge->from()->name() + u" -> "_s + edge->to()->name() + u": "_s + edge->label()));
        QVERIFY2(edge->end().y() > edge->start().y(), "the arrow goes down, from what is waited for");
        QVERIFY(edge->to()->pos().y() > edge->from()->pos().y());
        QVERIFY(!edge->toolTip().isEmpty());
    }
    arrows.sort();
    QCOMPARE(arrows, (QStringList{u"api -> web: ready"_s, u"database -> api: ready"_s,
                                  u"database -> migrate: ready"_s, u"migrate -> api: succeeded"_s}));
    QCOMPARE(view.edges().constFirst()->toolTip(), u"migrate waits until database is ready"_s);
}

void tst_StackGraph::stateChangeRecoloursWithoutLayout()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    StackGraphView view(&manager, &model);
    const QList<ManagedProcess *> processes = manager.addAll(stack());
    QTRY_COMPARE(view.nodes().size(), 4);
    const int layouts = view.layoutCount();
    StackGraphNode *node = view.nodeFor(processes.at(0));
    QVERIFY(node);
    const QPointF position = node->pos();
    const QColor notStarted = node->color();
    QCOMPARE(notStarted, StateColors::forState(ManagedProcess::State::NotStarted, view.palette()));

    QVERIFY(processes.at(0)->start().ok);
    QTRY_COMPARE(node->stateText(), u"Running"_s);
    QCOMPARE(node->color(), StateColors::forState(ManagedProcess::State::Running, view.palette()));
    QVERIFY(node->color() != notStarted);
    QCOMPARE(node->pos(), position);
    QCOMPARE(view.layoutCount(), layouts);

    processes.at(0)->kill();
    QTRY_VERIFY(!processes.at(0)->isAlive());
    QTRY_COMPARE(node->stateText(), u"Killed"_s);
    QCOMPARE(view.layoutCount(), layouts);

    // An edited dependency is a change of the graph: laid out again, with the new arrow.
    ProcessSpec web = processes.at(3)->spec();
    web.dependsOn.append({u"database"_s, DependencyCondition::Started});
    processes.at(3)->setSpec(web);
    QTRY_COMPARE(view.edges().size(), 5);
    QVERIFY(view.layoutCount() > layouts);
}

// A failed run (here exit 1) makes the node red, as the table makes the entry's name.
void tst_StackGraph::failedEntryIsRed()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    StackGraphView view(&manager, &model);
    ManagedProcess *process = manager.add(spec(u"migrate"_s, {}, {u"exit"_s, u"1"_s}));
    QTRY_COMPARE(view.nodes().size(), 1);
    QVERIFY(process->start().ok);
    QTRY_VERIFY(process->hasEndedRun());
    QTRY_COMPARE(view.nodeFor(process)->stateText(), model.indexOf(process, ProcessTableModel::State).data().toString());
    QCOMPARE(view.nodeFor(process)->color(), StateColors::failure(view.palette()));
}

void tst_StackGraph::replicasAreOneNode()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    QList<ProcessSpec> specs = {spec(u"queue"_s), spec(u"worker-1"_s, {{u"queue"_s, DependencyCondition::Started}}),
                                spec(u"worker-2"_s, {{u"queue"_s, DependencyCondition::Started}}),
                                spec(u"report"_s, {{u"worker"_s, DependencyCondition::Completed}})};
    const QList<ManagedProcess *> processes = manager.addAll(specs);
    processes.at(1)->setReplica(u"worker"_s, 1); // as the replica expansion does when it adds them
    processes.at(2)->setReplica(u"worker"_s, 2);
    StackGraphView view(&manager, &model);
    QTRY_COMPARE(view.nodes().size(), 3);
    StackGraphNode *workers = view.nodeFor(processes.at(1));
    QCOMPARE(view.nodeFor(processes.at(2)), workers);
    QCOMPARE(workers->name(), u"worker"_s);
    QCOMPARE(workers->ids().size(), 2);
    QCOMPARE(view.edges().size(), 2); // queue -> worker (one arrow for both copies), worker -> report

    // Copies in different states: counted in one line.
    QVERIFY(processes.at(1)->start().ok);
    QTRY_COMPARE(workers->stateText(), u"1 of 2 running"_s);
    processes.at(1)->kill();
    QTRY_VERIFY(!processes.at(1)->isAlive());
}

void tst_StackGraph::selectionFollowsTableAndBack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<ManagedProcess *> processes = window.manager()->addAll(stack());
    StackGraphView *view = window.graphView();
    QVERIFY(view);
    QTRY_COMPARE(view->nodes().size(), 4);

    // Table → graph.
    window.selectProcesses({processes.at(2)});
    QVERIFY(view->nodeFor(processes.at(2))->isSelected());
    QCOMPARE(view->selectedProcesses(), QList<ManagedProcess *>{processes.at(2)});

    // Graph → table, as a click does.
    QSignalSpy user(view, &StackGraphView::selectionChangedByUser);
    view->scene()->clearSelection();
    view->nodeFor(processes.at(3))->setSelected(true);
    QVERIFY(!user.isEmpty());
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(3)});
    QCOMPARE(view->selectedProcesses(), QList<ManagedProcess *>{processes.at(3)});
}

void tst_StackGraph::keyboardMovesBetweenNodes()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QList<ManagedProcess *> processes = window.manager()->addAll(stack());
    StackGraphView *view = window.graphView();
    QTRY_COMPARE(view->nodes().size(), 4);
    QCOMPARE(view->focusPolicy(), Qt::StrongFocus);
    WindowTestSupport::action(window, "actionShowGraph")->trigger();
    QTRY_VERIFY(view->isVisible());

    window.selectProcesses({processes.at(0)});
    // database (top) → migrate → api → web, down the layers; the table follows.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(1)});
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(2)});
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(3)});
    QTest::keyClick(view, Qt::Key_Down); // nothing below: stays
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(3)});
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(window.selectedProcesses(), QList<ManagedProcess *>{processes.at(2)});

    // Zoom by keyboard, then fit again.
    const qreal fitted = view->transform().m11();
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(view->transform().m11() > fitted);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->transform().m11(), fitted);
}

void tst_StackGraph::enterActivatesNode()
{
    ProcessManager manager;
    ProcessTableModel model(&manager);
    StackGraphView view(&manager, &model);
    const QList<ManagedProcess *> processes = manager.addAll(stack());
    QTRY_COMPARE(view.nodes().size(), 4);
    QSignalSpy activated(&view, &StackGraphView::activated);
    view.setSelectedProcesses({processes.at(1)});
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().value<ManagedProcess *>(), processes.at(1));
}

void tst_StackGraph::graphDockToggles()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *toggle = WindowTestSupport::action(window, "actionShowGraph");
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(u"Ctrl+G"_s));
    QVERIFY(!window.graphView()->isVisible()); // hidden until asked for
    toggle->trigger();
    QTRY_VERIFY(window.graphView()->isVisible());

    // Tab reaches the graph when it is shown: table, graph, output.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QTableView *>()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), window.graphView());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), window.outputPane()->view());

    // Remembered with the window's dock state.
    QVERIFY(window.close());
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTRY_VERIFY(again.graphView()->isVisible());
    WindowTestSupport::action(again, "actionShowGraph")->trigger();
    QTRY_VERIFY(!again.graphView()->isVisible());
    QVERIFY(again.close());
}

void tst_StackGraph::stackExampleLoads()
{
    const SessionFile::LoadResult loaded = SessionFile::load(pathOfExample(u"stack.json"_s));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QStringList names;
    bool anyDependency = false;
    for (const ProcessSpec &s : loaded.session->processes) {
        names.append(s.name);
        anyDependency = anyDependency || !s.dependsOn.isEmpty();
    }
    QCOMPARE(names, (QStringList{u"database"_s, u"migrate"_s, u"api"_s, u"web"_s}));
    QVERIFY(anyDependency);

    ProcessManager manager;
    ProcessTableModel model(&manager);
    StackGraphView view(&manager, &model);
    manager.addAll(loaded.session->processes);
    QTRY_COMPARE(view.nodes().size(), 4);
    QCOMPARE(view.edges().size(), 4);
}

QTEST_MAIN(tst_StackGraph)
#include "tst_stackgraph.moc"

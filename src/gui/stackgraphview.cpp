#include "stackgraphview.h"

#include "managedprocess.h"
#include "processmanager.h"
#include "processtablemodel.h"
#include "stackgraphitems.h"
#include "stackgraphlayout.h"
#include "statecolors.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal MinZoom = 0.2;
constexpr qreal MaxZoom = 4.0;
constexpr qreal ZoomStep = 1.15;
constexpr qreal SceneMargin = 16;

QString nodeName(const ManagedProcess *process)
{
    return process->replicaGroup().isEmpty() ? process->spec().name : process->replicaGroup();
}

} // namespace

StackGraphView::StackGraphView(ProcessManager *manager, ProcessTableModel *model, QWidget *parent)
    : QGraphicsView(parent)
    , m_manager(manager)
    , m_model(model)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(u"stackGraphView"_s);
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFocusPolicy(Qt::StrongFocus);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundRole(QPalette::Base);
    setToolTip(tr("Arrows lead from an entry to the entries that wait for it; the label says what they wait for"));
    setAccessibleName(tr("Dependency graph"));

    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    connect(&m_layoutTimer, &QTimer::timeout, this, &StackGraphView::rebuild);
    connect(m_manager, &ProcessManager::processAdded, this, &StackGraphView::scheduleLayout);
    connect(m_manager, &ProcessManager::processRemoved, this, &StackGraphView::scheduleLayout);
    connect(m_manager, &ProcessManager::processesChanged, this, &StackGraphView::onProcessesChanged);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &StackGraphView::onSceneSelectionChanged);
    rebuild();
}

StackGraphView::~StackGraphView()
{
    // The scene deletes its items after this: their deselection is no news for the window.
    disconnect(m_scene, nullptr, this, nullptr);
}

QList<StackGraphNode *> StackGraphView::nodes() const { return m_nodes; }
QList<StackGraphEdge *> StackGraphView::edges() const { return m_edges; }
int StackGraphView::layoutCount() const { return m_layoutCount; }

StackGraphNode *StackGraphView::nodeFor(const ManagedProcess *process) const
{
    return process ? m_nodeById.value(process->id()) : nullptr;
}

void StackGraphView::scheduleLayout()
{
    m_layoutTimer.start();
}

// What decides an entry's place in the graph: its name, its replica group and what it waits for.
QString StackGraphView::signature(const ManagedProcess *process) const
{
    QString text = process->spec().name + u'\n' + process->replicaGroup();
    for (const Dependency &dependency : process->spec().dependsOn)
        text += u'\n' + dependency.name + u'=' + dependencyConditionToString(dependency.condition);
    return text;
}

QList<ManagedProcess *> StackGraphView::processesOf(const StackGraphNode *node) const
{
    QList<ManagedProcess *> processes;
    for (int id : node->ids()) {
        if (ManagedProcess *process = m_manager->byId(id))
            processes.append(process);
    }
    return processes;
}

// The nodes and arrows anew from the manager's entries, laid out; the selection is kept.
void StackGraphView::rebuild()
{
    m_layoutTimer.stop();
    const QList<ManagedProcess *> selected = selectedProcesses();
    m_syncing = true;
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    m_nodeById.clear();
    m_signatures.clear();

    QHash<QString, StackGraphNode *> byName;
    QHash<QString, QList<int>> members;
    QStringList order;
    for (const ManagedProcess *process : m_manager->processes()) {
        const QString name = nodeName(process);
        if (!members.contains(name))
            order.append(name);
        members[name].append(process->id());
        m_signatures.insert(process->id(), signature(process));
    }
    const QFontMetricsF metrics(font());
    for (const QString &name : std::as_const(order)) {
        const QList<int> ids = members.value(name);
        QList<ManagedProcess *> processes;
        for (int id : ids)
            processes.append(m_manager->byId(id));
        const auto [text, color] = stateOf(processes);
        auto *node = new StackGraphNode(name, ids, StackGraphNode::preferredWidth(metrics, name, text));
        node->setState(text, color);
        m_nodes.append(node);
        byName.insert(name, node);
        for (int id : ids)
            m_nodeById.insert(id, node);
        m_scene->addItem(node);
    }
    createEdges(byName);
    placeItems();
    ++m_layoutCount;
    setSelectedProcesses(selected);
    m_syncing = false;
    if (m_autoFit)
        fitToView();
    viewport()->update();
}

// An arrow per dependency whose entry is in the session (a replicated entry's name: its node).
void StackGraphView::createEdges(const QHash<QString, StackGraphNode *> &byName)
{
    for (StackGraphNode *node : std::as_const(m_nodes)) {
        const QList<ManagedProcess *> processes = processesOf(node);
        if (processes.isEmpty())
            continue;
        for (const Dependency &dependency : processes.constFirst()->spec().dependsOn) {
            StackGraphNode *from = byName.value(dependency.name);
            if (!from || from == node)
                continue;
            auto *edge = new StackGraphEdge(from, node, dependency.condition);
            m_edges.append(edge);
            m_scene->addItem(edge);
        }
    }
}

// Runs the layout and puts the items where it says; arrows leave and enter their nodes at points
// spread along the node's edge, in the order of where they come from, so that they do not cross
// at the node.
void StackGraphView::placeItems()
{
    StackGraphLayout::Input input;
    input.height = StackGraphNode::Height;
    input.verticalGap = 60;
    QHash<const StackGraphNode *, int> index;
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        input.widths.append(m_nodes.at(i)->width());
        index.insert(m_nodes.at(i), int(i));
    }
    for (const StackGraphEdge *edge : std::as_const(m_edges))
        input.edges.append({index.value(edge->from()), index.value(edge->to())});
    const StackGraphLayout::Result result = StackGraphLayout::layout(input);
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        m_nodes.at(i)->setPos(result.rects.at(i).topLeft());
        m_nodes.at(i)->setLayer(result.layerOf.at(i));
    }

    // Ports: the x of the other end (its first bend, or the node) orders the arrows at a node.
    QHash<const StackGraphNode *, QList<std::pair<qreal, int>>> outgoing;
    QHash<const StackGraphNode *, QList<std::pair<qreal, int>>> incoming;
    for (qsizetype i = 0; i < m_edges.size(); ++i) {
        const QList<QPointF> &bends = result.bends.at(i);
        const StackGraphEdge *edge = m_edges.at(i);
        const qreal towardsTo = bends.isEmpty() ? edge->to()->sceneBoundingRect().center().x() : bends.constFirst().x();
        const qreal towardsFrom = bends.isEmpty() ? edge->from()->sceneBoundingRect().center().x() : bends.constLast().x();
        outgoing[edge->from()].append({towardsTo, int(i)});
        incoming[edge->to()].append({towardsFrom, int(i)});
    }
    const auto port = [](const StackGraphNode *node, const QList<std::pair<qreal, int>> &all, int edge) {
        QList<std::pair<qreal, int>> sorted = all;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype at = std::find_if(sorted.begin(), sorted.end(), [edge](const auto &p) { return p.second == edge; })
                             - sorted.begin();
        return node->pos().x() + node->width() * qreal(at + 1) / qreal(sorted.size() + 1);
    };
    for (qsizetype i = 0; i < m_edges.size(); ++i) {
        StackGraphEdge *edge = m_edges.at(i);
        const QPointF start(port(edge->from(), outgoing.value(edge->from()), int(i)),
                            edge->from()->pos().y() + StackGraphNode::Height);
        const QPointF end(port(edge->to(), incoming.value(edge->to()), int(i)), edge->to()->pos().y());
        edge->setRoute(start, result.bends.at(i), end);
    }
    placeLabels();
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
}

// Each arrow's label at the middle of its path, or moved along it off the labels placed before it
// and off the nodes where the middle is taken (arrows that share a gap between layers).
void StackGraphView::placeLabels()
{
    static constexpr qreal Fractions[] = {0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8};
    QList<QRectF> taken;
    for (const StackGraphNode *node : std::as_const(m_nodes))
        taken.append(node->sceneBoundingRect());
    for (StackGraphEdge *edge : std::as_const(m_edges)) {
        qreal chosen = Fractions[0];
        for (qreal fraction : Fractions) {
            const QRectF rect = edge->labelRectAt(fraction);
            if (std::none_of(taken.cbegin(), taken.cend(), [&rect](const QRectF &t) { return t.intersects(rect); })) {
                chosen = fraction;
                break;
            }
        }
        edge->setLabelAt(chosen);
        taken.append(edge->labelRectAt(chosen));
    }
}

void StackGraphView::onProcessesChanged(const QList<int> &rows)
{
    QList<StackGraphNode *> changed;
    for (int row : rows) {
        const ManagedProcess *process = m_manager->at(row);
        if (!process)
            continue;
        StackGraphNode *node = m_nodeById.value(process->id());
        if (!node || m_signatures.value(process->id()) != signature(process)) {
            scheduleLayout(); // the graph itself changed
            return;
        }
        if (!changed.contains(node))
            changed.append(node);
    }
    for (StackGraphNode *node : std::as_const(changed))
        updateNode(node);
}

void StackGraphView::updateNode(StackGraphNode *node)
{
    const QList<ManagedProcess *> processes = processesOf(node);
    if (processes.isEmpty())
        return;
    const auto [text, color] = stateOf(processes);
    node->setState(text, color);
}

// A node's state: the table's State text and colour; a replicated entry's copies in one line when
// they differ.
std::pair<QString, QColor> StackGraphView::stateOf(const QList<ManagedProcess *> &processes) const
{
    const QPalette pal = palette();
    const auto failed = [](const ManagedProcess *p) {
        return ProcessTableModel::outcome(p) == ProcessTableModel::Outcome::Failed;
    };
    const auto text = [this](const ManagedProcess *p) {
        return m_model->indexOf(p, ProcessTableModel::State).data().toString();
    };
    const ManagedProcess *first = processes.constFirst();
    QString stateText = text(first);
    // A failed entry's node is red, as its name is in the table (its State text there is not).
    QColor color = failed(first) ? StateColors::failure(pal) : StateColors::forStateText(first->state(), false, pal);
    const bool allAlike = std::all_of(processes.begin(), processes.end(),
                                      [&](const ManagedProcess *p) { return text(p) == stateText; });
    if (!allAlike) {
        const int alive = int(std::count_if(processes.begin(), processes.end(),
                                            [](const ManagedProcess *p) { return p->isAlive(); }));
        stateText = tr("%1 of %n running", "replicas", int(processes.size())).arg(alive);
        if (std::any_of(processes.begin(), processes.end(), failed))
            color = StateColors::failure(pal);
        else if (alive > 0)
            color = StateColors::forState(ManagedProcess::State::Running, pal);
    }
    return {stateText, color};
}

QList<ManagedProcess *> StackGraphView::selectedProcesses() const
{
    QList<ManagedProcess *> processes;
    for (const StackGraphNode *node : m_nodes) {
        if (node->isSelected())
            processes.append(processesOf(node));
    }
    return processes;
}

void StackGraphView::setSelectedProcesses(const QList<ManagedProcess *> &processes)
{
    const bool wasSyncing = m_syncing;
    m_syncing = true;
    QList<StackGraphNode *> wanted;
    for (const ManagedProcess *process : processes) {
        if (StackGraphNode *node = nodeFor(process); node && !wanted.contains(node))
            wanted.append(node);
    }
    for (StackGraphNode *node : std::as_const(m_nodes))
        node->setSelected(wanted.contains(node));
    if (!wanted.isEmpty()) {
        m_scene->setFocusItem(wanted.constFirst(), Qt::OtherFocusReason);
        ensureVisible(wanted.constFirst(), 8, 8);
    }
    m_syncing = wasSyncing;
}

void StackGraphView::onSceneSelectionChanged()
{
    if (!m_syncing)
        emit selectionChangedByUser(selectedProcesses());
}

void StackGraphView::fitToView()
{
    m_autoFit = true;
    resetTransform();
    if (m_nodes.isEmpty())
        return;
    const QRectF bounds = m_scene->sceneRect();
    fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.0) {
        resetTransform(); // a small graph at its natural size, not blown up
        centerOn(bounds.center());
    }
}

void StackGraphView::zoomBy(qreal factor)
{
    const qreal current = transform().m11();
    const qreal target = std::clamp(current * factor, MinZoom, MaxZoom);
    if (qFuzzyCompare(target, current))
        return;
    m_autoFit = false;
    scale(target / current, target / current);
}

void StackGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(ZoomStep, event->angleDelta().y() / 120.0));
    event->accept();
}

StackGraphNode *StackGraphView::currentNode() const
{
    if (auto *node = qgraphicsitem_cast<StackGraphNode *>(m_scene->focusItem()); node && node->isSelected())
        return node;
    for (StackGraphNode *node : m_nodes) {
        if (node->isSelected())
            return node;
    }
    return nullptr;
}

void StackGraphView::makeCurrent(StackGraphNode *node)
{
    m_syncing = true; // one selectionChangedByUser() for the move, not one for the clearing
    m_scene->clearSelection();
    node->setSelected(true);
    m_scene->setFocusItem(node, Qt::OtherFocusReason);
    m_syncing = false;
    ensureVisible(node, 8, 8);
    emit selectionChangedByUser(selectedProcesses());
}

// Left/Right: the neighbour in the node's layer; Up/Down: the nearest node (by x) in the
// nearest layer above or below that has one.
void StackGraphView::moveCurrent(int key)
{
    StackGraphNode *current = currentNode();
    if (!current) {
        if (!m_nodes.isEmpty())
            makeCurrent(m_nodes.constFirst());
        return;
    }
    const qreal x = current->sceneBoundingRect().center().x();
    StackGraphNode *best = nullptr;
    qreal bestScore = 0;
    for (StackGraphNode *node : std::as_const(m_nodes)) {
        if (node == current)
            continue;
        const qreal dx = node->sceneBoundingRect().center().x() - x;
        const int dl = node->layer() - current->layer();
        qreal score = -1;
        if ((key == Qt::Key_Left || key == Qt::Key_Right) && dl == 0 && (key == Qt::Key_Left ? dx < 0 : dx > 0))
            score = std::abs(dx);
        else if ((key == Qt::Key_Up && dl < 0) || (key == Qt::Key_Down && dl > 0))
            score = std::abs(dl) * 1e6 + std::abs(dx);
        if (score >= 0 && (!best || score < bestScore)) {
            best = node;
            bestScore = score;
        }
    }
    if (best)
        makeCurrent(best);
}

void StackGraphView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down) {
        moveCurrent(key);
    } else if ((key == Qt::Key_Return || key == Qt::Key_Enter) && currentNode()) {
        if (const QList<ManagedProcess *> processes = processesOf(currentNode()); !processes.isEmpty())
            emit activated(processes.constFirst());
    } else if (ctrl && (key == Qt::Key_Plus || key == Qt::Key_Equal)) {
        zoomBy(ZoomStep);
    } else if (ctrl && key == Qt::Key_Minus) {
        zoomBy(1 / ZoomStep);
    } else if (ctrl && key == Qt::Key_0) {
        fitToView();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void StackGraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (auto *node = qgraphicsitem_cast<StackGraphNode *>(itemAt(event->position().toPoint()))) {
        if (const QList<ManagedProcess *> processes = processesOf(node); !processes.isEmpty()) {
            emit activated(processes.constFirst());
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void StackGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitToView();
}

void StackGraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        for (StackGraphNode *node : std::as_const(m_nodes))
            updateNode(node);
    }
}

void StackGraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_nodes.isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter->drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                      tr("The session's entries show here, with an arrow to each entry from what it waits for "
                         "(dependsOn)"));
    painter->restore();
}

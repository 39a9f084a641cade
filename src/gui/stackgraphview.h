#pragma once

#include <QGraphicsView>
#include <QColor>
#include <QHash>
#include <QList>
#include <QTimer>

class ManagedProcess;
class ProcessManager;
class ProcessTableModel;
class StackGraphEdge;
class StackGraphNode;

// The graph dock's view: the session's entries as nodes coloured by state (StateColors, as the
// table), their `dependsOn` as arrows from the entry waited for down to the entry that waits,
// labelled with the condition. A replicated entry's copies are one node with a count badge.
//
// Live: it follows ProcessManager's batched signals. A change of state repaints the nodes of
// the changed rows with the table's State text; only a change of the graph itself (an entry
// added or removed, a name, a replica group or a dependency edited) lays it out again, once per
// event-loop pass (StackGraphLayout). Selection goes both ways through selectionChangedByUser()
// and setSelectedProcesses(); a double-click or Enter activates the node's entry.
// Keyboard: the arrows move between nodes (Left/Right in a layer, Up/Down to the nearest node of
// the layer above or below), Ctrl+plus / Ctrl+minus zoom, Ctrl+0 fits; Ctrl+wheel zooms.
class StackGraphView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackGraphView)

public:
    explicit StackGraphView(ProcessManager *manager, ProcessTableModel *model, QWidget *parent = nullptr);
    ~StackGraphView() override;

    QList<StackGraphNode *> nodes() const;
    QList<StackGraphEdge *> edges() const;
    StackGraphNode *nodeFor(const ManagedProcess *process) const;
    int layoutCount() const; // how many times the graph was laid out (tests)

    QList<ManagedProcess *> selectedProcesses() const;
    // Selects the nodes of these entries (from the table): no selectionChangedByUser().
    void setSelectedProcesses(const QList<ManagedProcess *> &processes);

    // The whole graph in the view (at most at 100 %), and again after each layout and resize
    // until the user zooms.
    void fitToView();
    void zoomBy(qreal factor);

signals:
    // The user selected nodes (mouse or keyboard): the entries they stand for.
    void selectionChangedByUser(const QList<ManagedProcess *> &processes);
    // A double-click or Enter on a node: its (first) entry.
    void activated(ManagedProcess *process);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void scheduleLayout();
    void rebuild();
    void createEdges(const QHash<QString, StackGraphNode *> &byName);
    void placeItems();
    void placeLabels();
    void onProcessesChanged(const QList<int> &rows);
    void updateNode(StackGraphNode *node);
    std::pair<QString, QColor> stateOf(const QList<ManagedProcess *> &processes) const;
    QList<ManagedProcess *> processesOf(const StackGraphNode *node) const;
    QString signature(const ManagedProcess *process) const;
    void moveCurrent(int key);
    StackGraphNode *currentNode() const;
    void makeCurrent(StackGraphNode *node);
    void onSceneSelectionChanged();

    ProcessManager *m_manager = nullptr;
    ProcessTableModel *m_model = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QTimer m_layoutTimer;
    QList<StackGraphNode *> m_nodes;
    QList<StackGraphEdge *> m_edges;
    QHash<int, StackGraphNode *> m_nodeById;  // ManagedProcess id → its node
    QHash<int, QString> m_signatures;         // ManagedProcess id → what its place in the graph depends on
    int m_layoutCount = 0;
    bool m_syncing = false;  // the selection is being set from outside or rebuilt
    bool m_autoFit = true;   // fit after each layout and resize, until the user zooms
};

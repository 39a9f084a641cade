#pragma once

// The graph dock's scene items (StackGraphView): a node per entry (a replicated entry's copies
// are one node with a count badge) and an arrow per dependency, from the entry waited for down
// to the entry that waits, labelled with the condition.

#include "stackspec.h"

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

class QFontMetricsF;

class StackGraphNode final : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(StackGraphNode)

public:
    static constexpr int Type = UserType + 1;
    static constexpr qreal Height = 46;
    static constexpr qreal Padding = 10;

    // `ids`: the ManagedProcess ids the node stands for (one, or a replicated entry's copies).
    StackGraphNode(const QString &name, const QList<int> &ids, qreal width);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString name() const { return m_name; }
    qreal width() const { return m_width; }
    const QList<int> &ids() const { return m_ids; }
    int layer() const { return m_layer; }
    void setLayer(int layer) { m_layer = layer; }

    QString stateText() const { return m_stateText; }
    QColor color() const { return m_color; }
    // The state shown: a new text or colour repaints the node, nothing moves.
    void setState(const QString &text, const QColor &color);

    // The width a node needs for its name and state text (between a minimum and a maximum).
    static qreal preferredWidth(const QFontMetricsF &metrics, const QString &name, const QString &stateText);

private:
    QString m_name;
    QList<int> m_ids;
    qreal m_width = 0;
    int m_layer = 0;
    QString m_stateText;
    QColor m_color;
};

class StackGraphEdge final : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(StackGraphEdge)

public:
    static constexpr int Type = UserType + 2;

    // An arrow from `from` (the entry waited for) to `to` (the entry that waits), through `bends`.
    StackGraphEdge(StackGraphNode *from, StackGraphNode *to, DependencyCondition condition);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    StackGraphNode *from() const { return m_from; }
    StackGraphNode *to() const { return m_to; }
    DependencyCondition condition() const { return m_condition; }
    QString label() const;

    // The path: from `start` (on the lower edge of `from`) through `bends` to `end` (on the
    // upper edge of `to`), as smooth vertical curves.
    void setRoute(const QPointF &start, const QList<QPointF> &bends, const QPointF &end);
    QPointF start() const { return m_start; }
    QPointF end() const { return m_end; }

    // Where the label sits along the path (0 the start, 1 the end; 0.5 unless moved off another
    // label or a node), and the rectangle it takes there.
    void setLabelAt(qreal fraction);
    QRectF labelRectAt(qreal fraction) const;

    // The condition's word in the label ("ready") and a sentence for the tooltip.
    static QString conditionLabel(DependencyCondition condition);
    static QString conditionSentence(DependencyCondition condition, const QString &waiting, const QString &waitedFor);

private:
    StackGraphNode *m_from = nullptr;
    StackGraphNode *m_to = nullptr;
    DependencyCondition m_condition;
    QPointF m_start;
    QPointF m_end;
    QPainterPath m_path;
    QPolygonF m_head;
    qreal m_labelAt = 0.5;
};

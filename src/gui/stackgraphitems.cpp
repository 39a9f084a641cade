#include "stackgraphitems.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace {

constexpr qreal MinNodeWidth = 96;
constexpr qreal MaxNodeWidth = 220;
constexpr qreal ArrowSize = 7;

QPalette paletteOf(const QWidget *widget)
{
    return widget ? widget->palette() : QApplication::palette();
}

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    return small;
}

} // namespace

// --- Nodes --------------------------------------------------------------------------------------

StackGraphNode::StackGraphNode(const QString &name, const QList<int> &ids, qreal width)
    : m_name(name)
    , m_ids(ids)
    , m_width(width)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1); // above the arrows
}

QRectF StackGraphNode::boundingRect() const
{
    return QRectF(-6, -10, m_width + 16, Height + 16); // the focus frame and the count badge
}

qreal StackGraphNode::preferredWidth(const QFontMetricsF &metrics, const QString &name, const QString &stateText)
{
    const qreal text = std::max(metrics.horizontalAdvance(name), metrics.horizontalAdvance(stateText));
    return std::clamp(text + 2 * Padding + 4, MinNodeWidth, MaxNodeWidth);
}

void StackGraphNode::setState(const QString &text, const QColor &color)
{
    if (text == m_stateText && color == m_color)
        return;
    m_stateText = text;
    m_color = color;
    const QString entries = m_ids.size() > 1 ? QString(u'\n' + tr("%n copies (replicas)", nullptr, int(m_ids.size())))
                                             : QString();
    setToolTip(tr("%1: %2", "entry: state").arg(m_name, text) + entries);
    update();
}

void StackGraphNode::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = paletteOf(widget);
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF box(0, 0, m_width, Height);
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor accent = m_color.isValid() ? m_color : palette.color(QPalette::Disabled, QPalette::Text);
    painter->setBrush(mixed(palette.color(QPalette::Base), accent, 0.14));
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : accent, selected ? 3 : 1.5));
    painter->drawRoundedRect(box, 8, 8);
    if (option->state & QStyle::State_HasFocus) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-4, -4, 4, 4), 10, 10);
    }

    const QRectF text = box.adjusted(Padding, 4, -Padding, -4);
    QFont bold = painter->font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    const QFontMetricsF boldMetrics(bold);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2), Qt::AlignCenter,
                      boldMetrics.elidedText(m_name, Qt::ElideRight, text.width()));
    const QFont small = smallFont(widget ? widget->font() : QApplication::font());
    painter->setFont(small);
    painter->setPen(accent);
    painter->drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2), Qt::AlignCenter,
                      QFontMetricsF(small).elidedText(m_stateText, Qt::ElideRight, text.width()));

    if (m_ids.size() > 1) {
        // The count badge of a replicated entry, on the top right corner.
        const QString count = tr("×%1", "replica count badge").arg(m_ids.size());
        const qreal w = QFontMetricsF(small).horizontalAdvance(count) + 10;
        const QRectF badge(m_width - w + 8, -8, w, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawRoundedRect(badge, 8, 8);
        painter->setPen(palette.color(QPalette::Base));
        painter->drawText(badge, Qt::AlignCenter, count);
    }
}

// --- Arrows -------------------------------------------------------------------------------------

StackGraphEdge::StackGraphEdge(StackGraphNode *from, StackGraphNode *to, DependencyCondition condition)
    : m_from(from)
    , m_to(to)
    , m_condition(condition)
{
    setToolTip(conditionSentence(condition, to->name(), from->name()));
}

QString StackGraphEdge::conditionLabel(DependencyCondition condition)
{
    switch (condition) {
    case DependencyCondition::Started:
        return tr("started", "dependency condition");
    case DependencyCondition::Ready:
        return tr("ready", "dependency condition");
    case DependencyCondition::Completed:
        return tr("completed", "dependency condition");
    case DependencyCondition::Succeeded:
        break;
    }
    return tr("succeeded", "dependency condition");
}

QString StackGraphEdge::conditionSentence(DependencyCondition condition, const QString &waiting, const QString &waitedFor)
{
    switch (condition) {
    case DependencyCondition::Started:
        return tr("%1 waits until %2 has started").arg(waiting, waitedFor);
    case DependencyCondition::Ready:
        return tr("%1 waits until %2 is ready").arg(waiting, waitedFor);
    case DependencyCondition::Completed:
        return tr("%1 waits until %2 has ended (any exit)").arg(waiting, waitedFor);
    case DependencyCondition::Succeeded:
        break;
    }
    return tr("%1 waits until %2 has exited with 0").arg(waiting, waitedFor);
}

QString StackGraphEdge::label() const
{
    return conditionLabel(m_condition);
}

void StackGraphEdge::setRoute(const QPointF &start, const QList<QPointF> &bends, const QPointF &end)
{
    prepareGeometryChange();
    m_start = start;
    m_end = end;
    QList<QPointF> points = {start};
    points.append(bends);
    points.append(end);
    QPainterPath path(start);
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF a = points.at(i - 1);
        const QPointF b = points.at(i);
        const qreal dy = (b.y() - a.y()) / 2;
        path.cubicTo(a + QPointF(0, dy), b - QPointF(0, dy), b);
    }
    m_path = path;
    // The head points along the curve's last tangent (downwards, for an arrow that goes down).
    const QPointF tip = end;
    QPointF back = path.pointAtPercent(std::max(0.0, 1.0 - ArrowSize * 1.5 / std::max(1.0, path.length())));
    QPointF direction = tip - back;
    const qreal length = std::hypot(direction.x(), direction.y());
    direction = length > 0 ? direction / length : QPointF(0, 1);
    const QPointF normal(-direction.y(), direction.x());
    m_head = QPolygonF({tip, tip - direction * ArrowSize * 1.6 + normal * ArrowSize * 0.7,
                        tip - direction * ArrowSize * 1.6 - normal * ArrowSize * 0.7});
}

void StackGraphEdge::setLabelAt(qreal fraction)
{
    prepareGeometryChange();
    m_labelAt = fraction;
}

QRectF StackGraphEdge::labelRectAt(qreal fraction) const
{
    const QFontMetricsF metrics(smallFont(QApplication::font()));
    const QSizeF size(metrics.horizontalAdvance(label()) + 8, metrics.height() + 2);
    const QPointF at = m_path.isEmpty() ? QPointF() : m_path.pointAtPercent(fraction);
    return QRectF(at - QPointF(size.width() / 2, size.height() / 2), size);
}

QRectF StackGraphEdge::boundingRect() const
{
    return m_path.boundingRect().united(m_head.boundingRect()).united(labelRectAt(m_labelAt)).adjusted(-3, -3, 3, 3);
}

QPainterPath StackGraphEdge::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addRect(labelRectAt(m_labelAt));
    return shape;
}

void StackGraphEdge::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option)
    const QPalette palette = paletteOf(widget);
    const QColor line = mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.35);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(line, 1.4));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(line);
    painter->drawPolygon(m_head);

    const QRectF box = labelRectAt(m_labelAt);
    painter->setBrush(palette.color(QPalette::Base));
    painter->setPen(QPen(mixed(line, palette.color(QPalette::Base), 0.5), 1));
    painter->drawRoundedRect(box, 4, 4);
    painter->setFont(smallFont(widget ? widget->font() : QApplication::font()));
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, label());
}

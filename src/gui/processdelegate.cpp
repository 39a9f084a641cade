#include "processdelegate.h"

#include "managedprocess.h"
#include "processtablemodel.h"
#include "statecolors.h"

#include <QApplication>
#include <QPainter>

namespace {

// The row's last run failed, as the status bar counts it (ProcessTableModel::outcome()).
bool failed(const QModelIndex &index)
{
    return index.data(ProcessTableModel::UnexpectedRole).toBool()
        || index.data(ProcessTableModel::StateRole).toInt() == int(ManagedProcess::State::FailedToStart);
}

} // namespace

ProcessDelegate::ProcessDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

// The Ready column in the State column's colours: ready as running, waiting as a wait, failed red;
// no check (-1) and no run greyed.
static QColor readinessColor(int readiness, const QPalette &palette)
{
    using R = ManagedProcess::Readiness;
    switch (readiness) {
    case int(R::Ready):
        return StateColors::forState(ManagedProcess::State::Running, palette);
    case int(R::Pending):
        return StateColors::forState(ManagedProcess::State::Waiting, palette);
    case int(R::Failed):
        return StateColors::failure(palette);
    default:
        return palette.color(QPalette::Disabled, QPalette::Text);
    }
}

void ProcessDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int state = index.data(ProcessTableModel::StateRole).toInt();
    const bool alive = index.data(ProcessTableModel::AliveRole).toBool();
    const bool selected = option->state & QStyle::State_Selected;
    // An entry whose last run failed without ProcDeck's doing stands out until it runs again.
    const bool unexpected = index.column() == ProcessTableModel::Name
        && index.data(ProcessTableModel::UnexpectedRole).toBool();
    if (unexpected)
        option->font.setBold(true);
    if (selected)
        return; // the highlight colours stay readable as they are

    switch (index.column()) {
    case ProcessTableModel::Name:
        if (unexpected)
            option->palette.setColor(QPalette::Text, StateColors::failure(option->palette));
        break;
    case ProcessTableModel::Pid:
        if (!alive)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        break;
    case ProcessTableModel::State:
        option->palette.setColor(QPalette::Text, StateColors::forStateText(ManagedProcess::State(state), failed(index),
                                                                           option->palette));
        break;
    case ProcessTableModel::Exit:
        if (failed(index))
            option->palette.setColor(QPalette::Text, StateColors::failure(option->palette));
        break;
    case ProcessTableModel::Ready:
        option->palette.setColor(QPalette::Text, readinessColor(index.data(ProcessTableModel::ReadinessRole).toInt(),
                                                                option->palette));
        break;
    default:
        break;
    }
}

void ProcessDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool rightAligned = index.data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight;
    if (index.column() != ProcessTableModel::Alive && !rightAligned) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The cell without its text (background, selection, focus), then the text drawn here.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor textColor = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);

    if (rightAligned) {
        // Numbers sit right-aligned: keep them a little off the next column's text.
        const QRect r = textRect.adjusted(0, 0, -opt.fontMetrics.horizontalAdvance(QLatin1Char(' ')), 0);
        painter->save();
        painter->setPen(textColor);
        painter->setFont(opt.font);
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignRight, opt.fontMetrics.elidedText(text, Qt::ElideLeft, r.width()));
        painter->restore();
        return;
    }

    // The Alive column: a dot (filled while alive, hollow once ended) before the text.
    const int state = index.data(ProcessTableModel::StateRole).toInt();
    const bool alive = index.data(ProcessTableModel::AliveRole).toBool();
    const QColor dotColor = selected ? textColor : StateColors::forState(ManagedProcess::State(state), opt.palette);

    const QRect r = textRect;
    const int d = qMax(6, opt.fontMetrics.height() / 2);
    const QRect dot(r.left() + 2, r.center().y() - d / 2, d, d);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(dotColor, 1.5));
    painter->setBrush(alive ? dotColor : Qt::transparent);
    painter->drawEllipse(dot);
    painter->setPen(textColor);
    painter->drawText(r.adjusted(d + 8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

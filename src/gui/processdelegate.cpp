#include "processdelegate.h"

#include "managedprocess.h"
#include "processtablemodel.h"

#include <QApplication>
#include <QPainter>

namespace {

// A hue mixed towards the palette's text colour, so it stays readable on light and dark bases.
QColor tinted(const QColor &hue, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QColor base = dark ? hue.lighter(150) : hue;
    return QColor::fromRgbF(base.redF() * 0.8f + text.redF() * 0.2f,
                            base.greenF() * 0.8f + text.greenF() * 0.2f,
                            base.blueF() * 0.8f + text.blueF() * 0.2f);
}

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

QColor ProcessDelegate::stateColor(int state, const QPalette &palette) const
{
    using S = ManagedProcess::State;
    switch (static_cast<S>(state)) {
    case S::Starting:
    case S::Running:
        return tinted(QColor(0x26, 0xa2, 0x69), palette);
    case S::Stopping:
    case S::Waiting:
    case S::WaitingForDependencies:
        return tinted(QColor(0xe6, 0x61, 0x00), palette);
    case S::Paused:
        return tinted(QColor(0x1c, 0x71, 0xd8), palette);
    case S::Killed:
    case S::FailedToStart:
    case S::Blocked:
        return tinted(QColor(0xc0, 0x1c, 0x28), palette);
    case S::NotStarted:
    case S::Exited:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

// The Ready column in the State column's colours: ready as running, waiting as a wait, failed red;
// no check (-1) and no run greyed.
QColor ProcessDelegate::readinessColor(int readiness, const QPalette &palette) const
{
    using R = ManagedProcess::Readiness;
    switch (readiness) {
    case int(R::Ready):
        return stateColor(int(ManagedProcess::State::Running), palette);
    case int(R::Pending):
        return stateColor(int(ManagedProcess::State::Waiting), palette);
    case int(R::Failed):
        return stateColor(int(ManagedProcess::State::FailedToStart), palette);
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
            option->palette.setColor(QPalette::Text, tinted(QColor(0xc0, 0x1c, 0x28), option->palette));
        break;
    case ProcessTableModel::Pid:
        if (!alive)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        break;
    case ProcessTableModel::State:
        // Red is for failures (the rows counted as failed): a stop by the user reads as an end.
        option->palette.setColor(QPalette::Text,
                                 stateColor(state == int(ManagedProcess::State::Killed) && !failed(index)
                                                ? int(ManagedProcess::State::Exited)
                                                : state,
                                            option->palette));
        break;
    case ProcessTableModel::Exit:
        if (failed(index))
            option->palette.setColor(QPalette::Text, tinted(QColor(0xc0, 0x1c, 0x28), option->palette));
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
    const QColor dotColor = selected ? textColor : stateColor(state, opt.palette);

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

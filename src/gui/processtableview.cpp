#include "processtableview.h"

#include "processtablemodel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

// What a column usually holds at its widest (not its rare extremes, which the cell elides and
// the tooltip shows in full).
QString typicalContent(int column)
{
    switch (column) {
    case ProcessTableModel::Name:
        return u"worker-12"_s;
    case ProcessTableModel::Pid:
        return u"4194304"_s;
    case ProcessTableModel::Alive:
        return u"Yes"_s;
    case ProcessTableModel::State:
        return u"Next run 00:00"_s; // a scheduled entry's (longer than "Terminated")
    case ProcessTableModel::Exit:
        return u"-15 (SIGTERM)"_s;
    case ProcessTableModel::Started:
        return u"00:00:00"_s;
    case ProcessTableModel::RunTime:
        return u"10:00:00"_s;
    case ProcessTableModel::Cpu:
        return u"100.0 %"_s;
    case ProcessTableModel::Memory:
        return u"999.9 MB"_s;
    case ProcessTableModel::Ready:
        return u"waiting"_s; // "waiting (2 of 3)" elides; the tooltip has it all
    default:
        return u"999"_s;
    }
}

} // namespace

ProcessTableView::ProcessTableView(QWidget *parent)
    : QTableView(parent)
{
    // Tab leaves the table for the next part of the window; the arrows move between rows.
    setTabKeyNavigation(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ProcessTableView::applyDefaultWidths()
{
    QHeaderView *header = horizontalHeader();
    const QFontMetrics cells(font());
    const QFontMetrics headers(header->font());
    // The cell's and the header's margins. No room is kept for the sort arrow: the one sorted
    // column may elide its title, eleven columns fit the window.
    const int cellMargin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 3);
    const int headerMargin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 4;
    for (int column = 0; column < model()->columnCount(); ++column) {
        const QString title = model()->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, qMax(headers.horizontalAdvance(title) + headerMargin,
                                           cells.horizontalAdvance(typicalContent(column)) + cellMargin));
    }
    createColumnActions();
}

void ProcessTableView::createColumnActions()
{
    qDeleteAll(m_columnActions);
    m_columnActions.clear();
    for (int column = 0; column < model()->columnCount(); ++column) {
        auto *action = new QAction(model()->headerData(column, Qt::Horizontal).toString(), this);
        action->setObjectName(u"actionColumn%1"_s.arg(column));
        action->setCheckable(true);
        action->setEnabled(column != 0); // a row needs its name
        connect(action, &QAction::toggled, this, [this, column](bool shown) {
            if (horizontalHeader()->isSectionHidden(column) != shown)
                return;
            horizontalHeader()->setSectionHidden(column, !shown);
            emit columnsChanged();
        });
        m_columnActions.append(action);
    }
    horizontalHeader()->addActions(m_columnActions);
    syncColumnActions();
}

void ProcessTableView::syncColumnActions()
{
    for (int column = 0; column < m_columnActions.size(); ++column)
        m_columnActions.at(column)->setChecked(!horizontalHeader()->isSectionHidden(column));
}

QList<QAction *> ProcessTableView::columnActions() const
{
    return m_columnActions;
}

QByteArray ProcessTableView::saveColumns() const
{
    return horizontalHeader()->saveState();
}

bool ProcessTableView::restoreColumns(const QByteArray &state)
{
    if (state.isEmpty() || !horizontalHeader()->restoreState(state))
        return false;
    horizontalHeader()->setSectionHidden(0, false);
    syncColumnActions();
    return true;
}

void ProcessTableView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

QString ProcessTableView::emptyText() const
{
    return m_emptyText;
}

void ProcessTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || !model() || model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int margin = fontMetrics().height();
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                     Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void ProcessTableView::enterFrom(QLineEdit *edit)
{
    if (m_enterFrom)
        m_enterFrom->removeEventFilter(this);
    m_enterFrom = edit;
    if (edit)
        edit->installEventFilter(this);
}

bool ProcessTableView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_enterFrom && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_PageDown) {
            enterTable();
            return true;
        }
    }
    return QTableView::eventFilter(watched, event);
}

void ProcessTableView::enterTable()
{
    setFocus(Qt::TabFocusReason);
    if (!model() || model()->rowCount() == 0)
        return;
    if (!currentIndex().isValid() || !selectionModel()->hasSelection()) {
        selectionModel()->setCurrentIndex(model()->index(0, 0),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

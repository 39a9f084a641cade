// OutputView: keyboard, mouse and context menu. See outputview.cpp.
#include "outputview.h"

#include <QAbstractSlider>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>

#include <algorithm>

// --- Input -----------------------------------------------------------------------------------

bool OutputView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Copy and Select All belong to the view while it has the focus, not to a window action.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key == QKeySequence::Copy || key == QKeySequence::SelectAll) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void OutputView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool control = event->modifiers() & Qt::ControlModifier;
    const int page = std::max(1, verticalScrollBar()->pageStep());
    QScrollBar *vertical = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Escape:
        if (hasSelection()) {
            clearSelection();
            return;
        }
        break;
    case Qt::Key_Up:
        shift ? moveCursorBy(-1, 0, false) : vertical->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Down:
        shift ? moveCursorBy(1, 0, false) : vertical->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    case Qt::Key_PageUp:
        shift ? moveCursorBy(-page, 0, false) : vertical->triggerAction(QAbstractSlider::SliderPageStepSub);
        return;
    case Qt::Key_PageDown:
        shift ? moveCursorBy(page, 0, false) : vertical->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int step = event->key() == Qt::Key_Left ? -1 : 1;
        if (shift)
            moveCursorBy(0, step, false);
        else
            horizontalScrollBar()->triggerAction(step < 0 ? QAbstractSlider::SliderSingleStepSub
                                                          : QAbstractSlider::SliderSingleStepAdd);
        return;
    }
    case Qt::Key_Home:
        if (shift && !control)
            moveCursorBy(0, -1, true);
        else if (shift)
            moveCursorBy(-rowCount(), -1, true);
        else
            vertical->triggerAction(QAbstractSlider::SliderToMinimum);
        return;
    case Qt::Key_End:
        if (shift && !control)
            moveCursorBy(0, 1, true);
        else if (shift)
            moveCursorBy(rowCount(), 1, true);
        else
            scrollToEnd();
        return;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void OutputView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    flush();
    OutputSelection::Position pos;
    if (positionAt(event->position().toPoint(), &pos)) {
        if (event->modifiers() & Qt::ShiftModifier && m_selection.isActive())
            m_selection.setCursor(pos);
        else
            m_selection.select(pos, pos);
        m_selection.setDragging(true);
        viewport()->update();
        emit selectionChanged();
    }
}

void OutputView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selection.isDragging())
        return;
    QPoint point = event->position().toPoint();
    if (point.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (point.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    point.setY(std::clamp(point.y(), 0, viewport()->height() - 1));
    OutputSelection::Position pos;
    if (positionAt(point, &pos)) {
        m_selection.setCursor(pos);
        viewport()->update();
        emit selectionChanged();
    }
}

void OutputView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_selection.isDragging()) {
        m_selection.setDragging(false);
        QClipboard *clipboard = QApplication::clipboard();
        if (hasSelection() && clipboard->supportsSelection())
            clipboard->setText(selectedText(), QClipboard::Selection);
    }
}

void OutputView::mouseDoubleClickEvent(QMouseEvent *event)
{
    OutputSelection::Position pos;
    if (event->button() != Qt::LeftButton || !positionAt(event->position().toPoint(), &pos))
        return;
    const int row = rowOfSequence(pos.sequence);
    if (row >= rowCount())
        return;
    const QString text = rowText(row);
    const auto isWord = [&text](int i) {
        const QChar c = text.at(i);
        return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.' || c == u'/';
    };
    int start = std::clamp(pos.offset, 0, int(text.size()));
    int end = start;
    while (start > 0 && isWord(start - 1))
        --start;
    while (end < text.size() && isWord(end))
        ++end;
    m_selection.select({pos.sequence, start}, {pos.sequence, end});
    m_selection.setDragging(false);
    viewport()->update();
    emit selectionChanged();
}

void OutputView::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void OutputView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("&Copy"), this, &OutputView::copy);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setEnabled(hasSelection());
    QAction *selectAllAction = menu.addAction(tr("Select &All"), this, &OutputView::selectAll);
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    if (!m_contextActions.isEmpty()) {
        menu.addSeparator();
        menu.addActions(m_contextActions);
    }
    menu.exec(event->globalPos());
}

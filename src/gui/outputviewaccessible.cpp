#include "outputviewaccessible.h"

#include "outputview.h"

#include <QAccessible>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QAccessibleInterface *outputViewFactory(const QString &className, QObject *object)
{
    if (className == "OutputView"_L1 && object && object->isWidgetType())
        return new OutputViewAccessible(static_cast<OutputView *>(object));
    return nullptr;
}

} // namespace

OutputViewAccessible::OutputViewAccessible(OutputView *view)
    : QAccessibleWidget(view, QAccessible::EditableText)
{
}

void OutputViewAccessible::installFactory()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(&outputViewFactory);
        installed = true;
    }
}

OutputView *OutputViewAccessible::view() const
{
    return static_cast<OutputView *>(widget());
}

QString OutputViewAccessible::visibleText() const
{
    return view()->visibleRowsText();
}

void *OutputViewAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QAccessible::State OutputViewAccessible::state() const
{
    QAccessible::State state = QAccessibleWidget::state();
    state.readOnly = true;
    state.multiLine = true;
    state.selectableText = true;
    return state;
}

QString OutputViewAccessible::text(QAccessible::Text type) const
{
    if (type == QAccessible::Value)
        return visibleText();
    return QAccessibleWidget::text(type);
}

void OutputViewAccessible::selection(int selectionIndex, int *startOffset, int *endOffset) const
{
    *startOffset = 0;
    *endOffset = 0;
    if (selectionIndex == 0)
        view()->visibleSelection(startOffset, endOffset);
}

int OutputViewAccessible::selectionCount() const
{
    int start = 0;
    int end = 0;
    return view()->visibleSelection(&start, &end) ? 1 : 0;
}

void OutputViewAccessible::addSelection(int startOffset, int endOffset)
{
    view()->setVisibleSelection(startOffset, endOffset);
}

void OutputViewAccessible::removeSelection(int selectionIndex)
{
    if (selectionIndex == 0)
        view()->clearSelection();
}

void OutputViewAccessible::setSelection(int selectionIndex, int startOffset, int endOffset)
{
    if (selectionIndex == 0)
        view()->setVisibleSelection(startOffset, endOffset);
}

int OutputViewAccessible::cursorPosition() const
{
    int start = 0;
    int end = 0;
    return view()->visibleSelection(&start, &end) ? end : 0;
}

void OutputViewAccessible::setCursorPosition(int position)
{
    view()->setVisibleSelection(position, position);
}

QString OutputViewAccessible::text(int startOffset, int endOffset) const
{
    const QString all = visibleText();
    const int start = std::clamp(startOffset, 0, int(all.size()));
    const int end = endOffset < 0 ? int(all.size()) : std::clamp(endOffset, start, int(all.size()));
    return all.mid(start, end - start);
}

int OutputViewAccessible::characterCount() const
{
    return int(visibleText().size());
}

QRect OutputViewAccessible::characterRect(int offset) const
{
    const QRect rect = view()->visibleCharacterRect(offset);
    if (rect.isNull())
        return {};
    return QRect(view()->viewport()->mapToGlobal(rect.topLeft()), rect.size());
}

int OutputViewAccessible::offsetAtPoint(const QPoint &point) const
{
    return view()->visibleTextOffsetAt(view()->viewport()->mapFromGlobal(point));
}

void OutputViewAccessible::scrollToSubstring(int, int) {}

QString OutputViewAccessible::attributes(int offset, int *startOffset, int *endOffset) const
{
    *startOffset = offset;
    *endOffset = offset;
    return {};
}

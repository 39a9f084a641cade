#pragma once

#include <QAccessibleWidget>

class OutputView;

// What screen readers and UI automation see of an OutputView: a read-only, multi-line text named
// "Output" whose text is the lines in view (the view paints itself, so Qt cannot know its text).
class OutputViewAccessible final : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit OutputViewAccessible(OutputView *view);

    // Registers the factory that gives every OutputView this interface (once per program).
    static void installFactory();

    void *interface_cast(QAccessible::InterfaceType type) override;
    QAccessible::State state() const override;
    QString text(QAccessible::Text type) const override;

    // QAccessibleTextInterface: offsets count in the text of the lines in view.
    void selection(int selectionIndex, int *startOffset, int *endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint &point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int *startOffset, int *endOffset) const override;

private:
    OutputView *view() const;
    QString visibleText() const;
};

#pragma once

#include <QtGlobal>

#include <climits>
#include <utility>

class OutputIndex;

// The text selection of an output view. Each end is a line's sequence number and an offset in the
// line's display text, not a row, so the selection stays on the same text while rows arrive, are
// dropped or are filtered out; span() resolves it against the rows shown now, one rule for what is
// painted, copied and reported to accessibility.
class OutputSelection final
{
public:
    struct Position
    {
        quint64 sequence = 0;
        int offset = 0; // in the line's display text; INT_MAX: its end
    };
    // The selection in rows: from firstOffset in firstRow to lastOffset in lastRow. A selected line
    // that is no longer a row is replaced by the start of the row after it (the first end) or the
    // end of the row before it (the last end).
    struct Span
    {
        int firstRow = 0;
        int lastRow = -1;
        int firstOffset = 0;
        int lastOffset = INT_MAX;

        bool isEmpty() const { return lastRow < firstRow; }
        bool contains(int row) const { return row >= firstRow && row <= lastRow; }
        // The selected part [first, second) of a row of `length` display characters.
        std::pair<int, int> columnsOf(int row, int length) const
        {
            return {row == firstRow ? std::min(firstOffset, length) : 0,
                    row == lastRow ? std::min(lastOffset, length) : length};
        }
    };

    // A selection was made, even an empty one (a click): the cursor keys extend it.
    bool isActive() const { return m_active; }
    // Active and not empty.
    bool hasSelection() const;
    // The mouse is selecting.
    bool isDragging() const { return m_dragging; }
    void setDragging(bool dragging) { m_dragging = dragging; }

    void select(Position anchor, Position cursor);
    // Moves the end that moves (the anchor stays).
    void setCursor(Position cursor) { m_cursor = cursor; }
    // Returns whether there was a selection to clear.
    bool clear();

    Position anchor() const { return m_anchor; }
    Position cursor() const { return m_cursor; }
    // The two ends, the first in the text first.
    std::pair<Position, Position> ordered() const;
    Span span(const OutputIndex &rows) const;

private:
    Position m_anchor;
    Position m_cursor;
    bool m_active = false;
    bool m_dragging = false;
};

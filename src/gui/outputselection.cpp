#include "outputselection.h"

#include "outputindex.h"

bool OutputSelection::hasSelection() const
{
    return m_active && (m_anchor.sequence != m_cursor.sequence || m_anchor.offset != m_cursor.offset);
}

void OutputSelection::select(Position anchor, Position cursor)
{
    m_anchor = anchor;
    m_cursor = cursor;
    m_active = true;
}

bool OutputSelection::clear()
{
    const bool was = m_active;
    m_active = false;
    m_dragging = false;
    return was;
}

std::pair<OutputSelection::Position, OutputSelection::Position> OutputSelection::ordered() const
{
    const bool cursorFirst = m_cursor.sequence < m_anchor.sequence
        || (m_cursor.sequence == m_anchor.sequence && m_cursor.offset < m_anchor.offset);
    return cursorFirst ? std::make_pair(m_cursor, m_anchor) : std::make_pair(m_anchor, m_cursor);
}

OutputSelection::Span OutputSelection::span(const OutputIndex &rows) const
{
    const int count = rows.rowCount();
    if (!hasSelection() || count == 0)
        return {};
    const auto [start, end] = ordered();
    Span span;
    span.firstRow = rows.rowOfSequence(start.sequence);
    if (span.firstRow >= count)
        return {};
    span.firstOffset = rows.row(span.firstRow).sequence == start.sequence ? start.offset : 0;
    span.lastRow = rows.rowOfSequence(end.sequence);
    span.lastOffset = end.offset;
    if (span.lastRow >= count || rows.row(span.lastRow).sequence != end.sequence) {
        --span.lastRow;
        span.lastOffset = INT_MAX;
    }
    return span;
}

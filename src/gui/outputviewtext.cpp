// OutputView: its rows as text (display text, accessibility positions, plain-text export) and the
// selection's text and movements. The view's painting and scrolling are in outputview.cpp, its
// input handlers in outputviewinput.cpp.
#include "outputview.h"

#include "managedprocess.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

// --- Rows as text ------------------------------------------------------------------------------

OutputView::Display OutputView::displayOf(const Row &row, bool withTimestamps, bool longTimestamps) const
{
    const OutputLine &line = lineOf(row);
    Display display;
    if (withTimestamps) {
        display.text += QDateTime::fromMSecsSinceEpoch(line.timeMs)
                            .toString(longTimestamps ? u"yyyy-MM-dd HH:mm:ss.zzz"_s : u"HH:mm:ss.zzz"_s);
        display.text += u' ';
    }
    if (m_showNames) {
        const QString &name = m_sources[size_t(row.source)].name;
        display.text += name;
        display.text += QString(m_nameWidth - name.size(), u' ');
        display.text += Separator;
    }
    display.textStart = int(display.text.size());
    display.text += line.text;
    display.textEnd = int(display.text.size());
    if (line.continued)
        display.text += ContinuationMark;
    return display;
}

QString OutputView::rowText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const Display display = displayOf(m_index.row(row), m_timestamps);
    return display.text.left(display.textEnd);
}

OutputStream OutputView::rowStream(int row) const
{
    if (row < 0 || row >= rowCount())
        return OutputStream::Stdout;
    return lineOf(m_index.row(row)).stream;
}

QColor OutputView::rowColor(int row) const
{
    return m_style.streamColor(rowStream(row));
}

ManagedProcess *OutputView::rowProcess(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return m_sources[size_t(m_index.row(row).source)].process;
}

QString OutputView::visibleRowsText() const
{
    QStringList lines;
    const int last = lastVisibleRow();
    for (int row = firstVisibleRow(); row >= 0 && row <= last; ++row)
        lines.append(rowText(row));
    return lines.join(u'\n');
}

bool OutputView::visibleRowAt(int textOffset, int *row, int *column) const
{
    const int last = lastVisibleRow();
    int start = 0;
    for (int r = firstVisibleRow(); r >= 0 && r <= last; ++r) {
        const int length = int(rowText(r).size());
        if (textOffset <= start + length) {
            *row = r;
            *column = std::max(0, textOffset - start);
            return true;
        }
        start += length + 1;
    }
    return false;
}

int OutputView::visibleTextOffset(int row, int column) const
{
    const int first = firstVisibleRow();
    const int last = lastVisibleRow();
    if (row < first)
        return 0;
    int start = 0;
    for (int r = first; r >= 0 && r <= last; ++r) {
        const int length = int(rowText(r).size());
        if (r == row)
            return start + std::clamp(column, 0, length);
        start += length + 1;
    }
    return std::max(0, start - 1);
}

int OutputView::rowTop(int row) const
{
    int y = topOffset();
    for (int r = firstVisibleRow(); r < row && r < rowCount(); ++r)
        y += rowHeight(r);
    return y;
}

int OutputView::visibleTextOffsetAt(const QPoint &point) const
{
    if (m_index.isEmpty() || !viewport()->rect().contains(point))
        return -1;
    OutputSelection::Position pos;
    if (!positionAt(point, &pos))
        return -1;
    const int row = rowOfSequence(pos.sequence);
    return visibleTextOffset(row, pos.offset);
}

QRect OutputView::visibleCharacterRect(int offset) const
{
    int row = 0;
    int column = 0;
    if (!visibleRowAt(offset, &row, &column))
        return {};
    const qreal left = Margin - (m_wrap ? 0 : horizontalScrollBar()->value());
    const int y = rowTop(row);
    const Layout *layout = nullptr;
    int lineIndex = 0;
    if (isChunked(row)) {
        lineIndex = column / chunkColumns();
        layout = layoutFor(row, lineIndex);
    } else {
        layout = layoutFor(row);
    }
    const int inLayout = column - layout->offset;
    if (inLayout < 0 || inLayout > layout->layout.text().size())
        return QRect(int(left + column * m_charWidth), y, int(m_charWidth), m_lineSpacing);
    const QTextLine line = layout->layout.lineForTextPosition(inLayout);
    if (!line.isValid())
        return {};
    const qreal x = line.cursorToX(inLayout);
    const int top = isChunked(row) ? y + lineIndex * m_lineSpacing : y + line.lineNumber() * m_lineSpacing;
    return QRect(int(left + layout->x + x), top, int(m_charWidth), m_lineSpacing);
}

bool OutputView::visibleSelection(int *start, int *end) const
{
    const OutputSelection::Span span = m_selection.span(m_index);
    const int first = firstVisibleRow();
    const int last = lastVisibleRow();
    if (span.isEmpty() || span.lastRow < first || span.firstRow > last)
        return false;
    *start = span.firstRow < first ? 0 : visibleTextOffset(span.firstRow, span.firstOffset);
    *end = visibleTextOffset(std::min(span.lastRow, last), span.lastRow > last ? INT_MAX : span.lastOffset);
    return *end > *start;
}

void OutputView::setVisibleSelection(int start, int end)
{
    int startRow = 0;
    int startColumn = 0;
    int endRow = 0;
    int endColumn = 0;
    if (!visibleRowAt(start, &startRow, &startColumn) || !visibleRowAt(std::max(start, end), &endRow, &endColumn)) {
        clearSelection();
        return;
    }
    m_selection.select({m_index.row(startRow).sequence, startColumn}, {m_index.row(endRow).sequence, endColumn});
    viewport()->update();
    emit selectionChanged();
}

void OutputView::writePlainText(QTextStream &out, bool withTimestamps) const
{
    bool joined = false; // this row goes on from the previous one (a cut long line)
    for (int i = 0; i < rowCount(); ++i) {
        const Row &row = m_index.row(i);
        const OutputLine &line = lineOf(row);
        if (joined) {
            out << line.text;
        } else {
            const Display display = displayOf(row, withTimestamps, true);
            out << QStringView(display.text).left(display.textEnd);
        }
        joined = line.continued && i + 1 < rowCount() && m_index.row(i + 1).source == row.source
            && m_index.row(i + 1).line == row.line + 1;
        if (!joined)
            out << '\n';
    }
}

// --- Selection -----------------------------------------------------------------------------------

bool OutputView::hasSelection() const
{
    return m_selection.hasSelection();
}

QString OutputView::rowDisplaySlice(int row, int from, int to) const
{
    const Display display = displayOf(m_index.row(row), m_timestamps);
    const int end = std::min(to, display.textEnd);
    const int start = std::clamp(from, 0, display.textEnd);
    return end > start ? display.text.mid(start, end - start) : QString();
}

QString OutputView::selectedText() const
{
    const OutputSelection::Span span = m_selection.span(m_index);
    QStringList parts;
    for (int row = span.firstRow; row <= span.lastRow; ++row) {
        parts.append(rowDisplaySlice(row, row == span.firstRow ? span.firstOffset : 0,
                                     row == span.lastRow ? span.lastOffset : INT_MAX));
    }
    return parts.join(u'\n');
}

void OutputView::selectAll()
{
    flush();
    if (m_index.isEmpty())
        return;
    m_selection.select({m_index.row(0).sequence, 0}, {m_index.row(rowCount() - 1).sequence, INT_MAX});
    viewport()->update();
    emit selectionChanged();
}

void OutputView::clearSelection()
{
    if (!m_selection.clear())
        return;
    viewport()->update();
    emit selectionChanged();
}

void OutputView::copy() const
{
    if (hasSelection())
        QApplication::clipboard()->setText(selectedText());
}

bool OutputView::positionAt(const QPoint &point, OutputSelection::Position *pos) const
{
    if (m_index.isEmpty())
        return false;
    if (point.y() < 0) {
        *pos = {m_index.row(firstVisibleRow()).sequence, 0};
        return true;
    }
    const qreal left = Margin - (m_wrap ? 0 : horizontalScrollBar()->value());
    int y = topOffset();
    for (int row = firstVisibleRow(); row < rowCount(); ++row) {
        const bool chunked = isChunked(row);
        const int lines = rowLines(row);
        const int height = lines * m_lineSpacing;
        if (point.y() < y + height) {
            const int lineIndex = std::clamp((point.y() - y) / m_lineSpacing, 0, lines - 1);
            const Layout *layout = chunked ? layoutFor(row, lineIndex) : layoutFor(row);
            const QTextLine line = layout->layout.lineAt(chunked ? 0 : lineIndex);
            const int offset = line.isValid() ? line.xToCursor(point.x() - left - layout->x) : 0;
            *pos = {m_index.row(row).sequence,
                    std::clamp(offset + layout->offset, 0, layout->displaySize)};
            return true;
        }
        y += height;
        if (y > viewport()->height() + height)
            break;
    }
    // Below the last row: the end of the last row in view.
    const int last = std::min(lastVisibleRow(), rowCount() - 1);
    *pos = {m_index.row(last).sequence, INT_MAX};
    return true;
}

void OutputView::moveCursorBy(int rows, int columns, bool toLineEdge)
{
    flush();
    if (m_index.isEmpty())
        return;
    if (!m_selection.isActive()) {
        const OutputSelection::Position top{m_index.row(firstVisibleRow()).sequence, 0};
        m_selection.select(top, top);
    }
    int row = std::min(rowOfSequence(m_selection.cursor().sequence), rowCount() - 1);
    int offset = m_selection.cursor().offset;
    const auto lengthOf = [this](int r) { return int(rowText(r).size()); };
    row = std::clamp(row + rows, 0, rowCount() - 1);
    offset = std::clamp(offset, 0, lengthOf(row));
    if (toLineEdge)
        offset = columns < 0 ? 0 : lengthOf(row);
    else
        offset += columns;
    if (offset < 0) {
        if (row > 0) {
            --row;
            offset = lengthOf(row);
        } else {
            offset = 0;
        }
    } else if (offset > lengthOf(row)) {
        if (row + 1 < rowCount()) {
            ++row;
            offset = 0;
        } else {
            offset = lengthOf(row);
        }
    }
    m_selection.setCursor({m_index.row(row).sequence, offset});
    if (row < firstVisibleRow())
        verticalScrollBar()->setValue(row);
    else if (row > lastVisibleRow() || (row == lastVisibleRow() && row > firstVisibleRow()))
        verticalScrollBar()->setValue(firstVisibleRow() + (row - lastVisibleRow()) + 1);
    viewport()->update();
    emit selectionChanged();
}

#include "outputview.h"

#include "managedprocess.h"
#include "outputviewaccessible.h"

#include <QAbstractSlider>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QTextStream>
#include <QToolButton>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace {

constexpr int Margin = 4;
// Without wrap, a longer line is laid out only around the part in view.
constexpr int LongLine = 4096;
constexpr int WindowStep = 1024;
constexpr int TimestampLength = 13; // "HH:mm:ss.zzz "
constexpr int MaxNameWidth = 24;
const QString Separator = u" | "_s;
const QString ContinuationMark = u" \u21a9"_s;

} // namespace

OutputView::OutputView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    OutputViewAccessible::installFactory();
    setAccessibleName(tr("Output"));
    setAccessibleDescription(tr("Output of the processes: standard output, standard error and ProcDeck's messages"));
    setFocusPolicy(Qt::StrongFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setCursor(Qt::IBeamCursor);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_style = OutputStyle(palette());

    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { refresh(true); });

    m_jumpButton = new QToolButton(this);
    m_jumpButton->setObjectName(u"jumpToEndButton"_s);
    m_jumpButton->setText(tr("Jump to end"));
    m_jumpButton->setArrowType(Qt::DownArrow);
    m_jumpButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_jumpButton->setToolTip(tr("Scroll to the newest output and keep following it (Ctrl+End)"));
    m_jumpButton->setCursor(Qt::ArrowCursor);
    m_jumpButton->hide();
    connect(m_jumpButton, &QToolButton::clicked, this, &OutputView::scrollToEnd);

    changeEvent(nullptr);
    updateScrollBars();
}

OutputView::~OutputView() = default;

void OutputView::setProcesses(const QList<ManagedProcess *> &processes, bool showNames)
{
    for (int i = 0; i < m_index.sourceCount(); ++i) {
        if (OutputLog *log = m_index.log(i))
            disconnect(log, nullptr, this, nullptr);
    }
    for (const Source &source : m_sources) {
        if (source.process)
            disconnect(source.process, &ManagedProcess::finished, this, nullptr);
    }
    m_sources.clear();
    QList<OutputLog *> logs;
    for (ManagedProcess *process : processes) {
        if (!process || !process->output())
            continue;
        const bool duplicate = std::any_of(m_sources.cbegin(), m_sources.cend(),
                                           [process](const Source &s) { return s.process == process; });
        if (duplicate)
            continue;
        const int index = int(m_sources.size());
        Source source;
        source.process = process;
        source.id = process->id();
        source.color = m_style.entryColor(source.id);
        m_sources.push_back(source);
        logs.append(process->output());
        connect(process->output(), &OutputLog::changed, this, &OutputView::markDirty);
        // The run ended: no more output is coming, show the last of it now.
        connect(process, &ManagedProcess::finished, this, [this] {
            m_dirty = true;
            postFlush();
        });
        connect(process->output(), &OutputLog::cleared, this, [this, index] { purgeSource(index); });
    }
    m_index.setLogs(logs);
    m_showNames = showNames;
    refreshNames();
    rebuild();
}

QList<ManagedProcess *> OutputView::processes() const
{
    QList<ManagedProcess *> result;
    for (const Source &source : m_sources) {
        if (source.process)
            result.append(source.process);
    }
    return result;
}

void OutputView::refreshNames()
{
    bool changed = false;
    int width = 0;
    for (Source &source : m_sources) {
        const QString name = source.process ? source.process->spec().name.left(MaxNameWidth) : source.name;
        if (name != source.name) {
            source.name = name;
            changed = true;
        }
        width = std::max(width, int(source.name.size()));
    }
    if (!changed && width == m_nameWidth)
        return;
    m_nameWidth = width;
    relayout();
}

void OutputView::relayout()
{
    m_layouts.clear();
    m_maxWidth = 0;
    updateScrollBars();
    if (m_following)
        setScrollValue(verticalScrollBar()->maximum());
    placeJumpButton();
    viewport()->update();
}

void OutputView::setTimestampsVisible(bool visible)
{
    if (m_timestamps == visible)
        return;
    m_timestamps = visible;
    clearSelection();
    relayout();
}

void OutputView::setWrapEnabled(bool enabled)
{
    if (m_wrap == enabled)
        return;
    m_wrap = enabled;
    setHorizontalScrollBarPolicy(m_wrap ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    relayout();
}

void OutputView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

// --- Find and filter --------------------------------------------------------------------------

void OutputView::setFindPattern(const QString &pattern, Qt::CaseSensitivity sensitivity,
                                bool regularExpression)
{
    if (pattern == m_index.pattern() && sensitivity == m_index.sensitivity()
        && regularExpression == m_index.usesRegularExpression())
        return;
    m_index.setPattern(pattern, sensitivity, regularExpression);
    m_currentMatch = {0, -1};
    rebuild();
}

bool OutputView::isFindPatternValid() const
{
    return m_index.isPatternValid();
}

void OutputView::setFilterEnabled(bool enabled)
{
    if (m_index.isFilterEnabled() == enabled)
        return;
    m_index.setFilterEnabled(enabled);
    if (m_index.isFinding())
        rebuild();
}

int OutputView::currentMatch() const
{
    if (m_currentMatch.second < 0)
        return -1;
    return m_index.matchIndex(m_currentMatch.first, m_currentMatch.second);
}

void OutputView::findNext()
{
    flush();
    if (matchCount() == 0)
        return;
    int index = currentMatch();
    if (index >= 0) {
        index = (index + 1) % matchCount();
    } else {
        // From the top of the view.
        const quint64 top = m_index.isEmpty() ? 0 : m_index.row(firstVisibleRow()).sequence;
        index = m_index.firstMatchFrom(top);
        if (index >= matchCount())
            index = 0;
    }
    showMatch(index);
}

void OutputView::findPrevious()
{
    flush();
    if (matchCount() == 0)
        return;
    int index = currentMatch();
    if (index >= 0) {
        index = (index - 1 + matchCount()) % matchCount();
    } else {
        // From the bottom of the view.
        const int last = lastVisibleRow();
        index = m_index.lastMatchUpTo(last < 0 ? 0 : m_index.row(last).sequence);
        if (index < 0)
            index = matchCount() - 1;
    }
    showMatch(index);
}

void OutputView::showMatch(int index)
{
    const OutputIndex::Match &match = m_index.match(index);
    m_currentMatch = {match.sequence, match.start};
    const int row = rowOfSequence(match.sequence);
    if (row < firstVisibleRow() || row >= lastVisibleRow()) {
        setFollowing(false);
        const int page = std::max(1, viewport()->height() / m_lineSpacing);
        setScrollValue(std::clamp(row - page / 2, 0, verticalScrollBar()->maximum()));
    }
    if (!m_wrap) {
        const Display display = displayOf(m_index.row(row), m_timestamps);
        const qreal x = (display.textStart + match.start) * m_charWidth;
        QScrollBar *bar = horizontalScrollBar();
        if (x < bar->value() || x + match.length * m_charWidth > bar->value() + viewport()->width() - 2 * Margin)
            bar->setValue(int(x - viewport()->width() / 3));
    }
    placeJumpButton();
    viewport()->update();
    emit matchesChanged();
}

// --- The index ---------------------------------------------------------------------------------

// A change is shown at once when the last flush was FlushIntervalMs ago or more, else when that
// interval is over: output that trickles in appears without delay, a flood costs one flush per
// interval. The flush is a posted call, not a timer, whenever it is due: Qt's glib event dispatcher
// runs timers at idle priority after each timer dispatch until posted events have been handled, so
// while pipes are ready at every turn (many entries flooding) a timer could wait 100 ms and more.
void OutputView::markDirty()
{
    m_dirty = true;
    if (m_flushPosted)
        return;
    const qint64 since = m_sinceFlush.isValid() ? m_sinceFlush.elapsed() : FlushIntervalMs;
    if (since >= FlushIntervalMs)
        postFlush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(int(FlushIntervalMs - since));
}

void OutputView::postFlush()
{
    m_flushTimer.stop();
    if (m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, [this] {
        m_flushPosted = false;
        refresh(true);
    }, Qt::QueuedConnection);
}

void OutputView::rebuild()
{
    const quint64 top = m_index.isEmpty() ? 0 : m_index.row(firstVisibleRow()).sequence;
    m_index.reset();
    m_layouts.clear();
    m_maxWidth = 0;
    m_dirty = true;
    flush();
    if (!m_following)
        setScrollValue(std::min(rowOfSequence(top), verticalScrollBar()->maximum()));
    placeJumpButton();
    emit matchesChanged();
}

void OutputView::purgeSource(int source)
{
    m_index.purge(source);
    clearSelection();
    m_maxWidth = 0;
    updateScrollBars();
    emit matchesChanged();
    markDirty();
}

void OutputView::flush()
{
    while (m_dirty)
        refresh(false);
}

void OutputView::refresh(bool bounded)
{
    m_flushTimer.stop();
    if (!m_dirty)
        return;
    m_dirty = false;
    m_sinceFlush.start();
    const quint64 top = m_index.isEmpty() ? 0 : m_index.row(firstVisibleRow()).sequence;
    const OutputIndex::Result result = m_index.update(bounded);

    updateScrollBars();
    if (m_following)
        setScrollValue(verticalScrollBar()->maximum());
    else
        setScrollValue(std::min(rowOfSequence(top), verticalScrollBar()->maximum()));
    placeJumpButton();
    viewport()->update();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::VisibleDataChanged);
        QAccessible::updateAccessibility(&event);
    }
    emit rowsChanged();
    if (result.matchesChanged)
        emit matchesChanged();
    if (result.pending)
        markDirty();
}

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

// --- Layout and painting -------------------------------------------------------------------------

int OutputView::displayLength(const Row &row) const
{
    const OutputLine &line = lineOf(row);
    const int prefix = (m_timestamps ? TimestampLength : 0)
        + (m_showNames ? m_nameWidth + int(Separator.size()) : 0);
    return prefix + int(line.text.size()) + (line.continued ? int(ContinuationMark.size()) : 0);
}

bool OutputView::isChunked(int row) const
{
    // Laying out a wrapped line of many thousand characters takes tens of milliseconds; such a
    // line is cut at a fixed column count instead and only its screen lines in view are laid out.
    return m_wrap && displayLength(m_index.row(row)) > LongLine;
}

int OutputView::chunkColumns() const
{
    return std::max(8, int((viewport()->width() - 2 * Margin) / m_charWidth));
}

int OutputView::rowLines(int row) const
{
    if (!m_wrap)
        return 1;
    if (isChunked(row)) {
        const int columns = chunkColumns();
        return std::max(1, (displayLength(m_index.row(row)) + columns - 1) / columns);
    }
    return layoutFor(row)->lines;
}

const OutputView::Layout *OutputView::layoutFor(int rowIndex, int chunk) const
{
    const Row &row = m_index.row(rowIndex);
    const OutputLine &line = lineOf(row);
    const OutputLog *log = m_index.log(row.source);
    OutputRowLayouts::Request request;
    request.isLast = log && row.line == log->endLineNumber() - 1;
    request.tailRevision = log ? log->tailRevision() : 0;

    const int length = displayLength(row);
    int window = -1;
    request.wrap = m_wrap;
    if (chunk >= 0) {
        request.windowLength = chunkColumns();
        window = chunk * request.windowLength;
        request.wrap = false;
        request.chunk = true;
    } else if (!m_wrap && length > LongLine) {
        const int firstColumn = int(horizontalScrollBar()->value() / m_charWidth);
        window = std::max(0, (firstColumn - WindowStep) / WindowStep * WindowStep);
        request.windowLength = int(viewport()->width() / m_charWidth) + 3 * WindowStep;
    }
    request.key = {row.sequence, window};
    if (const Layout *cached = m_layouts.find(request.key, line.text.size(), request.isLast, request.tailRevision))
        return cached;

    Display display = displayOf(row, m_timestamps);
    request.line = &line;
    request.text = std::move(display.text);
    request.textStart = display.textStart;
    request.textEnd = display.textEnd;
    request.names = m_showNames;
    request.nameColor = m_sources[size_t(row.source)].color;
    OutputRowLayouts::Setup setup;
    setup.font = font();
    setup.width = viewport()->width() - 2 * Margin;
    setup.charWidth = m_charWidth;
    setup.lineSpacing = m_lineSpacing;
    setup.timestampLength = m_timestamps ? TimestampLength : 0;
    setup.nameWidth = m_nameWidth;
    setup.separatorLength = int(Separator.size());
    setup.markLength = int(ContinuationMark.size());
    return m_layouts.add(request, setup, m_style);
}

int OutputView::rowHeight(int row) const
{
    return rowLines(row) * m_lineSpacing;
}

int OutputView::rowsFittingAtEnd() const
{
    const int height = viewport()->height();
    if (!m_wrap)
        return std::max(1, height / m_lineSpacing);
    int used = 0;
    int count = 0;
    for (int row = rowCount() - 1; row >= 0; --row) {
        used += rowHeight(row);
        if (used > height)
            break;
        ++count;
    }
    return std::max(1, count);
}

int OutputView::topOffset() const
{
    // At the end, a wrapped last line taller than the view shows its end, not its start.
    const QScrollBar *bar = verticalScrollBar();
    if (!m_wrap || m_index.isEmpty() || bar->value() < bar->maximum())
        return 0;
    const int height = viewport()->height();
    int total = 0;
    for (int row = firstVisibleRow(); row < rowCount() && total <= height; ++row)
        total += rowHeight(row);
    return std::min(0, height - total);
}

int OutputView::firstVisibleRow() const
{
    return std::clamp(verticalScrollBar()->value(), 0, std::max(0, rowCount() - 1));
}

int OutputView::lastVisibleRow() const
{
    if (m_index.isEmpty())
        return -1;
    const int height = viewport()->height();
    int y = topOffset();
    int row = firstVisibleRow();
    for (; row < rowCount(); ++row) {
        y += rowHeight(row);
        if (y >= height)
            break;
    }
    return std::min(row, rowCount() - 1);
}

void OutputView::updateScrollBars()
{
    const bool setting = m_settingScroll;
    m_settingScroll = true;
    const int fit = rowsFittingAtEnd();
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, std::max(0, rowCount() - fit));
    vertical->setPageStep(fit);
    vertical->setSingleStep(1);
    QScrollBar *horizontal = horizontalScrollBar();
    if (m_wrap) {
        horizontal->setRange(0, 0);
    } else {
        horizontal->setRange(0, std::max(0, int(m_maxWidth) + 2 * Margin - viewport()->width()));
        horizontal->setPageStep(viewport()->width());
        horizontal->setSingleStep(int(4 * m_charWidth));
    }
    m_settingScroll = setting;
}

void OutputView::setScrollValue(int value)
{
    const bool setting = m_settingScroll;
    m_settingScroll = true;
    verticalScrollBar()->setValue(value);
    m_settingScroll = setting;
}

void OutputView::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    placeJumpButton();
    emit followingChanged(following);
}

void OutputView::scrollToEnd()
{
    flush();
    setFollowing(true);
    updateScrollBars();
    setScrollValue(verticalScrollBar()->maximum());
    viewport()->update();
}

void OutputView::scrollToRow(int row)
{
    flush();
    const int value = std::clamp(row, 0, verticalScrollBar()->maximum());
    setScrollValue(value);
    setFollowing(value >= verticalScrollBar()->maximum());
    viewport()->update();
}

void OutputView::scrollContentsBy(int, int)
{
    if (!m_settingScroll)
        setFollowing(verticalScrollBar()->value() >= verticalScrollBar()->maximum());
    viewport()->update();
}

void OutputView::placeJumpButton()
{
    if (!m_jumpButton)
        return; // still in the constructor
    const bool show = !m_following && !m_index.isEmpty();
    if (show) {
        m_jumpButton->adjustSize();
        const QRect area = viewport()->geometry();
        m_jumpButton->move(area.right() - m_jumpButton->width() - 8,
                           area.bottom() - m_jumpButton->height() - 8);
        m_jumpButton->raise();
    }
    m_jumpButton->setVisible(show);
}

void OutputView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), m_style.base());
    if (m_index.isEmpty()) {
        QString text = m_placeholder;
        if (!m_sources.empty()) {
            text = m_index.isFinding() && m_index.isFilterEnabled() ? tr("No line matches the filter.")
                                                                     : tr("No output yet.");
        }
        painter.setPen(m_style.dimText());
        painter.drawText(viewport()->rect().adjusted(Margin, Margin, -Margin, -Margin),
                         Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    const OutputSelection::Span selection = m_selection.span(m_index);
    QTextCharFormat matchFormat;
    matchFormat.setBackground(m_style.matchBackground());
    QTextCharFormat currentFormat;
    currentFormat.setBackground(m_style.currentMatchBackground());
    currentFormat.setForeground(QColor(Qt::black));
    QTextCharFormat selectedFormat;
    selectedFormat.setBackground(m_style.selectionBackground());
    selectedFormat.setForeground(m_style.selectionText());

    const int height = viewport()->height();
    const qreal left = Margin - (m_wrap ? 0 : horizontalScrollBar()->value());
    int y = topOffset();
    qreal widest = m_maxWidth;
    for (int row = firstVisibleRow(); row < rowCount() && y < height; ++row) {
        const quint64 sequence = m_index.row(row).sequence;
        const auto draw = [&](const Layout *layout, int top) {
            QList<QTextLayout::FormatRange> extra;
            const auto add = [&](int start, int count, const QTextCharFormat &format) {
                const int from = std::max(start - layout->offset, 0);
                const int to = std::min(start + count - layout->offset, int(layout->layout.text().size()));
                if (to > from)
                    extra.append({from, to - from, format});
            };
            const auto [firstMatch, endMatch] = m_index.matchesOf(sequence);
            for (int i = firstMatch; i < endMatch; ++i) {
                const OutputIndex::Match *match = &m_index.match(i);
                const bool current = match->sequence == m_currentMatch.first
                    && match->start == m_currentMatch.second;
                add(layout->textStart + match->start, match->length, current ? currentFormat : matchFormat);
            }
            if (selection.contains(row)) {
                const auto [from, to] = selection.columnsOf(row, layout->displaySize);
                add(from, to - from, selectedFormat);
            }
            layout->layout.draw(&painter, QPointF(left + layout->x, top), extra);
            widest = std::max(widest, layout->width);
        };
        if (isChunked(row)) {
            const int lines = rowLines(row);
            for (int chunk = std::max(0, -y / m_lineSpacing);
                 chunk < lines && y + chunk * m_lineSpacing < height; ++chunk)
                draw(layoutFor(row, chunk), y + chunk * m_lineSpacing);
            y += lines * m_lineSpacing;
        } else {
            const Layout *layout = layoutFor(row);
            draw(layout, y);
            y += layout->lines * m_lineSpacing;
        }
    }
    if (!m_wrap && widest > m_maxWidth) {
        m_maxWidth = widest;
        QMetaObject::invokeMethod(this, &OutputView::updateScrollBars, Qt::QueuedConnection);
    }
}

void OutputView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_wrap)
        m_layouts.clear();
    updateScrollBars();
    if (m_following)
        setScrollValue(verticalScrollBar()->maximum());
    placeJumpButton();
}

void OutputView::changeEvent(QEvent *event)
{
    if (event)
        QAbstractScrollArea::changeEvent(event);
    if (!event || event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange) {
        m_style = OutputStyle(palette());
        for (Source &source : m_sources)
            source.color = m_style.entryColor(source.id);
        const QFontMetricsF metrics(font());
        m_lineSpacing = std::max(1, qCeil(metrics.lineSpacing()));
        m_charWidth = std::max<qreal>(1, metrics.horizontalAdvance(u'M'));
        if (event)
            relayout();
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

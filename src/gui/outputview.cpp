// OutputView: set-up, find, the index, layout, painting and scrolling. Its rows as text and the
// selection are in outputviewtext.cpp, its input handlers in outputviewinput.cpp.
#include "outputview.h"

#include "managedprocess.h"
#include "outputviewaccessible.h"
#include "visibletext.h"

#include <QAccessible>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Without wrap, a longer line is laid out only around the part in view.
constexpr int LongLine = 4096;
constexpr int WindowStep = 1024;
constexpr int TimestampLength = 13; // "HH:mm:ss.zzz "
constexpr int MaxNameWidth = 24;

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
        // A name from the session file: its control characters shown, never laid out as bidi controls.
        const QString name = source.process ? VisibleText::visible(source.process->spec().name).left(MaxNameWidth) : source.name;
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

void OutputView::setCurrentRunOnly(bool only)
{
    if (m_index.isCurrentRunOnly() == only)
        return;
    m_index.setCurrentRunOnly(only);
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

QSize OutputView::terminalSize() const
{
    return {chunkColumns(), std::max(2, viewport()->height() / m_lineSpacing)};
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
    emit terminalSizeChanged(terminalSize());
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
        if (event) {
            relayout();
            emit terminalSizeChanged(terminalSize());
        }
    }
}

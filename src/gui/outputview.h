#pragma once

#include "outputindex.h"
#include "outputlog.h"
#include "outputrowlayouts.h"
#include "outputselection.h"
#include "outputstyle.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <utility>
#include <vector>

class ManagedProcess;
class QTextLayout;
class QTextStream;
class QToolButton;

// Shows the output of one or several entries, read straight from their OutputLogs. Nothing is
// copied: the view's index maps rows to (entry, line number) in arrival order, is brought up to date
// at most every FlushIntervalMs when a log changed, and the view paints only the rows in the
// viewport. Without a filter an update costs O(entries) however many lines arrived, so a flood
// costs a few rows' layout and paint per flush, and 100,000 kept lines cost nothing to paint.
//
// Scrolling is by logical line (a wrapped line scrolls as one). The view follows the end unless the
// user scrolled up; a "Jump to end" button is shown then.
class OutputView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputView)

public:
    static constexpr int FlushIntervalMs = 40;

    explicit OutputView(QWidget *parent = nullptr);
    ~OutputView() override;

    // The entries shown, interleaved by arrival order; showNames prefixes each line with its
    // entry's name in the entry's colour.
    void setProcesses(const QList<ManagedProcess *> &processes, bool showNames);
    QList<ManagedProcess *> processes() const;
    // Re-reads the entries' names (after an edit).
    void refreshNames();

    void setTimestampsVisible(bool visible);
    bool timestampsVisible() const { return m_timestamps; }
    void setWrapEnabled(bool enabled);
    bool wrapEnabled() const { return m_wrap; }
    // Shown when there is nothing to show.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // Find: every occurrence is counted and highlighted; the filter shows only matching lines.
    void setFindPattern(const QString &pattern, Qt::CaseSensitivity sensitivity, bool regularExpression);
    QString findPattern() const { return m_index.pattern(); }
    bool isFindPatternValid() const;
    void setFilterEnabled(bool enabled);
    bool isFilterEnabled() const { return m_index.isFilterEnabled(); }
    // Only the lines of each entry's current (last) run, in the single-entry and the All view.
    void setCurrentRunOnly(bool only);
    bool isCurrentRunOnly() const { return m_index.isCurrentRunOnly(); }
    int matchCount() const { return m_index.matchCount(); }
    int currentMatch() const; // index in [0, matchCount()), or -1
    void findNext();
    void findPrevious();

    bool isFollowing() const { return m_following; }
    void scrollToEnd();
    void scrollToRow(int row);
    int firstVisibleRow() const;
    int lastVisibleRow() const; // the last row at least partly in view, or -1
    // The view's text area in characters of its font (columns x lines): the size an entry's
    // terminal gets (terminalSizeChanged follows resizes and font changes).
    QSize terminalSize() const;

    // Applies pending log changes now (normally done on the repaint timer).
    void flush();

    // The rows of the view, after flush().
    int rowCount() const { return m_index.rowCount(); }
    QString rowText(int row) const; // as shown: [time ][name | ]text
    OutputStream rowStream(int row) const;
    QColor rowColor(int row) const; // the line's colour before ANSI spans
    ManagedProcess *rowProcess(int row) const;
    QString visibleRowsText() const; // the rows in the viewport, one per line
    // Positions in visibleRowsText() (for accessibility), in viewport coordinates.
    int visibleTextOffsetAt(const QPoint &point) const; // -1 outside the text
    QRect visibleCharacterRect(int offset) const;
    bool visibleSelection(int *start, int *end) const; // the selection's part in view
    void setVisibleSelection(int start, int end);
    // The whole view as plain text, one line per row (a cut long line is joined again).
    void writePlainText(QTextStream &out, bool withTimestamps) const;

    bool hasSelection() const;
    QString selectedText() const;
    void selectAll();
    void clearSelection();
    void copy() const;

    void setContextActions(const QList<QAction *> &actions);

signals:
    void followingChanged(bool following);
    void matchesChanged();
    void rowsChanged();
    void selectionChanged();
    void terminalSizeChanged(QSize columnsAndLines);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    static constexpr int Margin = 4;
    static constexpr QStringView Separator = u" | ";
    static constexpr QStringView ContinuationMark = OutputLine::ContinuationMark;

    struct Source
    {
        QPointer<ManagedProcess> process;
        QString name;
        int id = 0;
        QColor color;
    };
    using Row = OutputIndex::Row;
    struct Display
    {
        QString text;
        int textStart = 0; // where the line's own text begins
        int textEnd = 0;   // where it ends (a continuation mark may follow)
    };
    using Layout = OutputRowLayouts::Layout;

    void markDirty();
    void postFlush(); // a flush at the next turn of the event loop
    // Brings the index up to date with the logs; bounded: at most a tick's worth of find work.
    void refresh(bool bounded);
    void rebuild();
    void relayout(); // after a change of font, width, wrap or prefixes
    void purgeSource(int source);
    const OutputLine &lineOf(const Row &row) const { return m_index.line(row); }
    Display displayOf(const Row &row, bool withTimestamps, bool longTimestamps = false) const;
    // The layout of a row: the whole row, around the part in view for a long row without wrap,
    // or with `chunk` >= 0 one screen line of a long wrapped row (cut at chunkColumns()).
    const Layout *layoutFor(int row, int chunk = -1) const;
    int displayLength(const Row &row) const;
    bool isChunked(int row) const;
    int chunkColumns() const;
    int rowLines(int row) const;
    int rowHeight(int row) const;
    int rowsFittingAtEnd() const;
    int topOffset() const;
    void updateScrollBars();
    void setScrollValue(int value);
    void setFollowing(bool following);
    void placeJumpButton();
    int rowOfSequence(quint64 sequence) const { return m_index.rowOfSequence(sequence); }
    bool positionAt(const QPoint &point, OutputSelection::Position *pos) const;
    void showMatch(int index);
    void moveCursorBy(int rows, int columns, bool toLineEdge);
    QString rowDisplaySlice(int row, int from, int to) const;
    // visibleRowsText() offset <-> (row, offset in the row's text)
    bool visibleRowAt(int textOffset, int *row, int *column) const;
    int visibleTextOffset(int row, int column) const;
    int rowTop(int row) const; // y of a row in view

    OutputStyle m_style;
    std::vector<Source> m_sources; // display data, parallel to m_index's logs
    OutputIndex m_index;
    std::pair<quint64, int> m_currentMatch{0, -1}; // (sequence, start) of the current match
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush;
    bool m_flushPosted = false;
    bool m_dirty = false;
    bool m_showNames = false;
    int m_nameWidth = 0;
    bool m_timestamps = false;
    bool m_wrap = true;
    bool m_following = true;
    bool m_settingScroll = false;
    QString m_placeholder;

    OutputSelection m_selection;

    mutable OutputRowLayouts m_layouts;
    mutable qreal m_maxWidth = 0;
    int m_lineSpacing = 1;
    qreal m_charWidth = 1;
    QToolButton *m_jumpButton = nullptr;
    QList<QAction *> m_contextActions;
};

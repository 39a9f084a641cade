#pragma once

#include "outputtypes.h"

#include <QCache>
#include <QColor>
#include <QFont>
#include <QString>
#include <QTextLayout>

#include <memory>
#include <utility>

class OutputStyle;

// The laid-out rows of an output view, cached by (line sequence, window). A row is laid out from
// its display text ([timestamp ][name | ]text[ continuation mark]) with the formats of its parts
// and its ANSI spans (from OutputStyle); a long row is laid out one window at a time. A cached
// layout is rebuilt when its line's text changed size, or, for the last line of a log (which may
// be rewritten in place), when the log's tail revision changed.
//
// The cache does not watch what a layout depends on beyond the line: the view clears it when the
// font, the width, wrapping or the prefixes change.
class OutputRowLayouts final
{
public:
    using Key = std::pair<quint64, int>; // (sequence, first display column of the window or -1)

    struct Layout
    {
        QTextLayout layout;
        int textStart = 0;   // of the line's own text in the display text
        int textEnd = 0;
        int displaySize = 0;
        int offset = 0;     // display characters before the laid-out window (long lines)
        qreal x = 0;        // where the window starts
        qreal width = 0;    // natural width of the whole line
        int lines = 1;
        int textSize = 0;   // the line's text size when built
        bool wasLast = false;
        quint64 tailRevision = 0;
    };

    // What does not change from row to row (the view clears the cache when it does).
    struct Setup
    {
        QFont font;
        qreal width = 0;       // the width to wrap at
        qreal charWidth = 1;
        int lineSpacing = 1;
        int timestampLength = 0; // 0: no timestamps
        int nameWidth = 0;       // with names: their padded width, then the separator
        int separatorLength = 0;
        int markLength = 0;      // the continuation mark after a cut line
    };

    // One row to lay out.
    struct Request
    {
        Key key;
        const OutputLine *line = nullptr;
        QString text;            // the display text
        int textStart = 0;
        int textEnd = 0;
        bool names = false;
        QColor nameColor;
        int windowLength = 0;    // with a window (key.second >= 0): its length
        bool wrap = true;
        bool chunk = false;      // one screen line of a long wrapped row: starts at x = 0
        bool isLast = false;     // the last line of its log
        quint64 tailRevision = 0;
    };

    explicit OutputRowLayouts(int maxCost = 4000) { m_layouts.setMaxCost(maxCost); }

    // The cached layout of that key, if it is still good for a line of `textSize` characters.
    const Layout *find(const Key &key, qsizetype textSize, bool isLast, quint64 tailRevision);
    const Layout *add(const Request &request, const Setup &setup, const OutputStyle &style);
    void clear() { m_layouts.clear(); }

private:
    QList<QTextLayout::FormatRange> formats(const Request &request, const Setup &setup,
                                            const OutputStyle &style, int offset, int windowEnd) const;

    QCache<Key, Layout> m_layouts;
};

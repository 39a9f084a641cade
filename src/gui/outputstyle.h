#pragma once

#include "outputtypes.h"

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

#include <array>

// The colours and text formats of the output pane, derived from a palette so that light and dark themes both read
// well: one per stream, the 256 ANSI colours (0-15 adapted to the background, 16-255 the xterm
// cube and grey ramp), a stable colour per entry for the name prefixes, and find highlights.
class OutputStyle final
{
public:
    explicit OutputStyle(const QPalette &palette = QPalette());

    QColor text() const { return m_text; }
    QColor base() const { return m_base; }
    QColor dimText() const { return m_dim; }
    QColor matchBackground() const { return m_match; }
    QColor currentMatchBackground() const { return m_currentMatch; }
    QColor selectionBackground() const { return m_selection; }
    QColor selectionText() const { return m_selectionText; }

    // ANSI colour index 0-255; any other value gives the default text colour.
    QColor ansi(int index) const;
    // The colour of a line of that stream before its ANSI spans.
    QColor streamColor(OutputStream stream) const;
    // The format of a line of that stream before its ANSI spans (messages in italics).
    QTextCharFormat lineFormat(OutputStream stream) const;
    // The format of an ANSI span on a line whose format is `line`: colours by index, or exactly for
    // a 24-bit colour, bold basic colours as their bright variant (as terminals do), inverse, bold,
    // italic, underline.
    QTextCharFormat spanFormat(const QTextCharFormat &line, const OutputSpan &span) const;
    // The same entry id always gets the same colour; neighbouring ids get distant hues.
    QColor entryColor(int id) const;

    // a * (1 - t) + b * t, per channel.
    static QColor blend(const QColor &a, const QColor &b, qreal t);

private:
    bool m_dark = false;
    QColor m_text;
    QColor m_base;
    QColor m_stderr;
    QColor m_message;
    QColor m_dim;
    QColor m_match;
    QColor m_currentMatch;
    QColor m_selection;
    QColor m_selectionText;
    std::array<QColor, 16> m_basic;
};

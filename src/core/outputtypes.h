#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// The values output is made of: where a line came from, its styled runs, the line itself. Shared
// by the decoder, the log and everything that reads lines; no behaviour beyond equality.

// Where a line of output came from.
enum class OutputStream : quint8 { Stdout, Stderr, Message };

// A run of text with SGR attributes (colours as ANSI indexes 0-255, -1 = default). A 24-bit
// colour (SGR 38;2;r;g;b) sets foreground to the nearest index of the 256-colour palette and
// keeps the exact colour in foregroundRgb as 0x01RRGGBB (0 = none); the same for background.
struct OutputSpan
{
    int start = 0;
    int length = 0;
    qint16 foreground = -1;
    qint16 background = -1;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    quint32 foregroundRgb = 0;
    quint32 backgroundRgb = 0;

    static constexpr quint32 RgbValid = 0x01000000;

    // The same attributes, wherever the spans are.
    bool hasSameStyle(const OutputSpan &other) const
    {
        return foreground == other.foreground && background == other.background
            && bold == other.bold && italic == other.italic && underline == other.underline
            && inverse == other.inverse && foregroundRgb == other.foregroundRgb
            && backgroundRgb == other.backgroundRgb;
    }

    friend bool operator==(const OutputSpan &a, const OutputSpan &b)
    {
        return a.start == b.start && a.length == b.length && a.hasSameStyle(b);
    }
};

struct OutputLine
{
    // Shown after the text of a `continued` line, in the window and in headless output alike.
    static constexpr QStringView ContinuationMark = u" \u21a9";

    QString text;              // decoded, escape sequences removed, controls made visible
    QList<OutputSpan> spans;   // empty: the whole line in default style
    qint64 timeMs = 0;         // arrival, milliseconds since the epoch
    quint64 sequence = 0;      // arrival order across every OutputLog of the program
    qint64 byteCount = 0;      // bytes the child wrote for this line: terminator, escapes included
    int run = 0;               // 1 for the first run, 2 after a restart, …
    OutputStream stream = OutputStream::Stdout;
    bool continued = false;    // cut at the length limit; the line goes on in the next one
};

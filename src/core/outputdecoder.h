#pragma once

#include "outputtypes.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <vector>

// Where the decoder puts completed lines. nextLine() hands out a line object to overwrite (it may
// hold an old line's text, whose buffer is then reused): the decoder sets text, spans, byteCount
// and continued; the other fields are the sink's.
class OutputLineSink
{
public:
    virtual OutputLine &nextLine() = 0;

protected:
    ~OutputLineSink() = default;
};

// Turns the bytes of one output stream into lines, incrementally: bytes go in as they were read,
// completed lines come out, and the open (not yet terminated) line stays readable.
//
// - UTF-8, with a character split across reads rebuilt. Each maximal ill-formed subsequence
//   becomes one U+FFFD (the Unicode "maximal subpart" practice). No byte is lost or counted
//   twice: bytesIn() == bytesInLines() + bytesPending() + bytesDiscarded().
// - `\n` and `\r\n` end a line. A bare `\r` rewrites the line: the text before it stays visible
//   until the next visible character arrives, then the line starts over (progress bars).
// - A line reaching MaxLineLength UTF-16 units is cut; the piece has `continued` set.
// - SGR sequences (colours, bold, italic, underline, inverse, resets) become OutputSpans. Every
//   other escape sequence (CSI, OSC with BEL or ST, DCS/SOS/PM/APC strings, charset selects and
//   the other two-byte escapes) is removed and never acted on; a sequence split across reads is
//   handled. A string sequence (OSC, DCS…) is abandoned at a newline, so an unterminated title
//   never swallows the output that follows.
// - Remaining C0 controls and DEL are shown as Control Pictures (U+2400 + code, U+2421 for DEL),
//   C1 controls (U+0080-U+009F), U+2028/U+2029 and bidi controls as U+FFFD; a tab stays a tab
//   (VisibleText, the one rule for every text ProcDeck shows).
//
// Printable ASCII runs take a fast path (a vector scan for the next special byte, then one
// Latin-1 conversion per run); only escapes, controls and non-ASCII bytes go through the state
// machine.
class OutputDecoder final
{
public:
    static constexpr qsizetype MaxLineLength = 64 * 1024;

    OutputDecoder();

    // Decodes the next bytes; each completed line goes to the sink.
    void decode(QByteArrayView bytes, OutputLineSink &sink);
    // Completes the open line, if it has text, as if it had ended here (another stream's line is
    // about to be shown). A character or escape sequence in progress carries on.
    void breakLine(OutputLineSink &sink);
    // End of the stream: a partial character becomes U+FFFD, an unfinished escape sequence is
    // dropped, the open line is completed if it has text, and the style is reset.
    void finish(OutputLineSink &sink);

    // The same, appending the completed lines to a vector.
    void decode(QByteArrayView bytes, std::vector<OutputLine> &lines);
    void breakLine(std::vector<OutputLine> &lines);
    void finish(std::vector<OutputLine> &lines);

    // Nothing in progress: no open line, no partial character or sequence, default style, no
    // pending `\r` or bytes. What follows can be read as plain lines without the decoder, until
    // the next byte that is not printable ASCII.
    bool isIdle() const
    {
        return m_state == State::Ground && m_utf8Needed == 0 && !m_styled && !m_crPending
            && m_pendingBytes == 0 && m_open.text.isEmpty();
    }

    const QString &openText() const { return m_open.text; }
    const QList<OutputSpan> &openSpans() const { return m_open.spans; }
    bool hasOpenLine() const { return !m_open.text.isEmpty(); }

    qint64 bytesIn() const { return m_bytesIn; }
    qint64 bytesInLines() const { return m_bytesInLines; }      // in completed lines
    qint64 bytesPending() const { return m_pendingBytes; }      // in the open line
    qint64 bytesDiscarded() const { return m_bytesDiscarded; }  // escapes with no line to go to
    qint64 replacementCount() const { return m_replacements; }  // U+FFFD for invalid bytes
    qint64 escapeCount() const { return m_escapes; }            // sequences consumed (SGR too)
    qint64 controlCount() const { return m_controls; }          // controls shown as pictures

private:
    enum class State : quint8 {
        Ground,
        Escape,             // after ESC
        EscapeIntermediate, // ESC followed by 0x20-0x2F (charset selects and the like)
        Csi,                // ESC [
        String,             // OSC, DCS, SOS, PM, APC body
        StringEscape,       // ESC inside a string: ST if a backslash follows
    };

    void processByte(uchar c, OutputLineSink &lines);
    void ground(uchar c, OutputLineSink &lines);
    void csi(uchar c, OutputLineSink &lines);
    void applySgr();
    bool applyExtendedColour(int &i);
    void applySgrCode(int code, bool noUnderline);
    void appendLatin1(const char *data, qsizetype size, OutputLineSink &lines);
    void appendCodePoint(char32_t cp, OutputLineSink &lines);
    void styleAppended(qsizetype start, qsizetype length);
    void completeLine(bool continued, OutputLineSink &lines);
    void rewriteIfPending();
    void endSequence();
    void abortSequence(uchar c, OutputLineSink &lines);

    OutputLine m_open;          // text and spans of the open line
    OutputSpan m_style;         // current SGR attributes (start/length unused)
    bool m_styled = false;      // m_style differs from the default
    bool m_crPending = false;   // a bare \r was seen: the next visible text rewrites the line
    State m_state = State::Ground;

    // UTF-8 character in progress
    char32_t m_codePoint = 0;
    int m_utf8Needed = 0;
    uchar m_utf8Lower = 0x80;
    uchar m_utf8Upper = 0xBF;

    // CSI in progress
    static constexpr int MaxParams = 32;
    int m_params[MaxParams] = {};
    bool m_paramIsSub[MaxParams] = {}; // introduced by ':' (ITU T.416 sub-parameter)
    int m_paramCount = 0;
    bool m_paramStarted = false;
    bool m_paramKept = false;    // the parameter being read has a slot (at most MaxParams)
    bool m_nextIsSub = false;
    bool m_csiIgnored = false;  // private marker or intermediate bytes: not an SGR

    qint64 m_bytesIn = 0;
    qint64 m_bytesInLines = 0;
    qint64 m_pendingBytes = 0;
    qint64 m_bytesDiscarded = 0;
    qint64 m_replacements = 0;
    qint64 m_escapes = 0;
    qint64 m_controls = 0;
};

// A decoded line written back with SGR escape sequences for its spans (ESC [ … m before each span
// and a reset after it), which OutputDecoder reads back into the same text and spans: how the
// output of an attached session keeps its colours (the `watch` stream's `ansi`). The text itself
// has no escapes (the decoder removed them and made controls visible), so nothing else is added.
QString ansiStyledText(const QString &text, const QList<OutputSpan> &spans);

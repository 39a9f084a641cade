#include "outputdecoder.h"

#include "bytescan.h"
#include "visibletext.h"

#include <algorithm>

using namespace Qt::StringLiterals;


namespace {

// The index of the xterm 256-colour palette nearest to an RGB colour: the 6x6x6 cube or the
// 24-step grey ramp, whichever is closer.
qint16 nearestIndex(int r, int g, int b)
{
    static constexpr int levels[6] = {0, 95, 135, 175, 215, 255};
    const auto cubeStep = [](int v) { return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40; };
    const int cr = cubeStep(r), cg = cubeStep(g), cb = cubeStep(b);
    const auto distance = [&](int x, int y, int z) {
        return (x - r) * (x - r) + (y - g) * (y - g) + (z - b) * (z - b);
    };
    const int cubeDistance = distance(levels[cr], levels[cg], levels[cb]);
    const int average = (r + g + b) / 3;
    const int greyStep = average > 238 ? 23 : std::max(0, (average - 3) / 10);
    const int grey = 8 + 10 * greyStep;
    if (distance(grey, grey, grey) < cubeDistance)
        return qint16(232 + greyStep);
    return qint16(16 + 36 * cr + 6 * cg + cb);
}

} // namespace

namespace {

class VectorSink final : public OutputLineSink
{
public:
    explicit VectorSink(std::vector<OutputLine> &lines)
        : m_lines(lines)
    {
    }
    OutputLine &nextLine() override { return m_lines.emplace_back(); }

private:
    std::vector<OutputLine> &m_lines;
};

} // namespace

OutputDecoder::OutputDecoder() = default;

void OutputDecoder::decode(QByteArrayView bytes, std::vector<OutputLine> &lines)
{
    VectorSink sink(lines);
    decode(bytes, sink);
}

void OutputDecoder::breakLine(std::vector<OutputLine> &lines)
{
    VectorSink sink(lines);
    breakLine(sink);
}

void OutputDecoder::finish(std::vector<OutputLine> &lines)
{
    VectorSink sink(lines);
    finish(sink);
}

void OutputDecoder::decode(QByteArrayView bytes, OutputLineSink &lines)
{
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    m_bytesIn += bytes.size();
    while (p < end) {
        if (m_state == State::Ground && m_utf8Needed == 0) {
            const char *special = ByteScan::findSpecial(p, end);
            while (special != end && *special == '\t')
                special = ByteScan::findSpecial(special + 1, end);
            const qsizetype run = special - p;
            if (run > 0) {
                if (special != end && *special == '\n' && m_open.text.isEmpty() && !m_styled
                    && run <= MaxLineLength) {
                    // The common case: a whole plain line, converted once, straight into place.
                    OutputLine &line = lines.nextLine();
                    line.text = QLatin1StringView(p, run); // reuses the buffer it may have
                    if (line.spans.capacity() != 0)
                        line.spans = QList<OutputSpan>();
                    line.continued = false;
                    line.byteCount = m_pendingBytes + run + 1;
                    m_bytesInLines += line.byteCount;
                    m_pendingBytes = 0;
                    m_crPending = false;
                    p = special + 1;
                    continue;
                }
                appendLatin1(p, run, lines);
                p = special;
                continue;
            }
        }
        ++m_pendingBytes;
        processByte(uchar(*p), lines);
        ++p;
    }
}

void OutputDecoder::breakLine(OutputLineSink &lines)
{
    if (!m_open.text.isEmpty())
        completeLine(false, lines);
}

void OutputDecoder::finish(OutputLineSink &lines)
{
    if (m_utf8Needed > 0) {
        m_utf8Needed = 0;
        ++m_replacements;
        appendCodePoint(0xFFFD, lines);
    }
    if (m_state != State::Ground) {
        ++m_escapes;
        m_state = State::Ground;
    }
    if (!m_open.text.isEmpty()) {
        completeLine(false, lines);
    } else {
        m_bytesDiscarded += m_pendingBytes;
        m_pendingBytes = 0;
    }
    m_open.spans.clear();
    m_style = OutputSpan();
    m_styled = false;
    m_crPending = false;
}

void OutputDecoder::processByte(uchar c, OutputLineSink &lines)
{
    switch (m_state) {
    case State::Ground:
        ground(c, lines);
        return;
    case State::Escape:
        if (c == '[') {
            m_state = State::Csi;
            m_paramCount = 0;
            m_paramStarted = false;
            m_nextIsSub = false;
            m_csiIgnored = false;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            m_state = State::String; // OSC, DCS, SOS, PM, APC
        } else if (c >= 0x20 && c <= 0x2F) {
            m_state = State::EscapeIntermediate;
        } else if (c >= 0x30 && c <= 0x7E) {
            endSequence(); // two-byte escapes: ESC 7, ESC c, ESC =, …
        } else if (c == 0x18 || c == 0x1A) {
            endSequence(); // CAN, SUB cancel the sequence
        } else if (c != 0x1B && c != 0x7F) {
            abortSequence(c, lines);
        }
        return;
    case State::EscapeIntermediate:
        if (c >= 0x30 && c <= 0x7E)
            endSequence();
        else if (c == 0x1B)
            m_state = State::Escape;
        else if (c == 0x18 || c == 0x1A)
            endSequence();
        else if (!(c >= 0x20 && c <= 0x2F) && c != 0x7F)
            abortSequence(c, lines);
        return;
    case State::Csi:
        csi(c, lines);
        return;
    case State::String:
        if (c == 0x07 || c == 0x18 || c == 0x1A)
            endSequence(); // BEL ends an OSC (xterm); CAN/SUB cancel
        else if (c == 0x1B)
            m_state = State::StringEscape;
        else if (c == '\n')
            abortSequence(c, lines); // never let an unterminated string swallow the output
        return;
    case State::StringEscape:
        if (c == '\\') {
            endSequence(); // ST
        } else {
            ++m_escapes; // the string ends here; the ESC starts a new sequence
            m_state = State::Escape;
            processByte(c, lines);
        }
        return;
    }
}

void OutputDecoder::ground(uchar c, OutputLineSink &lines)
{
    if (m_utf8Needed > 0) {
        if (c >= m_utf8Lower && c <= m_utf8Upper) {
            m_codePoint = (m_codePoint << 6) | (c & 0x3F);
            m_utf8Lower = 0x80;
            m_utf8Upper = 0xBF;
            if (--m_utf8Needed == 0) {
                if (VisibleText::isHidden(m_codePoint)) { // C1 control, separator, bidi control
                    ++m_controls;
                    appendCodePoint(VisibleText::visibleCodePoint(m_codePoint), lines);
                } else {
                    appendCodePoint(m_codePoint, lines);
                }
            }
            return;
        }
        // The character is cut short: one U+FFFD for what came so far, then `c` afresh.
        m_utf8Needed = 0;
        ++m_replacements;
        appendCodePoint(0xFFFD, lines);
    }

    if (c < 0x80) {
        switch (c) {
        case '\n':
            completeLine(false, lines);
            return;
        case '\r':
            m_crPending = true;
            return;
        case 0x1B:
            m_state = State::Escape;
            return;
        case '\t':
            appendCodePoint(c, lines);
            return;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            ++m_controls;
            appendCodePoint(VisibleText::visibleCodePoint(c), lines);
            return;
        }
        appendCodePoint(c, lines);
        return;
    }

    m_utf8Lower = 0x80;
    m_utf8Upper = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        m_utf8Needed = 1;
        m_codePoint = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        m_utf8Needed = 2;
        m_codePoint = c & 0x0F;
        if (c == 0xE0)
            m_utf8Lower = 0xA0; // no overlong forms
        else if (c == 0xED)
            m_utf8Upper = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        m_utf8Needed = 3;
        m_codePoint = c & 0x07;
        if (c == 0xF0)
            m_utf8Lower = 0x90;
        else if (c == 0xF4)
            m_utf8Upper = 0x8F; // nothing above U+10FFFF
    } else {
        ++m_replacements; // a continuation byte out of place, or a byte UTF-8 never uses
        appendCodePoint(0xFFFD, lines);
    }
}

void OutputDecoder::csi(uchar c, OutputLineSink &lines)
{
    if (c >= '0' && c <= '9') {
        if (!m_paramStarted) {
            m_paramStarted = true;
            m_paramKept = m_paramCount < MaxParams;
            if (m_paramKept) {
                m_params[m_paramCount] = 0;
                m_paramIsSub[m_paramCount] = m_nextIsSub;
                ++m_paramCount;
            }
        }
        if (m_paramKept) {
            int &value = m_params[m_paramCount - 1];
            value = std::min(value * 10 + (c - '0'), 99999);
        }
        return;
    }
    if (c == ';' || c == ':') {
        if (!m_paramStarted && m_paramCount < MaxParams) {
            m_params[m_paramCount] = 0; // an empty parameter is 0
            m_paramIsSub[m_paramCount] = m_nextIsSub;
            ++m_paramCount;
        }
        m_paramStarted = false;
        m_nextIsSub = c == ':';
        return;
    }
    if ((c >= 0x3C && c <= 0x3F) || (c >= 0x20 && c <= 0x2F)) {
        m_csiIgnored = true; // private marker or intermediate: not an SGR we render
        return;
    }
    if (c >= 0x40 && c <= 0x7E) {
        if (c == 'm' && !m_csiIgnored) {
            if (!m_paramStarted && m_paramCount > 0 && m_paramCount < MaxParams) {
                m_params[m_paramCount] = 0; // a trailing separator: one more empty parameter
                m_paramIsSub[m_paramCount] = m_nextIsSub;
                ++m_paramCount;
            }
            applySgr();
        }
        endSequence();
        return;
    }
    if (c == 0x1B) {
        ++m_escapes;
        m_state = State::Escape;
    } else if (c == 0x18 || c == 0x1A) {
        endSequence();
    } else if (c != 0x7F) {
        abortSequence(c, lines);
    }
}

void OutputDecoder::applySgr()
{
    if (m_paramCount == 0)
        m_style = OutputSpan();
    for (int i = 0; i < m_paramCount; ++i) {
        if (m_paramIsSub[i])
            continue; // a stray sub-parameter
        const int p = m_params[i];
        if (p == 38 || p == 48) {
            if (!applyExtendedColour(i))
                break; // malformed: the rest of the sequence cannot be read reliably
            continue;
        }
        const bool hasSub = i + 1 < m_paramCount && m_paramIsSub[i + 1];
        applySgrCode(p, hasSub && m_params[i + 1] == 0);
        while (i + 1 < m_paramCount && m_paramIsSub[i + 1])
            ++i;
    }
    m_styled = !m_style.hasSameStyle(OutputSpan());
}

// SGR 38 or 48 at parameter i: 38:5:N, 38:2:R:G:B, 38:2:CS:R:G:B, 38;5;N or 38;2;R;G;B. Moves i to
// the last parameter read; false when the colour is malformed.
bool OutputDecoder::applyExtendedColour(int &i)
{
    const int p = m_params[i];
    const bool hasSub = i + 1 < m_paramCount && m_paramIsSub[i + 1];
    int mode = -1;
    int values[3] = {0, 0, 0};
    int valueCount = 0;
    if (hasSub) {
        int sub[6];
        int subCount = 0;
        while (i + 1 < m_paramCount && m_paramIsSub[i + 1]) {
            ++i;
            if (subCount < 6)
                sub[subCount++] = m_params[i];
        }
        if (subCount >= 1)
            mode = sub[0];
        if (mode == 5 && subCount >= 2) {
            values[0] = sub[1];
            valueCount = 1;
        } else if (mode == 2 && subCount >= 4) {
            const int first = subCount >= 5 ? 2 : 1;
            for (int k = 0; k < 3; ++k)
                values[k] = sub[first + k];
            valueCount = 3;
        }
    } else if (i + 2 < m_paramCount && m_params[i + 1] == 5) {
        mode = 5;
        values[0] = m_params[i + 2];
        valueCount = 1;
        i += 2;
    } else if (i + 4 < m_paramCount && m_params[i + 1] == 2) {
        mode = 2;
        for (int k = 0; k < 3; ++k)
            values[k] = m_params[i + 2 + k];
        valueCount = 3;
        i += 4;
    } else {
        return false;
    }
    qint16 index = -1;
    quint32 rgb = 0;
    if (mode == 5 && valueCount == 1 && values[0] <= 255) {
        index = qint16(values[0]);
    } else if (mode == 2 && valueCount == 3) {
        for (int &v : values)
            v = std::min(v, 255);
        index = nearestIndex(values[0], values[1], values[2]);
        rgb = OutputSpan::RgbValid | quint32(values[0] << 16 | values[1] << 8 | values[2]);
    } else {
        return true; // not a colour this decoder knows: ignored
    }
    if (p == 38) {
        m_style.foreground = index;
        m_style.foregroundRgb = rgb;
    } else {
        m_style.background = index;
        m_style.backgroundRgb = rgb;
    }
    return true;
}

// Every other SGR code; `noUnderline`: the code has the sub-parameter 0 (4:0 is "no underline",
// 4:1…4:5 are underline styles).
void OutputDecoder::applySgrCode(int p, bool noUnderline)
{
    switch (p) {
    case 0:
        m_style = OutputSpan();
        break;
    case 1:
        m_style.bold = true;
        break;
    case 3:
        m_style.italic = true;
        break;
    case 4:
        m_style.underline = !noUnderline;
        break;
    case 7:
        m_style.inverse = true;
        break;
    case 22:
        m_style.bold = false;
        break;
    case 23:
        m_style.italic = false;
        break;
    case 24:
        m_style.underline = false;
        break;
    case 27:
        m_style.inverse = false;
        break;
    case 39:
        m_style.foreground = -1;
        m_style.foregroundRgb = 0;
        break;
    case 49:
        m_style.background = -1;
        m_style.backgroundRgb = 0;
        break;
    default:
        if (p >= 30 && p <= 37) {
            m_style.foreground = qint16(p - 30);
            m_style.foregroundRgb = 0;
        } else if (p >= 90 && p <= 97) {
            m_style.foreground = qint16(p - 90 + 8);
            m_style.foregroundRgb = 0;
        } else if (p >= 40 && p <= 47) {
            m_style.background = qint16(p - 40);
            m_style.backgroundRgb = 0;
        } else if (p >= 100 && p <= 107) {
            m_style.background = qint16(p - 100 + 8);
            m_style.backgroundRgb = 0;
        }
        break; // faint, blink, strike-through, fonts…: not rendered
    }
}

void OutputDecoder::rewriteIfPending()
{
    if (!m_crPending)
        return;
    m_crPending = false;
    m_open.text.truncate(0);
    m_open.spans.clear();
}

void OutputDecoder::appendLatin1(const char *data, qsizetype size, OutputLineSink &lines)
{
    rewriteIfPending();
    while (size > 0) {
        qsizetype room = MaxLineLength - m_open.text.size();
        if (room <= 0) {
            completeLine(true, lines);
            room = MaxLineLength;
        }
        const qsizetype take = std::min(size, room);
        const qsizetype start = m_open.text.size();
        m_open.text.append(QLatin1StringView(data, take));
        styleAppended(start, take);
        m_pendingBytes += take;
        data += take;
        size -= take;
    }
}

void OutputDecoder::appendCodePoint(char32_t cp, OutputLineSink &lines)
{
    rewriteIfPending();
    const qsizetype units = cp > 0xFFFF ? 2 : 1;
    if (m_open.text.size() + units > MaxLineLength)
        completeLine(true, lines);
    const qsizetype start = m_open.text.size();
    if (units == 2) {
        const QChar pair[2] = {QChar::highSurrogate(cp), QChar::lowSurrogate(cp)};
        m_open.text.append(pair, 2);
    } else {
        m_open.text.append(QChar(char16_t(cp)));
    }
    styleAppended(start, units);
}

void OutputDecoder::styleAppended(qsizetype start, qsizetype length)
{
    if (!m_styled)
        return;
    if (!m_open.spans.isEmpty()) {
        OutputSpan &last = m_open.spans.last();
        if (last.start + last.length == start && last.hasSameStyle(m_style)) {
            last.length += int(length);
            return;
        }
    }
    OutputSpan span = m_style;
    span.start = int(start);
    span.length = int(length);
    m_open.spans.append(span);
}

void OutputDecoder::completeLine(bool continued, OutputLineSink &lines)
{
    OutputLine &line = lines.nextLine();
    QString &text = m_open.text;
    if (text.capacity() > text.size() + text.size() / 4 + 16)
        text.squeeze();
    line.text = std::exchange(text, QString());
    line.spans = std::exchange(m_open.spans, QList<OutputSpan>());
    line.byteCount = m_pendingBytes;
    line.continued = continued;
    m_bytesInLines += m_pendingBytes;
    m_pendingBytes = 0;
    m_crPending = false;
}

void OutputDecoder::endSequence()
{
    ++m_escapes;
    m_state = State::Ground;
}

void OutputDecoder::abortSequence(uchar c, OutputLineSink &lines)
{
    // A control or non-ASCII byte inside a sequence: the sequence is dropped, the byte counts.
    ++m_escapes;
    m_state = State::Ground;
    ground(c, lines);
}

namespace {

void appendColour(QString &out, qint16 index, quint32 rgb, int base)
{
    if (rgb & OutputSpan::RgbValid)
        out += u";%1;2;%2;%3;%4"_s.arg(base + 8).arg((rgb >> 16) & 0xff).arg((rgb >> 8) & 0xff).arg(rgb & 0xff);
    else if (index >= 0)
        out += u";%1;5;%2"_s.arg(base + 8).arg(index);
}

} // namespace

QString ansiStyledText(const QString &text, const QList<OutputSpan> &spans)
{
    QString out;
    out.reserve(text.size() + spans.size() * 16);
    int at = 0;
    for (const OutputSpan &span : spans) {
        const int start = std::clamp(span.start, at, int(text.size()));
        const int end = std::clamp(span.start + span.length, start, int(text.size()));
        out += QStringView(text).mid(at, start - at);
        out += u"\x1b[0"_s;
        if (span.bold)
            out += u";1"_s;
        if (span.italic)
            out += u";3"_s;
        if (span.underline)
            out += u";4"_s;
        if (span.inverse)
            out += u";7"_s;
        appendColour(out, span.foreground, span.foregroundRgb, 30);
        appendColour(out, span.background, span.backgroundRgb, 40);
        out += u'm';
        out += QStringView(text).mid(start, end - start);
        out += u"\x1b[0m"_s;
        at = end;
    }
    out += QStringView(text).mid(at);
    return out;
}

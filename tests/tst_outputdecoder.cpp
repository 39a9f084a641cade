#include "outputdecoder.h"

#include <QRegularExpression>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OutputSpan)

char *toString(const OutputSpan &s)
{
    return qstrdup(QByteArray("Span(" + QByteArray::number(s.start) + ','
                              + QByteArray::number(s.length) + " fg " + QByteArray::number(s.foreground)
                              + " bg " + QByteArray::number(s.background) + (s.bold ? " bold" : "")
                              + (s.italic ? " italic" : "") + (s.underline ? " underline" : "")
                              + (s.inverse ? " inverse" : "") + " rgb "
                              + QByteArray::number(s.foregroundRgb, 16) + '/'
                              + QByteArray::number(s.backgroundRgb, 16) + ')')
                       .constData());
}

namespace {

struct Decoded
{
    QStringList lines;
    QList<bool> continued;
    QList<QList<OutputSpan>> spans;
    QString open;
};

Decoded decodeChunks(OutputDecoder &decoder, const QList<QByteArray> &chunks, bool finish = false)
{
    const qint64 inLinesBefore = decoder.bytesInLines();
    std::vector<OutputLine> lines;
    for (const QByteArray &chunk : chunks)
        decoder.decode(chunk, lines);
    if (finish)
        decoder.finish(lines);
    Decoded result;
    qint64 bytes = 0;
    for (const OutputLine &line : lines) {
        result.lines.append(line.text);
        result.continued.append(line.continued);
        result.spans.append(line.spans);
        bytes += line.byteCount;
    }
    result.open = decoder.openText();
    // Every byte is in exactly one place.
    if (decoder.bytesIn() != decoder.bytesInLines() + decoder.bytesPending() + decoder.bytesDiscarded()
        || bytes != decoder.bytesInLines() - inLinesBefore)
        qWarning("byte accounting broken"); // fails the test: see init()
    return result;
}

Decoded decodeChunks(const QList<QByteArray> &chunks, bool finish = false)
{
    OutputDecoder decoder;
    return decodeChunks(decoder, chunks, finish);
}

// The input cut into two reads at every position.
QList<QList<QByteArray>> everySplit(const QByteArray &input)
{
    QList<QList<QByteArray>> splits;
    for (qsizetype i = 0; i <= input.size(); ++i)
        splits.append({input.left(i), input.mid(i)});
    return splits;
}

OutputSpan span(int start, int length, qint16 fg = -1, qint16 bg = -1)
{
    OutputSpan s;
    s.start = start;
    s.length = length;
    s.foreground = fg;
    s.background = bg;
    return s;
}

OutputSpan withFlags(OutputSpan s, bool bold, bool italic, bool underline, bool inverse)
{
    s.bold = bold;
    s.italic = italic;
    s.underline = underline;
    s.inverse = inverse;
    return s;
}

OutputSpan withRgb(OutputSpan s, quint32 fgRgb, quint32 bgRgb = 0)
{
    s.foregroundRgb = fgRgb;
    s.backgroundRgb = bgRgb;
    return s;
}

} // namespace

class tst_OutputDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }
    void lines_data();
    void lines();
    void utf8SplitEverywhere_data();
    void utf8SplitEverywhere();
    void invalidBytes_data();
    void invalidBytes();
    void longLines_data();
    void longLines();
    void escapesRemoved_data();
    void escapesRemoved();
    void loneEscapeAtChunkEnd();
    void sgrSpans_data();
    void sgrSpans();
    void styleCarriesAcrossLines();
    void controlPictures_data();
    void controlPictures();
    void chunkingDoesNotMatter();
    void finishAndBreak();
};

void tst_OutputDecoder::lines_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("open");

    QTest::newRow("one line") << QList<QByteArray>{"hello\n"} << QStringList{u"hello"_s} << QString();
    QTest::newRow("two lines, one read")
        << QList<QByteArray>{"a\nb\n"} << QStringList{u"a"_s, u"b"_s} << QString();
    QTest::newRow("empty lines")
        << QList<QByteArray>{"\n\nx\n"} << QStringList{QString(), QString(), u"x"_s} << QString();
    QTest::newRow("partial line stays open")
        << QList<QByteArray>{"a\nbc"} << QStringList{u"a"_s} << u"bc"_s;
    QTest::newRow("partial line across reads")
        << QList<QByteArray>{"ab", "c", "d\ne"} << QStringList{u"abcd"_s} << u"e"_s;
    QTest::newRow("crlf") << QList<QByteArray>{"a\r\nb\r\n"} << QStringList{u"a"_s, u"b"_s} << QString();
    QTest::newRow("crlf split across reads")
        << QList<QByteArray>{"a\r", "\nb"} << QStringList{u"a"_s} << u"b"_s;
    QTest::newRow("bare cr rewrites the line")
        << QList<QByteArray>{"10%\r20%\r100%\n"} << QStringList{u"100%"_s} << QString();
    QTest::newRow("bare cr across reads")
        << QList<QByteArray>{"10%\r", "20%\r", "30%"} << QStringList() << u"30%"_s;
    QTest::newRow("text stays until the rewrite starts")
        << QList<QByteArray>{"50%\r"} << QStringList() << u"50%"_s;
    QTest::newRow("cr cr lf keeps the text")
        << QList<QByteArray>{"done\r\r\n"} << QStringList{u"done"_s} << QString();
    QTest::newRow("cr then erase-line then text")
        << QList<QByteArray>{"50%\r\x1b[K60%\n"} << QStringList{u"60%"_s} << QString();
    QTest::newRow("shorter rewrite is not merged")
        << QList<QByteArray>{"abcdef\rxy\n"} << QStringList{u"xy"_s} << QString();
    QTest::newRow("tab kept") << QList<QByteArray>{"a\tb\n"} << QStringList{u"a\tb"_s} << QString();
}

void tst_OutputDecoder::lines()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);
    QFETCH(QString, open);
    const Decoded result = decodeChunks(chunks);
    QCOMPARE(result.lines, expected);
    QCOMPARE(result.open, open);
}

void tst_OutputDecoder::utf8SplitEverywhere_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("2-byte é") << u"caf\u00e9"_s;
    QTest::newRow("3-byte €") << u"\u20ac 5"_s;
    QTest::newRow("4-byte clef") << u"\U0001D11E"_s;
    QTest::newRow("mixed") << u"a\u00e9\u20ac\U0001F600z\u00fc"_s;
    QTest::newRow("CJK") << u"\u65e5\u672c\u8a9e"_s;
}

void tst_OutputDecoder::utf8SplitEverywhere()
{
    QFETCH(QString, text);
    const QByteArray bytes = text.toUtf8() + '\n';
    // Two reads, cut at every byte position.
    for (const QList<QByteArray> &chunks : everySplit(bytes)) {
        OutputDecoder decoder;
        const Decoded result = decodeChunks(decoder, chunks);
        QCOMPARE(result.lines, QStringList{text});
        QCOMPARE(decoder.replacementCount(), 0);
        QCOMPARE(decoder.bytesInLines(), bytes.size());
    }
    // Three reads, cut at every pair of positions.
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        for (qsizetype j = i; j <= bytes.size(); ++j) {
            const Decoded result
                = decodeChunks({bytes.left(i), bytes.mid(i, j - i), bytes.mid(j)});
            QCOMPARE(result.lines, QStringList{text});
        }
    }
    // One byte per read.
    QList<QByteArray> single;
    for (char c : bytes)
        single.append(QByteArray(1, c));
    QCOMPARE(decodeChunks(single).lines, QStringList{text});
}

void tst_OutputDecoder::invalidBytes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("replacements");

    const QString r = u"\ufffd"_s;
    QTest::newRow("lone continuation byte") << QByteArray("a\x80z") << u"a"_s + r + u"z"_s << 1;
    QTest::newRow("two continuation bytes") << QByteArray("\x80\xbf") << r + r << 2;
    QTest::newRow("truncated 3-byte then ASCII") << QByteArray("\xe2\x82" "A") << r + u"A"_s << 1;
    QTest::newRow("truncated 4-byte before newline") << QByteArray("\xf0\x9f\x98") << r << 1;
    QTest::newRow("overlong C0 AF") << QByteArray("\xc0\xaf") << r + r << 2;
    QTest::newRow("overlong E0 80 80") << QByteArray("\xe0\x80\x80") << r + r + r << 3;
    QTest::newRow("surrogate ED A0 80") << QByteArray("\xed\xa0\x80") << r + r + r << 3;
    QTest::newRow("above U+10FFFF F4 90") << QByteArray("\xf4\x90\x80\x80") << r + r + r + r << 4;
    QTest::newRow("F5 never used") << QByteArray("\xf5") << r << 1;
    QTest::newRow("FE FF") << QByteArray("\xfe\xff") << r + r << 2;
    QTest::newRow("lead byte then lead byte")
        << QByteArray("\xc3\xc3\xa9") << r + u"\u00e9"_s << 1;
    QTest::newRow("truncated before escape")
        << QByteArray("\xe2\x82\x1b[31mx") << r + u"x"_s << 1;
    QTest::newRow("valid around invalid")
        << QByteArray("\xc3\xa9\xff\xc3\xa9") << u"\u00e9"_s + r + u"\u00e9"_s << 1;
}

void tst_OutputDecoder::invalidBytes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(int, replacements);
    const QByteArray bytes = input + '\n';
    for (const QList<QByteArray> &chunks : everySplit(bytes)) {
        OutputDecoder decoder;
        const Decoded result = decodeChunks(decoder, chunks);
        QCOMPARE(result.lines, QStringList{expected});
        QCOMPARE(decoder.replacementCount(), replacements);
        QCOMPARE(decoder.bytesInLines(), bytes.size());
    }
}

void tst_OutputDecoder::longLines_data()
{
    QTest::addColumn<QByteArray>("unit");  // repeated `count` times, then a newline
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("chunkSize");
    QTest::addColumn<QList<int>>("pieceLengths");

    const int max = int(OutputDecoder::MaxLineLength);
    QTest::newRow("just under") << QByteArray("x") << max - 1 << 4096 << QList<int>{max - 1};
    QTest::newRow("exactly the limit") << QByteArray("x") << max << 4096 << QList<int>{max};
    QTest::newRow("one over") << QByteArray("x") << max + 1 << 4096 << QList<int>{max, 1};
    QTest::newRow("three pieces, one read")
        << QByteArray("x") << 2 * max + 5 << 1 << QList<int>{max, max, 5};
    QTest::newRow("three pieces, small reads")
        << QByteArray("x") << 2 * max + 5 << 1000 << QList<int>{max, max, 5};
    QTest::newRow("non-ASCII") << QByteArray("\xc3\xa9") << max + 3 << 777 << QList<int>{max, 3};
    // 'a' first, then 4-byte characters (2 UTF-16 units): a pair never straddles the cut.
    QTest::newRow("surrogate pairs")
        << QByteArray("\xf0\x9f\x98\x80") << max / 2 + 1 << 1001 << QList<int>{max - 1, 4};
}

void tst_OutputDecoder::longLines()
{
    QFETCH(QByteArray, unit);
    QFETCH(int, count);
    QFETCH(int, chunkSize);
    QFETCH(QList<int>, pieceLengths);

    QByteArray input;
    if (QTest::currentDataTag() == QByteArray("surrogate pairs"))
        input += 'a';
    input += unit.repeated(count) + '\n';
    QList<QByteArray> chunks;
    if (chunkSize == 1) {
        chunks.append(input);
    } else {
        for (qsizetype i = 0; i < input.size(); i += chunkSize)
            chunks.append(input.mid(i, chunkSize));
    }
    OutputDecoder decoder;
    const Decoded result = decodeChunks(decoder, chunks);
    QList<int> lengths;
    for (const QString &line : result.lines)
        lengths.append(int(line.size()));
    QCOMPARE(lengths, pieceLengths);
    for (qsizetype i = 0; i < result.continued.size(); ++i)
        QCOMPARE(result.continued.at(i), i + 1 < result.continued.size());
    QCOMPARE(result.lines.join(QString()).toUtf8() + '\n', input);
    QCOMPARE(decoder.bytesInLines(), input.size());
}

void tst_OutputDecoder::escapesRemoved_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("CSI cursor moves and erase")
        << QByteArray("a\x1b[2Jb\x1b[10;20Hc\x1b[Kd\x1b[3A\x1b[1;1f") << QStringList{u"abcd"_s};
    QTest::newRow("CSI private modes")
        << QByteArray("\x1b[?25lx\x1b[?1049h\x1b[?2004h") << QStringList{u"x"_s};
    QTest::newRow("CSI with intermediate (cursor style)")
        << QByteArray("x\x1b[2 qy") << QStringList{u"xy"_s};
    QTest::newRow("device queries")
        << QByteArray("a\x1b[cb\x1b[6nc\x1b[>0c\x1b[5n") << QStringList{u"abc"_s};
    QTest::newRow("OSC title, BEL")
        << QByteArray("\x1b]0;evil title\x07text") << QStringList{u"text"_s};
    QTest::newRow("OSC title, ST")
        << QByteArray("\x1b]2;evil title\x1b\\text") << QStringList{u"text"_s};
    QTest::newRow("OSC title with UTF-8")
        << QByteArray("\x1b]0;caf\xc3\xa9\x07ok") << QStringList{u"ok"_s};
    QTest::newRow("OSC 52 clipboard")
        << QByteArray("a\x1b]52;c;cm0gLXJmIH4=\x07z") << QStringList{u"az"_s};
    QTest::newRow("OSC 8 hyperlink")
        << QByteArray("\x1b]8;;http://example.org\x1b\\link\x1b]8;;\x1b\\") << QStringList{u"link"_s};
    QTest::newRow("DCS request status")
        << QByteArray("a\x1bP$qm\x1b\\b") << QStringList{u"ab"_s};
    QTest::newRow("DCS termcap query")
        << QByteArray("\x1bP+q544e\x1b\\x") << QStringList{u"x"_s};
    QTest::newRow("SOS PM APC")
        << QByteArray("\x1bXsos\x1b\\a\x1b^pm\x1b\\b\x1b_apc\x1b\\c") << QStringList{u"abc"_s};
    QTest::newRow("charset selects")
        << QByteArray("\x1b(Ba\x1b)0b\x1b#8c\x1b%Gd") << QStringList{u"abcd"_s};
    QTest::newRow("two-byte escapes")
        << QByteArray("\x1b" "7a\x1b" "8b\x1b" "c\x1b=\x1b>d\x1bMe") << QStringList{u"abde"_s};
    QTest::newRow("SGR only leaves text") << QByteArray("\x1b[1;31mred\x1b[0m") << QStringList{u"red"_s};
    QTest::newRow("CAN cancels") << QByteArray("\x1b[31\x18x") << QStringList{u"x"_s};
    QTest::newRow("newline ends an unterminated OSC")
        << QByteArray("a\x1b]0;no end\nb") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("newline inside CSI")
        << QByteArray("a\x1b[12\nb") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("ESC ESC") << QByteArray("a\x1b\x1b[31mb") << QStringList{u"ab"_s};
    QTest::newRow("ESC inside OSC starts a new sequence")
        << QByteArray("\x1b]0;t\x1b[31mx") << QStringList{u"x"_s};
}

void tst_OutputDecoder::escapesRemoved()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const QByteArray bytes = input + '\n';
    for (const QList<QByteArray> &chunks : everySplit(bytes)) {
        OutputDecoder decoder;
        const Decoded result = decodeChunks(decoder, chunks);
        QCOMPARE(result.lines, expected);
        QCOMPARE(result.open, QString());
        QCOMPARE(decoder.bytesInLines(), bytes.size());
        QVERIFY(decoder.escapeCount() > 0);
    }
}

void tst_OutputDecoder::loneEscapeAtChunkEnd()
{
    OutputDecoder decoder;
    std::vector<OutputLine> lines;
    decoder.decode("abc\x1b", lines);
    QVERIFY(lines.empty());
    QCOMPARE(decoder.openText(), u"abc"_s);
    decoder.decode("[31mX\n", lines);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].text, u"abcX"_s);
    QCOMPARE(lines[0].spans, QList<OutputSpan>{span(3, 1, 1)});

    // A lone ESC at the very end of the stream is dropped, the line kept.
    OutputDecoder last;
    lines.clear();
    last.decode("tail\x1b", lines);
    last.finish(lines);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].text, u"tail"_s);
    QCOMPARE(lines[0].byteCount, 5);
}

void tst_OutputDecoder::sgrSpans_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<OutputSpan>>("spans");

    QTest::newRow("red then reset")
        << QByteArray("\x1b[31mred\x1b[0m plain") << u"red plain"_s
        << QList<OutputSpan>{span(0, 3, 1)};
    QTest::newRow("no spans for plain text") << QByteArray("plain") << u"plain"_s << QList<OutputSpan>();
    QTest::newRow("ESC [ m resets") << QByteArray("\x1b[32mab\x1b[mcd") << u"abcd"_s
                                     << QList<OutputSpan>{span(0, 2, 2)};
    QTest::newRow("bright foreground") << QByteArray("\x1b[92mx") << u"x"_s
                                        << QList<OutputSpan>{span(0, 1, 10)};
    QTest::newRow("background") << QByteArray("\x1b[41mx") << u"x"_s
                                 << QList<OutputSpan>{span(0, 1, -1, 1)};
    QTest::newRow("bright background") << QByteArray("\x1b[107mx") << u"x"_s
                                        << QList<OutputSpan>{span(0, 1, -1, 15)};
    QTest::newRow("256 foreground") << QByteArray("\x1b[38;5;208mx") << u"x"_s
                                     << QList<OutputSpan>{span(0, 1, 208)};
    QTest::newRow("256 background") << QByteArray("\x1b[48;5;17mx") << u"x"_s
                                     << QList<OutputSpan>{span(0, 1, -1, 17)};
    QTest::newRow("256 colon form") << QByteArray("\x1b[38:5:99mx") << u"x"_s
                                     << QList<OutputSpan>{span(0, 1, 99)};
    QTest::newRow("truecolor red")
        << QByteArray("\x1b[38;2;255;0;0mx") << u"x"_s
        << QList<OutputSpan>{withRgb(span(0, 1, 196), 0x01ff0000)};
    QTest::newRow("truecolor colon form with colour space")
        << QByteArray("\x1b[48:2::0:0:255mx") << u"x"_s
        << QList<OutputSpan>{withRgb(span(0, 1, -1, 21), 0, 0x010000ff)};
    QTest::newRow("truecolor grey")
        << QByteArray("\x1b[38;2;128;128;128mx") << u"x"_s
        << QList<OutputSpan>{withRgb(span(0, 1, 244), 0x01808080)};
    QTest::newRow("truecolor then 16 colours")
        << QByteArray("\x1b[38;2;1;2;3m\x1b[33mx") << u"x"_s << QList<OutputSpan>{span(0, 1, 3)};
    QTest::newRow("bold underline, then off one by one")
        << QByteArray("\x1b[1;4mBU\x1b[22mU\x1b[24mn") << u"BUUn"_s
        << QList<OutputSpan>{withFlags(span(0, 2), true, false, true, false),
                             withFlags(span(2, 1), false, false, true, false)};
    QTest::newRow("italic and inverse")
        << QByteArray("\x1b[3mi\x1b[23m\x1b[7mv\x1b[27m.") << u"iv."_s
        << QList<OutputSpan>{withFlags(span(0, 1), false, true, false, false),
                             withFlags(span(1, 1), false, false, false, true)};
    QTest::newRow("colour changes make new spans")
        << QByteArray("\x1b[31ma\x1b[32mb\x1b[32mc") << u"abc"_s
        << QList<OutputSpan>{span(0, 1, 1), span(1, 2, 2)};
    QTest::newRow("default foreground 39") << QByteArray("\x1b[31m\x1b[39mx") << u"x"_s
                                            << QList<OutputSpan>();
    QTest::newRow("default background 49") << QByteArray("\x1b[44m\x1b[49mx") << u"x"_s
                                            << QList<OutputSpan>();
    QTest::newRow("trailing empty parameter resets") << QByteArray("\x1b[1;mx") << u"x"_s
                                                      << QList<OutputSpan>();
    QTest::newRow("underline 4:0 is off") << QByteArray("\x1b[4:0mx") << u"x"_s
                                           << QList<OutputSpan>();
    QTest::newRow("curly underline 4:3")
        << QByteArray("\x1b[4:3mx") << u"x"_s
        << QList<OutputSpan>{withFlags(span(0, 1), false, false, true, false)};
    QTest::newRow("private SGR-like sequence ignored") << QByteArray("\x1b[>4;1mx") << u"x"_s
                                                        << QList<OutputSpan>();
    QTest::newRow("span over non-ASCII and tab")
        << QByteArray("\x1b[35m\xc3\xa9\t\xf0\x9f\x98\x80\x1b[0m") << u"\u00e9\t\U0001F600"_s
        << QList<OutputSpan>{span(0, 4, 5)};
}

void tst_OutputDecoder::sgrSpans()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QFETCH(QList<OutputSpan>, spans);
    const QByteArray bytes = input + '\n';
    for (const QList<QByteArray> &chunks : everySplit(bytes)) {
        const Decoded result = decodeChunks(chunks);
        QCOMPARE(result.lines, QStringList{text});
        QCOMPARE(result.spans.first(), spans);
    }
}

void tst_OutputDecoder::styleCarriesAcrossLines()
{
    const Decoded result = decodeChunks({"\x1b[31mone\ntwo\n\x1b[0mthree\n"});
    QCOMPARE(result.lines, (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    QCOMPARE(result.spans.at(0), QList<OutputSpan>{span(0, 3, 1)});
    QCOMPARE(result.spans.at(1), QList<OutputSpan>{span(0, 3, 1)});
    QCOMPARE(result.spans.at(2), QList<OutputSpan>());

    // The end of a run resets the style.
    OutputDecoder decoder;
    decodeChunks(decoder, {"\x1b[31mred"}, true);
    QCOMPARE(decodeChunks(decoder, {"plain\n"}).spans.at(0), QList<OutputSpan>());
}

void tst_OutputDecoder::controlPictures_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("controls");

    QTest::newRow("BEL") << QByteArray("a\x07" "b") << u"a\u2407b"_s << 1;
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << u"a\u2400b"_s << 1;
    QTest::newRow("backspace") << QByteArray("a\x08" "b") << u"a\u2408b"_s << 1;
    QTest::newRow("form feed and vertical tab") << QByteArray("\x0c\x0b") << u"\u240c\u240b"_s << 2;
    QTest::newRow("DEL") << QByteArray("x\x7f") << u"x\u2421"_s << 1;
    QTest::newRow("unit separator") << QByteArray("\x1f") << u"\u241f"_s << 1;
    QTest::newRow("tab is not a control picture") << QByteArray("\t") << u"\t"_s << 0;
    QTest::newRow("C1 NEL as UTF-8") << QByteArray("\xc2\x85") << u"\ufffd"_s << 1;
    QTest::newRow("C1 CSI as UTF-8 is shown, not acted on")
        << QByteArray("\xc2\x9b" "2J") << u"\uFFFD2J"_s << 1;
}

void tst_OutputDecoder::controlPictures()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QFETCH(int, controls);
    OutputDecoder decoder;
    const Decoded result = decodeChunks(decoder, {input + '\n'});
    QCOMPARE(result.lines, QStringList{expected});
    QCOMPARE(decoder.controlCount(), controls);
}

void tst_OutputDecoder::chunkingDoesNotMatter()
{
    // Random bytes drawn from an alphabet full of trouble, decoded in one read and in random
    // reads: the same lines, the same spans, every byte accounted for.
    const QList<QByteArray> pieces = {
        "a", "plain text ", "\n", "\r", "\r\n", "\t", "\x1b", "[", "31m", "\x1b[0m", "\x1b]0;t\x07",
        "\x1b]52;c;eA==\x1b\\", "\x1bP$q\x1b\\", "\x1b[2J", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
        "\xe2\x82", "\x80", "\xff", "\x07", "\x7f", "\x1b(B", "\x1b[38;5;9m", "\x1b[38;2;1;2;3m",
        "\x18", ";", "0123456789",
    };
    std::mt19937 random(20240601);
    for (int round = 0; round < 200; ++round) {
        QByteArray input;
        const int count = int(random() % 200);
        for (int i = 0; i < count; ++i)
            input += pieces.at(qsizetype(random() % pieces.size()));
        QList<QByteArray> chunks;
        for (qsizetype pos = 0; pos < input.size();) {
            const qsizetype size = qsizetype(random() % 9) + 1;
            chunks.append(input.mid(pos, size));
            pos += size;
        }
        OutputDecoder whole;
        OutputDecoder pieceWise;
        const Decoded a = decodeChunks(whole, {input}, true);
        const Decoded b = decodeChunks(pieceWise, chunks, true);
        QCOMPARE(b.lines, a.lines);
        QCOMPARE(b.spans, a.spans);
        QCOMPARE(pieceWise.replacementCount(), whole.replacementCount());
        QCOMPARE(pieceWise.bytesIn(), input.size());
        QCOMPARE(pieceWise.bytesInLines() + pieceWise.bytesDiscarded(), input.size());
        QCOMPARE(pieceWise.bytesPending(), 0);
    }
}

void tst_OutputDecoder::finishAndBreak()
{
    OutputDecoder decoder;
    std::vector<OutputLine> lines;
    decoder.decode("prompt: ", lines);
    decoder.breakLine(lines);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].text, u"prompt: "_s);
    QCOMPARE(lines[0].byteCount, 8);
    QVERIFY(!decoder.hasOpenLine());

    // Only an escape sequence pending: no line, the bytes counted as discarded at the end.
    lines.clear();
    decoder.decode("\x1b[31m", lines);
    decoder.breakLine(lines);
    QVERIFY(lines.empty());
    decoder.finish(lines);
    QVERIFY(lines.empty());
    QCOMPARE(decoder.bytesDiscarded(), 5);
    QCOMPARE(decoder.bytesIn(), decoder.bytesInLines() + decoder.bytesDiscarded());

    // A character cut off by the end of the stream becomes U+FFFD.
    decoder.decode("x\xe2\x82", lines);
    decoder.finish(lines);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].text, u"x\ufffd"_s);
}

QTEST_GUILESS_MAIN(tst_OutputDecoder)
#include "tst_outputdecoder.moc"

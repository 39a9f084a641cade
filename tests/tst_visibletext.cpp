#include "outputdecoder.h"
#include "outputlog.h"
#include "visibletext.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The one rule for control characters (VisibleText), and the places that share it: the decoder
// of child output and ProcDeck's notes in an OutputLog.
class tst_VisibleText final : public QObject
{
    Q_OBJECT

private slots:
    void visible_data();
    void visible();
    void tabs();
    void lines();
    void decoderSharesTheRule();
    void notesShowControls();
};

void tst_VisibleText::visible_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << u"web-1 ünïcødé 😀"_s << u"web-1 ünïcødé 😀"_s;
    QTest::newRow("OSC title") << u"a\x1b]0;pwned\x07"_s << u"a\u241b]0;pwned\u2407"_s;
    QTest::newRow("CSI") << u"\x1b[2J"_s << u"\u241b[2J"_s;
    QTest::newRow("NUL, CR, LF") << QString(u"a\0b\r\n"_s) << QString(u"a\u2400b\u240d\u240a"_s);
    QTest::newRow("DEL") << u"x\x7fy"_s << u"x\u2421y"_s;
    QTest::newRow("C1 CSI") << u"\u009b31m"_s << u"\ufffd31m"_s;
    QTest::newRow("C1 NEL") << u"a\u0085b"_s << u"a\ufffdb"_s;
    QTest::newRow("line separator") << u"a\u2028b\u2029"_s << u"a\ufffdb\ufffd"_s;
    QTest::newRow("bidi override") << u"\u202egnp.exe"_s << u"\ufffdgnp.exe"_s;
    QTest::newRow("bidi isolates") << u"\u2066a\u2069\u202a"_s << u"\ufffda\ufffd\ufffd"_s;
    QTest::newRow("next to hidden, kept") << u"\u2065\u2070\u00a0\u2027"_s << u"\u2065\u2070\u00a0\u2027"_s;
}

void tst_VisibleText::visible()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(VisibleText::visible(text), shown);
    for (const QChar c : text)
        QCOMPARE(VisibleText::isHidden(c.unicode()), VisibleText::visibleCodePoint(c.unicode()) != c.unicode());
}

// Names never keep a tab; output lines and notes may.
void tst_VisibleText::tabs()
{
    QCOMPARE(VisibleText::visible(u"a\tb"_s), u"a\u2409b"_s);
    QCOMPARE(VisibleText::visible(u"a\tb\x1b"_s, VisibleText::Tabs::Keep), u"a\tb\u241b"_s);
}

void tst_VisibleText::lines()
{
    QCOMPARE(VisibleText::visibleLines(u"one\x1b\ntwo\t\r\n"_s), u"one\u241b\ntwo\t\u240d\n"_s);
}

// Child output goes through OutputDecoder: the same pictures for the same characters.
void tst_VisibleText::decoderSharesTheRule()
{
    OutputDecoder decoder;
    std::vector<OutputLine> lines;
    decoder.decode(QByteArray("a\x01" "b\x7f" "\xc2\x9b" "\xe2\x80\xae" "c\n"), lines);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].text, VisibleText::visible(u"a\x01" "b\x7f\u009b\u202e" "c"_s));
    QCOMPARE(lines[0].text, u"a\u2401b\u2421\ufffd\ufffdc"_s);
}

// ProcDeck's notes quote names and programs from the file ("failed to start: …"): stored with
// their controls shown, one line per `\n`, tabs kept.
void tst_VisibleText::notesShowControls()
{
    OutputLog log;
    log.appendMessage(u"failed to start: \x1b]0;pwned\x07\tx\nsecond \u202e"_s);
    QCOMPARE(log.lineCount(), qsizetype(2));
    QCOMPARE(log.line(log.firstLineNumber()).text, u"failed to start: \u241b]0;pwned\u2407\tx"_s);
    QCOMPARE(log.line(log.firstLineNumber() + 1).text, u"second \ufffd"_s);
}

QTEST_GUILESS_MAIN(tst_VisibleText)
#include "tst_visibletext.moc"

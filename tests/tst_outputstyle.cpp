#include "outputstyle.h"

#include <QTest>

Q_DECLARE_METATYPE(OutputSpan)

// How an ANSI span becomes a text format: the colour each kind of SGR colour is painted with.
class tst_OutputStyle final : public QObject
{
    Q_OBJECT

private slots:
    void spanColours_data();
    void spanColours();
};

namespace {

OutputSpan span(qint16 foreground, qint16 background, quint32 foregroundRgb = 0, quint32 backgroundRgb = 0)
{
    OutputSpan s;
    s.length = 1;
    s.foreground = foreground;
    s.background = background;
    s.foregroundRgb = foregroundRgb;
    s.backgroundRgb = backgroundRgb;
    return s;
}

} // namespace

void tst_OutputStyle::spanColours_data()
{
    QTest::addColumn<OutputSpan>("span");
    QTest::addColumn<bool>("bold");
    QTest::addColumn<bool>("inverse");
    // Expected colours as a palette index (0-255) or, with the RgbValid bit, an exact colour;
    // -1: the line's own foreground / no background.
    QTest::addColumn<qint64>("foreground");
    QTest::addColumn<qint64>("background");

    constexpr qint64 Rgb = OutputSpan::RgbValid;
    QTest::newRow("default") << span(-1, -1) << false << false << qint64(-1) << qint64(-1);
    QTest::newRow("index") << span(2, 4) << false << false << qint64(2) << qint64(4);
    QTest::newRow("256 index") << span(196, 21) << false << false << qint64(196) << qint64(21);
    QTest::newRow("bold basic is bright") << span(1, -1) << true << false << qint64(9) << qint64(-1);
    QTest::newRow("bold 256 stays") << span(100, -1) << true << false << qint64(100) << qint64(-1);
    // 24-bit: the nearest index is kept beside the exact colour; the exact one is painted.
    QTest::newRow("24-bit foreground") << span(203, -1, Rgb | 0xff5f57u) << false << false
                                       << (Rgb | 0xff5f57) << qint64(-1);
    QTest::newRow("24-bit background") << span(-1, 22, 0, Rgb | 0x0a3d1fu) << false << false
                                       << qint64(-1) << (Rgb | 0x0a3d1f);
    QTest::newRow("24-bit inverse") << span(203, 22, Rgb | 0xff5f57u, Rgb | 0x0a3d1fu) << false << true
                                    << (Rgb | 0x0a3d1f) << (Rgb | 0xff5f57);
}

void tst_OutputStyle::spanColours()
{
    QFETCH(OutputSpan, span);
    QFETCH(bool, bold);
    QFETCH(bool, inverse);
    QFETCH(qint64, foreground);
    QFETCH(qint64, background);
    span.bold = bold;
    span.inverse = inverse;

    const OutputStyle style;
    const QTextCharFormat line = style.lineFormat(OutputStream::Stdout);
    const auto expected = [&](qint64 value, const QColor &none) {
        if (value < 0)
            return none;
        if (value & OutputSpan::RgbValid)
            return QColor::fromRgb(QRgb(value & 0xFFFFFF));
        return style.ansi(int(value));
    };
    const QTextCharFormat format = style.spanFormat(line, span);
    QCOMPARE(format.foreground().color(), expected(foreground, line.foreground().color()));
    if (background < 0)
        QVERIFY(!format.hasProperty(QTextFormat::BackgroundBrush));
    else
        QCOMPARE(format.background().color(), expected(background, QColor()));
}


QTEST_MAIN(tst_OutputStyle)
#include "tst_outputstyle.moc"

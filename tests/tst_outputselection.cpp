#include "outputindex.h"
#include "outputlog.h"
#include "outputselection.h"

#include <QTest>

#include <climits>

using namespace Qt::StringLiterals;

using Position = OutputSelection::Position;

class tst_OutputSelection final : public QObject
{
    Q_OBJECT

private slots:
    void emptyAndCleared();
    void ordered_data();
    void ordered();
    void spanOfRows_data();
    void spanOfRows();
    void columnsOf();

private:
    // Two logs, lines interleaved: a0 b0 a1 b1 a2 b2 (rows 0-5).
    void fill(OutputLog &a, OutputLog &b)
    {
        for (int i = 0; i < 3; ++i) {
            a.appendData(OutputStream::Stdout, QByteArray("a" + QByteArray::number(i) + "\n"));
            b.appendData(OutputStream::Stdout, QByteArray("b" + QByteArray::number(i) + "\n"));
        }
    }
};

void tst_OutputSelection::emptyAndCleared()
{
    OutputSelection selection;
    QVERIFY(!selection.isActive());
    QVERIFY(!selection.hasSelection());
    QVERIFY(!selection.clear());

    selection.select({7, 3}, {7, 3}); // a click: active, nothing selected
    QVERIFY(selection.isActive());
    QVERIFY(!selection.hasSelection());
    selection.setCursor({7, 5});
    QVERIFY(selection.hasSelection());
    QCOMPARE(selection.anchor().offset, 3);

    selection.setDragging(true);
    QVERIFY(selection.clear());
    QVERIFY(!selection.isActive());
    QVERIFY(!selection.isDragging());
    QVERIFY(!selection.hasSelection());
}

void tst_OutputSelection::ordered_data()
{
    QTest::addColumn<quint64>("anchorSequence");
    QTest::addColumn<int>("anchorOffset");
    QTest::addColumn<quint64>("cursorSequence");
    QTest::addColumn<int>("cursorOffset");
    QTest::addColumn<bool>("anchorFirst");

    QTest::newRow("forward") << quint64(1) << 4 << quint64(2) << 0 << true;
    QTest::newRow("backward") << quint64(2) << 0 << quint64(1) << 4 << false;
    QTest::newRow("same line, forward") << quint64(5) << 1 << quint64(5) << 9 << true;
    QTest::newRow("same line, backward") << quint64(5) << 9 << quint64(5) << 1 << false;
}

void tst_OutputSelection::ordered()
{
    QFETCH(quint64, anchorSequence);
    QFETCH(int, anchorOffset);
    QFETCH(quint64, cursorSequence);
    QFETCH(int, cursorOffset);
    QFETCH(bool, anchorFirst);

    OutputSelection selection;
    selection.select({anchorSequence, anchorOffset}, {cursorSequence, cursorOffset});
    const auto [first, last] = selection.ordered();
    QCOMPARE(first.sequence, anchorFirst ? anchorSequence : cursorSequence);
    QCOMPARE(first.offset, anchorFirst ? anchorOffset : cursorOffset);
    QCOMPARE(last.sequence, anchorFirst ? cursorSequence : anchorSequence);
    QCOMPARE(last.offset, anchorFirst ? cursorOffset : anchorOffset);
}

void tst_OutputSelection::spanOfRows_data()
{
    QTest::addColumn<int>("fromRow");
    QTest::addColumn<int>("fromOffset");
    QTest::addColumn<int>("toRow");
    QTest::addColumn<int>("toOffset");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("firstRow");
    QTest::addColumn<int>("firstOffset");
    QTest::addColumn<int>("lastRow");
    QTest::addColumn<int>("lastOffset");

    // Rows without a filter: a0 b0 a1 b1 a2 b2.
    QTest::newRow("within rows") << 1 << 1 << 4 << 2 << QString() << 1 << 1 << 4 << 2;
    QTest::newRow("backward") << 4 << 2 << 1 << 1 << QString() << 1 << 1 << 4 << 2;
    QTest::newRow("one row") << 2 << 0 << 2 << 1 << QString() << 2 << 0 << 2 << 1;
    // Filter "a": rows a0 a1 a2; b0 and b1 are no longer rows.
    QTest::newRow("first end filtered out") << 1 << 1 << 4 << 2 << u"a"_s << 1 << 0 << 2 << 2;
    QTest::newRow("last end filtered out") << 0 << 1 << 3 << 1 << u"a"_s << 0 << 1 << 1 << INT_MAX;
    QTest::newRow("both ends filtered out, nothing between") << 1 << 0 << 1 << 1 << u"a"_s << 1 << 0 << 0 << INT_MAX;
}

void tst_OutputSelection::spanOfRows()
{
    QFETCH(int, fromRow);
    QFETCH(int, fromOffset);
    QFETCH(int, toRow);
    QFETCH(int, toOffset);
    QFETCH(QString, filter);
    QFETCH(int, firstRow);
    QFETCH(int, firstOffset);
    QFETCH(int, lastRow);
    QFETCH(int, lastOffset);

    OutputLog a;
    OutputLog b;
    fill(a, b);
    OutputIndex index;
    index.setLogs({&a, &b});
    index.update(false);
    QCOMPARE(index.rowCount(), 6);
    OutputSelection selection;
    selection.select({index.row(fromRow).sequence, fromOffset}, {index.row(toRow).sequence, toOffset});

    if (!filter.isEmpty()) {
        index.setPattern(filter, Qt::CaseSensitive, false);
        index.setFilterEnabled(true);
        index.reset();
        index.update(false);
        QCOMPARE(index.rowCount(), 3);
    }
    const OutputSelection::Span span = selection.span(index);
    QCOMPARE(span.isEmpty(), lastRow < firstRow);
    QCOMPARE(span.firstRow, firstRow);
    QCOMPARE(span.firstOffset, firstOffset);
    QCOMPARE(span.lastRow, lastRow);
    QCOMPARE(span.lastOffset, lastOffset);
}

void tst_OutputSelection::columnsOf()
{
    OutputSelection::Span span;
    span.firstRow = 2;
    span.firstOffset = 3;
    span.lastRow = 4;
    span.lastOffset = INT_MAX;
    QVERIFY(!span.contains(1));
    QVERIFY(span.contains(3));
    QCOMPARE(span.columnsOf(2, 10), std::make_pair(3, 10));
    QCOMPARE(span.columnsOf(2, 2), std::make_pair(2, 2)); // nothing of a short first row
    QCOMPARE(span.columnsOf(3, 7), std::make_pair(0, 7));
    QCOMPARE(span.columnsOf(4, 5), std::make_pair(0, 5));

    span.lastOffset = 1;
    QCOMPARE(span.columnsOf(4, 5), std::make_pair(0, 1));
}

QTEST_GUILESS_MAIN(tst_OutputSelection)
#include "tst_outputselection.moc"

#include "outputindex.h"
#include "outputlog.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QStringList rowTexts(const OutputIndex &index)
{
    QStringList texts;
    for (int i = 0; i < index.rowCount(); ++i)
        texts << QString::number(index.row(i).source) + u':' + index.line(index.row(i)).text;
    return texts;
}

bool sortedBySequence(const OutputIndex &index)
{
    for (int i = 1; i < index.rowCount(); ++i) {
        if (index.row(i - 1).sequence >= index.row(i).sequence)
            return false;
    }
    return true;
}

// Every kept line of the logs, merged by brute force: (sequence, line, log).
std::vector<std::tuple<quint64, qint64, int>> bruteForceMerge(const QList<OutputLog *> &logs)
{
    std::vector<std::tuple<quint64, qint64, int>> rows;
    for (int s = 0; s < logs.size(); ++s) {
        for (qint64 n = logs[s]->firstLineNumber(); n < logs[s]->endLineNumber(); ++n)
            rows.emplace_back(logs[s]->lineSequence(n), n, s);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The index's rows equal the brute-force merge, read in order, backwards and at random; and
// rowOfSequence() finds each row.
void compareWithMerge(const OutputIndex &index, const QList<OutputLog *> &logs, QRandomGenerator &random)
{
    const auto merged = bruteForceMerge(logs);
    QCOMPARE(index.rowCount(), int(merged.size()));
    const auto same = [&](int r) {
        const OutputIndex::Row row = index.row(r);
        return std::make_tuple(row.sequence, row.line, row.source) == merged[size_t(r)];
    };
    for (int r = 0; r < index.rowCount(); ++r)
        QVERIFY2(same(r), qPrintable(u"row %1 in order"_s.arg(r)));
    for (int r = index.rowCount() - 1; r >= 0; r -= 7)
        QVERIFY2(same(r), qPrintable(u"row %1 backwards"_s.arg(r)));
    for (int i = 0; i < 200 && index.rowCount() > 0; ++i) {
        const int r = int(random.bounded(quint32(index.rowCount())));
        QVERIFY2(same(r), qPrintable(u"row %1 at random"_s.arg(r)));
        const quint64 sequence = std::get<0>(merged[size_t(r)]);
        QCOMPARE(index.rowOfSequence(sequence), r);
        QCOMPARE(index.rowOfSequence(sequence + 1), r + 1); // sequences are unique
    }
}

} // namespace

class tst_OutputIndex final : public QObject
{
    Q_OBJECT

private slots:
    void interleavesInArrivalOrder();
    void computedRowsAreTheMerge_data();
    void computedRowsAreTheMerge();
    void linesDroppedBetweenUpdates();
    void filterStoresOnlyMatchingRows();
    void followsDroppedLines_data();
    void followsDroppedLines();
    void matches_data();
    void matches();
    void filterSeesTheOpenLineChange();
    void boundedUpdatesCatchUp();
    void purgeAfterClear();
    void matchNavigation();
};

void tst_OutputIndex::interleavesInArrivalOrder()
{
    OutputLog a;
    OutputLog b;
    a.appendData(OutputStream::Stdout, "a1\n");
    b.appendData(OutputStream::Stderr, "b1\n");
    a.appendMessage(u"a2"_s);
    OutputIndex index;
    index.setLogs({&a, &b});
    index.update(true);
    QCOMPARE(rowTexts(index), (QStringList{u"0:a1"_s, u"1:b1"_s, u"0:a2"_s}));
    // New lines are appended; a partial line is a row that grows in place.
    b.appendData(OutputStream::Stdout, "b2 part");
    a.appendData(OutputStream::Stdout, "a3\n");
    index.update(true);
    QCOMPARE(rowTexts(index), (QStringList{u"0:a1"_s, u"1:b1"_s, u"0:a2"_s, u"1:b2 part"_s, u"0:a3"_s}));
    b.appendData(OutputStream::Stdout, "ial\n");
    index.update(true);
    QCOMPARE(index.rowCount(), 5);
    QCOMPARE(index.line(index.row(3)).text, u"b2 partial"_s);
    QVERIFY(sortedBySequence(index));
}

void tst_OutputIndex::computedRowsAreTheMerge_data()
{
    QTest::addColumn<int>("logs");
    QTest::addColumn<int>("maxLines"); // per log; 0 = the default
    QTest::addColumn<int>("appends");
    QTest::addColumn<bool>("partialLines");

    QTest::newRow("one log") << 1 << 0 << 300 << false;
    QTest::newRow("one log, drops") << 1 << 50 << 300 << false;
    QTest::newRow("two logs") << 2 << 0 << 400 << false;
    QTest::newRow("two logs, drops") << 2 << 40 << 400 << false;
    QTest::newRow("five logs, drops, partial lines") << 5 << 70 << 1500 << true;
    QTest::newRow("twenty logs, drops") << 20 << 30 << 3000 << false;
    QTest::newRow("twenty logs, more than a window") << 20 << 0 << 3000 << true;
}

void tst_OutputIndex::computedRowsAreTheMerge()
{
    QFETCH(int, logs);
    QFETCH(int, maxLines);
    QFETCH(int, appends);
    QFETCH(bool, partialLines);

    QRandomGenerator random(quint32(logs * 1000 + maxLines));
    std::vector<std::unique_ptr<OutputLog>> owned;
    QList<OutputLog *> list;
    for (int i = 0; i < logs; ++i) {
        owned.push_back(std::make_unique<OutputLog>());
        // Uneven bounds: logs drop lines at different rates, so dropped rows sit between kept ones.
        if (maxLines > 0)
            owned.back()->setLimits(maxLines + 7 * i, OutputLog::DefaultMaxBytes);
        list << owned.back().get();
    }
    OutputIndex index;
    index.setLogs(list);
    QVERIFY(!index.storesRows());
    for (int a = 0; a < appends; ++a) {
        // Bursts into one log at a time, of one to five lines, sometimes a partial one.
        const int s = int(random.bounded(quint32(logs)));
        QByteArray bytes;
        for (int n = int(random.bounded(1u, 6u)); n > 0; --n)
            bytes += QByteArray::number(a) + '.' + QByteArray::number(n) + '\n';
        if (partialLines && random.bounded(4u) == 0)
            bytes += "open";
        list[s]->appendData(OutputStream::Stdout, bytes);
        if (a % 97 == 0 || a == appends - 1) {
            index.update(true);
            compareWithMerge(index, list, random);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

void tst_OutputIndex::linesDroppedBetweenUpdates()
{
    // Rows are what the last update() saw: a line dropped since then is still a row (an empty one,
    // sequence 0, before every kept line) and the count does not change until the next update().
    OutputLog a;
    OutputLog b;
    a.setLimits(10, OutputLog::DefaultMaxBytes);
    for (int i = 0; i < 10; ++i) {
        a.appendData(OutputStream::Stdout, QByteArray("a" + QByteArray::number(i) + '\n'));
        b.appendData(OutputStream::Stdout, QByteArray("b" + QByteArray::number(i) + '\n'));
    }
    OutputIndex index;
    index.setLogs({&a, &b});
    index.update(true);
    QCOMPARE(index.rowCount(), 20);
    QCOMPARE(index.line(index.row(0)).text, u"a0"_s);
    a.appendData(OutputStream::Stdout, "a10\na11\na12\n"); // drops a0..a2
    QCOMPARE(index.rowCount(), 20);
    for (int r = 0; r < 3; ++r) {
        QCOMPARE(index.row(r).sequence, quint64(0));
        QCOMPARE(index.row(r).source, 0);
        QCOMPARE(index.row(r).line, qint64(r));
        QCOMPARE(index.line(index.row(r)).text, QString());
    }
    QStringList kept;
    for (int r = 3; r < index.rowCount(); ++r)
        kept << index.line(index.row(r)).text;
    QCOMPARE(kept.first(), u"b0"_s); // a0's place is taken by the kept lines, in order
    QCOMPARE(kept.size(), 17);
    QVERIFY(!kept.contains(u"a10"_s));
    for (int r = 4; r < index.rowCount(); ++r)
        QVERIFY(index.row(r - 1).sequence < index.row(r).sequence);
    QCOMPARE(index.rowOfSequence(b.lineSequence(0)), 3);
    index.update(true);
    QCOMPARE(index.rowCount(), 20);
    QCOMPARE(rowTexts(index).first(), u"1:b0"_s);
    QCOMPARE(rowTexts(index).last(), u"0:a12"_s);
    QVERIFY(sortedBySequence(index));
}

void tst_OutputIndex::filterStoresOnlyMatchingRows()
{
    OutputLog a;
    OutputLog b;
    OutputIndex index;
    index.setLogs({&a, &b});
    index.setPattern(u"keep"_s, Qt::CaseSensitive, false);
    QVERIFY(!index.storesRows()); // find without a filter: every line is a row
    index.setFilterEnabled(true);
    QVERIFY(index.storesRows());
    a.appendData(OutputStream::Stdout, "keep a1\ndrop a2\n");
    b.appendData(OutputStream::Stdout, "drop b1\nkeep b2\n");
    index.reset();
    index.update(true);
    QCOMPARE(rowTexts(index), (QStringList{u"0:keep a1"_s, u"1:keep b2"_s}));
    index.setFilterEnabled(false);
    index.reset();
    index.update(true);
    QCOMPARE(index.rowCount(), 4);
    QCOMPARE(index.matchCount(), 2);
}

void tst_OutputIndex::followsDroppedLines_data()
{
    QTest::addColumn<int>("logs");
    QTest::newRow("one log") << 1;
    QTest::newRow("three logs") << 3;
}

void tst_OutputIndex::followsDroppedLines()
{
    QFETCH(int, logs);
    std::vector<std::unique_ptr<OutputLog>> owned;
    QList<OutputLog *> list;
    for (int i = 0; i < logs; ++i) {
        owned.push_back(std::make_unique<OutputLog>());
        list << owned.back().get();
    }
    // The first log keeps only 10 lines, the others keep all: dropped rows sit between kept ones.
    list.first()->setLimits(10, OutputLog::DefaultMaxBytes);
    OutputIndex index;
    index.setLogs(list);
    for (int round = 0; round < 5; ++round) {
        for (int n = 0; n < 7; ++n) {
            for (int i = 0; i < logs; ++i)
                list[i]->appendData(OutputStream::Stdout, QByteArray(QByteArray::number(round * 7 + n) + '\n'));
        }
        index.update(round % 2 == 0);
        int expected = 0;
        for (OutputLog *log : list)
            expected += int(log->lineCount());
        QCOMPARE(index.rowCount(), expected);
        QVERIFY(sortedBySequence(index));
        for (int r = 0; r < index.rowCount(); ++r) {
            const OutputIndex::Row &row = index.row(r);
            QVERIFY(row.line >= list[row.source]->firstLineNumber());
        }
    }
    QCOMPARE(list.first()->lineCount(), 10);
}

void tst_OutputIndex::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("rowsFiltered");

    QTest::newRow("plain") << u"ab"_s << false << false << 4 << 3;
    QTest::newRow("plain, case") << u"AB"_s << true << false << 1 << 1;
    QTest::newRow("regex") << u"a+b"_s << true << true << 3 << 2;
    QTest::newRow("regex anchored") << u"^ab"_s << false << true << 2 << 2;
    QTest::newRow("empty matches are not matches") << u"z*"_s << false << true << 0 << 0;
    QTest::newRow("invalid regex") << u"a("_s << false << true << 0 << 5;
}

void tst_OutputIndex::matches()
{
    QFETCH(QString, pattern);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(int, rowsFiltered);

    OutputLog log;
    log.appendData(OutputStream::Stdout, "ab ab\nAB\nnothing\naab\nx\n");
    OutputIndex index;
    index.setLogs({&log});
    index.setPattern(pattern, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive, regex);
    index.update(false);
    QCOMPARE(index.rowCount(), 5);
    QCOMPARE(index.matchCount(), count);
    index.setFilterEnabled(true);
    index.reset();
    index.update(false);
    QCOMPARE(index.rowCount(), rowsFiltered); // an invalid pattern filters nothing out
    QCOMPARE(index.matchCount(), count);
}

void tst_OutputIndex::filterSeesTheOpenLineChange()
{
    OutputLog log;
    OutputIndex index;
    index.setLogs({&log});
    index.setPattern(u"100%"_s, Qt::CaseInsensitive, false);
    index.setFilterEnabled(true);
    log.appendData(OutputStream::Stdout, "progress 10%");
    index.update(true);
    QCOMPARE(index.rowCount(), 0);
    log.appendData(OutputStream::Stdout, "\rprogress 100%");
    index.update(true);
    QCOMPARE(index.rowCount(), 1);
    QCOMPARE(index.matchCount(), 1);
    log.appendData(OutputStream::Stdout, "\rprogress 0%");
    index.update(true);
    QCOMPARE(index.rowCount(), 0);
    QCOMPARE(index.matchCount(), 0);
    log.appendData(OutputStream::Stdout, "\rdone 100%\nnext");
    index.update(true);
    QCOMPARE(rowTexts(index), QStringList{u"0:done 100%"_s});
}

void tst_OutputIndex::boundedUpdatesCatchUp()
{
    OutputLog a;
    OutputLog b;
    const QByteArray line = QByteArray(QByteArray(200, 'x') + " needle\n");
    for (int i = 0; i < 30000; ++i) {
        a.appendData(OutputStream::Stdout, line);
        if (i % 3 == 0)
            b.appendData(OutputStream::Stdout, "b needle\n");
    }
    OutputIndex bounded;
    bounded.setLogs({&a, &b});
    bounded.setPattern(u"needle"_s, Qt::CaseSensitive, false);
    bounded.setFilterEnabled(true);
    int updates = 1;
    while (bounded.update(true).pending)
        ++updates;
    QVERIFY2(updates > 1, "the budget never ran out");
    OutputIndex whole;
    whole.setLogs({&a, &b});
    whole.setPattern(u"needle"_s, Qt::CaseSensitive, false);
    whole.setFilterEnabled(true);
    QVERIFY(!whole.update(false).pending);
    QCOMPARE(bounded.rowCount(), whole.rowCount());
    QCOMPARE(bounded.matchCount(), whole.matchCount());
    QCOMPARE(bounded.rowCount(), 40000);
    QVERIFY(sortedBySequence(bounded));
}

void tst_OutputIndex::purgeAfterClear()
{
    OutputLog a;
    OutputLog b;
    a.appendData(OutputStream::Stdout, "a1\n");
    b.appendData(OutputStream::Stdout, "b1\n");
    OutputIndex index;
    index.setLogs({&a, &b});
    index.setPattern(u"1"_s, Qt::CaseSensitive, false);
    index.update(true);
    QCOMPARE(index.matchCount(), 2);
    a.clear();
    index.purge(0);
    QCOMPARE(rowTexts(index), QStringList{u"1:b1"_s});
    QCOMPARE(index.matchCount(), 1);
    a.appendData(OutputStream::Stdout, "a after 1\n");
    index.update(true);
    QCOMPARE(rowTexts(index), (QStringList{u"1:b1"_s, u"0:a after 1"_s}));
    QCOMPARE(index.matchCount(), 2);
}

void tst_OutputIndex::matchNavigation()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "x\nfoo foo\nx\nfoo\n");
    OutputIndex index;
    index.setLogs({&log});
    index.setPattern(u"foo"_s, Qt::CaseSensitive, false);
    index.update(false);
    QCOMPARE(index.matchCount(), 3);
    const quint64 s0 = index.row(0).sequence;
    const quint64 s1 = index.row(1).sequence;
    const quint64 s2 = index.row(2).sequence;
    const quint64 s3 = index.row(3).sequence;
    QCOMPARE(index.matchesOf(s1), std::make_pair(0, 2));
    QCOMPARE(index.matchesOf(s2), std::make_pair(2, 2));
    QCOMPARE(index.matchIndex(s1, 4), 1);
    QCOMPARE(index.matchIndex(s1, 3), -1);
    QCOMPARE(index.firstMatchFrom(s0), 0);
    QCOMPARE(index.firstMatchFrom(s2), 2);
    QCOMPARE(index.lastMatchUpTo(s0), -1);
    QCOMPARE(index.lastMatchUpTo(s2), 1);
    QCOMPARE(index.lastMatchUpTo(s3), 2);
    QCOMPARE(index.rowOfSequence(s2), 2);
}

QTEST_GUILESS_MAIN(tst_OutputIndex)
#include "tst_outputindex.moc"

#include "outputindex.h"
#include "outputlog.h"

#include <QTest>

#include <memory>

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

} // namespace

class tst_OutputIndex final : public QObject
{
    Q_OBJECT

private slots:
    void interleavesInArrivalOrder();
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

#include "outputlog.h"
#include "outputmergecursor.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

// The logs' lines are appended in the order of `arrivals` (the index of a log per line), so the
// arrival order of the lines is that order.
class tst_OutputMergeCursor final : public QObject
{
    Q_OBJECT

private slots:
    void walk_data();
    void walk();
    void nullLogAndEmptyRanges();
};

void tst_OutputMergeCursor::walk_data()
{
    QTest::addColumn<QList<int>>("arrivals"); // log of each line, in arrival order
    QTest::addColumn<QList<qint64>>("from");
    QTest::addColumn<QList<qint64>>("ends");   // -1: the log's end
    QTest::addColumn<QStringList>("expected"); // "log:line"

    QTest::newRow("one log") << QList<int>{0, 0, 0} << QList<qint64>{0} << QList<qint64>{-1}
                             << QStringList{u"0:0"_s, u"0:1"_s, u"0:2"_s};
    QTest::newRow("interleaved") << QList<int>{0, 1, 1, 0, 2, 1} << QList<qint64>{0, 0, 0}
                                 << QList<qint64>{-1, -1, -1}
                                 << QStringList{u"0:0"_s, u"1:0"_s, u"1:1"_s, u"0:1"_s, u"2:0"_s, u"1:2"_s};
    QTest::newRow("from the middle of each") << QList<int>{0, 1, 1, 0, 2, 1} << QList<qint64>{1, 2, 0}
                                             << QList<qint64>{-1, -1, -1}
                                             << QStringList{u"0:1"_s, u"2:0"_s, u"1:2"_s};
    QTest::newRow("up to given ends") << QList<int>{0, 1, 1, 0, 2, 1} << QList<qint64>{0, 0, 0}
                                      << QList<qint64>{1, 2, 0}
                                      << QStringList{u"0:0"_s, u"1:0"_s, u"1:1"_s};
}

void tst_OutputMergeCursor::walk()
{
    QFETCH(QList<int>, arrivals);
    QFETCH(QList<qint64>, from);
    QFETCH(QList<qint64>, ends);
    QFETCH(QStringList, expected);

    std::vector<std::unique_ptr<OutputLog>> logs;
    for (qsizetype i = 0; i < from.size(); ++i)
        logs.push_back(std::make_unique<OutputLog>());
    for (int log : arrivals)
        logs[size_t(log)]->appendData(OutputStream::Stdout, "line\n");

    std::vector<const OutputLog *> pointers;
    std::vector<qint64> ranges;
    for (qsizetype i = 0; i < from.size(); ++i) {
        pointers.push_back(logs[size_t(i)].get());
        ranges.push_back(ends[i] < 0 ? logs[size_t(i)]->endLineNumber() : ends[i]);
    }
    OutputMergeCursor cursor;
    cursor.start(pointers, std::vector<qint64>(from.cbegin(), from.cend()), ranges);
    QStringList walked;
    quint64 previous = 0;
    for (; !cursor.atEnd(); cursor.advance()) {
        const OutputRow row = cursor.row();
        QCOMPARE_GT(row.sequence, previous);
        QCOMPARE(row.sequence, logs[size_t(row.source)]->lineSequence(row.line));
        previous = row.sequence;
        walked << QString::number(row.source) + u':' + QString::number(row.line);
    }
    QCOMPARE(walked, expected);
    for (qsizetype i = 0; i < from.size(); ++i)
        QCOMPARE(cursor.positions()[size_t(i)], std::max(from[i], ranges[size_t(i)]));
}

void tst_OutputMergeCursor::nullLogAndEmptyRanges()
{
    OutputLog log;
    log.appendData(OutputStream::Stdout, "a\nb\n");
    OutputMergeCursor cursor;
    cursor.start({nullptr, &log}, {0, 2}, {5, 2});
    QVERIFY(cursor.atEnd());
    cursor.advance(); // harmless at the end
    QVERIFY(cursor.atEnd());

    cursor.start({nullptr, &log}, {0, 1}, {5, 2});
    QVERIFY(!cursor.atEnd());
    QCOMPARE(cursor.row().source, 1);
    QCOMPARE(cursor.row().line, 1);
    cursor.advance();
    QVERIFY(cursor.atEnd());
}

QTEST_GUILESS_MAIN(tst_OutputMergeCursor)
#include "tst_outputmergecursor.moc"

// CronSchedule: the five fields with their names, lists, ranges and steps, the errors the session
// reader shows, and nextAfter() across month ends, leap days, the day-of-month / day-of-week rule
// and the two summer-time changes of a fixed time zone (Europe/Berlin).

#include "cronschedule.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QTimeZone &berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone;
}

QDateTime at(const QString &text)
{
    const QDateTime local = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    return QDateTime(local.date(), local.time(), berlin());
}

CronSchedule parsed(const QString &text)
{
    const CronSchedule::ParseResult result = CronSchedule::parse(text);
    if (!result.schedule)
        qFatal("not a schedule: %s: %s", qPrintable(text), qPrintable(result.error));
    return *result.schedule;
}

} // namespace

class TestCronSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void nextAfter_data();
    void nextAfter();
    void skippedHourDoesNotRun();
    void repeatedHourRunsOnce();
    void dailyRunOnRepeatedHourOnce();
};

void TestCronSchedule::initTestCase()
{
    QVERIFY2(berlin().isValid(), "the Europe/Berlin time zone (tzdata) is needed");
}

void TestCronSchedule::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // empty: valid

    QTest::newRow("every minute") << u"* * * * *"_s << QString();
    QTest::newRow("lists, ranges, names") << u"0,15,30,45 9-17 * jan-mar,DEC mon-fri"_s << QString();
    QTest::newRow("steps") << u"*/15 0-23/2 1-31/10 */3 *"_s << QString();
    QTest::newRow("start/step") << u"5/20 * * * *"_s << QString();
    QTest::newRow("sunday as 7") << u"0 0 * * 7"_s << QString();
    QTest::newRow("spaces around") << u"  0   12 * * *  "_s << QString();
    QTest::newRow("@daily") << u"@daily"_s << QString();
    QTest::newRow("@hourly") << u"@HOURLY"_s << QString();
    QTest::newRow("minute out of range") << u"61 * * * *"_s << u"minute field: 61 is out of range 0–59"_s;
    QTest::newRow("hour out of range") << u"0 24 * * *"_s << u"hour field: 24 is out of range 0–23"_s;
    QTest::newRow("day 0") << u"0 0 0 * *"_s << u"day-of-month field: 0 is out of range 1–31"_s;
    QTest::newRow("month 13") << u"0 0 1 13 *"_s << u"month field: 13 is out of range 1–12"_s;
    QTest::newRow("weekday 8") << u"0 0 * * 8"_s << u"day-of-week field: 8 is out of range 0–7"_s;
    QTest::newRow("unknown name") << u"0 0 * foo *"_s << u"month field: \"foo\" is not a number or a name"_s;
    QTest::newRow("weekday name in month") << u"0 0 * mon *"_s << u"month field: \"mon\" is not a number or a name"_s;
    QTest::newRow("negative") << u"-5 * * * *"_s << u"minute field: \"-5\" is not a number or a name"_s;
    QTest::newRow("step 0") << u"*/0 * * * *"_s << u"minute field: the step \"0\" is not a number from 1 to 60"_s;
    QTest::newRow("backwards") << u"30-10 * * * *"_s << u"minute field: the range 30-10 goes backwards"_s;
    QTest::newRow("empty item") << u"1,,2 * * * *"_s << u"minute field: an empty item in the list"_s;
    QTest::newRow("four fields") << u"* * * *"_s
                                 << u"expected five fields (minute hour day-of-month month day-of-week), found 4"_s;
    QTest::newRow("six fields") << u"* * * * * *"_s
                                << u"expected five fields (minute hour day-of-month month day-of-week), found 6"_s;
    QTest::newRow("empty") << QString() << u"expected five fields (minute hour day-of-month month day-of-week), found 0"_s;
    QTest::newRow("never: 30 february") << u"0 0 30 feb *"_s
                                        << u"day-of-month field: no day of 30 falls in the months of the month field"_s;
    QTest::newRow("unknown shortcut") << u"@often"_s
                                      << u"unknown shortcut @often (known: @yearly, @monthly, @weekly, @daily, @hourly)"_s;
}

void TestCronSchedule::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const CronSchedule::ParseResult result = CronSchedule::parse(text);
    QCOMPARE(result.error, error);
    QCOMPARE(result.schedule.has_value(), error.isEmpty());
}

void TestCronSchedule::nextAfter_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("next minute") << u"* * * * *"_s << u"2026-06-02 10:00:00"_s << u"2026-06-02 10:01:00"_s;
    QTest::newRow("seconds dropped") << u"* * * * *"_s << u"2026-06-02 10:00:59"_s << u"2026-06-02 10:01:00"_s;
    QTest::newRow("month end") << u"* * * * *"_s << u"2026-01-31 23:59:30"_s << u"2026-02-01 00:00:00"_s;
    QTest::newRow("year end") << u"0 0 * * *"_s << u"2026-12-31 12:00:00"_s << u"2027-01-01 00:00:00"_s;
    QTest::newRow("first of month") << u"0 0 1 * *"_s << u"2026-01-15 08:00:00"_s << u"2026-02-01 00:00:00"_s;
    QTest::newRow("31st skips april") << u"0 0 31 * *"_s << u"2026-04-01 00:00:00"_s << u"2026-05-31 00:00:00"_s;
    QTest::newRow("leap day") << u"0 12 29 2 *"_s << u"2026-03-01 00:00:00"_s << u"2028-02-29 12:00:00"_s;
    QTest::newRow("leap day, same year") << u"0 12 29 feb *"_s << u"2028-02-28 13:00:00"_s << u"2028-02-29 12:00:00"_s;
    QTest::newRow("or rule: monday") << u"0 0 1 * mon"_s << u"2026-06-02 00:00:00"_s << u"2026-06-08 00:00:00"_s;
    QTest::newRow("or rule: the first") << u"0 0 1 * mon"_s << u"2026-06-29 00:00:00"_s << u"2026-07-01 00:00:00"_s;
    QTest::newRow("and rule with */2") << u"0 0 */2 * mon"_s << u"2026-06-02 00:00:00"_s << u"2026-06-15 00:00:00"_s;
    QTest::newRow("weekdays only") << u"*/15 9-17 * * mon-fri"_s << u"2026-06-05 17:50:00"_s << u"2026-06-08 09:00:00"_s;
    QTest::newRow("sunday as 7") << u"0 6 * * 7"_s << u"2026-10-20 00:00:00"_s << u"2026-10-25 06:00:00"_s;
    QTest::newRow("start/step") << u"5/20 * * * *"_s << u"2026-06-02 10:45:00"_s << u"2026-06-02 11:05:00"_s;
    QTest::newRow("list of months") << u"0 0 1 jan,jul *"_s << u"2026-02-01 00:00:00"_s << u"2026-07-01 00:00:00"_s;
    QTest::newRow("skipped hour skips the day") << u"30 2 * * *"_s << u"2026-03-28 12:00:00"_s << u"2026-03-30 02:30:00"_s;
}

void TestCronSchedule::nextAfter()
{
    QFETCH(QString, expression);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    const QDateTime next = parsed(expression).nextAfter(at(after));
    QVERIFY(next.isValid());
    QCOMPARE(next.timeZone(), berlin());
    QCOMPARE(next.toString(u"yyyy-MM-dd HH:mm:ss"_s), expected);
}

// 2026-03-29, Europe/Berlin: 02:00 becomes 03:00. Every minute from 01:58 on goes 01:58, 01:59,
// 03:00: no 02:xx, and the instants are a minute apart.
void TestCronSchedule::skippedHourDoesNotRun()
{
    const CronSchedule everyMinute = parsed(u"* * * * *"_s);
    QDateTime time = at(u"2026-03-29 01:58:00"_s);
    QStringList walls;
    for (int i = 0; i < 3; ++i) {
        const QDateTime next = everyMinute.nextAfter(time);
        QCOMPARE(time.secsTo(next), 60);
        time = next;
        walls << time.toString(u"HH:mm"_s);
    }
    QCOMPARE(walls, (QStringList{u"01:59"_s, u"03:00"_s, u"03:01"_s}));
}

// 2026-10-25, Europe/Berlin: 03:00 becomes 02:00 again. Every minute from 01:58 to 03:01 runs each
// wall-clock minute of the repeated hour once, and the instants only go forward.
void TestCronSchedule::repeatedHourRunsOnce()
{
    const CronSchedule everyMinute = parsed(u"* * * * *"_s);
    QDateTime time = at(u"2026-10-25 01:58:00"_s);
    QStringList walls;
    while (walls.isEmpty() || walls.constLast() != u"03:01"_s) {
        const QDateTime next = everyMinute.nextAfter(time);
        QVERIFY(next > time);
        time = next;
        walls << time.toString(u"HH:mm"_s);
        QVERIFY(walls.size() < 200);
    }
    QCOMPARE(walls.size(), 1 + 60 + 2); // 01:59, 02:00 … 02:59, 03:00, 03:01: each once
    QCOMPARE(walls.removeDuplicates(), 0);
}

// A daily run in the repeated hour runs that day once: from either 02:30 the next is tomorrow's.
void TestCronSchedule::dailyRunOnRepeatedHourOnce()
{
    const CronSchedule daily = parsed(u"30 2 * * *"_s);
    const QDateTime first = daily.nextAfter(at(u"2026-10-24 12:00:00"_s));
    QCOMPARE(first.toString(u"yyyy-MM-dd HH:mm"_s), u"2026-10-25 02:30"_s);
    const QDateTime tomorrow = at(u"2026-10-26 02:30:00"_s);
    QCOMPARE(daily.nextAfter(first), tomorrow);
    // An hour later (the other 02:30 when the first was chosen, 03:30 when the second was) the
    // next is still tomorrow's; an hour earlier it is the one chosen.
    QCOMPARE(daily.nextAfter(first.addSecs(3600)), tomorrow);
    QCOMPARE(daily.nextAfter(first.addSecs(-3600)), first);
}

QTEST_GUILESS_MAIN(TestCronSchedule)

#include "tst_cronschedule.moc"

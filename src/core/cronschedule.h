#pragma once

// A five-field cron expression (the session file's `schedule`, stackspec.h), as Vixie cron reads
// it: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or jan-dec), day of week (0-7
// or sun-sat, 0 and 7 both Sunday). Each field is `*`, a number, a name, a range `a-b`, a step
// `*/n` or `a-b/n` or `a/n` (from a to the field's end), or a comma list of those. `@yearly`,
// `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly` stand for their five
// fields.
//
// Days, as Vixie cron: when both the day of month and the day of week are restricted (neither
// starts with `*`), a day matches if EITHER matches ("0 0 1 * mon": the 1st and every Monday);
// otherwise both must (a `*` matches every day).
//
// Times are local wall-clock times of the time zone of the QDateTime given to nextAfter():
// a time that does not exist (the hour skipped when summer time begins) does not run that day;
// a time that happens twice (the hour repeated when it ends) runs once.

#include <QDateTime>
#include <QString>

#include <bitset>
#include <optional>

class CronSchedule final
{
public:
    struct ParseResult; // below: it holds a CronSchedule

    // The expression, or why not (for the session reader to show with the entry's key).
    static ParseResult parse(const QString &text);

    // The first time strictly after `after` that matches, in after's time zone; an invalid
    // QDateTime when none comes within the next 28 years (cannot happen for a parsed schedule
    // whose days exist, which parse() checks).
    QDateTime nextAfter(const QDateTime &after) const;

    bool matchesDay(const QDate &date) const;

private:
    CronSchedule() = default;

    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // bit 0 unused
    std::bitset<13> m_months;      // bit 0 unused
    std::bitset<7> m_daysOfWeek;   // 0 = Sunday
    bool m_dayOfMonthStar = false; // the field starts with '*'
    bool m_dayOfWeekStar = false;
};

struct CronSchedule::ParseResult
{
    std::optional<CronSchedule> schedule;
    QString error; // "minute field: 61 is out of range 0–59"; empty on success
};

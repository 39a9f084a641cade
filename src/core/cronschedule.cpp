#include "cronschedule.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// One of the five fields: its name in messages, its range and its names (index = value - first).
struct FieldRule
{
    const char *name;
    int first;
    int last;
    QStringList names;
    int nameBase; // the value of names[0]
};

QString fieldName(const FieldRule &rule)
{
    return QCoreApplication::translate("CronSchedule", rule.name);
}

// A number or a name of the field, or nullopt with `error` set.
std::optional<int> parseValue(const QString &text, const FieldRule &rule, QString *error)
{
    const int named = rule.names.indexOf(text.toLower());
    if (named >= 0)
        return rule.nameBase + named;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || text.startsWith(u'+') || text.startsWith(u'-')) {
        *error = QCoreApplication::translate("CronSchedule", "%1 field: \"%2\" is not a number or a name").arg(fieldName(rule), text);
        return std::nullopt;
    }
    if (value < rule.first || value > rule.last) {
        *error = QCoreApplication::translate("CronSchedule", "%1 field: %2 is out of range %3–%4")
                     .arg(fieldName(rule)).arg(value).arg(rule.first).arg(rule.last);
        return std::nullopt;
    }
    return value;
}

// One list item ("*", "5", "mon-fri", "*/15", "10-50/10", "5/10") into `bits` (index = value).
template<std::size_t N>
bool parseItem(const QString &item, const FieldRule &rule, std::bitset<N> *bits, QString *error)
{
    if (item.isEmpty()) {
        *error = QCoreApplication::translate("CronSchedule", "%1 field: an empty item in the list").arg(fieldName(rule));
        return false;
    }
    QString range = item;
    int step = 1;
    const qsizetype slash = item.indexOf(u'/');
    if (slash >= 0) {
        range = item.left(slash);
        bool ok = false;
        step = item.mid(slash + 1).toInt(&ok);
        if (!ok || step < 1 || step > rule.last - rule.first + 1) {
            *error = QCoreApplication::translate("CronSchedule", "%1 field: the step \"%2\" is not a number from 1 to %3")
                         .arg(fieldName(rule), item.mid(slash + 1)).arg(rule.last - rule.first + 1);
            return false;
        }
    }
    int low = rule.first;
    int high = rule.last;
    if (range != u"*"_s) {
        const qsizetype dash = range.indexOf(u'-', 1);
        const std::optional<int> a = parseValue(dash < 0 ? range : range.left(dash), rule, error);
        if (!a)
            return false;
        low = *a;
        high = slash >= 0 ? rule.last : *a; // "5/10": from 5 to the end, as Vixie cron
        if (dash >= 0) {
            const std::optional<int> b = parseValue(range.mid(dash + 1), rule, error);
            if (!b)
                return false;
            high = *b;
            if (high < low) {
                *error = QCoreApplication::translate("CronSchedule", "%1 field: the range %2 goes backwards").arg(fieldName(rule), range);
                return false;
            }
        }
    }
    for (int value = low; value <= high; value += step)
        bits->set(static_cast<std::size_t>(value));
    return true;
}

template<std::size_t N>
bool parseField(const QString &text, const FieldRule &rule, std::bitset<N> *bits, QString *error)
{
    const QStringList items = text.split(u',');
    for (const QString &item : items) {
        if (!parseItem(item, rule, bits, error))
            return false;
    }
    return true;
}

QString expandShortcut(const QString &text, QString *error)
{
    static const QList<std::pair<QString, QString>> shortcuts = {
        {u"@yearly"_s, u"0 0 1 1 *"_s},   {u"@annually"_s, u"0 0 1 1 *"_s},
        {u"@monthly"_s, u"0 0 1 * *"_s},  {u"@weekly"_s, u"0 0 * * 0"_s},
        {u"@daily"_s, u"0 0 * * *"_s},    {u"@midnight"_s, u"0 0 * * *"_s},
        {u"@hourly"_s, u"0 * * * *"_s},
    };
    for (const auto &[name, fields] : shortcuts) {
        if (text.compare(name, Qt::CaseInsensitive) == 0)
            return fields;
    }
    *error = QCoreApplication::translate("CronSchedule", "unknown shortcut %1 (known: @yearly, @monthly, @weekly, @daily, @hourly)").arg(text);
    return {};
}

constexpr int SearchYears = 28; // the calendar repeats after 28 years (between century rules)

} // namespace

CronSchedule::ParseResult CronSchedule::parse(const QString &text)
{
    static const FieldRule minute{QT_TRANSLATE_NOOP("CronSchedule", "minute"), 0, 59, {}, 0};
    static const FieldRule hour{QT_TRANSLATE_NOOP("CronSchedule", "hour"), 0, 23, {}, 0};
    static const FieldRule day{QT_TRANSLATE_NOOP("CronSchedule", "day-of-month"), 1, 31, {}, 1};
    static const FieldRule month{QT_TRANSLATE_NOOP("CronSchedule", "month"), 1, 12,
                                 {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                  u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s}, 1};
    static const FieldRule weekday{QT_TRANSLATE_NOOP("CronSchedule", "day-of-week"), 0, 7,
                                   {u"sun"_s, u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s}, 0};

    ParseResult result;
    QString expression = text.trimmed();
    if (expression.startsWith(u'@')) {
        expression = expandShortcut(expression, &result.error);
        if (expression.isEmpty())
            return result;
    }
    const QStringList fields = expression.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        result.error = QCoreApplication::translate("CronSchedule", "expected five fields (minute hour day-of-month month day-of-week), found %1")
                           .arg(fields.size());
        return result;
    }
    CronSchedule schedule;
    std::bitset<8> weekdays;
    if (!parseField(fields[0], minute, &schedule.m_minutes, &result.error)
        || !parseField(fields[1], hour, &schedule.m_hours, &result.error)
        || !parseField(fields[2], day, &schedule.m_daysOfMonth, &result.error)
        || !parseField(fields[3], month, &schedule.m_months, &result.error)
        || !parseField(fields[4], weekday, &weekdays, &result.error))
        return result;
    for (int i = 0; i < 7; ++i)
        schedule.m_daysOfWeek[static_cast<std::size_t>(i)] = weekdays[static_cast<std::size_t>(i)];
    if (weekdays[7])
        schedule.m_daysOfWeek.set(0); // 7 is Sunday too
    schedule.m_dayOfMonthStar = fields[2].startsWith(u'*');
    schedule.m_dayOfWeekStar = fields[4].startsWith(u'*');

    // Days that never come ("0 0 31 2 *"): only the day of month decides when the day of week is
    // "*", so some month of the list must have some day of the list.
    if (schedule.m_dayOfWeekStar) {
        static constexpr int longest[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool someDay = false;
        for (int m = 1; m <= 12 && !someDay; ++m) {
            for (int d = 1; d <= longest[m] && !someDay; ++d)
                someDay = schedule.m_months[static_cast<std::size_t>(m)] && schedule.m_daysOfMonth[static_cast<std::size_t>(d)];
        }
        if (!someDay) {
            result.error = QCoreApplication::translate("CronSchedule", "day-of-month field: no day of %1 falls in the months of the month field")
                               .arg(fields[2]);
            return result;
        }
    }
    result.schedule = schedule;
    return result;
}

bool CronSchedule::matchesDay(const QDate &date) const
{
    if (!m_months[static_cast<std::size_t>(date.month())])
        return false;
    const bool dayOfMonth = m_daysOfMonth[static_cast<std::size_t>(date.day())];
    const bool dayOfWeek = m_daysOfWeek[static_cast<std::size_t>(date.dayOfWeek() % 7)];
    if (m_dayOfMonthStar || m_dayOfWeekStar)
        return dayOfMonth && dayOfWeek;
    return dayOfMonth || dayOfWeek;
}

QDateTime CronSchedule::nextAfter(const QDateTime &after) const
{
    // Walk the wall clock of after's zone, day by day, then the listed hours and minutes. Each
    // wall time is made into an instant: one the zone skips comes back as another wall time (not
    // run), one it repeats comes back as one instant (run once). The first day is walked from
    // LookBackMinutes before `after`: in the first pass of a repeated hour an earlier wall time
    // can still be ahead (Qt may give its second pass), and whatever is not after `after` is
    // passed over anyway.
    constexpr int LookBackMinutes = 120;
    const QTimeZone zone = after.timeZone();
    const QDate firstDay = after.date();
    const int firstMinute = qMax(0, after.time().hour() * 60 + after.time().minute() - LookBackMinutes);
    const QDate lastDay = firstDay.addYears(SearchYears);
    for (QDate date = firstDay; date <= lastDay; date = date.addDays(1)) {
        if (!matchesDay(date))
            continue;
        const int from = date == firstDay ? firstMinute : 0;
        for (int h = from / 60; h < 24; ++h) {
            if (!m_hours[static_cast<std::size_t>(h)])
                continue;
            for (int m = h == from / 60 ? from % 60 : 0; m < 60; ++m) {
                if (!m_minutes[static_cast<std::size_t>(m)])
                    continue;
                const QTime wall(h, m);
                const QDateTime candidate(date, wall, zone);
                if (candidate.isValid() && candidate.date() == date && candidate.time() == wall
                    && candidate > after)
                    return candidate;
            }
        }
    }
    return {};
}

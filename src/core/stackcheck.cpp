#include "stackcheck.h"

#include "cronschedule.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace StackCheck {

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(StackCheck)
};

// Depth-first search for a cycle, in the order of the entries and of their dependencies.
class CycleSearch final
{
public:
    CycleSearch(const QList<ProcessSpec> &entries, const QHash<QString, qsizetype> &index)
        : m_entries(entries)
        , m_index(index)
        , m_colour(entries.size(), Colour::Unvisited)
    {
    }

    std::optional<Problem> run()
    {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_colour.at(i) == Colour::Unvisited) {
                if (std::optional<Problem> problem = visit(i))
                    return problem;
            }
        }
        return std::nullopt;
    }

private:
    enum class Colour { Unvisited, OnPath, Done };

    std::optional<Problem> visit(qsizetype entry)
    {
        m_colour[entry] = Colour::OnPath;
        m_path.append(entry);
        for (const Dependency &dependency : m_entries.at(entry).dependsOn) {
            const qsizetype target = m_index.value(dependency.name, -1);
            if (target < 0)
                continue;
            if (m_colour.at(target) == Colour::OnPath)
                return cycle(entry, target);
            if (m_colour.at(target) == Colour::Unvisited) {
                if (std::optional<Problem> problem = visit(target))
                    return problem;
            }
        }
        m_path.removeLast();
        m_colour[entry] = Colour::Done;
        return std::nullopt;
    }

    // `entry` depends on `target`, which is on the path: the cycle from `entry` round to it.
    Problem cycle(qsizetype entry, qsizetype target) const
    {
        QStringList names{m_entries.at(entry).name};
        for (qsizetype i = m_path.indexOf(target); i < m_path.size(); ++i)
            names.append(m_entries.at(m_path.at(i)).name);
        return {entry, names.join(u" → "_s), true};
    }

    const QList<ProcessSpec> &m_entries;
    const QHash<QString, qsizetype> &m_index;
    QList<Colour> m_colour;
    QList<qsizetype> m_path;
};

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

// One cron field: comma-separated items of `*` or a value or a range, each with an optional
// "/step"; values are numbers or three-letter names.
bool looksLikeCronField(const QString &field)
{
    static const QRegularExpression value(u"^(\\d+|[a-z]{3})$"_s, QRegularExpression::CaseInsensitiveOption);
    static const QStringList names = u"jan feb mar apr may jun jul aug sep oct nov dec sun mon tue wed thu fri sat"_s
                                         .split(u' ');
    const auto isValue = [](const QString &text) {
        return value.match(text).hasMatch() && (text.front().isDigit() || names.contains(text.toLower()));
    };
    for (const QString &item : field.split(u',')) {
        const QStringList stepped = item.split(u'/');
        if (stepped.size() > 2 || (stepped.size() == 2 && !QRegularExpression(u"^\\d+$"_s).match(stepped.at(1)).hasMatch()))
            return false;
        const QString &base = stepped.at(0);
        if (base == u"*"_s)
            continue;
        const QStringList range = base.split(u'-');
        if (range.size() > 2 || !std::all_of(range.begin(), range.end(), isValue))
            return false;
    }
    return true;
}

} // namespace

QStringList copyNames(const ProcessSpec &spec)
{
    if (spec.replicas <= 1)
        return {spec.name};
    QStringList names;
    for (int i = 1; i <= spec.replicas; ++i)
        names.append(spec.name + u'-' + QString::number(i));
    return names;
}

std::optional<QString> probeTargetProblem(ProbeSpec::Kind kind, const QString &target)
{
    switch (kind) {
    case ProbeSpec::Kind::LogLine: {
        const QRegularExpression expression(target);
        if (!expression.isValid()) {
            return Msg::tr("not a valid regular expression: %1 (at character %2)")
                                .arg(expression.errorString())
                                .arg(expression.patternErrorOffset() + 1);
        }
        return std::nullopt;
    }
    case ProbeSpec::Kind::Tcp: {
        const qsizetype colon = target.lastIndexOf(u':');
        if (colon <= 0)
            return Msg::tr("must be \"host:port\", such as \"localhost:5432\"");
        bool number = false;
        const int port = target.mid(colon + 1).toInt(&number);
        if (!number || port < 1 || port > 65535)
            return Msg::tr("%1 is not a port: use 1 to 65535").arg(quoted(target.mid(colon + 1)));
        return std::nullopt;
    }
    case ProbeSpec::Kind::Http: {
        const QUrl url(target, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty())
            return Msg::tr("%1 is not an http:// or https:// URL").arg(quoted(target));
        return std::nullopt;
    }
    case ProbeSpec::Kind::Command:
    case ProbeSpec::Kind::None:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<QString> cronProblem(const QString &text)
{
    const QStringList fields = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        return Msg::tr("%1 is not a cron expression: it needs five fields (minute hour day month weekday)")
            .arg(quoted(text));
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (!looksLikeCronField(fields.at(i))) {
            return Msg::tr("%1: field %2 (%3) is not a cron field (numbers, *, names such as mon or jan, "
                           "with \",\", \"-\" and \"/\")").arg(quoted(text)).arg(i + 1).arg(quoted(fields.at(i)));
        }
    }
    // The shape is right: the values too (ranges, days that never come), as the scheduler reads them.
    const CronSchedule::ParseResult parsed = CronSchedule::parse(text);
    if (!parsed.schedule)
        return quoted(text) + u": "_s + parsed.error;
    return std::nullopt;
}

std::optional<QString> intervalProblem(qint64 everyMs)
{
    if (everyMs < MinEveryMs)
        return Msg::tr("must be a whole number of milliseconds, at least %1").arg(MinEveryMs);
    return std::nullopt;
}

std::optional<QString> watchPathsProblem(const QStringList &paths)
{
    if (paths.isEmpty())
        return Msg::tr("needs at least one path");
    return std::nullopt;
}

std::optional<QString> logPathProblem(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Msg::tr("must be a non-empty string");
    if (path.contains(QChar(u'\0')))
        return Msg::tr("contains a NUL byte");
    return std::nullopt;
}

std::optional<Problem> dependencyProblem(const QList<ProcessSpec> &entries)
{
    // Every name a dependency may use: an entry's, and its copies'.
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        index.insert(entries.at(i).name, i);
        if (entries.at(i).replicas > 1) {
            for (const QString &copy : copyNames(entries.at(i)))
                index.insert(copy, i);
        }
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        for (const Dependency &dependency : entries.at(i).dependsOn) {
            const qsizetype target = index.value(dependency.name, -1);
            if (target < 0)
                return Problem{i, Msg::tr("\"%1\" is not an entry of this session").arg(dependency.name), false};
            if (target == i)
                return Problem{i, Msg::tr("\"%1\" is the entry itself; an entry cannot wait for itself")
                                      .arg(dependency.name), false};
        }
    }
    return CycleSearch(entries, index).run();
}

} // namespace StackCheck

#include "environmenttext.h"

#include "sessionfileformat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace EnvironmentText {

namespace {

using SessionFileFormat::Msg;
using SessionFileFormat::lineError;
using SessionFileFormat::quoted;

bool isAsciiLetterOrUnderscore(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}

// Reads a quoted value that starts at rest[0] (the quote). Returns the index after the closing
// quote, or -1 if there is none.
qsizetype readQuoted(QStringView rest, QString *value)
{
    const QChar quote = rest.front();
    for (qsizetype i = 1; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c == quote)
            return i + 1;
        if (quote == u'"' && c == u'\\' && i + 1 < rest.size()) {
            const QChar next = rest.at(++i);
            switch (next.unicode()) {
            case u'n': value->append(u'\n'); break;
            case u't': value->append(u'\t'); break;
            case u'r': value->append(u'\r'); break;
            case u'\\': case u'"': case u'$': case u'`': value->append(next); break;
            default: value->append(u'\\'); value->append(next); break;
            }
            continue;
        }
        value->append(c);
    }
    return -1;
}

// A bare value ends at a comment: " #" (a '#' inside a word is kept, as in a URL).
QString bareValue(QStringView rest)
{
    qsizetype end = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest.at(i) == u'#' && (i == 0 || rest.at(i - 1).isSpace())) {
            end = i;
            break;
        }
    }
    return rest.left(end).trimmed().toString();
}

// The value part of one .env line (after the '='); an empty message on success.
QString dotEnvValue(QStringView rest, QString *value)
{
    if (!rest.startsWith(u'\'') && !rest.startsWith(u'"')) {
        *value = bareValue(rest);
        return {};
    }
    const qsizetype end = readQuoted(rest, value);
    if (end < 0)
        return rest.front() == u'"' ? Msg::tr("unterminated double quote") : Msg::tr("unterminated single quote");
    const QStringView after = rest.mid(end).trimmed();
    if (!after.isEmpty() && !after.startsWith(u'#'))
        return Msg::tr("unexpected text after the closing quote");
    return {};
}

} // namespace

bool isValidVariableName(QStringView name)
{
    if (name.isEmpty() || name.front() == u'-' || name.front() == u'#')
        return false;
    for (const QChar c : name) {
        if (c == u'=' || c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool isShellVariableName(QStringView name)
{
    if (name.isEmpty() || !isAsciiLetterOrUnderscore(name.front().unicode()))
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!isAsciiLetterOrUnderscore(u) && !(u >= u'0' && u <= u'9'))
            return false;
    }
    return true;
}

ParseResult parse(const QString &text)
{
    ParseResult result;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &raw = lines.at(i);
        const QStringView line = QStringView(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        EnvironmentChange change;
        if (line.startsWith(u'-')) {
            change.name = line.mid(1).trimmed().toString();
        } else {
            const qsizetype equals = raw.indexOf(u'=');
            if (equals < 0) {
                result = {};
                result.error = ParseResult::Error::MissingEquals;
                result.errorLine = int(i + 1);
                return result;
            }
            change.name = QStringView(raw).left(equals).trimmed().toString();
            change.value = raw.mid(equals + 1);
        }
        if (!isValidVariableName(change.name)) {
            result = {};
            result.error = ParseResult::Error::InvalidName;
            result.errorLine = int(i + 1);
            result.invalidName = change.name;
            return result;
        }
        result.changes.append(std::move(change));
    }
    return result;
}

QString format(const QList<EnvironmentChange> &changes)
{
    QStringList lines;
    for (const EnvironmentChange &change : changes)
        lines.append(change.value ? QString(change.name + u'=' + *change.value) : QString(u'-' + change.name));
    return lines.join(u'\n');
}

DotEnvResult parseDotEnv(const QByteArray &data, const QString &fileName)
{
    DotEnvResult result;
    const QStringList lines = SessionFileFormat::textLines(data);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QStringView line = QStringView(lines.at(index)).trimmed();
        if (line.contains(QChar(u'\0'))) { // the environment block would cut it there
            result.error = lineError(fileName, index, Msg::tr("contains a NUL byte"));
            return result;
        }
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"export") && line.size() > 6 && line.at(6).isSpace())
            line = line.mid(7).trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            result.error = lineError(fileName, index, Msg::tr("expected KEY=VALUE"));
            return result;
        }
        const QString key = line.left(equals).trimmed().toString();
        if (!isValidVariableName(key)) {
            result.error = lineError(fileName, index, Msg::tr("%1 is not a valid variable name").arg(quoted(key)));
            return result;
        }
        QString value;
        const QString problem = dotEnvValue(line.mid(equals + 1).trimmed(), &value);
        if (!problem.isEmpty()) {
            result.error = lineError(fileName, index, problem);
            return result;
        }
        result.variables.append({key, value});
    }
    return result;
}

} // namespace EnvironmentText

// The command line of `procdeck ctl` (ControlClient::parse) and its help text.
#include "controlclient.h"

#include "controlprotocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(ControlClient)
};

QJsonArray namesOf(const QStringList &words)
{
    QJsonArray names;
    for (const QString &word : words)
        names.append(word);
    return names;
}

// The verb's own options, taken out of `words` (what is left are the names); an error as text.
QString takeOptions(const QString &verb, QStringList &words, QJsonObject &message, bool &json, const QDateTime &now)
{
    for (qsizetype i = 0; i < words.size();) {
        const QString word = words.at(i);
        if (word == u"--"_s) {
            words.removeAt(i);
            break;
        }
        if (!word.startsWith(u'-') || word == u"-"_s) {
            ++i;
            continue;
        }
        const bool takesValue = (verb == u"join"_s && word == u"--timeout"_s) || (verb == u"logs"_s && word == u"--since"_s);
        if (verb == u"list"_s && word == u"--json"_s) {
            json = true;
        } else if (verb == u"logs"_s && (word == u"-f"_s || word == u"--follow"_s)) {
            message.insert(u"follow"_s, true);
        } else if (takesValue) {
            if (i + 1 >= words.size())
                return Msg::tr("%1 %2 needs a value").arg(verb, word);
            const QString value = words.at(i + 1);
            words.removeAt(i + 1);
            if (word == u"--timeout"_s) {
                bool ok = false;
                const double seconds = value.toDouble(&ok);
                if (!ok || !std::isfinite(seconds) || seconds < 0)
                    return Msg::tr("join --timeout: \"%1\" is not a number of seconds").arg(value);
                message.insert(u"timeoutMs"_s, double(std::llround(seconds * 1000.0)));
            } else {
                const std::optional<qint64> since = ControlClient::parseSince(value, now);
                if (!since)
                    return Msg::tr("logs --since: \"%1\" is neither a duration (30s, 5m, 2h, 1d) nor a date and time").arg(value);
                message.insert(u"sinceMs"_s, double(*since));
            }
        } else {
            return Msg::tr("%1: unknown option %2").arg(verb, word);
        }
        words.removeAt(i);
    }
    return {};
}

// An entry object given on the command line (add, edit); an error as text.
std::variant<QJsonObject, QString> entryArgument(const QString &verb, const QString &text)
{
    QJsonParseError error;
    const QJsonDocument entry = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return Msg::tr("%1: not JSON (%2 at offset %3)").arg(verb, error.errorString()).arg(error.offset);
    if (!entry.isObject())
        return Msg::tr("%1: the entry must be a JSON object").arg(verb);
    return entry.object();
}

// input NAME TEXT | input --eof NAME, scale NAME COUNT, edit NAME JSON.
std::variant<ControlClient::Request, QString> parseOneEntryVerb(ControlClient::Request request, QStringList words)
{
    QJsonObject &message = request.message;
    const QString &verb = request.verb;
    if (verb == u"input"_s && !words.isEmpty() && words.first() == u"--eof"_s) {
        words.removeFirst();
        message.insert(u"eof"_s, true);
    }
    const qsizetype wanted = message.contains(u"eof"_s) ? 1 : 2;
    if (words.size() != wanted) {
        if (verb == u"input"_s)
            return Msg::tr("input needs a NAME and a TEXT (sent with a newline), or --eof NAME");
        if (verb == u"scale"_s)
            return Msg::tr("scale needs a NAME and a COUNT");
        return Msg::tr("edit needs a NAME and one JSON entry");
    }
    message.insert(u"names"_s, QJsonArray{words.first()});
    if (wanted == 1)
        return request;
    const QString value = words.at(1);
    if (verb == u"input"_s) {
        message.insert(u"text"_s, QString(value + u'\n'));
    } else if (verb == u"scale"_s) {
        bool ok = false;
        const int count = value.toInt(&ok);
        if (!ok)
            return Msg::tr("scale: \"%1\" is not a number of copies").arg(value);
        message.insert(u"count"_s, count);
    } else {
        const auto entry = entryArgument(verb, value);
        if (const QString *error = std::get_if<QString>(&entry))
            return *error;
        message.insert(u"entry"_s, std::get<QJsonObject>(entry));
    }
    return request;
}

} // namespace

namespace ControlClient {

std::variant<Request, QString> parse(const QStringList &arguments, const QDateTime &now)
{
    static const QStringList needNames = {u"start"_s, u"stop"_s, u"kill"_s, u"restart"_s, u"signal"_s,
                                          u"join"_s, u"remove"_s, u"pause"_s, u"resume"_s, u"interrupt"_s};
    static const QStringList takeNames = {u"list"_s, u"status"_s, u"logs"_s};
    static const QStringList bare = {u"instances"_s, u"quit"_s, u"help"_s, u"bridge"_s};
    Request request;
    QStringList words = arguments;
    while (!words.isEmpty() && (words.first() == u"--session"_s || words.first().startsWith(u"--session="_s))) {
        if (words.first() == u"--session"_s) {
            if (words.size() < 2)
                return Msg::tr("--session needs a NAME");
            request.session = words.at(1);
            words.remove(0, 2);
        } else {
            request.session = words.takeFirst().mid(10);
        }
    }
    if (words.isEmpty())
        return Msg::tr("no VERB given");
    request.verb = words.takeFirst();
    if (request.verb == u"--help"_s || request.verb == u"-h"_s)
        request.verb = u"help"_s;
    QJsonObject &message = request.message;
    message.insert(u"verb"_s, request.verb);
    if (bare.contains(request.verb)) {
        if (!words.isEmpty())
            return Msg::tr("%1 takes no arguments").arg(request.verb);
        return request;
    }
    if (request.verb == u"add"_s) {
        if (words.size() != 1)
            return Msg::tr("add needs one JSON entry, e.g. add '{\"name\":\"web\",\"program\":\"python3\",\"args\":[\"-m\",\"http.server\"]}'");
        const auto entry = entryArgument(request.verb, words.first());
        if (const QString *error = std::get_if<QString>(&entry))
            return *error;
        message.insert(u"entry"_s, std::get<QJsonObject>(entry));
        return request;
    }
    if (request.verb == u"input"_s || request.verb == u"scale"_s || request.verb == u"edit"_s)
        return parseOneEntryVerb(request, words);
    if (!needNames.contains(request.verb) && !takeNames.contains(request.verb))
        return Msg::tr("unknown verb \"%1\"").arg(request.verb);
    if (const QString error = takeOptions(request.verb, words, message, request.json, now); !error.isEmpty())
        return error;
    if (request.verb == u"signal"_s) {
        if (words.isEmpty())
            return Msg::tr("signal needs a SIGNAL and a NAME");
        message.insert(u"signal"_s, words.takeFirst());
    }
    if (needNames.contains(request.verb) && words.isEmpty())
        return Msg::tr("%1 needs a NAME (or several)").arg(request.verb);
    if (!words.isEmpty())
        message.insert(u"names"_s, namesOf(words));
    return request;
}

std::optional<qint64> parseSince(const QString &text, const QDateTime &now)
{
    static const QRegularExpression durationPattern(u"^(\\d+(?:\\.\\d+)?)([smhd]?)$"_s);
    if (const QRegularExpressionMatch match = durationPattern.match(text.trimmed()); match.hasMatch()) {
        const QString unit = match.captured(2);
        const double factor = unit == u"m"_s ? 60 : unit == u"h"_s ? 3600 : unit == u"d"_s ? 86400 : 1;
        return now.toMSecsSinceEpoch() - qint64(std::llround(match.captured(1).toDouble() * factor * 1000.0));
    }
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!time.isValid()) {
        const QTime clock = QTime::fromString(text.trimmed(), Qt::ISODate); // "14:30" today
        if (!clock.isValid())
            return std::nullopt;
        time = QDateTime(now.date(), clock);
    }
    return time.toMSecsSinceEpoch();
}

QString helpText()
{
    return Msg::tr(
        "Usage: procdeck ctl [--session NAME] VERB [ARGS]\n"
        "\n"
        "  instances                  the running ProcDecks: name, PID, mode, entries, session\n"
        "  list [--json] [NAME...]    the entries: name, state, PID, exit, uptime, restarts\n"
        "  status                     one line about the session, one counting the states\n"
        "  start|stop|kill|restart NAME...\n"
        "                             the toolbar's verbs (stop = terminate: the stop signal,\n"
        "                             SIGKILL after the grace period)\n"
        "  signal SIG NAME...         send a signal (TERM, SIGUSR1, 10, ...)\n"
        "  join [--timeout S] NAME... wait for the entries to end; exit status as headless mode\n"
        "                             (124 when one is still running at the timeout)\n"
        "  logs [-f] [--since T] [NAME...]\n"
        "                             their output as 'name | line'; -f: then new lines until\n"
        "                             Ctrl-C; T: 30s, 5m, 2h, 1d back, or a date and time\n"
        "  pause|resume|interrupt NAME...\n"
        "                             stop and continue them (SIGSTOP, SIGCONT); Ctrl+C in a\n"
        "                             terminal entry\n"
        "  input NAME TEXT            a line to the entry's standard input; --eof NAME closes it\n"
        "  add JSON                   add an entry, written as in a session file\n"
        "  edit NAME JSON             give the entry (or group) this entry object, as Edit does\n"
        "  scale NAME COUNT           run COUNT copies of the entry (NAME-1 ... NAME-COUNT)\n"
        "  remove NAME...             terminate the entries, then remove them\n"
        "  quit                       stop every entry and end that ProcDeck (a window too,\n"
        "                             without asking; unsaved changes are not saved)\n"        "  bridge                     join standard input and output to the socket, byte for\n"
        "                             byte (ssh HOST procdeck ctl bridge: that machine's socket)\n"
        "\n"
        "A replicated entry's group name (api) means all its copies (api-1, api-2, ...).\n"
        "Without --session: the only ProcDeck running. NAME is a socket name from 'instances'\n"
        "(stack, stack-2) or a session file.\n"
        "Exit status: 0; 1 when an entry refused a verb; join as headless mode; 2 for a usage\n"
        "error, an unknown entry, no (or several) ProcDecks, a dead one or a refused request.\n");
}

} // namespace ControlClient

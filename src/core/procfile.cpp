// SessionFile::parseProcfile and toProcfile: `name: command` files, with the `.env` beside them.

#include "sessionfile.h"

#include "environmenttext.h"
#include "sessionfileformat.h"
#include "shellwords.h"

#include <QDir>
#include <QHash>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace SessionFileFormat;

namespace SessionFile {

namespace {

bool isProcfileName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

// A value as a `.env` line writes it: bare when it is plain, else in double quotes with the
// escapes EnvironmentText::parseDotEnv reads.
QString dotEnvQuoted(const QString &value)
{
    const bool bare = !value.isEmpty() && std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) || QStringView(u"_./:@%+,-").contains(c);
    });
    if (bare)
        return value;
    QString out = u"\""_s;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\n': out += u"\\n"_s; break;
        case u'\t': out += u"\\t"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'"': case u'\\': case u'$': case u'`': out += u'\\'; out += c; break;
        default: out += c; break;
        }
    }
    return out + u'"';
}

} // namespace

LoadResult parseProcfile(const QByteArray &data, const QString &fileName, const QByteArray &dotEnv,
                         const QString &dotEnvFileName)
{
    LoadResult result;
    const QString envName = dotEnvFileName.isEmpty()
        ? QFileInfo(fileName).dir().filePath(u".env"_s)
        : dotEnvFileName;
    const EnvironmentText::DotEnvResult environment = EnvironmentText::parseDotEnv(dotEnv, envName);
    if (!environment.ok()) {
        result.error = environment.error;
        return result;
    }

    Session session;
    QHash<QString, qsizetype> firstLine; // entry name -> 0-based line
    const QStringList lines = textLines(data);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QStringView line = QStringView(lines.at(index)).trimmed();
        if (line.contains(QChar(u'\0'))) {
            result.error = lineError(fileName, index, Msg::tr("contains a NUL byte"));
            return result;
        }
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0) {
            result.error = lineError(fileName, index, Msg::tr("expected \"name: command\""));
            return result;
        }
        const QStringView name = line.left(colon).trimmed();
        if (!isProcfileName(name)) {
            result.error = lineError(fileName, index,
                                     Msg::tr("%1 is not a valid name (letters, digits, \"_\" and \"-\" only)")
                                         .arg(quoted(name.toString())));
            return result;
        }
        const QString command = line.mid(colon + 1).trimmed().toString();
        if (command.isEmpty()) {
            result.error = lineError(fileName, index, Msg::tr("%1 has no command").arg(quoted(name.toString())));
            return result;
        }
        if (const auto first = firstLine.constFind(name.toString()); first != firstLine.cend()) {
            result.error = lineError(fileName, index, Msg::tr("duplicate entry name %1 (first at line %2)")
                                                          .arg(quoted(name.toString()))
                                                          .arg(*first + 1));
            return result;
        }
        firstLine.insert(name.toString(), index);
        ProcessSpec spec;
        spec.name = name.toString();
        spec.shell = command;
        spec.workingDirectory = u"."_s;
        spec.environment = environment.variables;
        session.processes.append(std::move(spec));
    }
    session.dotEnv = environment.variables;
    if (session.processes.isEmpty()) {
        result.error = fileName + u": "_s + Msg::tr("no entries (expected \"name: command\" lines)");
        return result;
    }
    result.session = std::move(session);
    return result;
}

QByteArray toProcfile(const Session &session)
{
    QByteArray out;
    for (const ProcessSpec &spec : session.processes) {
        QString name = spec.name;
        for (QChar &c : name) {
            if (!isProcfileName(QStringView(&c, 1)))
                c = u'_';
        }
        if (name.isEmpty())
            name = u"process"_s;

        QString command = spec.usesShell() ? spec.shell : ShellWords::join(QStringList{spec.program} + spec.args);
        if (command.contains(u'\n')) {
            out.append("# " + name.toUtf8() + ": not exported, its command spans several lines\n");
            continue;
        }
        const auto notShell = std::find_if(spec.environment.cbegin(), spec.environment.cend(),
                                           [&session](const EnvironmentChange &change) {
                                               return !session.dotEnv.contains(change)
                                                   && !EnvironmentText::isShellVariableName(change.name);
                                           });
        if (notShell != spec.environment.cend()) {
            // `export FOO-BAR=1` is an error that ends sh: such an entry cannot be a Procfile line.
            out.append("# " + name.toUtf8() + ": not exported, the shell cannot set its variable "
                       + notShell->name.toUtf8() + '\n');
            continue;
        }
        QStringList prefix;
        for (const EnvironmentChange &change : spec.environment) {
            if (session.dotEnv.contains(change))
                continue; // in the .env beside the Procfile (toDotEnv()), never in the Procfile
            if (change.value)
                prefix.append(u"export "_s + change.name + u'=' + ShellWords::quote(*change.value) + u';');
            else
                prefix.append(u"unset "_s + change.name + u';');
        }
        if (!spec.workingDirectory.isEmpty() && spec.workingDirectory != u"."_s)
            prefix.append(u"cd "_s + ShellWords::quote(spec.workingDirectory) + u" || exit;"_s);
        if (!prefix.isEmpty())
            command = prefix.join(u' ') + u' ' + command;
        out.append(name.toUtf8() + ": " + command.toUtf8() + '\n');
    }
    return out;
}

QByteArray toDotEnv(const Session &session, const QByteArray &existing)
{
    QList<EnvironmentChange> wanted; // the .env's variables that an entry uses, as it uses them
    for (const EnvironmentChange &change : session.dotEnv) {
        const bool used = std::any_of(session.processes.cbegin(), session.processes.cend(),
                                      [&change](const ProcessSpec &spec) { return spec.environment.contains(change); });
        if (change.value && used && !wanted.contains(change))
            wanted.append(change);
    }
    if (wanted.isEmpty())
        return {};
    const QList<EnvironmentChange> current = EnvironmentText::parseDotEnv(existing, QString()).variables;
    QStringList lines = QString::fromUtf8(existing).split(u'\n');
    if (lines.constLast().isEmpty())
        lines.removeLast();
    for (const EnvironmentChange &change : wanted) {
        if (current.contains(change))
            continue; // already set so (the last setting wins, as the reader reads it)
        const QString line = change.name + u'=' + dotEnvQuoted(*change.value);
        bool replaced = false;
        for (QString &old : lines) {
            QStringView text = QStringView(old).trimmed();
            if (text.startsWith(u"export "_s))
                text = text.mid(7).trimmed();
            if (text.startsWith(change.name) && text.mid(change.name.size()).trimmed().startsWith(u'=')) {
                old = line;
                replaced = true;
            }
        }
        if (!replaced)
            lines.append(line);
    }
    return (lines.join(u'\n') + u'\n').toUtf8();
}

} // namespace SessionFile

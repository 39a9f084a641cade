#include "sessionfile.h"

#include "shellwords.h"
#include "signalnames.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace SessionFile {

namespace {

// Gives the messages of this file a translation context ("SessionFile") that lupdate can see.
class Msg
{
    Q_DECLARE_TR_FUNCTIONS(SessionFile)
};

constexpr int FormatVersion = 1;

// The keys of an entry, in the order they are written.
const QLatin1StringView KeyName("name");
const QLatin1StringView KeyProgram("program");
const QLatin1StringView KeyArgs("args");
const QLatin1StringView KeyShell("shell");
const QLatin1StringView KeyWorkingDirectory("workingDirectory");
const QLatin1StringView KeyEnvironment("environment");
const QLatin1StringView KeyAutostart("autostart");
const QLatin1StringView KeyStopSignal("stopSignal");
const QLatin1StringView KeyStopTimeoutMs("stopTimeoutMs");
const QLatin1StringView KeyRestart("restart");
const QLatin1StringView KeyVersion("procdeck");
const QLatin1StringView KeyProcesses("processes");

bool isKnownEntryKey(const QString &key)
{
    for (QLatin1StringView known : {KeyName, KeyProgram, KeyArgs, KeyShell, KeyWorkingDirectory,
                                    KeyEnvironment, KeyAutostart, KeyStopSignal, KeyStopTimeoutMs,
                                    KeyRestart}) {
        if (key == known)
            return true;
    }
    return false;
}

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

// 1-based line and column (in characters, not bytes) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // not a UTF-8 continuation byte
            ++column;
        }
    }
    return {line, column};
}

// A JSON number that is an integer, or nothing.
std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

bool isValidVariableName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'=') && !name.contains(QChar(0));
}

// QString::fromUtf8 drops a byte order mark at the start of its input, and Qt's JSON parser hands
// out strings stored as UTF-8 through it: a key or string value whose first character is a raw
// U+FEFF loses it (written as \uFEFF it is kept). Such a string could not be kept as it is, so
// the file is refused. Returns the offset of the first one, or -1.
qsizetype stringStartingWithBom(const QByteArray &json)
{
    const QByteArray needle("\"\xEF\xBB\xBF");
    for (qsizetype at = json.indexOf(needle); at >= 0; at = json.indexOf(needle, at + 1)) {
        qsizetype backslashes = 0;
        while (at - backslashes > 0 && json.at(at - backslashes - 1) == '\\')
            ++backslashes;
        if (backslashes % 2 == 0) // an opening quote, not an escaped one inside a string
            return at + 1;
    }
    return -1;
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

// Validation of one parsed document. The first problem found wins: `error` is then set and the
// caller stops.
class Validator
{
public:
    explicit Validator(QString fileName)
        : m_fileName(std::move(fileName))
    {
    }

    std::optional<Session> session(const QJsonObject &root);
    QString error() const { return m_error; }

private:
    std::optional<ProcessSpec> entry(const QJsonObject &object, const QString &at);
    void fail(const QString &at, const QString &message)
    {
        m_error = at.isEmpty() ? QString(m_fileName + u": "_s + message)
                               : QString(m_fileName + u": "_s + at + u": "_s + message);
    }

    QString m_fileName;
    QString m_error;
};

std::optional<Session> Validator::session(const QJsonObject &root)
{
    const QJsonValue version = root.value(KeyVersion);
    if (version.isUndefined()) {
        fail(KeyVersion, Msg::tr("missing: this is not a ProcDeck session (expected \"procdeck\": 1)"));
        return std::nullopt;
    }
    const std::optional<qint64> number = integerValue(version);
    if (!number || *number < 1) {
        fail(KeyVersion, Msg::tr("must be a positive integer (the format version)"));
        return std::nullopt;
    }
    if (*number > FormatVersion) {
        fail(KeyVersion, Msg::tr("format version %1 is newer than this ProcDeck reads (%2); "
                                 "update ProcDeck to open this file")
                             .arg(*number)
                             .arg(FormatVersion));
        return std::nullopt;
    }

    Session result;
    const QJsonValue processes = root.value(KeyProcesses);
    if (!processes.isUndefined() && !processes.isArray()) {
        fail(KeyProcesses, Msg::tr("must be an array of entries"));
        return std::nullopt;
    }
    const QJsonArray array = processes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = KeyProcesses + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            fail(at, Msg::tr("must be an object"));
            return std::nullopt;
        }
        std::optional<ProcessSpec> spec = entry(array.at(i).toObject(), at);
        if (!spec)
            return std::nullopt;
        result.processes.append(std::move(*spec));
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != KeyVersion && it.key() != KeyProcesses)
            result.unknownKeys.insert(it.key(), it.value());
    }
    return result;
}

std::optional<ProcessSpec> Validator::entry(const QJsonObject &object, const QString &at)
{
    const auto key = [&at](QLatin1StringView name) -> QString { return at + u'.' + name; };
    ProcessSpec spec;

    const QJsonValue name = object.value(KeyName);
    if (!name.isUndefined() && !name.isString()) {
        fail(key(KeyName), Msg::tr("must be a string"));
        return std::nullopt;
    }
    spec.name = name.toString();

    const QJsonValue program = object.value(KeyProgram);
    const QJsonValue shell = object.value(KeyShell);
    if (program.isUndefined() && shell.isUndefined()) {
        fail(at, Msg::tr("needs \"program\" (with \"args\") or \"shell\""));
        return std::nullopt;
    }
    if (!program.isUndefined() && !shell.isUndefined()) {
        fail(at, Msg::tr("has both \"program\" and \"shell\"; use one of them"));
        return std::nullopt;
    }
    if (!program.isUndefined()) {
        if (!program.isString() || program.toString().isEmpty()) {
            fail(key(KeyProgram), Msg::tr("must be a non-empty string"));
            return std::nullopt;
        }
        spec.program = program.toString();
    } else {
        if (!shell.isString() || shell.toString().trimmed().isEmpty()) {
            fail(key(KeyShell), Msg::tr("must be a non-empty string"));
            return std::nullopt;
        }
        spec.shell = shell.toString();
    }

    const QJsonValue args = object.value(KeyArgs);
    if (!args.isUndefined()) {
        if (spec.usesShell()) {
            fail(key(KeyArgs), Msg::tr("not allowed with \"shell\" (put the arguments in the command)"));
            return std::nullopt;
        }
        if (!args.isArray()) {
            fail(key(KeyArgs), Msg::tr("must be an array of strings"));
            return std::nullopt;
        }
        const QJsonArray list = args.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString()) {
                fail(key(KeyArgs) + u'[' + QString::number(i) + u']', Msg::tr("must be a string"));
                return std::nullopt;
            }
            spec.args.append(list.at(i).toString());
        }
    }

    const QJsonValue workingDirectory = object.value(KeyWorkingDirectory);
    if (!workingDirectory.isUndefined() && !workingDirectory.isString()) {
        fail(key(KeyWorkingDirectory), Msg::tr("must be a string"));
        return std::nullopt;
    }
    spec.workingDirectory = workingDirectory.toString();

    const QJsonValue environment = object.value(KeyEnvironment);
    if (!environment.isUndefined()) {
        if (!environment.isObject()) {
            fail(key(KeyEnvironment), Msg::tr("must be an object of \"NAME\": \"value\" (or null)"));
            return std::nullopt;
        }
        const QJsonObject variables = environment.toObject();
        for (auto it = variables.begin(); it != variables.end(); ++it) {
            if (!isValidVariableName(it.key())) {
                fail(key(KeyEnvironment), Msg::tr("%1 is not a valid variable name").arg(quoted(it.key())));
                return std::nullopt;
            }
            if (it.value().isNull()) {
                spec.environment.append({it.key(), std::nullopt});
            } else if (it.value().isString()) {
                spec.environment.append({it.key(), it.value().toString()});
            } else {
                fail(key(KeyEnvironment) + u'.' + it.key(), Msg::tr("must be a string, or null to remove the variable"));
                return std::nullopt;
            }
        }
    }

    const QJsonValue autostart = object.value(KeyAutostart);
    if (!autostart.isUndefined() && !autostart.isBool()) {
        fail(key(KeyAutostart), Msg::tr("must be true or false"));
        return std::nullopt;
    }
    spec.autostart = autostart.toBool(false);

    const QJsonValue stopSignal = object.value(KeyStopSignal);
    if (!stopSignal.isUndefined()) {
        std::optional<int> signal;
        if (stopSignal.isString()) {
            signal = SignalNames::fromName(stopSignal.toString());
            if (!signal) {
                fail(key(KeyStopSignal), Msg::tr("unknown signal %1").arg(quoted(stopSignal.toString())));
                return std::nullopt;
            }
        } else if (const std::optional<qint64> number = integerValue(stopSignal)) {
            signal = SignalNames::fromName(QString::number(*number));
            if (!signal) {
                fail(key(KeyStopSignal), Msg::tr("unknown signal %1").arg(*number));
                return std::nullopt;
            }
        } else {
            fail(key(KeyStopSignal), Msg::tr("must be a signal name such as \"SIGTERM\""));
            return std::nullopt;
        }
        spec.stopSignal = *signal;
    }

    const QJsonValue stopTimeout = object.value(KeyStopTimeoutMs);
    if (!stopTimeout.isUndefined()) {
        const std::optional<qint64> ms = integerValue(stopTimeout);
        if (!ms || *ms <= 0 || *ms > std::numeric_limits<int>::max()) {
            fail(key(KeyStopTimeoutMs), Msg::tr("must be a positive integer"));
            return std::nullopt;
        }
        spec.stopTimeoutMs = int(*ms);
    }

    const QJsonValue restart = object.value(KeyRestart);
    if (!restart.isUndefined()) {
        const std::optional<RestartPolicy> policy =
            restart.isString() ? restartPolicyFromString(restart.toString()) : std::nullopt;
        if (!policy) {
            const QString shown = restart.isString()
                ? quoted(restart.toString())
                : QString::fromUtf8(QJsonDocument(QJsonArray{restart}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            fail(key(KeyRestart), Msg::tr("unknown value %1 (expected \"never\", \"on-failure\" or \"always\")").arg(shown));
            return std::nullopt;
        }
        spec.restart = *policy;
    }

    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownEntryKey(it.key()))
            spec.unknownKeys.insert(it.key(), it.value());
    }
    return spec;
}

// A small JSON writer that keeps the member order it is given (QJsonDocument sorts keys).
class Writer
{
public:
    using Members = QList<std::pair<QString, QJsonValue>>;

    void object(const Members &members, int indent);
    void value(const QJsonValue &value, int indent);
    QByteArray result() const { return m_out; }
    void raw(const char *text) { m_out.append(text); }

private:
    void string(const QString &text);
    void number(const QJsonValue &value);
    void newline(int indent)
    {
        m_out.append('\n');
        m_out.append(QByteArray(indent * 2, ' '));
    }
    static bool isScalar(const QJsonValue &value) { return !value.isArray() && !value.isObject(); }

    QByteArray m_out;
};

void Writer::object(const Members &members, int indent)
{
    if (members.isEmpty()) {
        m_out.append("{}");
        return;
    }
    m_out.append('{');
    for (qsizetype i = 0; i < members.size(); ++i) {
        newline(indent + 1);
        string(members.at(i).first);
        m_out.append(": ");
        value(members.at(i).second, indent + 1);
        if (i + 1 < members.size())
            m_out.append(',');
    }
    newline(indent);
    m_out.append('}');
}

void Writer::value(const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_out.append("null");
        break;
    case QJsonValue::Bool:
        m_out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        number(value);
        break;
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        Members members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append({it.key(), it.value()});
        this->object(members, indent);
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            m_out.append("[]");
            break;
        }
        bool scalars = true;
        for (const QJsonValue &element : array)
            scalars = scalars && isScalar(element);
        m_out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (scalars) {
                if (i > 0)
                    m_out.append(", ");
            } else {
                newline(indent + 1);
            }
            this->value(array.at(i), indent + 1);
            if (!scalars && i + 1 < array.size())
                m_out.append(',');
        }
        if (!scalars)
            newline(indent);
        m_out.append(']');
        break;
    }
    }
}

void Writer::string(const QString &text)
{
    m_out.append('"');
    const QByteArray bytes = text.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '\xEF' && bytes.mid(i, 3) == "\xEF\xBB\xBF") {
            m_out.append("\\ufeff"); // U+FEFF raw at a string's start would be dropped by Qt's reader
            i += 2;
            continue;
        }
        switch (c) {
        case '"': m_out.append("\\\""); break;
        case '\\': m_out.append("\\\\"); break;
        case '\n': m_out.append("\\n"); break;
        case '\r': m_out.append("\\r"); break;
        case '\t': m_out.append("\\t"); break;
        case '\b': m_out.append("\\b"); break;
        case '\f': m_out.append("\\f"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                m_out.append(escaped);
            } else {
                m_out.append(c);
            }
        }
    }
    m_out.append('"');
}

void Writer::number(const QJsonValue &value)
{
    // Integers (as parsed or as set) are written as integers; other numbers in their shortest
    // exact form. JSON has no infinity or NaN: those become null.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong) {
        m_out.append(QByteArray::number(variant.toLongLong()));
        return;
    }
    const double d = value.toDouble();
    if (!std::isfinite(d)) {
        m_out.append("null");
        return;
    }
    m_out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

Writer::Members entryMembers(const ProcessSpec &spec)
{
    Writer::Members members;
    members.append({KeyName, spec.name});
    if (spec.usesShell()) {
        members.append({KeyShell, spec.shell});
    } else {
        members.append({KeyProgram, spec.program});
        if (!spec.args.isEmpty())
            members.append({KeyArgs, QJsonArray::fromStringList(spec.args)});
    }
    if (!spec.workingDirectory.isEmpty())
        members.append({KeyWorkingDirectory, spec.workingDirectory});
    if (!spec.environment.isEmpty()) {
        QJsonObject environment; // sorted by name; for a name given twice, the last change wins
        for (const EnvironmentChange &change : spec.environment)
            environment.insert(change.name, change.value ? QJsonValue(*change.value) : QJsonValue());
        members.append({KeyEnvironment, environment});
    }
    if (spec.autostart)
        members.append({KeyAutostart, true});
    if (spec.stopSignal != ProcessSpec().stopSignal)
        members.append({KeyStopSignal, SignalNames::name(spec.stopSignal)});
    if (spec.stopTimeoutMs != ProcessSpec::DefaultStopTimeoutMs)
        members.append({KeyStopTimeoutMs, spec.stopTimeoutMs});
    if (spec.restart != RestartPolicy::Never)
        members.append({KeyRestart, restartPolicyToString(spec.restart)});
    for (auto it = spec.unknownKeys.begin(); it != spec.unknownKeys.end(); ++it) {
        if (!isKnownEntryKey(it.key()))
            members.append({it.key(), it.value()});
    }
    return members;
}

QByteArray canonicalJson(const Session &session)
{
    Writer writer;
    writer.raw("{\n  \"procdeck\": 1,\n  \"processes\": ");
    if (session.processes.isEmpty()) {
        writer.raw("[]");
    } else {
        writer.raw("[");
        for (qsizetype i = 0; i < session.processes.size(); ++i) {
            writer.raw("\n    ");
            writer.object(entryMembers(session.processes.at(i)), 2);
            if (i + 1 < session.processes.size())
                writer.raw(",");
        }
        writer.raw("\n  ]");
    }
    for (auto it = session.unknownKeys.begin(); it != session.unknownKeys.end(); ++it) {
        if (it.key() == KeyVersion || it.key() == KeyProcesses)
            continue;
        writer.raw(",\n  ");
        writer.value(it.key(), 1);
        writer.raw(": ");
        writer.value(it.value(), 1);
    }
    writer.raw("\n}\n");
    return writer.result();
}

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

bool isShellVariableName(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}

QStringList textLines(const QByteArray &data)
{
    QStringList lines = QString::fromUtf8(withoutBom(data)).split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

QString lineError(const QString &fileName, qsizetype index, const QString &message)
{
    return fileName + u':' + QString::number(index + 1) + u": "_s + message;
}

} // namespace

LoadResult load(const QString &path)
{
    LoadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = Msg::tr("%1: cannot read the file: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > MaxFileSize) {
        result.error = Msg::tr("%1: the file is too large for a session (more than %2 MiB)")
                           .arg(path)
                           .arg(MaxFileSize / (1024 * 1024));
        return result;
    }
    const QByteArray data = file.read(MaxFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = Msg::tr("%1: cannot read the file: %2").arg(path, file.errorString());
        return result;
    }
    if (detectFormat(data) == Format::Json)
        return parseJson(data, path);

    const QString dotEnvPath = QFileInfo(path).dir().filePath(u".env"_s);
    QByteArray dotEnv;
    QFile dotEnvFile(dotEnvPath);
    if (dotEnvFile.exists()) {
        if (!dotEnvFile.open(QIODevice::ReadOnly)) {
            result.error = Msg::tr("%1: cannot read the file: %2").arg(dotEnvPath, dotEnvFile.errorString());
            return result;
        }
        dotEnv = dotEnvFile.read(MaxFileSize);
    }
    return parseProcfile(data, path, dotEnv, dotEnvPath);
}

LoadResult parseJson(const QByteArray &data, const QString &fileName)
{
    LoadResult result;
    const QByteArray body = withoutBom(data);
    if (body.trimmed().isEmpty()) {
        result.error = fileName + u":1:1: "_s + Msg::tr("the file is empty (expected a JSON object)");
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(body, parseError.offset);
        result.error = fileName + u':' + QString::number(line) + u':' + QString::number(column)
            + u": "_s + parseError.errorString();
        return result;
    }
    if (!document.isObject()) {
        result.error = fileName + u": "_s + Msg::tr("the top level must be a JSON object with \"procdeck\": 1");
        return result;
    }
    if (const qsizetype bom = stringStartingWithBom(body); bom >= 0) {
        const auto [line, column] = lineAndColumn(body, bom);
        result.error = fileName + u':' + QString::number(line) + u':' + QString::number(column) + u": "_s
            + Msg::tr("a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \\uFEFF");
        return result;
    }
    Validator validator(fileName);
    result.session = validator.session(document.object());
    if (!result.session) {
        result.error = validator.error();
        return result;
    }
    result.session->source = data;
    return result;
}

DotEnvResult parseDotEnv(const QByteArray &data, const QString &fileName)
{
    DotEnvResult result;
    const QStringList lines = textLines(data);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QStringView line = QStringView(lines.at(index)).trimmed();
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
        if (!isShellVariableName(key)) {
            result.error = lineError(fileName, index, Msg::tr("%1 is not a valid variable name").arg(quoted(key)));
            return result;
        }
        QStringView rest = line.mid(equals + 1).trimmed();
        QString value;
        if (rest.startsWith(u'\'') || rest.startsWith(u'"')) {
            const QChar quote = rest.front();
            qsizetype i = 1;
            bool closed = false;
            for (; i < rest.size(); ++i) {
                const QChar c = rest.at(i);
                if (c == quote) {
                    closed = true;
                    ++i;
                    break;
                }
                if (quote == u'"' && c == u'\\' && i + 1 < rest.size()) {
                    const QChar next = rest.at(++i);
                    switch (next.unicode()) {
                    case u'n': value.append(u'\n'); break;
                    case u't': value.append(u'\t'); break;
                    case u'r': value.append(u'\r'); break;
                    case u'\\': case u'"': case u'$': case u'`': value.append(next); break;
                    default: value.append(u'\\'); value.append(next); break;
                    }
                    continue;
                }
                value.append(c);
            }
            if (!closed) {
                result.error = lineError(fileName, index, quote == u'"' ? Msg::tr("unterminated double quote")
                                                                          : Msg::tr("unterminated single quote"));
                return result;
            }
            const QStringView after = rest.mid(i).trimmed();
            if (!after.isEmpty() && !after.startsWith(u'#')) {
                result.error = lineError(fileName, index, Msg::tr("unexpected text after the closing quote"));
                return result;
            }
        } else {
            // A bare value ends at a comment: " #" (a '#' inside a word is kept, as in a URL).
            qsizetype end = rest.size();
            for (qsizetype i = 0; i < rest.size(); ++i) {
                if (rest.at(i) == u'#' && (i == 0 || rest.at(i - 1).isSpace())) {
                    end = i;
                    break;
                }
            }
            value = rest.left(end).trimmed().toString();
        }
        result.variables.append({key, value});
    }
    return result;
}

LoadResult parseProcfile(const QByteArray &data, const QString &fileName, const QByteArray &dotEnv,
                         const QString &dotEnvFileName)
{
    LoadResult result;
    const QString envName = dotEnvFileName.isEmpty()
        ? QFileInfo(fileName).dir().filePath(u".env"_s)
        : dotEnvFileName;
    const DotEnvResult environment = parseDotEnv(dotEnv, envName);
    if (!environment.ok()) {
        result.error = environment.error;
        return result;
    }

    Session session;
    const QStringList lines = textLines(data);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QStringView line = QStringView(lines.at(index)).trimmed();
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
        ProcessSpec spec;
        spec.name = name.toString();
        spec.shell = command;
        spec.workingDirectory = u"."_s;
        spec.environment = environment.variables;
        session.processes.append(std::move(spec));
    }
    if (session.processes.isEmpty()) {
        result.error = fileName + u": "_s + Msg::tr("no entries (expected \"name: command\" lines)");
        return result;
    }
    result.session = std::move(session);
    return result;
}

Format detectFormat(const QByteArray &data)
{
    for (const char c : withoutBom(data)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        return c == '{' ? Format::Json : Format::Procfile;
    }
    return Format::Json; // empty: parseJson says so
}

QByteArray toJson(const Session &session)
{
    if (!session.source.isEmpty()) {
        // Unchanged since it was read: the file's own bytes, layout and key order included.
        const LoadResult original = parseJson(session.source, QString());
        if (original.ok() && original.session->processes == session.processes
            && original.session->unknownKeys == session.unknownKeys) {
            return session.source;
        }
    }
    return canonicalJson(session);
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
        QStringList prefix;
        for (const EnvironmentChange &change : spec.environment) {
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

SaveResult save(const QString &path, const QByteArray &contents)
{
    SaveResult result;
    const QString nativePath = QDir::toNativeSeparators(path);
    const QFileInfo existing(path);
    QSaveFile file(path);
    // Unbuffered: a failing write (a full disk) reports its own reason at once, rather than an
    // "Unknown error" from the flush in commit().
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        result.ok = false;
        result.error = Msg::tr("Cannot save %1: %2").arg(nativePath, file.errorString());
        return result;
    }
    // A session can hold commands and secrets in its environment: a new file is private to its
    // owner; an existing file keeps the mode its owner chose.
    const QFileDevice::Permissions permissions = existing.exists()
        ? existing.permissions()
        : QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    file.setPermissions(permissions);
    // A short write is retried for the rest, so that a full disk reports its reason (ENOSPC).
    qint64 written = 0;
    while (written < contents.size()) {
        const qint64 n = file.write(contents.constData() + written, contents.size() - written);
        if (n <= 0)
            break;
        written += n;
    }
    if (written != contents.size()) {
        result.ok = false;
        result.error = Msg::tr("Cannot save %1: %2").arg(nativePath, file.errorString());
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        result.ok = false;
        result.error = Msg::tr("Cannot save %1: %2").arg(nativePath, file.errorString());
        return result;
    }
    return result;
}

} // namespace SessionFile

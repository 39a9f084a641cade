// SessionFile::parseJson: reading and validating a JSON v1 session (the format is described in
// sessionfile.h and docs/ARCHITECTURE.md).

#include "sessionfile.h"

#include "environmenttext.h"
#include "sessionfileformat.h"
#include "sessionstackkeys.h"
#include "signalnames.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;
using namespace SessionFileFormat;

namespace SessionFile {

namespace {

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

QString positionError(const QString &fileName, const QByteArray &text, qsizetype offset, const QString &message)
{
    const auto [line, column] = lineAndColumn(text, offset);
    return fileName + u':' + QString::number(line) + u':' + QString::number(column) + u": "_s + message;
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

// Where the "name" value of each entry of processes[] starts, in the raw bytes (QJsonDocument
// keeps no positions). Runs only on text Qt's parser accepted, so it trusts the syntax; keys are
// compared decoded (escapes, \uXXXX included), and a key given twice counts where the parser takes
// it, at its last occurrence.
class NameOffsets final
{
public:
    explicit NameOffsets(const QByteArray &json) : m_json(json) {}

    // One offset per entry (-1: no "name" key, or the entry is not an object).
    QList<qsizetype> scan()
    {
        QList<qsizetype> offsets;
        skipSpace();
        if (peek() != '{')
            return offsets;
        forEachMember([&](const QString &key) {
            if (key != KeyProcesses || peek() != '[')
                return skipValue();
            offsets.clear();
            return forEachElement([&] { offsets.append(entryNameOffset()); return true; });
        });
        return offsets;
    }

private:
    char peek() const { return m_pos < m_json.size() ? m_json.at(m_pos) : '\0'; }
    void skipSpace()
    {
        while (m_pos < m_json.size() && std::isspace(static_cast<unsigned char>(m_json.at(m_pos))))
            ++m_pos;
    }

    qsizetype entryNameOffset()
    {
        qsizetype offset = -1;
        if (peek() != '{') {
            skipValue();
            return offset;
        }
        forEachMember([&](const QString &key) {
            if (key == KeyName)
                offset = m_pos;
            return skipValue();
        });
        return offset;
    }

    // At '{' or '[': calls `item()` at the start of each member or element, up to `close`.
    template<typename Item>
    bool forEachItem(char close, Item &&item)
    {
        ++m_pos;
        for (skipSpace(); peek() != close; skipSpace()) {
            if (m_pos >= m_json.size())
                return false;
            if (peek() == ',') {
                ++m_pos;
                skipSpace();
            }
            if (!item())
                return false;
        }
        ++m_pos;
        return true;
    }

    // At '{': calls `member(key)` with the position at the member's value, which it must read.
    template<typename Member>
    bool forEachMember(Member &&member)
    {
        return forEachItem('}', [&] {
            QString key;
            if (!readString(&key))
                return false;
            skipSpace();
            ++m_pos; // ':'
            skipSpace();
            return member(key);
        });
    }

    // At '[': calls `element()` with the position at each element, which it must read.
    template<typename Element>
    bool forEachElement(Element &&element)
    {
        return forEachItem(']', std::forward<Element>(element));
    }

    bool skipValue()
    {
        switch (peek()) {
        case '{':
            return forEachMember([this](const QString &) { return skipValue(); });
        case '[':
            return forEachElement([this] { return skipValue(); });
        case '"':
            return readString(nullptr);
        case '\0':
            return false;
        default: // a number, true, false or null
            while (m_pos < m_json.size() && !std::strchr(",]} \t\r\n", m_json.at(m_pos)))
                ++m_pos;
            return true;
        }
    }

    // At '"': past the closing quote, the decoded text in `text` if asked for.
    bool readString(QString *text)
    {
        qsizetype run = ++m_pos; // the start of bytes not yet decoded
        while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
            if (m_json.at(m_pos) != '\\') {
                ++m_pos;
                continue;
            }
            if (text)
                text->append(QString::fromUtf8(m_json.sliced(run, m_pos - run)));
            const char escape = m_pos + 1 < m_json.size() ? m_json.at(m_pos + 1) : '\0';
            m_pos += 2;
            if (escape == 'u') {
                if (text)
                    text->append(QChar(char16_t(m_json.mid(m_pos, 4).toUShort(nullptr, 16))));
                m_pos += 4;
            } else if (text) {
                const char *from = "bfnrt";
                const char *to = "\b\f\n\r\t";
                const char *known = std::strchr(from, escape);
                text->append(QLatin1Char(known && escape ? to[known - from] : escape));
            }
            run = m_pos;
        }
        if (m_pos >= m_json.size())
            return false;
        if (text)
            text->append(QString::fromUtf8(m_json.sliced(run, m_pos - run)));
        ++m_pos;
        return true;
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
};

// Validation of one parsed document. The first problem found wins: `error` is then set, the
// reading functions return false and the caller stops.
class Validator final
{
public:
    Validator(QString fileName, const QByteArray &json)
        : m_fileName(std::move(fileName))
        , m_json(json)
    {
    }

    std::optional<Session> session(const QJsonObject &root);
    // One entry on its own, as processes[0] (parseEntry()).
    std::optional<ProcessSpec> loneEntry(const QJsonObject &object) { return entry(object, KeyProcesses + u"[0]"_s); }
    QString error() const { return m_error; }

private:
    bool readVersion(const QJsonObject &root);
    std::optional<ProcessSpec> entry(const QJsonObject &object, const QString &at);
    bool readOptionalText(const QJsonObject &object, QLatin1StringView name, QString &text);
    bool readCommand(const QJsonObject &object, ProcessSpec &spec);
    bool readArgs(const QJsonValue &args, ProcessSpec &spec);
    bool readEnvironment(const QJsonValue &environment, ProcessSpec &spec);
    bool readStopSignal(const QJsonValue &stopSignal, ProcessSpec &spec);
    bool readStopTimeout(const QJsonValue &stopTimeout, ProcessSpec &spec);
    bool readRestart(const QJsonValue &restart, ProcessSpec &spec);
    bool readLimits(const QJsonValue &limits, ProcessSpec &spec);
    bool readLimit(const QJsonObject &limits, QLatin1StringView name, int maximum, int &value);

    QString key(QLatin1StringView name) const { return m_at + u'.' + name; }
    // The operating system ends a string at NUL: such text would run as something shorter.
    bool refuseNul(const QString &at, const QString &text)
    {
        return text.contains(QChar(u'\0')) ? fail(at, Msg::tr("contains a NUL byte")) : true;
    }
    bool checkUniqueNames(const QList<ProcessSpec> &processes);
    bool fail(const QString &at, const QString &message)
    {
        m_error = at.isEmpty() ? QString(m_fileName + u": "_s + message)
                               : QString(m_fileName + u": "_s + at + u": "_s + message);
        return false;
    }

    QString m_fileName;
    const QByteArray &m_json; // the text that was parsed, for the lines of duplicate names
    QString m_error;
    QString m_at; // the entry being read: "processes[3]"
};

bool Validator::readVersion(const QJsonObject &root)
{
    const QJsonValue version = root.value(KeyVersion);
    if (version.isUndefined())
        return fail(KeyVersion, Msg::tr("missing: this is not a ProcDeck session (expected \"procdeck\": 1)"));
    const std::optional<qint64> number = integerValue(version);
    if (!number || *number < 1)
        return fail(KeyVersion, Msg::tr("must be a positive integer (the format version)"));
    if (*number > FormatVersion) {
        return fail(KeyVersion, Msg::tr("format version %1 is newer than this ProcDeck reads (%2); "
                                        "update ProcDeck to open this file")
                                    .arg(*number)
                                    .arg(FormatVersion));
    }
    return true;
}

std::optional<Session> Validator::session(const QJsonObject &root)
{
    if (!readVersion(root))
        return std::nullopt;

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
    if (!checkUniqueNames(result.processes))
        return std::nullopt;
    if (const std::optional<KeyProblem> problem = checkStack(result.processes)) {
        fail(problem->at, problem->message);
        return std::nullopt;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != KeyVersion && it.key() != KeyProcesses)
            result.unknownKeys.insert(it.key(), it.value());
    }
    return result;
}

// Two entries with one name are refused (sessionfile.h), with the lines of both names; entries
// without a name get distinct ones when they are added.
bool Validator::checkUniqueNames(const QList<ProcessSpec> &processes)
{
    const auto duplicate = [this](qsizetype entry, qsizetype first, const QString &name) {
        const QString at = KeyProcesses + u'[' + QString::number(entry) + u"]."_s + KeyName;
        const QList<qsizetype> offsets = NameOffsets(m_json).scan();
        if (entry >= offsets.size() || offsets.at(entry) < 0 || offsets.at(first) < 0) // not expected
            return fail(at, Msg::tr("%1 is already the name of %2[%3]")
                                .arg(quoted(name), QString(KeyProcesses), QString::number(first)));
        return fail(at, Msg::tr("%1 is already the name of %2[%3] (lines %4 and %5)")
                            .arg(quoted(name), QString(KeyProcesses), QString::number(first),
                                 QString::number(lineAndColumn(m_json, offsets.at(entry)).first),
                                 QString::number(lineAndColumn(m_json, offsets.at(first)).first)));
    };
    QHash<QString, qsizetype> first;
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const QString &name = processes.at(i).name;
        if (name.isEmpty())
            continue;
        const auto it = first.constFind(name);
        if (it == first.cend()) {
            first.insert(name, i);
            continue;
        }
        return duplicate(i, *it, name);
    }
    return true;
}

std::optional<ProcessSpec> Validator::entry(const QJsonObject &object, const QString &at)
{
    m_at = at;
    ProcessSpec spec;

    if (!readOptionalText(object, KeyName, spec.name) || !readCommand(object, spec)
        || !readArgs(object.value(KeyArgs), spec)
        || !readOptionalText(object, KeyWorkingDirectory, spec.workingDirectory)) {
        return std::nullopt;
    }

    if (!readEnvironment(object.value(KeyEnvironment), spec))
        return std::nullopt;

    const QJsonValue autostart = object.value(KeyAutostart);
    if (!autostart.isUndefined() && !autostart.isBool()) {
        fail(key(KeyAutostart), Msg::tr("must be true or false"));
        return std::nullopt;
    }
    spec.autostart = autostart.toBool(false);

    // Absent: the default (stdout on a pseudo-terminal); true: a terminal; false: plain pipes.
    const QJsonValue terminal = object.value(KeyTerminal);
    if (!terminal.isUndefined() && !terminal.isBool()) {
        fail(key(KeyTerminal), Msg::tr("must be true or false"));
        return std::nullopt;
    }
    if (terminal.isBool())
        spec.terminal = terminal.toBool() ? TerminalMode::Terminal : TerminalMode::Pipes;

    if (!readStopSignal(object.value(KeyStopSignal), spec)
        || !readStopTimeout(object.value(KeyStopTimeoutMs), spec)
        || !readRestart(object.value(KeyRestart), spec)
        || !readLimits(object.value(KeyLimits), spec)) {
        return std::nullopt;
    }
    if (const std::optional<KeyProblem> problem = readStackKeys(object, at, spec)) {
        fail(problem->at, problem->message);
        return std::nullopt;
    }

    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownEntryKey(it.key()))
            spec.unknownKeys.insert(it.key(), it.value());
    }
    return spec;
}

// An optional string key (absent: empty), without NUL.
bool Validator::readOptionalText(const QJsonObject &object, QLatin1StringView name, QString &text)
{
    const QJsonValue value = object.value(name);
    if (!value.isUndefined() && !value.isString())
        return fail(key(name), Msg::tr("must be a string"));
    text = value.toString();
    return refuseNul(key(name), text);
}

bool Validator::readCommand(const QJsonObject &object, ProcessSpec &spec)
{
    const QJsonValue program = object.value(KeyProgram);
    const QJsonValue shell = object.value(KeyShell);
    if (program.isUndefined() && shell.isUndefined())
        return fail(m_at, Msg::tr("needs \"program\" (with \"args\") or \"shell\""));
    if (!program.isUndefined() && !shell.isUndefined())
        return fail(m_at, Msg::tr("has both \"program\" and \"shell\"; use one of them"));
    if (!program.isUndefined()) {
        if (!program.isString() || program.toString().isEmpty())
            return fail(key(KeyProgram), Msg::tr("must be a non-empty string"));
        spec.program = program.toString();
        return refuseNul(key(KeyProgram), spec.program);
    }
    if (!shell.isString() || shell.toString().trimmed().isEmpty())
        return fail(key(KeyShell), Msg::tr("must be a non-empty string"));
    spec.shell = shell.toString();
    return refuseNul(key(KeyShell), spec.shell);
}

bool Validator::readArgs(const QJsonValue &args, ProcessSpec &spec)
{
    if (args.isUndefined())
        return true;
    if (spec.usesShell())
        return fail(key(KeyArgs), Msg::tr("not allowed with \"shell\" (put the arguments in the command)"));
    if (!args.isArray())
        return fail(key(KeyArgs), Msg::tr("must be an array of strings"));
    const QJsonArray list = args.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = key(KeyArgs) + u'[' + QString::number(i) + u']';
        if (!list.at(i).isString())
            return fail(at, Msg::tr("must be a string"));
        if (!refuseNul(at, list.at(i).toString()))
            return false;
        spec.args.append(list.at(i).toString());
    }
    return true;
}

bool Validator::readEnvironment(const QJsonValue &environment, ProcessSpec &spec)
{
    if (environment.isUndefined())
        return true;
    if (!environment.isObject())
        return fail(key(KeyEnvironment), Msg::tr("must be an object of \"NAME\": \"value\" (or null)"));
    const QJsonObject variables = environment.toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        const QString at = key(KeyEnvironment) + u'.' + it.key();
        if (!refuseNul(key(KeyEnvironment), it.key()) || !refuseNul(at, it.value().toString()))
            return false;
        if (!EnvironmentText::isValidVariableName(it.key()))
            return fail(key(KeyEnvironment), Msg::tr("%1 is not a valid variable name").arg(quoted(it.key())));
        if (it.value().isNull())
            spec.environment.append({it.key(), std::nullopt});
        else if (it.value().isString())
            spec.environment.append({it.key(), it.value().toString()});
        else
            return fail(at, Msg::tr("must be a string, or null to remove the variable"));
    }
    return true;
}

bool Validator::readStopSignal(const QJsonValue &stopSignal, ProcessSpec &spec)
{
    if (stopSignal.isUndefined())
        return true;
    std::optional<int> signal;
    if (stopSignal.isString()) {
        signal = SignalNames::fromName(stopSignal.toString());
        if (!signal)
            return fail(key(KeyStopSignal), Msg::tr("unknown signal %1").arg(quoted(stopSignal.toString())));
    } else if (const std::optional<qint64> number = integerValue(stopSignal)) {
        signal = SignalNames::fromName(QString::number(*number));
        if (!signal)
            return fail(key(KeyStopSignal), Msg::tr("unknown signal %1").arg(*number));
    } else {
        return fail(key(KeyStopSignal), Msg::tr("must be a signal name such as \"SIGTERM\""));
    }
    spec.stopSignal = *signal;
    return true;
}

bool Validator::readStopTimeout(const QJsonValue &stopTimeout, ProcessSpec &spec)
{
    if (stopTimeout.isUndefined())
        return true;
    const std::optional<qint64> ms = integerValue(stopTimeout);
    if (!ms || *ms <= 0 || *ms > std::numeric_limits<int>::max())
        return fail(key(KeyStopTimeoutMs), Msg::tr("must be a positive integer"));
    spec.stopTimeoutMs = int(*ms);
    return true;
}

bool Validator::readRestart(const QJsonValue &restart, ProcessSpec &spec)
{
    if (restart.isUndefined())
        return true;
    const std::optional<RestartPolicy> policy =
        restart.isString() ? restartPolicyFromString(restart.toString()) : std::nullopt;
    if (!policy) {
        const QString shown = restart.isString()
            ? quoted(restart.toString())
            : QString::fromUtf8(QJsonDocument(QJsonArray{restart}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        return fail(key(KeyRestart), Msg::tr("unknown value %1 (expected \"never\", \"on-failure\" or \"always\")").arg(shown));
    }
    spec.restart = *policy;
    return true;
}

// `limits` (an object, every key optional): whole numbers in range, the restart threshold below the
// memory maximum. Keys it does not know are kept inside it, as an entry's are.
bool Validator::readLimits(const QJsonValue &limits, ProcessSpec &spec)
{
    if (limits.isUndefined())
        return true;
    if (!limits.isObject())
        return fail(key(KeyLimits), Msg::tr("must be an object such as {\"memoryMB\": 512}"));
    const QJsonObject object = limits.toObject();
    ProcessLimits &result = spec.limits;
    if (!readLimit(object, KeyMemoryMB, ProcessLimits::MaxMemoryMB, result.memoryMB)
        || !readLimit(object, KeyCpuPercent, ProcessLimits::MaxCpuPercent, result.cpuPercent)
        || !readLimit(object, KeyRestartAboveMemoryMB, ProcessLimits::MaxMemoryMB, result.restartAboveMemoryMB)) {
        return false;
    }
    if (!result.restartIsBelowMaximum()) {
        return fail(key(KeyLimits) + u'.' + KeyRestartAboveMemoryMB,
                    Msg::tr("%1 is not below %2 %3")
                        .arg(result.restartAboveMemoryMB)
                        .arg(QString(KeyMemoryMB))
                        .arg(result.memoryMB));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isKnownLimitsKey(it.key()))
            result.unknownKeys.insert(it.key(), it.value());
    }
    return true;
}

// One key of `limits`: absent (0, no limit) or a whole number from 1 to `maximum`.
bool Validator::readLimit(const QJsonObject &limits, QLatin1StringView name, int maximum, int &value)
{
    const QJsonValue json = limits.value(name);
    if (json.isUndefined())
        return true;
    const QString at = key(KeyLimits) + u'.' + name;
    const std::optional<qint64> number = integerValue(json);
    if (!number)
        return fail(at, Msg::tr("must be a whole number"));
    if (*number < 1 || *number > maximum) {
        return fail(at, Msg::tr("%1 is out of range: use 1 to %2 (leave the key out for no limit)")
                            .arg(*number)
                            .arg(maximum));
    }
    value = int(*number);
    return true;
}

} // namespace

EntryResult parseEntry(const QJsonObject &entry, const QString &fileName)
{
    const QByteArray json = QJsonDocument(QJsonObject{{KeyVersion, 1}, {KeyProcesses, QJsonArray{entry}}}).toJson();
    Validator validator(fileName, json);
    EntryResult result;
    result.spec = validator.loneEntry(entry);
    if (!result.spec)
        result.error = validator.error();
    return result;
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
    QString kind;
    if (document.isArray())
        kind = Msg::tr("an array");
    else if (parseError.error != QJsonParseError::NoError)
        isJsonScalar(body, &kind); // Qt's parser refuses a scalar document as a syntax error
    if (!kind.isEmpty()) {
        qsizetype start = 0;
        while (start < body.size() && std::isspace(static_cast<unsigned char>(body.at(start))))
            ++start;
        result.error = positionError(fileName, body, start,
            Msg::tr("the top level is %1; it must be a JSON object with \"procdeck\": 1").arg(kind));
        return result;
    }
    if (parseError.error != QJsonParseError::NoError) {
        result.error = positionError(fileName, body, parseError.offset, parseError.errorString());
        return result;
    }
    if (const qsizetype bom = stringStartingWithBom(body); bom >= 0) {
        result.error = positionError(fileName, body, bom,
            Msg::tr("a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \\uFEFF"));
        return result;
    }
    Validator validator(fileName, body);
    result.session = validator.session(document.object());
    if (!result.session) {
        result.error = validator.error();
        return result;
    }
    result.session->source = data;
    return result;
}

} // namespace SessionFile

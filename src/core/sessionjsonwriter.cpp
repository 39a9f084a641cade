// SessionFile::toJson: writing a session as JSON v1, in the canonical form described in
// sessionfile.h, or as the very bytes it was read from while it is unchanged.

#include "sessionfile.h"

#include "sessionfileformat.h"
#include "sessionstackkeys.h"
#include "signalnames.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QVariant>

#include <cmath>
#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;
using namespace SessionFileFormat;

namespace SessionFile {

namespace {

// A small JSON writer that keeps the member order it is given (QJsonDocument sorts keys).
class Writer final
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

// `limits`: the limits that are set (0, no limit, is left out) and the unknown keys kept from the
// file, sorted by name like the environment (cpuPercent, memoryMB, restartAboveMemoryMB).
QJsonObject limitsObject(const ProcessLimits &limits)
{
    QJsonObject object;
    for (auto it = limits.unknownKeys.begin(); it != limits.unknownKeys.end(); ++it) {
        if (!isKnownLimitsKey(it.key()))
            object.insert(it.key(), it.value());
    }
    if (limits.memoryMB > 0)
        object.insert(KeyMemoryMB, limits.memoryMB);
    if (limits.cpuPercent > 0)
        object.insert(KeyCpuPercent, limits.cpuPercent);
    if (limits.restartAboveMemoryMB > 0)
        object.insert(KeyRestartAboveMemoryMB, limits.restartAboveMemoryMB);
    return object;
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
    if (spec.terminal != TerminalMode::StdoutTerminal)
        members.append({KeyTerminal, spec.terminal == TerminalMode::Terminal});
    if (!spec.limits.isEmpty() || !spec.limits.unknownKeys.isEmpty())
        members.append({KeyLimits, limitsObject(spec.limits)});
    members.append(stackMembers(spec));
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

} // namespace

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

} // namespace SessionFile

#pragma once

// Internal to the session file code (sessionfile.cpp, sessionjsonreader.cpp,
// sessionjsonwriter.cpp, procfile.cpp, environmenttext.cpp): the JSON keys and the small text
// helpers they share. Not for other callers: use sessionfile.h.

#include <QByteArray>
#include <QCoreApplication>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonValue;

namespace SessionFileFormat {

// Gives the messages of the session code one translation context ("SessionFile") that lupdate
// can see.
class Msg
{
    Q_DECLARE_TR_FUNCTIONS(SessionFile)
};

constexpr int FormatVersion = 1;

// The keys of an entry, in the order they are written.
inline constexpr QLatin1StringView KeyName("name");
inline constexpr QLatin1StringView KeyProgram("program");
inline constexpr QLatin1StringView KeyArgs("args");
inline constexpr QLatin1StringView KeyShell("shell");
inline constexpr QLatin1StringView KeyWorkingDirectory("workingDirectory");
inline constexpr QLatin1StringView KeyEnvironment("environment");
inline constexpr QLatin1StringView KeyAutostart("autostart");
inline constexpr QLatin1StringView KeyStopSignal("stopSignal");
inline constexpr QLatin1StringView KeyStopTimeoutMs("stopTimeoutMs");
inline constexpr QLatin1StringView KeyRestart("restart");
inline constexpr QLatin1StringView KeyTerminal("terminal");
inline constexpr QLatin1StringView KeyLimits("limits");
// The stack keys (stackspec.h; read in sessionstackreader.cpp), written after `limits` in this order.
inline constexpr QLatin1StringView KeyDependsOn("dependsOn");
inline constexpr QLatin1StringView KeyReadiness("readiness");
inline constexpr QLatin1StringView KeyLiveness("liveness");
inline constexpr QLatin1StringView KeyReplicas("replicas");
inline constexpr QLatin1StringView KeyWatch("watch");
inline constexpr QLatin1StringView KeySchedule("schedule");
inline constexpr QLatin1StringView KeyLog("log");
// The keys inside `limits` (written sorted by name, with any unknown ones).
inline constexpr QLatin1StringView KeyMemoryMB("memoryMB");
inline constexpr QLatin1StringView KeyCpuPercent("cpuPercent");
inline constexpr QLatin1StringView KeyRestartAboveMemoryMB("restartAboveMemoryMB");
// The top-level keys.
inline constexpr QLatin1StringView KeyVersion("procdeck");
inline constexpr QLatin1StringView KeyProcesses("processes");

bool isKnownEntryKey(const QString &key);
bool isKnownLimitsKey(const QString &key);

// A JSON number that is a whole number (within the doubles' exact range), or nothing.
std::optional<qint64> integerValue(const QJsonValue &value);

QByteArray withoutBom(const QByteArray &data);

// The whole of `body` is one JSON value that is not an object or array (`3`, `"x"`, `true`);
// `kind` gets its JSON type name for messages.
bool isJsonScalar(const QByteArray &body, QString *kind = nullptr);

// "text" in double quotes, for messages.
QString quoted(const QString &text);

// The lines of a UTF-8 text file (BOM dropped, "\r\n" read as "\n").
QStringList textLines(const QByteArray &data);

// "FILE:LINE: message" for the 0-based line `index`.
QString lineError(const QString &fileName, qsizetype index, const QString &message);

} // namespace SessionFileFormat

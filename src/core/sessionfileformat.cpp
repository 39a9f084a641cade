#include "sessionfileformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace SessionFileFormat {

bool isKnownEntryKey(const QString &key)
{
    for (QLatin1StringView known : {KeyName, KeyProgram, KeyArgs, KeyShell, KeyWorkingDirectory,
                                    KeyEnvironment, KeyAutostart, KeyStopSignal, KeyStopTimeoutMs,
                                    KeyRestart, KeyTerminal, KeyLimits, KeyDependsOn, KeyReadiness,
                                    KeyLiveness, KeyReplicas, KeyWatch, KeySchedule, KeyLog}) {
        if (key == known)
            return true;
    }
    return false;
}

bool isKnownLimitsKey(const QString &key)
{
    return key == KeyMemoryMB || key == KeyCpuPercent || key == KeyRestartAboveMemoryMB;
}

std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

bool isJsonScalar(const QByteArray &body, QString *kind)
{
    // Qt's parser takes only an object or an array at the top level: a scalar is read as the one
    // element of an array around it.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return false;
    const QJsonValue value = document.array().at(0);
    if (value.isObject() || value.isArray())
        return false;
    if (kind) {
        *kind = value.isString() ? Msg::tr("a string")
            : value.isDouble()   ? Msg::tr("a number")
            : value.isBool()     ? Msg::tr("true or false")
                                 : Msg::tr("null");
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

} // namespace SessionFileFormat

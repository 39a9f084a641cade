#include "sessionfileformat.h"

using namespace Qt::StringLiterals;

namespace SessionFileFormat {

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

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
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

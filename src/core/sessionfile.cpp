#include "sessionfile.h"

#include "logging.h"
#include "sessionfileformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using namespace SessionFileFormat;

namespace SessionFile {

namespace {

LoadResult loadFile(const QString &path)
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
    if (detectFormat(data) == Format::Json) {
        result = parseJson(data, path);
        result.consentContents = data;
        return result;
    }

    const QString dotEnvPath = QFileInfo(path).dir().filePath(u".env"_s);
    QByteArray dotEnv;
    QFile dotEnvFile(dotEnvPath);
    const bool hasDotEnv = dotEnvFile.exists();
    if (hasDotEnv) {
        if (!dotEnvFile.open(QIODevice::ReadOnly)) {
            result.error = Msg::tr("%1: cannot read the file: %2").arg(dotEnvPath, dotEnvFile.errorString());
            return result;
        }
        dotEnv = dotEnvFile.read(MaxFileSize);
    }
    result = parseProcfile(data, path, dotEnv, dotEnvPath);
    // A loaded Procfile holds no NUL, so the separator cannot be forged from inside it.
    QByteArray consent = data;
    consent.append(QByteArrayView("\0procdeck:.env\0", 15));
    consent.append(hasDotEnv ? QByteArray("present\0", 8) + dotEnv : QByteArray("absent"));
    result.consentContents = consent;
    return result;
}

} // namespace

LoadResult load(const QString &path)
{
    LoadResult result = loadFile(path);
    if (result.ok()) {
        qCInfo(lcSession) << "loaded" << path << "with" << result.session->processes.size() << "entries"
                          << (result.session->source.isEmpty() ? "(Procfile)" : "(JSON)");
    } else {
        qCInfo(lcSession) << "refused" << path << ":" << result.error;
    }
    return result;
}

Format detectFormat(const QByteArray &data)
{
    const QByteArray body = withoutBom(data);
    for (const char c : body) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '{' || c == '[' || c == '"')
            return Format::Json;
        // A bare number or true/false/null is JSON too; no Procfile is one JSON value.
        return isJsonScalar(body) ? Format::Json : Format::Procfile;
    }
    return Format::Json; // empty: parseJson says so
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
        qCInfo(lcSession) << "save failed:" << result.error;
        return result;
    }
    qCInfo(lcSession) << "saved" << contents.size() << "bytes to" << path;
    return result;
}

} // namespace SessionFile

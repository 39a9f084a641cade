#pragma once

#include "processspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// A session: the entries of a file, plus the top-level keys ProcDeck does not know (kept).
struct Session
{
    QList<ProcessSpec> processes;
    QJsonObject unknownKeys;
};

// Reading and writing session files (JSON format v1, DESIGN.md) and Procfiles. Errors are values:
// a message ready to show, naming the file ("FILE:LINE:COLUMN: message" for a parse error,
// "FILE: processes[3].stopTimeoutMs: must be a positive integer" for a validation error).
namespace SessionFile {

struct LoadResult
{
    std::optional<Session> session;
    QString error;
    bool ok() const { return session.has_value(); }
};

struct SaveResult
{
    bool ok = true;
    QString error;
};

enum class Format { Json, Procfile };

// Reads a file, telling a JSON session from a Procfile by its content.
LoadResult load(const QString &path);

// Parses JSON v1. `fileName` is used only in messages.
LoadResult parseJson(const QByteArray &data, const QString &fileName);

// Parses `name: command` lines (`#` comments); `dotEnv` (the `.env` beside it, may be empty)
// becomes every entry's environment.
LoadResult parseProcfile(const QByteArray &data, const QString &fileName, const QByteArray &dotEnv = {});

Format detectFormat(const QByteArray &data);

QByteArray toJson(const Session &session);
QByteArray toProcfile(const Session &session);

// Atomic (QSaveFile); a new file gets mode 0600, an existing one keeps its mode. On failure the old
// file is left intact and the message names the native path and the reason.
SaveResult save(const QString &path, const QByteArray &contents);

} // namespace SessionFile

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

    // The bytes this session was parsed from (JSON files only; empty otherwise). toJson() gives
    // them back unchanged while `processes` and `unknownKeys` still say what they said, so a file
    // written by hand keeps its layout and key order when it is saved unchanged. To keep that,
    // save by changing the Session you loaded (its processes), not a new one.
    QByteArray source;

    // The variables of the `.env` files this session's Procfiles brought in (opened or imported).
    // They are often secrets: toProcfile() leaves them out of the commands and toDotEnv() writes
    // them to the `.env` beside an exported Procfile. Never part of a JSON file.
    QList<EnvironmentChange> dotEnv;
};

// Reading and writing session files (JSON format v1, docs/ARCHITECTURE.md) and Procfiles.
// sessionjsonreader.cpp reads and validates JSON, sessionjsonwriter.cpp writes it, procfile.cpp
// reads and writes Procfiles; this file's own sessionfile.cpp loads (telling them apart) and saves. Errors are values:
// a message ready to show, naming the file ("FILE:LINE:COLUMN: message" for a parse error,
// "FILE: processes[3].stopTimeoutMs: must be a positive integer" for a validation error).
//
// Decisions (see also the comments in sessionfile.cpp):
// - The first error found is reported; the file is refused whole.
// - Entry names are unique in a session: a name is how the headless output, the notifications,
//   the trust dialog and the user tell entries apart, and two entries called "web" make each of
//   them ambiguous. A file with a duplicate name is refused, naming both entries and the lines of
//   both names. An entry without a name gets one from ProcessManager::addAll() ("Process-N", never
//   a name that another entry of the file has) when it is added, and that name is written on the
//   next save.
// - A NUL character in any text that reaches the child (name, program, argument, shell command,
//   working directory, environment name or value) is refused ("contains a NUL byte"): the
//   operating system would cut the string there, and the trust dialog would show something other
//   than what runs.
// - `limits` holds whole numbers: memoryMB and restartAboveMemoryMB from 1 to
//   ProcessLimits::MaxMemoryMB, cpuPercent from 1 to ProcessLimits::MaxCpuPercent, the restart
//   threshold below the memory maximum when both are set; a key left out is no limit. Unknown keys
//   inside it are kept and written back, as an entry's are. A Procfile has no limits: export
//   drops them, as it drops the stop signal and the restart policy.
// - A JSON document whose top level is not an object (`[1,2]`, `"x"`, `3`) is refused as JSON,
//   not read as a Procfile.
// - The written form is canonical: two-space indentation; the known keys of an entry in the order
//   name, program, args, shell, workingDirectory, environment, autostart, stopSignal,
//   stopTimeoutMs, restart, limits, then unknown keys in alphabetical order; keys with their
//   default value are left out (name, and program or shell, are always written; `limits` only
//   when a limit is set, each limit only when set); environment variables and the keys of
//   `limits` sorted by name; arrays of scalars on one line. toJson(parseJson(x)) == x for every
//   file in that form, and for any file at all through Session::source while the session is
//   unchanged.
namespace SessionFile {

struct LoadResult
{
    std::optional<Session> session;
    QString error;
    // What consent to run this session covers (TrustStore::isTrusted / approve): everything that
    // decides what runs. For JSON the file's bytes; for a Procfile its bytes and the `.env` beside
    // it, or its absence, so that a changed `.env` asks again. Set by load() only.
    QByteArray consentContents;
    bool ok() const { return session.has_value(); }
};

struct SaveResult
{
    bool ok = true;
    QString error;
};

enum class Format { Json, Procfile };

// Files bigger than this are refused (a session is a few kilobytes).
constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

// Reads a file, telling a JSON session from a Procfile by its content. For a Procfile, the `.env`
// beside it (if any) becomes every entry's environment.
LoadResult load(const QString &path);

// Parses JSON v1. `fileName` is used only in messages.
LoadResult parseJson(const QByteArray &data, const QString &fileName);

// Reads one entry object as a session file's `processes[0]` is read, with every check of the entry
// itself and the same messages (`fileName: processes[0].stopTimeoutMs: …`); not the checks between
// entries (unique names, the names in `dependsOn`, cycles), which the caller makes against its own
// session (StackCheck). For `procdeck ctl add` / `edit` and the mirrors of an attached session.
struct EntryResult
{
    std::optional<ProcessSpec> spec;
    QString error;
};
EntryResult parseEntry(const QJsonObject &entry, const QString &fileName);

// Parses `name: command` lines (`#` comments); `dotEnv` (the `.env` beside it, may be empty,
// read by EnvironmentText::parseDotEnv) becomes every entry's environment. Entries run their command with `/bin/sh -c` in the
// Procfile's folder (workingDirectory "."). `dotEnvFileName` names the .env in messages (default:
// ".env" beside `fileName`).
LoadResult parseProcfile(const QByteArray &data, const QString &fileName, const QByteArray &dotEnv = {},
                         const QString &dotEnvFileName = {});

// Json when the content, after an optional BOM and white space, starts with `{`, `[` or `"`, or
// is a whole JSON value (`3`, `true`); otherwise Procfile.
Format detectFormat(const QByteArray &data);

QByteArray toJson(const Session &session);

// One `name: command` line per entry. Shell entries keep their command; program entries become a
// quoted shell line (ShellWords::join). Environment changes and a working directory other than
// "." become `export`/`unset`/`cd` in front of the command. Names are made valid Procfile names
// ([A-Za-z0-9_-]); an entry whose shell command spans several lines, or that sets a variable the
// shell cannot name (EnvironmentText::isShellVariableName), is written as a comment. A variable
// the entry has from the session's `.env` (Session::dotEnv: the same name and value) is not
// written: it stays in the `.env` (toDotEnv()).
QByteArray toProcfile(const Session &session);

// The `.env` to write beside an exported Procfile: `existing` (that file's contents, may be empty)
// with every variable of Session::dotEnv that an entry uses set to its value: a line that sets it
// to another value is replaced, a missing one appended; comments and other lines are kept.
// Empty when no entry uses any.
QByteArray toDotEnv(const Session &session, const QByteArray &existing);

// Atomic (QSaveFile); a new file gets mode 0600, an existing one keeps its mode. On failure the old
// file is left intact and the message names the native path and the reason.
SaveResult save(const QString &path, const QByteArray &contents);

} // namespace SessionFile

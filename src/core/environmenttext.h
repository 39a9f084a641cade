#pragma once

#include "processspec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

// Environment variables as text, and the one rule for their names, used by every reader and
// writer of them: the session file's "environment" object, the `.env` beside a Procfile, the
// Add/Edit dialog's KEY=VALUE / -KEY lines and the details panel.
namespace EnvironmentText {

// The rule for a variable name (the same in all those places, so that a file that loads can be
// edited and saved, and the reverse): not empty, no '=' (it ends the name in the environment
// block), no NUL, no white space or other control characters, and not starting with '-' or '#'
// (the dialog's "remove" mark and comment).
//
// Why not the shell's rule ([A-Za-z_][A-Za-z0-9_]*)? The names are passed to execve(), not to a
// shell, and execve takes any of these: programs do read names such as "FOO-BAR" or
// "spring.profiles.active" that no shell can set, and a session that needs one has no other way
// to give it (sessions with such names loaded before this rule existed, too). Only a Procfile
// export, which is shell text, asks isShellVariableName() as well.
bool isValidVariableName(QStringView name);

// The shell's rule ([A-Za-z_][A-Za-z0-9_]*): names that `export NAME=…` and `unset NAME` accept.
bool isShellVariableName(QStringView name);

// The dialog's text: one change a line, KEY=VALUE sets (the value is kept as typed, spaces
// included), -KEY removes; blank lines and lines starting with '#' are skipped. The first bad line
// stops the parse, and then `changes` is empty.
struct ParseResult
{
    enum class Error { None, MissingEquals, InvalidName };

    QList<EnvironmentChange> changes;
    Error error = Error::None;
    int errorLine = 0;   // 1-based line of the error
    QString invalidName; // for InvalidName
    bool ok() const { return error == Error::None; }
};
ParseResult parse(const QString &text);

// The inverse of parse(): KEY=VALUE or -KEY lines, in the given order.
QString format(const QList<EnvironmentChange> &changes);

// A `.env` file: KEY=VALUE lines, '#' comments, blank lines, an optional `export ` prefix, values
// in single quotes (literal), double quotes (\n \t \r \\ \" \$ \` escapes) or bare (trimmed, a
// " #" starts a comment). On error, `error` is "FILE:LINE: message".
struct DotEnvResult
{
    QList<EnvironmentChange> variables;
    QString error;
    bool ok() const { return error.isEmpty(); }
};
DotEnvResult parseDotEnv(const QByteArray &data, const QString &fileName);

} // namespace EnvironmentText

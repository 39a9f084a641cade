#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Splitting a line into arguments the way a POSIX shell would (quotes and backslashes honoured),
// without running any shell, and the inverse: quoting arguments for display or editing.
namespace ShellWords {

struct SplitResult
{
    QStringList words;
    QString error; // empty on success, else e.g. "unterminated double quote"
    bool ok() const { return error.isEmpty(); }
};

SplitResult split(const QString &line);

// Quotes one argument only when it needs it, so that split(join(x)) == x.
QString quote(const QString &word);
QString join(const QStringList &words);

} // namespace ShellWords

#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Names of POSIX signals as users write them ("SIGTERM") and as the Exit column shows them.
namespace SignalNames {

// "SIGTERM" for 15; "SIG42" for a number without a name.
QString name(int signal);

// Accepts "SIGTERM", "TERM", "sigterm" or "15". std::nullopt when it names no signal.
std::optional<int> fromName(const QString &text);

// The signals offered in the stop-signal chooser, by name, most useful first.
QStringList stopSignalChoices();

// Python's `exitcode` as ProcDeck shows it: "0", "3", or "-15 (SIGTERM)".
QString formatExitCode(int pythonExitCode);

} // namespace SignalNames

#include "signalnames.h"

#include <csignal>

using namespace Qt::StringLiterals;

namespace SignalNames {

namespace {

struct Entry
{
    int number;
    const char *name;
};

// The standard Linux signals by their POSIX names. Numbers come from <csignal>, so the table is
// right on any architecture (SIGUSR1 is 10 on x86 and 16 on MIPS).
constexpr Entry Table[] = {
    {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},     {SIGQUIT, "SIGQUIT"},   {SIGILL, "SIGILL"},
    {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"},   {SIGBUS, "SIGBUS"},     {SIGFPE, "SIGFPE"},
    {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"},   {SIGSEGV, "SIGSEGV"},   {SIGUSR2, "SIGUSR2"},
    {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"},   {SIGTERM, "SIGTERM"},   {SIGCHLD, "SIGCHLD"},
    {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"},   {SIGTSTP, "SIGTSTP"},   {SIGTTIN, "SIGTTIN"},
    {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"},     {SIGXCPU, "SIGXCPU"},   {SIGXFSZ, "SIGXFSZ"},
    {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},
    {SIGPWR, "SIGPWR"},   {SIGSYS, "SIGSYS"},
};

} // namespace

QString name(int signal)
{
    for (const Entry &entry : Table) {
        if (entry.number == signal)
            return QString::fromLatin1(entry.name);
    }
    return u"SIG"_s + QString::number(signal);
}

std::optional<int> fromName(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;

    bool isNumber = false;
    const int number = trimmed.toInt(&isNumber);
    if (isNumber)
        return number > 0 && number < NSIG ? std::optional<int>(number) : std::nullopt;

    QString upper = trimmed.toUpper();
    if (!upper.startsWith(u"SIG"_s))
        upper.prepend(u"SIG"_s);
    for (const Entry &entry : Table) {
        if (upper == QLatin1StringView(entry.name))
            return entry.number;
    }
    // "SIG42", as name() writes a signal without a name (real-time signals).
    const int numbered = upper.mid(3).toInt(&isNumber);
    if (isNumber && numbered > 0 && numbered < NSIG)
        return numbered;
    return std::nullopt;
}

QStringList stopSignalChoices()
{
    return {u"SIGTERM"_s, u"SIGINT"_s, u"SIGHUP"_s, u"SIGQUIT"_s, u"SIGUSR1"_s, u"SIGUSR2"_s,
            u"SIGKILL"_s};
}

QString formatExitCode(int pythonExitCode)
{
    if (pythonExitCode >= 0)
        return QString::number(pythonExitCode);
    return QString::number(pythonExitCode) + u" ("_s + name(-pythonExitCode) + u')';
}

} // namespace SignalNames

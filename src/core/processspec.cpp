#include "processspec.h"

#include "shellwords.h"

#include <algorithm>

#include <QDir>

using namespace Qt::StringLiterals;

QString ProcessSpec::executable() const
{
    return usesShell() ? u"/bin/sh"_s : program;
}

QStringList ProcessSpec::executableArguments() const
{
    return usesShell() ? QStringList{u"-c"_s, shell} : args;
}

QString ProcessSpec::commandLine() const
{
    if (usesShell())
        return shell;
    QStringList words{program};
    words += args;
    return ShellWords::join(words);
}

QString ProcessSpec::resolvedWorkingDirectory(const QString &baseDirectory) const
{
    if (workingDirectory.isEmpty())
        return {};
    QString path = workingDirectory;
    if (path == u'~' || path.startsWith(u"~/"))
        path.replace(0, 1, QDir::homePath());
    const QString base = baseDirectory.isEmpty() ? QDir::currentPath() : baseDirectory;
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

bool operator==(const ProcessSpec &a, const ProcessSpec &b)
{
    return a.name == b.name && a.program == b.program && a.args == b.args && a.shell == b.shell
        && a.workingDirectory == b.workingDirectory && a.environment == b.environment
        && a.autostart == b.autostart && a.stopSignal == b.stopSignal
        && a.stopTimeoutMs == b.stopTimeoutMs && a.restart == b.restart
        && a.terminal == b.terminal && a.limits == b.limits
        && a.dependsOn == b.dependsOn && a.readiness == b.readiness && a.liveness == b.liveness
        && a.replicas == b.replicas && a.watch == b.watch && a.schedule == b.schedule
        && a.log == b.log && a.unknownKeys == b.unknownKeys;
}

QString restartPolicyToString(RestartPolicy policy)
{
    switch (policy) {
    case RestartPolicy::Never:
        return u"never"_s;
    case RestartPolicy::OnFailure:
        return u"on-failure"_s;
    case RestartPolicy::Always:
        return u"always"_s;
    }
    return u"never"_s;
}

std::optional<RestartPolicy> restartPolicyFromString(const QString &text)
{
    if (text == u"never")
        return RestartPolicy::Never;
    if (text == u"on-failure")
        return RestartPolicy::OnFailure;
    if (text == u"always")
        return RestartPolicy::Always;
    return std::nullopt;
}

bool ProcessSpec::containsNul() const
{
    const QChar nul(u'\0');
    const auto hasNul = [nul](const QString &text) { return text.contains(nul); };
    if (hasNul(name) || hasNul(program) || hasNul(shell) || hasNul(workingDirectory)
        || std::any_of(args.cbegin(), args.cend(), hasNul))
        return true;
    return std::any_of(environment.cbegin(), environment.cend(), [&hasNul](const EnvironmentChange &change) {
        return hasNul(change.name) || (change.value && hasNul(*change.value));
    });
}

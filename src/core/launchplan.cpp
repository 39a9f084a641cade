#include "launchplan.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The PATH execvp uses when the child's environment has none.
constexpr auto DefaultPath = "/usr/local/bin:/usr/bin:/bin";

QString errnoText(int error)
{
    switch (error) {
    case ENOENT:
        return LaunchPlan::tr("no such file or directory");
    case EACCES:
        return LaunchPlan::tr("permission denied");
    case ENOTDIR:
        return LaunchPlan::tr("not a directory");
    default:
        return QString::fromLocal8Bit(::strerror(error));
    }
}

// Empty when `path` is a file this process may execute, else why not (access() answers for the
// child too: it has our user and groups).
QString executableProblem(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::access(native.constData(), F_OK) != 0)
        return errnoText(errno) + u": "_s + path;
    if (QFileInfo(path).isDir())
        return LaunchPlan::tr("is a directory: %1").arg(path);
    if (::access(native.constData(), X_OK) != 0)
        return errnoText(errno) + u": "_s + path;
    return {};
}

QString workingDirectoryProblem(const QString &directory)
{
    const QFileInfo info(directory);
    if (!info.exists())
        return LaunchPlan::tr("working directory does not exist: %1").arg(directory);
    if (!info.isDir())
        return LaunchPlan::tr("working directory is not a directory: %1").arg(directory);
    return {};
}

// The first executable `name` in the child's PATH, as execvp would find it; on failure `problem`
// says why (a candidate that exists but cannot be run is reported over "not found").
QString searchPath(const QString &name, const LaunchPlan &plan, QString *problem)
{
    const QDir workingDirectory(plan.workingDirectory);
    const QStringList directories = plan.environment.value(u"PATH"_s, QString::fromLatin1(DefaultPath))
                                        .split(u':', Qt::SkipEmptyParts);
    QString firstProblem;
    for (const QString &directory : directories) {
        const QString candidate =
            QDir::cleanPath(QDir(workingDirectory.absoluteFilePath(directory)).absoluteFilePath(name));
        const QFileInfo info(candidate);
        if (!info.exists() || info.isDir())
            continue;
        const QString candidateProblem = executableProblem(candidate);
        if (candidateProblem.isEmpty())
            return candidate;
        if (firstProblem.isEmpty())
            firstProblem = candidateProblem;
    }
    *problem = !firstProblem.isEmpty()
        ? firstProblem
        : LaunchPlan::tr("no such file or directory: %1 (not found in PATH)").arg(name);
    return {};
}

} // namespace

QString startErrorText(int error)
{
    switch (error) {
    case EMFILE:
    case ENFILE:
        return LaunchPlan::tr("too many open files (the descriptor limit is reached; Start again once "
                              "other entries have ended)");
    case EAGAIN:
        return LaunchPlan::tr("too many processes (the process limit is reached; Start again once "
                              "other entries have ended)");
    default:
        return errnoText(error);
    }
}

QProcessEnvironment childEnvironment(const ProcessSpec &spec, const QProcessEnvironment &inherited)
{
    QProcessEnvironment environment = inherited;
    if (spec.terminal != TerminalMode::Pipes) {
        environment.insert(u"TERM"_s, spec.terminal == TerminalMode::Terminal ? u"xterm-256color"_s : u"dumb"_s);
        environment.remove(u"COLUMNS"_s);
        environment.remove(u"LINES"_s);
    }
    for (const EnvironmentChange &change : spec.environment) {
        if (change.value)
            environment.insert(change.name, *change.value);
        else
            environment.remove(change.name);
    }
    return environment;
}

void addReplicaNumber(QProcessEnvironment &environment, int replicaIndex)
{
    if (replicaIndex > 0)
        environment.insert(u"PROCDECK_REPLICA"_s, QString::number(replicaIndex));
}

LaunchResolution resolveLaunch(const ProcessSpec &spec, const QString &baseDirectory,
                               const QProcessEnvironment &inherited)
{
    LaunchResolution result;
    LaunchPlan &plan = result.plan;
    plan.program = spec.executable();
    plan.arguments = spec.executableArguments();
    plan.environment = childEnvironment(spec, inherited);
    plan.terminal = spec.terminal;
    plan.workingDirectory = spec.resolvedWorkingDirectory(baseDirectory);
    if (plan.workingDirectory.isEmpty()) {
        plan.workingDirectory = QDir::currentPath(); // the child inherits ProcDeck's
    } else {
        result.problem = workingDirectoryProblem(plan.workingDirectory);
        if (!result.ok())
            return result;
    }

    if (plan.program.isEmpty()) {
        result.problem = LaunchPlan::tr("no program given");
    } else if (plan.program.contains(u'/')) {
        // As execve after chdir: relative to the child's working directory.
        plan.program = QDir::cleanPath(QDir(plan.workingDirectory).absoluteFilePath(plan.program));
        result.problem = executableProblem(plan.program);
    } else {
        const QString found = searchPath(plan.program, plan, &result.problem);
        if (!found.isEmpty())
            plan.program = found;
    }
    return result;
}

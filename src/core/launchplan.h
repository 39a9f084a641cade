#pragma once

#include "processspec.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Exactly what starting an entry executes, decided in one place for everyone who asks "can this
// run, and what will run?": the Add/Edit dialog, ManagedProcess, the trust dialog and the details
// panel. The rule, which is what execve after chdir does in the child:
//
// * The working directory is the entry's workingDirectory resolved against the base directory
//   (the session file's folder, or ProcDeck's current directory for an unsaved session). An entry
//   without one runs in ProcDeck's own current directory, which the child inherits. A missing
//   working directory, or one that is not a directory, is a problem.
// * The environment is ProcDeck's own with the entry's changes applied. With a terminal
//   (TerminalMode) TERM is `xterm-256color` for `Terminal` and `dumb` for the default (stdout on a
//   pseudo-terminal: line buffering, not a screen to draw on), and COLUMNS and LINES are removed
//   (the terminal's size says it), unless the entry sets them itself.
// * A program containing '/' is a path; a relative one is relative to that working directory.
// * A bare program name is searched in the PATH the child gets (after the entry's changes), not
//   in ProcDeck's own; a relative PATH directory is relative to the working directory too.
// * A program that does not exist, is a directory, or may not be executed is a problem.
struct LaunchPlan
{
    Q_DECLARE_TR_FUNCTIONS(LaunchPlan)

public:
    QString program;            // absolute path of the file to execute (as written on a problem)
    QStringList arguments;      // passed as they are (["-c", COMMAND] for a shell entry)
    QString workingDirectory;   // absolute
    QProcessEnvironment environment;
    TerminalMode terminal = TerminalMode::StdoutTerminal;
};

// resolveLaunch()'s answer: the plan, and an empty problem when it can be executed. On a problem
// the plan still holds what could be worked out (for display).
struct LaunchResolution
{
    LaunchPlan plan;
    QString problem;            // one line, user-visible, e.g. "working directory does not exist: /x"

    bool ok() const { return problem.isEmpty(); }
};

// ProcDeck's environment with the entry's changes applied (a change without a value removes).
QProcessEnvironment childEnvironment(const ProcessSpec &spec,
                                     const QProcessEnvironment &inherited = QProcessEnvironment::systemEnvironment());

// A replicated entry's copy number (ManagedProcess::replicaIndex()), which its program sees as
// PROCDECK_REPLICA ("1" … "N"); nothing for 0, a plain entry. Set on the plan, never in the spec,
// so that the saved entry stays as written.
void addReplicaNumber(QProcessEnvironment &environment, int replicaIndex);

// See LaunchPlan. Reads the file system; does not start anything.
LaunchResolution resolveLaunch(const ProcessSpec &spec, const QString &baseDirectory,
                               const QProcessEnvironment &inherited = QProcessEnvironment::systemEnvironment());

// Why a start failed for the error number `error` of a system call made to start it (pipe, fork,
// exec): one line, user-visible. A lack of resources says so and that a later Start can work:
// EMFILE and ENFILE are "too many open files", EAGAIN (fork) is "too many processes".
QString startErrorText(int error);

#pragma once

// What the window tests (tst_mainwindow, tst_window) share: the window's actions by object name,
// and an entry that runs the helper child, selected.

#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "processspec.h"
#include "testsupport.h"

#include <QAction>
#include <QString>
#include <QStringList>

namespace WindowTestSupport {

inline QAction *action(MainWindow &window, const char *name)
{
    auto *a = window.findChild<QAction *>(QLatin1String(name));
    if (!a)
        qWarning("no action %s", name);
    return a;
}

inline ManagedProcess *addChild(MainWindow &window, const QString &name, const QStringList &args,
                                int stopTimeoutMs = ProcessSpec::DefaultStopTimeoutMs)
{
    ProcessSpec spec;
    spec.name = name;
    spec.program = TestSupport::childPath();
    spec.args = args;
    spec.stopTimeoutMs = stopTimeoutMs;
    ManagedProcess *process = window.manager()->add(spec);
    window.selectProcesses({process});
    return process;
}

} // namespace WindowTestSupport

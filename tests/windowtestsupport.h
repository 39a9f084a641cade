#pragma once

// What the window tests (tst_mainwindow, tst_window, tst_attachwindow) share: a home of their own,
// the window's actions by object name, and an entry that runs the helper child, selected.

#include "mainwindow.h"
#include "managedprocess.h"
#include "processmanager.h"
#include "processspec.h"
#include "testsupport.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTranslator>

namespace WindowTestSupport {

// Once per window test: test mode files settings under $HOME/.qttest whatever XDG_CONFIG_HOME
// says, and CTest runs the window tests side by side, so each gets a home of its own (`home`):
// what it saves or clears (the whole store, trust records included) never reaches another test's
// window. Also the guard against "Destroyed while process is still running" and the English
// singulars ("1 entry") in `plurals`, as main.cpp loads them. False if the translations are missing.
inline bool useOwnHome(const QTemporaryDir &home, QTranslator &plurals)
{
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
    QStandardPaths::setTestModeEnabled(true);
    TestSupport::installProcessWarningGuard();
    if (!plurals.load(QStringLiteral(":/i18n/procdeck_en.qm")))
        return false;
    QCoreApplication::installTranslator(&plurals);
    return true;
}

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

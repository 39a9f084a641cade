#pragma once

// Small utilities shared by the tests.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QtGlobal>

#include <atomic>

namespace TestSupport {

// The helper child program (tests/helpers/pd_child.cpp).
inline QString childPath()
{
    return QStringLiteral(PD_CHILD_PATH);
}

namespace Detail {
inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}
inline std::atomic<int> &destroyedWarnings()
{
    static std::atomic<int> count{0};
    return count;
}
inline void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1StringView("Destroyed while process"))) {
        ++destroyedWarnings();
        // Not QFAIL here: the message may come from a destructor outside any test function.
        // checkNoDestroyedWarning() (or cleanup()) turns the count into a failure.
    }
    if (QtMessageHandler previous = previousHandler())
        previous(type, context, message);
}
} // namespace Detail

// Call in initTestCase(): counts "QProcess: Destroyed while process … is still running".
inline void installProcessWarningGuard()
{
    Detail::previousHandler() = qInstallMessageHandler(&Detail::messageHandler);
}

inline int destroyedWhileRunningWarnings()
{
    return Detail::destroyedWarnings().load();
}

} // namespace TestSupport

// In cleanup() (runs after every test function): fail the test that caused the warning.
#define PD_VERIFY_NO_DESTROYED_WARNING()                                                          \
    QVERIFY2(TestSupport::destroyedWhileRunningWarnings() == 0,                                   \
             "QProcess warned: Destroyed while process is still running")

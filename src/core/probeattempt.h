#pragma once

#include "stackspec.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>
#include <QTimer>

class QNetworkReply;
class QProcess;
class QTcpSocket;

// One attempt of a `tcp`, `http` or `command` check (ProbeSpec, stackspec.h), bounded by the
// spec's timeoutMs. Everything is asynchronous on the calling thread's event loop and nothing
// waits: a TCP connect and an HTTP request are the sockets' own (QNetworkAccessManager does its
// work on a thread of its own, a host name is looked up on Qt's), a command is a QProcess whose
// end is a signal. So a check that never answers costs the window nothing but a timer.
//
// `finished` comes exactly once, from the event loop, unless abort() came first; after it the
// attempt may be deleted. A `command` runs in `/bin/sh -c` in its own process group, in the
// entry's working directory with its environment; at the timeout the group is SIGKILLed and the
// QProcess is deleted only once it has been reaped (never a blocking wait).
class ProbeAttempt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeAttempt)

public:
    // Where a `command` runs.
    struct Context
    {
        QString workingDirectory;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    // Starts an attempt of `spec` (kind Tcp, Http or Command; any other fails at once).
    static ProbeAttempt *start(const ProbeSpec &spec, const Context &context, QObject *parent);
    ~ProbeAttempt() override;

    // No `finished` after this; a command's process group is killed.
    void abort();

signals:
    // `detail`: what the check saw, in words ("HTTP 200", "connection refused", "exit code 1",
    // "no answer within 500 ms").
    void finished(bool passed, const QString &detail);

private:
    explicit ProbeAttempt(const ProbeSpec &spec, QObject *parent);
    void startTcp();
    void startHttp();
    void startCommand(const Context &context);
    void onTimeout();
    void finish(bool passed, const QString &detail);
    void releaseCommand();

    ProbeSpec m_spec;
    QTimer m_timeout;
    QPointer<QTcpSocket> m_socket;
    QPointer<QNetworkReply> m_reply;
    QPointer<QProcess> m_command;
    bool m_done = false;
};

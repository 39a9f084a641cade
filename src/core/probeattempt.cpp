#include "probeattempt.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTcpSocket>
#include <QUrl>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// One manager for every HTTP check of the program (they all run on the GUI thread). Checks ask
// the service itself: no proxy, whatever the environment says.
QNetworkAccessManager *networkAccess()
{
    static QPointer<QNetworkAccessManager> manager;
    if (!manager) {
        manager = new QNetworkAccessManager(QCoreApplication::instance());
        manager->setProxy(QNetworkProxy::NoProxy);
    }
    return manager;
}

// "host:port", "[::1]:port": the host (without brackets) and the port; port 0 when it is not one.
std::pair<QString, quint16> splitHostPort(const QString &target)
{
    const qsizetype colon = target.lastIndexOf(u':');
    if (colon <= 0)
        return {target, 0};
    QString host = target.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = target.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return {host, 0};
    return {host, quint16(port)};
}

} // namespace

ProbeAttempt::ProbeAttempt(const ProbeSpec &spec, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ProbeAttempt::onTimeout);
}

ProbeAttempt::~ProbeAttempt()
{
    abort();
}

ProbeAttempt *ProbeAttempt::start(const ProbeSpec &spec, const Context &context, QObject *parent)
{
    auto *attempt = new ProbeAttempt(spec, parent);
    attempt->m_timeout.start(qMax(1, spec.timeoutMs));
    switch (spec.kind) {
    case ProbeSpec::Kind::Tcp:
        attempt->startTcp();
        break;
    case ProbeSpec::Kind::Http:
        attempt->startHttp();
        break;
    case ProbeSpec::Kind::Command:
        attempt->startCommand(context);
        break;
    case ProbeSpec::Kind::LogLine:
    case ProbeSpec::Kind::None:
        QTimer::singleShot(0, attempt, [attempt] { attempt->finish(false, tr("not a check that connects or runs")); });
        break;
    }
    return attempt;
}

void ProbeAttempt::startTcp()
{
    const auto [host, port] = splitHostPort(m_spec.target);
    if (port == 0) {
        QTimer::singleShot(0, this, [this] { finish(false, tr("not a host:port: %1").arg(m_spec.target)); });
        return;
    }
    m_socket = new QTcpSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        finish(true, tr("%1 accepts connections").arg(m_spec.target));
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        finish(false, m_socket->errorString());
    });
    m_socket->connectToHost(host, port);
}

void ProbeAttempt::startHttp()
{
    const QUrl url(m_spec.target);
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1)) {
        QTimer::singleShot(0, this, [this] { finish(false, tr("not an http or https URL: %1").arg(m_spec.target)); });
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    m_reply = networkAccess()->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            finish(true, tr("HTTP %1").arg(status));
        else if (status > 0)
            finish(false, tr("HTTP %1").arg(status));
        else
            finish(false, m_reply->errorString());
    });
}

void ProbeAttempt::startCommand(const Context &context)
{
    m_command = new QProcess(this);
    m_command->setProgram(u"/bin/sh"_s);
    m_command->setArguments({u"-c"_s, m_spec.target});
    m_command->setWorkingDirectory(context.workingDirectory);
    m_command->setProcessEnvironment(context.environment);
    m_command->setStandardInputFile(QProcess::nullDevice());
    m_command->setStandardOutputFile(QProcess::nullDevice());
    m_command->setStandardErrorFile(QProcess::nullDevice());
    // Its own group, so that the timeout kills whatever the shell started (raw system call only).
    m_command->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_command, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (status == QProcess::CrashExit)
            finish(false, tr("ended by a signal"));
        else
            finish(exitCode == 0, tr("exit code %1").arg(exitCode));
    });
    connect(m_command, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, m_command->errorString());
    });
    m_command->start();
}

void ProbeAttempt::onTimeout()
{
    switch (m_spec.kind) {
    case ProbeSpec::Kind::Tcp:
        finish(false, tr("no connection within %1 ms").arg(m_spec.timeoutMs));
        break;
    case ProbeSpec::Kind::Command:
        finish(false, tr("still running after %1 ms: killed").arg(m_spec.timeoutMs));
        break;
    default:
        finish(false, tr("no answer within %1 ms").arg(m_spec.timeoutMs));
        break;
    }
}

void ProbeAttempt::finish(bool passed, const QString &detail)
{
    if (m_done)
        return;
    abort();
    emit finished(passed, detail);
}

void ProbeAttempt::abort()
{
    m_done = true;
    m_timeout.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    releaseCommand();
}

// A command still running is SIGKILLed with its group; its QProcess lives on, without a parent,
// until it has been reaped (its destructor would wait for that).
void ProbeAttempt::releaseCommand()
{
    if (!m_command)
        return;
    QProcess *command = m_command;
    m_command = nullptr;
    command->disconnect(this);
    if (command->state() == QProcess::NotRunning) {
        command->deleteLater();
        return;
    }
    if (command->processId() > 0)
        ::kill(-pid_t(command->processId()), SIGKILL);
    command->setParent(nullptr);
    connect(command, &QProcess::finished, command, &QObject::deleteLater);
    connect(command, &QProcess::errorOccurred, command, &QObject::deleteLater);
}

#include "headlessrunner.h"

#include "controlserver.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "processmanager.h"
#include "procstats.h"
#include "signalnames.h"
#include "visibletext.h"
#include "terminationsignals.h"

#include <QCoreApplication>
#include <QSet>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessRunner)
};

} // namespace

struct HeadlessRunner::Entry
{
    ManagedProcess *process = nullptr;
    bool done = false;
};

HeadlessRunner::HeadlessRunner(QObject *parent)
    : QObject(parent)
    , m_manager(std::make_unique<ProcessManager>())
{
    auto out = std::make_unique<QFile>();
    out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    auto err = std::make_unique<QFile>();
    err->open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    m_output = out.get();
    m_error = err.get();
    m_stdout = std::move(out);
    m_stderr = std::move(err);
    m_printer.setColour(::isatty(STDOUT_FILENO) == 1 && qEnvironmentVariableIsEmpty("NO_COLOR")
                        && qgetenv("TERM") != "dumb");
    connect(m_manager.get(), &ProcessManager::processAdded, this, &HeadlessRunner::onProcessAdded);
    connect(m_manager.get(), &ProcessManager::processAboutToBeRemoved, this, &HeadlessRunner::onProcessAboutToBeRemoved);

    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        writeError(Msg::tr("timeout after %1 s: terminating every entry")
                       .arg(double(m_timeoutTimer.interval()) / 1000.0));
        stop(TimeoutExitCode);
    });
}

HeadlessRunner::~HeadlessRunner()
{
    m_signals.reset();
    // Entries still alive (the runner destroyed early) are killed by ManagedProcess' destructor.
    m_entries.clear();
    m_manager.reset();
}

int HeadlessRunner::exec(const CommandLine &commandLine)
{
    HeadlessRunner runner;
    if (!runner.load(commandLine.file))
        return BadFileExitCode;
    // Every ProcDeck serves its control socket; a folder refused for its permissions is a warning,
    // unless serving is what was asked for.
    ControlServer control(runner.manager(), ControlServer::Kind::Headless);
    control.setServing(commandLine.serve);
    runner.setServe(commandLine.serve);
    if (!control.listen(commandLine.file)) {
        runner.writeError(Msg::tr("control socket: %1").arg(control.errorString()));
        if (commandLine.serve)
            return BadFileExitCode;
    }
    connect(&control, &ControlServer::quitRequested, &runner, &HeadlessRunner::quit);
    QEventLoop loop;
    connect(&runner, &HeadlessRunner::finished, &loop, &QEventLoop::exit);
    runner.start(commandLine.timeoutMs.value_or(-1));
    return loop.exec();
}

void HeadlessRunner::setOutputDevice(QIODevice *device)
{
    m_output = device;
}

void HeadlessRunner::setErrorDevice(QIODevice *device)
{
    m_error = device;
}

void HeadlessRunner::setColour(bool colour)
{
    m_printer.setColour(colour);
}

void HeadlessRunner::setHandleSignals(bool handle)
{
    m_handleSignals = handle;
}

ProcessManager *HeadlessRunner::manager() const
{
    return m_manager.get();
}

bool HeadlessRunner::load(const QString &path)
{
    const SessionFile::LoadResult result = SessionFile::load(path);
    if (!result.ok()) {
        writeError(result.error);
        return false;
    }
    setSession(*result.session, QFileInfo(path).absolutePath());
    return true;
}

void HeadlessRunner::setSession(const Session &session, const QString &baseDirectory)
{
    m_manager->clear();
    m_entries.clear();
    m_manager->setBaseDirectory(baseDirectory);
    m_manager->addAll(session.processes); // each one tracked by onProcessAdded()
}

// Names come from the session file (or `ctl add`): the printer shows their control characters,
// never sends them to the terminal (VisibleText), whether or not stdout is one.
void HeadlessRunner::onProcessAdded(int row)
{
    auto entry = std::make_unique<Entry>();
    entry->process = m_manager->at(row);
    m_printer.addLog(entry->process->output(), entry->process->spec().name);
    m_entries.push_back(std::move(entry));
    if (m_running)
        track(m_entries.back()->process);
}

void HeadlessRunner::onProcessAboutToBeRemoved(int row)
{
    ManagedProcess *process = m_manager->at(row);
    flushOutput(true);
    m_printer.removeLog(process->output());
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                   [process](const auto &entry) { return entry->process == process; }),
                    m_entries.end());
    QMetaObject::invokeMethod(this, &HeadlessRunner::onProcessFinished, Qt::QueuedConnection);
}

void HeadlessRunner::track(ManagedProcess *process)
{
    connect(process->output(), &OutputLog::changed, this, [this] { flushOutput(); });
    connect(process, &ManagedProcess::finished, this, &HeadlessRunner::onProcessFinished);
    // A Waiting entry (restart scheduled) ends without another `finished` when a terminate
    // cancels its restart: its state change says so.
    connect(process, &ManagedProcess::stateChanged, this, &HeadlessRunner::onProcessFinished);
}

void HeadlessRunner::start(qint64 timeoutMs)
{
    m_running = true;
    // Orphans of the entries become ProcDeck's children (not init's), so that killLeftovers() can
    // find them at the end.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    if (m_handleSignals && !m_signals) {
        m_signals = std::make_unique<TerminationSignals>();
        connect(m_signals.get(), &TerminationSignals::received, this, &HeadlessRunner::onSignal);
    }
    for (const auto &entry : m_entries)
        track(entry->process);
    if (timeoutMs > 0) {
        m_timeoutTimer.setInterval(std::chrono::milliseconds(timeoutMs));
        m_timeoutTimer.start();
    }
    // In dependency order: an entry whose dependencies are not satisfied yet waits for them, with
    // a note ("waiting for db (ready)"), and one whose dependency failed says why it did not start.
    QList<ManagedProcess *> all;
    for (const auto &entry : m_entries)
        all.append(entry->process);
    m_manager->startAll(all);
    // Also when there is nothing to run, or every start failed at once: ends from the event loop.
    QMetaObject::invokeMethod(this, &HeadlessRunner::onProcessFinished, Qt::QueuedConnection);
}

void HeadlessRunner::stop(int status)
{
    if (m_finished)
        return;
    if (m_stopStatus < 0)
        m_stopStatus = status;
    m_timeoutTimer.stop();
    m_manager->terminateAll();
    QMetaObject::invokeMethod(this, &HeadlessRunner::onProcessFinished, Qt::QueuedConnection);
}

// The lines completed since the last call, in the order the header describes (OutputPrinter). An
// entry's open last line waits for its end: it is printed when it is complete, or at the very end
// (includeOpenLines) should a log still hold one. One buffer keeps its capacity between flushes.
void HeadlessRunner::flushOutput(bool includeOpenLines)
{
    QByteArray &out = m_buffer;
    out.resize(0);
    m_printer.collect(out, includeOpenLines);
    if (!out.isEmpty() && m_output)
        m_output->write(out); // a reader that went away is not an error of the session
}

void HeadlessRunner::onProcessFinished()
{
    if (!m_running || m_finished)
        return;
    bool allDone = m_manager->pendingStarts() == 0; // startAll() starts in slices
    for (const auto &entry : m_entries) {
        entry->done = entry->process->isSettled();
        allDone = allDone && entry->done;
    }
    flushOutput();
    if (allDone && (!m_serve || m_quitting || m_stopStatus >= 0))
        finish();
}

void HeadlessRunner::quit()
{
    if (m_finished)
        return;
    m_quitting = true;
    m_timeoutTimer.stop();
    m_manager->terminateAll();
    QMetaObject::invokeMethod(this, &HeadlessRunner::onProcessFinished, Qt::QueuedConnection);
}

void HeadlessRunner::setServe(bool serve)
{
    m_serve = serve;
}

void HeadlessRunner::onSignal(int signal)
{
    if (m_serve && signal == SIGHUP) {
        // The terminal went (or someone asked for a reload): a served session lives on.
        writeError(Msg::tr("SIGHUP ignored: serving until 'procdeck ctl quit', SIGINT or SIGTERM"));
        return;
    }
    if (++m_signalsSeen == 1) {
        writeError(Msg::tr("%1: terminating every entry (again to kill them at once)").arg(SignalNames::name(signal)));
        stop(128 + signal);
        return;
    }
    writeError(Msg::tr("%1 again: killing every entry").arg(SignalNames::name(signal)));
    for (ManagedProcess *process : m_manager->processes()) {
        if (process->isAlive())
            process->kill();
    }
}

void HeadlessRunner::finish()
{
    m_finished = true;
    m_running = false;
    m_timeoutTimer.stop();
    flushOutput(true);
    killLeftovers();
    m_signals.reset();
    const int status = exitStatus();
    QMetaObject::invokeMethod(this, [this, status] { emit finished(status); }, Qt::QueuedConnection);
}

void HeadlessRunner::killLeftovers()
{
    // An entry's child may leave processes behind (a grandchild in the background, a daemon that
    // called setsid()). start() made ProcDeck a child subreaper, so those were re-parented to
    // ProcDeck instead of init: every process still descending from ProcDeck belongs to the
    // session. Kill them all; repeat while killing uncovers more (a parent that forked meanwhile).
    // Descendants' PIDs cannot be reused under us: they stay reserved until ProcDeck reaps them.
    // A process killed in one round may still show as alive in the next (SIGKILL takes a moment):
    // it is signalled again but counted once.
    QSet<qint64> killed;
    for (int round = 0; round < 10; ++round) {
        const QList<qint64> pids = ProcStats::liveDescendants(::getpid());
        if (pids.isEmpty())
            break;
        for (const qint64 pid : pids) {
            if (::kill(pid_t(pid), SIGKILL) == 0)
                killed.insert(pid);
        }
    }
    if (!killed.isEmpty())
        writeError(Msg::tr("killed %n process(es) that the entries left behind", nullptr, int(killed.size())));
}

int HeadlessRunner::exitStatus() const
{
    if (m_stopStatus >= 0)
        return m_stopStatus;
    for (const auto &entry : m_entries) {
        const ManagedProcess *process = entry->process;
        switch (process->state()) {
        case ManagedProcess::State::FailedToStart:
            return FailedStartExitCode;
        case ManagedProcess::State::Blocked:
            return BlockedExitCode;
        case ManagedProcess::State::Killed:
            return 128 + std::abs(process->exitCode());
        case ManagedProcess::State::Exited:
            if (process->exitCode() != 0)
                return process->exitCode();
            break;
        default:
            break;
        }
    }
    return 0;
}

void HeadlessRunner::writeError(const QString &message)
{
    if (m_error)
        m_error->write((u"procdeck: "_s + VisibleText::visible(message) + u'\n').toUtf8());
}

#include "headlessrunner.h"

#include "managedprocess.h"
#include "outputlog.h"
#include "outputmergecursor.h"
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

// ANSI colours for the names, distinct on dark and light terminals.
constexpr const char *NameColours[] = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};

// A prefix per stream (Stdout, Stderr, Message) of one entry.
using Prefixes = std::array<QByteArray, 3>;

// One line as "prefix text\n": a plain line's bytes as they are, any other line's text as UTF-8.
void appendLine(QByteArray &out, const OutputLog &log, qint64 lineNumber, const Prefixes &prefixes,
                bool colour)
{
    if (const OutputLog::PlainText plain = log.plainLine(lineNumber); plain.plain) {
        out += prefixes[size_t(plain.stream)];
        out += plain.text;
        if (plain.continued)
            out += OutputLine::ContinuationMark.toUtf8();
        out += '\n';
        return;
    }
    const OutputLine &line = log.line(lineNumber);
    out += prefixes[size_t(line.stream)];
    out += line.text.toUtf8();
    if (line.continued)
        out += OutputLine::ContinuationMark.toUtf8();
    if (colour && line.stream == OutputStream::Message)
        out += "\x1b[0m";
    out += '\n';
}

} // namespace

struct HeadlessRunner::Entry
{
    ManagedProcess *process = nullptr;
    QByteArray name;           // padded to the widest name
    int colour = 0;
    qint64 next = 0;           // the first line number not printed yet
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
    m_colour = ::isatty(STDOUT_FILENO) == 1 && qEnvironmentVariableIsEmpty("NO_COLOR")
        && qgetenv("TERM") != "dumb";

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
    m_colour = colour;
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
    for (ManagedProcess *process : m_manager->addAll(session.processes)) {
        auto entry = std::make_unique<Entry>();
        entry->process = process;
        entry->colour = int(m_entries.size() % std::size(NameColours));
        m_entries.push_back(std::move(entry));
    }
    // Names come from the session file: their control characters are shown, never sent to the
    // terminal (VisibleText), whether or not stdout is one.
    std::vector<QString> names;
    m_nameWidth = 0;
    for (const auto &entry : m_entries) {
        names.push_back(VisibleText::visible(entry->process->spec().name));
        m_nameWidth = std::max(m_nameWidth, int(names.back().size()));
    }
    for (size_t i = 0; i < m_entries.size(); ++i)
        m_entries[i]->name = names[i].leftJustified(m_nameWidth).toUtf8();
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
    for (const auto &entry : m_entries) {
        Entry *e = entry.get();
        connect(e->process->output(), &OutputLog::changed, this, [this] { flushOutput(); });
        connect(e->process, &ManagedProcess::finished, this, &HeadlessRunner::onProcessFinished);
        // A Waiting entry (restart scheduled) ends without another `finished` when a terminate
        // cancels its restart: its state change says so.
        connect(e->process, &ManagedProcess::stateChanged, this, &HeadlessRunner::onProcessFinished);
    }
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

QByteArray HeadlessRunner::prefix(const Entry &entry, int stream) const
{
    const char *marker = stream == int(OutputStream::Stderr) ? " ! " : stream == int(OutputStream::Message) ? " * " : " | ";
    if (!m_colour)
        return entry.name + marker;
    QByteArray text = "\x1b[" + QByteArray(NameColours[entry.colour]) + 'm' + entry.name + "\x1b[0m";
    if (stream == int(OutputStream::Stderr))
        return text + " \x1b[1;31m!\x1b[0m ";
    if (stream == int(OutputStream::Message))
        return text + " \x1b[2m* ";
    return text + marker;
}

// The lines completed since the last call, walked with the merge cursor the output pane uses (see
// the header for the order this gives). An entry's open last line waits for its end: it is
// printed when it is complete, or at the very end (includeOpenLines) should a log still hold one.
void HeadlessRunner::flushOutput(bool includeOpenLines)
{
    const size_t count = m_entries.size();
    std::vector<const OutputLog *> logs(count);
    std::vector<qint64> from(count);
    std::vector<qint64> ends(count);
    for (size_t i = 0; i < count; ++i) {
        Entry &entry = *m_entries[i];
        const OutputLog *log = entry.process->output();
        logs[i] = log;
        entry.next = std::max(entry.next, log->firstLineNumber());
        from[i] = entry.next;
        ends[i] = log->endLineNumber() - (log->hasOpenLine() && !includeOpenLines ? 1 : 0);
    }

    // The prefixes once per flush, and one buffer that keeps its capacity: a flood is millions of
    // lines, and a plain line (the bulk of one) is copied as received, never converted.
    std::vector<Prefixes> prefixes(count);
    size_t pending = 0;
    size_t only = 0;
    for (size_t i = 0; i < count; ++i) {
        for (int stream = 0; stream < 3; ++stream)
            prefixes[i][size_t(stream)] = prefix(*m_entries[i], stream);
        if (from[i] < ends[i]) {
            ++pending;
            only = i;
        }
    }
    QByteArray &out = m_buffer;
    out.resize(0);
    if (pending == 1) {
        // One log has lines to print (a flood, or a quiet session): its order is the merge's, and
        // its stored runs of plain lines go out in bulk.
        for (qint64 n = from[only]; n < ends[only];) {
            const OutputLog::PlainLines run = logs[only]->plainRun(n, ends[only]);
            if (run.lines > 0) {
                appendPlainLines(out, run, prefixes[only][size_t(run.stream)]);
                n += run.lines;
            } else {
                appendLine(out, *logs[only], n++, prefixes[only], m_colour);
            }
        }
    } else {
        OutputMergeCursor cursor;
        for (cursor.start(logs, std::move(from), ends); !cursor.atEnd(); cursor.advance()) {
            const OutputRow row = cursor.row();
            appendLine(out, *logs[size_t(row.source)], row.line, prefixes[size_t(row.source)], m_colour);
        }
    }
    for (size_t i = 0; i < count; ++i)
        m_entries[i]->next = std::max(m_entries[i]->next, ends[i]);
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
    if (allDone)
        finish();
}

void HeadlessRunner::onSignal(int signal)
{
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

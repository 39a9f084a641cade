#include "logfilewriter.h"

#include "logfilesink.h"
#include "logging.h"
#include "managedprocess.h"
#include "outputlog.h"
#include "signalnames.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <utility>
#include <cerrno>
#include <climits>
#include <cstring>

using namespace Qt::StringLiterals;

LogFileWriter::LogFileWriter(ManagedProcess *process, const QString &path, const LogFileSpec &spec)
    : QObject(process)
    , m_process(process)
    , m_log(process->output())
    , m_path(path)
    , m_spec(spec)
    , m_maxBytes(qint64(std::max(0, spec.maxSizeMB)) * 1024 * 1024)
{
    m_next = m_log->endLineNumber() - (m_log->hasOpenLine() ? 1 : 0);
    // Direct: the lines are read before a later append can drop them at the log's bounds.
    connect(m_log, &OutputLog::changed, this, &LogFileWriter::readLines);
    connect(m_log, &OutputLog::cleared, this, [this] { m_next = m_log->firstLineNumber(); });
    connect(process, &ManagedProcess::finished, this, &LogFileWriter::runEnded);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogFileWriter::flush);
    m_fileSize = QFileInfo(path).size(); // appended to, as it is
    // Reported on the sink's thread; the note is made on this one (the sink ends before this does).
    m_sink = std::make_unique<LogFileSink>(path, spec.keep, [this](LogFileSink::Failure failure, int error) {
        QMetaObject::invokeMethod(this, [this, failure, error] { noteFailure(int(failure), error); },
                                  Qt::QueuedConnection);
    });
}

LogFileWriter::~LogFileWriter()
{
    flush();
    m_sink.reset(); // writes what is queued
}

void LogFileWriter::waitWritten()
{
    flush();
    m_sink->waitIdle();
}

QString LogFileWriter::filePath(const LogFileSpec &spec, const QString &baseDirectory, int replicaIndex)
{
    QString path = QDir(baseDirectory).absoluteFilePath(spec.path);
    if (replicaIndex > 0) {
        const qsizetype slash = path.lastIndexOf(u'/');
        const qsizetype dot = path.lastIndexOf(u'.');
        const QString number = u'-' + QString::number(replicaIndex);
        if (dot > slash + 1)
            path.insert(dot, number);
        else
            path += number;
    }
    return path;
}

bool LogFileWriter::writes(const QString &path, const LogFileSpec &spec) const
{
    return path == m_path && spec.maxSizeMB == m_spec.maxSizeMB && spec.keep == m_spec.keep;
}

// The lines completed since the last call (an open last line waits for its end).
void LogFileWriter::readLines()
{
    if (!m_log)
        return;
    const OutputLog &log = *m_log;
    const qint64 end = log.endLineNumber() - (log.hasOpenLine() ? 1 : 0);
    if (m_next < log.firstLineNumber()) {
        const qint64 lost = log.firstLineNumber() - m_next;
        m_next = log.firstLineNumber();
        const QString note = tr("%n line(s) dropped by the output's bounds before they were written here",
                                "", int(std::min<qint64>(lost, INT_MAX)));
        appendLine(prefix(QDateTime::currentMSecsSinceEpoch(), int(OutputStream::Message)), note.toUtf8(), false);
    }
    while (m_next < end) {
        if (const OutputLog::PlainLines run = log.plainRun(m_next, end); run.lines > 0) {
            noteRun(run.run, run.timeMs);
            appendPlainRun(run, prefix(run.timeMs, int(run.stream)));
            m_next += run.lines;
            continue;
        }
        if (const OutputLog::PlainText plain = log.plainLine(m_next); plain.plain) {
            noteRun(plain.run, plain.timeMs);
            appendLine(prefix(plain.timeMs, int(plain.stream)), plain.text, plain.continued);
        } else {
            const OutputLine &line = log.line(m_next);
            noteRun(line.run, line.timeMs);
            appendLine(prefix(line.timeMs, int(line.stream)), line.text.toUtf8(), line.continued);
        }
        ++m_next;
    }
    if (!m_buffer.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

// Whole plain lines stored together, each as "prefix text\n" (`\r\n` becomes `\n`).
void LogFileWriter::appendPlainRun(const OutputLog::PlainLines &run, const QByteArray &prefix)
{
    const QByteArrayView bytes = run.bytes;
    const qsizetype most = bytes.size() + qsizetype(run.lines) * prefix.size();
    const qint64 room = m_maxBytes - m_fileSize - m_buffer.size();
    if (m_maxBytes > 0 && most > room) { // rotates on the way: line by line
        for (const char *p = bytes.data(), *end = p + bytes.size(); p < end;) {
            const char *newline = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const qsizetype length = newline - p - (newline > p && newline[-1] == '\r' ? 1 : 0);
            appendLine(prefix, QByteArrayView(p, length), false);
            p = newline + 1;
        }
        return;
    }
    reserveRoom(most);
    appendPlainLines(m_buffer, run, prefix);
}

void LogFileWriter::appendLine(const QByteArray &prefix, QByteArrayView text, bool continued)
{
    static const QByteArray mark = OutputLine::ContinuationMark.toUtf8();
    reserveRoom(prefix.size() + text.size() + (continued ? mark.size() : 0) + 1);
    m_buffer += prefix;
    m_buffer += text;
    if (continued)
        m_buffer += mark;
    m_buffer += '\n';
}

void LogFileWriter::appendMarker(const QByteArray &text)
{
    reserveRoom(text.size() + 1);
    m_buffer += text;
    m_buffer += '\n';
}

// A line of a run not marked yet: its start marker first. A new run tries a failed file again.
void LogFileWriter::noteRun(int run, qint64 timeMs)
{
    if (run <= m_markedRun)
        return;
    m_markedRun = run;
    m_sink->retry();
    const qint64 pid = m_process && m_process->runCount() == run ? m_process->pid() : 0;
    QByteArray marker = "==== run " + QByteArray::number(run) + " started " + timeStamp(timeMs);
    if (pid > 0)
        marker += " PID " + QByteArray::number(pid);
    appendMarker(marker + " ====");
}

void LogFileWriter::runEnded()
{
    readLines();
    if (!m_process)
        return;
    const int run = m_process->runCount();
    noteRun(run, QDateTime::currentMSecsSinceEpoch());
    QByteArray how;
    switch (m_process->lastRunEnd()) {
    case ManagedProcess::State::FailedToStart:
        how = "failed to start";
        break;
    case ManagedProcess::State::Killed:
        how = SignalNames::name(-m_process->exitCode()).toUtf8() + ", exit " + QByteArray::number(m_process->exitCode());
        break;
    default:
        how = "exit " + QByteArray::number(m_process->exitCode());
        break;
    }
    appendMarker("==== run " + QByteArray::number(run) + " ended: " + how + " ====");
    flush();
}

QByteArray LogFileWriter::prefix(qint64 timeMs, int stream)
{
    const char *marker = stream == int(OutputStream::Stderr) ? " ! " : stream == int(OutputStream::Message) ? " * " : " | ";
    return timeStamp(timeMs) + marker;
}

// Local time, ISO-8601 with milliseconds; converted once per second.
QByteArray LogFileWriter::timeStamp(qint64 timeMs)
{
    const qint64 second = timeMs >= 0 ? timeMs / 1000 : (timeMs - 999) / 1000;
    if (second != m_stampSecond) {
        m_stampSecond = second;
        m_stamp = QDateTime::fromMSecsSinceEpoch(second * 1000).toString(u"yyyy-MM-dd'T'HH:mm:ss."_s).toUtf8();
    }
    const int ms = int(timeMs - second * 1000);
    const char digits[3] = {char('0' + ms / 100), char('0' + ms / 10 % 10), char('0' + ms % 10)};
    QByteArray stamp = m_stamp;
    stamp.append(digits, 3);
    return stamp;
}

// Room for `bytes` more of whole lines: the file rotates first when they would take it past the
// limit (a line alone longer than the limit gets a file to itself); a full buffer is posted.
void LogFileWriter::reserveRoom(qsizetype bytes)
{
    const qint64 used = m_fileSize + m_buffer.size();
    if (m_maxBytes > 0 && used > 0 && used + bytes > m_maxBytes) {
        postBuffer();
        m_sink->rotate();
        m_fileSize = 0;
    } else if (m_buffer.size() + bytes > FlushBytes) {
        postBuffer();
    }
}

void LogFileWriter::postBuffer()
{
    m_fileSize += m_buffer.size();
    m_sink->write(std::exchange(m_buffer, QByteArray()));
}

void LogFileWriter::flush()
{
    m_flushTimer.stop();
    if (!m_buffer.isEmpty())
        postBuffer();
}

// Once until the next run (the sink drops what follows a failure): a note in the entry's output,
// and the entry runs on.
void LogFileWriter::noteFailure(int failure, int error)
{
    QString what;
    switch (LogFileSink::Failure(failure)) {
    case LogFileSink::Failure::CreateFolder:
        what = tr("cannot create its folder");
        break;
    case LogFileSink::Failure::Open:
        what = tr("cannot open it");
        break;
    case LogFileSink::Failure::Write:
        what = tr("cannot write to it");
        break;
    case LogFileSink::Failure::Rotate:
        what = tr("cannot rotate it");
        break;
    }
    const QString note = tr("log file %1: %2 (%3); this run's output is not written to it")
                             .arg(QDir::toNativeSeparators(m_path), what, QString::fromLocal8Bit(std::strerror(error)));
    qCWarning(lcOutput) << note;
    if (m_log)
        m_log->appendMessage(note);
}

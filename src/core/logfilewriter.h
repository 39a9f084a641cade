#pragma once

#include "outputlog.h"
#include "stackspec.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

class LogFileSink;
class ManagedProcess;

// An entry's output also written to a file (the spec's `log`, LogFileSpec), so that it outlives
// the window. Every line as the headless runner prints it, after a local ISO-8601 time stamp with
// milliseconds: `2026-12-05T21:04:05.123 | text` (stdout), `… ! text` (stderr), `… * note`
// (ProcDeck's notes), and each run between
//   ==== run 3 started 2026-12-05T21:04:05.123 PID 4242 ====
//   ==== run 3 ended: exit 1 ====
//
// Where lines come from: the OutputLog's changed(), read at once (a direct connection, before a
// later append can drop them at the log's bounds), into a buffer that is handed to the file's own
// thread (LogFileSink) at least every FlushIntervalMs, when FlushBytes wait, at the end of each
// run and when the writer goes (ProcDeck exits: the thread writes what it holds first). A line the bounds dropped before it could be read (only when one
// append alone holds more than the log keeps) is a note with the count, never a silent gap.
//
// Rotation (maxSizeMB): the writer counts the bytes; when the next line would take the file past
// the limit, the buffer's lines up to it are written, PATH.keep-1 … PATH.1 become PATH.keep … PATH.2 (the oldest is
// replaced), PATH becomes PATH.1 (rename(2): atomic), and a new PATH is opened. Rotation happens
// between lines only, every write is O_APPEND, and a line is in the buffer or in exactly one
// file, so no line is split, lost or written twice; a crash between the rename and the reopen
// leaves everything written in PATH.1.
//
// Errors are notes in the entry's output, once, and the entry keeps running: a missing folder is
// created, a file that cannot be opened, written or rotated (permissions, a full disk) stops the
// writing until the next run, which tries again.
class LogFileWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFileWriter)

public:
    static constexpr int FlushIntervalMs = 200;
    static constexpr qsizetype FlushBytes = 1024 * 1024;

    // Writes `process`'s output from its next line on (a child of `process`).
    LogFileWriter(ManagedProcess *process, const QString &path, const LogFileSpec &spec);
    ~LogFileWriter() override; // writes what waits

    // The file an entry writes: `spec.path` against the session's folder, and for a copy of a
    // replicated entry its number before the extension ("logs/api.log" → "logs/api-2.log").
    static QString filePath(const LogFileSpec &spec, const QString &baseDirectory, int replicaIndex);

    QString path() const { return m_path; }
    bool writes(const QString &path, const LogFileSpec &spec) const;
    // Hands the buffered lines to the file's thread now (also done by the timer).
    void flush();
    // flush(), then waits until the file's thread has written everything (tests, benchmarks).
    void waitWritten();

private:
    void readLines();
    void appendPlainRun(const OutputLog::PlainLines &run, const QByteArray &prefix);
    void appendLine(const QByteArray &prefix, QByteArrayView text, bool continued);
    void appendMarker(const QByteArray &text);
    void noteRun(int run, qint64 timeMs);
    void runEnded();
    QByteArray prefix(qint64 timeMs, int stream);
    QByteArray timeStamp(qint64 timeMs);
    void reserveRoom(qsizetype bytes);
    void postBuffer();
    void noteFailure(int failure, int error);

    QPointer<ManagedProcess> m_process;
    QPointer<OutputLog> m_log;
    QString m_path;
    LogFileSpec m_spec;
    qint64 m_maxBytes = 0;
    std::unique_ptr<LogFileSink> m_sink; // the file, on a thread of its own
    qint64 m_fileSize = 0;    // bytes in PATH once the sink has written what it was given
    qint64 m_next = 0;        // the log's next line to write
    int m_markedRun = 0;      // the run whose start marker was written
    QByteArray m_buffer;      // whole lines, not yet written
    QTimer m_flushTimer;
    qint64 m_stampSecond = -1; // the second m_stamp is for
    QByteArray m_stamp;        // "yyyy-MM-ddTHH:mm:ss."
};

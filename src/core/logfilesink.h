#pragma once

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

// The file side of a LogFileWriter: opening, writing and rotating the file, in order, on a thread
// of its own, so that a slow disk (or the kernel throttling a flood of dirty pages: a 1 MiB write
// took up to 80 ms in bench/logfile_flood) never stalls the window. The writer decides what is
// written and when to rotate (it counts the bytes); the sink only carries it out.
//
// Every operation is O_APPEND writes and rename(2): see LogFileWriter for why that loses, splits
// and repeats no line. A failure (open, write, rotate) is reported once through `report` (called
// on the sink's thread) and what follows is dropped until retry(). Posting waits while more than
// MaxBacklog bytes are queued: the window slows to the disk's pace rather than holding a flood in
// memory.
class LogFileSink final
{
public:
    static constexpr qsizetype MaxBacklog = 32 * 1024 * 1024;
    // `what` (translated by the caller's context) and errno.
    enum class Failure { CreateFolder, Open, Write, Rotate };
    using Report = std::function<void(Failure failure, int error)>;

    LogFileSink(const QString &path, int keep, Report report);
    ~LogFileSink(); // writes what is queued, then ends the thread
    Q_DISABLE_COPY_MOVE(LogFileSink)

    void write(QByteArray bytes);
    // PATH.keep-1 … PATH.1 move up one (PATH.keep, the oldest, is replaced), PATH becomes PATH.1,
    // a new PATH is opened; with keep 0 the old PATH is deleted.
    void rotate();
    // After a failure: try again (a new run).
    void retry();
    // Blocks until everything posted so far is done (tests, benchmarks).
    void waitIdle();

private:
    enum class Op { Write, Rotate, Retry, Stop };
    void post(Op op, QByteArray bytes = {});
    void run();
    bool open();
    void doWrite(const QByteArray &bytes);
    void doRotate();
    void fail(Failure failure, int error);

    const QByteArray m_path;
    const int m_keep;
    const Report m_report;

    std::mutex m_mutex;
    std::condition_variable m_wake;    // the thread: work; posters: room or idle
    std::deque<std::pair<Op, QByteArray>> m_queue;
    qsizetype m_queuedBytes = 0;
    bool m_busy = false;               // the thread is carrying out an operation

    // The thread's own.
    int m_fd = -1;
    bool m_failed = false;
    std::thread m_thread;              // last: started when the rest is set up
};

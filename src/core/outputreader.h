#pragma once

#include "outputtypes.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <memory>

class OutputBlock;
class QObject;
struct OutputScan;

// Receives what an OutputReader read from one entry's pipes, on the reader's owner thread, in
// the order the reads happened (across every entry of the reader).
class OutputReceiver
{
public:
    // Bytes as read from the pipe: any length, lines may begin in one call and end in the next.
    // They lie in `block`, which the receiver may keep a reference to (OutputBlockRef) and read
    // them there later: the reader never writes them again. A stream's consecutive reads are
    // contiguous in its block until the reader starts a new one. `scan` says what the bytes are
    // (OutputScan), found on the I/O thread right after the read.
    virtual void receiveOutput(OutputStream stream, QByteArrayView bytes, OutputBlock *block,
                               const OutputScan &scan) = 0;
    // Both pipes are at their end (end of file, EIO of a pseudo-terminal master whose slave side
    // is closed, or closed by OutputReader::finish()): nothing more comes for this source.
    virtual void outputEnded() = 0;

protected:
    ~OutputReceiver() = default;
};

// The I/O thread that reads the children's stdout and stderr pipes, off the GUI thread. One thread
// for every entry: epoll over every pipe, large reads (256 KiB, up to a 1 MiB pipe-full per
// wake-up) into blocks that are handed to the owner thread without a copy. Each stream has a
// block of its own (OutputBlock: 64 KiB first, doubling up to `blockSize`), so its bytes are
// contiguous and a log can keep its lines in the block where the kernel put them.
//
// Threads and ownership (read this before touching a member):
// * The reader is created, used and destroyed on one thread, its owner (the GUI thread; for
//   `instance()` the thread that first asks). add(), finish(), remove() and every OutputReceiver
//   call happen there. The receivers map is the owner's alone.
// * The I/O thread owns the descriptors it was given (it reads and closes them) and its pipe table.
//   It reaches the owner only through the shared queue below and one queued invocation on a
//   private QObject that lives on the owner thread (no QObject is used from the I/O thread).
// * The shared part (records read but not delivered, requests for the I/O thread) is guarded by
//   one mutex. A block's bytes are written by the I/O thread before the record naming them is
//   queued, and read by the owner only after it took that record: the mutex orders the two. The
//   I/O thread only ever writes after the bytes it handed out.
//
// Delivery: at most one delivery is pending at a time for the whole reader (coalesced: never one
// event per read). A delivery hands the queued records to the receivers in arrival order, at most
// DeliveryBudgetMs of work per event-loop turn, and queues itself again if more is left, so the
// window's input and paint events get their turn between deliveries. After a delivery of a flood
// (64 KiB or more, or one less than 2 ms after the previous) the next one comes 2 ms later on a
// timer, and the reads meanwhile wake nobody: the owner thread is woken once per interval instead
// of once per read.
// Memory: at most blockSize × maxBlocks bytes are in flight (read, not delivered). When the owner
// has not taken them, the I/O thread stops reading (the children block on their full pipes):
// back-pressure replaces the flood budget that bounded reading on the GUI thread. Blocks kept by
// receivers are theirs to bound (the logs' budgets).
// End: outputEnded() comes after the source's last bytes, so "everything of this run was
// delivered" is known exactly.
class OutputReader final
{
    Q_DISABLE_COPY_MOVE(OutputReader)

public:
    using Id = quint64;
    static constexpr qsizetype DefaultBlockSize = 2 * 1024 * 1024;
    static constexpr int DefaultMaxBlocks = 8;
    static constexpr int DeliveryBudgetMs = 4;

    // A reader with its own thread; blocks of up to `blockSize` bytes, at most blockSize × maxBlocks
    // bytes in flight.
    explicit OutputReader(qsizetype blockSize = DefaultBlockSize, int maxBlocks = DefaultMaxBlocks);
    // Stops the thread; every descriptor still held is closed, nothing more is delivered.
    ~OutputReader();

    // The program's reader, created on first use (on the GUI thread); stopped when the
    // application object is destroyed (then add() closes what it is given and delivers nothing).
    static OutputReader &instance();

    // Reads `fds` (0: stdout, 1: stderr; non-blocking read ends, -1 for none) from now on, and takes
    // them over: they are closed by the reader. `receiver` must stay valid until remove(), or
    // until outputEnded() was called.
    Id add(const int fds[2], OutputReceiver *receiver);
    // Reads what the pipes hold now, then closes them even if a writer still holds them (a
    // grandchild that kept stdout): outputEnded() follows the last of it.
    void finish(Id id);
    // No more calls for `id`; its descriptors are closed. Bytes read but not delivered are dropped.
    void remove(Id id);

    // Bytes read and not delivered yet (for tests and benchmarks).
    qint64 bytesInFlight() const;
    // How often the I/O thread has woken from epoll_wait() (for tests and benchmarks).
    quint64 wakeUps() const;

private:
    struct Shared;
    void deliver();

    std::unique_ptr<Shared> d;
};

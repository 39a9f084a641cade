#include "outputreader.h"

#include "bytescan.h"
#include "outputblock.h"
#include "outputdecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

// A source's first block; each next one is twice as large, up to the reader's block size, so a
// quiet entry holds a small block and a flooding one reads 256 KiB at a time into 2 MiB blocks.
constexpr qsizetype FirstBlockSize = 64 * 1024;
// One read at most: the owner takes a read whole, so this is also the granularity of its time
// budget (a 256 KiB read takes well under a millisecond to take in).
constexpr qsizetype MaxReadSize = 256 * 1024;
// Reads of one pipe per wake-up before the other ready pipes get theirs: a 1 MiB pipe-full.
constexpr int MaxReadsPerWakeup = 4;
// What a delivery takes from the queue at once, between two looks at the clock.
// A pseudo-terminal's reads are 4 KiB: the record count bounds a take as well as the bytes.
constexpr qsizetype MaxBytesPerTake = 512 * 1024;
constexpr size_t MaxRecordsPerTake = 32;
// A delivery that handed over at least FloodBytes, or came less than FloodIntervalMs after the
// previous one, was part of a flood: the next one is FloodIntervalMs later, and the reads
// meanwhile post nothing (the owner thread is woken once per interval, not once per read: a
// pseudo-terminal's reads are 4 KiB). Output that comes now and then is delivered at once.
constexpr qint64 FloodBytes = 64 * 1024;
constexpr int FloodIntervalMs = 2;

// Bytes of one read, or (block == nullptr) the end of a source. A queued record holds a reference
// to its block.
struct Record
{
    OutputReader::Id id = 0;
    int stream = 0;
    OutputBlock *block = nullptr;
    qsizetype offset = 0;
    qsizetype length = 0;
    OutputScan scan;
};

// The read's lines, looked at while the kernel's copy of them is still in the cache.
OutputScan scanRead(const char *p, qsizetype size)
{
    constexpr qsizetype maxLine = OutputDecoder::MaxLineLength;
#ifdef PROCDECK_BYTESCAN_AVX2
    static const bool haveAvx2 = __builtin_cpu_supports("avx2");
    const ByteScan::PlainLines lines = haveAvx2 ? ByteScan::scanPlainLinesAvx2(p, size, maxLine)
                                                : ByteScan::scanPlainLines(p, size, maxLine);
#else
    const ByteScan::PlainLines lines = ByteScan::scanPlainLines(p, size, maxLine);
#endif
    return {lines.plain, lines.newlines, lines.first, lines.last};
}

struct Request
{
    enum Kind { Add, Finish, Remove } kind = Add;
    OutputReader::Id id = 0;
    int fds[2] = {-1, -1};
};

// One source as the I/O thread sees it. Each stream reads into a block of its own, so that a
// stream's bytes are contiguous in it (a log can keep lines in the block as they are).
struct Pipe
{
    OutputReader::Id id = 0;
    int fds[2] = {-1, -1};
    OutputBlock *blocks[2] = {nullptr, nullptr}; // the I/O thread's reference
    qsizetype used[2] = {0, 0};                  // bytes of the block read into
    qsizetype nextSize[2] = {FirstBlockSize, FirstBlockSize};
    bool finishing = false; // close each pipe at its first "empty"

    ~Pipe()
    {
        for (OutputBlock *block : blocks) {
            if (block)
                block->deref();
        }
    }
};

enum class ReadResult { Full, Short, Empty, Closed, NoRoom };

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

struct OutputReader::Shared
{
    OutputReader *reader = nullptr;
    qsizetype blockSize = DefaultBlockSize;
    qint64 maxQueued = qint64(DefaultBlockSize) * DefaultMaxBlocks;

    // Guarded by `mutex`.
    std::mutex mutex;
    std::condition_variable wake; // the I/O thread, waiting for room in flight or a request
    std::deque<Record> queue;
    qint64 queuedBytes = 0; // read and not delivered yet: at most maxQueued
    std::vector<Request> requests;
    bool deliveryPending = false;
    bool stopping = false;
    bool ioWaiting = false;

    // The owner thread's.
    std::unique_ptr<QObject> context; // lives on the owner thread; deliveries are queued on it
    std::unordered_map<Id, OutputReceiver *> receivers;
    Id nextId = 1;
    bool delivering = false;
    QElapsedTimer lastDelivery; // the end of the last delivery that handed bytes over

    // The I/O thread's (and the destructor's, after the join).
    int epollFd = -1;
    int wakeFd = -1;
    std::unordered_map<Id, std::unique_ptr<Pipe>> pipes;
    std::vector<Id> finishing;
    std::thread thread;
    std::atomic<quint64> wakeUps{0};

    void request(const Request &request);
    void run();
    bool waitForWork();
    void apply(const Request &request);
    void addPipe(const Request &request);
    void drainFinishing();
    void readReady(const epoll_event &event);
    void readAvailable(Pipe &pipe, int stream);
    ReadResult readOnce(Pipe &pipe, int stream);
    void closePipe(Pipe &pipe, int stream);
    void unwatch(int &fd);
    qint64 roomInFlight();
    void publish(const Record &record);
};

OutputReader::OutputReader(qsizetype blockSize, int maxBlocks)
    : d(std::make_unique<Shared>())
{
    d->reader = this;
    d->blockSize = std::max(blockSize, FirstBlockSize);
    d->maxQueued = qint64(d->blockSize) * std::max(maxBlocks, 1);
    d->context = std::make_unique<QObject>();
    d->epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    d->wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = 0; // ids start at 1: 0 is the wake-up
    ::epoll_ctl(d->epollFd, EPOLL_CTL_ADD, d->wakeFd, &event);
    d->thread = std::thread([shared = d.get()] { shared->run(); });
}

OutputReader::~OutputReader()
{
    {
        const std::lock_guard lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_one();
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(d->wakeFd, &one, sizeof one);
    d->thread.join();
    for (auto &[id, pipe] : d->pipes) {
        closeFd(pipe->fds[0]);
        closeFd(pipe->fds[1]);
    }
    for (Request &request : d->requests) {
        closeFd(request.fds[0]);
        closeFd(request.fds[1]);
    }
    for (const Record &record : d->queue) {
        if (record.block)
            record.block->deref();
    }
    closeFd(d->epollFd);
    closeFd(d->wakeFd);
}

OutputReader &OutputReader::instance()
{
    static OutputReader *reader = nullptr;
    if (!reader) {
        reader = new OutputReader;
        // Before the application object is gone, so that no delivery is queued for a dead loop.
        if (QCoreApplication::instance()) {
            qAddPostRoutine([] {
                delete reader;
                reader = nullptr;
            });
        }
    }
    return *reader;
}

OutputReader::Id OutputReader::add(const int fds[2], OutputReceiver *receiver)
{
    const Id id = d->nextId++;
    d->receivers.emplace(id, receiver);
    d->request({Request::Add, id, {fds[0], fds[1]}});
    return id;
}

void OutputReader::finish(Id id)
{
    if (d->receivers.count(id))
        d->request({Request::Finish, id, {-1, -1}});
}

void OutputReader::remove(Id id)
{
    if (d->receivers.erase(id))
        d->request({Request::Remove, id, {-1, -1}});
}

qint64 OutputReader::bytesInFlight() const
{
    const std::lock_guard lock(d->mutex);
    return d->queuedBytes;
}

quint64 OutputReader::wakeUps() const
{
    return d->wakeUps.load(std::memory_order_relaxed);
}

// On the owner thread: the queued records to their receivers, in order, for at most
// DeliveryBudgetMs; then again from the event loop if more is left.
void OutputReader::deliver()
{
    Shared &s = *d;
    if (s.delivering)
        return; // a receiver ran an event loop: the outer call goes on
    s.delivering = true;
    QElapsedTimer clock;
    clock.start();
    std::vector<Record> batch;
    qint64 handedOver = 0;
    for (;;) {
        {
            const std::lock_guard lock(s.mutex);
            if (s.queue.empty()) {
                const bool flood = handedOver >= FloodBytes
                    || (handedOver > 0 && s.lastDelivery.isValid() && s.lastDelivery.elapsed() < FloodIntervalMs);
                if (handedOver > 0)
                    s.lastDelivery.start();
                if (flood) // still pending: the next look comes on the timer
                    QTimer::singleShot(FloodIntervalMs, Qt::PreciseTimer, s.context.get(), [this] { deliver(); });
                else
                    s.deliveryPending = false;
                break;
            }
            if (clock.elapsed() >= DeliveryBudgetMs) {
                QMetaObject::invokeMethod(s.context.get(), [this] { deliver(); }, Qt::QueuedConnection);
                break;
            }
            qsizetype taken = 0;
            for (size_t records = 0; !s.queue.empty() && taken < MaxBytesPerTake && records < MaxRecordsPerTake;
                 ++records) {
                taken += s.queue.front().length;
                batch.push_back(s.queue.front());
                s.queue.pop_front();
            }
        }
        for (const Record &record : batch) {
            const auto it = s.receivers.find(record.id);
            if (it == s.receivers.end())
                continue; // removed meanwhile
            if (!record.block) {
                OutputReceiver *receiver = it->second;
                s.receivers.erase(it);
                receiver->outputEnded();
                continue;
            }
            const OutputStream stream = record.stream == 1 ? OutputStream::Stderr : OutputStream::Stdout;
            it->second->receiveOutput(stream, QByteArrayView(record.block->data() + record.offset,
                                                              record.length),
                                      record.block, record.scan);
        }
        qint64 delivered = 0;
        for (const Record &record : batch) {
            if (record.block) {
                delivered += record.length;
                record.block->deref();
            }
        }
        batch.clear();
        handedOver += delivered;
        const std::lock_guard lock(s.mutex);
        s.queuedBytes -= delivered;
        if (s.ioWaiting && delivered > 0)
            s.wake.notify_one();
    }
    s.delivering = false;
}

// ---- Shared: both sides -------------------------------------------------------------------------

void OutputReader::Shared::request(const Request &r)
{
    {
        const std::lock_guard lock(mutex);
        requests.push_back(r);
    }
    wake.notify_one();
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wakeFd, &one, sizeof one);
}

// ---- The I/O thread -----------------------------------------------------------------------------

void OutputReader::Shared::run()
{
    // Signals are the main thread's business (TerminationSignals, the child reaping).
    sigset_t all;
    ::sigfillset(&all);
    ::pthread_sigmask(SIG_BLOCK, &all, nullptr);
    epoll_event events[64];
    while (waitForWork()) {
        drainFinishing();
        // After a flood, the pool's blocks (given back by the logs on the GUI thread, perhaps while
        // this thread waits) go back to the system once a second passes without a read: an idle
        // ProcDeck does not keep them. One wake-up a second when idle.
        const int count = ::epoll_wait(epollFd, events, int(std::size(events)), 1000);
        wakeUps.fetch_add(1, std::memory_order_relaxed);
        if (count == 0 && OutputBlock::pooledBlocks() > 0)
            OutputBlock::releasePool();
        for (int i = 0; i < count; ++i) {
            if (events[i].data.u64 == 0) {
                quint64 value;
                [[maybe_unused]] const ssize_t n = ::read(wakeFd, &value, sizeof value);
                continue;
            }
            if (roomInFlight() <= 0)
                break; // back-pressure: the rest stay ready (level-triggered) for later
            readReady(events[i]);
        }
    }
}

// Applies the owner's requests; waits while the bytes in flight are at their bound (the pipes are
// not read then, so the children block on them). False when the reader stops.
bool OutputReader::Shared::waitForWork()
{
    std::unique_lock lock(mutex);
    for (;;) {
        if (stopping)
            return false;
        if (!requests.empty()) {
            std::vector<Request> taken;
            taken.swap(requests);
            lock.unlock();
            for (const Request &r : taken)
                apply(r);
            lock.lock();
            continue;
        }
        if (queuedBytes < maxQueued)
            return true;
        ioWaiting = true;
        wake.wait(lock);
        ioWaiting = false;
    }
}

void OutputReader::Shared::apply(const Request &r)
{
    if (r.kind == Request::Add) {
        addPipe(r);
        return;
    }
    const auto it = pipes.find(r.id);
    if (it == pipes.end())
        return; // ended already
    if (r.kind == Request::Finish) {
        it->second->finishing = true;
        finishing.push_back(r.id);
        return;
    }
    for (int &fd : it->second->fds)
        unwatch(fd);
    pipes.erase(it);
}

void OutputReader::Shared::addPipe(const Request &r)
{
    auto pipe = std::make_unique<Pipe>();
    pipe->id = r.id;
    for (int stream = 0; stream < 2; ++stream) {
        pipe->fds[stream] = r.fds[stream];
        if (r.fds[stream] < 0)
            continue;
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = r.id * 2 + quint64(stream);
        if (::epoll_ctl(epollFd, EPOLL_CTL_ADD, r.fds[stream], &event) != 0)
            closeFd(pipe->fds[stream]);
    }
    Pipe &added = *pipe;
    pipes.emplace(r.id, std::move(pipe));
    if (added.fds[0] < 0 && added.fds[1] < 0)
        closePipe(added, 0); // nothing to read: ended at once
}

// Pipes asked to finish: read until empty, then closed. A pipe that cannot be read for
// back-pressure stays in the list until it can.
void OutputReader::Shared::drainFinishing()
{
    std::vector<Id> waiting;
    for (const Id id : finishing) {
        ReadResult result = ReadResult::Full;
        for (int stream = 0; stream < 2 && result != ReadResult::NoRoom; ++stream) {
            result = ReadResult::Full;
            // Looked up again after every read: the last close erases the Pipe.
            for (auto it = pipes.find(id); it != pipes.end() && it->second->fds[stream] >= 0;
                 it = pipes.find(id)) {
                result = readOnce(*it->second, stream);
                if (result == ReadResult::NoRoom)
                    break;
            }
        }
        if (result == ReadResult::NoRoom)
            waiting.push_back(id);
    }
    finishing.swap(waiting);
}

void OutputReader::Shared::readReady(const epoll_event &event)
{
    const Id id = event.data.u64 / 2;
    const int stream = int(event.data.u64 % 2);
    const auto it = pipes.find(id);
    if (it == pipes.end() || it->second->fds[stream] < 0)
        return;
    Pipe &pipe = *it->second;
    // Stderr is ready: what the program wrote to stdout before it is read first. With stdout on a
    // pseudo-terminal this matters: the kernel moves pty output to the master's side from a work
    // queue, so stdout's bytes can be later to show than stderr's written after them on a plain
    // pipe; a read of the master runs that pending work first (n_tty), which restores the order.
    if (stream == 1 && pipe.fds[0] >= 0)
        readAvailable(pipe, 0); // stream 1 stays open: `pipe` stays valid
    readAvailable(pipe, stream);
}

void OutputReader::Shared::readAvailable(Pipe &pipe, int stream)
{
    for (int i = 0; i < MaxReadsPerWakeup; ++i) {
        if (readOnce(pipe, stream) != ReadResult::Full)
            return; // Short: most likely empty now, and epoll says so if not
    }
}

// One read into the stream's block (a new one when too little is left in it). Closed: end of
// file, or an error such as EIO from a pseudo-terminal master whose slave side is closed (nothing
// more can come either way); the pipe (and, with its second stream gone, the Pipe itself) is then
// gone.
ReadResult OutputReader::Shared::readOnce(Pipe &pipe, int stream)
{
    const qint64 allowed = roomInFlight();
    if (allowed <= 0)
        return ReadResult::NoRoom;
    OutputBlock *&block = pipe.blocks[stream];
    qsizetype &used = pipe.used[stream];
    if (!block || block->capacity() - used < block->capacity() / 16) {
        if (block)
            block->deref(); // a log may still hold it
        block = OutputBlock::create(pipe.nextSize[stream]);
        used = 0;
        pipe.nextSize[stream] = std::min(2 * pipe.nextSize[stream], blockSize);
    }
    const qsizetype room = qsizetype(std::min<qint64>({block->capacity() - used, MaxReadSize, allowed}));
    ssize_t n;
    do {
        n = ::read(pipe.fds[stream], block->data() + used, size_t(room));
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        publish({pipe.id, stream, block, used, qsizetype(n), scanRead(block->data() + used, qsizetype(n))});
        used += n;
        return n == room ? ReadResult::Full : ReadResult::Short;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && !pipe.finishing)
        return ReadResult::Empty;
    closePipe(pipe, stream);
    return ReadResult::Closed;
}

// Closes one stream; when both are closed the source ends: its end record is queued after its
// last bytes and the Pipe is erased (`pipe` is dangling then).
void OutputReader::Shared::closePipe(Pipe &pipe, int stream)
{
    unwatch(pipe.fds[stream]);
    if (pipe.blocks[stream]) {
        pipe.blocks[stream]->deref();
        pipe.blocks[stream] = nullptr;
    }
    if (pipe.fds[0] >= 0 || pipe.fds[1] >= 0)
        return;
    const Id id = pipe.id;
    pipes.erase(id);
    publish({id, -1, nullptr, 0, 0, {}});
}

// Out of the epoll set, then closed. Closing alone is not enough: epoll watches the open file, not
// the descriptor, and another descriptor of it (a pseudo-terminal master that ChildProcess keeps
// for the window size and input) keeps it watched; level-triggered, a hung-up master would then
// be reported again and again, and the thread would spin.
void OutputReader::Shared::unwatch(int &fd)
{
    if (fd >= 0)
        ::epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, nullptr);
    closeFd(fd);
}

// How many more bytes may be read before the owner takes some.
qint64 OutputReader::Shared::roomInFlight()
{
    const std::lock_guard lock(mutex);
    return maxQueued - queuedBytes;
}

void OutputReader::Shared::publish(const Record &record)
{
    bool post = false;
    {
        const std::lock_guard lock(mutex);
        if (record.block) {
            record.block->ref();
            queuedBytes += record.length;
        }
        queue.push_back(record);
        post = !deliveryPending;
        deliveryPending = true;
    }
    if (post) {
        OutputReader *owner = reader;
        QMetaObject::invokeMethod(context.get(), [owner] { owner->deliver(); }, Qt::QueuedConnection);
    }
}

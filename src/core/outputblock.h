#pragma once

#include <QtGlobal>

#include <atomic>
#include <utility>

// A block of bytes read from a child's pipe, shared between the OutputReader that fills it (on
// its I/O thread) and the logs that keep lines in it (on the GUI thread), so that a flood's bytes
// are copied once, by the kernel, and never again. Reference-counted, from any thread; the bytes
// a reader has handed out are never written again, the bytes after them belong to the reader.
// A block of the standard size (2 MiB) is aligned to 2 MiB and asks for a transparent huge page
// (MADV_HUGEPAGE): a flood's fresh memory then costs one page fault per block, not 512. Such a
// block that is no longer referenced goes back to a small pool, so that a flood reuses memory
// whose pages are already there.
class OutputBlock final
{
    Q_DISABLE_COPY_MOVE(OutputBlock)

public:
    static constexpr qsizetype PooledSize = 2 * 1024 * 1024;

    // A block of `capacity` bytes with one reference, the caller's.
    static OutputBlock *create(qsizetype capacity);

    char *data() const noexcept { return m_data; }
    qsizetype capacity() const noexcept { return m_capacity; }

    void ref() noexcept { m_refs.fetch_add(1, std::memory_order_relaxed); }
    // Drops one reference; the last one frees the block (or pools it).
    void deref() noexcept;

    // Blocks kept in the pool now (for tests).
    static int pooledBlocks();
    // Frees the pooled blocks (the reader does, after a second without reading).
    static void releasePool();

private:
    OutputBlock(char *data, qsizetype capacity) : m_data(data), m_capacity(capacity) {}
    ~OutputBlock();

    char *m_data;
    qsizetype m_capacity;
    std::atomic<int> m_refs{1};
};

// What the reader found in a read while its bytes were hot in the cache, so that a log can take a
// flood's lines without reading them again. `plain`: every byte is printable ASCII, a tab or a
// `\n` (no `\r`, escape or other byte that needs the decoder), and no line between two `\n` is
// longer than OutputDecoder::MaxLineLength (false may also mean "not sure": the log then reads the
// bytes itself). Offsets are in the read.
struct OutputScan
{
    bool plain = false;
    qint64 newlines = 0;
    qsizetype first = -1; // the first `\n`
    qsizetype last = -1;  // the last `\n`
};

// One reference to an OutputBlock (or none), released when it goes.
class OutputBlockRef final
{
public:
    OutputBlockRef() = default;
    // Takes a new reference to `block` (none if null).
    explicit OutputBlockRef(OutputBlock *block) noexcept : m_block(block)
    {
        if (m_block)
            m_block->ref();
    }
    OutputBlockRef(const OutputBlockRef &other) noexcept : OutputBlockRef(other.m_block) {}
    OutputBlockRef(OutputBlockRef &&other) noexcept : m_block(std::exchange(other.m_block, nullptr)) {}
    OutputBlockRef &operator=(OutputBlockRef other) noexcept
    {
        std::swap(m_block, other.m_block);
        return *this;
    }
    ~OutputBlockRef()
    {
        if (m_block)
            m_block->deref();
    }

    OutputBlock *get() const noexcept { return m_block; }
    explicit operator bool() const noexcept { return m_block != nullptr; }

private:
    OutputBlock *m_block = nullptr;
};

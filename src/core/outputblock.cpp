#include "outputblock.h"

#include <cstdlib>
#include <mutex>

#include <sys/mman.h>
#include <vector>

namespace {

// Free blocks of PooledSize bytes: enough for a flood's blocks in flight plus the ones a log
// gives back as it drops its oldest lines; emptied by the reader when it is idle.
constexpr size_t MaxPooled = 8;

struct Pool
{
    std::mutex mutex;
    std::vector<char *> free;
};

// Never destroyed: a log destroyed late in the program's exit may still give a block back.
Pool &pool()
{
    static Pool *instance = new Pool;
    return *instance;
}

} // namespace

OutputBlock *OutputBlock::create(qsizetype capacity)
{
    char *data = nullptr;
    if (capacity == PooledSize) {
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        if (!p.free.empty()) {
            data = p.free.back();
            p.free.pop_back();
        }
    }
    if (!data && capacity == PooledSize) {
        void *memory = nullptr;
        if (::posix_memalign(&memory, size_t(PooledSize), size_t(capacity)) == 0) {
            ::madvise(memory, size_t(capacity), MADV_HUGEPAGE);
            data = static_cast<char *>(memory);
        }
    }
    if (!data)
        data = static_cast<char *>(std::malloc(size_t(capacity)));
    return new OutputBlock(data, capacity);
}

void OutputBlock::deref() noexcept
{
    if (m_refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
        delete this;
}

OutputBlock::~OutputBlock()
{
    if (m_capacity == PooledSize) {
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        if (p.free.size() < MaxPooled) {
            p.free.push_back(m_data);
            return;
        }
    }
    std::free(m_data);
}

void OutputBlock::releasePool()
{
    std::vector<char *> blocks;
    {
        Pool &p = pool();
        const std::lock_guard lock(p.mutex);
        blocks.swap(p.free);
    }
    for (char *data : blocks)
        std::free(data);
}

int OutputBlock::pooledBlocks()
{
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    return int(p.free.size());
}

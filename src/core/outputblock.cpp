#include "outputblock.h"

#include <mutex>
#include <vector>

namespace {

// Free blocks of PooledSize bytes: enough for a flood's blocks in flight plus the ones a log
// gives back as it drops its oldest lines, not so many that a burst long ago keeps memory.
constexpr size_t MaxPooled = 16;

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
    if (!data)
        data = new char[size_t(capacity)];
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
    delete[] m_data;
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
        delete[] data;
}

int OutputBlock::pooledBlocks()
{
    Pool &p = pool();
    const std::lock_guard lock(p.mutex);
    return int(p.free.size());
}

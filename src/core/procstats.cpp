#include "procstats.h"

#include "shellwords.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <ctime>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Reads a whole small /proc file relative to `dirFd` into `buffer`; returns the byte count or -1.
// ENOENT and ESRCH are normal here: the process ended between readdir() and open()/read().
ssize_t readSmallFile(int dirFd, const char *relativePath, char *buffer, size_t capacity)
{
    const int fd = ::openat(dirFd, relativePath, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t total = 0;
    while (total < capacity) {
        const ssize_t n = ::read(fd, buffer + total, capacity - total);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            return -1;
        }
        if (n == 0)
            break;
        total += size_t(n);
        // procfs generates a stat line whole on the first read: a final newline means done,
        // which saves the read() that would return 0 (a third of the system calls per process).
        if (buffer[total - 1] == '\n')
            break;
    }
    ::close(fd);
    return ssize_t(total);
}

// The whole file, for files whose size has no small bound (cmdline); at most `limit` bytes.
std::optional<QByteArray> readFile(int dirFd, const char *relativePath, qsizetype limit)
{
    const int fd = ::openat(dirFd, relativePath, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    QByteArray data;
    char chunk[4096];
    while (data.size() < limit) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0)
            break;
        data.append(chunk, qsizetype(n));
    }
    ::close(fd);
    return data;
}

// A decimal number made of digits only (the name of a process directory).
std::optional<qint64> parsePidName(const char *name)
{
    if (*name < '1' || *name > '9')
        return std::nullopt;
    qint64 value = 0;
    for (const char *c = name; *c; ++c) {
        if (*c < '0' || *c > '9' || value > (qint64(1) << 40))
            return std::nullopt;
        value = value * 10 + (*c - '0');
    }
    return value;
}

// Splits the text after "(comm) " into space-separated fields, without allocating.
class FieldReader
{
public:
    explicit FieldReader(QByteArrayView text) : m_text(text) {}

    QByteArrayView next()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && !isSpace(m_text[m_pos]))
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }

    template<typename T>
    bool nextNumber(T *value)
    {
        const QByteArrayView field = next();
        if (field.isEmpty())
            return false;
        const char *end = field.data() + field.size();
        const auto [ptr, error] = std::from_chars(field.data(), end, *value);
        return error == std::errc() && ptr == end;
    }

    bool skip(int count)
    {
        for (int i = 0; i < count; ++i) {
            if (next().isEmpty())
                return false;
        }
        return true;
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

// parseStat() without allocating: `comm` points into `line`.
bool parseStatLine(QByteArrayView line, ProcStatFields *fields, QByteArrayView *comm)
{
    // "PID (COMM) STATE PPID PGRP …": COMM may hold spaces and parentheses, so it runs from the
    // first '(' to the LAST ')'.
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open <= 0 || close < open)
        return false;

    FieldReader head(line.first(open));
    if (!head.nextNumber(&fields->pid) || fields->pid <= 0 || !head.next().isEmpty())
        return false;
    *comm = line.sliced(open + 1, close - open - 1);

    FieldReader rest(line.sliced(close + 1));
    const QByteArrayView state = rest.next();                            // 3
    if (state.size() != 1)
        return false;
    fields->state = state.front();
    return rest.nextNumber(&fields->ppid) && rest.nextNumber(&fields->pgrp) // 4, 5
            && rest.skip(8)                                              // 6 session … 13 cmajflt
            && rest.nextNumber(&fields->utime) && rest.nextNumber(&fields->stime) // 14, 15
            && rest.skip(4)                                              // 16 cutime … 19 nice
            && rest.nextNumber(&fields->numThreads)                      // 20
            && rest.skip(1)                                              // 21 itrealvalue
            && rest.nextNumber(&fields->startTime)                       // 22
            && rest.skip(1)                                              // 23 vsize
            && rest.nextNumber(&fields->rssPages) && fields->rssPages >= 0; // 24
}

struct Proc
{
    ProcStatFields stat;
    QString name;
    double cpuPercent = 0;
    bool cpuKnown = false;
};

// The one pass over a /proc directory: calls `visit(fields, comm)` for every process directory
// whose stat line parses (`fields.comm` is left empty: `comm` points into a buffer that is reused
// for the next process). Directories that are not processes, processes gone since readdir(),
// and unreadable or cut stat lines are skipped.
template <typename Visit>
void forEachStat(DIR *dir, Visit &&visit)
{
    const int rootFd = ::dirfd(dir);
    char path[sizeof(dirent::d_name) + 8];
    char buffer[4096];
    while (const dirent *entry = ::readdir(dir)) {
        const std::optional<qint64> pid = parsePidName(entry->d_name);
        if (!pid)
            continue;
        std::snprintf(path, sizeof path, "%s/stat", entry->d_name);
        const ssize_t n = readSmallFile(rootFd, path, buffer, sizeof buffer);
        if (n <= 0)
            continue; // gone since readdir(), or not readable
        ProcStatFields fields;
        QByteArrayView comm;
        if (!parseStatLine(QByteArrayView(buffer, n), &fields, &comm) || fields.pid != *pid)
            continue;
        visit(std::as_const(fields), comm);
    }
}

} // namespace

struct ProcStats::Private
{
    QString rootPath;
    QByteArray encodedRoot;
    bool realProc = true;
    QTimer *timer = nullptr;
    QSet<qint64> watched;
    QHash<qint64, Proc> procs;          // the last sample, every process in /proc
    QHash<qint64, TreeSample> trees;    // watched roots that were in the last sample
    std::optional<double> lastNow;      // seconds after boot at the last sample
    qint64 sampleCount = 0;
    qint64 lastDurationNs = 0;
    long clockTicks = 100;
    qint64 pageSize = 4096;

    void setRoot(const QString &path)
    {
        rootPath = path;
        encodedRoot = QFile::encodeName(path);
        realProc = path == u"/proc"_s || path == u"/proc/"_s;
    }

    std::optional<double> now(int rootFd) const;
    void takeSample();
    QHash<qint64, QList<qint64>> children() const;
    void aggregateTrees();
    ProcessSample toSample(const Proc &proc, int depth, int rootFd) const;
};

std::optional<double> ProcStats::Private::now(int rootFd) const
{
    if (!realProc) {
        // A recording carries its own clock: the `uptime` file of the recorded /proc.
        char buffer[128];
        const ssize_t n = readSmallFile(rootFd, "uptime", buffer, sizeof buffer);
        if (n > 0)
            return ProcStats::parseUptime(QByteArrayView(buffer, n));
    }
    timespec ts{};
    if (::clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
        return std::nullopt;
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void ProcStats::Private::takeSample()
{
    QElapsedTimer cost;
    cost.start();

    DIR *dir = ::opendir(encodedRoot.constData());
    if (!dir) {
        // No /proc (or a bad root): nothing is known any more.
        procs.clear();
        lastNow.reset();
        aggregateTrees();
        ++sampleCount;
        lastDurationNs = cost.nsecsElapsed();
        return;
    }
    const int rootFd = ::dirfd(dir);
    const std::optional<double> nowSeconds = now(rootFd);
    const double elapsed = nowSeconds && lastNow ? *nowSeconds - *lastNow : 0.0;

    QHash<qint64, Proc> next;
    next.reserve(procs.size() + 16);
    forEachStat(dir, [&](const ProcStatFields &stat, QByteArrayView comm) {
        Proc proc;
        proc.stat = stat;
        const quint64 ticks = proc.stat.utime + proc.stat.stime;
        const auto previous = procs.constFind(stat.pid);
        const bool samePrevious = previous != procs.cend()
                && previous->stat.startTime == proc.stat.startTime;
        if (samePrevious && previous->stat.comm == comm) {
            // No new strings for an unchanged name (the common case, every tick).
            proc.stat.comm = previous->stat.comm;
            proc.name = previous->name;
        } else {
            proc.stat.comm = comm.toByteArray();
            proc.name = QString::fromUtf8(comm);
        }
        if (elapsed > 0) {
            const double toPercent = 100.0 / (double(clockTicks) * elapsed);
            if (samePrevious) {
                const quint64 before = previous->stat.utime + previous->stat.stime;
                proc.cpuPercent = ticks >= before ? double(ticks - before) * toPercent : 0.0;
                proc.cpuKnown = true;
            } else if (proc.stat.startTime >= quint64(*lastNow * double(clockTicks))) {
                // Started after the previous sample: all of its time falls in this interval.
                // The kernel rounds the start time down to a whole tick, so a start in the
                // previous sample's tick counts as after it.
                proc.cpuPercent = double(ticks) * toPercent;
                proc.cpuKnown = true;
            }
        }
        next.insert(stat.pid, std::move(proc));
    });
    ::closedir(dir);

    procs = std::move(next);
    lastNow = nowSeconds;
    aggregateTrees();
    ++sampleCount;
    lastDurationNs = cost.nsecsElapsed();
}

// Parent PID to its children's PIDs, over the last sample.
QHash<qint64, QList<qint64>> ProcStats::Private::children() const
{
    QHash<qint64, QList<qint64>> result;
    for (const Proc &proc : std::as_const(procs))
        result[proc.stat.ppid].append(proc.stat.pid);
    return result;
}

void ProcStats::Private::aggregateTrees()
{
    trees.clear();
    if (watched.isEmpty())
        return;
    const QHash<qint64, QList<qint64>> kids = children();
    for (const qint64 root : std::as_const(watched)) {
        if (!procs.contains(root))
            continue;
        TreeSample &sum = trees[root];
        QSet<qint64> visited{root}; // a recording (or PID reuse) could make a cycle; real /proc cannot
        QList<qint64> stack = kids.value(root);
        while (!stack.isEmpty()) {
            const qint64 pid = stack.takeLast();
            if (visited.contains(pid))
                continue;
            visited.insert(pid);
            const Proc &proc = *procs.constFind(pid);
            if (proc.cpuKnown)
                sum.cpuPercent += proc.cpuPercent;
            sum.rssBytes += proc.stat.rssPages * pageSize;
            ++sum.processCount;
            stack.append(kids.value(pid));
        }
    }
}

ProcessSample ProcStats::Private::toSample(const Proc &proc, int depth, int rootFd) const
{
    ProcessSample sample;
    sample.pid = proc.stat.pid;
    sample.ppid = proc.stat.ppid;
    sample.pgid = proc.stat.pgrp;
    sample.name = proc.name;
    sample.state = proc.stat.state;
    sample.cpuPercent = proc.cpuPercent;
    sample.cpuKnown = proc.cpuKnown;
    sample.rssBytes = proc.stat.rssPages * pageSize;
    sample.threadCount = int(proc.stat.numThreads);
    sample.depth = depth;
    // Read now rather than cached: an exec() keeps the PID and start time but changes the
    // command line, and only the few processes of one tree are asked for at a time.
    char path[64];
    std::snprintf(path, sizeof path, "%lld/cmdline", static_cast<long long>(proc.stat.pid));
    const std::optional<QByteArray> cmdline =
            rootFd >= 0 ? readFile(rootFd, path, 256 * 1024) : std::nullopt;
    sample.command = ProcStats::commandFromCmdline(cmdline.value_or(QByteArray()), proc.name);
    return sample;
}

ProcStats::ProcStats(QObject *parent, const QString &procRoot)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->setRoot(procRoot);
    if (const long ticks = ::sysconf(_SC_CLK_TCK); ticks > 0)
        d->clockTicks = ticks;
    if (const long page = ::sysconf(_SC_PAGESIZE); page > 0)
        d->pageSize = page;
    d->timer = new QTimer(this);
    d->timer->setInterval(1000);
    connect(d->timer, &QTimer::timeout, this, &ProcStats::sampleNow);
}

ProcStats::~ProcStats() = default;

QString ProcStats::procRoot() const
{
    return d->rootPath;
}

void ProcStats::setProcRoot(const QString &procRoot)
{
    d->setRoot(procRoot);
}

int ProcStats::interval() const
{
    return d->timer->interval();
}

void ProcStats::setInterval(int ms)
{
    d->timer->setInterval(std::max(ms, 10));
}

QList<qint64> ProcStats::watchedTrees() const
{
    QList<qint64> roots(d->watched.cbegin(), d->watched.cend());
    std::sort(roots.begin(), roots.end());
    return roots;
}

void ProcStats::setWatchedTrees(const QList<qint64> &roots)
{
    d->watched = QSet<qint64>(roots.cbegin(), roots.cend());
    d->watched.remove(0);
    if (d->watched.isEmpty()) {
        d->timer->stop();
        d->trees.clear();
        return;
    }
    if (!d->timer->isActive()) {
        // The baseline for the first tick's CPU %, so that it has figures at once.
        d->takeSample();
        d->timer->start();
    } else {
        d->aggregateTrees();
    }
}

bool ProcStats::isActive() const
{
    return d->timer->isActive();
}

void ProcStats::sampleNow()
{
    d->takeSample();
    emit sampled();
}

std::optional<TreeSample> ProcStats::treeSample(qint64 root) const
{
    const auto it = d->trees.constFind(root);
    if (it == d->trees.cend())
        return std::nullopt;
    return *it;
}

std::optional<ProcessSample> ProcStats::process(qint64 pid) const
{
    const auto it = d->procs.constFind(pid);
    if (it == d->procs.cend())
        return std::nullopt;
    const int rootFd = ::open(d->encodedRoot.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ProcessSample sample = d->toSample(*it, 0, rootFd);
    if (rootFd >= 0)
        ::close(rootFd);
    return sample;
}

QList<ProcessSample> ProcStats::tree(qint64 rootPid) const
{
    QList<ProcessSample> result;
    if (!d->procs.contains(rootPid))
        return result;

    const QHash<qint64, QList<qint64>> children = d->children();
    const int rootFd = ::open(d->encodedRoot.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    QSet<qint64> visited; // a recording (or PID reuse) could make a cycle; real /proc cannot
    QList<std::pair<qint64, int>> stack{{rootPid, 0}};
    while (!stack.isEmpty()) {
        const auto [pid, depth] = stack.takeLast();
        if (visited.contains(pid))
            continue;
        visited.insert(pid);
        result.append(d->toSample(d->procs.value(pid), depth, rootFd));
        QList<qint64> kids = children.value(pid);
        std::sort(kids.begin(), kids.end(), std::greater<>()); // popped in ascending order
        for (const qint64 kid : std::as_const(kids))
            stack.append({kid, depth + 1});
    }
    if (rootFd >= 0)
        ::close(rootFd);
    return result;
}

int ProcStats::processCount() const
{
    return int(d->procs.size());
}

qint64 ProcStats::sampleCount() const
{
    return d->sampleCount;
}

qint64 ProcStats::lastSampleDurationNs() const
{
    return d->lastDurationNs;
}

QList<qint64> ProcStats::liveDescendants(qint64 root, const QString &procRoot)
{
    struct Link
    {
        qint64 parent = 0;
        bool zombie = false;
    };
    QHash<qint64, Link> links;
    DIR *dir = ::opendir(QFile::encodeName(procRoot).constData());
    if (!dir)
        return {};
    forEachStat(dir, [&links](const ProcStatFields &stat, QByteArrayView) {
        links.insert(stat.pid, {stat.ppid, stat.state == 'Z' || stat.state == 'X'});
    });
    ::closedir(dir);

    QList<qint64> result;
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        if (it->zombie || it.key() == root)
            continue;
        // Up the parents until `root`, init or a process not in this pass; the depth bound stops
        // a cycle that a recording (or PID reuse between reads) could show.
        qint64 ancestor = it->parent;
        for (int depth = 0; depth < 4096 && ancestor > 0; ++depth) {
            if (ancestor == root) {
                result.append(it.key());
                break;
            }
            const auto parent = links.constFind(ancestor);
            if (parent == links.cend())
                break;
            ancestor = parent->parent;
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

QList<ProcStatFields> ProcStats::children(qint64 pid, const QString &procRoot)
{
    const QString taskDir = procRoot + u'/' + QString::number(pid) + u"/task"_s;
    QList<ProcStatFields> result;
    DIR *dir = ::opendir(QFile::encodeName(taskDir).constData());
    if (!dir)
        return result;
    QSet<qint64> seen;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        QFile file(taskDir + u'/' + QFile::decodeName(entry->d_name) + u"/children"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &word : file.readAll().split(' ')) {
            bool ok = false;
            const qint64 child = word.trimmed().toLongLong(&ok);
            if (!ok || seen.contains(child))
                continue;
            seen.insert(child);
            QFile stat(procRoot + u'/' + QString::number(child) + u"/stat"_s);
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            if (const std::optional<ProcStatFields> fields = parseStat(stat.readAll()))
                result.append(*fields);
        }
    }
    ::closedir(dir);
    return result;
}

std::optional<ProcStatFields> ProcStats::parseStat(QByteArrayView line)
{
    ProcStatFields fields;
    QByteArrayView comm;
    if (!parseStatLine(line, &fields, &comm))
        return std::nullopt;
    fields.comm = comm.toByteArray();
    return fields;
}

QString ProcStats::commandFromCmdline(QByteArrayView cmdline, const QString &name)
{
    // Arguments end in NULs. A program that rewrote its title (setproctitle) leaves one string
    // padded with NULs; trailing NULs are dropped so that such a title shows as written.
    while (!cmdline.isEmpty() && cmdline.back() == '\0')
        cmdline.chop(1);
    if (cmdline.isEmpty())
        return u'[' + name + u']'; // kernel thread, zombie, or a process that is exiting
    QStringList words;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = cmdline.indexOf('\0', start);
        words.append(QString::fromUtf8(cmdline.sliced(start, (end < 0 ? cmdline.size() : end) - start)));
        if (end < 0)
            break;
        start = end + 1;
    }
    if (words.size() == 1)
        return words.front();
    return ShellWords::join(words);
}

std::optional<double> ProcStats::parseUptime(QByteArrayView text)
{
    FieldReader reader(text);
    const QByteArrayView first = reader.next();
    bool ok = false;
    const double seconds = first.toByteArray().toDouble(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return seconds;
}

#include "filewatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr quint32 FolderMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                               | IN_ONLYDIR | IN_DONT_FOLLOW;

bool hasWildcard(const QString &text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

QString cleanPattern(QString text)
{
    text = QDir::cleanPath(text);
    if (text == u"."_s)
        return {};
    while (text.startsWith(u"./"_s))
        text.remove(0, 2);
    return text;
}

// One path component of a glob as a regular expression: '*' and '?' never cross a '/'.
QString componentExpression(const QString &component)
{
    QString expression;
    for (qsizetype i = 0; i < component.size(); ++i) {
        const QChar c = component.at(i);
        if (c == u'*') {
            expression += u"[^/]*"_s;
        } else if (c == u'?') {
            expression += u"[^/]"_s;
        } else if (c == u'[') {
            const qsizetype end = component.indexOf(u']', i + 1);
            if (end < 0) {
                expression += u"\\["_s;
                continue;
            }
            QString set = component.mid(i + 1, end - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            expression += u'[' + set + u']';
            i = end;
        } else {
            expression += QRegularExpression::escape(QString(c));
        }
    }
    return expression;
}

QRegularExpression globExpression(const QString &glob)
{
    const QStringList components = glob.split(u'/', Qt::SkipEmptyParts);
    QString expression;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const bool last = i + 1 == components.size();
        if (components[i] == u"**"_s)
            expression += last ? u".*"_s : u"(?:[^/]+/)*"_s;
        else
            expression += componentExpression(components[i]) + (last ? QString() : u"/"_s);
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(expression));
}

// The path and each folder it is in: "a/b/c" → "a/b/c", "a/b", "a".
QStringList pathAndFolders(const QString &path)
{
    QStringList result{path};
    for (qsizetype slash = path.lastIndexOf(u'/'); slash > 0; slash = path.lastIndexOf(u'/', slash - 1))
        result.append(path.left(slash));
    return result;
}

bool anyMatch(const QList<QRegularExpression> &expressions, const QString &text)
{
    for (const QRegularExpression &expression : expressions) {
        if (expression.match(text).hasMatch())
            return true;
    }
    return false;
}

QString joinPath(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

int systemWatchLimit()
{
    QFile file(u"/proc/sys/fs/inotify/max_user_watches"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toInt();
}

} // namespace

// What a walk found: the watches it added and how many folders it wanted.
struct FileWatcher::WalkResult
{
    QHash<int, Folder> folders;
    QStringList files;   // regular files seen (only when asked: a folder made after the start)
    int wanted = 0;      // folders that should have a watch
    int failedErrno = 0; // the first inotify_add_watch error other than the limit
    bool limitReached = false;
};

// A walk of the roots' trees, on the walk thread or (for a new folder) on the GUI thread.
struct FileWatcher::Walk
{
    std::atomic<bool> cancelled{false};
    int fd = -1;
    QString base;
    int limit = 0;         // the test limit; 0: the kernel's (ENOSPC)
    int alreadyWatched = 0;
    const FileWatcher *rules = nullptr; // isIgnored() only: its rules never change after start()

    WalkResult run(const QList<Root> &roots, bool collectFiles) const
    {
        WalkResult result;
        for (const Root &root : roots)
            walk(root, collectFiles, &result);
        return result;
    }

    void walk(const Root &root, bool collectFiles, WalkResult *result) const
    {
        QStringList stack{root.folder};
        while (!stack.isEmpty() && !cancelled.load(std::memory_order_relaxed)) {
            const QString folder = stack.takeLast();
            ++result->wanted;
            addWatch(folder, root.recursive, result);
            if (!root.recursive && !collectFiles)
                continue;
            DIR *dir = opendir(QFile::encodeName(joinPath(base, folder)).constData());
            if (!dir)
                continue;
            while (const dirent *entry = readdir(dir)) {
                const QString name = QFile::decodeName(entry->d_name);
                if (name == u"."_s || name == u".."_s)
                    continue;
                const QString path = joinPath(folder, name);
                const bool isFolder = entryIsFolder(dirfd(dir), entry);
                if (isFolder && root.recursive && !rules->isIgnored(path, true))
                    stack.append(path);
                else if (!isFolder && collectFiles)
                    result->files.append(path);
            }
            closedir(dir);
        }
    }

    static bool entryIsFolder(int dirFd, const dirent *entry)
    {
        if (entry->d_type != DT_UNKNOWN)
            return entry->d_type == DT_DIR; // a symbolic link to a folder is not followed
        struct stat info {};
        return fstatat(dirFd, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode);
    }

    void addWatch(const QString &folder, bool recursive, WalkResult *result) const
    {
        if (result->limitReached)
            return;
        if (limit > 0 && alreadyWatched + result->folders.size() >= limit) {
            result->limitReached = true;
            return;
        }
        const QByteArray path = QFile::encodeName(folder.isEmpty() ? base : joinPath(base, folder));
        const int wd = inotify_add_watch(fd, path.constData(), FolderMask);
        if (wd < 0) {
            if (errno == ENOSPC)
                result->limitReached = true;
            else if (result->failedErrno == 0 && errno != ENOENT && errno != ENOTDIR)
                result->failedErrno = errno;
            return;
        }
        Folder &entry = result->folders[wd];
        entry.path = folder;
        entry.recursive = entry.recursive || recursive;
    }
};

const QStringList &FileWatcher::defaultIgnores()
{
    static const QStringList ignores{u".git/"_s, u".hg/"_s, u".svn/"_s, u"node_modules/"_s,
                                     u"__pycache__/"_s, u"*.swp"_s, u"*.swx"_s, u"*~"_s,
                                     u".#*"_s, u"4913"_s};
    return ignores;
}

FileWatcher::FileWatcher(const QString &baseDirectory, const WatchSpec &spec, QObject *parent)
    : QObject(parent)
    , m_base(baseDirectory.isEmpty() ? QDir::currentPath() : QDir::cleanPath(baseDirectory))
    , m_spec(spec)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(qMax(0, spec.debounceMs));
    connect(&m_debounce, &QTimer::timeout, this, &FileWatcher::flushChanges);
    compilePatterns();
}

FileWatcher::~FileWatcher()
{
    if (m_walk)
        m_walk->cancelled = true;
    if (m_thread) {
        m_thread->wait(); // the walk checks the flag between folders
        delete m_thread;
    }
    if (m_fd >= 0)
        ::close(m_fd);
}

void FileWatcher::setWatchLimit(int limit)
{
    m_watchLimit = limit;
}

void FileWatcher::compilePatterns()
{
    for (const QString &raw : std::as_const(m_spec.paths)) {
        const QString pattern = cleanPattern(raw);
        if (!hasWildcard(pattern)) {
            m_plainPaths.append(pattern);
            const QFileInfo info(joinPath(m_base, pattern));
            if (pattern.isEmpty() || info.isDir())
                m_roots.append({pattern, true});
            else
                m_roots.append({QFileInfo(pattern).path() == u"."_s ? QString() : QFileInfo(pattern).path(), false});
            continue;
        }
        m_patterns.append(globExpression(pattern));
        const QStringList components = pattern.split(u'/', Qt::SkipEmptyParts);
        QStringList fixed;
        for (const QString &component : components) {
            if (hasWildcard(component))
                break;
            fixed.append(component);
        }
        const bool deeper = components.size() - fixed.size() > 1 || pattern.contains(u"**"_s);
        m_roots.append({fixed.join(u'/'), deeper});
    }
    for (const QString &raw : defaultIgnores() + m_spec.ignore) {
        const bool folder = raw.endsWith(u'/');
        const QString item = cleanPattern(raw);
        if (item.isEmpty())
            continue;
        if (folder && !item.contains(u'/'))
            m_ignoredFolderNames.append(item);
        else if (folder)
            m_ignoredFolderPaths.append(globExpression(item));
        else if (item.contains(u'/'))
            m_ignoredPaths.append(globExpression(item));
        else
            m_ignoredNames.append(globExpression(item));
    }
}

bool FileWatcher::matches(const QString &relativePath) const
{
    const QStringList candidates = pathAndFolders(relativePath);
    for (const QString &plain : m_plainPaths) {
        if (plain.isEmpty() || candidates.contains(plain))
            return true;
    }
    for (const QString &candidate : candidates) {
        if (anyMatch(m_patterns, candidate))
            return true;
    }
    return false;
}

bool FileWatcher::isIgnored(const QString &relativePath, bool isFolder) const
{
    const QStringList components = relativePath.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < components.size(); ++i) {
        const bool folder = isFolder || i + 1 < components.size();
        if (folder) {
            if (m_ignoredFolderNames.contains(components[i]))
                return true;
            const QString path = components.mid(0, i + 1).join(u'/');
            if (anyMatch(m_ignoredFolderPaths, path))
                return true;
        }
    }
    if (!components.isEmpty() && anyMatch(m_ignoredNames, components.last()))
        return true;
    for (const QString &candidate : pathAndFolders(relativePath)) {
        if (anyMatch(m_ignoredPaths, candidate))
            return true;
    }
    return false;
}

void FileWatcher::start()
{
    if (m_fd >= 0 || m_thread)
        return;
    m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        m_warning = errno == EMFILE
            ? tr("cannot watch files: too many inotify instances are open (fs.inotify.max_user_instances)")
            : tr("cannot watch files: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        emit warningRaised(m_warning);
        return;
    }
    m_walk = std::make_shared<Walk>();
    m_walk->fd = m_fd;
    m_walk->base = m_base;
    m_walk->limit = m_watchLimit;
    m_walk->rules = this;
    const std::shared_ptr<Walk> walk = m_walk;
    const QList<Root> roots = m_roots;
    m_thread = QThread::create([this, walk, roots] {
        const WalkResult result = walk->run(roots, false);
        if (!walk->cancelled)
            QMetaObject::invokeMethod(this, [this, result] { finishWalk(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(u"FileWatcher walk"_s);
    m_thread->start(QThread::LowPriority);
}

void FileWatcher::finishWalk(const WalkResult &result)
{
    m_thread->wait(); // it has just queued this call: its end is a matter of returning
    delete m_thread;
    m_thread = nullptr;
    m_folders = result.folders;
    if (result.limitReached) {
        m_warning = limitWarning(result.wanted, int(m_folders.size()));
        emit warningRaised(m_warning);
    } else if (result.failedErrno != 0) {
        m_warning = tr("cannot watch some folders: %1").arg(QString::fromLocal8Bit(strerror(result.failedErrno)));
        emit warningRaised(m_warning);
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &FileWatcher::readEvents);
    m_ready = true;
    emit ready();
    readEvents(); // what happened during the walk
}

QString FileWatcher::limitWarning(int wanted, int watched) const
{
    const int limit = m_watchLimit > 0 ? m_watchLimit : systemWatchLimit();
    const QLocale locale;
    const auto suggestion = qNextPowerOfTwo(quint32(qMax(limit, 0) + wanted));
    return tr("cannot watch %Ln folder(s): the system allows %1 inotify watches "
              "(fs.inotify.max_user_watches) for all of the user's programs; %2 are watched and "
              "changes in the others do not restart the entry. Raise the limit "
              "(sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders",
              nullptr, wanted)
        .arg(locale.toString(limit), locale.toString(watched), QString::number(suggestion));
}

bool FileWatcher::isReady() const
{
    return m_ready;
}

int FileWatcher::watchedFolderCount() const
{
    return int(m_folders.size());
}

QString FileWatcher::warning() const
{
    return m_warning;
}

void FileWatcher::readEvents()
{
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            return; // EAGAIN: all read
        for (ssize_t offset = 0; offset < length;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
            const QString name = event->len > 0 ? QFile::decodeName(event->name) : QString();
            handleEvent(event->wd, event->mask, name);
            offset += ssize_t(sizeof(inotify_event)) + event->len;
        }
    }
}

void FileWatcher::handleEvent(int wd, quint32 mask, const QString &name)
{
    if (mask & IN_Q_OVERFLOW) {
        // The kernel's queue overflowed: something changed, we cannot say what.
        noteChange(m_roots.isEmpty() ? QString() : m_roots.first().folder);
        return;
    }
    const auto folder = m_folders.constFind(wd);
    if (folder == m_folders.cend())
        return;
    if (mask & IN_IGNORED) {
        m_folders.erase(folder);
        return;
    }
    const QString path = joinPath(folder->path, name);
    const bool isFolder = mask & IN_ISDIR;
    if (isIgnored(path, isFolder))
        return;
    if (isFolder && folder->recursive && (mask & (IN_CREATE | IN_MOVED_TO))) {
        addNewFolder(path);
        return;
    }
    if (matches(path))
        noteChange(path);
}

void FileWatcher::addNewFolder(const QString &relativePath)
{
    // Small, as a rule (a folder just made): walked here, and its files count as changed.
    Walk walk;
    walk.fd = m_fd;
    walk.base = m_base;
    walk.limit = m_watchLimit;
    walk.alreadyWatched = int(m_folders.size());
    walk.rules = this;
    const WalkResult result = walk.run({Root{relativePath, true}}, true);
    m_folders.insert(result.folders);
    if (result.limitReached && m_warning.isEmpty()) {
        m_warning = limitWarning(int(m_folders.size()) + result.wanted - int(result.folders.size()),
                                 int(m_folders.size()));
        emit warningRaised(m_warning);
    }
    if (matches(relativePath))
        noteChange(relativePath);
    for (const QString &file : result.files) {
        if (!isIgnored(file, false) && matches(file))
            noteChange(file);
    }
}

void FileWatcher::noteChange(const QString &relativePath)
{
    if (!m_pendingSet.contains(relativePath)) {
        m_pendingSet.insert(relativePath);
        m_pending.append(relativePath);
    }
    m_debounce.start();
}

void FileWatcher::flushChanges()
{
    if (m_pending.isEmpty())
        return;
    m_pendingSet.clear();
    const QStringList paths = std::exchange(m_pending, {});
    emit changed(paths);
}

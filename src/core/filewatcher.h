#pragma once

// Restart on change: watches the files an entry's `watch` names (stackspec.h) and says, once the
// changes have settled, which of them changed. Linux inotify, directly (docs/ARCHITECTURE.md,
// "Triggers", says why not QFileSystemWatcher).
//
// Paths and globs are relative to the session file's folder. A plain path is that file, or that
// folder and everything below it; a glob's `*` and `?` stay inside one path component and `**` is
// any number of folders ("src/**/*.py"). A path matches when it, or a folder it is in, matches.
// Ignores: an item ending in '/' is a folder (by name anywhere, "build/", or by path,
// "src/gen/"), never entered; any other item a glob on the file name ("*.pyc") or, with a '/', on
// the path. Always ignored: DefaultIgnores (version control folders, node_modules, __pycache__,
// editors' swap and backup files).
//
// Only the folders a pattern can reach are watched: the folder part before the first wildcard,
// recursively when the pattern goes deeper ("src/**", a folder) and alone when it does not
// ("*.json", "config/app.yaml"). start() walks those trees on a thread of its own (10,000 files
// in 1,000 folders: bench/watch_tree.cpp) and says ready() when every watch is in place; folders
// made later inside a recursive tree are watched as they appear, and the files already in them
// count as changed.
//
// Debounce (debounceMs): a change starts the quiet period and each further change starts it
// again; changed() comes once the watched files have been quiet for debounceMs, with every path
// that changed meanwhile. A save that writes ten files is one changed(); a build that keeps
// writing is one changed() after it stops. (So a file written all the time inside the watched
// tree, a log say, holds every restart back: ignore it.)
//
// The kernel's limit of watches (fs.inotify.max_user_watches, for all of the user's programs):
// when it is reached the walk goes on counting, the folders that got a watch stay watched, and
// warning() says how many could not be, what the limit is and how to raise it.

#include "stackspec.h"

#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

class QSocketNotifier;
class QThread;

class FileWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileWatcher)

public:
    static const QStringList &defaultIgnores();

    explicit FileWatcher(const QString &baseDirectory, const WatchSpec &spec, QObject *parent = nullptr);
    ~FileWatcher() override; // stops a walk under way (it checks between folders) and waits for it

    // For tests: act as if the system allowed this many watches (0: the system's limit).
    void setWatchLimit(int limit);

    void start();
    bool isReady() const;
    int watchedFolderCount() const;
    QString warning() const; // why some folders are not watched; empty when all are

    // The rules above, for one path relative to the base folder ("src/app.py").
    bool matches(const QString &relativePath) const;
    bool isIgnored(const QString &relativePath, bool isFolder) const;

signals:
    void ready();
    void changed(const QStringList &relativePaths); // after the quiet period, first seen first
    void warningRaised(const QString &text);

private:
    struct Root
    {
        QString folder;   // relative to the base; empty for the base itself
        bool recursive = false;
    };
    struct Folder
    {
        QString path;     // relative to the base
        bool recursive = false;
    };
    struct WalkResult;
    struct Walk;

    void compilePatterns();
    void finishWalk(const WalkResult &result);
    void readEvents();
    void handleEvent(int wd, quint32 mask, const QString &name);
    void addNewFolder(const QString &relativePath);
    void noteChange(const QString &relativePath);
    void flushChanges();
    QString limitWarning(int wanted, int watched) const;

    QString m_base;
    WatchSpec m_spec;
    QList<Root> m_roots;
    QList<QRegularExpression> m_patterns;      // anchored, one per glob of spec.paths
    QStringList m_plainPaths;                  // spec.paths without wildcards
    QStringList m_ignoredFolderNames;          // "build"
    QList<QRegularExpression> m_ignoredFolderPaths; // "src/gen"
    QList<QRegularExpression> m_ignoredNames;  // "*.pyc"
    QList<QRegularExpression> m_ignoredPaths;  // "docs/*.tmp"
    int m_fd = -1;
    int m_watchLimit = 0;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, Folder> m_folders;              // inotify watch descriptor → folder
    std::shared_ptr<Walk> m_walk;
    QThread *m_thread = nullptr;
    bool m_ready = false;
    QString m_warning;
    QStringList m_pending;                     // changed paths in the quiet period
    QSet<QString> m_pendingSet;                // the same, to keep each once
    QTimer m_debounce;
};

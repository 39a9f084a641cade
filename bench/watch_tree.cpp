// Restart on change: the time for FileWatcher to watch a tree of 10,000 files in 1,000 folders
// (start() until ready(): the walk on its thread, an inotify watch per folder) against a plain
// recursive walk of the same tree (opendir/readdir, d_type, no watches), and the longest the
// event loop went without running while the watcher set up (what a window would feel).
// Rounds alternate; the ratio is the median of the per-round ratios.
//
// Usage: watch_tree [--folders N] [--files-per-folder N] [--repeat N]

#include "benchsupport.h"
#include "filewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <dirent.h>

using namespace Qt::StringLiterals;

namespace {

// 10 top folders, each with (folders / 10 - 1) below it: `folders` in all, plus the root.
void makeTree(const QString &root, int folders, int filesPerFolder)
{
    const int perTop = folders / 10;
    for (int top = 0; top < 10; ++top) {
        for (int sub = 0; sub < perTop; ++sub) {
            const QString folder = sub == 0 ? u"%1/d%2"_s.arg(root).arg(top)
                                            : u"%1/d%2/s%3"_s.arg(root).arg(top).arg(sub);
            QDir().mkpath(folder);
            for (int file = 0; file < filesPerFolder; ++file) {
                QFile out(u"%1/f%2.txt"_s.arg(folder).arg(file));
                if (!out.open(QIODevice::WriteOnly))
                    qFatal("cannot write %s", qPrintable(out.fileName()));
            }
        }
    }
}

// The plain walk: every folder opened and read, files counted.
long long plainWalk(const QByteArray &root)
{
    long long files = 0;
    std::vector<std::string> stack{root.toStdString()};
    while (!stack.empty()) {
        const std::string folder = stack.back();
        stack.pop_back();
        DIR *dir = opendir(folder.c_str());
        if (!dir)
            continue;
        while (const dirent *entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (name == "." || name == "..")
                continue;
            if (entry->d_type == DT_DIR)
                stack.push_back(folder + '/' + name);
            else
                ++files;
        }
        closedir(dir);
    }
    return files;
}

struct WatchFigures
{
    double seconds = 0;
    double startCallSeconds = 0; // the GUI thread's part: start() itself
    double longestStallSeconds = 0;
    int folders = 0;
};

WatchFigures watchTree(const QString &root)
{
    WatchSpec spec;
    spec.paths = {u"."_s};
    WatchFigures figures;
    FileWatcher watcher(root, spec);
    QEventLoop loop;
    QObject::connect(&watcher, &FileWatcher::ready, &loop, &QEventLoop::quit);
    // A 1 ms timer: the gaps between its firings are how long the event loop was held.
    QTimer ticker;
    ticker.setInterval(1);
    double last = BenchSupport::now();
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        const double t = BenchSupport::now();
        figures.longestStallSeconds = std::max(figures.longestStallSeconds, t - last);
        last = t;
    });
    ticker.start();
    const double start = BenchSupport::now();
    watcher.start();
    figures.startCallSeconds = BenchSupport::now() - start;
    last = BenchSupport::now();
    if (!watcher.isReady())
        loop.exec();
    figures.seconds = BenchSupport::now() - start;
    figures.folders = watcher.watchedFolderCount();
    if (!watcher.warning().isEmpty())
        std::printf("warning: %s\n", qPrintable(watcher.warning()));
    return figures;
}

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int folders = option(args, u"--folders"_s, 1000);
    const int filesPerFolder = option(args, u"--files-per-folder"_s, 10);
    const int repeat = option(args, u"--repeat"_s, 5);

    QTemporaryDir dir;
    makeTree(dir.path(), folders, filesPerFolder);
    const QByteArray root = QFile::encodeName(dir.path());
    std::printf("%s\ntree: %d folders, %d files\n", BenchSupport::machine().c_str(), folders,
                folders * filesPerFolder);
    plainWalk(root); // warm the dentry cache for both

    std::vector<double> plain, watch, ratios, stalls, startCalls;
    for (int round = 0; round < repeat; ++round) {
        const double t0 = BenchSupport::now();
        const long long files = plainWalk(root);
        const double walk = BenchSupport::now() - t0;
        const WatchFigures figures = watchTree(dir.path());
        std::printf("round %d: plain walk %.2f ms (%lld files), FileWatcher %.2f ms (%d folders watched), "
                    "start() %.3f ms, longest event-loop stall %.2f ms\n",
                    round + 1, walk * 1e3, files, figures.seconds * 1e3, figures.folders,
                    figures.startCallSeconds * 1e3, figures.longestStallSeconds * 1e3);
        plain.push_back(walk);
        watch.push_back(figures.seconds);
        ratios.push_back(figures.seconds / walk);
        stalls.push_back(figures.longestStallSeconds);
        startCalls.push_back(figures.startCallSeconds);
    }
    std::printf("median: plain walk %.2f ms, FileWatcher %.2f ms, ratio %.2f; start() %.3f ms, "
                "longest stall %.2f ms\n",
                BenchSupport::median(plain) * 1e3, BenchSupport::median(watch) * 1e3,
                BenchSupport::median(ratios), BenchSupport::median(startCalls) * 1e3,
                BenchSupport::median(stalls) * 1e3);
    return 0;
}

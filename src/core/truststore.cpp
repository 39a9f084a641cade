#include "truststore.h"

#include "launchplan.h"
#include "logging.h"
#include "settings.h"
#include "shellwords.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

bool operator==(const CommandPreview &a, const CommandPreview &b)
{
    return a.name == b.name && a.program == b.program && a.arguments == b.arguments
        && a.workingDirectory == b.workingDirectory && a.environment == b.environment
        && a.commandLine == b.commandLine && a.problem == b.problem;
}

TrustStore::TrustStore()
    : m_settings(std::make_unique<Settings>())
{
}

TrustStore::TrustStore(const QString &settingsFile)
    : m_settings(std::make_unique<Settings>(settingsFile))
{
}

TrustStore::~TrustStore() = default;

QString TrustStore::canonicalPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QByteArray TrustStore::contentHash(const QByteArray &contents)
{
    return QCryptographicHash::hash(contents, QCryptographicHash::Sha256).toHex();
}

// QSettings keys cannot hold a path ('/' separates groups, and INI files mangle other
// characters): a record is filed under the hash of its path and keeps the path beside it.
QString TrustStore::key(const QString &canonical)
{
    return Settings::TrustGroup + u'/' + QString::fromLatin1(contentHash(canonical.toUtf8()));
}

bool TrustStore::isTrusted(const QString &path, const QByteArray &contents) const
{
    const QString canonical = canonicalPath(path);
    const QString record = key(canonical);
    const bool known = m_settings->store().value(record + u"/path"_s).toString() == canonical;
    const bool trusted = known && m_settings->store().value(record + u"/sha256"_s).toByteArray() == contentHash(contents);
    qCInfo(lcSession) << canonical << (trusted ? "is trusted" : known ? "changed since it was approved" : "was never approved");
    return trusted;
}

void TrustStore::approve(const QString &path, const QByteArray &contents)
{
    const QString canonical = canonicalPath(path);
    const QString record = key(canonical);
    m_settings->store().setValue(record + u"/path"_s, canonical);
    m_settings->store().setValue(record + u"/sha256"_s, contentHash(contents));
    m_settings->store().setValue(record + u"/approved"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    m_settings->sync();
    qCInfo(lcSession) << "approved" << canonical;
}

void TrustStore::forget(const QString &path)
{
    const QString canonical = canonicalPath(path);
    m_settings->store().remove(key(canonical));
    m_settings->sync();
    qCInfo(lcSession) << "forgot" << canonical;
}

namespace {

// The entry of `processes` a dependency names: by name, or the group of a copy ("api-2" of an
// entry with replicas). -1 for none.
qsizetype dependencyIndex(const QList<ProcessSpec> &processes, const QString &name)
{
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const ProcessSpec &spec = processes.at(i);
        if (spec.name == name)
            return i;
        const QString prefix = spec.name + u'-';
        if (spec.replicas > 1 && name.startsWith(prefix)) {
            bool isNumber = false;
            const int copy = name.mid(prefix.size()).toInt(&isNumber);
            if (isNumber && copy >= 1 && copy <= spec.replicas)
                return i;
        }
    }
    return -1;
}

// What an autostart starts: the autostart entries and, transitively, what they depend on (a
// start starts its dependencies first, so they run too and the user must see them).
QList<bool> autostartClosure(const QList<ProcessSpec> &processes)
{
    QList<bool> starts(processes.size(), false);
    QList<qsizetype> queue;
    for (qsizetype i = 0; i < processes.size(); ++i) {
        if (processes.at(i).autostart) {
            starts[i] = true;
            queue.append(i);
        }
    }
    while (!queue.isEmpty()) {
        const qsizetype at = queue.takeLast();
        for (const Dependency &dependency : processes.at(at).dependsOn) {
            const qsizetype index = dependencyIndex(processes, dependency.name);
            if (index >= 0 && !starts.at(index)) {
                starts[index] = true;
                queue.append(index);
            }
        }
    }
    return starts;
}

} // namespace

QList<CommandPreview> TrustStore::commandsToRun(const Session &session, const QString &baseDirectory, Which which)
{
    QList<CommandPreview> commands;
    const QList<bool> autostarts = autostartClosure(session.processes);
    for (qsizetype i = 0; i < session.processes.size(); ++i) {
        const ProcessSpec &spec = session.processes.at(i);
        if (which == Which::Autostart && !autostarts.at(i))
            continue;
        CommandPreview preview;
        preview.name = spec.name;
        const LaunchResolution launch = resolveLaunch(spec, baseDirectory);
        preview.program = launch.plan.program;
        preview.arguments = launch.plan.arguments;
        preview.workingDirectory = launch.plan.workingDirectory;
        preview.problem = launch.problem;
        preview.environment = spec.environment;
        preview.commandLine = ShellWords::join(QStringList{preview.program} + preview.arguments);
        commands.append(std::move(preview));
    }
    return commands;
}

#include "sessiondocument.h"

#include "processmanager.h"

#include <QFile>
#include <QFileInfo>

SessionDocument::SessionDocument(ProcessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    connect(manager, &ProcessManager::modified, this, [this] { setModified(true); });
}

QString SessionDocument::filePath() const
{
    return m_filePath;
}

bool SessionDocument::isModified() const
{
    return m_modified;
}

void SessionDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void SessionDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void SessionDocument::clear()
{
    m_manager->clear();
    m_manager->setBaseDirectory(QString());
    m_unknownKeys = {};
    setFilePath(QString());
    setModified(false);
}

SessionDocument::Result SessionDocument::load(const QString &path)
{
    const SessionFile::LoadResult loaded = SessionFile::load(path);
    if (!loaded.ok())
        return {false, loaded.error};

    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_manager->clear();
    m_manager->setBaseDirectory(QFileInfo(absolute).absolutePath());
    for (const ProcessSpec &spec : loaded.session->processes)
        m_manager->add(spec);
    m_unknownKeys = loaded.session->unknownKeys;
    // A Procfile is imported, not opened: Save asks for a new session file instead of writing
    // JSON over the Procfile.
    QFile file(absolute);
    const bool procfile = file.open(QIODevice::ReadOnly)
        && SessionFile::detectFormat(file.read(64 * 1024)) == SessionFile::Format::Procfile;
    setFilePath(procfile ? QString() : absolute);
    setModified(procfile);
    return {};
}

Session SessionDocument::session() const
{
    Session session;
    session.unknownKeys = m_unknownKeys;
    for (const ManagedProcess *process : m_manager->processes())
        session.processes.append(process->spec());
    return session;
}

SessionDocument::Result SessionDocument::save(const QString &path)
{
    const SessionFile::SaveResult saved = SessionFile::save(path, SessionFile::toJson(session()));
    if (!saved.ok)
        return {false, saved.error};
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath)
        m_manager->setBaseDirectory(QFileInfo(absolute).absolutePath());
    setFilePath(absolute);
    setModified(false);
    return {};
}

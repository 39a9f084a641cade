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

bool SessionDocument::isTrusted() const
{
    return !m_trustPath.isEmpty() && TrustStore().isTrusted(m_trustPath, m_consentContents);
}

void SessionDocument::approve()
{
    if (!m_trustPath.isEmpty())
        TrustStore().approve(m_trustPath, m_consentContents);
}

QList<CommandPreview> SessionDocument::commandsToRun(TrustStore::Which which) const
{
    return TrustStore::commandsToRun(session(), m_manager->baseDirectory(), which);
}

void SessionDocument::clear()
{
    m_manager->clear();
    m_manager->setBaseDirectory(QString());
    m_unknownKeys = {};
    m_dotEnv.clear();
    m_loadedContents.clear();
    m_consentContents.clear();
    m_trustPath.clear();
    setFilePath(QString());
    setModified(false);
}

SessionDocument::Result SessionDocument::load(const QString &path)
{
    const SessionFile::LoadResult loaded = SessionFile::load(path);
    if (!loaded.ok())
        return {false, loaded.error};

    const QString absolute = QFileInfo(path).absoluteFilePath();
    QFile file(absolute);
    m_loadedContents = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // What the question covers is what was parsed: the file and, for a Procfile, its `.env`.
    m_consentContents = loaded.consentContents;
    m_manager->clear();
    m_manager->setBaseDirectory(QFileInfo(absolute).absolutePath());
    m_manager->addAll(loaded.session->processes);
    m_unknownKeys = loaded.session->unknownKeys;
    m_dotEnv = loaded.session->dotEnv;
    // A Procfile is imported, not opened: Save asks for a new session file instead of writing
    // JSON over the Procfile.
    const bool procfile = SessionFile::detectFormat(m_loadedContents) == SessionFile::Format::Procfile;
    m_trustPath = absolute;
    setFilePath(procfile ? QString() : absolute);
    setModified(procfile);
    return {};
}

Session SessionDocument::session() const
{
    Session session;
    session.unknownKeys = m_unknownKeys;
    session.source = m_loadedContents; // an unchanged session is written back byte for byte
    session.dotEnv = m_dotEnv;
    session.processes = m_manager->entrySpecs(); // a replicated entry once, with its `replicas`
    return session;
}

void SessionDocument::addDotEnv(const QList<EnvironmentChange> &variables)
{
    for (const EnvironmentChange &variable : variables) {
        if (!m_dotEnv.contains(variable))
            m_dotEnv.append(variable);
    }
}

SessionDocument::Result SessionDocument::save(const QString &path)
{
    const QByteArray contents = SessionFile::toJson(session());
    const SessionFile::SaveResult saved = SessionFile::save(path, contents);
    if (!saved.ok)
        return {false, saved.error};
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // The user's own file: what they saved may start its autostart entries when reopened.
    m_loadedContents = contents;
    m_consentContents = contents;
    m_trustPath = absolute;
    TrustStore().approve(absolute, contents);
    if (absolute != m_filePath)
        m_manager->setBaseDirectory(QFileInfo(absolute).absolutePath());
    setFilePath(absolute);
    setModified(false);
    return {};
}

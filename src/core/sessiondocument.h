#pragma once

#include "sessionfile.h"
#include "truststore.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

class ProcessManager;

// The open session: which file it came from, whether it has unsaved changes, and loading and
// saving the manager's entries. The window shows what it says; it holds no widgets.
class SessionDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDocument)

public:
    struct Result
    {
        bool ok = true;
        QString error; // ready to show: names the file and the problem
    };

    explicit SessionDocument(ProcessManager *manager, QObject *parent = nullptr);

    QString filePath() const; // empty for an unsaved session
    bool isModified() const;
    void setModified(bool modified);

    // Empties the manager (live entries are killed) and forgets the file.
    void clear();
    // Reads the file first; only when it is valid does the open session get replaced.
    Result load(const QString &path);
    // The session as it would be written, and writing it (atomic; 0600 for a new file).
    Session session() const;
    Result save(const QString &path);
    // The variables of a `.env` an imported Procfile brought in (Session::dotEnv): kept out of an
    // exported Procfile's commands.
    void addDotEnv(const QList<EnvironmentChange> &variables);

    // Trust: a file this user saved or approved on this machine, unchanged since, may start
    // commands when it opens; any other file shows what would run and asks first.
    bool isTrusted() const;
    void approve();
    // What opening the file would start (its autostart entries, or All for --start-all).
    QList<CommandPreview> commandsToRun(TrustStore::Which which) const;

signals:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void setFilePath(const QString &path);

    ProcessManager *m_manager = nullptr;
    QString m_filePath;
    QJsonObject m_unknownKeys;
    QList<EnvironmentChange> m_dotEnv; // Session::dotEnv
    QByteArray m_loadedContents;  // the file's bytes as loaded or saved
    QByteArray m_consentContents; // what the trust record covers (LoadResult::consentContents)
    QString m_trustPath;         // the file they came from (also an imported Procfile)
    bool m_modified = false;
};

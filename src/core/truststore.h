#pragma once

#include "processspec.h"
#include "sessionfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class Settings;

// What one entry would run, for the trust dialog to show before anything starts.
struct CommandPreview
{
    QString name;
    QString program;          // as it will be executed (resolveLaunch()): the entry's program found
                              // in its PATH, or /bin/sh for a shell entry; as written on a problem
    QStringList arguments;    // passed as they are (["-c", COMMAND] for a shell entry)
    QString workingDirectory; // absolute: resolved against the session's folder, or ProcDeck's current folder
    QString problem;          // why a start would fail (resolveLaunch()); empty when it can start
    QList<EnvironmentChange> environment; // changes to the inherited environment (nullopt = removed)
    QString commandLine;      // the whole command on one line, quoted like a shell would need

    friend bool operator==(const CommandPreview &a, const CommandPreview &b);
};

// The session files this user approved or saved on this machine: by canonical path and the
// SHA-256 of the content, kept in the user's Settings (group Settings::TrustGroup). A file whose
// content changed since is not trusted any more; a copy of a trusted file elsewhere is not trusted
// either (another folder changes relative working directories).
//
// `contents` is everything that decides what runs: SessionFile::LoadResult::consentContents (a
// Procfile's bytes with its `.env`, or the note that there is none), the saved bytes after a save.
//
// Use: on open, if the session has autostart entries and !isTrusted(path, bytes), show
// commandsToRun(session, folder) and start them only on Run, then approve(path, bytes). After a
// successful save, approve(path, savedBytes): the user's own file is trusted.
class TrustStore final
{
    Q_DISABLE_COPY_MOVE(TrustStore)

public:
    TrustStore();
    // The records in this INI file instead (tests).
    explicit TrustStore(const QString &settingsFile);
    ~TrustStore();

    bool isTrusted(const QString &path, const QByteArray &contents) const;
    void approve(const QString &path, const QByteArray &contents);
    void forget(const QString &path);

    // The file's canonical path (symbolic links resolved), or its absolute path if it does not exist.
    static QString canonicalPath(const QString &path);
    // Lower-case hex SHA-256.
    static QByteArray contentHash(const QByteArray &contents);

    enum class Which { Autostart, All };
    // What would run when the session opens (Autostart: its autostart entries and what they
    // depend on, transitively, which starts with them; All: every entry, as for --start-all), in
    // the session's order. `baseDirectory` is the session file's folder.
    static QList<CommandPreview> commandsToRun(const Session &session, const QString &baseDirectory,
                                               Which which = Which::Autostart);

private:
    static QString key(const QString &canonical);

    std::unique_ptr<Settings> m_settings;
};

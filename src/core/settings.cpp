#include "settings.h"

#include "version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Settings hold the recent files and the trust records (which session files may start programs):
// they are the user's alone. The folder is made 0700 and the file created 0600 before QSettings
// first writes, whatever the umask. QSettings writes through a temporary file that it renames
// over the old one; the temporary file takes the mode of the existing file, so creating it first
// keeps it 0600, and restrictPermissions() after every sync makes sure of it.
void prepareFile(const QString &fileName, bool ownFolder)
{
    const QString folderPath = QFileInfo(fileName).absolutePath();
    QDir().mkpath(QFileInfo(folderPath).path()); // the folder above (~/.config) is not ours to restrict
    const QByteArray folder = QFile::encodeName(folderPath);
    if (::mkdir(folder.constData(), 0700) == 0 || ownFolder)
        ::chmod(folder.constData(), 0700); // mkdir's mode is cut by the umask; chmod's is not
    const QByteArray file = QFile::encodeName(fileName);
    const int fd = ::open(file.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    ::chmod(file.constData(), 0600);
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QString(OrganizationName), QString(ApplicationName)))
    , m_ownFolder(true)
{
    prepareFile(m_settings->fileName(), m_ownFolder);
}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
    prepareFile(m_settings->fileName(), m_ownFolder);
}

Settings::~Settings()
{
    sync();
}

void Settings::sync()
{
    m_settings->sync();
    ::chmod(QFile::encodeName(m_settings->fileName()).constData(), 0600);
}

void Settings::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString(OrganizationName));
    QCoreApplication::setApplicationName(QString(ApplicationName));
    QCoreApplication::setApplicationVersion(QLatin1StringView(ProcDeck::version()));
}

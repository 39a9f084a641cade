#include "settings.h"

#include "version.h"

#include <QCoreApplication>

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QString(OrganizationName), QString(ApplicationName)))
{
}

Settings::Settings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

void Settings::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString(OrganizationName));
    QCoreApplication::setApplicationName(QString(ApplicationName));
    QCoreApplication::setApplicationVersion(QLatin1StringView(ProcDeck::version()));
}

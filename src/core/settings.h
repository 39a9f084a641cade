#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

// One stored setting: where it lives in QSettings and its type and default. Keys are declared
// once, in Settings::Keys below; callers never spell a key as a string.
template <typename T>
struct SettingKey
{
    QLatin1StringView path;
    T defaultValue{};
};

// ProcDeck's settings: the organisation and application names, and every key with its type, in
// one place (as qBittorrent's SettingValue<T> and KeePassXC's Config::Key). The on-disk keys are
// the ones ProcDeck has always written, so existing settings carry over.
//
//     Settings settings;
//     restoreGeometry(settings.value(Settings::Keys::WindowGeometry));
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr QLatin1StringView OrganizationName{"ProcDeck"};
    static constexpr QLatin1StringView ApplicationName{"ProcDeck"};

    struct Keys
    {
        // The main window.
        static inline const SettingKey<QByteArray> WindowGeometry{QLatin1StringView("window/geometry")};
        static inline const SettingKey<QByteArray> WindowState{QLatin1StringView("window/state")};
        static inline const SettingKey<QByteArray> WindowSplitter{QLatin1StringView("window/splitter")};
        // The table's columns: widths, order, hidden ones (QHeaderView::saveState()). A new key
        // since the widths that fit the window: the old "window/tableHeader" held wider ones.
        static inline const SettingKey<QByteArray> WindowTableColumns{QLatin1StringView("window/tableColumns")};
        // What the Join dialog was last given ("" for none).
        static inline const SettingKey<QString> LastJoinTimeout{QLatin1StringView("join/lastTimeout")};
        // Desktop notifications when an entry ends unexpectedly.
        static inline const SettingKey<bool> NotifyUnexpectedEnds{QLatin1StringView("notify/unexpectedEnds"), true};
        // How often the CPU and memory columns are sampled.
        static inline const SettingKey<int> MonitorIntervalMs{QLatin1StringView("monitor/intervalMs"), 1000};
        // The Preferences dialog. The defaults are those of ProcessSpec and OutputLog (checked
        // where the dialog reads them).
        static inline const SettingKey<int> DefaultGraceMs{QLatin1StringView("process/defaultGraceMs"), 5000};
        static inline const SettingKey<int> OutputMaxLines{QLatin1StringView("output/maxLines"), 100000};
        static inline const SettingKey<int> OutputMaxMiB{QLatin1StringView("output/maxMiB"), 32};
        static inline const SettingKey<int> OutputTotalMaxMiB{QLatin1StringView("output/totalMaxMiB"), 128};
        static inline const SettingKey<bool> OutputTimestamps{QLatin1StringView("output/timestamps"), false};
        // The output pane shows only each entry's current run ("This Run").
        static inline const SettingKey<bool> OutputCurrentRunOnly{QLatin1StringView("output/currentRunOnly"), false};
        // QFont::toString() of the output pane's font; "" for the system's fixed-width font.
        static inline const SettingKey<QString> OutputFont{QLatin1StringView("output/font")};
        // File > Open Recent, newest first.
        static inline const SettingKey<QStringList> RecentFiles{QLatin1StringView("recentFiles")};
    };
    // The group of the trusted session files (TrustStore keeps one record per file under it).
    static constexpr QLatin1StringView TrustGroup{"trust"};

    // The user's settings (organisation and application ProcDeck, native format). Their folder is
    // made 0700 and the file 0600, whatever the umask (see settings.cpp).
    Settings();
    // The settings in this INI file instead (tests). The file is 0600, its folder 0700 if created.
    explicit Settings(const QString &iniFile);
    // Syncs.
    ~Settings();

    // Writes pending changes and keeps the file 0600. Use this, not store().sync().
    void sync();

    template <typename T>
    T value(const SettingKey<T> &key) const
    {
        return m_settings->value(key.path, QVariant::fromValue(key.defaultValue)).template value<T>();
    }
    template <typename T>
    void setValue(const SettingKey<T> &key, const T &value)
    {
        m_settings->setValue(key.path, QVariant::fromValue(value));
    }
    template <typename T>
    void remove(const SettingKey<T> &key)
    {
        m_settings->remove(key.path);
    }

    // The underlying store, for records with keys made at run time (TrustStore).
    QSettings &store() { return *m_settings; }

    // Sets the organisation and application names and the version on QCoreApplication.
    static void setApplicationIdentity();

private:
    std::unique_ptr<QSettings> m_settings;
    bool m_ownFolder = false; // the folder is ProcDeck's own (the user's settings), kept 0700
};

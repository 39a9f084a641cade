#pragma once

#include <QDialog>
#include <QFont>

class QCheckBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;
class Settings;

// What the Preferences dialog edits: the values kept under Settings::Keys that the running window
// applies at once (MainWindow::applyPreferences()).
struct Preferences
{
    int defaultGraceMs = 0;  // the grace period of entries added afterwards
    int sampleIntervalMs = 0; // ProcStats
    int maxLines = 0;         // per entry's output
    int maxMiB = 0;           // per entry's output
    int totalMaxMiB = 0;      // every entry's output together
    bool notify = false;
    bool timestamps = false;
    QFont outputFont;

    static Preferences defaults();
    static Preferences read(const Settings &settings);
    void write(Settings &settings) const;
    friend bool operator==(const Preferences &a, const Preferences &b);
};

// Edit > Preferences…: a form of the preferences with OK, Cancel and Restore Defaults (which fills
// the form with the defaults; OK keeps them). The font button opens a QFontDialog.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);
    // The font the button shows and OK keeps (what the QFontDialog sets).
    void setOutputFont(const QFont &font);

private:
    QWidget *createProcessGroup();
    QWidget *createOutputGroup();
    void chooseFont();

    QDoubleSpinBox *m_grace = nullptr;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_notify = nullptr;
    QSpinBox *m_maxLines = nullptr;
    QSpinBox *m_maxMiB = nullptr;
    QSpinBox *m_totalMiB = nullptr;
    QCheckBox *m_timestamps = nullptr;
    QPushButton *m_fontButton = nullptr;
    QFont m_font;
};

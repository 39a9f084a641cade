#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>

// A small chart of recent values (a sparkline): a polyline with a light fill under it, scaled
// from zero to the maximum shown, the current value and the maximum as text in the top corners.
// Colours come from the palette (Highlight for the line, Text for the words), so a dark theme
// works; setInactive() greys the chart (an entry's last run, after it ended). The accessible
// description carries the current and maximum values, as the text shows them.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    using Formatter = std::function<QString(double)>;

    explicit Sparkline(QWidget *parent = nullptr);

    // How a value is written ("12.5 %", "34.0 MB"); the default is the locale's number.
    void setFormatter(Formatter formatter);
    // The values, oldest first; `capacity` is how many a full chart holds (the x scale), so that
    // a young history fills the right part only, as it will keep moving left.
    void setValues(const QList<double> &values, int capacity);
    // Greyed, with the values kept (true), or normal.
    void setInactive(bool inactive);
    // Shown in the middle instead of a chart when there are no values ("not running").
    void setPlaceholder(const QString &text);

    QList<double> values() const;
    double maximum() const;  // of values(), 0 when empty
    double current() const;  // the last value, 0 when empty
    bool isInactive() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(class QPaintEvent *event) override;

private:
    void updateDescription();
    QString format(double value) const;

    QList<double> m_values;
    int m_capacity = 0;
    double m_maximum = 0;
    bool m_inactive = false;
    QString m_placeholder;
    Formatter m_formatter;
};

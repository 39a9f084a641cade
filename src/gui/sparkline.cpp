#include "sparkline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::NoFocus);
    updateDescription();
}

void Sparkline::setFormatter(Formatter formatter)
{
    m_formatter = std::move(formatter);
    updateDescription();
    update();
}

void Sparkline::setValues(const QList<double> &values, int capacity)
{
    m_values = values;
    m_capacity = std::max(capacity, int(values.size()));
    m_maximum = values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
    updateDescription();
    update();
}

void Sparkline::setInactive(bool inactive)
{
    if (m_inactive == inactive)
        return;
    m_inactive = inactive;
    updateDescription();
    update();
}

void Sparkline::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    updateDescription();
    update();
}

QList<double> Sparkline::values() const
{
    return m_values;
}

double Sparkline::maximum() const
{
    return m_maximum;
}

double Sparkline::current() const
{
    return m_values.isEmpty() ? 0 : m_values.constLast();
}

bool Sparkline::isInactive() const
{
    return m_inactive;
}

QSize Sparkline::sizeHint() const
{
    return {200, std::max(40, fontMetrics().height() * 2 + 8)};
}

QSize Sparkline::minimumSizeHint() const
{
    return {80, sizeHint().height()};
}

QString Sparkline::format(double value) const
{
    return m_formatter ? m_formatter(value) : QLocale().toString(value, 'f', 1);
}

void Sparkline::updateDescription()
{
    if (m_values.isEmpty())
        setAccessibleDescription(m_placeholder);
    else if (m_inactive)
        setAccessibleDescription(tr("Last run: %1 at its end, maximum %2").arg(format(current()), format(m_maximum)));
    else
        setAccessibleDescription(tr("Now %1, maximum %2").arg(format(current()), format(m_maximum)));
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette::ColorGroup group = m_inactive || !isEnabled() ? QPalette::Disabled : QPalette::Active;
    const QRect frame = rect().adjusted(0, 0, -1, -1);
    painter.setPen(palette().color(group, QPalette::Mid));
    painter.setBrush(palette().color(group, QPalette::Base));
    painter.drawRect(frame);
    const QColor textColor = palette().color(group, QPalette::Text);
    const QRect textArea = frame.adjusted(4, 1, -4, -1);
    if (m_values.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
        painter.drawText(textArea, Qt::AlignCenter, m_placeholder);
        return;
    }

    // The chart below the text line, from zero to the maximum (a flat zero stays on the floor).
    const QRectF chart = QRectF(frame).adjusted(1, fontMetrics().height() + 2, -1, -2);
    const double top = m_maximum > 0 ? m_maximum : 1;
    const double step = m_capacity > 1 ? chart.width() / (m_capacity - 1) : 0;
    const double x0 = chart.right() - step * (m_values.size() - 1);
    QPainterPath line;
    for (int i = 0; i < m_values.size(); ++i) {
        const QPointF point(x0 + step * i, chart.bottom() - chart.height() * std::max(0.0, m_values.at(i)) / top);
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    QPainterPath fill = line;
    fill.lineTo(chart.right(), chart.bottom());
    fill.lineTo(x0, chart.bottom());
    fill.closeSubpath();
    QColor lineColor = m_inactive ? palette().color(QPalette::Disabled, QPalette::Text)
                                  : palette().color(QPalette::Active, QPalette::Highlight);
    QColor fillColor = lineColor;
    fillColor.setAlphaF(0.25f);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fillColor);
    painter.drawPath(fill);
    painter.setPen(QPen(lineColor, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);

    painter.setPen(textColor);
    painter.drawText(textArea, Qt::AlignLeft | Qt::AlignTop,
                     m_inactive ? tr("ended at %1").arg(format(current())) : format(current()));
    painter.drawText(textArea, Qt::AlignRight | Qt::AlignTop, tr("max %1").arg(format(m_maximum)));
}

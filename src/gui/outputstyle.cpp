#include "outputstyle.h"

#include <cmath>

namespace {

// The 16 basic colours, one set readable on a light background and one on a dark background.
constexpr std::array<QRgb, 16> LightBasic = {
    0xff000000, 0xffc91b00, 0xff00a600, 0xff8a7a00, 0xff0037da, 0xffa62fb0, 0xff00879a, 0xff5e5e5e,
    0xff767676, 0xffe74856, 0xff13a10e, 0xffa89f00, 0xff3b78ff, 0xffb4009e, 0xff0096b0, 0xff9a9a9a,
};
constexpr std::array<QRgb, 16> DarkBasic = {
    0xff3a3a3a, 0xffe05561, 0xff4fc25a, 0xffd7ba4b, 0xff4c8ff0, 0xffc678dd, 0xff36b6c6, 0xffcfcfcf,
    0xff808080, 0xffff6e76, 0xff7be07f, 0xfff5e27a, 0xff7fb0ff, 0xffe09cf0, 0xff6ed8e6, 0xffffffff,
};

qreal lightness(const QColor &color)
{
    return 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF();
}

} // namespace

QColor OutputStyle::blend(const QColor &a, const QColor &b, qreal t)
{
    const auto mix = [t](qreal x, qreal y) { return x * (1.0 - t) + y * t; };
    return QColor::fromRgbF(float(mix(a.redF(), b.redF())), float(mix(a.greenF(), b.greenF())),
                            float(mix(a.blueF(), b.blueF())));
}

OutputStyle::OutputStyle(const QPalette &palette)
    : m_text(palette.color(QPalette::Text))
    , m_base(palette.color(QPalette::Base))
{
    m_dark = lightness(m_base) < lightness(m_text);
    const QColor red = m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x10, 0x10);
    m_stderr = blend(red, m_text, 0.15);
    m_message = blend(m_text, m_base, 0.4);
    m_dim = blend(m_text, m_base, 0.5);
    const QColor yellow = m_dark ? QColor(0x8a, 0x7a, 0x10) : QColor(0xff, 0xe8, 0x60);
    const QColor orange = m_dark ? QColor(0xc0, 0x70, 0x10) : QColor(0xff, 0xa8, 0x30);
    m_match = blend(yellow, m_base, 0.3);
    m_currentMatch = orange;
    m_selection = palette.color(QPalette::Active, QPalette::Highlight);
    m_selectionText = palette.color(QPalette::Active, QPalette::HighlightedText);
    const auto &basic = m_dark ? DarkBasic : LightBasic;
    for (size_t i = 0; i < basic.size(); ++i)
        m_basic[i] = QColor::fromRgb(basic[i]);
}

QColor OutputStyle::ansi(int index) const
{
    if (index < 0 || index > 255)
        return m_text;
    if (index < 16)
        return m_basic[size_t(index)];
    if (index < 232) {
        // The 6x6x6 cube of xterm.
        static constexpr int Levels[6] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return QColor(Levels[i / 36], Levels[(i / 6) % 6], Levels[i % 6]);
    }
    const int grey = 8 + 10 * (index - 232);
    return QColor(grey, grey, grey);
}

QColor OutputStyle::entryColor(int id) const
{
    // The golden angle spreads consecutive ids over the hue circle.
    const int hue = int(std::fmod(double(id) * 137.508, 360.0));
    return QColor::fromHsl(hue, m_dark ? 150 : 200, m_dark ? 170 : 85);
}

QColor OutputStyle::streamColor(OutputStream stream) const
{
    switch (stream) {
    case OutputStream::Stderr:
        return m_stderr;
    case OutputStream::Message:
        return m_message;
    case OutputStream::Stdout:
        break;
    }
    return m_text;
}

QTextCharFormat OutputStyle::lineFormat(OutputStream stream) const
{
    QTextCharFormat format;
    format.setForeground(streamColor(stream));
    if (stream == OutputStream::Message)
        format.setFontItalic(true);
    return format;
}

QTextCharFormat OutputStyle::spanFormat(const QTextCharFormat &line, const OutputSpan &span) const
{
    QTextCharFormat format = line;
    // A 24-bit colour (SGR 38;2 / 48;2) is painted exactly; the palette index beside it is its
    // nearest 256-colour match, for whoever cannot show more.
    const auto exact = [](quint32 rgb) {
        return (rgb & OutputSpan::RgbValid) ? QColor::fromRgb(QRgb(rgb & 0xFFFFFFu)) : QColor();
    };
    QColor foreground = span.foreground >= 0 ? ansi(span.foreground) : line.foreground().color();
    if (span.bold && span.foreground >= 0 && span.foreground < 8)
        foreground = ansi(span.foreground + 8);
    if (const QColor rgb = exact(span.foregroundRgb); rgb.isValid())
        foreground = rgb;
    QColor background = span.background >= 0 ? ansi(span.background) : QColor();
    if (const QColor rgb = exact(span.backgroundRgb); rgb.isValid())
        background = rgb;
    if (span.inverse) {
        const QColor swapped = background.isValid() ? background : m_base;
        background = foreground;
        foreground = swapped;
    }
    format.setForeground(foreground);
    if (background.isValid())
        format.setBackground(background);
    if (span.bold)
        format.setFontWeight(QFont::Bold);
    if (span.italic)
        format.setFontItalic(true);
    if (span.underline)
        format.setFontUnderline(true);
    return format;
}

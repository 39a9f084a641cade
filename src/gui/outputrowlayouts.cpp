#include "outputrowlayouts.h"

#include "outputstyle.h"

#include <algorithm>

const OutputRowLayouts::Layout *OutputRowLayouts::find(const Key &key, qsizetype textSize, bool isLast,
                                                       quint64 tailRevision)
{
    Layout *cached = m_layouts.object(key);
    if (!cached)
        return nullptr;
    const bool stale = cached->textSize != textSize
        || ((isLast || cached->wasLast) && cached->tailRevision != tailRevision);
    if (!stale)
        return cached;
    m_layouts.remove(key);
    return nullptr;
}

QList<QTextLayout::FormatRange> OutputRowLayouts::formats(const Request &request, const Setup &setup,
                                                          const OutputStyle &style, int offset,
                                                          int windowEnd) const
{
    QList<QTextLayout::FormatRange> formats;
    const auto add = [&](int start, int length, const QTextCharFormat &format) {
        const int from = std::max(start, offset);
        const int to = std::min(start + length, windowEnd);
        if (to > from)
            formats.append({from - offset, to - from, format});
    };
    QTextCharFormat dim;
    dim.setForeground(style.dimText());
    add(0, setup.timestampLength, dim);
    if (request.names) {
        QTextCharFormat name;
        name.setForeground(request.nameColor);
        add(setup.timestampLength, setup.nameWidth, name);
        add(setup.timestampLength + setup.nameWidth, setup.separatorLength, dim);
    }
    const OutputLine &line = *request.line;
    const QTextCharFormat base = style.lineFormat(line.stream);
    add(request.textStart, int(line.text.size()), base);
    for (const OutputSpan &span : line.spans)
        add(request.textStart + span.start, span.length, style.spanFormat(base, span));
    if (line.continued)
        add(request.textEnd, setup.markLength, dim);
    return formats;
}

const OutputRowLayouts::Layout *OutputRowLayouts::add(const Request &request, const Setup &setup,
                                                      const OutputStyle &style)
{
    auto entry = std::make_unique<Layout>();
    const int window = request.key.second;
    const QString &text = request.text;
    entry->textStart = request.textStart;
    entry->textEnd = request.textEnd;
    entry->displaySize = int(text.size());
    entry->textSize = int(request.line->text.size());
    entry->wasLast = request.isLast;
    entry->tailRevision = request.tailRevision;
    entry->offset = std::max(0, window);
    const int windowEnd = window < 0 ? int(text.size()) : std::min(int(text.size()), window + request.windowLength);

    QTextLayout &layout = entry->layout;
    layout.setText(window < 0 ? text : text.mid(window, windowEnd - window));
    layout.setFont(setup.font);
    QTextOption option;
    option.setWrapMode(request.wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * setup.charWidth);
    layout.setTextOption(option);
    layout.setFormats(formats(request, setup, style, entry->offset, windowEnd));
    layout.setCacheEnabled(true);
    const qreal width = std::max<qreal>(setup.width, 8 * setup.charWidth);
    int lines = 0;
    qreal natural = 0;
    layout.beginLayout();
    for (QTextLine textLine = layout.createLine(); textLine.isValid(); textLine = layout.createLine()) {
        textLine.setLineWidth(request.wrap ? width : 1e9);
        textLine.setPosition(QPointF(0, lines * setup.lineSpacing));
        natural = std::max(natural, textLine.naturalTextWidth());
        ++lines;
    }
    layout.endLayout();
    entry->lines = std::max(1, lines);
    entry->x = request.chunk ? 0 : entry->offset * setup.charWidth;
    entry->width = window < 0 ? natural : text.size() * setup.charWidth;

    const int cost = 1 + int(layout.text().size() / 1000);
    const Layout *result = entry.get();
    m_layouts.insert(request.key, entry.release(), cost);
    return result;
}

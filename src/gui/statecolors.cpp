#include "statecolors.h"

namespace StateColors {

QColor tinted(const QColor &hue, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const QColor base = dark ? hue.lighter(150) : hue;
    return QColor::fromRgbF(base.redF() * 0.8f + text.redF() * 0.2f,
                            base.greenF() * 0.8f + text.greenF() * 0.2f,
                            base.blueF() * 0.8f + text.blueF() * 0.2f);
}

QColor failure(const QPalette &palette)
{
    return tinted(QColor(0xc0, 0x1c, 0x28), palette);
}

QColor forState(ManagedProcess::State state, const QPalette &palette)
{
    using S = ManagedProcess::State;
    switch (state) {
    case S::Starting:
    case S::Running:
        return tinted(QColor(0x26, 0xa2, 0x69), palette);
    case S::Stopping:
    case S::Waiting:
    case S::WaitingForDependencies:
        return tinted(QColor(0xe6, 0x61, 0x00), palette);
    case S::Paused:
        return tinted(QColor(0x1c, 0x71, 0xd8), palette);
    case S::Killed:
    case S::FailedToStart:
    case S::Blocked:
        return failure(palette);
    case S::NotStarted:
    case S::Exited:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QColor forStateText(ManagedProcess::State state, bool failed, const QPalette &palette)
{
    return forState(state == ManagedProcess::State::Killed && !failed ? ManagedProcess::State::Exited : state,
                    palette);
}

} // namespace StateColors

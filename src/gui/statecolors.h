#pragma once

// The colours of an entry's state, from the palette so dark themes work: the table's delegate
// (the Alive column's dot, the State and Exit text) and the graph dock's nodes both ask here.

#include "managedprocess.h"

#include <QColor>
#include <QPalette>

namespace StateColors {

// A hue mixed towards the palette's text colour, so it stays readable on light and dark bases.
QColor tinted(const QColor &hue, const QPalette &palette);

// Red, for a failure (the name of an entry that ended unexpectedly, a failed exit).
QColor failure(const QPalette &palette);

// The colour of a state as such (the Alive column's dot): green running, orange stopping or
// waiting, blue paused, red killed or failed to start, grey not started or exited.
QColor forState(ManagedProcess::State state, const QPalette &palette);

// The colour of the State column's text: red is for failures (the rows counted as failed), so a
// stop by the user (Killed, not failed) reads as an end.
QColor forStateText(ManagedProcess::State state, bool failed, const QPalette &palette);

} // namespace StateColors

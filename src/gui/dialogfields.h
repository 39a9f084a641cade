#pragma once

// Small helpers the Add/Edit dialog's tabs share to build their forms alike.

class QFormLayout;
class QSpinBox;
class QString;
class QWidget;

namespace DialogFields {

// The largest value of a milliseconds field: a day, so that the fields' width stays readable.
inline constexpr int MaxMilliseconds = 24 * 3600 * 1000;

// A spin box in milliseconds (" ms", steps of 100) from `minimum` to MaxMilliseconds.
QSpinBox *millisecondsSpin(int value, int minimum, const QString &accessibleName, QWidget *parent);

// A form row whose field keeps its own width; the label's mnemonic goes to the field.
void addNarrowRow(QFormLayout *form, const QString &label, QWidget *field);

} // namespace DialogFields

#include "dialogfields.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

namespace DialogFields {

namespace {

class Msg
{
    Q_DECLARE_TR_FUNCTIONS(DialogFields)
};

} // namespace

QSpinBox *millisecondsSpin(int value, int minimum, const QString &accessibleName, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(minimum, MaxMilliseconds);
    spin->setSuffix(Msg::tr(" ms"));
    spin->setSingleStep(100);
    spin->setValue(value);
    spin->setAccessibleName(accessibleName);
    return spin;
}

void addNarrowRow(QFormLayout *form, const QString &label, QWidget *field)
{
    auto *text = new QLabel(label, field->parentWidget());
    text->setBuddy(field);
    auto *row = new QHBoxLayout;
    row->addWidget(field);
    row->addStretch();
    form->addRow(text, row);
}

} // namespace DialogFields

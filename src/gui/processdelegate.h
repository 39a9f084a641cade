#pragma once

#include <QStyledItemDelegate>

// Colours for the process table, from the palette so dark themes work (StateColors): a status dot in the Alive
// column, state and exit text tinted by outcome, the PID of a finished run greyed, and the name of
// an entry whose last run ended unexpectedly in bold red; the Ready column in the state colours.
class ProcessDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessDelegate)

public:
    explicit ProcessDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

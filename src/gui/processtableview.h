#pragma once

#include <QList>
#include <QTableView>

class QAction;
class QLineEdit;

// The process table as the window shows it: columns sized to fit the window (the last one
// stretches), a header context menu that shows and hides columns, a hint painted in the empty
// table, and keyboard use that stays in the table (Tab leaves it; Down in the filter box enters
// it).
class ProcessTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessTableView)

public:
    explicit ProcessTableView(QWidget *parent = nullptr);

    // Widths from the font: each column as wide as its header or its usual content, whichever
    // is wider; and the header menu. Call once, after setModel().
    void applyDefaultWidths();

    // The header's state (widths, order, hidden columns); restoreColumns() returns false and
    // keeps the defaults when the state does not fit the model.
    QByteArray saveColumns() const;
    bool restoreColumns(const QByteArray &state);

    // The header menu's actions, one checkable action per column (the first cannot be hidden).
    QList<QAction *> columnActions() const;

    // Painted in the middle of the table when it has no rows ("No commands yet…", "No entry
    // matches…"); empty paints nothing.
    void setEmptyText(const QString &text);
    QString emptyText() const;

    // Down (and Page Down) in this line edit moves the focus into the table, onto its current row
    // or else the first one.
    void enterFrom(QLineEdit *edit);

signals:
    // A column was shown or hidden from the header menu (the window remembers it).
    void columnsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createColumnActions();
    void syncColumnActions();
    void enterTable();

    QList<QAction *> m_columnActions;
    QString m_emptyText;
    QLineEdit *m_enterFrom = nullptr;
};

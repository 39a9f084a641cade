#pragma once

#include <QSortFilterProxyModel>

// Sorting on the raw values of ProcessTableModel::SortRole, and a filter that matches an entry's
// name, command line or state text.
class ProcessFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessFilterModel)

public:
    explicit ProcessFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filterText;
};

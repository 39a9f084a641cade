#include "processfiltermodel.h"

#include "processtablemodel.h"

ProcessFilterModel::ProcessFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ProcessTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ProcessFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    invalidateRowsFilter();
}

QString ProcessFilterModel::filterText() const
{
    return m_filterText;
}

bool ProcessFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex name = model->index(sourceRow, ProcessTableModel::Name, sourceParent);
    const QModelIndex state = model->index(sourceRow, ProcessTableModel::State, sourceParent);
    const QString haystack[] = {
        name.data(Qt::DisplayRole).toString(),
        name.data(Qt::ToolTipRole).toString(), // the command line
        state.data(Qt::DisplayRole).toString(),
    };
    for (const QString &text : haystack) {
        if (text.contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ProcessFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Stable order between equal values: the entries' order in the session.
    return left.row() < right.row();
}

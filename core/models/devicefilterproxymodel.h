#pragma once

#include "fleet/device.h"

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// Which devices a fleet view shows, as a plain value: the proxy below only adapts it.
struct DeviceFilter
{
    QString text; // case-insensitive substring of the id or of one group; empty matches all
    std::optional<Device::Connectivity> connectivity;
    QString group; // exact group name; empty matches all
    // Only devices whose shadow has desired keys the device has not reported yet (the overview's "out of
    // sync"). The proxy reads the shadow only when this is set, and asks acceptsShadow().
    bool outOfSync = false;

    bool isEmpty() const { return text.isEmpty() && !connectivity && group.isEmpty() && !outOfSync; }
    // differingKeys: DeviceTableModel::ShadowRole (-1 unknown, 0 in sync, N keys pending).
    bool acceptsShadow(int differingKeys) const { return !outOfSync || differingKeys > 0; }
    bool accepts(const QString &id, const QStringList &groups, Device::Connectivity state) const;
    // The same, asking groupsOf() (a callable returning the device's QStringList) only when the id and the
    // connectivity have not settled it: a proxy calls this for every device at each keystroke, and the id
    // alone settles most of them. state is only read when a connectivity is set.
    template<typename GroupsOf>
    bool accepts(const QString &id, Device::Connectivity state, GroupsOf &&groupsOf) const
    {
        if (connectivity && *connectivity != state)
            return false;
        const bool idMatches = text.isEmpty() || id.contains(text, Qt::CaseInsensitive);
        if (idMatches && group.isEmpty())
            return true;
        const QStringList groups = groupsOf();
        if (!group.isEmpty() && !groups.contains(group))
            return false;
        return idMatches || anyGroupContainsText(groups);
    }

    friend bool operator==(const DeviceFilter &, const DeviceFilter &) = default;

private:
    bool anyGroupContainsText(const QStringList &groups) const;
};

// Filters and sorts a DeviceTableModel: the filter reads the model's raw roles, and sorting compares the raw
// role of the sorted column (times and counts as numbers, groups as their joined text).
//
// Two columns of raw values are kept per source row, read once each instead of at every use: the ids, which
// the text filter reads for every device at each keystroke, and the sorted column, which sorting 100,000
// devices (or taking back the 90,000 that an erased filter lets in again) compares millions of times. Read
// through the model, one scattered string at a time, they were most of a keystroke's time. The copies follow
// the source's signals; those are connected ahead of QSortFilterProxyModel's own handlers (see
// setSourceModel()), so that a changed row is read again before the base class filters and sorts it again.
class DeviceFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DeviceFilterProxyModel(QObject *parent = nullptr);
    ~DeviceFilterProxyModel() override;

    const DeviceFilter &filter() const { return m_filter; }
    void setFilter(const DeviceFilter &filter);

    QString filterText() const { return m_filter.text; }
    void setFilterText(const QString &text);
    std::optional<Device::Connectivity> connectivityFilter() const { return m_filter.connectivity; }
    void setConnectivityFilter(std::optional<Device::Connectivity> connectivity);
    QString groupFilter() const { return m_filter.group; }
    void setGroupFilter(const QString &group);
    bool outOfSyncFilter() const { return m_filter.outOfSync; }
    void setOutOfSyncFilter(bool outOfSync);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The raw value of one role for every source row: text (ids, joined groups) or a number.
    struct RowKeys
    {
        int role = -1; // -1: nothing kept
        QList<QString> texts;
        QList<qint64> numbers;
        qsizetype size() const { return qMax(texts.size(), numbers.size()); }
    };

    static bool isTextRole(int role);
    // keys, made to hold role, with the rows appended since read too (row is the highest the caller needs).
    const RowKeys &rowKeys(RowKeys &keys, int role, int row) const;
    void readKeys(RowKeys &keys, int first, int last) const;
    void clearKeys();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);
    void onSourceRowsInserted(const QModelIndex &parent, int first);

    DeviceFilter m_filter;
    mutable RowKeys m_ids;      // IdRole, for the filter and for sorting by id
    mutable RowKeys m_sortKeys; // the sorted column's role, unless it is IdRole
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace fleet

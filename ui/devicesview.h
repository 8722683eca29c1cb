#pragma once

#include <QByteArray>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace fleet {

struct DeviceFilter;
class DeviceFilterProxyModel;
class DeviceItemDelegate;
class DesiredBatchDialog;
class DeviceTableModel;
class FleetSession;

// The fleet as a table: every device of the session's registry with its connectivity, last sighting, groups,
// shadow state and pending commands, filtered by text, connectivity and group, sorted on the raw values.
//
// It stays smooth at 100,000 devices: rows have one fixed height (the view never asks a row for its size),
// columns are sized by the operator rather than to their contents, the delegate reads only the painted
// cells, and relative times are refreshed by repainting the viewport, which paints only the visible rows.
class DevicesView final : public QWidget
{
    Q_OBJECT

public:
    explicit DevicesView(FleetSession *session, QWidget *parent = nullptr);
    ~DevicesView() override;

    // Ids of the selected devices, in the table's order.
    QStringList selectedDevices() const;

    // The header's column widths, order and sort; restoreState() returns false (and changes nothing) for
    // data it did not write.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    // Sets every filter control to filter (the overview's figures open the table so).
    void setFilter(const DeviceFilter &filter);

    // Reads the registry's group names again (done by itself, at most once a second, while devices change).
    void refreshGroups();

    QTableView *tableView() const { return m_table; }
    DeviceTableModel *model() const { return m_model; }
    DeviceFilterProxyModel *proxyModel() const { return m_proxy; }
    DeviceItemDelegate *delegate() const { return m_delegate; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *connectivityCombo() const { return m_connectivityCombo; }
    QComboBox *groupCombo() const { return m_groupCombo; }
    QCheckBox *outOfSyncCheck() const { return m_outOfSyncCheck; }
    QLabel *countLabel() const { return m_countLabel; }
    QPushButton *desiredButton() const { return m_desiredButton; }

    // "Set desired state…": a DesiredBatchDialog for the selected devices, else for the group the filter
    // shows; nullptr (and nothing opens) when there is neither.
    DesiredBatchDialog *openDesiredBatch();

Q_SIGNALS:
    // Double-click or Enter on a row.
    void deviceActivated(const QString &id);
    // A click that leaves that one row selected (not one with Ctrl or Shift that extends a selection).
    void deviceClicked(const QString &id);
    // At most once per turn of the event loop, however many ranges the selection model reported.
    void selectionChanged(const QStringList &ids);

private:
    void applyConnectivityFilter();
    void applyGroupFilter();
    void scheduleGroupRefresh();
    void updateCount();
    void emitSelection();
    void updateDesiredButton();

    QPointer<FleetSession> m_session;
    DeviceTableModel *m_model;
    DeviceFilterProxyModel *m_proxy;
    DeviceItemDelegate *m_delegate;
    QLineEdit *m_filterEdit;
    QComboBox *m_connectivityCombo;
    QComboBox *m_groupCombo;
    QCheckBox *m_outOfSyncCheck;
    QLabel *m_countLabel;
    QPushButton *m_desiredButton;
    QTableView *m_table;
    QTimer m_selectionTimer;    // coalesces selection changes
    QTimer m_groupsTimer;       // throttles reading the group names
    QTimer m_relativeTimeTimer; // "5 s ago" must keep moving
    QStringList m_groups;
};

} // namespace fleet

#pragma once

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTreeView;
class QTextBrowser;

namespace fleet {

class CommandExecution;
struct CommandFilter;
class CommandTimelineFilterProxyModel;
class CommandTimelineModel;
class FleetSession;

// The command timeline: every execution the session's tracker follows (and the ledger's recent history,
// loaded at start), filtered by state, device and command, sorted by any column. Fleet-wide by default;
// setDevice() makes it one device's timeline (the device detail view embeds it that way).
//
// The details pane shows the selected execution whole: its transitions with times and notes, its replies
// with their flags, attempts, duration, reason and who requested it, read from the tracker, or from the
// ledger for an execution the tracker has already forgotten. Cancel stops following a command that has no
// verdict yet; Retry sends a failed, timed-out, unreachable, rejected or cancelled one again as a new
// execution with the same command and parameters (so the ledger keeps both).
//
// Fleet-wide, a broadcast (a selection or a group request) is one row with its progress, its devices' parts
// under it; selected, the pane sums it up and Retry sends the command again to each part that failed.
class CommandTimelineView final : public QWidget
{
    Q_OBJECT

public:
    // The state filter's choices, in the combo's order.
    // Custom: the states setFilter() was given, when they are none of the others.
    enum class StateChoice { All, InProgress, Problems, Succeeded, AwaitingApproval, Custom };
    Q_ENUM(StateChoice)

    // Executions loaded from the ledger at start.
    static constexpr int HistoryLimit = 1000;

    explicit CommandTimelineView(FleetSession *session, QWidget *parent = nullptr);
    // Names the view and its table and splitter after prefix (prefixView, prefixTable, prefixSplitter): the
    // window saves their layout by name, so a second timeline needs names of its own.
    void setLayoutName(const QString &prefix);
    ~CommandTimelineView() override;

    // One device's timeline (its device filter is then fixed and hidden); empty for the whole fleet.
    void setDevice(const QString &device);
    QString device() const { return m_device; }

    void setStateChoice(StateChoice choice);
    void setDeviceFilter(const QString &device); // fleet-wide mode's device field
    void setCommandFilter(const QString &command);
    // Shows what filter selects by device, command and states (the overview's figures open the timeline
    // so); its broadcast is not a choice here.
    void setFilter(const CommandFilter &filter);

    CommandTimelineModel *model() const { return m_model; }
    CommandTimelineFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }

    // Selects an execution's row (clearing the filters if they hide it); false when it has no row yet, and
    // then it is selected once its row is inserted.
    bool selectExecution(const QString &id);
    QString selectedExecution() const;

public Q_SLOTS:
    void cancelSelected();
    void retrySelected();

Q_SIGNALS:
    // A retry started this execution.
    void retried(const QString &originalId, const QString &newId);

private:
    void applyFilters();
    void updateDetails();
    void updateCommands();
    std::optional<CommandExecution> executionOf(const QString &id) const;
    // retriedAs: the executions that retry this one (the reverse of its retryOf).
    static QString detailsHtml(const CommandExecution &execution, const QStringList &retriedAs);
    // The executions that retry id: the tracker's, and the older ones only the ledger still knows.
    QStringList retriesOf(const QString &id) const;
    QString broadcastHtml(const QModelIndex &index) const;
    // The parts of the selected broadcast that can be retried (failed, timed out, …).
    QStringList retryableParts() const;
    bool selectedIsBroadcast() const;

    FleetSession *m_session;
    CommandTimelineModel *m_model;
    CommandTimelineFilterProxyModel *m_proxy;
    QComboBox *m_state;
    QLineEdit *m_deviceEdit;
    QComboBox *m_command;
    QSplitter *m_splitter;
    QTreeView *m_table;
    QTextBrowser *m_details;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QLabel *m_status;
    QString m_device;
    QString m_selectWhenInserted; // a retry's execution, selected once the model has its row
};

} // namespace fleet

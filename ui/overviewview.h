#pragma once

#include "commands/commandexecution.h"
#include "commands/commandfilter.h"
#include "models/devicefilterproxymodel.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QAbstractButton;
class QBarSet;
class QCategoryAxis;
class QChartView;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedBarSeries;
class QTableWidget;
class QValueAxis;

namespace fleet {

class FleetOverview;
class FleetSession;

// The fleet at a glance, the console's first tab: devices online, offline, never heard of and only last
// known (the console is not connected); shadows out of sync; approvals waiting; commands by outcome over a
// recent window, by command, and the devices that failed most. The figures are FleetOverview's (worked out
// at most once a second); this view only words and draws them.
//
// Every figure is a click away from the view that lists it: the view does not switch tabs itself, it asks,
// through the signals below, and the main window opens the Devices, Commands or Approvals tab so filtered,
// or the device.
class OverviewView final : public QWidget
{
    Q_OBJECT

public:
    enum class Figure {
        Online,
        Offline,
        Stale,
        NeverReported,
        Total,
        OutOfSync,
        ApprovalsWaiting,
        InProgress,
        Failures,
    };
    Q_ENUM(Figure)

    // The windows offered, in the combo's order: an hour in 5-minute bars, 6 hours in 30-minute bars, a day
    // in 2-hour bars.
    enum class Window { Hour, SixHours, Day };
    Q_ENUM(Window)

    // Executions read from the ledger at start: a busy day's worth without a noticeable wait.
    static constexpr int HistoryLimit = 5000;
    // Below this width the figures take two rows (beside the console's docks).
    static constexpr int NarrowWidth = 1000;

    explicit OverviewView(FleetSession *session, QWidget *parent = nullptr);
    ~OverviewView() override;

    FleetOverview *overview() const { return m_overview; }
    QPushButton *figureButton(Figure figure) const { return m_tiles.value(figure).button; }
    // The number a figure shows, as shown.
    QString figureText(Figure figure) const;
    QComboBox *windowCombo() const { return m_window; }
    QChartView *outcomeChart() const { return m_chart; }
    QTableWidget *commandsTable() const { return m_commands; }
    QTableWidget *failingTable() const { return m_failing; }
    // The chart's bars of one outcome (a bar per bucket), null for a state the chart does not stack.
    QBarSet *outcomeSet(CommandExecution::State state) const { return m_sets.value(state); }

    void setWindow(Window window);

Q_SIGNALS:
    void devicesRequested(const fleet::DeviceFilter &filter);
    void deviceRequested(const QString &id);
    void commandsRequested(const fleet::CommandFilter &filter);
    void approvalsRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Tile
    {
        QPushButton *button = nullptr;
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
        QLabel *detail = nullptr;
    };

    enum CommandColumn {
        CommandNameColumn,
        VerdictsColumn,
        SuccessShareColumn,
        FailuresColumn,
        InProgressColumn,
        CommandColumnCount
    };
    enum FailingColumn { FailingDeviceColumn, FailingCountColumn, LastFailureColumn, FailingColumnCount };

    QWidget *makeTile(Figure figure, const QString &caption, const QString &toolTip);
    void setTile(Figure figure, qint64 value, const QString &detail = {}, bool dim = false);
    void onFigureClicked(Figure figure);
    void onCommandClicked(int row, int column);
    void refresh();
    void updateDevices();
    void updateChart();
    void updateCommands();
    void updateFailing();
    void styleChart();
    // Lays the sections out for the width there is (wide, narrow, narrow with the tables stacked).
    void arrange();
    QString windowText() const;

    FleetSession *m_session;
    FleetOverview *m_overview;
    QMap<Figure, Tile> m_tiles;
    QComboBox *m_window;
    QLabel *m_chartEmpty;
    QChartView *m_chart;
    QStackedBarSeries *m_series;
    QCategoryAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QMap<CommandExecution::State, QBarSet *> m_sets;
    QMap<CommandExecution::State, QPushButton *> m_legendEntries; // recoloured with the sets
    QTableWidget *m_commands;
    QTableWidget *m_failing;
    QLabel *m_commandsEmpty;
    QLabel *m_failingEmpty;
    QGroupBox *m_devicesBox = nullptr;
    QGroupBox *m_attentionBox = nullptr;
    QGroupBox *m_chartBox = nullptr;
    QGroupBox *m_commandsBox = nullptr;
    QGroupBox *m_failingBox = nullptr;
    QGridLayout *m_grid = nullptr;
    QScrollArea *m_scroll = nullptr;
    int m_mode = -1; // arrange()'s last layout
};

} // namespace fleet

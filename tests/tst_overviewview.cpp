// OverviewView over a FleetSession with no broker (its registry fed messages directly, its tracker failing
// commands for an offline device at once): the figures it shows, stale while not connected, each figure and
// table asking for the filtered view, the chart's bars and legend, and a layout that fits 1280x800 with every
// text whole, in English and with every string made 40% longer (as Spanish and French run). The offscreen
// grab is written to $TMPDIR/overview*.png for a look.

#include "commands/commandtracker.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "models/fleetoverview.h"
#include "mqtt/mqttmessage.h"
#include "overviewview.h"
#include "themecontroller.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using fleet::CommandFilter;
using fleet::Device;
using fleet::DeviceFilter;
using fleet::FleetSession;
using fleet::Json;
using fleet::MqttMessage;
using fleet::OverviewView;
using Figure = OverviewView::Figure;
using State = fleet::CommandExecution::State;

namespace {

QByteArray documents(const Json &desired, const Json &reported, qint64 version)
{
    const Json state = {{"desired", desired}, {"reported", reported}};
    const Json body = {
        {"previous", {{"state", state}, {"metadata", Json::object()}, {"version", version - 1}}},
        {"current", {{"state", state}, {"metadata", Json::object()}, {"version", version}}},
        {"timestamp", 1700000000}};
    return QByteArray::fromStdString(body.dump());
}

// Three online, one offline, one never heard of; one shadow out of sync by two keys; two commands failed
// on an offline device, one waits.
void populate(FleetSession &session)
{
    fleet::FleetRegistry *registry = session.registry();
    for (const QString &id : {u"dev-1"_s, u"dev-2"_s, u"dev-3"_s})
        registry->ingest(MqttMessage(u"presence/"_s + id, "online"));
    registry->ingest(MqttMessage(u"presence/dev-4"_s, "offline"));
    QVERIFY(registry->importData("dev-5\n"));
    registry->ingest(MqttMessage(u"$aws/things/dev-1/shadow/update/documents"_s,
                                 documents({{"led", "red"}, {"fan", 2}}, {{"led", "blue"}}, 2)));
    registry->flush();
    fleet::CommandTracker *tracker = session.tracker();
    QVERIFY(!tracker->send(u"dev-1"_s, u"upload_log"_s).isEmpty()); // held: no connection
    tracker->setOfflinePolicy(fleet::CommandTracker::OfflinePolicy::FailFast);
    tracker->setDeviceOnline(u"dev-4"_s, false);
    QVERIFY(!tracker->send(u"dev-4"_s, u"upload_log"_s).isEmpty());
    QVERIFY(!tracker->send(u"dev-4"_s, u"motor_on"_s).isEmpty());
}

// Labels whose text does not fit where the layout put them.
QStringList clippedLabels(const QWidget *root)
{
    QStringList clipped;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || label->text().isEmpty())
            continue;
        const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                            : label->sizeHint().width() <= label->width();
        if (!fits)
            clipped.append(u"%1 (%2x%3)"_s.arg(label->text()).arg(label->width()).arg(label->height()));
    }
    for (const QGroupBox *box : root->findChildren<QGroupBox *>()) {
        if (box->fontMetrics().horizontalAdvance(box->title()) + 16 > box->width())
            clipped.append(box->title());
    }
    return clipped;
}

// Every string 40% longer, as Spanish and French run against English.
class LongerTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        if (qstrcmp(context, "fleet::OverviewView") != 0 && qstrcmp(context, "fleet::CommandExecution") != 0)
            return {};
        QString text = QString::fromUtf8(source);
        if (n >= 0)
            text.replace(u"%n"_s, QString::number(n)).replace(u"(s)"_s, u"s"_s);
        const qsizetype extra = text.size() * 4 / 10;
        return text + QString(extra, u'é');
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestOverviewView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresAreShown()
    {
        FleetSession session;
        populate(session);
        OverviewView view(&session);
        QTRY_COMPARE(view.overview()->failures(), 2);
        QCOMPARE(view.figureText(Figure::Online), u"3"_s);
        QCOMPARE(view.figureText(Figure::Offline), u"1"_s);
        QCOMPARE(view.figureText(Figure::NeverReported), u"1"_s);
        QCOMPARE(view.figureText(Figure::Total), u"5"_s);
        // Not connected: every known state is only the last known.
        QCOMPARE(view.figureText(Figure::Stale), u"4"_s);
        QCOMPARE(view.figureText(Figure::OutOfSync), u"1"_s);
        QCOMPARE(view.figureText(Figure::InProgress), u"1"_s);
        QCOMPARE(view.figureText(Figure::Failures), u"2"_s);
        QCOMPARE(view.figureText(Figure::ApprovalsWaiting), u"0"_s);
        QVERIFY(view.figureButton(Figure::Online)
                    ->findChildren<QLabel *>()
                    .last()
                    ->text()
                    .contains(u"last known"_s));

        QTableWidget *commands = view.commandsTable();
        QCOMPARE(commands->rowCount(), 2);
        QStringList names{commands->item(0, 0)->text(), commands->item(1, 0)->text()};
        names.sort();
        QCOMPARE(names, (QStringList{u"motor_on"_s, u"upload_log"_s}));
        QTableWidget *failing = view.failingTable();
        QCOMPARE(failing->rowCount(), 1);
        QCOMPARE(failing->item(0, 0)->text(), u"dev-4"_s);
        QCOMPARE(failing->item(0, 1)->text(), u"2"_s);
        QCOMPARE(view.outcomeSet(State::Failed)->sum(), 2.0);
        QCOMPARE(view.outcomeSet(State::Succeeded)->sum(), 0.0);
        QVERIFY(view.outcomeChart()->isVisibleTo(&view));

        // Large numbers in the locale's way.
        QCOMPARE(QLocale(QLocale::English).toString(12345), u"12,345"_s);
    }

    void figuresAskForTheirView()
    {
        FleetSession session;
        populate(session);
        OverviewView view(&session);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.commandsTable()->rowCount(), 2);
        QSignalSpy devices(&view, &OverviewView::devicesRequested);
        QSignalSpy device(&view, &OverviewView::deviceRequested);
        QSignalSpy commands(&view, &OverviewView::commandsRequested);
        QSignalSpy approvals(&view, &OverviewView::approvalsRequested);

        const auto deviceFilter = [&devices] { return devices.takeLast().at(0).value<DeviceFilter>(); };
        const auto commandFilter = [&commands] { return commands.takeLast().at(0).value<CommandFilter>(); };
        QTest::mouseClick(view.figureButton(Figure::Offline), Qt::LeftButton);
        QCOMPARE(deviceFilter().connectivity, std::optional(Device::Connectivity::Offline));
        QTest::mouseClick(view.figureButton(Figure::Online), Qt::LeftButton);
        QCOMPARE(deviceFilter().connectivity, std::optional(Device::Connectivity::Online));
        QTest::mouseClick(view.figureButton(Figure::NeverReported), Qt::LeftButton);
        QCOMPARE(deviceFilter().connectivity, std::optional(Device::Connectivity::Unknown));
        QTest::mouseClick(view.figureButton(Figure::Total), Qt::LeftButton);
        QVERIFY(deviceFilter().isEmpty());
        QTest::mouseClick(view.figureButton(Figure::OutOfSync), Qt::LeftButton);
        const DeviceFilter outOfSync = deviceFilter();
        QVERIFY(outOfSync.outOfSync);
        QVERIFY(!outOfSync.connectivity);
        QTest::mouseClick(view.figureButton(Figure::ApprovalsWaiting), Qt::LeftButton);
        QCOMPARE(approvals.size(), 1);
        QTest::mouseClick(view.figureButton(Figure::Failures), Qt::LeftButton);
        QCOMPARE(commandFilter().states, (QList<State>{State::Failed, State::TimedOut, State::Unreachable}));
        QTest::mouseClick(view.figureButton(Figure::InProgress), Qt::LeftButton);
        QCOMPARE(commandFilter().states, CommandFilter::unfinishedStates());
        QCOMPARE(devices.size(), 0);

        // A bar of the chart: its outcome.
        Q_EMIT view.outcomeSet(State::TimedOut)->clicked(3);
        CommandFilter bar = commandFilter();
        QCOMPARE(bar.states, QList<State>{State::TimedOut});
        QVERIFY(bar.command.isEmpty());

        // A command: all of its executions; its failures column: its failures.
        QTableWidget *table = view.commandsTable();
        int row = table->item(0, 0)->text() == u"upload_log"_s ? 0 : 1;
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(row, 0)).center());
        CommandFilter command = commandFilter();
        QCOMPARE(command.command, u"upload_log"_s);
        QVERIFY(command.states.isEmpty());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(row, 3)).center());
        command = commandFilter();
        QCOMPARE(command.command, u"upload_log"_s);
        QCOMPARE(command.states, (QList<State>{State::Failed, State::TimedOut, State::Unreachable}));

        // A failing device: opened.
        QTableWidget *failing = view.failingTable();
        QTest::mouseClick(failing->viewport(), Qt::LeftButton, {},
                          failing->visualItemRect(failing->item(0, 2)).center());
        QCOMPARE(device.size(), 1);
        QCOMPARE(device.first().at(0).toString(), u"dev-4"_s);
        // Both tables copy their selected row.
        QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
        failing->findChild<QAction *>(u"copyAction"_s)->trigger();
        QVERIFY2(QApplication::clipboard()->text().startsWith(u"dev-4\t"_s),
                 qPrintable(QApplication::clipboard()->text()));
    }

    void windowChangesTheRange()
    {
        FleetSession session;
        OverviewView view(&session);
        QCOMPARE(view.overview()->windowMs(), fleet::FleetOverview::DefaultWindowMs);
        view.setWindow(OverviewView::Window::Day);
        QCOMPARE(view.overview()->windowMs(), 24 * 60 * 60 * 1000LL);
        QCOMPARE(view.overview()->outcomes().size(), 12);
        // Nothing happened: the chart says so instead of drawing empty bars.
        QVERIFY(!view.outcomeChart()->isVisibleTo(&view));
        QVERIFY(view.findChild<QLabel *>(u"overviewChartEmpty"_s)->text().contains(u"24 hours"_s));
    }

    void fitsWithEveryTextWhole_data()
    {
        QTest::addColumn<bool>("longer");
        QTest::addColumn<bool>("busy");
        QTest::addColumn<QSize>("size");
        // The whole window, and the tab beside the console's docks in a 1280x800 window.
        const QSize whole(1280, 800);
        const QSize besideDocks(650, 660);
        QTest::newRow("english") << false << true << whole;
        QTest::newRow("english, empty") << false << false << whole;
        QTest::newRow("40% longer") << true << true << whole;
        QTest::newRow("english, beside docks") << false << true << besideDocks;
        QTest::newRow("40% longer, beside docks") << true << true << besideDocks;
    }

    void fitsWithEveryTextWhole()
    {
        QFETCH(bool, longer);
        QFETCH(bool, busy);
        QFETCH(QSize, size);
        LongerTranslator translator;
        if (longer)
            QApplication::installTranslator(&translator);
        FleetSession session;
        if (busy) {
            populate(session);
            // Enough devices and commands for wide numbers and a full table.
            fleet::FleetRegistry *registry = session.registry();
            for (int i = 0; i < 12000; ++i)
                registry->ingest(MqttMessage(u"presence/bulk-%1"_s.arg(i), i % 3 ? "online" : "offline"));
            registry->flush();
            for (int i = 0; i < 12; ++i)
                session.tracker()->send(u"bulk-%1"_s.arg(i * 3), u"set_led"_s, Json{{"color", "red"}});
        }
        OverviewView view(&session);
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.overview()->recompute();
        QTest::qWait(50);
        // Written first, for a look when something below fails.
        const QString name = QString::fromUtf8(QTest::currentDataTag());
        const QString path = QDir::temp().filePath(
            u"overview-%1.png"_s.arg(QString(name).replace(QRegularExpression(u"\\W+"_s), u"-"_s)));
        QVERIFY(view.grab().save(path));
        qInfo("written %s", qPrintable(path));
        // All of it in sight, nothing to scroll to.
        auto *scroll = view.findChild<QScrollArea *>(u"overviewScroll"_s);
        QVERIFY(scroll);
        const QSize needed(scroll->widget()->minimumSizeHint().width(),
                           scroll->widget()->heightForWidth(size.width()));
        // (Beside the docks, text 40% longer than English stacks the tables: the tab may scroll down.)
        const bool mayScrollDown = longer && size.width() < OverviewView::NarrowWidth;
        QVERIFY2((mayScrollDown || !scroll->verticalScrollBar()->isVisible()) &&
                     !scroll->horizontalScrollBar()->isVisible(),
                 qPrintable(u"%1x%2 needed in %3x%4"_s.arg(needed.width())
                                .arg(needed.height())
                                .arg(scroll->viewport()->width())
                                .arg(scroll->viewport()->height())));
        const QStringList clipped = clippedLabels(&view);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u"; "_s)));
        for (QPushButton *button : view.findChildren<QPushButton *>()) {
            QVERIFY2(button->size().width() >= button->minimumSizeHint().width() &&
                         button->size().height() >= button->minimumSizeHint().height(),
                     qPrintable(button->objectName()));
        }
        // The devices' table cuts its last column (the device's reason, whole in a tooltip); the commands'
        // table shows every column whole.
        QVERIFY(!view.commandsTable()->horizontalScrollBar()->isVisible());
        if (longer)
            QApplication::removeTranslator(&translator);
    }

    // The chart follows the palette: in the dark theme its background is the dark base, not white.
    void followsTheDarkTheme()
    {
        const QPalette before = QApplication::palette();
        QApplication::setPalette(fleet::ThemeController::darkPalette());
        FleetSession session;
        populate(session);
        OverviewView view(&session);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.overview()->recompute();
        const QImage shot = view.grab().toImage();
        QVERIFY(shot.save(QDir::temp().filePath(u"overview-dark.png"_s)));
        const QPoint inChart = view.outcomeChart()->mapTo(&view, QPoint(30, 10));
        QVERIFY2(QColor(shot.pixel(inChart)).lightness() < 100,
                 qPrintable(QColor(shot.pixel(inChart)).name()));
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(TestOverviewView)
#include "tst_overviewview.moc"

// TelemetryPlot against a real mosquitto, fleet-hub and in-process fleet-sim devices: a series per numeric
// telemetry member and per numeric reported field, added as keys appear, bounded in points and in series;
// malformed telemetry and other devices' messages are ignored. Then the small multiples at the dock's size
// (380 x 520): a chart and a y axis per shown series, the list that picks them, the time window, short labels
// and the dark palette.

#include "brokerobserver.h"

#include "common/json.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"
#include "telemetryplot.h"
#include "themecolors.h"
#include "themecontroller.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using fleet::FleetSession;
using fleet::Json;
using fleet::TelemetryPlot;
using fleet::ThemeColors;
using Role = fleet::ThemeColors::Role;
using fleet::test::DefaultTimeoutMs;
using fleet::test::SimDevices;

namespace {

fleet::sim::SimConfig configFor(const QString &prefix, int devices, int telemetryMs)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = telemetryMs;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    return config;
}

} // namespace

class TestTelemetryPlot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString())); }

    void seriesAppearFromTelemetry()
    {
        SimDevices devices(configFor(u"tp"_s, 2, 100), m_fleet.profile());
        QVERIFY(devices.start());
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));

        TelemetryPlot plot(&session);
        plot.resize(640, 400);
        plot.show();
        plot.setDevice(devices.id(0));
        QCOMPARE(plot.device(), devices.id(0));
        QTRY_VERIFY_WITH_TIMEOUT(plot.seriesNames().contains(u"temperature"_s) &&
                                     plot.seriesNames().contains(u"humidity"_s) &&
                                     plot.seriesNames().contains(u"battery"_s),
                                 DefaultTimeoutMs);
        // The time stamp is the x axis, not a series.
        QVERIFY(!plot.seriesNames().contains(u"ts"_s));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) >= 5, DefaultTimeoutMs);
        const QLineSeries *temperature = plot.series(u"temperature"_s);
        QVERIFY(temperature);
        for (const QPointF &p : temperature->points())
            QVERIFY(p.y() >= 18 && p.y() <= 26);
        QVERIFY(plot.chart(u"temperature"_s)->series().contains(const_cast<QLineSeries *>(temperature)));

        // Bounded: never more than maxPoints() per series, however long it runs.
        plot.setMaxPoints(4);
        QVERIFY(plot.pointCount(u"temperature"_s) <= 4);
        const int before = plot.pointCount(u"battery"_s);
        QTest::qWait(700); // several more samples arrive
        QVERIFY(plot.pointCount(u"temperature"_s) <= 4);
        QVERIFY(plot.pointCount(u"battery"_s) <= 4);
        QCOMPARE(plot.pointCount(u"battery"_s), std::max(before, 4));

        // Another device clears the chart and starts again.
        plot.setDevice(devices.id(1));
        QVERIFY(plot.seriesNames().isEmpty() || plot.seriesNames().contains(u"reported.position"_s));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) >= 1, DefaultTimeoutMs);
        session.disconnectFromBroker();
    }

    void reportedFieldsFromTheShadow()
    {
        SimDevices devices(configFor(u"tr"_s, 1, 0), m_fleet.profile());
        QVERIFY(devices.start());
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));
        QTRY_VERIFY_WITH_TIMEOUT(session.client()->state() == fleet::MqttClient::State::Connected,
                                 DefaultTimeoutMs);

        TelemetryPlot plot(&session);
        plot.setDevice(devices.id(0));
        // Reported values come from the watched shadow's cache.
        QVERIFY(session.shadows()->watch(devices.id(0)));
        QTRY_VERIFY_WITH_TIMEOUT(plot.seriesNames().contains(u"reported.position"_s), DefaultTimeoutMs);
        QVERIFY(plot.seriesNames().contains(u"reported.telemetryIntervalMs"_s));
        // Strings (led, motor, firmware) are not plotted.
        QVERIFY(!plot.seriesNames().contains(u"reported.led"_s));
        QCOMPARE(plot.pointCount(u"reported.position"_s), 1);

        // A desired update that the device reports back adds a point.
        session.shadows()->updateDesired(devices.id(0), {}, Json{{"position", 42}});
        // (the desired update is a version of its own, with the old reported value: a point too).
        QTRY_VERIFY_WITH_TIMEOUT(plot.series(u"reported.position"_s)->points().constLast().y() == 42.0,
                                 DefaultTimeoutMs);
        QVERIFY(plot.pointCount(u"reported.position"_s) >= 2);
        session.shadows()->unwatch(devices.id(0));
        session.disconnectFromBroker();
    }

    void badInputIsIgnored()
    {
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));
        QTRY_VERIFY_WITH_TIMEOUT(session.client()->state() == fleet::MqttClient::State::Connected,
                                 DefaultTimeoutMs);
        fleet::test::BrokerObserver observer(m_fleet.broker());
        QVERIFY(observer.connect());

        TelemetryPlot plot(&session);
        plot.setDevice(u"bad-1"_s);
        const QString topic = u"telemetry/bad-1"_s;
        const QList<QByteArray> junk = {
            "not json",
            "[1, 2, 3]",
            "42",
            "",
            "{\"temperature\": ",
            "\xff\xfe{}",
            "{\"on\": true, \"name\": \"x\", \"list\": [1, 2], \"nothing\": null}"};
        for (const QByteArray &payload : junk)
            QVERIFY(observer.publish(topic, payload));
        // Then one good message, and one for another device.
        QVERIFY(observer.publish(u"telemetry/other-1"_s, "{\"temperature\": 99}"));
        QVERIFY(observer.publish(topic, "{\"temperature\": 20.5, \"env\": {\"pressure\": 1013}}"));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) == 1, DefaultTimeoutMs);
        QCOMPARE(plot.seriesNames(), QStringList({u"temperature"_s, u"env.pressure"_s}));
        QCOMPARE(plot.series(u"temperature"_s)->points().constFirst().y(), 20.5);
        QCOMPARE(plot.malformedCount(), 6);
        session.disconnectFromBroker();
    }

    void seriesAreBounded()
    {
        TelemetryPlot plot(nullptr);
        plot.setDevice(u"local-1"_s);
        plot.setMaxPoints(10);
        Json sample = Json::object();
        for (int k = 0; k < 100; ++k)
            sample["k" + std::to_string(k)] = k;
        for (int i = 0; i < 50; ++i)
            plot.addSample({}, sample, 1000 * i);
        plot.flush();
        QCOMPARE(plot.seriesNames().size(), TelemetryPlot::MaxSeries);
        QCOMPARE(plot.seriesNames().constFirst(), u"k0"_s); // the first keys win
        for (const QString &name : plot.seriesNames())
            QCOMPARE(plot.pointCount(name), 10);
        // The newest points are kept.
        QCOMPARE(plot.series(u"k0"_s)->points().constLast().x(), 49000.0);
        QCOMPARE(plot.series(u"k0"_s)->points().constFirst().x(), 40000.0);
        // No device: nothing is collected.
        plot.setDevice({});
        plot.addSample({}, sample, 0);
        plot.flush();
        QVERIFY(plot.seriesNames().isEmpty());
    }

    // Small multiples: each shown series has a chart and a y axis of its own, so a reported interval of 2000
    // no longer flattens a temperature of 21 and a humidity of 45.
    void eachSeriesHasItsOwnAxis()
    {
        TelemetryPlot plot(nullptr);
        plot.resize(380, 520);
        plot.show();
        plot.setDevice(u"axes-1"_s);
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 60 * 1000;
        for (int i = 0; i < 30; ++i)
            plot.addSample({}, Json{{"temperature", 20.5 + (i % 4) * 0.5}, {"humidity", 44 + (i % 3)}},
                           start + i * 2000);
        plot.addSample(u"reported."_s, Json{{"telemetryIntervalMs", 2000}}, start);
        plot.flush();

        QCOMPARE(plot.seriesNames(),
                 QStringList({u"temperature"_s, u"humidity"_s, u"reported.telemetryIntervalMs"_s}));
        // Reported fields are listed, not shown, until picked.
        QCOMPARE(plot.visibleSeries(), QStringList({u"temperature"_s, u"humidity"_s}));
        QVERIFY(!plot.chart(u"reported.telemetryIntervalMs"_s));
        QVERIFY(plot.series(u"reported.telemetryIntervalMs"_s));

        QChart *temperature = plot.chart(u"temperature"_s);
        QChart *humidity = plot.chart(u"humidity"_s);
        QVERIFY(temperature && humidity && temperature != humidity);
        QCOMPARE(temperature->series().size(), 1);
        const auto *temperatureAxis = qobject_cast<QValueAxis *>(temperature->axes(Qt::Vertical).value(0));
        const auto *humidityAxis = qobject_cast<QValueAxis *>(humidity->axes(Qt::Vertical).value(0));
        QVERIFY(temperatureAxis && humidityAxis && temperatureAxis != humidityAxis);
        QCOMPARE(plot.valueRange(u"temperature"_s),
                 qMakePair(temperatureAxis->min(), temperatureAxis->max()));
        QCOMPARE(plot.valueRange(u"humidity"_s), qMakePair(humidityAxis->min(), humidityAxis->max()));

        const auto [tLow, tHigh] = plot.valueRange(u"temperature"_s);
        const auto [hLow, hHigh] = plot.valueRange(u"humidity"_s);
        for (const QPointF &p : plot.series(u"temperature"_s)->points())
            QVERIFY(p.y() >= tLow && p.y() <= tHigh);
        for (const QPointF &p : plot.series(u"humidity"_s)->points())
            QVERIFY(p.y() >= hLow && p.y() <= hHigh);
        QVERIFY2(tHigh < 44 && hLow > 22,
                 qPrintable(u"%1..%2, %3..%4"_s.arg(tLow).arg(tHigh).arg(hLow).arg(hHigh)));
        // Not stretched either: a few degrees, not a range that flattens the line again.
        QVERIFY(tHigh - tLow <= 4);

        // The interval, once shown, gets its own chart; the temperature's axis does not move.
        plot.setSeriesVisible(u"reported.telemetryIntervalMs"_s, true);
        QVERIFY(plot.chart(u"reported.telemetryIntervalMs"_s));
        const auto [iLow, iHigh] = plot.valueRange(u"reported.telemetryIntervalMs"_s);
        QVERIFY(iLow < 2000 && iHigh > 2000 && iLow > 45);
        QCOMPARE(plot.valueRange(u"temperature"_s), qMakePair(tLow, tHigh));
    }

    // The list names every series with a check box that says whether it is shown, and toggling it hides or
    // shows that series' chart; nothing is hidden without the list saying so.
    void pickerShowsAndHides()
    {
        TelemetryPlot plot(nullptr);
        plot.resize(380, 520);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setDevice(u"pick-1"_s);
        auto *picker = plot.findChild<QListWidget *>(u"telemetrySeriesList"_s);
        auto *placeholder = plot.findChild<QLabel *>(u"telemetryPlaceholder"_s);
        QVERIFY(picker && placeholder);
        QVERIFY(placeholder->isVisible());

        const QStringList keys = {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Json sample = Json::object();
        for (int i = 0; i < keys.size(); ++i)
            sample[keys.at(i).toStdString()] = i;
        plot.addSample(u"reported."_s, Json{{"position", 3}}, now - 1000);
        plot.addSample({}, sample, now);
        plot.flush();

        QCOMPARE(picker->count(), plot.seriesNames().size());
        QCOMPARE(picker->count(), 7);
        QVERIFY(picker->isVisible());
        for (int row = 0; row < picker->count(); ++row) {
            const QString name = plot.seriesNames().at(row);
            QCOMPARE(picker->item(row)->text(), name);
            QVERIFY(picker->item(row)->flags() & Qt::ItemIsUserCheckable);
            QCOMPARE(picker->item(row)->checkState() == Qt::Checked, plot.isSeriesVisible(name));
            QVERIFY(!picker->item(row)->icon().isNull()); // its colour
        }
        // The first four telemetry members are shown; the rest and the reported field are listed unchecked.
        QCOMPARE(plot.visibleSeries(), keys.mid(0, TelemetryPlot::DefaultShown));
        QVERIFY(!placeholder->isVisible());

        // Checking an entry shows its chart; unchecking hides it, and keeps its points.
        QListWidgetItem *e = picker->item(int(plot.seriesNames().indexOf(u"e"_s)));
        e->setCheckState(Qt::Checked);
        QVERIFY(plot.chart(u"e"_s));
        QVERIFY(chartView(plot, u"e"_s)->isVisible());
        QVERIFY(plot.visibleSeries().contains(u"e"_s));
        QListWidgetItem *a = picker->item(int(plot.seriesNames().indexOf(u"a"_s)));
        a->setCheckState(Qt::Unchecked);
        QVERIFY(!chartView(plot, u"a"_s)->isVisible());
        QVERIFY(!plot.isSeriesVisible(u"a"_s));
        QCOMPARE(plot.pointCount(u"a"_s), 1);
        // And the other way: the API checks the list.
        plot.setSeriesVisible(u"a"_s, true);
        QCOMPARE(a->checkState(), Qt::Checked);
        QVERIFY(chartView(plot, u"a"_s)->isVisible());

        // Hide all, show all.
        plot.findChild<QToolButton *>(u"telemetryHideAll"_s)->click();
        QVERIFY(plot.visibleSeries().isEmpty());
        QVERIFY(placeholder->isVisible());
        plot.findChild<QToolButton *>(u"telemetryShowAll"_s)->click();
        QCOMPARE(plot.visibleSeries(), plot.seriesNames());
        for (int row = 0; row < picker->count(); ++row)
            QCOMPARE(picker->item(row)->checkState(), Qt::Checked);

        // The time is labelled under the bottom chart only, and every plot starts at the same x.
        const QStringList shown = plot.visibleSeries();
        for (const QString &name : shown) {
            const bool bottom = name == shown.constLast();
            QCOMPARE(plot.chart(name)->axes(Qt::Horizontal).value(0)->labelsVisible(), bottom);
        }
        QTRY_VERIFY2(plotAreasAligned(plot), qPrintable(plotEdges(plot)));

        // Another device: an empty list.
        plot.setDevice(u"pick-2"_s);
        QCOMPARE(picker->count(), 0);
        QVERIFY(plot.visibleSeries().isEmpty());
    }

    // The window narrows the x range every chart shows, up to the newest point; older points stay kept, so
    // widening it shows them again.
    void timeWindowNarrowsTheRange()
    {
        TelemetryPlot plot(nullptr);
        plot.resize(380, 520);
        plot.show();
        plot.setDevice(u"window-1"_s);
        const qint64 newest = QDateTime::currentMSecsSinceEpoch();
        const qint64 oldest = newest - 2 * 3600 * 1000;
        // Every 30 s for two hours: 1000 until the last half hour, then about 21.
        for (qint64 at = oldest; at <= newest; at += 30 * 1000)
            plot.addSample({},
                           Json{{"temperature", newest - at > 1800 * 1000 ? 1000.0 : 21.0 + (at / 30000) % 3},
                                {"humidity", 45}},
                           at);
        plot.flush();
        const int points = plot.pointCount(u"temperature"_s);
        QCOMPARE(points, 241);

        const auto xRange = [&plot](const QString &name) {
            const auto *axis = qobject_cast<QDateTimeAxis *>(plot.chart(name)->axes(Qt::Horizontal).value(0));
            return qMakePair(axis->min().toMSecsSinceEpoch(), axis->max().toMSecsSinceEpoch());
        };
        QCOMPARE(plot.timeWindowSeconds(), 15 * 60);
        QCOMPARE(plot.timeRange(), qMakePair(newest - 15 * 60 * 1000, newest));
        QCOMPARE(xRange(u"temperature"_s), plot.timeRange());
        QCOMPARE(xRange(u"humidity"_s), plot.timeRange()); // one window for all
        QVERIFY(plot.valueRange(u"temperature"_s).second < 100);

        auto *window = plot.findChild<QComboBox *>(u"telemetryWindow"_s);
        QVERIFY(window);
        QCOMPARE(window->count(), 5);
        window->setCurrentIndex(0);
        QCOMPARE(window->currentText(), u"1 min"_s);
        QCOMPARE(plot.timeWindowSeconds(), 60);
        QCOMPARE(xRange(u"temperature"_s), qMakePair(newest - 60 * 1000, newest));
        QCOMPARE(xRange(u"humidity"_s), qMakePair(newest - 60 * 1000, newest));

        plot.setTimeWindowSeconds(3600);
        QCOMPARE(xRange(u"temperature"_s), qMakePair(newest - 3600 * 1000, newest));
        QVERIFY(plot.valueRange(u"temperature"_s).second >= 1000); // the older, larger values are in it
        plot.setTimeWindowSeconds(0);
        QCOMPARE(window->currentText(), u"All"_s);
        QCOMPARE(xRange(u"temperature"_s), qMakePair(oldest, newest));
        QCOMPARE(plot.pointCount(u"temperature"_s), points); // nothing was dropped by narrowing
        plot.setTimeWindowSeconds(42);                       // not a choice: ignored
        QCOMPARE(plot.timeWindowSeconds(), 0);

        // Less history than the window: what there is fills the width.
        TelemetryPlot fresh(nullptr);
        fresh.setDevice(u"window-2"_s);
        fresh.addSample({}, Json{{"temperature", 20}}, newest - 90 * 1000);
        fresh.addSample({}, Json{{"temperature", 21}}, newest);
        fresh.flush();
        QCOMPARE(fresh.timeWindowSeconds(), 15 * 60);
        QCOMPARE(fresh.timeRange(), qMakePair(newest - 90 * 1000, newest));
    }

    // Labels fit the narrow dock whole: the y labels are short numbers whatever the magnitude.
    void axisLabelsAreShort()
    {
        TelemetryPlot plot(nullptr);
        plot.resize(380, 520);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setDevice(u"labels-1"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 20; ++i)
            plot.addSample({},
                           Json{{"pressure", 1013.25 + i * 0.1},
                                {"ratio", 0.0042 + i * 0.0001},
                                {"count", 123456789 + i * 1000},
                                {"flat", -7.5}},
                           now - (20 - i) * 1000);
        plot.flush();
        QCOMPARE(plot.visibleSeries().size(), 4);
        for (const QString &name : plot.visibleSeries()) {
            const auto *axis = qobject_cast<QValueAxis *>(plot.chart(name)->axes(Qt::Vertical).value(0));
            QVERIFY(axis);
            const QByteArray format = axis->labelFormat().toLatin1();
            const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
            QVERIFY2(axis->tickCount() >= 2 && axis->tickCount() <= 6, qPrintable(name));
            QStringList labels;
            for (int tick = 0; tick < axis->tickCount(); ++tick)
                labels.append(QString::asprintf(format.constData(), axis->min() + tick * step));
            for (const QString &label : std::as_const(labels))
                QVERIFY2(label.size() <= 10, qPrintable(name + u": "_s + labels.join(u' ')));
            // Distinct: a format too short for the step would repeat a label.
            QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());
            const auto [low, high] = plot.valueRange(name);
            for (const QPointF &p : plot.series(name)->points())
                QVERIFY(p.y() >= low && p.y() <= high);
        }
        QTRY_VERIFY2(plotAreasAligned(plot), qPrintable(plotEdges(plot)));
        const QImage image = plot.grab().toImage();
        QCOMPARE(image.size(), QSize(380, 520) * image.devicePixelRatio());
        // Qt Charts elides a label it has no room for ("21…"); none is.
        for (const QString &name : plot.visibleSeries()) {
            const QList<QGraphicsItem *> items = plot.chart(name)->scene()->items();
            for (const QGraphicsItem *item : items) {
                if (const auto *text = dynamic_cast<const QGraphicsTextItem *>(item)) {
                    if (text->isVisible())
                        QVERIFY2(!text->toPlainText().contains(u'\u2026'), qPrintable(text->toPlainText()));
                }
            }
        }
    }

    // On a dark palette every chart takes ThemeColors' dark colours, also one made after the switch.
    void darkPaletteColoursTheCharts()
    {
        TelemetryPlot plot(nullptr);
        plot.resize(380, 520);
        plot.show();
        plot.setDevice(u"dark-1"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 10; ++i)
            plot.addSample({}, Json{{"temperature", 21 + i % 3}, {"humidity", 45 - i % 4}}, now - i * 1000);
        plot.addSample(u"reported."_s, Json{{"position", 3}}, now);
        plot.flush();
        const ThemeColors light = ThemeColors::light();
        QCOMPARE(plot.chart(u"temperature"_s)->backgroundBrush().color(), light.color(Role::ChartBackground));

        plot.setPalette(fleet::ThemeController::darkPalette());
        const ThemeColors dark = ThemeColors::dark();
        plot.setSeriesVisible(u"reported.position"_s, true); // a chart made on the dark palette
        const QStringList names = plot.seriesNames();
        QCOMPARE(plot.visibleSeries(), names);
        for (int i = 0; i < names.size(); ++i) {
            QChart *chart = plot.chart(names.at(i));
            QCOMPARE(chart->backgroundBrush().color(), dark.color(Role::ChartBackground));
            QCOMPARE(chart->titleBrush().color(), dark.color(Role::ChartForeground));
            QCOMPARE(plot.series(names.at(i))->pen().color(), dark.series(i));
            const QList<QAbstractAxis *> axes = chart->axes();
            QCOMPARE(axes.size(), 2);
            for (QAbstractAxis *axis : axes) {
                QCOMPARE(axis->labelsColor(), dark.color(Role::ChartForeground));
                QCOMPARE(axis->gridLineColor(), dark.color(Role::ChartGrid));
            }
        }
        // And back.
        plot.setPalette(fleet::ThemeController::lightPalette());
        QCOMPARE(plot.chart(u"humidity"_s)->backgroundBrush().color(), light.color(Role::ChartBackground));
        QCOMPARE(plot.series(u"humidity"_s)->pen().color(), light.series(1));
    }

private:
    static QChartView *chartView(const TelemetryPlot &plot, const QString &name)
    {
        QChart *chart = plot.chart(name);
        return chart && chart->scene() ? qobject_cast<QChartView *>(chart->scene()->views().value(0))
                                       : nullptr;
    }

    // The shown charts' plot areas, left and right, as text: equal to the pixel when the plots line up (the
    // margins make up for the widths of the y labels, which are fractional).
    static QString plotEdges(const TelemetryPlot &plot)
    {
        QStringList edges;
        for (const QString &name : plot.visibleSeries()) {
            const QRectF area = plot.chart(name)->plotArea();
            edges.append(u"%1..%2"_s.arg(std::round(area.left())).arg(std::round(area.right())));
        }
        return edges.join(u' ');
    }

    static bool plotAreasAligned(const TelemetryPlot &plot)
    {
        qreal minLeft = 1e9, maxLeft = -1e9, minRight = 1e9, maxRight = -1e9;
        for (const QString &name : plot.visibleSeries()) {
            const QRectF area = plot.chart(name)->plotArea();
            minLeft = std::min(minLeft, area.left());
            maxLeft = std::max(maxLeft, area.left());
            minRight = std::min(minRight, area.right());
            maxRight = std::max(maxRight, area.right());
        }
        return maxLeft - minLeft <= 1.0 && maxRight - minRight <= 1.0;
    }

    fleet::test::FleetFixture m_fleet;
};

QTEST_MAIN(TestTelemetryPlot)
#include "tst_telemetryplot.moc"

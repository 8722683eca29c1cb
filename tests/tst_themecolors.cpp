// ThemeColors: every named colour of both themes reads on its theme's backgrounds (WCAG 2 contrast ratio at
// least 4.5:1 for text, 3:1 for the chart's grid and lines), and a theme switch reaches the views that draw
// with them: the JSON editor's highlighter and the telemetry chart recolour what they already show.
//
// With FLEET_THEME_SHOTS set to a directory, the dark device detail and telemetry plot are also saved there
// as PNG, to look at.

#include "devicedetailview.h"
#include "fleet/fleetsession.h"
#include "jsondiffdelegate.h"
#include "jsonhighlighter.h"
#include "models/jsontreemodel.h"
#include "telemetryplot.h"
#include "themecolors.h"
#include "themecontroller.h"

#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QLegend>
#include <QLineSeries>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <QValueAxis>

using namespace Qt::StringLiterals;
using fleet::JsonDiffDelegate;
using fleet::JsonHighlighter;
using fleet::TelemetryPlot;
using fleet::ThemeColors;
using fleet::ThemeController;
using Role = ThemeColors::Role;
using Theme = ThemeController::Theme;

namespace {

constexpr double TextContrast = 4.5;    // WCAG 2 AA, normal text
constexpr double GraphicContrast = 3.0; // WCAG 2 AA, non-text (grid, lines)

QString roleName(Role role)
{
    return QString::fromLatin1(QMetaEnum::fromType<Role>().valueToKey(int(role)));
}

QColor foregroundAt(const QTextDocument &document, int blockNumber, int position)
{
    const QTextBlock block = document.findBlockByNumber(blockNumber);
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FLEET_THEME_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + u'/' + name));
}

} // namespace

class TestThemeColors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_themecolors"_s);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void luminance()
    {
        QCOMPARE(ThemeColors::relativeLuminance(Qt::white), 1.0);
        QCOMPARE(ThemeColors::relativeLuminance(Qt::black), 0.0);
        QCOMPARE(ThemeColors::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(ThemeColors::contrastRatio(Qt::white, Qt::black), 21.0);
        // #767676 on white is the textbook 4.54:1.
        QVERIFY(qAbs(ThemeColors::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void setFollowsPalette()
    {
        QVERIFY(!ThemeColors::forPalette(ThemeController::lightPalette()).isDark());
        QVERIFY(ThemeColors::forPalette(ThemeController::darkPalette()).isDark());
        QVERIFY(ThemeColors::dark().color(Role::JsonKey) != ThemeColors::light().color(Role::JsonKey));
    }

    void contrast_data()
    {
        QTest::addColumn<QColor>("foreground");
        QTest::addColumn<QColor>("background");
        QTest::addColumn<double>("minimum");

        for (const bool dark : {false, true}) {
            const QPalette palette = dark ? ThemeController::darkPalette() : ThemeController::lightPalette();
            const ThemeColors colors = ThemeColors::forPalette(palette);
            const QString theme = dark ? u"dark"_s : u"light"_s;
            const QList<std::pair<QPalette::ColorRole, QString>> backgrounds = {
                {QPalette::Base, u"Base"_s},
                {QPalette::AlternateBase, u"AlternateBase"_s},
                {QPalette::Window, u"Window"_s},
            };
            // Text colours, on every background they are painted on.
            for (int r = 0; r < int(Role::Count); ++r) {
                const Role role = Role(r);
                if (role == Role::ChartBackground || role == Role::ChartForeground || role == Role::ChartGrid)
                    continue;
                for (const auto &[background, name] : backgrounds)
                    QTest::addRow("%s %s on %s", qPrintable(theme), qPrintable(roleName(role)),
                                  qPrintable(name))
                        << colors.color(role) << palette.color(background) << TextContrast;
            }
            // The chart paints on a background of its own.
            const QColor chart = colors.color(Role::ChartBackground);
            QTest::addRow("%s chart text", qPrintable(theme))
                << colors.color(Role::ChartForeground) << chart << TextContrast;
            QTest::addRow("%s chart grid", qPrintable(theme))
                << colors.color(Role::ChartGrid) << chart << GraphicContrast;
            for (int s = 0; s < ThemeColors::SeriesCount; ++s)
                QTest::addRow("%s series %d", qPrintable(theme), s)
                    << colors.series(s) << chart << GraphicContrast;
            // A shadow row that differs: its tint behind the delta colour and behind normal text.
            const QColor tint = JsonDiffDelegate::differsColour(palette);
            QTest::addRow("%s delta on its tint", qPrintable(theme))
                << JsonDiffDelegate::differsTextColour(palette) << tint << TextContrast;
            QTest::addRow("%s text on the delta tint", qPrintable(theme))
                << palette.color(QPalette::Text) << tint << TextContrast;
        }
    }

    void contrast()
    {
        QFETCH(QColor, foreground);
        QFETCH(QColor, background);
        QFETCH(double, minimum);
        const double ratio = ThemeColors::contrastRatio(foreground, background);
        QVERIFY2(ratio >= minimum, qPrintable(u"%1 on %2: %3:1, below %4:1"_s.arg(
                                       foreground.name(), background.name(), QString::number(ratio, 'f', 2),
                                       QString::number(minimum))));
    }

    // A disabled entry (a menu's, a button's) looks disabled: its text is dimmer than an enabled one's and
    // not etched with a light shadow that would make it as bright (Fusion draws the etch with Light).
    void disabledTextLooksDisabled_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void disabledTextLooksDisabled()
    {
        QFETCH(bool, dark);
        const QPalette p = dark ? ThemeController::darkPalette() : ThemeController::lightPalette();
        const QColor window = p.color(QPalette::Window);
        for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText}) {
            const double enabled = ThemeColors::contrastRatio(p.color(QPalette::Active, role), window);
            const double disabled = ThemeColors::contrastRatio(p.color(QPalette::Disabled, role), window);
            QVERIFY2(disabled < enabled - 1.0,
                     qPrintable(u"role %1: %2 vs %3"_s.arg(role).arg(disabled).arg(enabled)));
        }
        const double etch = ThemeColors::contrastRatio(p.color(QPalette::Disabled, QPalette::Light), window);
        const double disabledText =
            ThemeColors::contrastRatio(p.color(QPalette::Disabled, QPalette::Text), window);
        QVERIFY2(etch < disabledText, qPrintable(u"etch %1, disabled text %2"_s.arg(etch).arg(disabledText)));
    }

    void highlighterFollowsTheSwitch()
    {
        ThemeController themes;
        themes.setTheme(Theme::Light);
        // Shown, inside a window, as in the console: the switch reaches widgets as a palette change.
        QWidget window;
        auto *editorWidget = new QPlainTextEdit(&window);
        QPlainTextEdit &editor = *editorWidget;
        auto *highlighter = new JsonHighlighter(editor.document());
        editor.setPlainText(u"{\"led\": \"red\", \"n\": 1, \"on\": true}"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const ThemeColors light = ThemeColors::light();
        QCOMPARE(highlighter->tokenFormat(JsonHighlighter::Token::Key).foreground().color(),
                 light.color(Role::JsonKey));
        QCOMPARE(foregroundAt(*editor.document(), 0, 2), light.color(Role::JsonKey));

        themes.setTheme(Theme::Dark);
        const ThemeColors dark = ThemeColors::dark();
        using Token = JsonHighlighter::Token;
        // The palette reaches widgets from the event loop.
        QTRY_COMPARE(highlighter->tokenFormat(Token::Key).foreground().color(), dark.color(Role::JsonKey));
        QCOMPARE(highlighter->tokenFormat(Token::String).foreground().color(), dark.color(Role::JsonString));
        QCOMPARE(highlighter->tokenFormat(Token::Number).foreground().color(), dark.color(Role::JsonNumber));
        QCOMPARE(highlighter->tokenFormat(Token::Literal).foreground().color(),
                 dark.color(Role::JsonLiteral));
        QCOMPARE(highlighter->tokenFormat(Token::Punctuation).foreground().color(), dark.color(Role::Muted));
        // Text already shown is coloured again, not only what is typed next.
        QCOMPARE(foregroundAt(*editor.document(), 0, 2), dark.color(Role::JsonKey));
        QCOMPARE(foregroundAt(*editor.document(), 0, 10), dark.color(Role::JsonString));
        themes.setTheme(Theme::System);
    }

    void telemetryPlotFollowsTheSwitch()
    {
        ThemeController themes;
        themes.setTheme(Theme::Light);
        TelemetryPlot plot(nullptr);
        plot.resize(640, 360);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setDevice(u"dev-1"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 30; ++i)
            plot.addSample(QString(),
                           fleet::Json{{"temperature", 20 + (i % 7) * 0.5}, {"humidity", 40 + (i % 5)}},
                           now - (30 - i) * 1000);
        plot.flush();
        QChart *chart = plot.chart(u"temperature"_s); // one small chart per series
        QVERIFY(chart);
        QCOMPARE(chart->backgroundBrush().color(), ThemeColors::light().color(Role::ChartBackground));

        themes.setTheme(Theme::Dark);
        const ThemeColors dark = ThemeColors::dark();
        // The palette reaches widgets from the event loop.
        QTRY_COMPARE(chart->backgroundBrush().color(), dark.color(Role::ChartBackground));
        QCOMPARE(chart->titleBrush().color(), dark.color(Role::ChartForeground));
        const QList<QAbstractAxis *> axes = chart->axes();
        QCOMPARE(axes.size(), 2);
        for (QAbstractAxis *axis : axes) {
            QCOMPARE(axis->labelsColor(), dark.color(Role::ChartForeground));
            QCOMPARE(axis->gridLineColor(), dark.color(Role::ChartGrid));
            QCOMPARE(axis->titleBrush().color(), dark.color(Role::ChartForeground));
        }
        const QStringList names = plot.seriesNames();
        QCOMPARE(names.size(), 2);
        for (int i = 0; i < names.size(); ++i)
            QCOMPARE(plot.series(names.at(i))->pen().color(), dark.series(i));
        saveShot(plot, u"telemetryplot-dark.png"_s);
        themes.setTheme(Theme::System);
    }

    void deviceDetailInDark()
    {
        ThemeController themes;
        themes.setTheme(Theme::Dark);
        fleet::FleetSession session;
        fleet::DeviceDetailView view(&session);
        view.resize(900, 560);
        view.treeModel()->setDocuments(fleet::Json::parse(R"({"led": "green", "interval": 30, "fan": true})"),
                                       fleet::Json::parse(R"({"led": "red", "interval": 30, "fan": null})"),
                                       fleet::Json::parse(R"({"led": "green", "fan": true})"));
        view.editor()->setPlainText(
            u"{\n  \"led\": \"green\",\n  \"interval\": 30,\n  \"fan\": true,\n  \"limits\": [1.5, -2, null]\n}"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(foregroundAt(*view.editor()->document(), 1, 3), ThemeColors::dark().color(Role::JsonKey));
        saveShot(view, u"devicedetail-dark.png"_s);
        themes.setTheme(Theme::System);
    }
};

QTEST_MAIN(TestThemeColors)
#include "tst_themecolors.moc"

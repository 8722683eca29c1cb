// ThemeController: the choice is applied to the application, remembered in the settings, and "System" brings
// back the palette the platform gave at start.

#include "themecontroller.h"

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ThemeController;
using Theme = ThemeController::Theme;

class TestThemeController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_themecontroller"_s);
        QSettings().clear();
    }

    void switchesAndRemembers()
    {
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        ThemeController themes;
        QCOMPARE(themes.theme(), Theme::System);
        QSignalSpy changed(&themes, &ThemeController::themeChanged);

        themes.setTheme(Theme::Dark);
        QVERIFY(themes.isDark());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 ThemeController::darkPalette().color(QPalette::Window));
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        QCOMPARE(QSettings().value(u"appearance/theme"_s).toString(), u"dark"_s);

        themes.setTheme(Theme::Light);
        QVERIFY(!themes.isDark());
        themes.setTheme(Theme::Light); // no change, no signal
        QCOMPARE(changed.size(), 2);

        // A new controller (the next start) applies the remembered choice.
        {
            ThemeController next;
            QCOMPARE(next.theme(), Theme::Light);
        }
        themes.setTheme(Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    }

    void keys()
    {
        for (const Theme t : {Theme::System, Theme::Light, Theme::Dark})
            QCOMPARE(ThemeController::fromKey(ThemeController::key(t)), t);
        QCOMPARE(ThemeController::fromKey(u"purple"_s), Theme::System);
    }
};

QTEST_MAIN(TestThemeController)
#include "tst_themecontroller.moc"

// ThemeController: the choice is applied to the application, remembered in the settings, and "System" brings
// back the palette the platform gave at start.

#include "framedstyle.h"
#include "themecolors.h"
#include "themecontroller.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
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
        auto *framed = qobject_cast<fleet::FramedStyle *>(QApplication::style());
        QVERIFY(framed);
        QCOMPARE(framed->baseStyle()->name().toLower(), u"fusion"_s);
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

    // On the dark theme an unchecked box and an empty line edit have an edge one can see: at least 3:1
    // against what is around it (WCAG 2 for the parts of a control). Fusion's own was 1.04:1.
    void darkEdgesShow()
    {
        ThemeController themes;
        themes.setTheme(Theme::Dark);
        const auto cleanup = qScopeGuard([&] { themes.setTheme(Theme::System); });
        const QColor base = ThemeController::darkPalette().color(QPalette::Base);
        const QColor window = ThemeController::darkPalette().color(QPalette::Window);

        QCheckBox box(u"unchecked"_s);
        box.resize(box.sizeHint());
        const QImage boxShot = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        const QColor boxEdge = boxShot.pixelColor(indicator.left(), indicator.center().y());
        QVERIFY2(fleet::ThemeColors::contrastRatio(boxEdge, window) >= 3.0, qPrintable(boxEdge.name()));

        QLineEdit edit;
        edit.resize(200, edit.sizeHint().height());
        const QImage editShot = edit.grab().toImage();
        const QColor editEdge = editShot.pixelColor(0, editShot.height() / 2);
        QVERIFY2(fleet::ThemeColors::contrastRatio(editEdge, base) >= 3.0, qPrintable(editEdge.name()));
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

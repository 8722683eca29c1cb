// ToneStyle: a warning or error label reads in both themes (its text against its own background at least
// 4.5:1, WCAG 2 AA) and follows a theme switch without being told.

#include "themecolors.h"
#include "themecontroller.h"
#include "tonestyle.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ThemeColors;
using fleet::ThemeController;
using fleet::ToneStyle;
using Role = ThemeColors::Role;
using Fill = ToneStyle::Fill;

class TestToneStyle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsInBothThemes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("tone");
        QTest::addColumn<int>("fill");
        for (bool dark : {false, true}) {
            for (Role tone : {Role::Warning, Role::Failure}) {
                for (Fill fill : {Fill::Text, Fill::Banner})
                    QTest::addRow("%s %d %d", dark ? "dark" : "light", int(tone), int(fill))
                        << dark << int(tone) << int(fill);
            }
        }
    }

    void readsInBothThemes()
    {
        QFETCH(bool, dark);
        QFETCH(int, tone);
        QFETCH(int, fill);
        const QPalette palette = dark ? ThemeController::darkPalette() : ThemeController::lightPalette();
        const auto [text, background] = ToneStyle::colours(palette, Role(tone), Fill(fill));
        const QColor behind = background.isValid() ? background : palette.color(QPalette::Window);
        const double ratio = ThemeColors::contrastRatio(text, behind);
        QVERIFY2(ratio >= 4.5, qPrintable(u"%1 on %2: %3:1"_s.arg(text.name(), behind.name()).arg(ratio)));
        if (background.isValid()) // a banner stands out from the window
            QVERIFY(background != palette.color(QPalette::Window));
    }

    void followsTheThemeSwitch()
    {
        ThemeController themes;
        themes.setTheme(ThemeController::Theme::Light);
        QLabel label(u"Sensitive: this command goes to approval."_s);
        ToneStyle::apply(&label, Role::Warning, Fill::Banner);
        label.show();
        QVERIFY(label.autoFillBackground());
        const QColor lightBackground = label.palette().color(QPalette::Window);
        QVERIFY(!ThemeColors::isDarkPalette(label.palette()) || lightBackground.lightness() > 128);
        themes.setTheme(ThemeController::Theme::Dark);
        QCoreApplication::processEvents();
        QTRY_VERIFY(label.palette().color(QPalette::Window) != lightBackground);
        QVERIFY(label.palette().color(QPalette::Window).lightness() < 128);
        QCOMPARE(label.palette().color(QPalette::WindowText),
                 ThemeController::darkPalette().color(QPalette::WindowText));
    }
};

QTEST_MAIN(TestToneStyle)
#include "tst_tonestyle.moc"

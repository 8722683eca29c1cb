#include "svgiconengine.h"
#include "themecontroller.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::SvgIconEngine;
using fleet::ThemeController;

class TestSvgIconEngine final : public QObject
{
    Q_OBJECT

private:
    // The colour most of a drawing's opaque pixels have, and how many there are.
    static std::pair<QColor, int> inkOf(const QPixmap &pixmap)
    {
        const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        QHash<QRgb, int> counts;
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb pixel = image.pixel(x, y);
                if (qAlpha(pixel) == 255) {
                    ++counts[pixel];
                    ++opaque;
                }
            }
        }
        QRgb most = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > counts.value(most))
                most = it.key();
        }
        return {QColor::fromRgba(most), opaque};
    }

    static QIcon glyph(const QString &name)
    {
        return QIcon(
            new SvgIconEngine(u":/icons/actions/"_s + name + u".svg"_s, SvgIconEngine::Colors::Glyph));
    }

private Q_SLOTS:
    void cleanup() { QApplication::setPalette(ThemeController::lightPalette()); }

    // One drawing reads in both themes: painted in the palette's text colour, whichever it is at paint time.
    void glyphsTakeTheTextColourOfTheTheme()
    {
        const QIcon icon = glyph(u"pause"_s);
        QVERIFY(!icon.isNull());

        QApplication::setPalette(ThemeController::lightPalette());
        auto [light, lightInk] = inkOf(icon.pixmap(48, 48));
        QVERIFY2(lightInk > 48, "the glyph draws something");
        QCOMPARE(light.rgb(), ThemeController::lightPalette().color(QPalette::WindowText).rgb());

        QApplication::setPalette(ThemeController::darkPalette());
        auto [dark, darkInk] = inkOf(icon.pixmap(48, 48));
        QCOMPARE(dark.rgb(), ThemeController::darkPalette().color(QPalette::WindowText).rgb());
        QCOMPARE(darkInk, lightInk); // the same drawing, another colour
    }

    void disabledAndSelectedGlyphsFollowThePalette()
    {
        QApplication::setPalette(ThemeController::darkPalette());
        const QPalette palette = ThemeController::darkPalette();
        const QIcon icon = glyph(u"filter"_s);
        const QImage disabled = icon.pixmap(QSize(32, 32), QIcon::Disabled).toImage();
        const QColor wanted = palette.color(QPalette::Disabled, QPalette::WindowText);
        bool found = false;
        for (int y = 0; y < disabled.height() && !found; ++y) {
            for (int x = 0; x < disabled.width() && !found; ++x) {
                const QColor pixel = disabled.pixelColor(x, y);
                found = pixel.alpha() > 0 && qAbs(pixel.red() - wanted.red()) < 4 &&
                        qAbs(pixel.green() - wanted.green()) < 4 && qAbs(pixel.blue() - wanted.blue()) < 4;
            }
        }
        QVERIFY2(found, "a disabled glyph is drawn in the disabled text colour");
        auto [selected, ink] = inkOf(icon.pixmap(QSize(32, 32), QIcon::Selected));
        QVERIFY(ink > 0);
        QCOMPARE(selected.rgb(), palette.color(QPalette::HighlightedText).rgb());
    }

    // Status icons keep their colours: a green "online" stays green on the dark theme.
    void statusIconsKeepTheirColours()
    {
        const QIcon online(new SvgIconEngine(u":/icons/status/online.svg"_s, SvgIconEngine::Colors::Own));
        QApplication::setPalette(ThemeController::lightPalette());
        const QImage onLight = online.pixmap(32, 32).toImage();
        QApplication::setPalette(ThemeController::darkPalette());
        const QImage onDark = online.pixmap(32, 32).toImage();
        QCOMPARE(onDark, onLight);
        auto [ink, count] = inkOf(online.pixmap(32, 32));
        QVERIFY(count > 100);
        QVERIFY2(ink.green() > ink.red() && ink.green() > ink.blue(), qPrintable(ink.name()));
    }

    // Painted into a wider rectangle (a tab, a tool button), a glyph stays square and centred.
    void paintsSquareAndCentred()
    {
        QApplication::setPalette(ThemeController::lightPalette());
        QPixmap canvas(64, 32);
        canvas.fill(Qt::white);
        {
            QPainter painter(&canvas);
            glyph(u"devices"_s).paint(&painter, canvas.rect());
        }
        const QImage image = canvas.toImage();
        int left = image.width(), right = -1;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                    left = qMin(left, x);
                    right = qMax(right, x);
                }
            }
        }
        QVERIFY(right >= 0);
        QVERIFY2(left >= 16 && right < 48, qPrintable(u"drawn from x %1 to %2"_s.arg(left).arg(right)));
    }

    void aMissingDrawingIsNull()
    {
        SvgIconEngine engine(u":/icons/actions/no-such-icon.svg"_s, SvgIconEngine::Colors::Glyph);
        QVERIFY(engine.isNull());
        QVERIFY(
            !engine.pixmap(QSize(16, 16), QIcon::Normal, QIcon::Off).isNull()); // transparent, not a crash
    }

    // Every drawing in the resources is valid SVG and draws something at the sizes the console uses.
    void everyDrawingRenders()
    {
        const QStringList folders{u":/icons/actions"_s, u":/icons/status"_s};
        int drawings = 0;
        for (const QString &folder : folders) {
            const QDir dir(folder);
            for (const QString &name : dir.entryList({u"*.svg"_s})) {
                const QIcon icon(new SvgIconEngine(dir.filePath(name), folder.endsWith(u"actions"_s)
                                                                           ? SvgIconEngine::Colors::Glyph
                                                                           : SvgIconEngine::Colors::Own));
                for (int size : {16, 24}) {
                    auto [ink, count] = inkOf(icon.pixmap(size, size));
                    Q_UNUSED(ink)
                    QVERIFY2(count > 0, qPrintable(name + u" at "_s + QString::number(size)));
                }
                ++drawings;
            }
        }
        QVERIFY2(drawings >= 30, qPrintable(QString::number(drawings)));
    }
};

QTEST_MAIN(TestSvgIconEngine)
#include "tst_svgiconengine.moc"

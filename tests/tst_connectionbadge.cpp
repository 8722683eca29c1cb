// ConnectionBadge: each connection's colour carries white text (WCAG 2 contrast at least 4.5:1), production
// is red and says so in words, and two unmarked connections with different names usually differ.

#include "connectionbadge.h"
#include "themecolors.h"

#include <QApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::ConnectionBadge;
using fleet::ThemeColors;

namespace {

BrokerProfile profile(const QString &name, BrokerProfile::Environment environment)
{
    BrokerProfile p;
    p.name = name;
    p.url = BrokerProfile::parseUrl(u"mqtts://broker.example:8883"_s);
    p.environment = environment;
    return p;
}

} // namespace

class TestConnectionBadge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whiteTextReadsOnEveryColour()
    {
        for (const auto e : {BrokerProfile::Environment::Development, BrokerProfile::Environment::Staging,
                             BrokerProfile::Environment::Production}) {
            const QColor colour = ConnectionBadge::colorFor(profile(u"x"_s, e));
            QVERIFY2(ThemeColors::contrastRatio(colour, Qt::white) >= 4.5, qPrintable(colour.name()));
        }
        QSet<QRgb> neutral;
        for (int i = 0; i < 40; ++i) {
            const QColor colour = ConnectionBadge::colorFor(
                profile(u"broker-%1"_s.arg(i), BrokerProfile::Environment::Unmarked));
            QVERIFY2(ThemeColors::contrastRatio(colour, Qt::white) >= 4.5, qPrintable(colour.name()));
            neutral.insert(colour.rgb());
        }
        QVERIFY(neutral.size() > 1);
        // The same name, the same colour, run after run (no per-process hash seed).
        QCOMPARE(ConnectionBadge::colorFor(profile(u"lab"_s, BrokerProfile::Environment::Unmarked)),
                 ConnectionBadge::colorFor(profile(u"lab"_s, BrokerProfile::Environment::Unmarked)));
    }

    void productionIsRedAndSaysSo()
    {
        const QColor red =
            ConnectionBadge::colorFor(profile(u"plant"_s, BrokerProfile::Environment::Production));
        QVERIFY(red.red() > 2 * red.green() && red.red() > 2 * red.blue());
        ConnectionBadge badge;
        badge.setProfile(profile(u"plant"_s, BrokerProfile::Environment::Production), u"alice"_s);
        QVERIFY2(badge.text().startsWith(u"PRODUCTION"_s), qPrintable(badge.text()));
        QVERIFY(badge.text().contains(u"plant"_s));
        QVERIFY(badge.text().contains(u"mqtts://broker.example:8883"_s));
        QVERIFY(badge.text().contains(u"as alice"_s));
        QVERIFY(!badge.toolTip().isEmpty());
        QCOMPARE(badge.palette().color(QPalette::Window), red);
        QCOMPARE(ConnectionBadge::connectionTitle(badge.profile()), u"plant (Production)"_s);

        badge.setProfile(profile(u"lab"_s, BrokerProfile::Environment::Unmarked), {});
        QVERIFY2(badge.text().startsWith(u"lab"_s), qPrintable(badge.text()));
        QVERIFY(!badge.toolTip().contains(u"confirmation"_s));
        QCOMPARE(badge.minimumSizeHint().width() <= 0 ||
                     badge.sizePolicy().horizontalPolicy() == QSizePolicy::Ignored,
                 true); // a long name never widens the window
        QCOMPARE(ConnectionBadge::connectionTitle(badge.profile()), u"lab"_s);
        BrokerProfile unnamed = profile({}, BrokerProfile::Environment::Unmarked);
        QCOMPARE(ConnectionBadge::connectionTitle(unnamed), u"mqtts://broker.example:8883"_s);
    }
};

QTEST_MAIN(TestConnectionBadge)
#include "tst_connectionbadge.moc"

// LocalizedTexts: the catalog's texts in other languages, and CommandSpec and CommandParameter reading them
// ("descriptions", "labels") from the catalog and writing them back.

#include "commands/commandcatalog.h"
#include "commands/commandspec.h"
#include "commands/localizedtexts.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::CommandSpec;
using fleet::Json;
using fleet::LocalizedTexts;

class TestLocalizedTexts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheLocaleThenItsLanguage()
    {
        const auto texts = LocalizedTexts::fromJson(Json{{"es", "Reinicia"}, {"pt_BR", "Reinicia (BR)"}});
        QVERIFY(texts);
        QCOMPARE(texts->in(QLocale(u"es_MX"_s), u"Restart"_s), u"Reinicia"_s);
        QCOMPARE(texts->in(QLocale(u"pt_BR"_s), u"Restart"_s), u"Reinicia (BR)"_s);
        QCOMPARE(texts->in(QLocale(u"fr_FR"_s), u"Restart"_s), u"Restart"_s);
        QVERIFY(texts->toJson() == (Json{{"es", "Reinicia"}, {"pt_BR", "Reinicia (BR)"}}));
    }

    void refusesWhatIsNotOne_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("not an object") << u"[\"es\"]"_s;
        QTest::newRow("not a code") << u"{\"Spanish\": \"x\"}"_s;
        QTest::newRow("not a string") << u"{\"es\": 3}"_s;
        QTest::newRow("empty") << u"{\"es\": \"\"}"_s;
        QTest::newRow("too long") << u"{\"es\": \"%1\"}"_s.arg(QString(1001, u'x'));
    }

    void refusesWhatIsNotOne()
    {
        QFETCH(QString, json);
        QString error;
        QVERIFY(!LocalizedTexts::fromJson(Json::parse(json.toStdString()), &error));
        QVERIFY(!error.isEmpty());
    }

    // The default catalog speaks Spanish and French, and a spec keeps its translations through toJson().
    void theCatalogCarriesThem()
    {
        const CommandCatalog catalog = CommandCatalog::defaultCatalog();
        const CommandSpec *spec = catalog.find(u"set_led"_s);
        QVERIFY(spec);
        QCOMPARE(spec->localizedDescription(QLocale(u"en"_s)), spec->description);
        QCOMPARE(spec->localizedDescription(QLocale(u"es"_s)), u"Cambia el color del LED de estado."_s);
        QCOMPARE(spec->parameters.first().label(QLocale(u"fr"_s)), u"Couleur"_s);
        QCOMPARE(spec->parameters.first().label(QLocale(u"en"_s)), u"color"_s);
        for (const QString &name : catalog.names()) {
            const CommandSpec *each = catalog.find(name);
            QVERIFY2(each->localizedDescription(QLocale(u"es"_s)) != each->description, qPrintable(name));
            QVERIFY2(each->localizedDescription(QLocale(u"fr"_s)) != each->description, qPrintable(name));
        }
        const std::optional<CommandSpec> again = CommandSpec::fromJson(spec->toJson());
        QVERIFY(again);
        QCOMPARE(again->descriptions, spec->descriptions);
        QCOMPARE(again->parameters.first().labels, spec->parameters.first().labels);
        QCOMPARE(again->parameters.first().descriptions, spec->parameters.first().descriptions);

        Json bad = spec->toJson();
        bad["parameters"][0]["labels"] = Json{{"english", "Colour"}};
        QString error;
        QVERIFY(!CommandSpec::fromJson(bad, &error));
        QVERIFY2(error.contains(u"labels"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLocalizedTexts)
#include "tst_localizedtexts.moc"

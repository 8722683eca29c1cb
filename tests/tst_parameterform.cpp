// ParameterForm: editors generated from typed parameters, ranges and lengths enforced by the editors,
// defaults filled, required parameters marked, inline errors, and values that round-trip through a draft.

#include "commands/commandcatalog.h"

#include "common/json.h"
#include "parameterform.h"
#include "testutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::CommandParameter;
using fleet::Json;
using fleet::ParameterForm;

namespace {

// Every parameter type, with and without ranges, defaults and requirement.
const char *const TestCatalog =
    "{\"version\": 1, \"commands\": [{\"name\": \"configure\", \"payload\": {\"count\": \"${count}\", "
    "\"ratio\": \"${ratio}\", \"label\": \"${label}\", "
    "\"mode\": \"${mode}\", \"level\": \"${level}\", \"verbose\": \"${verbose}\", \"offset\": \"${offset}\", "
    "\"note\": \"${note}\"}, \"parameters\": ["
    "{\"name\": \"count\", \"type\": \"integer\", \"minimum\": 1, \"maximum\": 10, \"required\": true},"
    "{\"name\": \"ratio\", \"type\": \"number\", \"minimum\": 0, \"maximum\": 1, \"default\": 0.5},"
    "{\"name\": \"label\", \"type\": \"string\", \"minLength\": 3, \"maxLength\": 8, \"required\": true},"
    "{\"name\": \"mode\", \"type\": \"enum\", \"allowed\": [\"fast\", \"slow\", 3], \"default\": \"slow\"},"
    "{\"name\": \"level\", \"type\": \"enum\", \"allowed\": [\"low\", \"high\"], \"required\": true},"
    "{\"name\": \"verbose\", \"type\": \"boolean\", \"default\": true},"
    "{\"name\": \"offset\", \"type\": \"integer\"},"
    "{\"name\": \"note\", \"type\": \"string\"}"
    "]}]}";

QList<CommandParameter> testParameters()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(TestCatalog, &error);
    if (!catalog)
        qFatal("test catalog: %s", qPrintable(error));
    return catalog->find(u"configure"_s)->parameters;
}

} // namespace

class TestParameterForm final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editorsFollowTheTypes()
    {
        ParameterForm form;
        form.setParameters(testParameters());
        form.show();
        QVERIFY(qobject_cast<QSpinBox *>(form.editor(u"count"_s)));
        QVERIFY(qobject_cast<QDoubleSpinBox *>(form.editor(u"ratio"_s)));
        QVERIFY(qobject_cast<QLineEdit *>(form.editor(u"label"_s)));
        QVERIFY(qobject_cast<QComboBox *>(form.editor(u"mode"_s)));
        QVERIFY(qobject_cast<QComboBox *>(form.editor(u"level"_s)));
        QVERIFY(qobject_cast<QCheckBox *>(form.editor(u"verbose"_s)));
        QVERIFY(qobject_cast<QSpinBox *>(form.editor(u"offset"_s)));
        QVERIFY(!form.editor(u"nothing"_s));

        // Ranges and lengths are the editors' own limits.
        auto *count = qobject_cast<QSpinBox *>(form.editor(u"count"_s));
        QCOMPARE(count->minimum(), 1);
        QCOMPARE(count->maximum(), 10);
        count->setValue(500);
        QCOMPARE(count->value(), 10);
        count->setValue(-3);
        QCOMPARE(count->value(), 1);
        auto *ratio = qobject_cast<QDoubleSpinBox *>(form.editor(u"ratio"_s));
        QCOMPARE(ratio->maximum(), 1.0);
        auto *label = qobject_cast<QLineEdit *>(form.editor(u"label"_s));
        QCOMPARE(label->maxLength(), 8);
        QTest::keyClicks(label, u"abcdefghijkl"_s);
        QCOMPARE(label->text(), u"abcdefgh"_s);

        // An optional parameter without a default is sent only when asked to.
        QVERIFY(form.includeBox(u"offset"_s));
        QVERIFY(!form.includeBox(u"count"_s));
        QVERIFY(!form.editor(u"offset"_s)->isEnabled());
    }

    void defaultsAndRequired()
    {
        ParameterForm form;
        form.setParameters(testParameters());
        const Json values = form.values();
        QCOMPARE_JSON(values.at("ratio"), 0.5);
        QCOMPARE_JSON(values.at("mode"), "slow");
        QCOMPARE_JSON(values.at("verbose"), true);
        QCOMPARE_JSON(values.at("count"), 1); // within range from the start
        QVERIFY(!values.contains("offset"));
        QVERIFY(!values.contains("note"));
        QVERIFY(!values.contains("level")); // no choice made yet
        // Required parameters are marked; the first problem is named.
        const QList<QLabel *> labels = form.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [](const QLabel *l) { return l->text() == u"count *"_s; }));
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [](const QLabel *l) { return l->text() == u"ratio"_s; }));
        QString error;
        QVERIFY(!form.isValid(&error));
        QVERIFY2(error.contains(u"label"_s), qPrintable(error));
        QVERIFY(!form.errorLabel(u"label"_s)->text().isEmpty());
    }

    // A catalog's labels and descriptions in the operator's language (the default locale), its name and
    // own description otherwise.
    void labelsInTheOperatorsLanguage()
    {
        const CommandCatalog catalog = CommandCatalog::defaultCatalog();
        const fleet::CommandSpec *spec = catalog.find(u"set_led"_s);
        QVERIFY(spec);
        const QLocale before;
        QLocale::setDefault(QLocale(u"es"_s));
        ParameterForm spanish;
        spanish.setParameters(spec->parameters);
        QLocale::setDefault(before);
        const QList<QLabel *> labels = spanish.findChildren<QLabel *>();
        const auto color = std::find_if(labels.cbegin(), labels.cend(),
                                        [](const QLabel *l) { return l->text() == u"Color *"_s; });
        QVERIFY(color != labels.cend());
        QVERIFY((*color)->toolTip().contains(u"El nombre del color"_s));
        ParameterForm english;
        english.setParameters(spec->parameters);
        const QList<QLabel *> englishLabels = english.findChildren<QLabel *>();
        QVERIFY(std::any_of(englishLabels.cbegin(), englishLabels.cend(),
                            [](const QLabel *l) { return l->text() == u"color *"_s; }));
    }

    void validValuesAndInlineErrors()
    {
        ParameterForm form;
        form.setParameters(testParameters());
        form.show();
        QSignalSpy changed(&form, &ParameterForm::valuesChanged);
        auto *label = qobject_cast<QLineEdit *>(form.editor(u"label"_s));
        QTest::keyClicks(label, u"ab"_s);
        QVERIFY(changed.count() > 0);
        QVERIFY(form.errorLabel(u"label"_s)->isVisible());
        QTest::keyClicks(label, u"c"_s);
        QVERIFY(!form.errorLabel(u"label"_s)->isVisible());
        qobject_cast<QComboBox *>(form.editor(u"level"_s))->setCurrentIndex(1);
        form.includeBox(u"offset"_s)->setChecked(true);
        qobject_cast<QSpinBox *>(form.editor(u"offset"_s))->setValue(-7);
        QString error;
        QVERIFY2(form.isValid(&error), qPrintable(error));
        const Json values = form.values();
        QCOMPARE_JSON(values.at("label"), "abc");
        QCOMPARE_JSON(values.at("level"), "high");
        QCOMPARE_JSON(values.at("offset"), -7);
        // A non-string allowed value is sent with its JSON type.
        qobject_cast<QComboBox *>(form.editor(u"mode"_s))->setCurrentIndex(2);
        QCOMPARE_JSON(form.values().at("mode"), 3);
    }

    void valuesRoundTrip()
    {
        ParameterForm form;
        form.setParameters(testParameters());
        Json draft = {{"count", 7},     {"ratio", 0.25},    {"label", "ab"}, {"mode", "fast"},
                      {"level", "low"}, {"verbose", false}, {"offset", 42},  {"note", "hi"}};
        form.setValues(draft);
        QCOMPARE_JSON(form.values(), draft); // even the invalid (too short) label comes back
        form.reset();
        QCOMPARE_JSON(form.values().at("count"), 1);
        QVERIFY(!form.values().contains("offset"));
    }

    void badInputIsIgnored()
    {
        ParameterForm form;
        form.setParameters(testParameters());
        const Json before = form.values();
        form.setValues(Json::array({1, 2}));
        form.setValues(Json("text"));
        QCOMPARE_JSON(form.values(), before);
        // Wrong types and unknown names leave those editors alone; out-of-range numbers are clamped.
        form.setValues(
            {{"count", "many"}, {"ratio", 99}, {"mode", "unheard-of"}, {"bogus", 1}, {"verbose", 3}});
        QCOMPARE_JSON(form.values().at("ratio"), 1.0);
        QCOMPARE_JSON(form.values().at("count"), 1);
        form.setValues({{"count", 1e300}});
        QCOMPARE_JSON(form.values().at("count"), 10);
        // No parameters at all.
        form.setParameters({});
        QCOMPARE_JSON(form.values(), Json::object());
        QVERIFY(form.isValid());
    }
};

QTEST_MAIN(TestParameterForm)
#include "tst_parameterform.moc"

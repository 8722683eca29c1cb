#include "commands/retrypolicy.h"

#include "common/json.h"

#include <QTest>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::RetryPolicy;

class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const RetryPolicy policy;
        QCOMPARE(policy.attempts, 3);
        QCOMPARE(policy.backoffBaseMs, 1000);
        QCOMPARE(policy.backoffCapMs, 8000);
        QCOMPARE(policy.jitter, 0.3);
        QVERIFY(policy.validate());
    }

    void delay_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("cap");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("expected");

        QTest::newRow("first, no jitter") << 1000 << 8000 << 0.0 << 1 << 0.7 << 1000;
        QTest::newRow("second doubles") << 1000 << 8000 << 0.0 << 2 << 0.7 << 2000;
        QTest::newRow("third") << 1000 << 8000 << 0.0 << 3 << 0.0 << 4000;
        QTest::newRow("fourth reaches the cap") << 1000 << 8000 << 0.0 << 4 << 0.0 << 8000;
        QTest::newRow("capped") << 1000 << 8000 << 0.0 << 10 << 0.0 << 8000;
        QTest::newRow("huge attempt stays capped") << 1000 << 8000 << 0.0 << 100000 << 0.0 << 8000;
        QTest::newRow("attempt 0 counts as 1") << 1000 << 8000 << 0.0 << 0 << 0.0 << 1000;
        QTest::newRow("negative attempt counts as 1") << 1000 << 8000 << 0.0 << -5 << 0.0 << 1000;
        QTest::newRow("jitter, random 0: full delay") << 1000 << 8000 << 0.3 << 1 << 0.0 << 1000;
        QTest::newRow("jitter, random 0.5") << 1000 << 8000 << 0.3 << 1 << 0.5 << 850;
        QTest::newRow("jitter, random near 1") << 1000 << 8000 << 0.3 << 1 << 0.999999 << 700;
        QTest::newRow("jitter on the cap") << 1000 << 8000 << 0.3 << 6 << 0.5 << 6800;
        QTest::newRow("random above 1 clamped") << 1000 << 8000 << 0.5 << 1 << 7.0 << 500;
        QTest::newRow("random below 0 clamped") << 1000 << 8000 << 0.5 << 1 << -3.0 << 1000;
        QTest::newRow("full jitter") << 1000 << 8000 << 1.0 << 2 << 0.25 << 1500;
        QTest::newRow("base 0") << 0 << 8000 << 0.3 << 5 << 0.5 << 0;
        QTest::newRow("cap equal to base") << 500 << 500 << 0.0 << 3 << 0.0 << 500;
    }

    void delay()
    {
        QFETCH(int, base);
        QFETCH(int, cap);
        QFETCH(double, jitter);
        QFETCH(int, attempt);
        QFETCH(double, random);
        QFETCH(int, expected);
        RetryPolicy policy;
        policy.backoffBaseMs = base;
        policy.backoffCapMs = cap;
        policy.jitter = jitter;
        QCOMPARE(policy.delayMs(attempt, random), expected);
    }

    void delayNeverExceedsCapOrGoesBelowJitterFloor()
    {
        const RetryPolicy policy;
        for (int attempt = 1; attempt <= 12; ++attempt) {
            for (double r = 0; r < 1; r += 0.05) {
                const int d = policy.delayMs(attempt, r);
                QVERIFY(d <= policy.backoffCapMs);
                const double raw = std::min(8000.0, 1000.0 * std::exp2(attempt - 1));
                QVERIFY(d >= int(raw * (1 - policy.jitter)) - 1);
            }
        }
    }

    void delayWithNaNRandom()
    {
        const RetryPolicy policy;
        QCOMPARE(policy.delayMs(1, std::numeric_limits<double>::quiet_NaN()), 1000);
    }

    void validate_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("cap");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("defaults") << 3 << 1000 << 8000 << 0.3 << true << QString();
        QTest::newRow("one attempt") << 1 << 0 << 0 << 0.0 << true << QString();
        QTest::newRow("max attempts") << RetryPolicy::MaxAttempts << 1 << 2 << 1.0 << true << QString();
        QTest::newRow("zero attempts") << 0 << 1000 << 8000 << 0.3 << false << u"attempts"_s;
        QTest::newRow("too many attempts")
            << RetryPolicy::MaxAttempts + 1 << 1000 << 8000 << 0.3 << false << u"attempts"_s;
        QTest::newRow("negative base") << 3 << -1 << 8000 << 0.3 << false << u"backoffBaseMs"_s;
        QTest::newRow("cap below base") << 3 << 1000 << 999 << 0.3 << false << u"backoffCapMs"_s;
        QTest::newRow("cap too large")
            << 3 << 1000 << RetryPolicy::MaxDelayMs + 1 << 0.3 << false << u"backoffCapMs"_s;
        QTest::newRow("negative jitter") << 3 << 1000 << 8000 << -0.1 << false << u"jitter"_s;
        QTest::newRow("jitter above 1") << 3 << 1000 << 8000 << 1.5 << false << u"jitter"_s;
        QTest::newRow("NaN jitter") << 3 << 1000 << 8000 << std::numeric_limits<double>::quiet_NaN() << false
                                    << u"jitter"_s;
    }

    void validate()
    {
        QFETCH(int, attempts);
        QFETCH(int, base);
        QFETCH(int, cap);
        QFETCH(double, jitter);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        const RetryPolicy policy{attempts, base, cap, jitter};
        QString error;
        QCOMPARE(policy.validate(&error), valid);
        if (valid)
            QVERIFY(error.isEmpty());
        else
            QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void fromJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");

        QTest::newRow("full") << R"({"attempts":5,"backoffBaseMs":200,"backoffCapMs":3000,"jitter":0.5})"_ba
                              << true << QString();
        QTest::newRow("empty keeps defaults") << "{}"_ba << true << QString();
        QTest::newRow("integral float") << R"({"attempts":2.0})"_ba << true << QString();
        QTest::newRow("integer jitter") << R"({"jitter":1})"_ba << true << QString();
        QTest::newRow("not an object") << "[1,2]"_ba << false << u"object"_s;
        QTest::newRow("null") << "null"_ba << false << u"object"_s;
        QTest::newRow("unknown key") << R"({"attempts":3,"backoff":1})"_ba << false << u"backoff"_s;
        QTest::newRow("attempts string") << R"({"attempts":"3"})"_ba << false << u"attempts"_s;
        QTest::newRow("attempts fractional") << R"({"attempts":2.5})"_ba << false << u"attempts"_s;
        QTest::newRow("attempts huge") << R"({"attempts":99999999999})"_ba << false << u"attempts"_s;
        QTest::newRow("attempts zero") << R"({"attempts":0})"_ba << false << u"attempts"_s;
        QTest::newRow("base bool") << R"({"backoffBaseMs":true})"_ba << false << u"backoffBaseMs"_s;
        QTest::newRow("cap below base")
            << R"({"backoffBaseMs":5000,"backoffCapMs":100})"_ba << false << u"backoffCapMs"_s;
        QTest::newRow("jitter string") << R"({"jitter":"0.3"})"_ba << false << u"jitter"_s;
        QTest::newRow("jitter out of range") << R"({"jitter":2})"_ba << false << u"jitter"_s;
    }

    void fromJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        QString error;
        const std::optional<RetryPolicy> policy =
            RetryPolicy::fromJson(Json::parse(json.toStdString()), &error);
        QCOMPARE(policy.has_value(), valid);
        if (!valid)
            QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    // The IoT Atlas design's other schedule: base, 2 x base, 3 x base, … up to the cap.
    void linearSchedule()
    {
        const auto policy = RetryPolicy::fromJson(
            Json::parse(R"({"schedule":"linear","backoffBaseMs":500,"backoffCapMs":1800,"jitter":0})"));
        QVERIFY(policy);
        QCOMPARE(policy->delayMs(1, 0.5), 500);
        QCOMPARE(policy->delayMs(2, 0.5), 1000);
        QCOMPARE(policy->delayMs(3, 0.5), 1500);
        QCOMPARE(policy->delayMs(4, 0.5), 1800);
        QCOMPARE(policy->delayMs(100000, 0.5), 1800);
        const auto back = RetryPolicy::fromJson(policy->toJson());
        QVERIFY(back && *back == *policy);
        QCOMPARE(QString::fromStdString(policy->toJson().value("schedule", "")), u"linear"_s);
        QString error;
        QVERIFY(!RetryPolicy::fromJson(Json::parse(R"({"schedule":"fibonacci"})"), &error));
        QVERIFY2(error.contains(u"schedule"_s), qPrintable(error));
        QVERIFY(!RetryPolicy::fromJson(Json::parse(R"({"schedule":1})"), &error));
    }

    void fromJsonValues()
    {
        const auto policy = RetryPolicy::fromJson(
            Json::parse(R"({"attempts":5,"backoffBaseMs":200,"backoffCapMs":3000,"jitter":0.5})"));
        QVERIFY(policy);
        QCOMPARE(policy->attempts, 5);
        QCOMPARE(policy->backoffBaseMs, 200);
        QCOMPARE(policy->backoffCapMs, 3000);
        QCOMPARE(policy->jitter, 0.5);
    }

    void roundTrip()
    {
        const RetryPolicy policy{7, 250, 4000, 0.125};
        const Json json = policy.toJson();
        QCOMPARE(json.size(), std::size_t(4));
        const auto back = RetryPolicy::fromJson(json);
        QVERIFY(back);
        QCOMPARE(*back, policy);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"

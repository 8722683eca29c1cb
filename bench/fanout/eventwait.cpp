#include "eventwait.h"

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"

#include <QEventLoop>
#include <QSet>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fleet::bench {

bool waitUntil(const std::function<bool()> &done, SteadyClock::time_point deadline)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    // Polling, not a signal: the measured times come from the signals themselves, so 5 ms of lag here only
    // delays the driver's next step, never a result.
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || SteadyClock::now() >= deadline)
            loop.quit();
    });
    poll.start(5);
    loop.exec();
    return done();
}

bool connectAndSubscribe(MqttClient *client, const QString &url, const QString &clientId,
                         const QStringList &filters, SteadyClock::time_point deadline, QString *error,
                         const QString &username)
{
    BrokerProfile profile;
    profile.url = QUrl(url);
    profile.clientId = clientId;
    profile.username = username;
    client->setProfile(profile);
    QSet<QString> granted;
    QString failure;
    QObject context;
    QObject::connect(client, &MqttClient::subscribed, &context,
                     [&](const QString &filter, int) { granted.insert(filter); });
    QObject::connect(client, &MqttClient::subscriptionFailed, &context,
                     [&](const QString &, MqttClient::Error, const QString &message) { failure = message; });
    QObject::connect(client, &MqttClient::errorOccurred, &context,
                     [&](MqttClient::Error, const QString &message) { failure = message; });
    for (const QString &filter : filters)
        client->subscribe(filter, 1);
    if (!client->connectToBroker()) {
        *error = u"%1: %2"_s.arg(clientId, client->errorString());
        return false;
    }
    const auto allGranted = [&] {
        for (const QString &filter : filters) {
            if (!granted.contains(filter))
                return false;
        }
        return true;
    };
    if (!waitUntil([&] { return allGranted() || !failure.isEmpty(); }, deadline) || !allGranted()) {
        *error = u"%1 did not subscribe to %2: %3"_s.arg(
            clientId, filters.join(u", "_s), failure.isEmpty() ? u"no SUBACK in time"_s : failure);
        return false;
    }
    return true;
}

} // namespace fleet::bench

#include "dialects/azuredevicetopic.h"

#include "dialects/azurepropertybag.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const auto TwinResponsePrefix = "$iothub/twin/res/"_L1;
const auto DesiredPrefix = "$iothub/twin/PATCH/properties/desired/"_L1;
const auto MethodPrefix = "$iothub/methods/POST/"_L1;

qint64 versionIn(QStringView topic)
{
    bool ok = false;
    const qint64 version = AzureDeviceTopic::queryValue(topic, u"$version").toLongLong(&ok);
    return ok && version >= 0 ? version : -1;
}

} // namespace

AzureDeviceTopic AzureDeviceTopic::parse(const QString &topic)
{
    AzureDeviceTopic parsed;
    if (topic.startsWith(TwinResponsePrefix)) {
        const QStringView rest = QStringView(topic).mid(TwinResponsePrefix.size());
        bool ok = false;
        const int status = rest.left(rest.indexOf(u'/')).toInt(&ok);
        const QString rid = queryValue(topic, u"$rid");
        if (!ok || rid.isEmpty())
            return parsed;
        parsed.kind = Kind::TwinResponse;
        parsed.status = status;
        parsed.rid = rid;
        parsed.version = versionIn(topic);
    } else if (topic.startsWith(DesiredPrefix)) {
        parsed.kind = Kind::DesiredPatch;
        parsed.version = versionIn(topic);
    } else if (topic.startsWith(MethodPrefix)) {
        const qsizetype end = topic.indexOf(u"/?"_s, MethodPrefix.size());
        const QString rid = queryValue(topic, u"$rid");
        if (end <= MethodPrefix.size() || rid.isEmpty())
            return parsed; // nobody to answer
        parsed.kind = Kind::MethodCall;
        parsed.method = topic.mid(MethodPrefix.size(), end - MethodPrefix.size());
        parsed.rid = rid;
    } else if (const auto split =
                   AzurePropertyBag::splitTopic(topic, AzurePropertyBag::Direction::CloudToDevice)) {
        parsed.kind = Kind::CloudMessage;
        parsed.deviceId = split->first;
        parsed.bag = split->second;
    }
    return parsed;
}

QString AzureDeviceTopic::queryValue(QStringView topic, QStringView key)
{
    const qsizetype question = topic.lastIndexOf(u'?');
    if (question < 0)
        return {};
    for (const QStringView pair : topic.mid(question + 1).tokenize(u'&')) {
        if (pair.size() > key.size() && pair.startsWith(key) && pair.at(key.size()) == u'=')
            return pair.mid(key.size() + 1).toString();
    }
    return {};
}

QStringList AzureDeviceTopic::subscriptions(const QString &deviceId)
{
    return {u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s, DesiredPrefix + u'#',
            u"devices/"_s + deviceId + u"/messages/devicebound/#"_s};
}

QString AzureDeviceTopic::twinGet(const QString &rid)
{
    return u"$iothub/twin/GET/?$rid="_s + rid;
}

QString AzureDeviceTopic::twinReported(const QString &rid)
{
    return u"$iothub/twin/PATCH/properties/reported/?$rid="_s + rid;
}

QString AzureDeviceTopic::methodResponse(int status, const QString &rid)
{
    return u"$iothub/methods/res/"_s + QString::number(status) + u"/?$rid="_s + rid;
}

QString AzureDeviceTopic::deviceToCloud(const QString &deviceId, const QString &bag)
{
    return u"devices/"_s + deviceId + u"/messages/events/"_s + bag;
}

} // namespace fleet

#include "dialects/atlasdialect.h"

#include "common/elided.h"
#include "common/json.h"
#include "common/networkjson.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QStringView DevicePlaceholder = u"{device}";
constexpr QStringView GroupPlaceholder = u"{group}";

// MQTT's limit on a topic name (UTF-8 bytes).
constexpr qsizetype MaxTopicBytes = 65535;
// How much of an unexpected value a reason quotes.
constexpr qsizetype MaxQuotedChars = 64;

QString quoted(const QString &text)
{
    return elided(text, MaxQuotedChars);
}

// The topic's level matched at the template's placeholder, or nullopt if the topic does not fit.
std::optional<QString> match(const QString &pattern, QStringView placeholder, const QString &topic)
{
    const QList<QStringView> expected = QStringView(pattern).split(u'/');
    const QList<QStringView> levels = QStringView(topic).split(u'/');
    if (expected.size() != levels.size())
        return std::nullopt;
    std::optional<QString> id;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (expected.at(i) == placeholder) {
            if (!AtlasDialect::isValidId(levels.at(i)))
                return std::nullopt;
            id = levels.at(i).toString();
        } else if (expected.at(i) != levels.at(i)) {
            return std::nullopt;
        }
    }
    return id;
}

std::optional<QString> expand(const QString &pattern, QStringView placeholder, const QString &id)
{
    if (!AtlasDialect::isValidId(id))
        return std::nullopt;
    QStringList levels = pattern.split(u'/');
    for (QString &level : levels) {
        if (level == placeholder)
            level = id;
    }
    QString topic = levels.join(u'/');
    if (topic.toUtf8().size() > MaxTopicBytes)
        return std::nullopt;
    return topic;
}

QString filter(const QString &pattern, QStringView placeholder)
{
    QStringList levels = pattern.split(u'/');
    for (QString &level : levels) {
        if (level == placeholder)
            level = u"+"_s;
    }
    return levels.join(u'/');
}

QString fromJson(const Json &value)
{
    return QString::fromStdString(value.get_ref<const std::string &>());
}

std::optional<AtlasReply> refuse(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

// "SUCCESS", "FAILURE", or either followed by ':' and a detail: the seed's sample device.
std::optional<AtlasReply> textReply(const QByteArray &trimmed)
{
    AtlasReply reply;
    QByteArray rest;
    if (trimmed.startsWith("SUCCESS")) {
        reply.status = AtlasReply::Status::Success;
        rest = trimmed.mid(7);
    } else if (trimmed.startsWith("FAILURE")) {
        reply.status = AtlasReply::Status::Failure;
        rest = trimmed.mid(7);
    } else {
        return std::nullopt;
    }
    if (!rest.isEmpty() && !rest.startsWith(':'))
        return std::nullopt; // "SUCCESSFUL" is not a status
    reply.text = true;
    const QString detail = QString::fromUtf8(rest.mid(1).trimmed());
    if (reply.status == AtlasReply::Status::Failure)
        reply.reason = detail;
    else if (!detail.isEmpty())
        reply.result = detail.toStdString();
    return reply;
}

} // namespace

AtlasDialect::AtlasDialect()
    : m_request(u"cmd/{device}/req"_s)
    , m_response(u"cmd/{device}/resp"_s)
    , m_groupRequest(u"cmd/group/{group}/req"_s)
    , m_groupResponse(u"cmd/group/{group}/resp"_s)
{}

bool AtlasDialect::setRequestTemplate(const QString &pattern, QString *error)
{
    return setTemplate(&m_request, pattern, false, error);
}

bool AtlasDialect::setResponseTemplate(const QString &pattern, QString *error)
{
    return setTemplate(&m_response, pattern, false, error);
}

bool AtlasDialect::setGroupRequestTemplate(const QString &pattern, QString *error)
{
    return setTemplate(&m_groupRequest, pattern, true, error);
}

bool AtlasDialect::setGroupResponseTemplate(const QString &pattern, QString *error)
{
    return setTemplate(&m_groupResponse, pattern, true, error);
}

bool AtlasDialect::setTemplate(QString *target, const QString &pattern, bool group, QString *error)
{
    const QString wanted = (group ? GroupPlaceholder : DevicePlaceholder).toString();
    const QString other = (group ? DevicePlaceholder : GroupPlaceholder).toString();
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (pattern.contains(u'+') || pattern.contains(u'#') || pattern.contains(QChar(0)))
        return fail(tr("The topic template \"%1\" contains a wildcard or NUL.").arg(quoted(pattern)));
    const QStringList levels = pattern.split(u'/');
    qsizetype placeholders = 0;
    for (const QString &level : levels) {
        if (level == wanted)
            ++placeholders;
        else if (level.contains(wanted) || level.contains(other))
            return fail(tr("In the topic template \"%1\", %2 must be a whole level of its own.")
                            .arg(quoted(pattern), level.contains(wanted) ? wanted : other));
    }
    if (placeholders != 1)
        return fail(tr("The topic template \"%1\" must contain %2 exactly once, as a whole level.")
                        .arg(quoted(pattern), wanted));
    *target = pattern;
    return true;
}

bool AtlasDialect::isValidId(QStringView id)
{
    if (id.isEmpty() || !id.isValidUtf16())
        return false;
    return std::none_of(id.begin(), id.end(),
                        [](QChar c) { return c == u'+' || c == u'#' || c == u'/' || c == QChar(0); });
}

std::optional<QString> AtlasDialect::requestTopic(const QString &device) const
{
    return expand(m_request, DevicePlaceholder, device);
}

std::optional<QString> AtlasDialect::responseTopic(const QString &device) const
{
    return expand(m_response, DevicePlaceholder, device);
}

std::optional<QString> AtlasDialect::groupRequestTopic(const QString &group) const
{
    return expand(m_groupRequest, GroupPlaceholder, group);
}

std::optional<QString> AtlasDialect::groupResponseTopic(const QString &group) const
{
    return expand(m_groupResponse, GroupPlaceholder, group);
}

QString AtlasDialect::responseFilter() const
{
    return filter(m_response, DevicePlaceholder);
}

QString AtlasDialect::groupResponseFilter() const
{
    return filter(m_groupResponse, GroupPlaceholder);
}

std::optional<QString> AtlasDialect::deviceFromTopic(const QString &topic) const
{
    return match(m_response, DevicePlaceholder, topic);
}

std::optional<QString> AtlasDialect::groupFromTopic(const QString &topic) const
{
    return match(m_groupResponse, GroupPlaceholder, topic);
}

QByteArray AtlasDialect::encodeRequest(const QString &command, const QString &tid, const Json &params,
                                       QByteArray *correlationData, QString *error) const
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return QByteArray();
    };
    if (command.isEmpty())
        return fail(tr("A command needs a name."));
    const QByteArray tidBytes = correlationDataFor(tid);
    if (tidBytes.isEmpty())
        return fail(tr("A command needs a tid."));
    if (tidBytes.size() > MaxTidBytes)
        return fail(tr("The tid is longer than %1 bytes.").arg(MaxTidBytes));
    if (!params.is_null() && !params.is_object())
        return fail(tr("The parameters of a command must be a JSON object."));

    Json request = Json::object();
    request["cmd"] = command.toStdString();
    request["tid"] = tidBytes.toStdString();
    request["status"] = "REQUEST";
    request["params"] = params.is_null() ? Json::object() : params;
    // replace: dump() would throw on invalid UTF-8 that a caller put into params.
    const QByteArray payload = compactJsonBytes(request);
    if (payload.size() > MaxPayloadBytes)
        return fail(tr("The request is larger than %1 bytes.").arg(MaxPayloadBytes));
    if (correlationData)
        *correlationData = tidBytes;
    return payload;
}

QByteArray AtlasDialect::correlationDataFor(const QString &tid)
{
    return tid.toUtf8();
}

std::optional<QString> AtlasDialect::tidFromCorrelationData(const QByteArray &data)
{
    if (data.isEmpty() || data.size() > MaxTidBytes || data.contains('\0'))
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString tid = decoder(data);
    if (decoder.hasError())
        return std::nullopt;
    return tid;
}

std::optional<AtlasReply> AtlasDialect::decodeReply(const QString &topic, const QByteArray &payload,
                                                    QString *error,
                                                    const std::optional<QByteArray> &correlationData) const
{
    if (payload.size() > MaxPayloadBytes)
        return refuse(
            error,
            tr("The reply on \"%1\" is larger than %2 bytes.").arg(quoted(topic)).arg(MaxPayloadBytes));
    // The device's own template first: a topic that fits both names a device.
    const std::optional<QString> topicDevice = deviceFromTopic(topic);
    const std::optional<QString> topicGroup = topicDevice ? std::nullopt : groupFromTopic(topic);
    if (!topicDevice && !topicGroup)
        return refuse(error, tr("\"%1\" is not a command response topic (expected %2 or %3).")
                                 .arg(quoted(topic), m_response, m_groupResponse));

    std::optional<QString> correlatedTid;
    if (correlationData) {
        correlatedTid = tidFromCorrelationData(*correlationData);
        if (!correlatedTid)
            return refuse(error,
                          tr("The correlation data of the reply on \"%1\" is not a tid.").arg(quoted(topic)));
    }

    const QByteArray trimmed = payload.trimmed();
    if (std::optional<AtlasReply> reply = textReply(trimmed)) {
        if (!topicDevice)
            return refuse(
                error,
                tr("The text reply on the group topic \"%1\" does not name its device.").arg(quoted(topic)));
        reply->device = *topicDevice;
        reply->tid = correlatedTid;
        return reply;
    }

    if (NetworkJson::nestingDepth(trimmed) > NetworkJson::DefaultMaxDepth)
        return refuse(error, tr("The reply on \"%1\" nests deeper than %2 levels.")
                                 .arg(quoted(topic))
                                 .arg(NetworkJson::DefaultMaxDepth));
    const Json body = NetworkJson::parse(trimmed, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth})
                          .value_or(Json(Json::value_t::discarded));
    if (body.is_discarded())
        return refuse(
            error,
            tr("The reply on \"%1\" is neither JSON nor a SUCCESS or FAILURE line.").arg(quoted(topic)));
    if (!body.is_object())
        return refuse(error, tr("The reply on \"%1\" is not a JSON object.").arg(quoted(topic)));

    AtlasReply reply;
    const Json *status = jsonMember(body, "status");
    if (!status)
        return refuse(error, tr("The reply on \"%1\" has no \"status\".").arg(quoted(topic)));
    if (!status->is_string())
        return refuse(error, tr("The \"status\" of the reply on \"%1\" is not a string.").arg(quoted(topic)));
    const std::string &statusName = status->get_ref<const std::string &>();
    if (statusName == "RUNNING")
        reply.status = AtlasReply::Status::Running;
    else if (statusName == "SUCCESS")
        reply.status = AtlasReply::Status::Success;
    else if (statusName == "FAILURE")
        reply.status = AtlasReply::Status::Failure;
    else if (statusName == "REQUEST")
        return refuse(error, tr("The message on \"%1\" is a request, not a reply.").arg(quoted(topic)));
    else
        return refuse(error, tr("The reply on \"%1\" has an unknown status \"%2\".")
                                 .arg(quoted(topic), quoted(fromJson(*status))));

    if (const Json *tid = jsonMember(body, "tid"); tid && !tid->is_null()) {
        if (!tid->is_string())
            return refuse(error,
                          tr("The \"tid\" of the reply on \"%1\" is not a string.").arg(quoted(topic)));
        const std::string &bytes = tid->get_ref<const std::string &>();
        if (qsizetype(bytes.size()) > MaxTidBytes)
            return refuse(error, tr("The \"tid\" of the reply on \"%1\" is longer than %2 bytes.")
                                     .arg(quoted(topic))
                                     .arg(MaxTidBytes));
        // An empty tid is no tid: the device answered a request that had none.
        if (!bytes.empty())
            reply.tid = QString::fromStdString(bytes);
    }
    if (!reply.tid)
        reply.tid = correlatedTid;

    if (const Json *device = jsonMember(body, "device"); device && !device->is_null()) {
        if (!device->is_string())
            return refuse(error,
                          tr("The \"device\" of the reply on \"%1\" is not a string.").arg(quoted(topic)));
        reply.device = fromJson(*device);
        if (!isValidId(reply.device))
            return refuse(error, tr("The reply on \"%1\" names an invalid device \"%2\".")
                                     .arg(quoted(topic), quoted(reply.device)));
        // A device answers on its own topic: a reply there naming another one is spoofed or misrouted.
        if (topicDevice && reply.device != *topicDevice)
            return refuse(error, tr("The reply on \"%1\" names the device \"%2\", not \"%3\".")
                                     .arg(quoted(topic), quoted(reply.device), quoted(*topicDevice)));
    } else if (topicDevice) {
        reply.device = *topicDevice;
    } else {
        return refuse(error,
                      tr("The reply on the group topic \"%1\" does not name its device.").arg(quoted(topic)));
    }
    if (topicGroup)
        reply.group = *topicGroup;

    if (const Json *reason = jsonMember(body, "reason"); reason && !reason->is_null()) {
        if (!reason->is_string())
            return refuse(error,
                          tr("The \"reason\" of the reply on \"%1\" is not a string.").arg(quoted(topic)));
        reply.reason = fromJson(*reason);
    }
    if (const Json *result = jsonMember(body, "result"))
        reply.result = *result;
    return reply;
}

} // namespace fleet

#pragma once

#include "common/json.h"

#include "dialects/atlasreply.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// The command dialect of IoT Atlas's command design, as fleet-sim devices speak it:
//   request  {"cmd", "tid", "status": "REQUEST", "params": {...}}          on cmd/{device}/req
//                                                                          (group: cmd/group/{group}/req)
//   reply    {"tid", "status": "RUNNING"|"SUCCESS"|"FAILURE", "device", "reason"?, "result"?}
//                                                                          on cmd/{device}/resp
//                                                                          (group: cmd/group/{group}/resp)
//   text     "SUCCESS: ..." / "FAILURE: ..." with no tid (the seed's sample device)
// Everything that arrives is untrusted: decodeReply() refuses what it cannot read with a reason, and never
// throws. Topic templates hold {device} or {group} as one whole level; the topic matched there is the
// device's (or group's) id.
//
// MQTT 5: the tid also travels as the request's correlation data, which a device's MQTT library echoes on
// the reply even when the device's own payload carries no tid; decodeReply() takes it from there then.
class AtlasDialect final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AtlasDialect)

public:
    // Larger payloads are refused both ways (fleet-sim devices refuse larger requests too).
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024;
    // Devices remember tids by the hundred, so they bound them (fleet-sim: 128 bytes).
    static constexpr qsizetype MaxTidBytes = 128;

    AtlasDialect();

    const QString &requestTemplate() const { return m_request; }
    const QString &responseTemplate() const { return m_response; }
    const QString &groupRequestTemplate() const { return m_groupRequest; }
    const QString &groupResponseTemplate() const { return m_groupResponse; }
    // Each refuses (and keeps the old one) a template with wildcards, a NUL, or not exactly one {device}
    // (for group templates {group}) level.
    bool setRequestTemplate(const QString &pattern, QString *error = nullptr);
    bool setResponseTemplate(const QString &pattern, QString *error = nullptr);
    bool setGroupRequestTemplate(const QString &pattern, QString *error = nullptr);
    bool setGroupResponseTemplate(const QString &pattern, QString *error = nullptr);

    // Device and group ids: non-empty, no '+', '#', '/' or NUL, valid UTF-16.
    static bool isValidId(QStringView id);

    // nullopt for an invalid id.
    std::optional<QString> requestTopic(const QString &device) const;
    std::optional<QString> responseTopic(const QString &device) const;
    std::optional<QString> groupRequestTopic(const QString &group) const;
    std::optional<QString> groupResponseTopic(const QString &group) const;
    // The subscriptions that receive every device's replies (cmd/+/resp) and every group's
    // (cmd/group/+/resp).
    QString responseFilter() const;
    QString groupResponseFilter() const;

    // The device (group) a response topic belongs to, by matching the response (group response) template.
    std::optional<QString> deviceFromTopic(const QString &topic) const;
    std::optional<QString> groupFromTopic(const QString &topic) const;

    // The request payload; empty, with error set, for an empty command, an empty or over-long tid, params
    // that are neither null nor an object, or a payload over MaxPayloadBytes. correlationData, if given,
    // receives the bytes to send as the request's MQTT 5 correlation data.
    QByteArray encodeRequest(const QString &command, const QString &tid, const Json &params = Json::object(),
                             QByteArray *correlationData = nullptr, QString *error = nullptr) const;
    // The tid as MQTT 5 correlation data (its UTF-8), and back; nullopt for bytes that cannot be a tid.
    static QByteArray correlationDataFor(const QString &tid);
    static std::optional<QString> tidFromCorrelationData(const QByteArray &data);

    // One reply received on topic. correlationData is the message's MQTT 5 correlation data, if it had any:
    // it supplies the tid of a reply whose payload has none (the payload's own tid wins otherwise). nullopt,
    // with error set, for anything that is not a reply.
    std::optional<AtlasReply>
    decodeReply(const QString &topic, const QByteArray &payload, QString *error = nullptr,
                const std::optional<QByteArray> &correlationData = std::nullopt) const;

private:
    bool setTemplate(QString *target, const QString &pattern, bool group, QString *error);

    QString m_request;
    QString m_response;
    QString m_groupRequest;
    QString m_groupResponse;
};

} // namespace fleet

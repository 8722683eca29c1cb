#include "gaterecord.h"

#include <QCryptographicHash>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace fleet {

QString GateRecord::digestOf(const QString &topic, const QByteArray &payload, const Json &properties)
{
    // Lengths first: no choice of topic and payload can give the bytes of another pair.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QByteArray topicBytes = topic.toUtf8();
    const QByteArray propertyBytes = compactJsonBytes(properties);
    for (const QByteArray *part : {&topicBytes, &payload, &propertyBytes}) {
        hash.addData(QByteArray::number(part->size()) + ':');
        hash.addData(*part);
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString GateRecord::stateName(State state)
{
    return ApprovalRequest::stateKey(state);
}

bool GateRecord::stateFromName(const QString &name, State *state)
{
    const std::optional<State> parsed = ApprovalRequest::stateFromKey(name);
    if (parsed)
        *state = *parsed;
    return parsed.has_value();
}

Json GateRecord::toJson() const
{
    Json json = {{"id", id.toStdString()},
                 {"requester", requester.toStdString()},
                 {"kind", kind.toStdString()},
                 {"topic", topic.toStdString()}};
    if (kind == "broadcast"_L1) {
        // Approvers see whom it goes to; each device's request is the command and parameters below, with
        // its own tid (the whole submission, up to 16 MB, is not theirs to download).
        Json list = Json::array();
        for (const QString &target : targets)
            list.push_back(target.toStdString());
        json["targets"] = std::move(list);
    } else {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder(payload);
        if (decoder.hasError())
            json["payloadBase64"] = payload.toBase64().toStdString();
        else
            json["payload"] = text.toStdString();
    }
    if (!device.isEmpty())
        json["device"] = device.toStdString();
    if (!group.isEmpty())
        json["group"] = group.toStdString();
    if (!command.isEmpty())
        json["command"] = command.toStdString();
    json["parameters"] = parameters;
    json["reason"] = reason.toStdString();
    json["digest"] = digest.toStdString();
    json["requestedAt"] = requestedAt;
    json["expiresAt"] = expiresAt;
    json["state"] = stateName(state).toStdString();
    if (!decidedBy.isEmpty()) {
        json["decidedBy"] = decidedBy.toStdString();
        json["decidedAt"] = decidedAt;
        json["decisionReason"] = decisionReason.toStdString();
    }
    if (sentAt > 0)
        json["sentAt"] = sentAt;
    if (!replyTopic.isEmpty()) {
        QStringDecoder replyDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString replyText = replyDecoder(reply);
        json["reply"] = {{"topic", replyTopic.toStdString()},
                         {"payload", replyDecoder.hasError() ? std::string() : replyText.toStdString()}};
    }
    return json;
}

} // namespace fleet

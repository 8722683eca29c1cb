#include "mqtt/publishdraft.h"

#include "common/hexbytes.h"
#include "common/json.h"
#include "common/jsontext.h"
#include "common/networkjson.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// JSON an operator typed or pasted, parsed; an error otherwise. Pasted text can come from anywhere: nesting
// is measured before parsing, since printing or copying a value recurses once per level (NetworkJson).
std::variant<Json, PublishDraft::PayloadError> parseJson(const QString &text)
{
    if (text.trimmed().isEmpty())
        return PublishDraft::PayloadError{0, PublishDraft::tr("The payload is empty: type a JSON value.")};
    const QByteArray bytes = text.toUtf8();
    if (NetworkJson::nestingDepth(bytes) > NetworkJson::DefaultMaxDepth)
        return PublishDraft::PayloadError{
            0, PublishDraft::tr("The JSON nests deeper than %1 levels.").arg(NetworkJson::DefaultMaxDepth)};
    std::variant<Json, JsonText::Error> parsed = JsonText::parse(text);
    if (const auto *error = std::get_if<JsonText::Error>(&parsed))
        return PublishDraft::PayloadError{error->position, error->message};
    return std::get<Json>(std::move(parsed));
}

} // namespace

MqttMessage PublishDraft::message(bool withProperties) const
{
    MqttMessage m(topic, payload, qos, retain);
    if (withProperties)
        m.setProperties(properties);
    return m;
}

std::variant<QByteArray, PublishDraft::PayloadError> PublishDraft::encode(const QString &text, Format format)
{
    switch (format) {
    case Format::Text:
        return text.toUtf8();
    case Format::Json: {
        std::variant<Json, PayloadError> parsed = parseJson(text);
        if (auto *error = std::get_if<PayloadError>(&parsed))
            return *error;
        return text.toUtf8(); // as typed: the operator's layout is part of what they mean to send
    }
    case Format::Hex: {
        std::variant<QByteArray, HexBytes::Error> bytes = HexBytes::parse(text);
        if (const auto *error = std::get_if<HexBytes::Error>(&bytes))
            return PayloadError{error->position, error->message};
        return std::get<QByteArray>(std::move(bytes));
    }
    }
    return text.toUtf8();
}

QString PublishDraft::decode(const QByteArray &payload, Format format)
{
    return format == Format::Hex ? HexBytes::format(payload) : QString::fromUtf8(payload);
}

std::optional<QString> PublishDraft::prettyJson(const QString &text, PayloadError *error)
{
    std::variant<Json, PayloadError> parsed = parseJson(text);
    if (const auto *e = std::get_if<PayloadError>(&parsed)) {
        if (error)
            *error = *e;
        return std::nullopt;
    }
    return indentedJson(std::get<Json>(parsed));
}

QString PublishDraft::formatKey(Format format)
{
    switch (format) {
    case Format::Text:
        break;
    case Format::Json:
        return u"json"_s;
    case Format::Hex:
        return u"hex"_s;
    }
    return u"text"_s;
}

std::optional<PublishDraft::Format> PublishDraft::formatFromKey(const QString &key)
{
    if (key == "text"_L1)
        return Format::Text;
    if (key == "json"_L1)
        return Format::Json;
    if (key == "hex"_L1)
        return Format::Hex;
    return std::nullopt;
}

} // namespace fleet

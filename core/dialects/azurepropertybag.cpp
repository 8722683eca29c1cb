#include "azurepropertybag.h"

#include "common/elided.h"
#include "common/seterror.h"

#include <QStringDecoder>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Shown in errors: enough to recognise, never the whole of a hostile key.
QString excerpt(QStringView text)
{
    constexpr qsizetype MaxChars = 40;
    return elided(text, MaxChars);
}

} // namespace

std::optional<QString> AzurePropertyBag::percentDecode(QStringView text, QString *error)
{
    if (!text.contains(u'%'))
        return text.toString();
    const QByteArray utf8 = text.toUtf8();
    QByteArray bytes;
    bytes.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != '%') {
            bytes.append(utf8[i]);
            continue;
        }
        const int high = i + 2 < utf8.size() ? hexValue(utf8[i + 1]) : -1;
        const int low = high >= 0 ? hexValue(utf8[i + 2]) : -1;
        if (low < 0) {
            setError(error, tr("\"%1\" has a malformed percent escape at character %2.")
                                .arg(excerpt(text), QString::number(i + 1)));
            return std::nullopt;
        }
        bytes.append(char(high * 16 + low));
        i += 2;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder(bytes);
    if (decoder.hasError()) {
        setError(error, tr("\"%1\" decodes to bytes that are not UTF-8.").arg(excerpt(text)));
        return std::nullopt;
    }
    return decoded;
}

bool AzurePropertyBag::isSystemProperty(QStringView key)
{
    // IoT Hub reserves the whole "$." prefix (besides $.mid, $.cid, $.ct, $.ce, $.to and $.exp it sets
    // $.cdid, $.ctime, $.on and others), so an unknown "$." key is not an application's either.
    return key.startsWith(u"$.") || key.startsWith(u"iothub-", Qt::CaseInsensitive);
}

std::optional<AzurePropertyBag::Decoded> AzurePropertyBag::decode(QStringView bag, QString *error)
{
    // Checked before anything is split, so a 100,000-character bag costs nothing.
    if (bag.size() > MaxBagChars) {
        setError(error, tr("The property bag has %1 characters; at most %2 are accepted.")
                            .arg(bag.size())
                            .arg(MaxBagChars));
        return std::nullopt;
    }
    Decoded decoded;
    int count = 0;
    for (QStringView segment : bag.tokenize(u'&')) {
        if (segment.isEmpty())
            continue;
        if (++count > MaxProperties) {
            setError(error, tr("The property bag has more than %1 properties.").arg(MaxProperties));
            return std::nullopt;
        }
        const qsizetype equals = segment.indexOf(u'=');
        const QStringView rawKey = equals < 0 ? segment : segment.left(equals);
        const QStringView rawValue = equals < 0 ? QStringView() : segment.mid(equals + 1);
        if (rawKey.isEmpty()) {
            setError(error, tr("The property \"%1\" has no name.").arg(excerpt(segment)));
            return std::nullopt;
        }
        std::optional<QString> key = percentDecode(rawKey, error);
        if (!key)
            return std::nullopt;
        std::optional<QString> value = percentDecode(rawValue, error);
        if (!value)
            return std::nullopt;
        auto &list = isSystemProperty(*key) ? decoded.system : decoded.application;
        list.append({std::move(*key), std::move(*value)});
    }
    return decoded;
}

QString AzurePropertyBag::encode(const QList<QPair<QString, QString>> &properties)
{
    QString bag;
    for (const auto &[key, value] : properties) {
        if (!bag.isEmpty())
            bag += u'&';
        // '$' is left as it is in keys because Azure's documentation and SDKs write system properties that
        // way ("$.ct=application%2Fjson"), so a topic in the traffic view reads as IoT Hub's does; it is not
        // a separator in a bag nor a wildcard in a topic. Everything that is ('&', '=', '/', '+', '#') is
        // encoded, in keys and values alike. '.' is unreserved and never encoded.
        bag += QString::fromLatin1(QUrl::toPercentEncoding(key, "$"));
        bag += u'=';
        bag += QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    return bag;
}

std::optional<std::pair<QString, QString>> AzurePropertyBag::splitTopic(QStringView topic,
                                                                        Direction direction)
{
    constexpr QStringView Devices = u"devices/";
    if (!topic.startsWith(Devices))
        return std::nullopt;
    const QStringView rest = topic.mid(Devices.size());
    const qsizetype slash = rest.indexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    const QStringView deviceId = rest.left(slash);
    if (deviceId.contains(u'+') || deviceId.contains(u'#'))
        return std::nullopt;
    const QStringView suffix = direction == Direction::DeviceToCloud ? QStringView(u"messages/events")
                                                                     : QStringView(u"messages/devicebound");
    const QStringView tail = rest.mid(slash + 1);
    if (!tail.startsWith(suffix))
        return std::nullopt;
    const QStringView after = tail.mid(suffix.size());
    if (!after.isEmpty() && after.front() != u'/')
        return std::nullopt;
    return std::pair{deviceId.toString(), after.isEmpty() ? QString() : after.mid(1).toString()};
}

std::optional<QList<QPair<QString, QString>>> AzurePropertyBag::parseLines(const QString &text,
                                                                           QString *error)
{
    QList<QPair<QString, QString>> properties;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 1) {
            if (error)
                *error = tr("Line %1 of the properties is not name=value.").arg(i + 1);
            return std::nullopt;
        }
        properties.append({line.left(equals).trimmed(), line.mid(equals + 1).trimmed()});
    }
    return properties;
}

} // namespace fleet

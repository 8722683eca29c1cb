#include "azuresas.h"

#include "azurepropertybag.h"
#include "common/seterror.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QStringView Prefix = u"SharedAccessSignature ";

// Azure's URL encoding: everything but RFC 3986's unreserved characters, so '/' is %2F, '=' %3D, '+' %2B.
QString urlEncode(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

std::optional<QByteArray> decodeBase64(QByteArrayView base64)
{
    const QByteArray::FromBase64Result result =
        QByteArray::fromBase64Encoding(base64.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result || result.decoded.isEmpty())
        return std::nullopt;
    return result.decoded;
}

QByteArray sign(const QByteArray &key, QStringView encodedResourceUri, QStringView expiry)
{
    const QByteArray stringToSign = encodedResourceUri.toUtf8() + '\n' + expiry.toUtf8();
    return QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256);
}

// Time independent of where the first difference is, so a device cannot find a valid signature byte by byte
// by timing refusals. The length is not secret (it is always 32 bytes).
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

bool sameResource(const QString &a, const QString &b)
{
    const qsizetype slashA = a.indexOf(u'/');
    const qsizetype slashB = b.indexOf(u'/');
    const QStringView hostA = slashA < 0 ? QStringView(a) : QStringView(a).left(slashA);
    const QStringView hostB = slashB < 0 ? QStringView(b) : QStringView(b).left(slashB);
    const QStringView pathA = slashA < 0 ? QStringView() : QStringView(a).mid(slashA);
    const QStringView pathB = slashB < 0 ? QStringView() : QStringView(b).mid(slashB);
    return hostA.compare(hostB, Qt::CaseInsensitive) == 0 && pathA == pathB;
}

// parse(), and the fields as the token wrote them: verify() signs those, not a re-encoding of the decoded
// resource, because encoders differ on characters such as '!', '*' or '(' (JavaScript's encodeURIComponent
// leaves them, Qt encodes them) and the signer signed what it wrote.
struct Fields
{
    AzureSas::Parsed parsed;
    QStringView rawResourceUri;
    QStringView rawExpiry;
};

std::optional<Fields> parseFields(const QString &token, QString *error)
{
    const auto refuse = [error](const QString &message) {
        setError(error, message);
        return std::nullopt;
    };
    if (token.size() > AzureSas::MaxTokenChars)
        return refuse(AzureSas::tr("The token has %1 characters; at most %2 are accepted.")
                          .arg(token.size())
                          .arg(AzureSas::MaxTokenChars));
    if (!token.startsWith(Prefix))
        return refuse(AzureSas::tr("The token does not start with \"SharedAccessSignature \"."));
    Fields fields;
    std::optional<QStringView> sr, sig, se, skn;
    for (QStringView field : QStringView(token).mid(Prefix.size()).tokenize(u'&')) {
        const qsizetype equals = field.indexOf(u'=');
        const QStringView name = equals < 0 ? field : field.left(equals);
        const QStringView value = equals < 0 ? QStringView() : field.mid(equals + 1);
        std::optional<QStringView> *slot = name == u"sr"    ? &sr
                                           : name == u"sig" ? &sig
                                           : name == u"se"  ? &se
                                           : name == u"skn" ? &skn
                                                            : nullptr;
        if (!slot)
            return refuse(AzureSas::tr("The token has an unknown field \"%1\".").arg(name.left(32)));
        if (*slot)
            return refuse(AzureSas::tr("The token has \"%1\" twice.").arg(name));
        if (value.isEmpty())
            return refuse(AzureSas::tr("The token's \"%1\" is empty.").arg(name));
        *slot = value;
    }
    for (const auto &[slot, name] : {std::pair{&sr, "sr"}, std::pair{&sig, "sig"}, std::pair{&se, "se"}}) {
        if (!*slot)
            return refuse(AzureSas::tr("The token has no \"%1\".").arg(QLatin1StringView(name)));
    }

    std::optional<QString> resourceUri = AzurePropertyBag::percentDecode(*sr, error);
    if (!resourceUri)
        return std::nullopt;
    fields.parsed.resourceUri = std::move(*resourceUri);
    fields.rawResourceUri = *sr;

    const std::optional<QString> base64Signature = AzurePropertyBag::percentDecode(*sig, error);
    if (!base64Signature)
        return std::nullopt;
    const std::optional<QByteArray> signature = decodeBase64(base64Signature->toLatin1());
    if (!signature)
        return refuse(AzureSas::tr("The token's signature is not base64."));
    fields.parsed.signature = *signature;

    // Digits only: toLongLong() would take a sign and leading blanks. 18 digits cannot overflow.
    const bool digits = std::all_of(se->begin(), se->end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits || se->size() > 18)
        return refuse(
            AzureSas::tr("The token's expiry \"%1\" is not a number of seconds.").arg(se->left(32)));
    fields.parsed.expiry = se->toLongLong();
    fields.rawExpiry = *se;

    if (skn) {
        std::optional<QString> keyName = AzurePropertyBag::percentDecode(*skn, error);
        if (!keyName)
            return std::nullopt;
        fields.parsed.keyName = std::move(*keyName);
    }
    return fields;
}

std::optional<QByteArray> decodeKey(const QByteArray &base64Key, QString *error)
{
    if (base64Key.isEmpty()) {
        setError(error, AzureSas::tr("The shared access key is empty."));
        return std::nullopt;
    }
    std::optional<QByteArray> key = decodeBase64(base64Key);
    if (!key)
        setError(error, AzureSas::tr("The shared access key is not base64."));
    return key;
}

} // namespace

QString AzureSas::token(const QByteArray &base64Key, const QString &resourceUri, qint64 expiryEpochSeconds,
                        QString *error)
{
    const std::optional<QByteArray> key = decodeKey(base64Key, error);
    if (!key)
        return {};
    if (resourceUri.isEmpty()) {
        setError(error, tr("The resource URI is empty."));
        return {};
    }
    if (expiryEpochSeconds < 0) {
        setError(error, tr("The expiry is before 1970."));
        return {};
    }
    const QString encodedUri = urlEncode(resourceUri);
    const QString expiry = QString::number(expiryEpochSeconds);
    const QByteArray signature = sign(*key, encodedUri, expiry).toBase64();
    return Prefix.toString() + u"sr="_s + encodedUri + u"&sig="_s +
           urlEncode(QString::fromLatin1(signature)) + u"&se="_s + expiry;
}

std::optional<AzureSas::Parsed> AzureSas::parse(const QString &token, QString *error)
{
    std::optional<Fields> fields = parseFields(token, error);
    if (!fields)
        return std::nullopt;
    return std::move(fields->parsed);
}

bool AzureSas::verify(const QString &token, const QByteArray &base64Key, const QString &expectedResourceUri,
                      qint64 nowEpochSeconds, QString *error)
{
    const std::optional<QByteArray> key = decodeKey(base64Key, error);
    if (!key)
        return false;
    const std::optional<Fields> fields = parseFields(token, error);
    if (!fields)
        return false;
    if (!sameResource(fields->parsed.resourceUri, expectedResourceUri)) {
        setError(error, tr("The token is for \"%1\", not \"%2\".")
                            .arg(fields->parsed.resourceUri.left(256), expectedResourceUri));
        return false;
    }
    if (fields->parsed.expiry <= nowEpochSeconds) {
        setError(error, tr("The token expired."));
        return false;
    }
    const QByteArray expected = sign(*key, fields->rawResourceUri, fields->rawExpiry);
    if (!equalInConstantTime(expected, fields->parsed.signature)) {
        setError(error, tr("The token's signature does not match the key."));
        return false;
    }
    return true;
}

QString AzureSas::resourceUri(const QString &hostName, const QString &deviceId)
{
    return hostName + u"/devices/"_s + deviceId;
}

} // namespace fleet

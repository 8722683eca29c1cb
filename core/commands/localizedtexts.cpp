#include "localizedtexts.h"

#include "common/seterror.h"

#include <QRegularExpression>

namespace fleet {

std::optional<LocalizedTexts> LocalizedTexts::fromJson(const Json &json, QString *error)
{
    if (!json.is_object()) {
        setError(error, tr("must be an object of language codes to texts, e.g. {\"es\": \"…\"}."));
        return std::nullopt;
    }
    if (json.size() > MaxLanguages) {
        setError(error, tr("at most %1 languages.").arg(MaxLanguages));
        return std::nullopt;
    }
    static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    LocalizedTexts texts;
    for (const auto &[k, value] : json.items()) {
        const QString language = QString::fromStdString(k);
        if (!code.match(language).hasMatch()) {
            setError(error,
                     tr("\"%1\" is not a language code such as es, fr or pt_BR.").arg(language.left(16)));
            return std::nullopt;
        }
        if (!value.is_string() || value.get_ref<const std::string &>().empty()) {
            setError(error, tr("the text for %1 must be a non-empty string.").arg(language));
            return std::nullopt;
        }
        const QString text = QString::fromStdString(value.get_ref<const std::string &>());
        if (text.size() > MaxTextLength) {
            setError(error,
                     tr("the text for %1 is longer than %2 characters.").arg(language).arg(MaxTextLength));
            return std::nullopt;
        }
        texts.m_texts.insert(language, text);
    }
    return texts;
}

Json LocalizedTexts::toJson() const
{
    Json json = Json::object();
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        json[it.key().toStdString()] = it.value().toStdString();
    return json;
}

QString LocalizedTexts::in(const QLocale &locale, const QString &fallback) const
{
    const QString name = locale.name(); // "es_ES"
    if (const auto it = m_texts.constFind(name); it != m_texts.cend())
        return *it;
    if (const auto it = m_texts.constFind(name.section(QLatin1Char('_'), 0, 0)); it != m_texts.cend())
        return *it;
    return fallback;
}

} // namespace fleet

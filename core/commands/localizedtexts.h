#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QString>

#include <optional>

namespace fleet {

// A catalog text in other languages than its own: {"es": "Reinicia el dispositivo", "fr": "…"}, by language
// code (two or three lower-case letters, optionally _ and a region: "pt_BR"). The catalog's description and
// parameter labels carry one each, so that the console shows them in the operator's language; the text itself
// stays the fallback.
class LocalizedTexts final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::LocalizedTexts)

public:
    static constexpr int MaxLanguages = 32;
    static constexpr int MaxTextLength = 1000;

    // nullopt with error set for anything but an object of such codes to non-empty strings within the
    // bounds.
    static std::optional<LocalizedTexts> fromJson(const Json &json, QString *error = nullptr);
    Json toJson() const;

    bool isEmpty() const { return m_texts.isEmpty(); }
    // The text for locale (its full name, then its language), else fallback.
    QString in(const QLocale &locale, const QString &fallback) const;
    void insert(const QString &language, const QString &text) { m_texts.insert(language, text); }

    friend bool operator==(const LocalizedTexts &, const LocalizedTexts &) = default;

private:
    QMap<QString, QString> m_texts;
};

} // namespace fleet

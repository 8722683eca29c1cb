#pragma once

#include "themecolors.h"

#include <QObject>
#include <QPalette>
#include <QString>

namespace fleet {

// Light and dark appearance. Qt 6.4 has no API for the system's colour scheme, so "System" keeps the palette
// and style the platform gave the application at start (which follows the desktop's light or dark setting);
// "Light" and "Dark" switch to the Fusion style with a palette of our own, the same on every desktop. The
// choice is kept in QSettings under "appearance/theme".
class ThemeController final : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit ThemeController(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    // Applies and remembers it.
    void setTheme(Theme theme);
    // Whether what is shown now is dark (for colours the views choose, such as diff highlights).
    bool isDark() const;
    // The named colours that read on what is shown now. Views that are not handed the controller get the
    // same from ThemeColors::forPalette(their palette) when a QEvent::PaletteChange says the theme changed.
    ThemeColors colors() const;

    static QString key(Theme theme);
    static Theme fromKey(const QString &key);
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(fleet::ThemeController::Theme theme);

private:
    void apply();

    Theme m_theme = Theme::System;
    QPalette m_systemPalette;
    QString m_systemStyle;
};

} // namespace fleet

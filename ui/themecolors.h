#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>

#include <array>

namespace fleet {

// The colours the views choose themselves (syntax, states, the chart), named by what they mean, one set per
// theme. A view asks for the set that reads on its own palette (forPalette()) each time it paints or when it
// gets a QEvent::PaletteChange, which ThemeController causes by setting the application palette: so a theme
// switch reaches every view without each of them being handed the controller.
//
// Every text colour has a contrast ratio of at least 4.5:1 (WCAG 2 AA for normal text) against the Base,
// AlternateBase and Window colours of its theme's palette, and the chart's grid at least 3:1 (WCAG's minimum
// for graphical objects) against the chart background; tst_themecolors measures it. Values mostly follow
// GitHub's Primer light and dark palettes, which ThemeController's palettes are modelled on.
class ThemeColors final
{
    Q_GADGET

public:
    enum class Role {
        JsonKey,
        JsonString,
        JsonNumber,
        JsonLiteral, // true, false, null
        Changed,     // a desired value the device has not reached yet (the shadow's delta)
        PendingKeys, // "N keys pending" in the device table
        Success,
        Failure,
        Warning, // in progress, awaiting approval
        Muted,   // secondary text: JSON punctuation, cancelled or withdrawn states
        ChartBackground,
        ChartForeground, // the chart's title, axis labels and lines, legend
        ChartGrid,
        Count
    };
    Q_ENUM(Role)

    // Line colours for a chart's series, used in turn.
    static constexpr int SeriesCount = 6;

    static ThemeColors light();
    static ThemeColors dark();
    // The set that reads on palette: the dark one when its Base is dark, which covers a "System" palette
    // that follows a dark desktop.
    static ThemeColors forPalette(const QPalette &palette);
    static bool isDarkPalette(const QPalette &palette);

    bool isDark() const { return m_dark; }
    QColor color(Role role) const { return m_colors.at(size_t(role)); }
    QColor series(int index) const { return m_series.at(size_t(index % SeriesCount)); }

    // WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21).
    static double relativeLuminance(const QColor &colour);
    static double contrastRatio(const QColor &a, const QColor &b);
    // share of accent mixed into base: a tint behind text that keeps the text readable.
    static QColor blend(const QColor &base, const QColor &accent, double share);

private:
    ThemeColors() = default;

    bool m_dark = false;
    std::array<QColor, size_t(Role::Count)> m_colors;
    std::array<QColor, size_t(SeriesCount)> m_series;
};

} // namespace fleet

#include "themecolors.h"

#include <cmath>

namespace fleet {

ThemeColors ThemeColors::light()
{
    ThemeColors c;
    c.m_dark = false;
    auto set = [&c](Role role, QRgb rgb) { c.m_colors[size_t(role)] = QColor::fromRgb(rgb); };
    set(Role::JsonKey, 0x0550ae);
    set(Role::JsonString, 0xa31515);
    set(Role::JsonNumber, 0x116329);
    set(Role::JsonLiteral, 0x8250df);
    set(Role::Changed, 0x7d4e00);
    set(Role::PendingKeys, 0x8a5b00);
    set(Role::Success, 0x1a7f37);
    set(Role::Failure, 0xcf222e);
    set(Role::Warning, 0x8a5b00);
    set(Role::Muted, 0x57606a);
    set(Role::ChartBackground, 0xffffff);
    set(Role::ChartForeground, 0x1f2328);
    set(Role::ChartGrid, 0x818b98);
    c.m_series = {QColor::fromRgb(0x0969da), QColor::fromRgb(0xcf222e), QColor::fromRgb(0x1a7f37),
                  QColor::fromRgb(0x8250df), QColor::fromRgb(0xbc4c00), QColor::fromRgb(0x176f75)};
    return c;
}

ThemeColors ThemeColors::dark()
{
    ThemeColors c;
    c.m_dark = true;
    auto set = [&c](Role role, QRgb rgb) { c.m_colors[size_t(role)] = QColor::fromRgb(rgb); };
    // Light tints: saturated dark colours (navy, crimson) vanish on a near-black base.
    set(Role::JsonKey, 0x79c0ff);
    set(Role::JsonString, 0xffa198);
    set(Role::JsonNumber, 0x7ee787);
    set(Role::JsonLiteral, 0xd2a8ff);
    set(Role::Changed, 0xe3b341);
    set(Role::PendingKeys, 0xe3b341);
    set(Role::Success, 0x3fb950);
    set(Role::Failure, 0xff7b72);
    set(Role::Warning, 0xd29922);
    set(Role::Muted, 0x8b949e);
    set(Role::ChartBackground, 0x161b22);
    set(Role::ChartForeground, 0xe6edf3);
    set(Role::ChartGrid, 0x6e7681);
    c.m_series = {QColor::fromRgb(0x58a6ff), QColor::fromRgb(0xff7b72), QColor::fromRgb(0x3fb950),
                  QColor::fromRgb(0xd2a8ff), QColor::fromRgb(0xffa657), QColor::fromRgb(0x39c5cf)};
    return c;
}

bool ThemeColors::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

ThemeColors ThemeColors::forPalette(const QPalette &palette)
{
    return isDarkPalette(palette) ? dark() : light();
}

double ThemeColors::relativeLuminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double ThemeColors::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ThemeColors::blend(const QColor &base, const QColor &accent, double share)
{
    auto mix = [share](float b, float a) { return float(b * (1 - share) + a * share); };
    return QColor::fromRgbF(mix(base.redF(), accent.redF()), mix(base.greenF(), accent.greenF()),
                            mix(base.blueF(), accent.blueF()));
}

} // namespace fleet

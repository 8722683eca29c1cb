#include "connectionbadge.h"

#include <QPalette>

#include <array>

using namespace Qt::StringLiterals;

namespace fleet {

ConnectionBadge::ConnectionBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(u"connectionBadge"_s);
    setTextFormat(Qt::PlainText); // names and addresses are the user's text
    setMargin(4);
    setAutoFillBackground(true);
    // A long name or address is cut at the window's edge, never makes the window wider: the tool tip has it
    // all.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
}

void ConnectionBadge::setProfile(const BrokerProfile &profile, const QString &identity)
{
    m_profile = profile;
    QPalette colours = palette();
    colours.setColor(QPalette::Window, colorFor(profile));
    colours.setColor(QPalette::WindowText, Qt::white);
    setPalette(colours);
    const QString where = profile.url.toDisplayString();
    QString text = profile.name.isEmpty() ? where : profile.name + u"  ·  "_s + where;
    if (const QString environment = environmentText(profile.environment); !environment.isEmpty())
        text = environment.toUpper() + u"  ·  "_s + text;
    if (!identity.isEmpty())
        text += u"  ·  "_s + tr("as %1").arg(identity);
    setText(text);
    setToolTip(
        profile.needsSendConfirmation()
            ? text + u'\n' +
                  tr("A production connection: everything sent from this window asks for a confirmation "
                     "first.")
            : text);
}

QColor ConnectionBadge::colorFor(const BrokerProfile &profile)
{
    switch (profile.environment) {
    case BrokerProfile::Environment::Production:
        return QColor(0xb3, 0x26, 0x1e);
    case BrokerProfile::Environment::Staging:
        return QColor(0x8a, 0x5a, 0x00);
    case BrokerProfile::Environment::Development:
        return QColor(0x1a, 0x7f, 0x37);
    case BrokerProfile::Environment::Unmarked:
        break;
    }
    // Blue, purple, teal, slate: none of them reads as a warning or as "all good".
    static constexpr std::array<QRgb, 4> Neutral{0x0969da, 0x8250df, 0x1b6f78, 0x57606a};
    const QString key = profile.name.isEmpty() ? profile.url.toString() : profile.name;
    return QColor::fromRgb(Neutral.at(qHash(key, 0) % Neutral.size()));
}

QString ConnectionBadge::environmentText(BrokerProfile::Environment environment)
{
    switch (environment) {
    case BrokerProfile::Environment::Production:
        return tr("Production");
    case BrokerProfile::Environment::Staging:
        return tr("Staging");
    case BrokerProfile::Environment::Development:
        return tr("Development");
    case BrokerProfile::Environment::Unmarked:
        break;
    }
    return {};
}

QString ConnectionBadge::connectionTitle(const BrokerProfile &profile)
{
    const QString name = profile.name.isEmpty() ? profile.url.toDisplayString() : profile.name;
    const QString environment = environmentText(profile.environment);
    return environment.isEmpty() ? name : tr("%1 (%2)", "connection (environment)").arg(name, environment);
}

} // namespace fleet

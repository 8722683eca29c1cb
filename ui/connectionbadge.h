#pragma once

#include "mqtt/brokerprofile.h"

#include <QColor>
#include <QLabel>

namespace fleet {

// Which broker a console window works on, above its tabs: the connection's name, its environment and where
// it goes, on the connection's own colour. With several windows open (staging and production side by side)
// it is what tells them apart at a glance; production is red in every theme, and says so in words too, for
// those who do not see the colour.
class ConnectionBadge final : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionBadge(QWidget *parent = nullptr);

    void setProfile(const BrokerProfile &profile, const QString &identity);
    BrokerProfile profile() const { return m_profile; }

    // The connection's colour: by environment (production red, staging amber, development green), else one
    // of a few neutral colours chosen by the name, so that two unmarked connections still differ. White
    // text reads on each of them (contrast at least 4.5:1, tst_connectionbadge measures it).
    static QColor colorFor(const BrokerProfile &profile);
    // "Production", "Staging", "Development", or empty for an unmarked connection.
    static QString environmentText(BrokerProfile::Environment environment);
    // How the window and its badge name the connection: "plant-eu (Production)", or the broker's address
    // for a connection without a name (the command line's).
    static QString connectionTitle(const BrokerProfile &profile);

private:
    BrokerProfile m_profile;
};

} // namespace fleet

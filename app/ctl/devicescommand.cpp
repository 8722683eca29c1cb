#include "devicescommand.h"

#include "common/json.h"

#include "exitcode.h"
#include "fleet/devicetext.h"
#include "fleet/fleetregistry.h"
#include "output.h"

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

// The raw value that --connectivity and --json use; the human output words it with DeviceText.
QString connectivityKey(Device::Connectivity c)
{
    switch (c) {
    case Device::Connectivity::Online:
        return u"online"_s;
    case Device::Connectivity::Offline:
        return u"offline"_s;
    case Device::Connectivity::Unknown:
        break;
    }
    return u"unknown"_s;
}

} // namespace

DevicesCommand::DevicesCommand(QObject *parent)
    : CtlCommand(u"devices"_s, parent)
{}

QString DevicesCommand::summary()
{
    return tr("devices                            the fleet: connectivity, last seen, groups, shadow");
}

QString DevicesCommand::description() const
{
    return tr("Lists the devices the broker knows of: retained presence (presence/ID), then telemetry, "
              "command replies and shadow traffic heard within --listen seconds, as the console's device "
              "table does. --import adds a device list (a JSON array of {\"id\", \"groups\"} or one id per "
              "line). Columns: id, connectivity, since, last seen, groups, shadow (in sync, or how many "
              "desired keys differ).");
}

void DevicesCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"listen"_s, tr("Seconds to listen for traffic after the retained messages (default 1)."),
         tr("SECONDS"), u"1"_s},
        {u"import"_s, tr("A device list to add."), tr("FILE")},
        {u"filter"_s, tr("Only ids containing TEXT."), tr("TEXT")},
        {u"group"_s, tr("Only members of GROUP."), tr("GROUP")},
        {u"connectivity"_s, tr("Only online, offline or unknown devices."), tr("STATE")},
    });
}

std::optional<int> DevicesCommand::readArguments(const QCommandLineParser &parser,
                                                 const QStringList &positional)
{
    if (!positional.isEmpty())
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.first()));
    bool ok = false;
    const double seconds = parser.value(u"listen"_s).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 3600)
        return usageError(tr("--listen: expected seconds, 0 to 3600."));
    m_listenMs = int(seconds * 1000);
    m_import = parser.value(u"import"_s);
    m_filter = parser.value(u"filter"_s);
    m_group = parser.value(u"group"_s);
    m_connectivity = parser.value(u"connectivity"_s);
    if (!m_connectivity.isEmpty() && m_connectivity != "online"_L1 && m_connectivity != "offline"_L1 &&
        m_connectivity != "unknown"_L1)
        return usageError(tr("--connectivity: expected online, offline or unknown."));
    return std::nullopt;
}

void DevicesCommand::run()
{
    m_registry = new FleetRegistry(this);
    QString error;
    if (!m_import.isEmpty() && !m_registry->importFile(m_import, &error))
        return fail(UsageError, error);
    connect(client(), &MqttClient::messageReceived, m_registry, &FleetRegistry::ingest);
    for (const QString &filter : m_registry->subscriptionFilters())
        client()->subscribe(filter, 0);
    afterRetained(200, [this] { QTimer::singleShot(m_listenMs, this, &DevicesCommand::print); });
}

void DevicesCommand::print()
{
    m_registry->flush();
    const QStringList members = m_group.isEmpty() ? QStringList() : m_registry->devicesInGroup(m_group);
    int shown = 0;
    for (const Device &d : m_registry->devices()) {
        if (!m_filter.isEmpty() && !d.id.contains(m_filter, Qt::CaseInsensitive))
            continue;
        if (!m_group.isEmpty() && !members.contains(d.id))
            continue;
        if (!m_connectivity.isEmpty() && connectivityKey(d.connectivity) != m_connectivity)
            continue;
        ++shown;
        if (json()) {
            Json groups = Json::array();
            for (const QString &g : d.groups)
                groups.push_back(utf8(g));
            Json doc = {{"id", utf8(d.id)},
                        {"connectivity", utf8(connectivityKey(d.connectivity))},
                        {"since", d.connectivitySince},
                        {"lastSeen", d.lastSeen},
                        {"groups", groups}};
            if (d.shadow.known)
                doc["shadow"] = {{"version", d.shadow.version},
                                 {"inSync", d.shadow.inSync},
                                 {"differingDesiredKeys", d.shadow.differingDesiredKeys}};
            writeOut(compactJson(doc));
            continue;
        }
        // Absolute times: a listing is often kept, and "5 min ago" would go stale in it.
        writeOut(u"%1  %2  %3  %4  %5  %6"_s.arg(
            d.id, DeviceText::connectivity(d.connectivity),
            d.connectivitySince > 0 ? DeviceText::timestamp(d.connectivitySince) : u"-"_s,
            DeviceText::lastSeenAt(d.lastSeen), d.groups.isEmpty() ? u"-"_s : DeviceText::groups(d.groups),
            DeviceText::shadowSummary(d.shadow)));
    }
    if (!json())
        writeErr(tr("%n device(s)", nullptr, shown));
    done(Success);
}

} // namespace fleet::ctl

#include "fleeticons.h"

#include "svgiconengine.h"

using namespace Qt::StringLiterals;

namespace fleet {

QString FleetIcons::applicationId()
{
    return u"org.fleetconsole.FleetConsole"_s;
}

QIcon FleetIcons::application()
{
    // Drawn PNGs for the small sizes (the drawing is simplified there), the SVG's rendering for the rest.
    QIcon icon;
    for (int size : {16, 32, 48, 64, 256})
        icon.addFile(u":/icons/hicolor/%1x%1/apps/fleet-console.png"_s.arg(size), QSize(size, size));
    return icon;
}

QIcon FleetIcons::glyph(const QString &name)
{
    return fromFile(u":/icons/actions/"_s + name + u".svg"_s, SvgIconEngine::Colors::Glyph);
}

QIcon FleetIcons::status(const QString &name)
{
    return fromFile(u":/icons/status/"_s + name + u".svg"_s, SvgIconEngine::Colors::Own);
}

QIcon FleetIcons::fromFile(const QString &file, SvgIconEngine::Colors colors)
{
    auto *engine = new SvgIconEngine(file, colors);
    if (engine->isNull()) {
        delete engine;
        return {};
    }
    return QIcon(engine);
}

QIcon FleetIcons::forConnectivity(Device::Connectivity connectivity)
{
    switch (connectivity) {
    case Device::Connectivity::Online:
        return status(u"online"_s);
    case Device::Connectivity::Offline:
        return status(u"offline"_s);
    case Device::Connectivity::Unknown:
        break;
    }
    return {};
}

QIcon FleetIcons::forCommandState(CommandExecution::State state)
{
    using State = CommandExecution::State;
    switch (state) {
    case State::AwaitingApproval:
        return status(u"awaiting-approval"_s);
    case State::Approved:
    case State::Queued:
    case State::Running:
        return status(u"pending"_s);
    case State::Sent:
        return status(u"sent"_s);
    case State::Succeeded:
        return status(u"succeeded"_s);
    case State::Failed:
    case State::Rejected:
        return status(u"failed"_s);
    case State::TimedOut:
    case State::Unreachable:
        return status(u"timed-out"_s);
    case State::Cancelled:
        break;
    }
    return {};
}

} // namespace fleet

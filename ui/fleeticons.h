#pragma once

#include "commands/commandexecution.h"
#include "fleet/device.h"
#include "svgiconengine.h"

#include <QIcon>
#include <QString>

namespace fleet {

// The project's own icons (resources/icons, built in as :/icons/...), by what they stand for, so that a view
// never names a file. Glyphs follow the theme (SvgIconEngine); status icons keep their colours, which
// read on light and dark backgrounds alike.
class FleetIcons final
{
public:
    // The desktop entry's and the AppStream metadata's id (resources/), which names the installed icon too.
    static QString applicationId();
    // The application's icon in the sizes a window manager and a task bar ask for.
    static QIcon application();
    // An action's or a view's glyph by its file name in resources/icons/actions ("pause", "approve",
    // "devices", ...); a null icon for a name that is not there.
    static QIcon glyph(const QString &name);
    // A state's icon by its file name in resources/icons/status ("online", "failed", ...).
    static QIcon status(const QString &name);
    static QIcon forConnectivity(Device::Connectivity connectivity);
    static QIcon forCommandState(CommandExecution::State state);

private:
    static QIcon fromFile(const QString &file, SvgIconEngine::Colors colors);
};

} // namespace fleet

#include "demoscript.h"

#include "commandcomposer.h"
#include "commands/operatoractions.h"
#include "fleet/fleetsession.h"
#include "mainwindow.h"
#include "parameterform.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace fleet::console {

DemoScript::DemoScript(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    Q_ASSERT(m_window && m_window->session());
}

DemoScript::~DemoScript() = default;

void DemoScript::exitAfterFirstPaint()
{
    // Queued, so that it runs once the event loop has shown the window: what a user would wait for.
    QTimer::singleShot(0, this, [this] {
        m_window->repaint();
        std::fprintf(stderr, "first paint\n");
        std::fflush(stderr);
        QApplication::exit(0);
    });
}

void DemoScript::takeScreenshots(const QString &dir)
{
    m_screenshotsDir = dir;
    // The size the views are checked at (docs/screenshots).
    m_window->resize(1280, 800);
    QTimer::singleShot(ActivityDelayMs, this, &DemoScript::startActivity);
    QTimer::singleShot(ScreenshotsDelayMs, this, &DemoScript::saveScreenshotsAndQuit);
}

// Some activity for the pictures, as an operator would have: a device open, a few commands (one of them
// sensitive, so waiting in the approval queue), a selection and a group request.
void DemoScript::startActivity()
{
    m_window->showDevice(u"dev-1"_s);
    // Through the composer, so that its picture shows the command it sent.
    CommandComposer *composer = m_window->composer();
    composer->setCommand(u"set_led"_s);
    composer->form()->setValues({{"color", "green"}});
    composer->setTargets({u"dev-1"_s});
    composer->send();
    send({u"dev-2"_s, u"dev-3"_s, u"dev-4"_s, u"dev-5"_s, u"dev-6"_s}, u"set_telemetry_interval"_s,
         {{"ms", 2000}});
    send({u"dev-7"_s}, u"set_position"_s, {{"position", 40}});
    send({u"dev-8"_s}, u"reboot"_s);
    // A group request: one row in the timeline, its members' replies under it.
    OperatorActions::CommandRequest group;
    group.group = u"group-3"_s;
    group.command = u"set_led"_s;
    group.parameters = {{"color", "blue"}};
    m_window->session()->actions()->sendCommand(group, this, [](const OperatorActions::Outcome &outcome) {
        if (!outcome.ok)
            std::fprintf(stderr, "set_led to group-3: %s\n", qPrintable(outcome.error));
    });
}

void DemoScript::send(const QStringList &devices, const QString &command, const Json &parameters)
{
    OperatorActions::CommandRequest request;
    request.devices = devices;
    request.command = command;
    request.parameters = parameters;
    // A refused command (approvals off, an unknown command in a custom catalog) would be missing from the
    // pictures without a word: say why on stderr, beside the files written.
    m_window->session()->actions()->sendCommand(
        request, this, [command](const OperatorActions::Outcome &outcome) {
            if (!outcome.ok)
                std::fprintf(stderr, "%s: %s\n", qPrintable(command), qPrintable(outcome.error));
            else if (!outcome.note.isEmpty())
                std::fprintf(stderr, "%s: %s\n", qPrintable(command), qPrintable(outcome.note));
        });
}

void DemoScript::saveScreenshotsAndQuit()
{
    const QStringList files = m_window->saveScreenshots(m_screenshotsDir);
    for (const QString &file : files)
        std::fprintf(stderr, "%s\n", qPrintable(file));
    QApplication::exit(files.isEmpty() ? 1 : 0);
}

} // namespace fleet::console

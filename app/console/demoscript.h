#pragma once

#include "common/json.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace fleet {
class MainWindow;
} // namespace fleet

namespace fleet::console {

// The console's scripted runs, for tools rather than operators, kept out of main() and out of the views:
// nothing here runs unless main() starts it for an option or a variable that only those tools set.
// - exitAfterFirstPaint(): bench_ui's cold-start measurement (FLEET_EXIT_AFTER_FIRST_PAINT): the window
//   painted once, "first paint" on stderr, then out.
// - takeScreenshots(): `./fleet screenshots` (--screenshots DIR): once the demo fleet is in, the activity an
//   operator would have, every main view rendered into DIR, then out.
// Its commands go through the session's OperatorActions, as an operator's do, so the pictures show them
// approved, recorded and undoable the same way. The window (and its session) is not owned and must outlive
// the script.
class DemoScript final : public QObject
{
    Q_OBJECT

public:
    // When takeScreenshots() acts, counted from its call. The activity waits for the devices' retained
    // presence; the pictures wait a few seconds more, for traffic and the devices' replies.
    static constexpr int ActivityDelayMs = 2500;
    static constexpr int ScreenshotsDelayMs = 8000;

    explicit DemoScript(MainWindow *window, QObject *parent = nullptr);
    ~DemoScript() override;

    void exitAfterFirstPaint();
    void takeScreenshots(const QString &dir);

private:
    void startActivity();
    void send(const QStringList &devices, const QString &command, const Json &parameters = Json::object());
    void saveScreenshotsAndQuit();

    MainWindow *m_window;
    QString m_screenshotsDir;
};

} // namespace fleet::console

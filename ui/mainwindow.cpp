#include "mainwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace fleet {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_connectionLabel(new QLabel(tr("Not connected"), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Fleet Console"));
    resize(1200, 800);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fleet Console"), this, &MainWindow::showAbout);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Fleet Console"),
                       tr("Fleet Console %1\nA desktop console for fleets of MQTT devices.")
                           .arg(QApplication::applicationVersion()));
}

} // namespace fleet

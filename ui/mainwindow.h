#pragma once

#include <QMainWindow>

class QLabel;

namespace fleet {

// The console's main window. For now it holds the menus and the status bar; the views arrive with the
// console issue.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    QLabel *connectionLabel() const { return m_connectionLabel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showAbout();

    QLabel *m_connectionLabel;
};

} // namespace fleet

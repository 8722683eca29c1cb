#pragma once

#include <QDialog>
#include <QString>

class QLabel;

namespace fleet {

// Help > About: the console's version, the Qt and libmosquitto versions it runs with (what a bug report
// needs, and what can be copied into one), and the licences of what it is built on, with their links.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The versions as plain text, one per line, as Copy puts them on the clipboard:
    // "Fleet Console 0.1.0", "Qt 6.4.2 (built with 6.4.2)", "libmosquitto 2.0.11".
    static QString versionText();

private:
    QLabel *m_versions;
    QLabel *m_licenses;
};

} // namespace fleet

#pragma once

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace fleet {

// Help > User guide: docs/user-guide.md, built into the program as a resource, in a text browser, so that
// the guide is there without a web browser or a network, and matches the version that runs.
class UserGuideDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    // The guide's Markdown, from the resource; empty if the resource is missing.
    static QString markdown();

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace fleet

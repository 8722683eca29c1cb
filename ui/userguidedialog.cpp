#include "userguidedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(u"userGuideDialog"_s);
    setWindowTitle(tr("Fleet Console User Guide"));
    resize(720, 640);
    m_browser->setObjectName(u"userGuideBrowser"_s);
    // Links to the web open in the desktop's browser; the guide itself needs none.
    m_browser->setOpenExternalLinks(true);
    const QString text = markdown();
    if (text.isEmpty())
        m_browser->setPlainText(tr("The user guide is missing from this build."));
    else
        m_browser->setMarkdown(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
}

QString UserGuideDialog::markdown()
{
    QFile file(u":/fleet/docs/user-guide.md"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The screenshots are for the guide read as a document (docs/, /usr/share/doc/fleet-console); here the
    // console itself is beside the text, and a 1280-pixel picture would not fit the dialog.
    static const QRegularExpression image(u"^!\\[[^\\]]*\\]\\([^)]*\\)[ \\t]*\\n?"_s,
                                          QRegularExpression::MultilineOption);
    return QString::fromUtf8(file.readAll()).remove(image);
}

} // namespace fleet

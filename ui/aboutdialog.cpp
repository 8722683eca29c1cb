#include "aboutdialog.h"

#include "mqtt/mosquittolibrary.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_versions(new QLabel(this))
    , m_licenses(new QLabel(this))
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Fleet Console"));
    auto *title =
        new QLabel(tr("<h2>Fleet Console</h2><p>A desktop console for fleets of MQTT devices.</p>"), this);
    title->setTextFormat(Qt::RichText);
    m_versions->setObjectName(u"aboutVersions"_s);
    m_versions->setTextFormat(Qt::PlainText);
    m_versions->setText(versionText());
    // Selectable: a bug report wants these lines exactly.
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_licenses->setObjectName(u"aboutLicenses"_s);
    m_licenses->setTextFormat(Qt::RichText);
    m_licenses->setWordWrap(true);
    m_licenses->setOpenExternalLinks(true);
    m_licenses->setText(
        tr("<p>Built on <a href=\"https://www.qt.io/\">Qt</a> (LGPL 3), "
           "<a href=\"https://mosquitto.org/\">Eclipse Mosquitto</a>'s libmosquitto (EPL 2.0 / EDL 1.0), "
           "<a href=\"https://github.com/frankosterfeld/qtkeychain\">QtKeychain</a> (BSD 3-clause) and "
           "<a href=\"https://github.com/nlohmann/json\">nlohmann/json</a> (MIT).</p>"
           "<p>The user guide is in Help &gt; User guide; the keyboard shortcuts in Help &gt; Keyboard "
           "shortcuts.</p>"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyVersionsButton"_s);
    connect(copy, &QPushButton::clicked, this, [] { QGuiApplication::clipboard()->setText(versionText()); });
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, this, [this] { QMessageBox::aboutQt(this); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_versions);
    layout->addWidget(m_licenses);
    layout->addWidget(buttons);
}

QString AboutDialog::versionText()
{
    // The application version is CMake's project VERSION, set by main() from a compile definition.
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? tr("(version unknown)")
                                : QCoreApplication::applicationVersion();
    return tr("Fleet Console %1").arg(version) + u'\n' +
           tr("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)) +
           u'\n' + tr("libmosquitto %1").arg(mosquittoLibraryVersion());
}

} // namespace fleet

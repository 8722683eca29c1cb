// AboutDialog: the console's version (CMake's project VERSION, through the application version), the Qt and
// libmosquitto versions it runs with, and the licences with their links.

#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AboutDialog;

class TestAboutDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersionsAndLicences()
    {
        QCoreApplication::setApplicationVersion(u"1.2.3"_s);
        AboutDialog dialog;
        const QString versions = dialog.findChild<QLabel *>(u"aboutVersions"_s)->text();
        QCOMPARE(versions, AboutDialog::versionText());
        const QStringList lines = versions.split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), u"Fleet Console 1.2.3"_s);
        QVERIFY2(lines.at(1).startsWith(u"Qt %1"_s.arg(QString::fromLatin1(qVersion()))),
                 qPrintable(lines.at(1)));
        QVERIFY2(
            QRegularExpression(u"^libmosquitto [1-9]\\d*\\.\\d+\\.\\d+$"_s).match(lines.at(2)).hasMatch(),
            qPrintable(lines.at(2)));
        const QString licences = dialog.findChild<QLabel *>(u"aboutLicenses"_s)->text();
        QVERIFY(licences.contains(u"https://mosquitto.org/"_s));
        QVERIFY(licences.contains(u"LGPL"_s));

        dialog.findChild<QPushButton *>(u"copyVersionsButton"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), versions);
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"

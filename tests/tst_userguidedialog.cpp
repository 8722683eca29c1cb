// UserGuideDialog: the guide in docs/ is built in (a resource) and rendered from Markdown, with no browser
// or network.

#include "userguidedialog.h"

#include <QFile>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using fleet::UserGuideDialog;

class TestUserGuideDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheBuiltInGuide()
    {
        const QString markdown = UserGuideDialog::markdown();
        QVERIFY(markdown.startsWith(u"# Fleet Console user guide"_s));
        UserGuideDialog dialog;
        const QString text = dialog.browser()->toPlainText();
        // Rendered, not shown as source: the heading's # and the bold's ** are gone.
        QVERIFY2(text.startsWith(u"Fleet Console user guide"_s), qPrintable(text.left(80)));
        QVERIFY(text.contains(u"File › Connections"_s));
        QVERIFY(!text.contains(u"**"_s));
        QVERIFY(dialog.browser()->openExternalLinks());
    }

    // The document has screenshots; the dialog, beside the console itself, shows the text without them
    // (a picture it cannot load would be a broken-image box).
    void screenshotsStayInTheDocument()
    {
        QFile source(u":/fleet/docs/user-guide.md"_s);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QString raw = QString::fromUtf8(source.readAll());
        QVERIFY(raw.contains(u"](screenshots/"_s));
        const QString shown = UserGuideDialog::markdown();
        QVERIFY(!shown.contains(u"](screenshots/"_s));
        QVERIFY(shown.size() > raw.size() / 2);
        UserGuideDialog dialog;
        QVERIFY(!dialog.browser()->toHtml().contains(u"<img"_s));
    }
};

QTEST_MAIN(TestUserGuideDialog)
#include "tst_userguidedialog.moc"

// UserGuideDialog: the guide in docs/ is built in (a resource) and rendered from Markdown, with no browser
// or network.

#include "userguidedialog.h"

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
};

QTEST_MAIN(TestUserGuideDialog)
#include "tst_userguidedialog.moc"

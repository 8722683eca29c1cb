#include "approvalsview.h"
#include "brokerobserver.h"
#include "commands/approvalnotices.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commandtimelineview.h"
#include "connectionbadge.h"
#include "desktopnotifier.h"
#include "devicedetailview.h"
#include "deviceitemdelegate.h"
#include "devicesview.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "mainwindow.h"
#include "models/commandtimelinefilterproxymodel.h"
#include "models/devicefilterproxymodel.h"
#include "models/devicetablemodel.h"
#include "models/fleetoverview.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "mqtt/passwordstore.h"
#include "mqtt/profilestore.h"
#include "overviewview.h"
#include "publishview.h"
#include "rollbackview.h"
#include "topictreeview.h"
#include "trafficview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::StringLiterals;
using fleet::test::MosquittoBroker;

namespace {

// The settings keys whose last part is name: one per splitter or header when each is kept once.
QStringList keysNamed(const QSettings &settings, const QString &name)
{
    return settings.allKeys().filter(
        QRegularExpression(u"(^|/)"_s + QRegularExpression::escape(name) + u'$'));
}

// Moves the splitter's handle by delta pixels from where it is (the first pane grows), so that its sizes
// differ from the default ones.
void moveHandle(QSplitter *splitter, int delta)
{
    QList<int> sizes = splitter->sizes();
    QVERIFY(sizes.size() == 2);
    QVERIFY(sizes[1] > delta);
    sizes[0] += delta;
    sizes[1] -= delta;
    splitter->setSizes(sizes);
}

// What a person would see cut off in widget and its children, as "class name: text" lines: a label, button,
// tab or header section narrower than its text, a placeholder longer than its field. Only what is shown
// counts (hidden widgets, a dock tabified behind another).
QStringList clippedTexts(QWidget *top)
{
    QStringList clipped;
    const auto name = [](const QWidget *w) {
        QString where;
        for (const QWidget *p = w; p; p = p->parentWidget()) {
            if (p->inherits("QDockWidget") || p->inherits("QTabWidget") ||
                p->property("fleetView").isValid()) {
                where = p->objectName() + u'/';
                break;
            }
        }
        return where + QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    };
    const auto plain = [](QString text) { return text.remove(QRegularExpression(u"&(?!&)"_s)); };
    const auto widest = [](const QFontMetrics &fm, const QString &text) {
        int width = 0;
        for (const QString &line : text.split(u'\n'))
            width = std::max(width, fm.horizontalAdvance(line));
        return width;
    };
    for (QWidget *w : top->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(top) || !w->isVisible())
            continue;
        // A menu bar or a toolbar that cannot show everything hides the rest behind a » button.
        if (w->objectName() == "qt_menubar_ext_button"_L1 || w->objectName() == "qt_toolbar_ext_button"_L1) {
            clipped.append(name(w->parentWidget()) + u": some items are behind »"_s);
            continue;
        }
        const QFontMetrics fm = w->fontMetrics();
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->wordWrap() || label->text().isEmpty() || label->textFormat() == Qt::RichText ||
                Qt::mightBeRichText(label->text()))
                continue;
            const int room =
                label->contentsRect().width() - 2 * label->margin() - std::max(label->indent(), 0);
            if (widest(fm, plain(label->text())) > room + 1)
                clipped.append(name(w) + u": "_s + label->text());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (!button->text().isEmpty() && button->width() < button->sizeHint().width())
                clipped.append(name(w) + u": "_s + button->text());
        } else if (auto *bar = qobject_cast<QTabBar *>(w)) {
            // Scroll arrows: some tab is out of sight.
            for (QToolButton *arrow : bar->findChildren<QToolButton *>()) {
                if (arrow->isVisible())
                    clipped.append(name(w) + u": tabs scroll"_s);
            }
            for (int i = 0; i < bar->count(); ++i) {
                const int icon = bar->tabIcon(i).isNull() ? 0 : bar->iconSize().width() + 4;
                const int needed = fm.horizontalAdvance(plain(bar->tabText(i))) + icon +
                                   bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
                if (bar->isTabVisible(i) && bar->tabRect(i).width() < needed)
                    clipped.append(name(w) + u": "_s + bar->tabText(i));
            }
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            if (!edit->placeholderText().isEmpty() &&
                fm.horizontalAdvance(edit->placeholderText()) > edit->contentsRect().width() - 8)
                clipped.append(name(w) + u" (placeholder, %1 px): "_s.arg(edit->width()) +
                               edit->placeholderText());
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (header->orientation() != Qt::Horizontal || !header->model())
                continue;
            const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section))
                    continue;
                const QString text = header->model()->headerData(section, Qt::Horizontal).toString();
                int needed = header->fontMetrics().horizontalAdvance(text) + margins;
                if (header->isSortIndicatorShown() && header->sortIndicatorSection() == section)
                    needed += header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
                if (header->sectionSize(section) < needed)
                    clipped.append(name(header->parentWidget()) + u" column: "_s + text);
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            // Cells: every column but a stretched last one (the rest of the width, for long values such
            // as payloads) is as wide as what its shown rows need, as the view measures them.
            QHeaderView *header = nullptr;
            if (auto *table = qobject_cast<QTableView *>(view))
                header = table->horizontalHeader();
            else if (auto *tree = qobject_cast<QTreeView *>(view))
                header = tree->header();
            if (!header || !view->model() || view->model()->rowCount() == 0)
                continue;
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section) ||
                    (header->stretchLastSection() && header->visualIndex(section) == header->count() - 1))
                    continue;
                const int needed = view->sizeHintForColumn(section);
                if (header->sectionSize(section) + 1 < needed)
                    clipped.append(name(view) + u" cells of "_s +
                                   view->model()->headerData(section, Qt::Horizontal).toString() +
                                   u" (%1 of %2 px)"_s.arg(header->sectionSize(section)).arg(needed));
            }
        }
    }
    return clipped;
}

// What asks for the most width: the minimum widths of the tab's view and its children, widest first.
QString widestParts(QWidget *top)
{
    QList<std::pair<int, QString>> widths;
    for (QWidget *w : top->findChildren<QWidget *>()) {
        if (w->isVisible())
            widths.append({w->minimumSizeHint().width(),
                           QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName()});
    }
    std::sort(widths.begin(), widths.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList parts;
    for (qsizetype i = 0; i < std::min<qsizetype>(widths.size(), 25); ++i)
        parts.append(u"%1 %2"_s.arg(widths.at(i).first).arg(widths.at(i).second));
    return parts.join(u", "_s);
}

// Answers the production confirmation as soon as it shows: Send, or Cancel. asked gets its text.
void answerConfirmation(bool send, QString *asked)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, send, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != "productionConfirmation"_L1)
            return;
        *asked = box->text();
        for (QAbstractButton *button : box->buttons()) {
            const bool isSend = box->buttonRole(button) == QMessageBox::AcceptRole;
            if (isSend == send) {
                button->click();
                break;
            }
        }
        poll->deleteLater();
    });
    poll->start();
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void showsTitleMenusAndStatus()
    {
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"Fleet Console"_s);
        QCOMPARE(window.menuBar()->actions().size(), 4); // File, View, Tools, Help
        QVERIFY(window.connectionLabel()->isVisible());
        QCOMPARE(window.connectionLabel()->text(), u"Not connected"_s);
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 0);
    }

    // The frequent actions beside the menus, each with its shortcut in its tooltip, doing what the menus do;
    // every tab has its icon.
    void toolbarDoesTheFrequentThings()
    {
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QToolBar *bar = window.mainToolBar();
        QVERIFY(bar);
        QCOMPARE(window.menuBar()->cornerWidget(Qt::TopRightCorner), bar);
        QStringList names;
        for (QAction *action : bar->actions()) {
            names << action->objectName();
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
            const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(!shortcut.isEmpty() && action->toolTip().contains(shortcut),
                     qPrintable(action->objectName() + u": "_s + action->toolTip()));
            QWidget *button = bar->widgetForAction(action);
            QVERIFY(button && button->isVisible());
        }
        QCOMPARE(names, (QStringList{u"connectionsAction"_s, u"newCommandAction"_s, u"approvalsAction"_s,
                                     u"pauseTrafficAction"_s, u"filterAction"_s}));
        for (int tab = 0; tab < window.tabs()->count(); ++tab)
            QVERIFY2(!window.tabs()->tabIcon(tab).isNull(), qPrintable(window.tabs()->tabText(tab)));

        auto *approvals = window.findChild<QAction *>(u"approvalsAction"_s);
        approvals->trigger();
        QCOMPARE(window.tabs()->currentWidget(), window.approvalsView());
        // Ctrl+4 is the Approvals tab's shortcut and the toolbar's: one action, so it is not ambiguous.
        window.tabs()->setCurrentIndex(0);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), window.approvalsView());

        // Pause follows the traffic view's own button, both ways.
        auto *pause = window.findChild<QAction *>(u"pauseTrafficAction"_s);
        pause->trigger();
        QVERIFY(window.trafficView()->isPaused());
        QVERIFY(pause->toolTip().contains(u"Resume"_s));
        window.trafficView()->setPaused(false);
        QVERIFY(!pause->isChecked());
        QVERIFY(pause->toolTip().contains(u"Pause"_s));

        // Filter: the current tab's own box, else the devices'.
        auto *filter = window.findChild<QAction *>(u"filterAction"_s);
        window.tabs()->setCurrentWidget(window.trafficView());
        filter->trigger();
        QCOMPARE(QApplication::focusWidget(), window.trafficView()->findChild<QLineEdit *>(u"searchEdit"_s));
        window.tabs()->setCurrentWidget(window.approvalsView());
        filter->trigger();
        QCOMPARE(window.tabs()->currentWidget(), window.devicesView());
        QCOMPARE(QApplication::focusWidget(), window.devicesView()->filterEdit());

        auto *compose = window.findChild<QAction *>(u"newCommandAction"_s);
        const bool shown = window.composerDock()->isVisible();
        compose->trigger();
        QCOMPARE(window.composerDock()->isVisible(), !shown);
    }

    // A profile whose password the keychain does not hold (or a desktop without a keychain): the operator is
    // asked, and the password typed connects, without being saved anywhere.
    void asksForThePasswordTheKeychainDoesNotHave()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"alice"_s, u"typed-S3cret"_s}};
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QSettings().clear();
        QSettings settings;
        fleet::ProfileStore profiles(&settings);
        fleet::PasswordStore passwords;
        passwords.setService(u"fleet-console-tst-mainwindow-%1"_s.arg(QCoreApplication::applicationPid()));
        passwords.setTimeout(5000); // a keychain that never answers ends in the prompt too
        fleet::BrokerProfile profile;
        profile.name = u"plant"_s;
        profile.url = QUrl(broker.url());
        profile.username = u"alice"_s;
        QVERIFY(profiles.save(profile));
        QVERIFY(profiles.setActiveProfile(u"plant"_s));

        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.setConnectionStores(&profiles, &passwords);
        window.show();
        QVERIFY(window.connectActiveProfile());
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<QInputDialog *>(u"passwordPrompt"_s)), 15000);
        QVERIFY2(prompt->labelText().contains(u"alice"_s), qPrintable(prompt->labelText()));
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        QCOMPARE(session.client()->state(),
                 fleet::MqttClient::State::Disconnected); // nothing tried meanwhile
        prompt->setTextValue(u"typed-S3cret"_s);
        prompt->accept();
        QTRY_COMPARE_WITH_TIMEOUT(session.client()->state(), fleet::MqttClient::State::Connected, 10000);
        // Used, not kept: neither the settings nor the profile hold it.
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("typed-S3cret"));
    }

    // A profile without a user name (an anonymous broker) has no password to ask for, keychain or not.
    void anonymousProfileConnectsWithoutAsking()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QSettings().clear();
        QSettings settings;
        fleet::ProfileStore profiles(&settings);
        fleet::PasswordStore passwords;
        passwords.setService(
            u"fleet-console-tst-mainwindow-anon-%1"_s.arg(QCoreApplication::applicationPid()));
        passwords.setTimeout(5000);
        fleet::BrokerProfile profile;
        profile.name = u"lab"_s;
        profile.url = QUrl(broker.url());
        QVERIFY(profiles.save(profile));
        QVERIFY(profiles.setActiveProfile(u"lab"_s));
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.setConnectionStores(&profiles, &passwords);
        QVERIFY(window.connectActiveProfile());
        QTRY_COMPARE_WITH_TIMEOUT(session.client()->state(), fleet::MqttClient::State::Connected, 15000);
        QVERIFY(!window.findChild<QInputDialog *>(u"passwordPrompt"_s));
    }

    // A click on a desktop notification brings the window to the Approvals tab; a plain click on a device
    // shows it in the detail dock, which a Ctrl+click (extending the selection) does not.
    void clicksOpenWhatTheyShow()
    {
        QSettings().clear();
        fleet::FleetSession session;
        QVERIFY(session.registry()->importData("dev-1\ndev-2\n"));
        session.registry()->flush();
        fleet::MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Q_EMIT window.notifier()->opened(
            fleet::ApprovalNotices::Notice{fleet::ApprovalNotices::Notice::Kind::Approved,
                                           u"nobody/x"_s,
                                           u"bob approved your reboot"_s,
                                           {},
                                           1});
        QCOMPARE(window.tabs()->currentWidget(), window.approvalsView());

        window.tabs()->setCurrentWidget(window.devicesView());
        QTableView *table = window.devicesView()->tableView();
        QTest::qWait(20);
        const auto clickRow = [table](int row, Qt::KeyboardModifiers modifiers = {}) {
            const QRect cell = table->visualRect(table->model()->index(row, 0));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, cell.center());
        };
        clickRow(1);
        QTRY_COMPARE(window.detailView()->device(), u"dev-2"_s);
        QVERIFY(window.detailDock()->isVisible());
        clickRow(0, Qt::ControlModifier);
        QTest::qWait(20);
        QCOMPARE(window.detailView()->device(), u"dev-2"_s);
    }

    // An outage is in sight at once: a banner above the tabs says what it means, and devices show their
    // last known connectivity, greyed, instead of "Online".
    void outageIsInSight()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(session.connectToBroker(fleet::test::profileFor(broker)));
        QTRY_COMPARE_WITH_TIMEOUT(session.client()->state(), fleet::MqttClient::State::Connected, 10000);
        QVERIFY(!window.connectionBanner()->isVisible());
        QVERIFY(!window.devicesView()->delegate()->isStale());
        session.registry()->ingest(fleet::MqttMessage(u"presence/dev-1"_s, "online"));
        QTRY_COMPARE_WITH_TIMEOUT(window.devicesView()->proxyModel()->rowCount(), 1, 5000);
        const QModelIndex cell =
            window.devicesView()->proxyModel()->index(0, fleet::DeviceTableModel::ConnectivityColumn);
        QVERIFY(window.devicesView()->delegate()->textFor(cell).startsWith(u"Online"_s));

        QVERIFY(broker.stop());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->isVisible(), 5000);
        QVERIFY2(window.connectionBanner()->text().contains(u"last known"_s),
                 qPrintable(window.connectionBanner()->text()));
        QVERIFY(window.devicesView()->delegate()->isStale());
        QCOMPARE(window.devicesView()->delegate()->textFor(cell), u"Online (last known)"_s);
    }

    // Two brokers in one console: each window says which connection it is (title, badge, colour); the one
    // marked production asks before anything goes, and a refusal sends nothing; the same profile opened
    // twice is the one window.
    void severalConnectionsSideBySide()
    {
        QStandardPaths::setTestModeEnabled(true); // the second window's ledger: not the user's data
        MosquittoBroker stagingBroker(MosquittoBroker::Options::quiet());
        MosquittoBroker productionBroker(MosquittoBroker::Options::quiet());
        QVERIFY2(stagingBroker.start(), qPrintable(stagingBroker.errorString()));
        QVERIFY2(productionBroker.start(), qPrintable(productionBroker.errorString()));
        fleet::test::BrokerObserver onStaging(stagingBroker);
        fleet::test::BrokerObserver onProduction(productionBroker);
        QVERIFY(onStaging.connect() && onStaging.subscribe(u"sandbox/#"_s));
        QVERIFY(onProduction.connect() && onProduction.subscribe(u"sandbox/#"_s));

        fleet::BrokerProfile staging = fleet::test::profileFor(stagingBroker);
        staging.name = u"lab-staging"_s;
        staging.environment = fleet::BrokerProfile::Environment::Staging;
        fleet::BrokerProfile production = fleet::test::profileFor(productionBroker);
        production.name = u"plant-prod"_s;
        production.environment = fleet::BrokerProfile::Environment::Production;

        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(session.connectToBroker(staging));
        QTRY_COMPARE_WITH_TIMEOUT(session.client()->state(), fleet::MqttClient::State::Connected, 10000);
        QCOMPARE(window.windowTitle(), u"lab-staging (Staging) — Fleet Console"_s);
        QVERIFY(window.connectionBadge()->isVisible());

        QPointer<fleet::MainWindow> second = window.openConnectionWindow(production, {});
        QVERIFY(second && second != &window);
        QVERIFY(QTest::qWaitForWindowExposed(second));
        QTRY_COMPARE_WITH_TIMEOUT(second->session()->client()->state(), fleet::MqttClient::State::Connected,
                                  10000);
        QCOMPARE(fleet::MainWindow::consoleWindows(), (QList<fleet::MainWindow *>{&window, second.data()}));
        QCOMPARE(second->windowTitle(), u"plant-prod (Production) — Fleet Console"_s);
        QVERIFY2(second->connectionBadge()->text().startsWith(u"PRODUCTION"_s),
                 qPrintable(second->connectionBadge()->text()));
        QVERIFY(second->connectionBadge()->palette().color(QPalette::Window) !=
                window.connectionBadge()->palette().color(QPalette::Window));
        QVERIFY(second->session()->catalog().toJson() == session.catalog().toJson());
        QVERIFY(fleet::CommandLedger::pathForConnection(production.name) !=
                fleet::CommandLedger::pathForConnection(staging.name));
        QVERIFY(second->session()->ledger());
        QCOMPARE(second->session()->ledger()->path(),
                 fleet::CommandLedger::pathForConnection(production.name));
        // Opened again: the same window, not a second session of the same client.
        QCOMPARE(window.openConnectionWindow(production, {}), second.data());
        QCOMPARE(fleet::MainWindow::consoleWindows().size(), 2);

        // Staging sends without a question.
        window.publishView()->setTopic(u"sandbox/staging"_s);
        window.publishView()->setPayloadText(u"s1"_s);
        QVERIFY2(window.publishView()->publish(), qPrintable(window.publishView()->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(onStaging.payloadsOn(u"sandbox/staging"_s), QList<QByteArray>{"s1"}, 5000);

        // Production asks: cancelled, nothing goes; confirmed, it goes, to production only.
        fleet::PublishView *publish = second->publishView();
        publish->setTopic(u"sandbox/production"_s);
        publish->setPayloadText(u"p1"_s);
        QString asked;
        answerConfirmation(false, &asked);
        QVERIFY(!publish->publish());
        QVERIFY2(asked.contains(u"plant-prod (Production)"_s) && asked.contains(u"sandbox/production"_s),
                 qPrintable(asked));
        QVERIFY2(publish->statusText().contains(u"not confirmed"_s), qPrintable(publish->statusText()));
        answerConfirmation(true, &asked);
        QVERIFY2(publish->publish(), qPrintable(publish->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(onProduction.payloadsOn(u"sandbox/production"_s), QList<QByteArray>{"p1"},
                                  5000);
        QTest::qWait(200);
        QCOMPARE(onProduction.messages().size(), 1); // the cancelled one never went
        QCOMPARE(onStaging.messages().size(), 1);

        // A command on production asks as well, through the one path every command takes.
        fleet::OperatorActions::CommandRequest request;
        request.devices = {u"dev-1"_s};
        request.command = u"set_led"_s;
        request.parameters = fleet::Json{{"color", "red"}};
        std::optional<fleet::OperatorActions::Outcome> outcome;
        answerConfirmation(false, &asked);
        second->session()->actions()->sendCommand(
            request, second, [&](const fleet::OperatorActions::Outcome &o) { outcome = o; });
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok);
        QCOMPARE(outcome->error, fleet::OperatorActions::notConfirmedError());
        QVERIFY2(asked.contains(u"set_led to dev-1"_s), qPrintable(asked));
        QVERIFY(second->session()->tracker()->executions().isEmpty());

        // Closed: it goes with its session; the staging window keeps its badge (it is marked).
        second->close();
        QTRY_VERIFY(second.isNull());
        QCOMPARE(fleet::MainWindow::consoleWindows().size(), 1);
        QTest::qWait(20);
        QVERIFY(window.connectionBadge()->isVisible());
    }

    void showDeviceOpensItsDetailAndCommands()
    {
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.showDevice(u"dev-9"_s);
        QCOMPARE(window.deviceTimelineView()->device(), u"dev-9"_s);
        QVERIFY(window.detailDock()->windowTitle().contains(u"dev-9"_s));
    }

    void layoutIsRemembered()
    {
        QSettings().clear();
        int width = 0;
        QString tableName;
        {
            fleet::FleetSession session;
            fleet::MainWindow window(&session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.tabs()->setCurrentIndex(fleet::MainWindow::CommandsTab);
            const auto tables = window.timelineView()->findChildren<QTreeView *>();
            QVERIFY(!tables.isEmpty());
            QTreeView *table = tables.first();
            tableName = table->objectName();
            QVERIFY(!tableName.isEmpty());
            table->header()->resizeSection(1, 211);
            width = table->header()->sectionSize(1);
            window.close();
        }
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        QCOMPARE(window.tabs()->currentIndex(), int(fleet::MainWindow::CommandsTab));
        auto *table = window.findChild<QTreeView *>(tableName);
        QVERIFY(table);
        QCOMPARE(table->header()->sectionSize(1), width);
    }

    // The traffic view's splitters and columns are kept by the window alone: after a restart they are back,
    // and each was written under one key only (it also had keys of its own once).
    void trafficLayoutIsRememberedOnce()
    {
        QSettings().clear();
        const QStringList splitterNames{u"trafficSplitter"_s, u"trafficDetailsSplitter"_s};
        QList<QList<int>> sizes;
        int topicWidth = 0;
        {
            fleet::FleetSession session;
            fleet::MainWindow window(&session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.tabs()->setCurrentIndex(fleet::MainWindow::TrafficTab);
            for (const QString &name : splitterNames) {
                auto *splitter = window.trafficView()->findChild<QSplitter *>(name);
                QVERIFY2(splitter, qPrintable(name));
                const QList<int> before = splitter->sizes();
                moveHandle(splitter, 37);
                if (QTest::currentTestFailed())
                    return;
                QVERIFY(splitter->sizes() != before);
                sizes.append(splitter->sizes());
            }
            auto *table = window.trafficView()->findChild<QTreeView *>(u"trafficTable"_s);
            QVERIFY(table);
            table->header()->resizeSection(1, 311);
            topicWidth = table->header()->sectionSize(1);
            window.close();
        }

        const QSettings settings;
        QVERIFY2(settings.childGroups().contains(u"layout"_s), qPrintable(settings.allKeys().join(u' ')));
        QVERIFY2(!settings.childGroups().contains(u"trafficView"_s),
                 qPrintable(settings.allKeys().join(u' ')));
        for (const QString &name : splitterNames + QStringList{u"trafficTable"_s, u"lastValueTable"_s}) {
            const QStringList keys = keysNamed(settings, name);
            QVERIFY2(keys.size() == 1, qPrintable(name + u": "_s + keys.join(u", "_s)));
        }

        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.tabs()->currentIndex(), int(fleet::MainWindow::TrafficTab));
        for (qsizetype i = 0; i < splitterNames.size(); ++i) {
            auto *splitter = window.trafficView()->findChild<QSplitter *>(splitterNames[i]);
            QVERIFY(splitter);
            QCOMPARE(splitter->sizes(), sizes[i]);
        }
        auto *table = window.trafficView()->findChild<QTreeView *>(u"trafficTable"_s);
        QVERIFY(table);
        QCOMPARE(table->header()->sectionSize(1), topicWidth);
    }

    // Every named splitter and header in the window is written under exactly one key.
    void noLayoutPartIsWrittenTwice()
    {
        QSettings().clear();
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
        const QSettings settings;
        QStringList names;
        for (const QSplitter *splitter : window.findChildren<QSplitter *>())
            names.append(splitter->objectName());
        for (const QAbstractItemView *view : window.findChildren<QAbstractItemView *>()) {
            if (qobject_cast<const QTableView *>(view) || qobject_cast<const QTreeView *>(view))
                names.append(view->objectName());
        }
        names.removeAll(QString());
        // Two parts under one name would share one key, and the last to close would win.
        QStringList unique = names;
        unique.removeDuplicates();
        QCOMPARE(unique.size(), names.size());
        // The devices table's header is kept under a key of its own, with its sort.
        QCOMPARE(names.removeAll(u"devicesTable"_s), 1);
        QVERIFY(settings.contains(u"mainWindow/devicesHeader"_s));
        QVERIFY(names.contains(u"trafficSplitter"_s));
        for (const QString &name : std::as_const(names)) {
            const QStringList keys = keysNamed(settings, name);
            QVERIFY2(keys.size() == 1, qPrintable(name + u": "_s + keys.join(u", "_s)));
        }
    }

    // A console upgraded from when the traffic view kept its own layout under "trafficView/" keeps it once,
    // and the old keys go.
    void legacyTrafficLayoutIsMovedOnce()
    {
        QSettings().clear();
        QByteArray tableState;
        QByteArray splitterState;
        int topicWidth = 0;
        {
            fleet::FleetSession session;
            fleet::MainWindow window(&session);
            auto *table = window.trafficView()->findChild<QTreeView *>(u"trafficTable"_s);
            auto *splitter = window.trafficView()->findChild<QSplitter *>(u"trafficSplitter"_s);
            QVERIFY(table && splitter);
            table->header()->resizeSection(1, 333);
            topicWidth = table->header()->sectionSize(1);
            tableState = table->header()->saveState();
            splitterState = splitter->saveState();
        }
        {
            // What the old console wrote: the table's columns under the view's keys only, the splitter under
            // both (the generic key won on restore).
            QSettings settings;
            settings.clear();
            settings.setValue(u"trafficView/trafficTable"_s, tableState);
            settings.setValue(u"trafficView/trafficSplitter"_s, QByteArray("stale"));
            settings.setValue(u"layout/splitter/trafficSplitter"_s, splitterState);
        }
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        auto *table = window.trafficView()->findChild<QTreeView *>(u"trafficTable"_s);
        QVERIFY(table);
        QCOMPARE(table->header()->sectionSize(1), topicWidth);
        const QSettings settings;
        QVERIFY2(!settings.childGroups().contains(u"trafficView"_s),
                 qPrintable(settings.allKeys().join(u' ')));
        QCOMPARE(settings.value(u"layout/columns/trafficTable"_s).toByteArray(), tableState);
        QCOMPARE(keysNamed(settings, u"trafficSplitter"_s).size(), 1);
        QCOMPARE(settings.value(u"layout/splitter/trafficSplitter"_s).toByteArray(), splitterState);
    }

    // The docks serve the Devices and Commands tabs: elsewhere the tab has the whole width, and on the way
    // back each dock is as the operator left it (one closed stays closed).
    void docksServeDevicesAndCommands()
    {
        QSettings().clear();
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Open: its View menu entry is checked (a dock tabified behind another is not visible).
        const auto open = [](QDockWidget *dock) { return dock->toggleViewAction()->isChecked(); };
        window.tabs()->setCurrentIndex(fleet::MainWindow::DevicesTab);
        QVERIFY(window.detailDock()->isVisible());
        QVERIFY(open(window.composerDock()));
        for (int tab : {int(fleet::MainWindow::OverviewTab), int(fleet::MainWindow::ApprovalsTab),
                        int(fleet::MainWindow::TrafficTab)}) {
            window.tabs()->setCurrentIndex(tab);
            QVERIFY(!open(window.detailDock()));
            QVERIFY(!open(window.composerDock()));
        }
        window.tabs()->setCurrentIndex(fleet::MainWindow::CommandsTab);
        QVERIFY(window.detailDock()->isVisible());
        QVERIFY(open(window.composerDock()));
        window.composerDock()->close();
        window.tabs()->setCurrentIndex(fleet::MainWindow::TrafficTab);
        window.tabs()->setCurrentIndex(fleet::MainWindow::DevicesTab);
        QVERIFY(window.detailDock()->isVisible());
        QVERIFY(!open(window.composerDock()));
        // Opening a device from a tab the docks do not serve goes to the device list, beside it.
        window.tabs()->setCurrentIndex(fleet::MainWindow::OverviewTab);
        window.showDevice(u"dev-3"_s);
        QCOMPARE(window.tabs()->currentIndex(), int(fleet::MainWindow::DevicesTab));
        QVERIFY(window.detailDock()->isVisible());
    }

    // The overview is the first tab (Ctrl+1), where a fresh console opens, also over a tab index saved
    // before it existed; each of its figures opens the view that lists them, so filtered.
    void overviewComesFirstAndLeadsOn()
    {
        QSettings().clear();
        QSettings().setValue(u"mainWindow/tab"_s, 0); // the Devices tab, before the overview came first
        fleet::FleetSession session;
        fleet::FleetRegistry *registry = session.registry();
        registry->ingest(fleet::MqttMessage(u"presence/dev-1"_s, "online"));
        registry->ingest(fleet::MqttMessage(u"presence/dev-2"_s, "offline"));
        registry->ingest(fleet::MqttMessage(
            u"$aws/things/dev-1/shadow/get/accepted"_s,
            R"({"state":{"desired":{"led":"blue"},"reported":{"led":"red"}},"metadata":{},"version":3})"));
        registry->flush();
        session.tracker()->setOfflinePolicy(fleet::CommandTracker::OfflinePolicy::FailFast);
        session.tracker()->setDeviceOnline(u"dev-2"_s, false);
        QVERIFY(!session.tracker()->send(u"dev-2"_s, u"upload_log"_s).isEmpty());

        fleet::MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTabWidget *tabs = window.tabs();
        QCOMPARE(tabs->count(), int(fleet::MainWindow::TabCount));
        QCOMPARE(tabs->widget(fleet::MainWindow::OverviewTab), window.overviewView());
        QCOMPARE(tabs->widget(fleet::MainWindow::DevicesTab), window.devicesView());
        QCOMPARE(tabs->widget(fleet::MainWindow::CommandsTab), window.timelineView());
        QCOMPARE(tabs->widget(fleet::MainWindow::ApprovalsTab), window.approvalsView());
        QCOMPARE(tabs->widget(fleet::MainWindow::RollbackTab), window.rollbackView());
        QCOMPARE(tabs->widget(fleet::MainWindow::TrafficTab), window.trafficView());
        QCOMPARE(tabs->widget(fleet::MainWindow::TopicsTab), window.topicTreeView());
        QCOMPARE(tabs->widget(fleet::MainWindow::PublishTab), window.publishView());
        QCOMPARE(tabs->widget(fleet::MainWindow::AuditTab)->objectName(), u"auditView"_s);
        QCOMPARE(tabs->currentIndex(), int(fleet::MainWindow::OverviewTab));
        QVERIFY(!QSettings().contains(u"mainWindow/tab"_s));

        const auto shortcut = [&window](int key) {
            for (QAction *action : window.actions()) {
                if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key(key)))
                    return action;
            }
            return static_cast<QAction *>(nullptr);
        };
        tabs->setCurrentIndex(fleet::MainWindow::TrafficTab);
        QVERIFY(shortcut(Qt::Key_1));
        shortcut(Qt::Key_1)->trigger();
        QCOMPARE(tabs->currentWidget(), window.overviewView());
        QVERIFY(shortcut(Qt::Key_9));
        shortcut(Qt::Key_9)->trigger();
        QCOMPARE(tabs->currentIndex(), int(fleet::MainWindow::AuditTab));

        fleet::OverviewView *overview = window.overviewView();
        overview->overview()->recompute();
        fleet::DevicesView *devices = window.devicesView();
        const auto click = [&](fleet::OverviewView::Figure figure) {
            tabs->setCurrentWidget(overview);
            QTest::mouseClick(overview->figureButton(figure), Qt::LeftButton);
        };
        click(fleet::OverviewView::Figure::Offline);
        QCOMPARE(tabs->currentWidget(), devices);
        QCOMPARE(devices->connectivityCombo()->currentData().toInt(),
                 int(fleet::Device::Connectivity::Offline));
        QCOMPARE(devices->proxyModel()->rowCount(), 1);
        click(fleet::OverviewView::Figure::OutOfSync);
        QCOMPARE(tabs->currentWidget(), devices);
        QVERIFY(devices->outOfSyncCheck()->isChecked());
        QCOMPARE(devices->connectivityCombo()->currentIndex(), 0);
        QCOMPARE(devices->proxyModel()->rowCount(), 1);
        QCOMPARE(devices->proxyModel()->index(0, 0).data(fleet::DeviceTableModel::IdRole).toString(),
                 u"dev-1"_s);
        click(fleet::OverviewView::Figure::Total);
        QVERIFY(!devices->outOfSyncCheck()->isChecked());
        QCOMPARE(devices->proxyModel()->rowCount(), 2);

        click(fleet::OverviewView::Figure::Failures);
        QCOMPARE(tabs->currentWidget(), window.timelineView());
        const QList<fleet::CommandExecution::State> failures = {fleet::CommandExecution::State::Failed,
                                                                fleet::CommandExecution::State::TimedOut,
                                                                fleet::CommandExecution::State::Unreachable};
        QCOMPARE(window.timelineView()->proxy()->filter().states, failures);
        auto *stateCombo = window.timelineView()->findChild<QComboBox *>(u"stateFilter"_s);
        QVERIFY(stateCombo);
        QVERIFY2(stateCombo->currentText().contains(u"Failed"_s), qPrintable(stateCombo->currentText()));
        click(fleet::OverviewView::Figure::InProgress);
        QCOMPARE(window.timelineView()->proxy()->filter().states, fleet::CommandFilter::unfinishedStates());
        QCOMPARE(stateCombo->currentData().toInt(), int(fleet::CommandTimelineView::StateChoice::InProgress));
        QCOMPARE(stateCombo->findData(int(fleet::CommandTimelineView::StateChoice::Custom)), -1);

        click(fleet::OverviewView::Figure::ApprovalsWaiting);
        QCOMPARE(tabs->currentWidget(), window.approvalsView());

        tabs->setCurrentWidget(overview);
        QTableWidget *failing = overview->failingTable();
        QCOMPARE(failing->rowCount(), 1);
        QTest::mouseClick(failing->viewport(), Qt::LeftButton, {},
                          failing->visualItemRect(failing->item(0, 0)).center());
        QVERIFY(window.detailDock()->windowTitle().contains(u"dev-2"_s));
        // The device opens beside the device list, where the docks are.
        QCOMPARE(tabs->currentWidget(), window.devicesView());

        // A look at it where the operator sees it: beside the docks, in a 1280x800 window.
        QVERIFY(window.grab().save(QDir::temp().filePath(u"mainwindow-overview.png"_s)));
        window.close();
        QCOMPARE(QSettings().value(u"mainWindow/tabName"_s).toString(), u"devicesView"_s);
    }

    // At 1280x800, in English, Spanish and French, the window fits (nothing makes it wider) and no tab shows
    // a label, button, tab, placeholder or column header cut off.
    void fitsAt1280InEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("es") << u"es"_s;
        QTest::newRow("fr") << u"fr"_s;
    }

    void fitsAt1280InEveryLanguage()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (language != u"en"_s)
            QVERIFY(translator.load(QLocale(language), u"fleet"_s, u"_"_s, QStringLiteral(FLEET_QM_DIR)));
        QCoreApplication::installTranslator(&translator);
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QSettings().clear();
        fleet::FleetSession session;
        // Rows in every state the tables word, so that cells are checked too: devices online, offline and
        // never heard of, commands queued, held, cancelled.
        fleet::FleetRegistry *registry = session.registry();
        QVERIFY(registry->importData("dev-1\ndev-2\ndev-3\n"));
        registry->ingest(fleet::MqttMessage(u"presence/dev-1"_s, "online", 1, true));
        registry->ingest(fleet::MqttMessage(u"presence/dev-2"_s, "offline", 1, true));
        registry->flush();
        fleet::CommandTracker *tracker = session.tracker();
        tracker->setDeviceOnline(u"dev-2"_s, false);
        tracker->send(u"dev-1"_s, u"set_led"_s, {{"color", "red"}});
        tracker->send(u"dev-2"_s, u"upload_log"_s);
        tracker->cancel(tracker->send(u"dev-3"_s, u"set_led"_s, {{"color", "blue"}}));
        fleet::MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showDevice(u"dev-1"_s);
        QStringList clipped;
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QTest::qWait(20);
            QVERIFY2(window.width() <= 1280,
                     qPrintable(u"%1 is %2 px wide: %3"_s.arg(window.tabs()->tabText(tab))
                                    .arg(window.width())
                                    .arg(widestParts(&window))));
            for (const QString &text : clippedTexts(&window))
                clipped.append(window.tabs()->tabText(tab) + u": "_s + text);
        }
        clipped.removeDuplicates();
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

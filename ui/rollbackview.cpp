#include "rollbackview.h"

#include "common/json.h"

#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commands/rollbacklog.h"
#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "models/rollbackhistorymodel.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace fleet {

namespace {

// Entries come from sends and shadow updates; a burst of those (a broadcast) is one look at the log.
constexpr int RefreshDelayMs = 200;

// Leaves of value by dotted path; a non-object (or an empty object) is a leaf of its own.
void flatten(const Json &value, const QString &path, QList<std::pair<QString, Json>> *out)
{
    if (value.is_object() && !value.empty()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            flatten(it.value(), path.isEmpty() ? key : path + QLatin1Char('.') + key, out);
        }
        return;
    }
    if (!value.is_null() || !path.isEmpty())
        out->append({path, value});
}

} // namespace

RollbackView::RollbackView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RollbackHistoryModel(session->rollbacks(), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_rollback(new QPushButton(tr("Roll back"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("rollbackView"));
    m_table->setObjectName(QStringLiteral("rollbackTable"));
    m_details->setObjectName(QStringLiteral("rollbackDetails"));
    m_rollback->setObjectName(QStringLiteral("rollbackButton"));
    m_status->setObjectName(QStringLiteral("rollbackStatus"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(RollbackHistoryModel::DeviceRole);
    m_proxy->setSortRole(RollbackHistoryModel::EntryIdRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RollbackHistoryModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_details->setPlaceholderText(
        tr("Select a change to see what it changed and what rolling it back sends."));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // device ids, commands and errors from the network

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("rollbackSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_rollback);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RollbackView::refresh);
    connect(m_session->tracker(), &CommandTracker::executionChanged, this, &RollbackView::scheduleRefresh);
    connect(m_session->shadows(), &ShadowClient::requestFinished, this, &RollbackView::scheduleRefresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RollbackView::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RollbackView::updateDetails);
    connect(m_rollback, &QPushButton::clicked, this, &RollbackView::rollBackSelected);
    ItemViewActions::mirror(m_rollback, m_table);
    ItemViewActions::addCopy(m_table);
    updateDetails();
}

RollbackView::~RollbackView() = default;

void RollbackView::setDevice(const QString &device)
{
    m_proxy->setFilterRegularExpression(
        device.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(device))));
    updateDetails();
}

void RollbackView::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void RollbackView::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void RollbackView::refresh()
{
    m_refreshTimer.stop();
    m_model->refresh();
    updateDetails();
}

bool RollbackView::selectEntry(qint64 entryId)
{
    const int row = m_model->rowOf(entryId);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

qint64 RollbackView::selectedEntry() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(RollbackHistoryModel::EntryIdRole).toLongLong() : 0;
}

QStringList RollbackView::diffLines(const Json &before, const Json &after)
{
    QList<std::pair<QString, Json>> old;
    QList<std::pair<QString, Json>> now;
    flatten(before, {}, &old);
    flatten(after, {}, &now);
    const auto find = [](const QList<std::pair<QString, Json>> &leaves, const QString &path) -> const Json * {
        for (const auto &leaf : leaves) {
            if (leaf.first == path)
                return &leaf.second;
        }
        return nullptr;
    };
    const auto name = [](const QString &path) { return path.isEmpty() ? tr("(whole value)") : path; };
    QStringList lines;
    for (const auto &[path, value] : std::as_const(old)) {
        const Json *other = find(now, path);
        if (!other)
            lines << QStringLiteral("- %1: %2").arg(name(path), compactJson(value));
        else if (*other != value)
            lines << QStringLiteral("~ %1: %2 → %3").arg(name(path), compactJson(value), compactJson(*other));
    }
    for (const auto &[path, value] : std::as_const(now)) {
        if (!find(old, path))
            lines << QStringLiteral("+ %1: %2").arg(name(path), compactJson(value));
    }
    return lines;
}

QString RollbackView::detailsHtml(const RollbackEntry &e, QString *whyNot) const
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html;
    const bool command = e.kind == RollbackEntry::Kind::Command;
    const bool batch = e.kind == RollbackEntry::Kind::DesiredBatch;
    const QString shadow = e.shadowName.isEmpty() ? QString() : tr(" (shadow %1)").arg(e.shadowName);
    const QString devices = e.group.isEmpty()
                                ? tr("%n devices", nullptr, int(e.targets.size()))
                                : tr("%n devices (group %1)", nullptr, int(e.targets.size())).arg(e.group);
    const QString title = command ? tr("Command %1 to %2").arg(e.commandName, e.device)
                          : batch ? tr("Desired state of %1%2").arg(devices, shadow)
                          : e.kind == RollbackEntry::Kind::TwinDesired
                              ? tr("Desired properties of %1 (twin)").arg(e.device)
                              : tr("Desired state of %1%2").arg(e.device, shadow);
    html += QStringLiteral("<h3>%1</h3>").arg(esc(title));
    html += esc(tr("Entry %1, %2")
                    .arg(e.id)
                    .arg(QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(
                        QStringLiteral("yyyy-MM-dd HH:mm:ss")))) +
            QStringLiteral("<br>");
    if (!e.tid.isEmpty())
        html += esc(command ? tr("Command id: %1").arg(e.tid) : tr("Update token: %1").arg(e.tid)) +
                QStringLiteral("<br>");
    html += esc(e.isRolledBack() ? tr("Rolled back by %1.").arg(e.rolledBackBy) : tr("Not rolled back.")) +
            QStringLiteral("<br>");

    if (batch) {
        html += esc(tr("Patch: %1").arg(compactJson(e.parameters))) + QStringLiteral("<br>");
        html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Devices")));
        // The first devices only: a batch may hold 10,000, and the details pane is rebuilt on every refresh.
        constexpr qsizetype MaxListed = 100;
        QStringList lines;
        for (const RollbackTarget &t : e.targets.first(std::min(MaxListed, e.targets.size()))) {
            const QString state = !t.rolledBackBy.isEmpty() ? tr("restored")
                                  : t.changedSince          ? tr("changed since, left as it is")
                                                            : tr("before: %1").arg(compactJson(t.before));
            lines << QStringLiteral("%1: %2").arg(t.device, state);
        }
        if (e.targets.size() > MaxListed)
            lines << tr("… and %n more", nullptr, int(e.targets.size() - MaxListed));
        html += QStringLiteral("<pre>%1</pre>").arg(esc(lines.join(QLatin1Char('\n'))));
    } else if (command) {
        html += esc(tr("Parameters: %1").arg(compactJson(e.parameters))) + QStringLiteral("<br>");
        html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("State captured before it ran")));
        html += QStringLiteral("<pre>%1</pre>").arg(esc(diffLines(Json(), e.before).join(QLatin1Char('\n'))));
    } else {
        html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Changes")));
        const QStringList lines = diffLines(e.before, e.after);
        html += QStringLiteral("<pre>%1</pre>")
                    .arg(esc(lines.isEmpty() ? tr("(no change)") : lines.join(QLatin1Char('\n'))));
    }
    const OperatorActions::RollbackPlan plan = m_session->actions()->rollbackPlan(e.id);
    if (!plan.description.isEmpty())
        html += QStringLiteral("<h4>%1</h4>%2").arg(esc(tr("Rolling back will")), esc(plan.description));
    const QString problem = plan.problem;
    if (whyNot)
        *whyNot = problem;
    return html;
}

void RollbackView::updateDetails()
{
    const int row = m_model->rowOf(selectedEntry());
    const RollbackEntry *entry = m_model->entryAt(row);
    if (!entry) {
        m_details->clear();
        m_rollback->setEnabled(false);
        m_rollback->setToolTip(tr("Select a change first."));
        return;
    }
    QString whyNot;
    m_details->setHtml(detailsHtml(*entry, &whyNot));
    m_rollback->setEnabled(whyNot.isEmpty());
    // A tool tip is rich text when it looks like it; whyNot quotes names and commands.
    m_rollback->setToolTip(whyNot.isEmpty() ? tr("Undo this change.")
                                            : Qt::convertFromPlainText(whyNot, Qt::WhiteSpaceNormal));
}

void RollbackView::rollBackSelected()
{
    const qint64 entryId = selectedEntry();
    const std::optional<RollbackEntry> entry =
        entryId > 0 ? m_session->rollbacks()->entry(entryId) : std::nullopt;
    if (!entry)
        return;
    const bool command = entry->kind == RollbackEntry::Kind::Command;
    if (!command)
        m_status->setText(tr("Entry %1: restoring the desired state…").arg(entryId));
    const auto progress = [this, entryId](const OperatorActions::DeviceResult &, int done, int total) {
        m_status->setText(
            tr("Entry %1: restoring the desired state… %2 of %3 devices").arg(entryId).arg(done).arg(total));
    };
    m_session->actions()->rollBack(
        entryId, this,
        [this, entryId, entry](const OperatorActions::Outcome &o) {
            if (entry->kind == RollbackEntry::Kind::DesiredBatch) {
                m_status->setText(o.ok
                                      ? tr("Entry %1 rolled back: desired state restored on %n devices.",
                                           nullptr, int(o.deviceResults.size()))
                                            .arg(entryId)
                                      : tr("Entry %1 was rolled back in part: %2").arg(entryId).arg(o.error));
                refresh();
                if (o.ok)
                    Q_EMIT rolledBack(entryId, o.id);
                return;
            }
            if (!o.ok) {
                m_status->setText(tr("Entry %1 was not rolled back: %2").arg(entryId).arg(o.error));
                updateDetails();
                return;
            }
            QString message;
            if (entry->kind == RollbackEntry::Kind::TwinDesired && o.awaitingApproval)
                message =
                    tr("Entry %1: restoring the desired properties is waiting for approval.").arg(entryId);
            else if (entry->kind == RollbackEntry::Kind::TwinDesired)
                message = tr("Entry %1 rolled back: desired properties restored ($version %2).")
                              .arg(entryId)
                              .arg(o.version.value_or(0));
            else if (entry->kind == RollbackEntry::Kind::DesiredUpdate)
                message = tr("Entry %1 rolled back: desired state restored (version %2).")
                              .arg(entryId)
                              .arg(o.version.value_or(0));
            else if (o.awaitingApproval)
                message = tr("Entry %1: %2 is waiting for approval (%3).")
                              .arg(entryId)
                              .arg(m_session->tracker()->execution(o.id)->command, o.id);
            else
                message = tr("Entry %1: %2 sent to %3 (%4).")
                              .arg(entryId)
                              .arg(m_session->tracker()->execution(o.id)->command, entry->device, o.id);
            if (!o.note.isEmpty())
                message += QLatin1Char(' ') + o.note;
            m_status->setText(message);
            refresh();
            Q_EMIT rolledBack(entryId, o.id);
        },
        progress);
    updateDetails();
}

} // namespace fleet

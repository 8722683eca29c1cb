#include "auditview.h"

#include "commands/gateauditquery.h"
#include "itemviewactions.h"
#include "models/auditlogmodel.h"
#include "mqtt/mqttclient.h"
#include "statecolordelegate.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

QString timeText(const QDateTime &time)
{
    return time.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// The model gives the time column as a QDateTime (so that it sorts as a time); shown to the second, as
// fleetctl prints it, rather than in the locale's short format, which drops the seconds.
class TimeDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.userType() == QMetaType::QDateTime)
            return timeText(value.toDateTime());
        return QStyledItemDelegate::displayText(value, locale);
    }
};

} // namespace

AuditView::AuditView(MqttClient *client, std::function<QString()> identity, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(std::move(identity))
    , m_model(new AuditLogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_table(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"auditView"_s);
    m_filter->setObjectName(u"auditFilter"_s);
    m_refresh->setObjectName(u"auditRefresh"_s);
    m_table->setObjectName(u"auditTable"_s);
    m_detail->setObjectName(u"auditDetail"_s);
    m_status->setObjectName(u"auditStatus"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(AuditLogModel::FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(AuditLogModel::TimeColumn, new TimeDelegate(m_table));
    // The action is the entry's outcome (approved, refused, held, ...): coloured by it.
    m_table->setItemDelegateForColumn(AuditLogModel::ActionColumn, StateColorDelegate::forAuditLog(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditLogModel::TimeColumn, Qt::DescendingOrder); // the newest on top
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: fast with 20,000
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The whole time, not "2026-12-06 …": it is what a reader scans first.
    m_table->horizontalHeader()->resizeSection(
        AuditLogModel::TimeColumn,
        m_table->fontMetrics().horizontalAdvance(timeText(QDateTime::currentDateTime())) + 24);
    m_filter->setPlaceholderText(tr("Filter by actor, requester or request id"));
    m_filter->setClearButtonEnabled(true);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an entry to see it in full."));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // errors quote what the broker and the gate said

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"auditSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &AuditView::refresh);
    ItemViewActions::mirror(m_refresh, m_table);
    ItemViewActions::addCopy(m_table);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditView::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AuditView::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditView::updateStatus);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditView::updateDetail);
    // Shown before the console connected: the first read waits for the connection.
    connect(m_client, &MqttClient::connected, this, [this] {
        if (isVisible() && !m_loadedOnce)
            refresh();
    });
    updateStatus();
}

AuditView::~AuditView() = default;

void AuditView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce && m_client->state() == MqttClient::State::Connected)
        refresh();
}

void AuditView::refresh()
{
    if (m_query)
        return;
    m_loadedOnce = true;
    const QString identity = m_identity ? m_identity() : m_client->profile().username;
    // Another account or another broker: another log, or another right to read it.
    const QString source = m_client->profile().url.toString() + u'\n' + identity;
    if (source != m_source) {
        m_source = source;
        m_model->clear();
        m_moreAfter = 0;
    }
    m_query = new GateAuditQuery(m_client, identity, this);
    GateAuditQuery::Filter filter;
    filter.after = m_model->lastSeq();
    m_query->setFilter(filter);
    m_query->setMaxEntries(MaxEntriesPerRefresh);
    m_query->setPageSize(GateAuditQuery::MaxPageSize);
    connect(m_query, &GateAuditQuery::finished, this, &AuditView::onFinished);
    connect(m_query, &GateAuditQuery::failed, this, &AuditView::onFailed);
    m_refresh->setEnabled(false);
    m_query->start();
    updateStatus();
}

void AuditView::onFinished()
{
    GateAuditQuery *query = m_query;
    m_query = nullptr;
    m_problem.clear();
    m_moreAfter = query->next();
    m_model->append(query->entries());
    query->deleteLater();
    m_refresh->setEnabled(true);
    updateStatus();
    Q_EMIT refreshed(true, {});
}

void AuditView::onFailed(const QString &message)
{
    GateAuditQuery *query = m_query;
    m_query = nullptr;
    m_problem = message;
    query->deleteLater();
    m_refresh->setEnabled(true);
    updateStatus();
    Q_EMIT refreshed(false, message);
}

void AuditView::updateStatus()
{
    if (m_query) {
        m_status->setText(tr("Reading the audit log…"));
        return;
    }
    if (!m_problem.isEmpty()) {
        m_status->setText(m_problem);
        return;
    }
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == total ? tr("%n entry(ies)", nullptr, total)
                                  : tr("%1 of %n entry(ies)", "shown of all", total).arg(shown);
    if (m_model->droppedCount() > 0)
        text += u' ' + tr("(the oldest %n not kept)", nullptr,
                          int(std::min<qint64>(m_model->droppedCount(), 1 << 30)));
    if (m_moreAfter > 0)
        text += u' ' + tr("More in the log: Refresh reads on.");
    m_status->setText(text);
}

void AuditView::updateDetail()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    const AuditLogModel::Entry *e = m_model->entryAt(current.row());
    if (!current.isValid() || !e) {
        m_detail->clear();
        return;
    }
    // Plain text: a detail may hold anything an account typed.
    m_detail->setPlainText(tr("Entry %1, %2\nActor: %3\nAction: %4\nRequest: %5\nTopic: %6\n\n%7")
                               .arg(e->seq)
                               .arg(timeText(QDateTime::fromMSecsSinceEpoch(e->time)), e->actor, e->action,
                                    e->requestText(), e->topic, e->detail));
}

} // namespace fleet

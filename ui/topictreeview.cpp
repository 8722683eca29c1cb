#include "topictreeview.h"

#include "commands/operatoractions.h"
#include "common/json.h"
#include "common/networkjson.h"
#include "common/payloaddiff.h"
#include "common/payloadpreview.h"
#include "fleet/fleetsession.h"
#include "fleeticons.h"
#include "models/topictreemodel.h"
#include "mqtt/trafficcapture.h"
#include "themecolors.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringDecoder>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr int MaxPlotPoints = 1000;
constexpr int MaxFields = 64;
constexpr int MaxFieldDepth = 6;
constexpr int HistoryPreviewCharacters = 100;

QString escapedPointerToken(const std::string &key)
{
    QString token = QString::fromStdString(key);
    token.replace(u"~"_s, u"~0"_s);
    token.replace(u"/"_s, u"~1"_s);
    return token;
}

void collectNumbers(const Json &value, const QString &pointer, int depth, QStringList &out)
{
    if (out.size() >= MaxFields || depth > MaxFieldDepth)
        return;
    if (value.is_number()) {
        out.append(pointer.isEmpty() ? u"/"_s : pointer);
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end() && out.size() < MaxFields; ++it)
            collectNumbers(it.value(), pointer + u'/' + escapedPointerToken(it.key()), depth + 1, out);
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size() && out.size() < MaxFields; ++i)
            collectNumbers(value[i], pointer + u'/' + QString::number(i), depth + 1, out);
    }
}

std::optional<double> numberAt(const QByteArray &payload, const QString &pointer)
{
    const std::optional<Json> document = NetworkJson::parseDocument(payload);
    if (!document)
        return std::nullopt;
    const std::string path = pointer == u"/"_s ? std::string() : pointer.toStdString();
    Json::json_pointer at;
    try {
        at = Json::json_pointer(path);
    } catch (const Json::exception &) {
        return std::nullopt;
    }
    if (!document->contains(at))
        return std::nullopt;
    const Json &value = (*document)[at];
    if (!value.is_number())
        return std::nullopt;
    const double number = value.get<double>();
    return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

// The last value as a person reads it: indented JSON, else text, else hex; at most MaxValueCharacters of it
// (*cut says when less than all is shown). A value is whatever anyone published: 400 KB of "[[[[" on one line
// took 10 s to lay out in the wrapping text pane (65,536 characters: 181 ms; 16,384: 16 ms, measured).
constexpr qsizetype MaxValueCharacters = 16 * 1024;

QString readable(const QByteArray &payload, bool *cut)
{
    QString text;
    *cut = false;
    if (const std::optional<Json> document = NetworkJson::parseDocument(payload)) {
        text = indentedJson(*document);
    } else {
        // At most four bytes a character: enough for MaxValueCharacters of any text.
        const QByteArray head = payload.first(std::min<qsizetype>(payload.size(), MaxValueCharacters * 4));
        QStringDecoder decoder(QStringDecoder::Utf8);
        text = decoder(head);
        *cut = head.size() < payload.size();
        if (decoder.hasError()) {
            const qsizetype bytes = std::min<qsizetype>(payload.size(), MaxValueCharacters / 3);
            text = QString::fromLatin1(payload.first(bytes).toHex(' '));
            *cut = bytes < payload.size();
        }
    }
    if (text.size() > MaxValueCharacters) {
        text.truncate(MaxValueCharacters);
        *cut = true;
    }
    return text;
}

} // namespace

TopicTreeView::TopicTreeView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_client(session->client())
    , m_model(new TopicTreeModel(this))
    , m_search(new QSortFilterProxyModel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_topicLabel(new QLabel(this))
    , m_value(new QPlainTextEdit(this))
    , m_history(new QListWidget(this))
    , m_diff(new QPlainTextEdit(this))
    , m_fieldPicker(new QComboBox(this))
    , m_plotButton(new QPushButton(tr("Plot"), this))
    , m_clearRetained(new QPushButton(tr("Clear retained…"), this))
    , m_chart(new QChartView(this))
    , m_status(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(u"topicTreeView"_s);
    m_searchEdit->setObjectName(u"topicSearchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search topics"));
    m_searchEdit->setClearButtonEnabled(true);
    m_counts->setObjectName(u"topicCountsLabel"_s);

    m_search->setRecursiveFilteringEnabled(true);
    m_search->setFilterRole(TopicTreeModel::TopicRole);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);

    // Uniform rows and fixed widths: with 100,000 topics the view must not measure rows or contents.
    m_tree->setObjectName(u"topicTree"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(TopicTreeModel::TopicColumn, 260);
    // Wide enough for the numbers and for the header in every language, measured once: never the rows.
    const QFontMetrics metrics(m_tree->header()->font());
    for (const auto &[column, minimum] :
         {std::pair{TopicTreeModel::MessagesColumn, 90}, std::pair{TopicTreeModel::RateColumn, 80},
          std::pair{TopicTreeModel::RetainedColumn, 80}}) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        m_tree->setColumnWidth(column, std::max(minimum, metrics.horizontalAdvance(title) + 24));
    }

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_topicLabel->setObjectName(u"topicLabel"_s);
    m_topicLabel->setTextFormat(Qt::PlainText); // a topic is whatever someone published to
    m_topicLabel->setWordWrap(true);
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setObjectName(u"topicValue"_s);
    m_value->setReadOnly(true);
    m_value->setFont(fixed);
    m_value->setPlaceholderText(tr("Select a topic to see its last value"));
    m_history->setObjectName(u"topicHistory"_s);
    m_history->setFont(fixed);
    m_history->setUniformItemSizes(true);
    m_diff->setObjectName(u"topicDiff"_s);
    m_diff->setReadOnly(true);
    m_diff->setFont(fixed);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setPlaceholderText(tr("Select a message in the history to compare it with the one before"));
    m_fieldPicker->setObjectName(u"plotFieldPicker"_s);
    m_fieldPicker->setToolTip(tr("Numeric fields of the topic's JSON value"));
    m_fieldPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_fieldPicker->setMinimumContentsLength(12);
    m_plotButton->setObjectName(u"plotButton"_s);
    m_plotButton->setToolTip(tr("Plot this field over the topic's history and as messages arrive"));
    m_clearRetained->setObjectName(u"clearRetainedButton"_s);
    m_clearRetained->setIcon(FleetIcons::glyph(u"clear"_s));
    m_clearRetained->setToolTip(tr("Publish an empty retained message, which makes the broker forget the "
                                   "topic's retained value (your account must be allowed to write it)"));
    m_status->setObjectName(u"topicStatusLabel"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setObjectName(u"topicPlot"_s);
    m_chart->setChart(chart);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);
    m_chart->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *searchBar = new QHBoxLayout;
    searchBar->addWidget(m_searchEdit, 1);
    searchBar->addWidget(m_counts);
    leftLayout->addLayout(searchBar);
    leftLayout->addWidget(m_tree, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_topicLabel);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_fieldPicker, 1);
    actions->addWidget(m_plotButton);
    actions->addWidget(m_clearRetained);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_status);
    auto *detailSplitter = new QSplitter(Qt::Vertical, right);
    detailSplitter->setObjectName(u"topicDetailSplitter"_s);
    detailSplitter->addWidget(m_value);
    detailSplitter->addWidget(m_history);
    detailSplitter->addWidget(m_diff);
    detailSplitter->addWidget(m_chart);
    rightLayout->addWidget(detailSplitter, 1);

    m_splitter->setObjectName(u"topicTreeSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    if (TrafficCapture *capture = session->traffic())
        connect(capture, &TrafficCapture::messageReceived, m_model, &TopicTreeModel::append);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &TopicTreeView::applySearch);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TopicTreeView::onCurrentChanged);
    connect(m_history, &QListWidget::currentRowChanged, this, &TopicTreeView::showDiff);
    connect(m_plotButton, &QPushButton::clicked, this, [this] { plotField(m_fieldPicker->currentText()); });
    connect(m_clearRetained, &QPushButton::clicked, this, [this] { clearRetained(true); });
    connect(m_model, &TopicTreeModel::statisticsChanged, this, [this] {
        QString text =
            tr("%L1 topics, %L2 messages").arg(m_model->topicCount()).arg(m_model->totalMessages());
        if (m_model->overflowMessages() > 0)
            text += u' ' + tr("(%L1 messages on new topics not shown: the tree is full)")
                               .arg(m_model->overflowMessages());
        m_counts->setText(text);
    });
    if (m_client) {
        connect(m_client, &MqttClient::messageSent, this, [this](int id) {
            if (id == m_clearMessageId) {
                m_clearMessageId = -1;
                setStatus(tr("The broker accepted the empty retained message; the marker goes when it comes "
                             "back."));
            }
        });
        connect(m_client, &MqttClient::publishFailed, this,
                [this](int id, MqttClient::Error, const QString &message) {
                    if (id == m_clearMessageId) {
                        m_clearMessageId = -1;
                        setStatus(tr("The broker refused to clear the retained message: %1").arg(message));
                    }
                });
    }
    // The selected topic's details follow its traffic twice a second: a value that changes 1,000 times a
    // second is not read faster than that.
    m_detailTimer.setInterval(500);
    connect(&m_detailTimer, &QTimer::timeout, this, [this] {
        if (m_topic.isEmpty())
            return;
        const QModelIndex index = m_model->indexOfTopic(m_topic);
        if (index.isValid() && index.data(TopicTreeModel::LastReceivedRole).toLongLong() != m_shownNewest)
            refreshDetails();
    });
    m_detailTimer.start();
    refreshDetails();
}

TopicTreeView::~TopicTreeView() = default;

void TopicTreeView::applySearch(const QString &text)
{
    const QString current = m_topic;
    if (text.isEmpty()) {
        if (m_tree->model() != m_model)
            m_tree->setModel(m_model);
    } else {
        // The proxy sees rows only: the topics that match are made rows first, wherever they are.
        const int matches = m_model->revealMatching(text);
        if (matches > TopicTreeModel::MaxRevealed)
            setStatus(tr("%L1 topics match; the first %L2 are shown: refine the search.")
                          .arg(matches)
                          .arg(TopicTreeModel::MaxRevealed));
        if (!m_search->sourceModel())
            m_search->setSourceModel(m_model);
        m_search->setFilterFixedString(text);
        if (m_tree->model() != m_search)
            m_tree->setModel(m_search);
        m_tree->expandToDepth(3);
    }
    // A new model means a new selection model.
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TopicTreeView::onCurrentChanged, Qt::UniqueConnection);
    if (!current.isEmpty())
        selectTopic(current);
}

bool TopicTreeView::selectTopic(const QString &topic)
{
    m_model->flush();
    QModelIndex index = m_model->indexOfTopic(topic);
    if (!index.isValid())
        return false;
    if (m_tree->model() == m_search) {
        index = m_search->mapFromSource(index);
        if (!index.isValid())
            return false;
    }
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    if (m_topic != topic) {
        m_topic = topic;
        refreshDetails();
    }
    return true;
}

void TopicTreeView::onCurrentChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    const QString topic = current.isValid() ? current.data(TopicTreeModel::TopicRole).toString() : QString();
    if (topic == m_topic)
        return;
    m_topic = topic;
    m_plotField.clear();
    if (m_series) {
        m_chart->chart()->removeAllSeries();
        m_series = nullptr;
    }
    m_chart->hide();
    setStatus(QString());
    refreshDetails();
}

void TopicTreeView::refreshDetails()
{
    const QModelIndex index = m_topic.isEmpty() ? QModelIndex() : m_model->indexOfTopic(m_topic);
    if (!index.isValid()) {
        m_topicLabel->setText(m_topic.isEmpty() ? tr("No topic selected") : m_topic);
        m_value->clear();
        m_history->clear();
        m_diff->clear();
        m_fieldPicker->clear();
        m_plotButton->setEnabled(false);
        m_clearRetained->setEnabled(false);
        m_shownNewest = -1;
        return;
    }
    const bool retained = index.data(TopicTreeModel::RetainedRole).toBool();
    const qint64 own = index.data(TopicTreeModel::TopicMessageCountRole).toLongLong();
    const qint64 branch = index.data(TopicTreeModel::MessageCountRole).toLongLong();
    QString label = tr("%1: %L2 messages on this topic, %L3 in its branch").arg(m_topic).arg(own).arg(branch);
    if (retained)
        label += u' ' + tr("(retained value)");
    m_topicLabel->setText(label);
    m_clearRetained->setEnabled(retained && m_client);
    m_shownNewest = index.data(TopicTreeModel::LastReceivedRole).toLongLong();

    const bool hasValue = index.data(TopicTreeModel::HasValueRole).toBool();
    const QByteArray payload = index.data(TopicTreeModel::LastPayloadRole).toByteArray();
    bool cut = false;
    QString value = hasValue ? readable(payload, &cut) : QString();
    if (cut)
        value += u'\n' + tr("(the beginning of a %L1-byte value)").arg(payload.size());
    m_value->setPlainText(value);

    const QString field = m_fieldPicker->currentText();
    QStringList fields;
    if (const std::optional<Json> document = hasValue ? NetworkJson::parseDocument(payload) : std::nullopt)
        collectNumbers(*document, QString(), 0, fields);
    if (fields != plottableFields()) {
        m_fieldPicker->clear();
        m_fieldPicker->addItems(fields);
        if (fields.contains(field))
            m_fieldPicker->setCurrentText(field);
    }
    m_plotButton->setEnabled(!fields.isEmpty());
    refreshHistory();
    appendPlotPoints();
}

void TopicTreeView::refreshHistory()
{
    const QList<TopicTreeModel::HistoryEntry> entries = m_model->history(m_topic);
    // The message selected, by its number among the topic's messages: rows count from the newest, so a new
    // message would otherwise slide the selection onto another one. (The history keeps the newest messages
    // in order, and drops from the oldest end only.)
    const qint64 count =
        m_model->indexOfTopic(m_topic).data(TopicTreeModel::TopicMessageCountRole).toLongLong();
    const int selectedRow = m_history->currentRow();
    const qint64 selectedNumber = selectedRow < 0 ? -1 : m_shownCount - selectedRow;
    const QSignalBlocker block(m_history);
    m_history->clear();
    // Newest first, as a person reads a log of what just happened.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        const QString time = QDateTime::fromMSecsSinceEpoch(it->received).toString(u"HH:mm:ss.zzz"_s);
        m_history->addItem(
            tr("%1  %2 B  %3")
                .arg(time)
                .arg(it->size, 6)
                .arg(PayloadPreview::of(it->message.payload(), HistoryPreviewCharacters).text));
    }
    m_shownCount = count;
    if (const qint64 row = count - selectedNumber; selectedNumber >= 0 && row < m_history->count())
        m_history->setCurrentRow(int(row));
    showDiff();
}

void TopicTreeView::selectHistoryRow(int row)
{
    m_history->setCurrentRow(row);
}

void TopicTreeView::showDiff()
{
    const int row = m_history->currentRow();
    const QList<TopicTreeModel::HistoryEntry> entries = m_model->history(m_topic);
    // Row 0 is the newest entry, the last of the list.
    const qsizetype newer = entries.size() - 1 - row;
    if (row < 0 || newer <= 0 || newer >= entries.size()) {
        m_diff->setPlainText(row >= 0 && newer == 0
                                 ? tr("The oldest message kept: nothing before it to compare.")
                                 : QString());
        return;
    }
    const PayloadDiff diff =
        PayloadDiff::compare(entries.at(newer - 1).message.payload(), entries.at(newer).message.payload());
    QStringList lines{tr("Compared with the message before it: %1").arg(diff.summary())};
    switch (diff.mode()) {
    case PayloadDiff::Mode::Json:
        for (const PayloadDiff::JsonChange &change : diff.changes()) {
            const QString path = change.path.isEmpty() ? u"/"_s : change.path;
            switch (change.kind) {
            case PayloadDiff::ChangeKind::Added:
                lines << u"+ %1: %2"_s.arg(path, change.newValue);
                break;
            case PayloadDiff::ChangeKind::Removed:
                lines << u"- %1: %2"_s.arg(path, change.oldValue);
                break;
            case PayloadDiff::ChangeKind::Changed:
                lines << u"~ %1: %2 \u2192 %3"_s.arg(path, change.oldValue, change.newValue);
                break;
            }
        }
        break;
    case PayloadDiff::Mode::Text:
        for (const PayloadDiff::Line &line : diff.lines()) {
            const QChar mark = line.kind == PayloadDiff::LineKind::Added     ? u'+'
                               : line.kind == PayloadDiff::LineKind::Removed ? u'-'
                                                                             : u' ';
            lines << QString(mark) + u' ' + line.text;
        }
        break;
    case PayloadDiff::Mode::Binary:
        break;
    }
    if (diff.truncated())
        lines << tr("(only the beginning of the payloads was compared)");
    m_diff->setPlainText(lines.join(u'\n'));
}

QString TopicTreeView::diffText() const
{
    return m_diff->toPlainText();
}

QStringList TopicTreeView::plottableFields() const
{
    QStringList fields;
    for (int i = 0; i < m_fieldPicker->count(); ++i)
        fields << m_fieldPicker->itemText(i);
    return fields;
}

bool TopicTreeView::plotField(const QString &pointer)
{
    if (m_topic.isEmpty() || !plottableFields().contains(pointer))
        return false;
    m_plotField = pointer;
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    m_series = new QLineSeries;
    m_series->setName(pointer);
    chart->addSeries(m_series);
    auto *time = new QDateTimeAxis;
    time->setFormat(u"HH:mm:ss"_s);
    time->setTickCount(4);
    auto *values = new QValueAxis;
    values->setLabelFormat(u"%.6g"_s); // the value's own digits, never "21…"
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    m_series->attachAxis(time);
    m_series->attachAxis(values);
    chart->setTitle(tr("%1 of %2").arg(pointer, m_topic));

    const ThemeColors colors = ThemeColors::forPalette(palette());
    const QColor foreground = colors.color(ThemeColors::Role::ChartForeground);
    chart->setBackgroundBrush(colors.color(ThemeColors::Role::ChartBackground));
    chart->setTitleBrush(foreground);
    m_chart->setBackgroundBrush(colors.color(ThemeColors::Role::ChartBackground));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(foreground);
        axis->setLinePenColor(foreground);
        axis->setGridLineColor(colors.color(ThemeColors::Role::ChartGrid));
    }
    QPen pen = m_series->pen();
    pen.setColor(colors.series(0));
    pen.setWidthF(2);
    m_series->setPen(pen);

    m_plottedCount = 0;
    appendPlotPoints();
    m_chart->show();
    setStatus(m_series->count() == 0 ? tr("No value of %1 in the history yet.").arg(pointer) : QString());
    return true;
}

int TopicTreeView::plottedPoints() const
{
    return m_series ? m_series->count() : 0;
}

void TopicTreeView::appendPlotPoints()
{
    if (!m_series || m_plotField.isEmpty())
        return;
    // The topic's message count says how many entries are new since the last call, even when several
    // arrived in the same millisecond; those that already left the bounded history are gone for the plot too.
    const qint64 count =
        m_model->indexOfTopic(m_topic).data(TopicTreeModel::TopicMessageCountRole).toLongLong();
    const QList<TopicTreeModel::HistoryEntry> entries = m_model->history(m_topic);
    const qsizetype fresh = std::min<qsizetype>(entries.size(), std::max<qint64>(0, count - m_plottedCount));
    m_plottedCount = count;
    QList<QPointF> points;
    for (qsizetype i = entries.size() - fresh; i < entries.size(); ++i) {
        if (const std::optional<double> value = numberAt(entries.at(i).message.payload(), m_plotField))
            points.append(QPointF(double(entries.at(i).received), *value));
    }
    if (points.isEmpty())
        return;
    m_series->append(points);
    if (m_series->count() > MaxPlotPoints)
        m_series->removePoints(0, m_series->count() - MaxPlotPoints);
    const QList<QPointF> all = m_series->points();
    const auto [low, high] = std::minmax_element(
        all.cbegin(), all.cend(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    const double pad = std::max(1e-9, (high->y() - low->y()) * 0.1);
    const QList<QAbstractAxis *> axes = m_chart->chart()->axes();
    for (QAbstractAxis *axis : axes) {
        if (auto *time = qobject_cast<QDateTimeAxis *>(axis)) {
            const qint64 first = qint64(all.constFirst().x());
            const qint64 last = std::max<qint64>(qint64(all.constLast().x()), first + 1000);
            time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
        } else if (auto *value = qobject_cast<QValueAxis *>(axis)) {
            value->setRange(low->y() - pad, high->y() + pad);
        }
    }
}

void TopicTreeView::clearRetained(bool confirm)
{
    if (m_topic.isEmpty() || !m_client)
        return;
    if (confirm && QMessageBox::question(
                       this, tr("Clear retained message"),
                       tr("Make the broker forget the retained value of \"%1\"? Every client that "
                          "subscribes later will no longer receive it.")
                           .arg(m_topic),
                       QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (m_session &&
        !m_session->actions()->confirm(tr("the clearing of %1's retained message").arg(m_topic))) {
        setStatus(OperatorActions::notConfirmedError());
        return;
    }
    MqttMessage empty(m_topic, QByteArray(), 1, true);
    const int id = m_client->publish(empty);
    if (id < 0) {
        setStatus(tr("The retained message was not cleared: %1").arg(m_client->errorString()));
        return;
    }
    m_clearMessageId = id;
    setStatus(tr("Clearing the retained message of %1…").arg(m_topic));
}

void TopicTreeView::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString TopicTreeView::statusText() const
{
    return m_status->text();
}

} // namespace fleet

#include "trafficview.h"

#include "dialects/azurepropertybag.h"
#include "fleeticons.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "models/lastvaluemodel.h"
#include "models/trafficmodel.h"
#include "mqtt/mqttclient.h"
#include "trafficfilterproxymodel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QStringDecoder>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// The whole payload, decoded, or nothing when it is not UTF-8 text a person could read.
std::optional<QString> payloadText(const QByteArray &payload)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(payload);
    if (decoder.hasError())
        return std::nullopt;
    const bool control = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() == 0x7f;
    });
    if (control)
        return std::nullopt;
    return text;
}

// The classic layout: offset, 16 bytes in hex, the same bytes as ASCII.
QString hexDump(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 4 + bytes.size() / 16 * 12);
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        const QByteArray line = bytes.mid(offset, 16);
        out += u"%1  "_s.arg(qlonglong(offset), 8, 16, QChar(u'0'));
        for (int i = 0; i < 16; ++i) {
            out += i < line.size() ? QString::fromLatin1(line.mid(i, 1).toHex()) + u' ' : u"   "_s;
            if (i == 7)
                out += u' ';
        }
        out += u" |"_s;
        for (const char c : line)
            out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'.';
        out += u"|\n"_s;
    }
    return out;
}

std::optional<QString> prettyJson(const QByteArray &payload)
{
    // Ordered: keys as the device sent them. Size and nesting bounded: the printer recurses per level.
    const std::optional<Json> document = NetworkJson::parseDocument(payload);
    if (!document)
        return std::nullopt;
    return indentedJson(*document);
}

QString readable(const QByteArray &bytes)
{
    const std::optional<QString> text = payloadText(bytes);
    const QString hex = QString::fromLatin1(bytes.toHex(' '));
    return text ? u"%1 (%2)"_s.arg(hex, *text) : hex;
}

} // namespace

TrafficView::TrafficView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_capture(session->traffic())
    , m_model(new TrafficModel(this))
    , m_proxy(new TrafficFilterProxyModel(this))
    , m_lastValues(new LastValueModel(m_model, this))
    , m_lastValuesSorted(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_searchEdit(new QLineEdit(this))
    , m_pauseButton(new QToolButton(this))
    , m_rateLabel(new QLabel(this))
    , m_pauseLabel(new QLabel(this))
    , m_filterError(new QLabel(this))
    , m_table(new QTreeView(this))
    , m_lastValueTable(new QTreeView(this))
    , m_properties(new QPlainTextEdit(this))
    , m_payload(new QPlainTextEdit(this))
    , m_hexToggle(new QCheckBox(tr("Hex"), this))
    , m_payloadKind(new QLabel(this))
    , m_mainSplitter(new QSplitter(Qt::Vertical, this))
    , m_detailsSplitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(u"trafficView"_s);
    m_proxy->setSourceModel(m_model);
    m_lastValuesSorted->setSourceModel(m_lastValues);
    m_lastValuesSorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit->setObjectName(u"topicFilterEdit"_s);
    m_filterEdit->setPlaceholderText(
        tr("Topic filters, e.g. +/dev-7/#; empty: %1").arg(TrafficCapture::defaultFilters().join(u' ')));
    m_filterEdit->setToolTip(
        tr("MQTT topic filters (+ and # wildcards), separated by spaces. Press Enter to capture what they "
           "match, each message once however they overlap. Empty captures %1: every topic, and the AWS IoT "
           "shadow and command topics, which # leaves out.")
            .arg(TrafficCapture::defaultFilters().join(u' ')));
    m_filterEdit->setClearButtonEnabled(true);
    m_searchEdit->setObjectName(u"searchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search topics"));
    m_searchEdit->setClearButtonEnabled(true);
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setIcon(FleetIcons::glyph(u"pause"_s));
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the table; new messages are counted, not shown"));
    auto *clearButton = new QToolButton(this);
    clearButton->setObjectName(u"clearButton"_s);
    clearButton->setText(tr("Clear"));
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(u"exportButton"_s);
    exportButton->setText(tr("Export\u2026"));
    exportButton->setToolTip(tr("Save the messages shown as JSON lines"));
    m_rateLabel->setObjectName(u"rateLabel"_s);
    m_pauseLabel->setObjectName(u"pauseLabel"_s);
    m_filterError->setObjectName(u"filterErrorLabel"_s);
    m_filterError->setWordWrap(true);
    m_filterError->setTextFormat(Qt::PlainText); // it quotes the filter and the broker's reason
    m_filterError->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filterEdit, 3);
    toolbar->addWidget(m_searchEdit, 2);
    toolbar->addWidget(m_pauseButton);
    toolbar->addWidget(clearButton);
    toolbar->addWidget(exportButton);
    toolbar->addWidget(m_pauseLabel);
    toolbar->addStretch(1);
    toolbar->addWidget(m_rateLabel);

    // The live table. Uniform rows and fixed column widths: a view that measures rows or contents would
    // measure thousands of them per second.
    m_table->setObjectName(u"trafficTable"_s);
    m_table->setModel(m_proxy);
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->header()->setStretchLastSection(true);
    m_table->setColumnWidth(TrafficModel::TimeColumn, 190);
    m_table->setColumnWidth(TrafficModel::TopicColumn, 280);
    m_table->setColumnWidth(TrafficModel::QosColumn, 50);
    m_table->setColumnWidth(TrafficModel::RetainedColumn, 70);
    m_table->setColumnWidth(TrafficModel::SizeColumn, 70);
    m_table->setColumnWidth(TrafficModel::SinceRequestColumn, 110);
    // Replies are timed on a device page only (setDevice()), where the column moves next to the topic.
    m_table->setColumnHidden(TrafficModel::SinceRequestColumn, true);

    m_lastValueTable->setObjectName(u"lastValueTable"_s);
    m_lastValueTable->setModel(m_lastValuesSorted);
    m_lastValueTable->setRootIsDecorated(false);
    m_lastValueTable->setUniformRowHeights(true);
    m_lastValueTable->setSortingEnabled(true);
    m_lastValueTable->sortByColumn(LastValueModel::TopicColumn, Qt::AscendingOrder);
    m_lastValueTable->setColumnWidth(LastValueModel::TopicColumn, 280);
    m_lastValueTable->setColumnWidth(LastValueModel::QosColumn, 50);
    m_lastValueTable->setColumnWidth(LastValueModel::RetainedColumn, 70);
    m_lastValueTable->setColumnWidth(LastValueModel::SizeColumn, 70);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_properties->setObjectName(u"detailsProperties"_s);
    m_properties->setReadOnly(true);
    m_properties->setPlaceholderText(tr("Select a message to see its details"));
    m_payload->setObjectName(u"detailsPayload"_s);
    m_payload->setReadOnly(true);
    m_payload->setFont(fixed);
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hexToggle->setObjectName(u"hexToggle"_s);
    m_payloadKind->setObjectName(u"payloadKindLabel"_s);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_properties, 2);
    auto *payloadBar = new QHBoxLayout;
    payloadBar->addWidget(m_payloadKind, 1);
    payloadBar->addWidget(m_hexToggle);
    detailsLayout->addLayout(payloadBar);
    detailsLayout->addWidget(m_payload, 3);

    // The splitters' and the tables' object names are settings keys: MainWindow remembers their state under
    // them (a renamed one loses the operator's layout), so each is stable and unique in the window.
    m_detailsSplitter->setObjectName(u"trafficDetailsSplitter"_s);
    m_detailsSplitter->addWidget(m_table);
    m_detailsSplitter->addWidget(details);
    m_detailsSplitter->setStretchFactor(0, 3);
    m_detailsSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setObjectName(u"trafficSplitter"_s);
    m_mainSplitter->addWidget(m_detailsSplitter);
    m_mainSplitter->addWidget(m_lastValueTable);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_mainSplitter, 1);

    connect(m_capture, &TrafficCapture::messageReceived, this, [this](const MqttMessage &message) {
        // A device page counts and shows its device's messages only.
        if (!m_deviceMode || TrafficModel::hasLevel(message.topic(), m_device))
            m_model->append(message);
    });
    connect(m_capture, &TrafficCapture::subscriptionFailed, this, &TrafficView::onSubscriptionFailed);
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &TrafficView::applyFilterEdit);
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy, &TrafficFilterProxyModel::setSearchText);
    // The search narrows both tables: a topic hidden in one and listed in the other reads as a contradiction.
    m_lastValuesSorted->setFilterKeyColumn(LastValueModel::TopicColumn);
    m_lastValuesSorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_searchEdit, &QLineEdit::textChanged, m_lastValuesSorted,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_pauseButton, &QToolButton::toggled, this, &TrafficView::setPaused);
    connect(clearButton, &QToolButton::clicked, m_model, &TrafficModel::clear);
    connect(exportButton, &QToolButton::clicked, this, &TrafficView::exportWithDialog);
    connect(m_hexToggle, &QCheckBox::toggled, this, &TrafficView::showDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TrafficView::onCurrentChanged);
    connect(m_lastValueTable->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_selected = current.data(LastValueModel::MessageRole).value<MqttMessage>();
                m_selectedReceived = 0;
                m_selectedSize = m_selected->payload().size();
                showDetails();
            });
    // One selection across both tables, as the pane shows one message: otherwise a click on the row still
    // current in the other table changes no current index, and the pane keeps the message it showed. The
    // handlers above ignore the invalid current index the clearing reports.
    for (auto [from, to] : {std::pair{m_table, m_lastValueTable}, std::pair{m_lastValueTable, m_table}}) {
        connect(from->selectionModel(), &QItemSelectionModel::currentChanged, to,
                [to](const QModelIndex &current) {
                    if (current.isValid())
                        to->selectionModel()->clear();
                });
    }
    for (QTreeView *view : {m_table, m_lastValueTable})
        ItemViewActions::addCopy(view);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, &TrafficView::rememberScrollPosition);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TrafficView::followNewRows);
    // Scrolling by whole rows makes the scroll bar's value the index of the top row, which keepTopRow()
    // moves back by the rows the cap evicted.
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, &TrafficView::rememberTopRow);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TrafficView::keepTopRow);

    // The status line is read by a person: twice a second is live enough, and costs nothing per message.
    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, &TrafficView::updateStatus);
    m_statusTimer.start();
    updateStatus();

    // The capture is the session's: a second view over it shows what it already captures.
    if (m_capture && m_capture->filters().isEmpty())
        setTopicFilter(QString());
    else if (m_capture && m_capture->filters() != TrafficCapture::defaultFilters())
        setTopicFilter(m_capture->filters().join(u' '));
}

TrafficView::~TrafficView() = default;

QSortFilterProxyModel *TrafficView::displayModel() const
{
    return m_proxy;
}

QString TrafficView::topicFilter() const
{
    return m_filterText;
}

bool TrafficView::setTopicFilter(const QString &text, QString *error)
{
    const QStringList filters = TrafficCapture::parseFilters(text);
    QString why;
    if (m_capture &&
        !m_capture->setFilters(filters.isEmpty() ? TrafficCapture::defaultFilters() : filters, &why)) {
        m_filterError->setText(why);
        m_filterError->show();
        if (error)
            *error = why;
        return false;
    }
    m_filterError->hide();
    m_filterText = filters.join(u' ');
    if (m_filterEdit->text().trimmed() != m_filterText)
        m_filterEdit->setText(m_filterText);
    // Rows captured under the previous filters that the new ones do not match go out of sight.
    m_proxy->setTopicFilters(filters);
    return true;
}

void TrafficView::setDevice(const QString &id, TrafficModel *history)
{
    m_device = id;
    m_deviceMode = true;
    m_filterEdit->hide();
    m_filterError->hide();
    m_proxy->setTopicFilters({});
    m_model->clear();
    m_model->setTrackReplies(true);
    m_table->setColumnHidden(TrafficModel::SinceRequestColumn, false);
    QHeaderView *header = m_table->header();
    header->moveSection(header->visualIndex(TrafficModel::SinceRequestColumn), TrafficModel::TopicColumn + 1);
    if (!history || id.isEmpty())
        return;
    // What the buffer received before the page opened, oldest first, with the times it was received; its
    // queued messages first, so that none falls between the buffer and the live feed.
    history->flush();
    for (int row = 0; row < history->rowCount(); ++row) {
        const QModelIndex index = history->index(row, 0);
        const QString topic = index.data(TrafficModel::TopicRole).toString();
        if (TrafficModel::hasLevel(topic, id))
            m_model->appendReceived(index.data(TrafficModel::MessageRole).value<MqttMessage>(),
                                    index.data(TrafficModel::ReceivedRole).toLongLong());
    }
    m_model->flush();
}

void TrafficView::applyFilterEdit()
{
    setTopicFilter(m_filterEdit->text());
}

void TrafficView::onSubscriptionFailed(const QString &filter, const QString &message)
{
    m_filterError->setText(tr("The broker refused the subscription to \"%1\": %2").arg(filter, message));
    m_filterError->show();
}

void TrafficView::setPaused(bool paused)
{
    const bool changed = m_model->isPaused() != paused;
    m_model->setPaused(paused);
    if (m_pauseButton->isChecked() != paused)
        m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    m_pauseButton->setIcon(FleetIcons::glyph(paused ? u"resume"_s : u"pause"_s));
    // The last values follow the traffic even while paused; the table of them catches up now.
    m_lastValues->refresh();
    updateStatus();
    if (changed)
        Q_EMIT pausedChanged(paused);
}

bool TrafficView::isPaused() const
{
    return m_model->isPaused();
}

void TrafficView::setHexMode(bool hex)
{
    m_hexToggle->setChecked(hex);
}

bool TrafficView::hexMode() const
{
    return m_hexToggle->isChecked();
}

void TrafficView::updateStatus()
{
    m_rateLabel->setText(
        tr("%L1 msg/s, %L2 received").arg(m_model->messagesPerSecond()).arg(m_model->totalMessages()));
    const qint64 missed = m_model->droppedWhilePaused();
    if (m_model->isPaused())
        m_pauseLabel->setText(tr("Paused: %L1 new messages not shown").arg(missed));
    else if (missed > 0)
        m_pauseLabel->setText(tr("%L1 messages arrived while paused").arg(missed));
    else
        m_pauseLabel->clear();
}

void TrafficView::rememberScrollPosition()
{
    const QScrollBar *bar = m_table->verticalScrollBar();
    m_atBottom = bar->value() >= bar->maximum();
}

void TrafficView::followNewRows()
{
    // Only while the operator is at the bottom with nothing selected: someone who scrolled up or selected a
    // row is reading, and must not be yanked away by the next message.
    if (m_atBottom && !m_table->selectionModel()->hasSelection())
        m_table->scrollToBottom();
}

void TrafficView::rememberTopRow(const QModelIndex &parent, int first)
{
    const QScrollBar *bar = m_table->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() && !m_table->selectionModel()->hasSelection();
    m_topRowBeforeRemoval = !parent.isValid() && first == 0 && !following ? bar->value() : -1;
}

void TrafficView::keepTopRow(const QModelIndex &parent, int first, int last)
{
    // The cap evicts the oldest rows, above what the operator reads: without this the rows on screen would
    // slide up by as many, once per flush.
    if (parent.isValid() || first != 0 || m_topRowBeforeRemoval < 0)
        return;
    m_table->verticalScrollBar()->setValue(std::max(0, m_topRowBeforeRemoval - (last - first + 1)));
    m_topRowBeforeRemoval = -1;
}

void TrafficView::onCurrentChanged(const QModelIndex &current)
{
    // A row evicted by the cap clears the current index; the pane keeps the message it was showing.
    if (!current.isValid())
        return;
    m_selected = current.data(TrafficModel::MessageRole).value<MqttMessage>();
    m_selectedReceived = current.data(TrafficModel::ReceivedRole).toLongLong();
    m_selectedSize = current.data(TrafficModel::PayloadSizeRole).toLongLong();
    showDetails();
}

QStringList TrafficView::azureProperties(const QString &topic)
{
    // Azure IoT Hub messages carry their properties in the topic (devices/{id}/messages/events/{bag} and
    // …/devicebound/{bag}), percent-encoded: decoded here, bounded, so that an engineer reads them as IoT Hub
    // Explorer shows them.
    using Direction = AzurePropertyBag::Direction;
    std::optional<std::pair<QString, QString>> split;
    bool toDevice = false;
    if ((split = AzurePropertyBag::splitTopic(topic, Direction::DeviceToCloud))) {
        toDevice = false;
    } else if ((split = AzurePropertyBag::splitTopic(topic, Direction::CloudToDevice))) {
        toDevice = true;
    } else {
        return {};
    }
    QStringList lines;
    lines << (toDevice ? tr("Azure IoT Hub cloud-to-device message for %1").arg(split->first)
                       : tr("Azure IoT Hub device-to-cloud message from %1").arg(split->first));
    QString why;
    const std::optional<AzurePropertyBag::Decoded> bag = AzurePropertyBag::decode(split->second, &why);
    if (!bag) {
        lines << tr("Its properties cannot be read: %1").arg(why);
        return lines;
    }
    for (const auto &[name, value] : bag->system) {
        const QString label = name == "$.mid"_L1   ? tr("Message id")
                              : name == "$.cid"_L1 ? tr("Correlation id")
                              : name == "$.ct"_L1  ? tr("Content type")
                              : name == "$.ce"_L1  ? tr("Content encoding")
                                                   : name;
        lines << tr("System property: %1 = %2").arg(label, value);
    }
    for (const auto &[name, value] : bag->application)
        lines << tr("Application property: %1 = %2").arg(name, value);
    return lines;
}

void TrafficView::showDetails()
{
    if (!m_selected) {
        m_properties->clear();
        m_payload->clear();
        m_payloadKind->clear();
        return;
    }
    const MqttMessage &message = *m_selected;
    const MqttProperties &p = message.properties();
    const QString yes = tr("yes");
    const QString no = tr("no");
    QStringList lines;
    lines << tr("Topic: %1").arg(message.topic());
    if (m_selectedReceived > 0)
        lines << tr("Received: %1")
                     .arg(QDateTime::fromMSecsSinceEpoch(m_selectedReceived).toString(Qt::ISODateWithMs));
    lines << tr("QoS: %1").arg(message.qos());
    lines << tr("Retained: %1").arg(message.retain() ? yes : no);
    if (message.duplicate())
        lines << tr("Duplicate: %1").arg(yes);
    lines << tr("Size: %L1 bytes").arg(m_selectedSize);
    if (p.payloadFormat)
        lines << tr("Payload format: %1")
                     .arg(*p.payloadFormat == MqttProperties::PayloadFormat::Utf8 ? tr("UTF-8 text")
                                                                                  : tr("unspecified bytes"));
    if (p.contentType)
        lines << tr("Content type: %1").arg(*p.contentType);
    if (p.responseTopic)
        lines << tr("Response topic: %1").arg(*p.responseTopic);
    if (p.correlationData)
        lines << tr("Correlation data: %1").arg(readable(*p.correlationData));
    if (p.messageExpirySeconds)
        lines << tr("Message expiry: %L1 s").arg(*p.messageExpirySeconds);
    for (const auto &[name, value] : p.userProperties)
        lines << tr("User property: %1 = %2").arg(name, value);
    lines << azureProperties(message.topic());
    m_properties->setPlainText(lines.join(u'\n'));

    const QByteArray &payload = message.payload();
    const QByteArray shown = payload.first(std::min(payload.size(), MaxDetailBytes));
    QString kind;
    QString text;
    const std::optional<QString> asText = hexMode() ? std::nullopt : payloadText(shown);
    if (!asText) {
        text = hexDump(shown);
        kind = hexMode() ? tr("Hex") : tr("Binary, shown as hex");
    } else if (const std::optional<QString> json = prettyJson(shown)) {
        text = *json;
        kind = tr("JSON");
    } else {
        text = *asText;
        kind = tr("Text");
    }
    if (shown.size() < m_selectedSize)
        kind += u' ' + tr("(first %L1 of %L2 bytes)").arg(shown.size()).arg(m_selectedSize);
    m_payloadKind->setText(kind);
    m_payload->setPlainText(text);
}

bool TrafficView::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    const int rows = m_proxy->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const auto message = index.data(TrafficModel::MessageRole).value<MqttMessage>();
        const qint64 received = index.data(TrafficModel::ReceivedRole).toLongLong();
        const qint64 size = index.data(TrafficModel::PayloadSizeRole).toLongLong();
        Json line;
        line["time"] =
            QDateTime::fromMSecsSinceEpoch(received, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
        line["topic"] = message.topic().toStdString();
        line["qos"] = message.qos();
        line["retained"] = message.retain();
        line["size"] = size;
        if (const std::optional<QString> text = payloadText(message.payload()))
            line["payload"] = text->toStdString();
        else
            line["payloadBase64"] = message.payload().toBase64().toStdString();
        if (size > message.payload().size())
            line["truncated"] = true;
        const MqttProperties &p = message.properties();
        if (!p.isEmpty()) {
            Json properties = Json::object();
            if (p.payloadFormat)
                properties["payloadFormat"] = int(*p.payloadFormat);
            if (p.messageExpirySeconds)
                properties["messageExpiry"] = *p.messageExpirySeconds;
            if (p.contentType)
                properties["contentType"] = p.contentType->toStdString();
            if (p.responseTopic)
                properties["responseTopic"] = p.responseTopic->toStdString();
            if (p.correlationData)
                properties["correlationDataHex"] = p.correlationData->toHex().toStdString();
            if (!p.userProperties.isEmpty()) {
                Json user = Json::array();
                for (const auto &[name, value] : p.userProperties)
                    user.push_back(Json::array({name.toStdString(), value.toStdString()}));
                properties["userProperties"] = std::move(user);
            }
            line["properties"] = std::move(properties);
        }
        const std::string text = compactJsonString(line) + '\n';
        file.write(text.data(), qint64(text.size()));
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TrafficView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Traffic"), u"traffic.jsonl"_s,
                                                      tr("JSON lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        return;
    // Not QMessageBox::warning(): its text is rich when it looks like it, and error quotes the path.
    QMessageBox box(QMessageBox::Warning, tr("Export Traffic"), error, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace fleet

#include "publishview.h"

#include "commands/approvalqueue.h"
#include "commands/commandexecution.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "common/elided.h"
#include "common/hexbytes.h"
#include "fleet/fleetsession.h"
#include "jsonhighlighter.h"
#include "mqtt/topicfilter.h"
#include "publishhistoryproxymodel.h"
#include "shadow/shadowclient.h"
#include "tonestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using Outcome = PublishHistory::Outcome;
using Format = PublishDraft::Format;

// Payload format indicator choices, in the combo's order.
enum PayloadFormatChoice { NotSet, Unspecified, Utf8 };

bool isUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

PublishView::PublishView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(new PublishHistory(this))
    , m_historyProxy(new PublishHistoryProxyModel(this))
    , m_splitter(new QSplitter(this))
    , m_topic(new QLineEdit(this))
    , m_topicError(new QLabel(this))
    , m_routeNote(new QLabel(this))
    , m_routeProblem(new QLabel(this))
    , m_ignoredNote(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_formatButton(new QPushButton(tr("Format"), this))
    , m_payload(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_payload->document()))
    , m_payloadError(new QLabel(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(tr("Retain"), this))
    , m_properties(new QGroupBox(tr("MQTT 5 properties"), this))
    , m_propertiesNote(new QLabel(this))
    , m_contentType(new QLineEdit(this))
    , m_responseTopic(new QLineEdit(this))
    , m_correlation(new QLineEdit(this))
    , m_expiryEnabled(new QCheckBox(tr("Message expiry"), this))
    , m_expiry(new QSpinBox(this))
    , m_payloadFormatIndicator(new QComboBox(this))
    , m_userProperties(new QTableWidget(0, 2, this))
    , m_addUserProperty(new QPushButton(tr("Add"), this))
    , m_removeUserProperty(new QPushButton(tr("Remove"), this))
    , m_propertyError(new QLabel(this))
    , m_publish(new QPushButton(tr("Publish"), this))
    , m_status(new QLabel(this))
    , m_historyView(new QListView(this))
    , m_favourites(new QComboBox(this))
    , m_favouriteName(new QLineEdit(this))
    , m_saveFavourite(new QPushButton(tr("Save"), this))
    , m_loadFavourite(new QPushButton(tr("Load"), this))
    , m_deleteFavourite(new QPushButton(tr("Delete"), this))
    , m_validateTimer(new QTimer(this))
{
    m_highlighter->setDocument(nullptr); // text until JSON is chosen
    setObjectName(u"publishView"_s);
    m_splitter->setObjectName(u"publishSplitter"_s);
    m_topic->setObjectName(u"publishTopic"_s);
    m_topicError->setObjectName(u"topicError"_s);
    m_routeNote->setObjectName(u"routeNote"_s);
    m_routeProblem->setObjectName(u"routeProblem"_s);
    m_ignoredNote->setObjectName(u"ignoredNote"_s);
    m_format->setObjectName(u"payloadFormat"_s);
    m_formatButton->setObjectName(u"formatPayload"_s);
    m_payload->setObjectName(u"payloadEditor"_s);
    m_payloadError->setObjectName(u"payloadError"_s);
    m_qos->setObjectName(u"qos"_s);
    m_retain->setObjectName(u"retain"_s);
    m_properties->setObjectName(u"mqtt5Properties"_s);
    m_propertiesNote->setObjectName(u"propertiesNote"_s);
    m_contentType->setObjectName(u"contentType"_s);
    m_responseTopic->setObjectName(u"responseTopic"_s);
    m_correlation->setObjectName(u"correlationData"_s);
    m_expiryEnabled->setObjectName(u"messageExpiryEnabled"_s);
    m_expiry->setObjectName(u"messageExpiry"_s);
    m_payloadFormatIndicator->setObjectName(u"payloadFormatIndicator"_s);
    m_userProperties->setObjectName(u"userProperties"_s);
    m_addUserProperty->setObjectName(u"addUserProperty"_s);
    m_removeUserProperty->setObjectName(u"removeUserProperty"_s);
    m_propertyError->setObjectName(u"propertyError"_s);
    m_publish->setObjectName(u"publishButton"_s);
    m_status->setObjectName(u"publishStatus"_s);
    m_historyView->setObjectName(u"publishHistory"_s);
    m_favourites->setObjectName(u"favourites"_s);
    m_favouriteName->setObjectName(u"favouriteName"_s);
    m_saveFavourite->setObjectName(u"saveFavourite"_s);
    m_loadFavourite->setObjectName(u"loadFavourite"_s);
    m_deleteFavourite->setObjectName(u"deleteFavourite"_s);

    // Topics, device ids and errors quote what was typed and what the broker or the gate said: never rich
    // text.
    for (QLabel *label : {m_topicError, m_routeNote, m_routeProblem, m_ignoredNote, m_payloadError,
                          m_propertiesNote, m_propertyError, m_status}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->hide();
    }
    m_status->show();
    for (QLabel *label : {m_topicError, m_routeProblem, m_payloadError, m_propertyError})
        ToneStyle::apply(label, ThemeColors::Role::Failure, ToneStyle::Fill::Text);
    ToneStyle::apply(m_routeNote, ThemeColors::Role::Warning, ToneStyle::Fill::Banner);
    ToneStyle::apply(m_ignoredNote, ThemeColors::Role::Warning, ToneStyle::Fill::Text);
    ToneStyle::apply(m_propertiesNote, ThemeColors::Role::Muted, ToneStyle::Fill::Text);

    m_topic->setPlaceholderText(tr("topic/name, e.g. lab/bench-3/led"));
    m_topic->setClearButtonEnabled(true);

    m_format->addItem(tr("Text"), int(Format::Text));
    m_format->addItem(tr("JSON"), int(Format::Json));
    m_format->addItem(tr("Hex"), int(Format::Hex));
    m_formatButton->setToolTip(tr("Pretty-print the JSON payload"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_payload->setFont(fixed);
    // Wrapping a long single-line payload (minified JSON) costs seconds per edit; scrolling does not.
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_payload->setPlaceholderText(tr("The payload, as text, JSON or hex bytes (\"de ad be ef\")"));

    for (int qos = 0; qos <= 2; ++qos)
        m_qos->addItem(tr("QoS %1").arg(qos), qos);
    // QoS 1 by default: the broker then answers, so a publish its access control refuses says so, where
    // QoS 0 could only say that the message left.
    m_qos->setCurrentIndex(1);

    m_contentType->setPlaceholderText(tr("not set, e.g. application/json"));
    m_responseTopic->setPlaceholderText(tr("not set"));
    m_correlation->setPlaceholderText(tr("not set (sent as the text's UTF-8 bytes)"));
    m_expiry->setRange(0, std::numeric_limits<int>::max());
    m_expiry->setSuffix(tr(" s", "seconds"));
    m_expiry->setEnabled(false);
    m_payloadFormatIndicator->addItem(tr("Not set"), int(NotSet));
    m_payloadFormatIndicator->addItem(tr("0: unspecified bytes"), int(Unspecified));
    m_payloadFormatIndicator->addItem(tr("1: UTF-8 text"), int(Utf8));
    m_userProperties->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_userProperties->horizontalHeader()->setStretchLastSection(true);
    m_userProperties->verticalHeader()->hide();
    m_userProperties->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userProperties->setMinimumHeight(100);
    m_userProperties->setToolTip(tr("Sent in this order; a name may appear more than once."));
    m_addUserProperty->setToolTip(tr("Add a user property"));
    m_removeUserProperty->setToolTip(tr("Remove the selected user properties"));

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyView->setModel(m_historyProxy);
    m_historyProxy->setSourceModel(m_history);
    m_historyView->setUniformItemSizes(true);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setToolTip(tr("Click a message to load it into the form"));
    m_favouriteName->setPlaceholderText(tr("name for the current form"));
    m_favouriteName->setMaxLength(int(PublishHistory::MaxFavouriteNameChars));

    // The form.
    auto *topicBox = new QVBoxLayout;
    topicBox->addWidget(m_topic);
    topicBox->addWidget(m_topicError);

    auto *payloadBar = new QHBoxLayout;
    payloadBar->addWidget(new QLabel(tr("Payload"), this));
    payloadBar->addStretch(1);
    payloadBar->addWidget(m_format);
    payloadBar->addWidget(m_formatButton);

    auto *options = new QHBoxLayout;
    options->addWidget(m_qos);
    options->addWidget(m_retain);
    options->addStretch(1);

    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expiryEnabled);
    expiry->addWidget(m_expiry, 1);
    auto *userButtons = new QHBoxLayout;
    userButtons->addStretch(1);
    userButtons->addWidget(m_addUserProperty);
    userButtons->addWidget(m_removeUserProperty);
    auto *propertiesForm = new QFormLayout;
    propertiesForm->addRow(tr("Content type"), m_contentType);
    propertiesForm->addRow(tr("Response topic"), m_responseTopic);
    propertiesForm->addRow(tr("Correlation data"), m_correlation);
    propertiesForm->addRow(expiry);
    propertiesForm->addRow(tr("Payload format"), m_payloadFormatIndicator);
    auto *propertiesLayout = new QVBoxLayout(m_properties);
    propertiesLayout->addWidget(m_propertiesNote);
    propertiesLayout->addLayout(propertiesForm);
    propertiesLayout->addWidget(new QLabel(tr("User properties"), m_properties));
    propertiesLayout->addWidget(m_userProperties);
    propertiesLayout->addLayout(userButtons);
    propertiesLayout->addWidget(m_propertyError);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_publish);

    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    auto *topicForm = new QFormLayout;
    topicForm->addRow(tr("Topic"), topicBox);
    formLayout->addLayout(topicForm);
    formLayout->addWidget(m_routeNote);
    formLayout->addWidget(m_routeProblem);
    formLayout->addWidget(m_ignoredNote);
    formLayout->addLayout(payloadBar);
    formLayout->addWidget(m_payload, 1);
    formLayout->addWidget(m_payloadError);
    formLayout->addLayout(options);
    formLayout->addWidget(m_properties);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"publishForm"_s);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *history = new QGroupBox(tr("Sent"), this);
    auto *historyLayout = new QVBoxLayout(history);
    historyLayout->addWidget(m_historyView);
    auto *favourites = new QGroupBox(tr("Favourites"), this);
    auto *favouritesLayout = new QGridLayout(favourites);
    favouritesLayout->addWidget(m_favourites, 0, 0);
    favouritesLayout->addWidget(m_loadFavourite, 0, 1);
    favouritesLayout->addWidget(m_deleteFavourite, 0, 2);
    favouritesLayout->addWidget(m_favouriteName, 1, 0);
    favouritesLayout->addWidget(m_saveFavourite, 1, 1, 1, 2);
    favouritesLayout->setColumnStretch(0, 1);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(history, 1);
    sideLayout->addWidget(favourites);

    // The outcome and the Publish button stay in sight below the form, however far it scrolls: at
    // 1280 × 800 the properties push the form's end out of view.
    auto *main = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(scroll, 1);
    mainLayout->addLayout(bottom);

    m_splitter->addWidget(main);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    // A large payload is checked once typing pauses: a JSON parse of megabytes per key would lag.
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(200);
    connect(m_validateTimer, &QTimer::timeout, this, &PublishView::revalidate);

    connect(m_topic, &QLineEdit::textChanged, this, &PublishView::revalidate);
    connect(m_payload, &QPlainTextEdit::textChanged, this, &PublishView::scheduleRevalidate);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PublishView::onFormatChanged);
    connect(m_formatButton, &QPushButton::clicked, this, &PublishView::formatPayload);
    connect(m_qos, &QComboBox::currentIndexChanged, this, &PublishView::revalidate);
    connect(m_retain, &QCheckBox::toggled, this, &PublishView::revalidate);
    for (QLineEdit *edit : {m_contentType, m_responseTopic, m_correlation})
        connect(edit, &QLineEdit::textChanged, this, &PublishView::revalidate);
    connect(m_expiryEnabled, &QCheckBox::toggled, m_expiry, &QSpinBox::setEnabled);
    connect(m_expiryEnabled, &QCheckBox::toggled, this, &PublishView::revalidate);
    connect(m_expiry, &QSpinBox::valueChanged, this, &PublishView::revalidate);
    connect(m_payloadFormatIndicator, &QComboBox::currentIndexChanged, this, &PublishView::revalidate);
    connect(m_userProperties, &QTableWidget::itemChanged, this, &PublishView::revalidate);
    connect(m_addUserProperty, &QPushButton::clicked, this, [this] {
        // The new row's name is current: typing fills it in.
        addUserPropertyRow();
        m_userProperties->setCurrentCell(m_userProperties->rowCount() - 1, 0);
        m_userProperties->setFocus();
    });
    connect(m_removeUserProperty, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_userProperties->selectionModel()->selectedRows())
            rows.append(index.row());
        if (rows.isEmpty() && m_userProperties->currentRow() >= 0)
            rows.append(m_userProperties->currentRow());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (const int row : std::as_const(rows))
            m_userProperties->removeRow(row);
        revalidate();
    });
    connect(m_publish, &QPushButton::clicked, this, &PublishView::publish);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &PublishView::publish);

    connect(m_historyView, &QListView::clicked, this,
            [this](const QModelIndex &index) { loadHistoryEntry(index.row()); });
    connect(m_historyView, &QListView::activated, this,
            [this](const QModelIndex &index) { loadHistoryEntry(index.row()); });
    connect(m_saveFavourite, &QPushButton::clicked, this, [this] {
        const QString name = m_favouriteName->text().trimmed().isEmpty() ? m_favourites->currentText()
                                                                         : m_favouriteName->text();
        if (saveFavourite(name))
            m_favouriteName->clear();
    });
    connect(m_loadFavourite, &QPushButton::clicked, this,
            [this] { loadFavourite(m_favourites->currentText()); });
    connect(m_deleteFavourite, &QPushButton::clicked, this,
            [this] { deleteFavourite(m_favourites->currentText()); });
    connect(m_history, &PublishHistory::favouritesChanged, this, &PublishView::refreshFavourites);

    MqttClient *client = m_session->client();
    connect(client, &MqttClient::stateChanged, this, &PublishView::updateProtocol);
    connect(client, &MqttClient::messageSent, this, &PublishView::onMessageSent);
    connect(client, &MqttClient::publishFailed, this, &PublishView::onPublishFailed);
    connect(m_session, &FleetSession::catalogChanged, this, &PublishView::rebuildTopics);
    connect(m_session->tracker(), &CommandTracker::executionChanged, this, &PublishView::onExecutionChanged);
    connect(m_session->approvals(), &ApprovalQueue::gateAnswered, this, &PublishView::onGateAnswered);
    connect(m_session->approvals(), &ApprovalQueue::requestChanged, this, &PublishView::onApprovalChanged);

    rebuildTopics(); // validates
    refreshFavourites();
    updateProtocol();
    m_status->setText(tr("Nothing published yet."));
}

PublishView::~PublishView() = default;

// ---- the form ----

void PublishView::setTopic(const QString &topic)
{
    m_topic->setText(topic);
}

QString PublishView::topic() const
{
    return m_topic->text();
}

void PublishView::setPayloadFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

Format PublishView::payloadFormat() const
{
    return Format(m_format->currentData().toInt());
}

void PublishView::setPayloadText(const QString &text)
{
    m_payload->setPlainText(text);
    revalidate();
}

QString PublishView::payloadText() const
{
    return m_payload->toPlainText();
}

bool PublishView::isMqtt5() const
{
    return m_session->client()->profile().protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5;
}

bool PublishView::propertiesEnabled() const
{
    return m_properties->isEnabled();
}

void PublishView::updateProtocol()
{
    const bool v5 = isMqtt5();
    m_properties->setEnabled(v5);
    m_propertiesNote->setVisible(!v5);
    m_propertiesNote->setText(v5 ? QString()
                                 : tr("This connection uses MQTT 3.1.1, which has no message properties: "
                                      "they are not sent. Connect "
                                      "with MQTT 5 (the connection's protocol setting) to use them."));
    revalidate();
}

void PublishView::rebuildTopics()
{
    m_topics = std::make_unique<GatedTopics>(m_session->catalog());
    revalidate();
}

void PublishView::addUserPropertyRow(const QString &name, const QString &value)
{
    const QSignalBlocker blocker(m_userProperties);
    const int row = m_userProperties->rowCount();
    m_userProperties->insertRow(row);
    m_userProperties->setItem(row, 0, new QTableWidgetItem(name));
    m_userProperties->setItem(row, 1, new QTableWidgetItem(value));
}

MqttProperties PublishView::formProperties() const
{
    MqttProperties p;
    if (!m_contentType->text().isEmpty())
        p.contentType = m_contentType->text();
    if (!m_responseTopic->text().isEmpty())
        p.responseTopic = m_responseTopic->text();
    if (!m_correlation->text().isEmpty())
        p.correlationData = m_correlation->text().toUtf8();
    if (m_expiryEnabled->isChecked())
        p.messageExpirySeconds = quint32(m_expiry->value());
    switch (m_payloadFormatIndicator->currentData().toInt()) {
    case Unspecified:
        p.payloadFormat = MqttProperties::PayloadFormat::Unspecified;
        break;
    case Utf8:
        p.payloadFormat = MqttProperties::PayloadFormat::Utf8;
        break;
    default:
        break;
    }
    // In the table's order, duplicates kept (MQTT 5 section 3.3.2.3.7); a row left wholly empty is no
    // property.
    for (int row = 0; row < m_userProperties->rowCount(); ++row) {
        const QTableWidgetItem *name = m_userProperties->item(row, 0);
        const QTableWidgetItem *value = m_userProperties->item(row, 1);
        const QString n = name ? name->text() : QString();
        const QString v = value ? value->text() : QString();
        if (!n.isEmpty() || !v.isEmpty())
            p.userProperties.append({n, v});
    }
    return p;
}

void PublishView::setProperties(const MqttProperties &p)
{
    m_contentType->setText(p.contentType.value_or(QString()));
    m_responseTopic->setText(p.responseTopic.value_or(QString()));
    m_correlation->setText(QString::fromUtf8(p.correlationData.value_or(QByteArray())));
    m_expiryEnabled->setChecked(p.messageExpirySeconds.has_value());
    m_expiry->setValue(
        int(std::min<quint32>(p.messageExpirySeconds.value_or(0), quint32(std::numeric_limits<int>::max()))));
    const int choice = !p.payloadFormat                                          ? NotSet
                       : *p.payloadFormat == MqttProperties::PayloadFormat::Utf8 ? Utf8
                                                                                 : Unspecified;
    m_payloadFormatIndicator->setCurrentIndex(m_payloadFormatIndicator->findData(choice));
    m_userProperties->setRowCount(0);
    for (const auto &[name, value] : p.userProperties)
        addUserPropertyRow(name, value);
}

PublishView::Check PublishView::check() const
{
    Check c;
    PublishDraft draft;
    draft.topic = m_topic->text();
    if (draft.topic.isEmpty())
        c.topicProblem = tr("Type the topic to publish on.");
    else if (draft.topic.contains(u'+') || draft.topic.contains(u'#'))
        c.topicProblem = tr("A topic name cannot contain the wildcards + or #: they are for subscriptions.");
    else if (!TopicFilter::isValidTopicName(draft.topic))
        c.topicProblem = tr("Not a valid topic name (at most 65,535 bytes of UTF-8, no NUL character).");

    draft.format = payloadFormat();
    std::variant<QByteArray, PublishDraft::PayloadError> payload =
        PublishDraft::encode(m_payload->toPlainText(), draft.format);
    if (const auto *error = std::get_if<PublishDraft::PayloadError>(&payload)) {
        c.payloadProblem = error->message;
        c.payloadErrorPosition = error->position;
    } else {
        draft.payload = std::get<QByteArray>(std::move(payload));
    }
    draft.qos = m_qos->currentData().toInt();
    draft.retain = m_retain->isChecked();
    draft.properties = formProperties();
    if (m_properties->isEnabled()) {
        if (draft.properties.responseTopic && !TopicFilter::isValidTopicName(*draft.properties.responseTopic))
            c.propertyProblem = tr("The response topic must be a topic name, without the wildcards + or #.");
        else if (draft.properties.payloadFormat == MqttProperties::PayloadFormat::Utf8 &&
                 c.payloadProblem.isEmpty() && !isUtf8(draft.payload))
            c.propertyProblem =
                tr("The payload format says UTF-8 text, but the payload is not valid UTF-8: choose \"0: "
                   "unspecified bytes\" or leave it unset.");
    }
    if (c.topicProblem.isEmpty() && c.payloadProblem.isEmpty() && c.propertyProblem.isEmpty())
        c.draft = std::move(draft);
    return c;
}

std::optional<PublishDraft> PublishView::draft(QString *error) const
{
    Check c = check();
    if (error) {
        *error = !c.topicProblem.isEmpty()     ? c.topicProblem
                 : !c.payloadProblem.isEmpty() ? c.payloadProblem
                                               : c.propertyProblem;
    }
    return c.draft;
}

PublishRoute PublishView::route() const
{
    return routeFor(check());
}

PublishRoute PublishView::routeFor(const Check &c) const
{
    PublishDraft d;
    if (c.draft) {
        d = *c.draft;
    } else {
        // The route is about the topic first: say it even while the payload is still being typed.
        d.topic = m_topic->text();
        d.payload = m_payload->toPlainText().toUtf8();
        d.qos = m_qos->currentData().toInt();
        d.retain = m_retain->isChecked();
        d.properties = formProperties();
    }
    if (!m_properties->isEnabled())
        d.properties = {};
    return PublishRoute::plan(*m_topics, d, m_session->actions());
}

void PublishView::scheduleRevalidate()
{
    if (m_payload->document()->characterCount() <= ImmediateCheckChars)
        revalidate();
    else
        m_validateTimer->start();
}

void PublishView::revalidate()
{
    m_validateTimer->stop();
    const Check c = check();
    const auto show = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    show(m_topicError, c.topicProblem);
    show(m_payloadError, c.payloadProblem);
    show(m_propertyError, c.propertyProblem);

    // Where a JSON or hex error is, underlined in the editor.
    QList<QTextEdit::ExtraSelection> marks;
    if (c.payloadErrorPosition >= 0 && !c.payloadProblem.isEmpty()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_payload->document());
        mark.cursor.setPosition(
            std::min(c.payloadErrorPosition, m_payload->document()->characterCount() - 1));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(ThemeColors::forPalette(palette()).color(ThemeColors::Role::Failure));
        marks.append(mark);
    }
    m_payload->setExtraSelections(marks);

    const PublishRoute r = c.topicProblem.isEmpty() ? routeFor(c) : PublishRoute();
    show(m_routeNote, r.explanation);
    show(m_routeProblem, r.problem);
    show(m_ignoredNote, r.explanation.isEmpty() ? QString() : r.ignored.join(u'\n'));
    // Named by where the topic leads, even while the payload is not ready yet.
    if (r.match.kind == GatedTopics::Kind::CommandRequest)
        m_publish->setText(tr("Send as command"));
    else if (r.match.kind == GatedTopics::Kind::ShadowRequest && r.match.shadow &&
             r.match.shadow->operation() == ShadowTopic::Operation::Update)
        m_publish->setText(tr("Send desired change"));
    else
        m_publish->setText(tr("Publish"));
    m_formatButton->setEnabled(payloadFormat() == Format::Json);

    m_validation = !c.topicProblem.isEmpty()      ? c.topicProblem
                   : !c.payloadProblem.isEmpty()  ? c.payloadProblem
                   : !c.propertyProblem.isEmpty() ? c.propertyProblem
                                                  : r.problem;
    m_canPublish = m_validation.isEmpty();
    m_publish->setEnabled(m_canPublish);
}

QString PublishView::validationError() const
{
    // A check still waiting for a pause in typing (a large payload) is made now: the answer is about the
    // text shown.
    if (m_validateTimer->isActive())
        const_cast<PublishView *>(this)->revalidate();
    return m_validation;
}

bool PublishView::canPublish() const
{
    return validationError().isEmpty();
}

void PublishView::onFormatChanged(int)
{
    const Format from = m_shownFormat;
    const Format to = payloadFormat();
    m_shownFormat = to;
    m_highlighter->setDocument(to == Format::Json ? m_payload->document() : nullptr);
    const QString text = m_payload->toPlainText();
    if ((from == Format::Hex) != (to == Format::Hex) && !text.isEmpty()) {
        // The same bytes, shown the other way; text that does not read in its old format stays as typed.
        std::variant<QByteArray, PublishDraft::PayloadError> bytes =
            PublishDraft::encode(text, from == Format::Json ? Format::Text : from);
        if (const auto *b = std::get_if<QByteArray>(&bytes)) {
            if (to == Format::Hex) {
                m_payload->setPlainText(HexBytes::format(*b));
            } else if (isUtf8(*b)) {
                m_payload->setPlainText(QString::fromUtf8(*b));
            } else {
                // Bytes that are not text stay hex: shown as text they would be changed.
                const QSignalBlocker blocker(m_format);
                m_format->setCurrentIndex(m_format->findData(int(Format::Hex)));
                m_shownFormat = Format::Hex;
                m_highlighter->setDocument(nullptr);
                setStatus(tr("These bytes are not UTF-8 text: they stay in hex."));
            }
        }
    }
    revalidate();
}

bool PublishView::formatPayload()
{
    PublishDraft::PayloadError error;
    const std::optional<QString> pretty = PublishDraft::prettyJson(m_payload->toPlainText(), &error);
    if (!pretty) {
        revalidate();
        m_payloadError->setText(error.message);
        m_payloadError->show();
        return false;
    }
    m_payload->setPlainText(*pretty);
    revalidate();
    return true;
}

void PublishView::loadDraft(const PublishDraft &d)
{
    m_topic->setText(d.topic);
    {
        // The text is replaced below: no conversion of the text shown now.
        const QSignalBlocker blocker(m_format);
        m_format->setCurrentIndex(m_format->findData(int(d.format)));
    }
    m_shownFormat = d.format;
    m_highlighter->setDocument(d.format == Format::Json ? m_payload->document() : nullptr);
    m_payload->setPlainText(PublishDraft::decode(d.payload, d.format));
    m_qos->setCurrentIndex(m_qos->findData(d.qos));
    m_retain->setChecked(d.retain);
    setProperties(d.properties);
    revalidate();
}

void PublishView::loadMessage(const MqttMessage &message)
{
    PublishDraft d;
    d.topic = message.topic();
    d.payload = message.payload();
    d.format = isUtf8(d.payload) ? Format::Text : Format::Hex;
    d.qos = message.qos();
    d.retain = message.retain();
    d.properties = message.properties();
    loadDraft(d);
}

// ---- history and favourites ----

bool PublishView::loadHistoryEntry(int row)
{
    const PublishHistory::Entry *e = m_history->entry(row);
    if (!e)
        return false;
    loadDraft(e->draft);
    setStatus(e->draft.payloadTruncated
                  ? tr("Loaded from the history; its payload was cut to %1 KiB there, so it is not the whole "
                       "message that was sent.")
                        .arg(PublishHistory::MaxPayloadBytes / 1024)
                  : tr("Loaded from the history."));
    return true;
}

void PublishView::refreshFavourites()
{
    const QString current = m_favourites->currentText();
    const QSignalBlocker blocker(m_favourites);
    m_favourites->clear();
    m_favourites->addItems(m_history->favouriteNames());
    const int index = m_favourites->findText(current);
    if (index >= 0)
        m_favourites->setCurrentIndex(index);
    m_loadFavourite->setEnabled(m_favourites->count() > 0);
    m_deleteFavourite->setEnabled(m_favourites->count() > 0);
}

bool PublishView::saveFavourite(const QString &name)
{
    QString error;
    const std::optional<PublishDraft> d = draft(&error);
    if (!d) {
        setStatus(tr("Not saved: %1").arg(error));
        return false;
    }
    PublishDraft kept = *d;
    if (!m_properties->isEnabled())
        kept.properties = {};
    if (!m_history->saveFavourite(name, kept, &error)) {
        setStatus(tr("Not saved: %1").arg(error));
        return false;
    }
    m_favourites->setCurrentIndex(m_favourites->findText(name.trimmed()));
    setStatus(tr("Saved as favourite \"%1\".").arg(name.trimmed()));
    return true;
}

bool PublishView::loadFavourite(const QString &name)
{
    const std::optional<PublishDraft> d = m_history->favourite(name);
    if (!d) {
        setStatus(tr("There is no favourite \"%1\".").arg(elided(name, 100)));
        return false;
    }
    loadDraft(*d);
    setStatus(tr("Loaded favourite \"%1\".").arg(name));
    return true;
}

bool PublishView::deleteFavourite(const QString &name)
{
    if (!m_history->removeFavourite(name)) {
        setStatus(tr("There is no favourite \"%1\".").arg(elided(name, 100)));
        return false;
    }
    setStatus(tr("Deleted favourite \"%1\".").arg(name));
    return true;
}

// ---- publishing ----

bool PublishView::publish()
{
    revalidate();
    if (!m_canPublish) {
        setStatus(tr("Not sent: %1").arg(m_validation));
        return false;
    }
    const Check c = check();
    PublishDraft d = *c.draft;
    if (!m_properties->isEnabled())
        d.properties = {}; // MQTT 3.1.1: not part of what is sent
    const PublishRoute r = routeFor(c);
    if (r.isGated()) {
        // The history keeps what went out: the gated paths send at QoS 1, never retained, with properties
        // of their own (the form said so before sending).
        d.qos = 1;
        d.retain = false;
        d.properties = {};
    }
    switch (r.path) {
    case PublishRoute::Path::Direct:
        return publishDirect(d);
    case PublishRoute::Path::Command:
        return sendCommand(d, r);
    case PublishRoute::Path::Desired:
        return sendDesired(d, r);
    case PublishRoute::Path::Refused:
        break;
    }
    setStatus(tr("Not sent: %1").arg(r.problem));
    return false;
}

bool PublishView::publishDirect(const PublishDraft &d)
{
    if (!m_session->actions()->confirm(tr("a message to %1").arg(d.topic))) {
        setStatus(OperatorActions::notConfirmedError());
        return false;
    }
    MqttClient *client = m_session->client();
    m_sentDuringCall.clear();
    m_failedDuringCall.clear();
    m_inPublishCall = true;
    const int id = client->publish(d.message(isMqtt5()));
    m_inPublishCall = false;
    const quint64 key = m_history->record(d, PublishHistory::Route::Direct);
    m_lastKey = key;
    if (id < 0) {
        settle(key, Outcome::Refused, tr("Not sent: %1").arg(client->errorString()));
        return false;
    }
    if (const auto failed = m_failedDuringCall.constFind(id); failed != m_failedDuringCall.cend()) {
        settle(key, Outcome::Refused, tr("Refused by the broker: %1").arg(*failed));
        return true;
    }
    m_directIds.insert(id, key);
    m_directOrder.append(id);
    while (m_directOrder.size() > MaxFollowed)
        m_directIds.remove(m_directOrder.takeFirst());
    if (m_sentDuringCall.contains(id)) {
        onMessageSent(id);
    } else {
        const QString text = d.qos == 0 ? tr("Handing the message to the network…")
                                        : tr("Waiting for the broker to acknowledge it (QoS %1)…").arg(d.qos);
        settle(key, Outcome::Pending, text);
    }
    return true;
}

void PublishView::onMessageSent(int messageId)
{
    if (m_inPublishCall) {
        m_sentDuringCall.append(messageId);
        return;
    }
    const std::optional<quint64> key = takeDirect(messageId);
    if (!key)
        return;
    const PublishHistory::Entry *e = m_history->entry(m_history->rowOf(*key));
    const int qos = e ? e->draft.qos : 0;
    QString text = qos == 0 ? tr("Sent (QoS 0: it left this client; the broker does not acknowledge QoS 0).")
                            : tr("Sent: the broker acknowledged it (QoS %1).").arg(qos);
    if (qos > 0 && !isMqtt5())
        text +=
            QLatin1Char(' ') + tr("MQTT 3.1.1 has no way for a broker to refuse a message: one its access "
                                  "control denies is acknowledged and dropped.");
    settle(*key, Outcome::Sent, text);
}

void PublishView::onPublishFailed(int messageId, MqttClient::Error, const QString &message)
{
    if (m_inPublishCall) {
        m_failedDuringCall.insert(messageId, message);
        return;
    }
    if (const std::optional<quint64> key = takeDirect(messageId))
        settle(*key, Outcome::Refused, tr("Refused by the broker: %1").arg(message));
}

std::optional<quint64> PublishView::takeDirect(int messageId)
{
    const auto it = m_directIds.find(messageId);
    if (it == m_directIds.end())
        return std::nullopt;
    const quint64 key = it.value();
    m_directIds.erase(it);
    m_directOrder.removeOne(messageId);
    return key;
}

bool PublishView::sendCommand(const PublishDraft &d, const PublishRoute &r)
{
    const QString device = r.command.devices.value(0);
    const quint64 key = m_history->record(d, PublishHistory::Route::Command);
    m_lastKey = key;
    settle(key, Outcome::Pending,
           tr("Sending a free-form command to %1 through the command path…").arg(elided(device, 64)));
    m_session->actions()->sendCommand(
        r.command, this,
        [this, key, device](const OperatorActions::Outcome &o) { onCommandSent(key, device, o); });
    const PublishHistory::Entry *e = m_history->entry(m_history->rowOf(key));
    return !e || e->outcome != Outcome::Refused;
}

void PublishView::onCommandSent(quint64 key, const QString &device, const OperatorActions::Outcome &o)
{
    const QString who = elided(device, 64);
    if (!o.ok)
        return settle(key, Outcome::Refused, tr("Not sent: %1").arg(o.error));
    // The gate may have answered "held" before this callback came (the tracker then already awaits the
    // approval): that answer reached no followed command, so the state decides here.
    const std::optional<CommandExecution> e = m_session->tracker()->execution(o.id);
    const bool held = o.awaitingApproval || (e && e->state == CommandExecution::State::AwaitingApproval);
    Followed followed{key, device, held};
    m_commands.insert(o.id, followed);
    m_commandOrder.append(o.id);
    while (m_commandOrder.size() > MaxFollowed)
        m_commands.remove(m_commandOrder.takeFirst());
    if (held)
        return settle(key, Outcome::Held,
                      tr("Free-form command to %1 is waiting for approval (%2).").arg(who, o.id));
    if (e && e->state == CommandExecution::State::Queued)
        return settle(key, Outcome::Pending,
                      tr("Free-form command to %1 is queued, not sent (%2): %3").arg(who, o.id, e->reason));
    // With the gate, the command is in its hands now: it sends it, or holds it for an approval and says so
    // (onGateAnswered).
    const bool gate = m_session->approvals()->gateEnforced();
    settle(
        key, Outcome::Sent,
        gate ? tr("Free-form command to %1 handed to the command gate (%2): it sends it, or holds it for an "
                  "approval.")
                   .arg(who, o.id)
             : tr("Free-form command sent to %1 (%2).").arg(who, o.id));
}

void PublishView::onExecutionChanged(const QString &id)
{
    const auto it = m_commands.find(id);
    if (it == m_commands.end())
        return;
    const std::optional<CommandExecution> e = m_session->tracker()->execution(id);
    if (!e)
        return;
    using State = CommandExecution::State;
    const QString who = elided(it->device, 64);
    const QString state = CommandExecution::stateText(e->state);
    const QString detail = e->reason.isEmpty() ? state : tr("%1, %2", "state, detail").arg(state, e->reason);
    const QString text =
        tr("Free-form command to %1: %2 (%3).", "command to device: state (id)").arg(who, detail, id);
    // While the gate holds it, this console's tracker still counts it as sent (a free-form payload is not
    // known to be sensitive until the gate says so) and may time it out: the approval decides, not that.
    // What the device answers, or a refusal, counts whatever the tracker thought.
    switch (e->state) {
    case State::AwaitingApproval:
        it->held = true;
        return settle(it->key, Outcome::Held,
                      tr("Free-form command to %1 is waiting for approval (%2).").arg(who, id));
    case State::Queued:
        if (it->held)
            return;
        return settle(it->key, Outcome::Pending,
                      tr("Free-form command to %1 is queued, not sent (%2): %3").arg(who, id, e->reason));
    case State::Approved:
    case State::Sent:
        if (it->held)
            return;
        return settle(
            it->key, Outcome::Sent,
            m_session->approvals()->gateEnforced()
                ? tr("Free-form command to %1 handed to the command gate (%2): it sends it, or holds "
                     "it for an approval.")
                      .arg(who, id)
                : text);
    case State::TimedOut:
    case State::Unreachable:
        if (it->held)
            return;
        return settle(it->key, Outcome::Sent, text);
    case State::Running:
    case State::Succeeded:
        it->held = false;
        return settle(it->key, Outcome::Sent, text);
    case State::Rejected:
    case State::Failed:
    case State::Cancelled:
        return settle(it->key, Outcome::Refused, text);
    }
}

void PublishView::onGateAnswered(const QString &id, const QString &outcome, const QString &reason)
{
    const auto it = m_commands.find(id);
    if (it == m_commands.end())
        return;
    const QString who = elided(it->device, 64);
    const QString why = elided(reason, 500);
    if (outcome == "held"_L1) {
        it->held = true;
        settle(
            it->key, Outcome::Held,
            tr("Held for approval by the command gate: free-form command to %1 (%2). %3").arg(who, id, why));
    } else if (outcome == "refused"_L1) {
        settle(it->key, Outcome::Refused,
               tr("Refused by the command gate: free-form command to %1 (%2). %3").arg(who, id, why));
    }
}

void PublishView::onApprovalChanged(const QString &key)
{
    // With the gate the queue's key is requester/id; without one, the execution's id.
    const QString id = key.section(u'/', -1);
    const auto it = m_commands.find(id);
    if (it == m_commands.end())
        return;
    const std::optional<ApprovalRequest> r = m_session->approvals()->request(key);
    if (!r || (r->requester != m_session->approvals()->identity() && key.contains(u'/')))
        return;
    const QString who = elided(it->device, 64);
    const QString why = elided(r->reason, 500);
    switch (r->state) {
    case ApprovalRequest::State::Pending:
        it->held = true;
        return settle(it->key, Outcome::Held,
                      tr("Free-form command to %1 is waiting for approval (%2).").arg(who, id));
    case ApprovalRequest::State::Approved:
        it->held = false;
        return settle(
            it->key, Outcome::Sent,
            r->sentMs > 0
                ? tr("Free-form command to %1 approved by %2 and sent by the gate (%3).")
                      .arg(who, elided(r->decidedBy, 64), id)
                : tr("Free-form command to %1 approved by %2 (%3).").arg(who, elided(r->decidedBy, 64), id));
    case ApprovalRequest::State::Rejected:
        return settle(it->key, Outcome::Refused,
                      tr("Free-form command to %1 rejected by %2 (%3): %4")
                          .arg(who, elided(r->decidedBy, 64), id, why));
    case ApprovalRequest::State::Expired:
        return settle(it->key, Outcome::Refused,
                      tr("Free-form command to %1: nobody approved it in time (%2).").arg(who, id));
    case ApprovalRequest::State::Withdrawn:
        return settle(it->key, Outcome::Refused,
                      tr("Free-form command to %1 was withdrawn (%2): %3").arg(who, id, why));
    }
}

bool PublishView::sendDesired(const PublishDraft &d, const PublishRoute &r)
{
    const quint64 key = m_history->record(d, PublishHistory::Route::Desired);
    m_lastKey = key;
    const QString which =
        r.desired.shadowName.isEmpty()
            ? tr("%1's shadow").arg(elided(r.desired.device, 64))
            : tr("%1's shadow \"%2\"").arg(elided(r.desired.device, 64), elided(r.desired.shadowName, 64));
    settle(key, Outcome::Pending,
           tr("Sending the desired change of %1 through the command gate…").arg(which));
    m_session->actions()->updateDesired(
        r.desired, this, [this, key, which](const OperatorActions::Outcome &o) {
            if (o.ok) {
                QString text =
                    tr("Desired change of %1 applied at version %2.").arg(which).arg(o.version.value_or(-1));
                if (!o.note.isEmpty())
                    text += QLatin1Char(' ') + o.note;
                return settle(key, Outcome::Sent, text);
            }
            if (!o.serviceError && o.errorCode == ShadowClient::HeldForApproval)
                return settle(key, Outcome::Held,
                              tr("Desired change of %1: %2").arg(which, elided(o.error, 500)));
            settle(key, Outcome::Refused,
                   o.errorCode != 0
                       ? tr("Desired change of %1 refused (%2): %3").arg(which).arg(o.errorCode).arg(o.error)
                       : tr("Desired change of %1 not sent: %2").arg(which, o.error));
        });
    const PublishHistory::Entry *e = m_history->entry(m_history->rowOf(key));
    return !e || e->outcome != Outcome::Refused;
}

void PublishView::settle(quint64 key, Outcome outcome, const QString &text)
{
    m_history->setOutcome(key, outcome, text);
    if (key == m_lastKey)
        setStatus(text);
    Q_EMIT outcomeChanged(key, outcome, text);
}

void PublishView::setStatus(const QString &text)
{
    m_status->setText(text);
    Q_EMIT statusChanged(text);
}

QString PublishView::statusText() const
{
    return m_status->text();
}

void PublishView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // In a narrow dock the history goes under the form; beside it when there is room (a tab).
    const Qt::Orientation wanted = width() < SideBySideWidth ? Qt::Vertical : Qt::Horizontal;
    if (m_splitter->orientation() != wanted)
        m_splitter->setOrientation(wanted);
}

} // namespace fleet

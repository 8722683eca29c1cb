#include "commandcomposer.h"

#include "commands/approvalqueue.h"
#include "commands/commandtracker.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "shadow/shadowclient.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fleet {

namespace {

// Stands for the tid in the preview: the real one is made when the command is sent.
const QString PlaceholderTid = QStringLiteral("<tid>");
const QString PlaceholderDevice = QStringLiteral("<device>");
// A shadow read before a command must not keep the operator waiting long: without it the command still goes,
// only without a rollback entry.
constexpr int CaptureTimeoutMs = 3000;
constexpr qsizetype MaxPreviewChars = 4096;

} // namespace

CommandComposer::CommandComposer(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_commands(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_sensitive(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_form(new ParameterForm(this))
    , m_raw(new QPlainTextEdit(this))
    , m_selectionMode(new QRadioButton(tr("Selected devices"), this))
    , m_groupMode(new QRadioButton(tr("Group"), this))
    , m_typedMode(new QRadioButton(tr("Devices"), this))
    , m_selectionLabel(new QLabel(this))
    , m_group(new QComboBox(this))
    , m_typed(new QLineEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("commandComposer"));
    m_commands->setObjectName(QStringLiteral("commandCombo"));
    m_sensitive->setObjectName(QStringLiteral("sensitiveLabel"));
    m_raw->setObjectName(QStringLiteral("rawPayload"));
    m_group->setObjectName(QStringLiteral("groupCombo"));
    m_typed->setObjectName(QStringLiteral("typedDevices"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_error->setObjectName(QStringLiteral("validationError"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_status->setObjectName(QStringLiteral("sendStatus"));

    // Commands the operator should use first; deprecated ones after them, marked, still usable (an old device
    // may know nothing else); a free-form payload last, for what the catalog does not describe.
    QList<const CommandSpec *> deprecated;
    for (const CommandSpec &spec : m_session->catalog().commands()) {
        if (spec.deprecated)
            deprecated.append(&spec);
        else
            m_commands->addItem(spec.name, spec.name);
    }
    for (const CommandSpec *spec : std::as_const(deprecated)) {
        const QString text = spec->replacement.isEmpty()
                                 ? tr("%1 (deprecated)").arg(spec->name)
                                 : tr("%1 (deprecated, use %2)").arg(spec->name, spec->replacement);
        m_commands->addItem(text, spec->name);
    }
    m_commands->addItem(tr("Free-form payload"), QString());
    m_description->setWordWrap(true);
    m_sensitive->setText(
        tr("Sensitive: this command goes to approval. Another person must approve it before it is sent."));
    m_sensitive->setWordWrap(true);
    m_sensitive->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_raw->setFont(fixed);
    // Wrapping a long single-line payload (minified JSON) costs seconds per edit; scrolling does not.
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setPlaceholderText(tr("The exact payload to publish, e.g. a JSON request or plain text"));
    m_stack->addWidget(m_form);
    m_stack->addWidget(m_raw);

    m_selectionLabel->setWordWrap(true);
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->lineEdit()->setPlaceholderText(tr("group name"));
    m_typed->setPlaceholderText(tr("device ids, separated by commas or spaces"));
    m_selectionMode->setChecked(true);

    m_preview->setReadOnly(true);
    m_preview->setFont(fixed);
    m_preview->setMaximumHeight(160);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->setWordWrap(true);

    auto *top = new QFormLayout;
    top->addRow(tr("Command"), m_commands);
    top->addRow(m_description);
    top->addRow(m_sensitive);

    auto *parameters = new QGroupBox(tr("Parameters"), this);
    auto *parametersLayout = new QVBoxLayout(parameters);
    parametersLayout->addWidget(m_stack);

    auto *targets = new QGroupBox(tr("Targets"), this);
    auto *targetsLayout = new QGridLayout(targets);
    targetsLayout->addWidget(m_selectionMode, 0, 0);
    targetsLayout->addWidget(m_selectionLabel, 0, 1);
    targetsLayout->addWidget(m_groupMode, 1, 0);
    targetsLayout->addWidget(m_group, 1, 1);
    targetsLayout->addWidget(m_typedMode, 2, 0);
    targetsLayout->addWidget(m_typed, 2, 1);
    targetsLayout->setColumnStretch(1, 1);

    auto *preview = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->addWidget(m_preview);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(parameters, 1);
    layout->addWidget(targets);
    layout->addWidget(preview);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    connect(m_commands, &QComboBox::currentIndexChanged, this, &CommandComposer::onCommandChanged);
    connect(m_form, &ParameterForm::valuesChanged, this, &CommandComposer::updatePreview);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &CommandComposer::updatePreview);
    connect(m_group, &QComboBox::currentTextChanged, this, &CommandComposer::updatePreview);
    connect(m_typed, &QLineEdit::textChanged, this, &CommandComposer::updatePreview);
    for (QRadioButton *mode : {m_selectionMode, m_groupMode, m_typedMode})
        connect(mode, &QRadioButton::toggled, this, &CommandComposer::updatePreview);
    // Typing in a target field means that target.
    connect(m_typed, &QLineEdit::textEdited, m_typedMode, [this] { m_typedMode->setChecked(true); });
    connect(m_group->lineEdit(), &QLineEdit::textEdited, m_groupMode,
            [this] { m_groupMode->setChecked(true); });
    connect(m_group, &QComboBox::activated, m_groupMode, [this] { m_groupMode->setChecked(true); });
    connect(m_send, &QPushButton::clicked, this, &CommandComposer::send);
    // New devices may bring new groups; changes of existing ones rarely do, and listing groups is not free.
    connect(m_session->registry(), &FleetRegistry::devicesAdded, this, &CommandComposer::refreshGroups);
    // Whether approvals work (so whether a sensitive command can be sent) is known once connected.
    connect(m_session->client(), &MqttClient::connected, this, &CommandComposer::updatePreview);
    connect(m_session->shadows(), &ShadowClient::requestFinished, this,
            [this](const QString &token, const ShadowClient::Result &result) {
                if (!m_pending || token != m_pendingToken)
                    return;
                const Request request = *std::exchange(m_pending, std::nullopt);
                m_pendingToken.clear();
                if (result.ok) {
                    const Json state = result.body.value("state", Json::object());
                    sendNow(request, state.is_object() ? state.value("reported", Json()) : Json(), {});
                } else {
                    sendNow(request, Json(), result.error.message);
                }
            });

    refreshGroups();
    setTargets({});
    onCommandChanged();
}

CommandComposer::~CommandComposer() = default;

void CommandComposer::setTargets(const QStringList &devices)
{
    m_selection = devices;
    if (devices.isEmpty())
        m_selectionLabel->setText(tr("none: select devices in the device list"));
    else if (devices.size() <= 5)
        m_selectionLabel->setText(devices.join(QStringLiteral(", ")));
    else
        m_selectionLabel->setText(tr("%n device(s): %1, …", nullptr, int(devices.size()))
                                      .arg(devices.mid(0, 5).join(QStringLiteral(", "))));
    if (!devices.isEmpty())
        m_selectionMode->setChecked(true);
    updatePreview();
}

QStringList CommandComposer::targets() const
{
    QString error;
    return currentTarget(&error).devices;
}

CommandComposer::TargetMode CommandComposer::targetMode() const
{
    if (m_groupMode->isChecked())
        return TargetMode::Group;
    if (m_typedMode->isChecked())
        return TargetMode::Typed;
    return TargetMode::Selection;
}

void CommandComposer::setTargetMode(TargetMode mode)
{
    switch (mode) {
    case TargetMode::Selection:
        m_selectionMode->setChecked(true);
        break;
    case TargetMode::Group:
        m_groupMode->setChecked(true);
        break;
    case TargetMode::Typed:
        m_typedMode->setChecked(true);
        break;
    }
}

void CommandComposer::setGroup(const QString &group)
{
    m_group->setCurrentText(group);
    m_groupMode->setChecked(true);
}

void CommandComposer::setTypedDevices(const QString &text)
{
    m_typed->setText(text);
    m_typedMode->setChecked(true);
}

bool CommandComposer::setCommand(const QString &name)
{
    const int index = m_commands->findData(name);
    if (index < 0)
        return false;
    m_commands->setCurrentIndex(index);
    return true;
}

QString CommandComposer::command() const
{
    return m_commands->currentData().toString();
}

void CommandComposer::setRawPayload(const QString &payload)
{
    setCommand(QString());
    m_raw->setPlainText(payload);
}

const CommandSpec *CommandComposer::currentSpec() const
{
    const QString name = command();
    return name.isEmpty() ? nullptr : m_session->catalog().find(name);
}

CommandComposer::Target CommandComposer::currentTarget(QString *error) const
{
    Target target;
    if (m_groupMode->isChecked()) {
        target.group = m_group->currentText().trimmed();
        if (target.group.isEmpty())
            *error = tr("Choose a group, or type its name.");
        else if (!AtlasDialect::isValidId(target.group))
            *error = tr("\"%1\" cannot be a group id: it must not hold '/', '+' or '#'.").arg(target.group);
        return target;
    }
    if (m_typedMode->isChecked()) {
        static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
        target.devices = m_typed->text().split(separators, Qt::SkipEmptyParts);
        target.devices.removeDuplicates();
        if (target.devices.isEmpty())
            *error = tr("Type the ids of the devices to send to.");
    } else {
        target.devices = m_selection;
        if (target.devices.isEmpty())
            *error = tr("No device is selected: select devices in the device list, or choose a group or type "
                        "device ids.");
    }
    for (const QString &device : std::as_const(target.devices)) {
        if (!AtlasDialect::isValidId(device)) {
            *error = tr("\"%1\" cannot be a device id: it must not hold '/', '+' or '#'.").arg(device);
            break;
        }
    }
    return target;
}

void CommandComposer::onCommandChanged()
{
    // The values typed for the command being left are kept for when the operator comes back to it.
    if (!m_shownCommand.isEmpty())
        m_drafts.insert(m_shownCommand, m_form->values());
    const CommandSpec *spec = currentSpec();
    m_shownCommand = spec ? spec->name : QString();
    if (spec) {
        m_form->setParameters(spec->parameters);
        if (const auto draft = m_drafts.constFind(spec->name); draft != m_drafts.cend())
            m_form->setValues(*draft);
        QString description = spec->description;
        if (spec->deprecated)
            description = spec->replacement.isEmpty()
                              ? tr("Deprecated. %1").arg(description)
                              : tr("Deprecated: use %1 instead. %2").arg(spec->replacement, description);
        m_description->setText(description);
        m_stack->setCurrentWidget(m_form);
    } else {
        m_description->setText(
            tr("A payload published verbatim on one device's request topic, tracked like any "
               "command (a plain-text reply settles it)."));
        m_stack->setCurrentWidget(m_raw);
    }
    const bool sensitive = spec && spec->sensitive;
    m_sensitive->setVisible(sensitive);
    m_send->setText(sensitive ? tr("Send for approval") : tr("Send"));
    m_send->setToolTip(sensitive ? tr("The command waits in the approval queue until another person approves "
                                      "it; only then is it sent.")
                                 : QString());
    updatePreview();
}

QString CommandComposer::previewTopic() const
{
    return m_preview->property("topic").toString();
}

QString CommandComposer::previewPayload() const
{
    return m_preview->property("payload").toString();
}

QString CommandComposer::validationError() const
{
    return m_error->text();
}

bool CommandComposer::canSend() const
{
    return m_send->isEnabled();
}

void CommandComposer::updatePreview()
{
    QString error;
    const Target target = currentTarget(&error);
    const QString device = target.devices.isEmpty() ? PlaceholderDevice : target.devices.first();
    QString topic;
    QString payload;
    const CommandSpec *spec = currentSpec();
    QString problem;
    if (!spec) {
        const QByteArray bytes = m_raw->toPlainText().toUtf8();
        topic = m_session->tracker()->dialect().requestTopic(device).value_or(QString());
        payload = QString::fromUtf8(bytes);
        if (!target.group.isEmpty() || target.devices.size() > 1)
            problem = tr("A free-form payload goes to exactly one device.");
        else if (bytes.isEmpty())
            problem = tr("Type the payload to send.");
        else if (bytes.size() > CommandTracker::MaxRawPayloadBytes)
            problem = tr("The payload is %1 bytes; at most %2 can be sent.")
                          .arg(bytes.size())
                          .arg(CommandTracker::MaxRawPayloadBytes);
    } else {
        const Json values = m_form->values();
        if (!m_form->isValid(&problem)) {
            // problem says which field
        } else if (const std::optional<Json> built = spec->buildPayload(values, &problem)) {
            const QByteArray bytes = m_session->tracker()->dialect().encodeRequest(spec->name, PlaceholderTid,
                                                                                   *built, nullptr, &problem);
            payload = QString::fromUtf8(bytes);
        }
        QString topicProblem;
        topic = target.group.isEmpty() ? spec->requestTopic(device, &topicProblem, PlaceholderTid)
                                       : spec->groupRequestTopic(target.group, &topicProblem, PlaceholderTid);
        if (!target.group.isEmpty() && spec->groupRequestTopicTemplate.isEmpty())
            topicProblem =
                tr("%1 cannot be sent to a group: the catalog gives it no group topic.").arg(spec->name);
        else if (!target.group.isEmpty() && spec->sensitive)
            topicProblem =
                tr("%1 needs an approval, which group broadcasts do not have: send it to the devices "
                   "instead.")
                    .arg(spec->name);
        if (problem.isEmpty())
            problem = topicProblem;
        if (problem.isEmpty() && spec->sensitive && !ApprovalQueue::isValidIdentity(m_session->identity()))
            problem = tr("%1 needs an approval, and approvals need an MQTT username: connect with one.")
                          .arg(spec->name);
        if (problem.isEmpty() && spec->sensitive && !m_session->approvalsProblem().isEmpty())
            problem = tr("%1 needs an approval, and approvals are off: %2")
                          .arg(spec->name, m_session->approvalsProblem());
    }
    if (error.isEmpty())
        error = problem;

    QString text = tr("Topic: %1").arg(topic);
    if (target.devices.size() > 1)
        text +=
            tr("  (and %n more device(s), each on its own topic)", nullptr, int(target.devices.size() - 1));
    // A long payload would make every keystroke re-lay out megabytes of text: the preview shows its start.
    if (payload.size() > MaxPreviewChars)
        text += QLatin1Char('\n') + payload.left(MaxPreviewChars) +
                tr("… (%n more character(s))", nullptr, int(payload.size() - MaxPreviewChars));
    else
        text += QLatin1Char('\n') + payload;
    m_preview->setPlainText(text);
    m_preview->setProperty("topic", topic);
    m_preview->setProperty("payload", payload);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_send->setEnabled(error.isEmpty() && !m_pending);
}

void CommandComposer::refreshGroups()
{
    const QString typed = m_group->currentText();
    QStringList names = m_session->registry()->groupNames();
    names.sort();
    QStringList shown;
    for (int i = 0; i < m_group->count(); ++i)
        shown.append(m_group->itemText(i));
    if (shown == names)
        return;
    const QSignalBlocker blocker(m_group);
    m_group->clear();
    m_group->addItems(names);
    m_group->setCurrentText(typed);
}

void CommandComposer::send()
{
    if (m_pending)
        return;
    updatePreview();
    if (!canSend())
        return fail(validationError());
    QString error;
    Request request;
    request.target = currentTarget(&error);
    const CommandSpec *spec = currentSpec();
    if (spec) {
        request.command = spec->name;
        request.parameters = m_form->values();
    } else {
        request.raw = m_raw->toPlainText().toUtf8();
    }
    if (spec && spec->inverse && request.target.devices.size() == 1) {
        // What the device reports now is what its inverse will restore: read it before the command runs.
        const QString device = request.target.devices.first();
        ShadowClient *shadows = m_session->shadows();
        const std::optional<ShadowClient::CachedShadow> cached = shadows->cached(device);
        if (cached && cached->state == ShadowClient::CacheState::Fresh)
            return sendNow(request, cached->document.reported(), {});
        // The timeout is read when a request starts; the shared client keeps its own for everyone else.
        const int timeout = shadows->timeout();
        shadows->setTimeout(CaptureTimeoutMs);
        m_pending = request;
        m_pendingToken = shadows->get(device);
        shadows->setTimeout(timeout);
        m_status->setText(tr("Reading %1's state, to be able to roll the command back…").arg(device));
        m_send->setEnabled(false);
        return;
    }
    sendNow(request, Json(), {});
}

void CommandComposer::sendNow(const Request &request, const Json &capturedState,
                              const QString &captureProblem)
{
    CommandTracker *tracker = m_session->tracker();
    QString error;
    QString id;
    QStringList executions;
    const Target &target = request.target;
    if (request.command.isEmpty()) {
        id = tracker->sendRaw(target.devices.value(0), request.raw, &error);
        executions = {id};
    } else if (!target.group.isEmpty()) {
        id = tracker->sendToGroup(target.group, request.command, request.parameters, &error);
    } else if (target.devices.size() > 1) {
        id = tracker->sendToDevices(target.devices, request.command, request.parameters, &error);
        if (const std::optional<CommandTracker::Broadcast> broadcast = tracker->broadcast(id))
            executions = broadcast->executions;
    } else {
        id = tracker->send(target.devices.value(0), request.command, request.parameters, &error);
        executions = {id};
    }
    if (id.isEmpty()) {
        updatePreview();
        return fail(error.isEmpty() ? tr("The command was not sent.") : error);
    }

    QString note;
    const CommandSpec *spec =
        request.command.isEmpty() ? nullptr : m_session->catalog().find(request.command);
    if (spec && spec->inverse && target.devices.size() == 1) {
        if (captureProblem.isEmpty()) {
            m_session->rollbacks()->recordCommand(target.devices.first(), request.command, request.parameters,
                                                  capturedState, id);
            if (!m_session->rollbacks()->ledgerError().isEmpty())
                note = tr("The rollback entry was not saved: %1").arg(m_session->rollbacks()->ledgerError());
        } else {
            note = tr("No rollback recorded: %1's state could not be read (%2).")
                       .arg(target.devices.first(), captureProblem);
        }
    }
    QString what = request.command.isEmpty() ? tr("Free-form payload") : request.command;
    QString text;
    if (spec && spec->sensitive)
        text = tr("%1 is waiting for approval (%2).").arg(what, id);
    else if (!target.group.isEmpty())
        text = tr("%1 sent to group %2 (%3).").arg(what, target.group, id);
    else if (target.devices.size() > 1)
        text = tr("%1 sent to %n device(s) (%2).", nullptr, int(target.devices.size())).arg(what, id);
    else
        text = tr("%1 sent to %2 (%3).").arg(what, target.devices.value(0), id);
    if (!note.isEmpty())
        text += QLatin1Char(' ') + note;
    m_status->setText(text);
    updatePreview();
    Q_EMIT sent(id, executions);
}

void CommandComposer::fail(const QString &error)
{
    m_status->setText(tr("Not sent: %1").arg(error));
    Q_EMIT sendFailed(error);
}

} // namespace fleet

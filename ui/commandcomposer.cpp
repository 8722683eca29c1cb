#include "commandcomposer.h"

#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleeticons.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "shadow/shadowclient.h"
#include "tonestyle.h"

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
    , m_warning(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("commandComposer"));
    m_commands->setObjectName(QStringLiteral("commandCombo"));
    m_sensitive->setObjectName(QStringLiteral("sensitiveLabel"));
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_raw->setObjectName(QStringLiteral("rawPayload"));
    m_group->setObjectName(QStringLiteral("groupCombo"));
    m_typed->setObjectName(QStringLiteral("typedDevices"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_error->setObjectName(QStringLiteral("validationError"));
    m_warning->setObjectName(QStringLiteral("desiredWarning"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setIcon(FleetIcons::glyph(QStringLiteral("send-command")));
    m_status->setObjectName(QStringLiteral("sendStatus"));
    // Device ids, group names and errors quote what was typed or what the catalog file and the network
    // said: a label must not render any of it as rich text.
    for (QLabel *label : {m_description, m_sensitive, m_selectionLabel, m_error, m_warning, m_status})
        label->setTextFormat(Qt::PlainText);

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
    ToneStyle::apply(m_sensitive, ThemeColors::Role::Warning, ToneStyle::Fill::Banner);

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
    m_typed->setPlaceholderText(tr("dev-1, dev-2 …", "device ids typed in the composer"));
    m_typed->setToolTip(tr("Device ids, separated by commas or spaces"));
    m_selectionMode->setChecked(true);

    m_preview->setReadOnly(true);
    m_preview->setFont(fixed);
    m_preview->setMaximumHeight(160);
    m_error->setWordWrap(true);
    ToneStyle::apply(m_error, ThemeColors::Role::Failure, ToneStyle::Fill::Text);
    m_warning->setWordWrap(true);
    ToneStyle::apply(m_warning, ThemeColors::Role::Warning, ToneStyle::Fill::Banner);
    m_warning->hide();
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
    // The group and the typed ids each on a row of their own, the dock's whole width: beside their choice
    // they were cut to a few characters in a narrow dock.
    targetsLayout->addWidget(m_groupMode, 1, 0, 1, 2);
    targetsLayout->addWidget(m_group, 2, 0, 1, 2);
    targetsLayout->addWidget(m_typedMode, 3, 0, 1, 2);
    targetsLayout->addWidget(m_typed, 4, 0, 1, 2);
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
    layout->addWidget(m_warning);
    layout->addLayout(bottom);

    connect(m_commands, &QComboBox::currentIndexChanged, this, &CommandComposer::onCommandChanged);
    connect(m_form, &ParameterForm::valuesChanged, this, &CommandComposer::updatePreview);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &CommandComposer::updatePreview);
    connect(m_group, &QComboBox::currentTextChanged, this, &CommandComposer::updatePreview);
    connect(m_typed, &QLineEdit::textChanged, this, &CommandComposer::updatePreview);
    // The warning reads the shadow cache: a target's desired state arriving or changing updates it. Other
    // devices' shadows (telemetry, many per second) are left alone.
    connect(m_session->shadows(), &ShadowClient::shadowChanged, this, [this](const QString &thing) {
        QString ignored;
        if (!m_sending && currentTarget(&ignored).devices.contains(thing))
            updatePreview();
    });
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
    connect(m_session->tracker(), &CommandTracker::executionChanged, this, [this](const QString &id) {
        if (m_followed.contains(id))
            updateFollowed();
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
        QString description = spec->localizedDescription();
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
    QString ignored;
    const bool sensitive = m_session->actions()->preview(currentRequest(&ignored)).needsApproval;
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
    const Request request = currentRequest(&error);
    // Field-level problems (a value the form cannot read) come first; the rest are the operator actions'
    // rules, the same a send would apply.
    QString problem;
    if (currentSpec())
        m_form->isValid(&problem);
    const OperatorActions::Preview preview = m_session->actions()->preview(request);
    if (problem.isEmpty())
        problem = preview.problem;
    const QString topic = preview.topic;
    const QString payload = preview.payload;
    if (error.isEmpty())
        error = problem;

    QString text = tr("Topic: %1").arg(topic);
    if (request.devices.size() > 1)
        text +=
            tr("  (and %n more device(s), each on its own topic)", nullptr, int(request.devices.size() - 1));
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
    m_warning->setText(preview.warning);
    m_warning->setVisible(!preview.warning.isEmpty());
    m_send->setEnabled(error.isEmpty() && !m_sending);
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

CommandComposer::Request CommandComposer::currentRequest(QString *error) const
{
    const Target target = currentTarget(error);
    Request request;
    request.devices = target.devices;
    request.group = target.group;
    if (const CommandSpec *spec = currentSpec()) {
        request.command = spec->name;
        request.parameters = m_form->values();
    } else {
        request.raw = m_raw->toPlainText().toUtf8();
    }
    return request;
}

void CommandComposer::send()
{
    if (m_sending)
        return;
    updatePreview();
    if (!canSend())
        return fail(validationError());
    QString error;
    const Request request = currentRequest(&error);
    if (m_session->actions()->preview(request).capturesState)
        m_status->setText(
            tr("Reading %1's state, to be able to roll the command back…").arg(request.devices.first()));
    m_sending = true;
    m_send->setEnabled(false);
    m_session->actions()->sendCommand(request, this, [this, request](const OperatorActions::Outcome &o) {
        m_sending = false;
        onSent(request, o);
    });
}

void CommandComposer::onSent(const Request &request, const OperatorActions::Outcome &outcome)
{
    if (!outcome.ok) {
        updatePreview();
        return fail(outcome.error);
    }
    const QString what = request.command.isEmpty() ? tr("Free-form payload") : request.command;
    QString text;
    if (outcome.awaitingApproval)
        text = tr("%1 is waiting for approval (%2).").arg(what, outcome.id);
    else if (!request.group.isEmpty())
        text = tr("%1 sent to group %2 (%3).").arg(what, request.group, outcome.id);
    else if (request.devices.size() > 1)
        text =
            tr("%1 sent to %n device(s) (%2).", nullptr, int(request.devices.size())).arg(what, outcome.id);
    else
        text = tr("%1 sent to %2 (%3).").arg(what, request.devices.value(0), outcome.id);
    // Not "sent" when it waits (no connection, a device offline): say what it waits for.
    int queued = 0;
    QString waitsFor;
    for (const QString &id : outcome.executions) {
        const std::optional<CommandExecution> e = m_session->tracker()->execution(id);
        if (e && e->state == CommandExecution::State::Queued) {
            ++queued;
            waitsFor = e->reason;
        }
    }
    if (!outcome.awaitingApproval && queued > 0) {
        text = queued == outcome.executions.size()
                   ? tr("%1 is queued, not sent (%2): %3").arg(what, outcome.id, waitsFor)
                   : tr("%1: %2 of %3 queued, not sent yet (%4): %5")
                         .arg(what)
                         .arg(queued)
                         .arg(outcome.executions.size())
                         .arg(outcome.id, waitsFor);
    }
    if (!outcome.note.isEmpty())
        text += QLatin1Char(' ') + outcome.note;
    m_status->setText(text);
    // A command waiting for approval is followed to its outcome: "waiting for approval" must not stay
    // after someone decided (the issue: alice's composer still said so after bob approved).
    m_followed.clear();
    if (outcome.awaitingApproval) {
        m_followed = outcome.executions.isEmpty() ? QStringList{outcome.id} : outcome.executions;
        m_followedWhat = what;
        m_followedNote = outcome.note;
    }
    updatePreview();
    // The send may have read the device's shadow (for its rollback entry), which the cache did not hold.
    if (m_warning->text().isEmpty() && !outcome.warning.isEmpty()) {
        m_warning->setText(outcome.warning);
        m_warning->show();
    }
    Q_EMIT sent(outcome.id, outcome.executions);
}

void CommandComposer::updateFollowed()
{
    using State = CommandExecution::State;
    QList<CommandExecution> executions;
    for (const QString &id : std::as_const(m_followed)) {
        if (const std::optional<CommandExecution> e = m_session->tracker()->execution(id))
            executions.append(*e);
    }
    if (executions.isEmpty())
        return;
    QString text;
    if (executions.size() == 1) {
        const CommandExecution &e = executions.constFirst();
        // The approval's note says who approved; the reason says why it failed or was rejected.
        QString approvedBy;
        for (const CommandExecution::Transition &t : e.transitions) {
            if (t.state == State::Approved)
                approvedBy = t.note;
        }
        const QString detail = !e.reason.isEmpty() ? e.reason : approvedBy;
        text = e.state == State::AwaitingApproval
                   ? tr("%1 is waiting for approval (%2).").arg(m_followedWhat, e.id)
               : detail.isEmpty()
                   ? tr("%1 to %2: %3 (%4).", "command to device: state (id)")
                         .arg(m_followedWhat, e.device, CommandExecution::stateText(e.state), e.id)
                   : tr("%1 to %2: %3, %4 (%5).", "command to device: state, detail (id)")
                         .arg(m_followedWhat, e.device, CommandExecution::stateText(e.state), detail, e.id);
    } else {
        int waiting = 0, succeeded = 0, failed = 0;
        for (const CommandExecution &e : std::as_const(executions)) {
            waiting += e.state == State::AwaitingApproval;
            succeeded += e.state == State::Succeeded;
            failed += e.isFinal() && e.state != State::Succeeded;
        }
        const int total = int(executions.size());
        text = waiting == total
                   ? tr("%1 to %n device(s) is waiting for approval.", nullptr, total).arg(m_followedWhat)
                   : tr("%1 to %n device(s): %2 succeeded, %3 failed or refused, %4 in progress.", nullptr,
                        total)
                         .arg(m_followedWhat)
                         .arg(succeeded)
                         .arg(failed)
                         .arg(total - succeeded - failed);
    }
    if (!m_followedNote.isEmpty())
        text += QLatin1Char(' ') + m_followedNote;
    m_status->setText(text);
    if (std::all_of(executions.cbegin(), executions.cend(),
                    [](const CommandExecution &e) { return e.isFinal(); }))
        m_followed.clear(); // its outcome is out: nothing more to follow
}

void CommandComposer::fail(const QString &error)
{
    m_status->setText(tr("Not sent: %1").arg(error));
    Q_EMIT sendFailed(error);
}

} // namespace fleet

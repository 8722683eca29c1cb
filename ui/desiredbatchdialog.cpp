#include "desiredbatchdialog.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "commands/operatoractions.h"
#include "fleet/fleetsession.h"
#include "shadow/shadowdocument.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fleet {

namespace {

using DeviceResult = OperatorActions::DeviceResult;

QString resultText(const DeviceResult &r)
{
    switch (r.status) {
    case DeviceResult::Status::Accepted:
        return r.version ? DesiredBatchDialog::tr("Accepted (version %1)").arg(*r.version)
                         : DesiredBatchDialog::tr("Accepted");
    case DeviceResult::Status::Held:
        return DesiredBatchDialog::tr("Held for approval");
    case DeviceResult::Status::ChangedSince:
        return DesiredBatchDialog::tr("Changed since: left as it is");
    case DeviceResult::Status::Refused:
        break;
    }
    return r.serviceError ? DesiredBatchDialog::tr("Refused: error %1: %2").arg(r.errorCode).arg(r.error)
                          : DesiredBatchDialog::tr("Refused: %1").arg(r.error);
}

} // namespace

DesiredBatchDialog::DesiredBatchDialog(FleetSession *session, const QStringList &devices,
                                       const QString &group, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_devices(devices)
    , m_group(group)
    , m_targetLabel(new QLabel(this))
    , m_patchEdit(new QPlainTextEdit(this))
    , m_problemLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_results(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_sendButton(m_buttons->addButton(tr("Send"), QDialogButtonBox::ApplyRole))
{
    setObjectName(QStringLiteral("desiredBatchDialog"));
    setWindowTitle(tr("Set desired state"));
    m_patchEdit->setObjectName(QStringLiteral("patchEdit"));
    m_patchEdit->setPlaceholderText(tr("A JSON object, e.g. {\"limit\": 5}; null removes a key"));
    m_patchEdit->setTabChangesFocus(true);
    m_problemLabel->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_progress->setFormat(tr("%v of %m devices"));
    m_progress->setValue(0);
    m_progress->hide();
    m_results->setColumnCount(2);
    m_results->setHeaderLabels({tr("Device"), tr("Result")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->header()->setStretchLastSection(true);
    m_results->hide();

    auto *layout = new QVBoxLayout(this);
    m_targetLabel->setWordWrap(true);
    layout->addWidget(m_targetLabel);
    layout->addWidget(m_patchEdit, 1);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    connect(m_patchEdit, &QPlainTextEdit::textChanged, this, &DesiredBatchDialog::validate);
    connect(m_sendButton, &QPushButton::clicked, this, &DesiredBatchDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

DesiredBatchDialog::~DesiredBatchDialog() = default;

void DesiredBatchDialog::validate()
{
    OperatorActions::DesiredBatch batch;
    batch.devices = m_devices;
    batch.group = m_group;
    QString problem;
    const QString text = m_patchEdit->toPlainText();
    if (text.trimmed().isEmpty()) {
        problem = tr("Type the keys to set, as a JSON object.");
    } else if (text.size() > MaxPatchChars) {
        problem = tr("The patch is longer than %1 characters.").arg(MaxPatchChars);
    } else {
        QString error;
        const std::optional<Json> patch =
            NetworkJson::parse(text.toUtf8(), {MaxPatchChars * 4, ShadowDocument::MaxDepth + 1}, &error);
        if (!patch)
            problem = tr("Not valid JSON: %1").arg(error);
        else
            batch.patch = *patch;
    }
    const OperatorActions::BatchPreview preview =
        m_session ? m_session->actions()->previewBatch(batch) : OperatorActions::BatchPreview{};
    const int count = int(preview.devices.size());
    QString target = m_group.isEmpty()
                         ? tr("Desired state of %n selected devices:", nullptr, count)
                         : tr("Desired state of the %n devices of group %1:", nullptr, count).arg(m_group);
    // Said before anything is sent, so that nobody expects those devices to change.
    if (!preview.azureDevices.isEmpty() && count > 0) {
        constexpr int MaxNamed = 5;
        const QStringList &azure = preview.azureDevices;
        QString names = azure.mid(0, MaxNamed).join(QStringLiteral(", "));
        if (azure.size() > MaxNamed)
            names = tr("%1 and %n more", nullptr, int(azure.size() - MaxNamed)).arg(names);
        target += u'\n' + tr("Left out: %1, Azure IoT Hub devices whose desired properties are in a twin "
                             "(change them in the device dock).")
                              .arg(names);
    }
    m_targetLabel->setText(target);
    if (problem.isEmpty())
        problem = m_session ? preview.problem : tr("There is no session.");
    if (problem.isEmpty() && preview.needsApproval)
        m_problemLabel->setText(tr("%1 is sensitive: each device's change is held for an approver.")
                                    .arg(preview.sensitiveKeys.join(QStringLiteral(", "))));
    else
        m_problemLabel->setText(problem);
    m_sendButton->setEnabled(problem.isEmpty() && !m_running);
}

void DesiredBatchDialog::send()
{
    if (!m_session || m_running)
        return;
    OperatorActions::DesiredBatch batch;
    batch.devices = m_devices;
    batch.group = m_group;
    const std::optional<Json> patch = NetworkJson::parse(m_patchEdit->toPlainText().toUtf8(),
                                                         {MaxPatchChars * 4, ShadowDocument::MaxDepth + 1});
    if (!patch)
        return;
    batch.patch = *patch;
    m_running = true;
    m_sendButton->setEnabled(false);
    m_patchEdit->setReadOnly(true);
    m_results->clear();
    m_results->show();
    m_progress->show();
    m_progress->setValue(0);
    m_summary->clear();
    m_session->actions()->updateDesiredMany(
        batch, this,
        [this](const DeviceResult &r, int done, int total) {
            m_progress->setMaximum(total);
            m_progress->setValue(done);
            auto *item = new QTreeWidgetItem(m_results, {r.device, resultText(r)});
            item->setToolTip(1, item->text(1));
        },
        [this](const OperatorActions::Outcome &o) {
            m_running = false;
            m_patchEdit->setReadOnly(false);
            QString text = o.ok ? tr("Done: every device accepted it.") : o.error;
            if (o.awaitingApproval)
                text += u' ' + tr("Some changes wait for an approver.");
            if (o.rollbackEntry > 0)
                text += u' ' + tr("Rollback entry %1 undoes it on every device.").arg(o.rollbackEntry);
            if (!o.note.isEmpty())
                text += u' ' + o.note;
            m_summary->setText(text);
            validate();
        });
}

} // namespace fleet

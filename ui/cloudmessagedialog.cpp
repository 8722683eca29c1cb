#include "cloudmessagedialog.h"

#include "commands/azurehubclient.h"
#include "commands/operatoractions.h"
#include "dialects/azurepropertybag.h"
#include "fleet/fleetsession.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

CloudMessageDialog::CloudMessageDialog(FleetSession *session, const QString &device, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_device(device)
    , m_payload(new QPlainTextEdit(this))
    , m_messageId(new QLineEdit(this))
    , m_correlationId(new QLineEdit(this))
    , m_contentType(new QLineEdit(this))
    , m_contentEncoding(new QLineEdit(this))
    , m_expiry(new QSpinBox(this))
    , m_properties(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(u"cloudMessageDialog"_s);
    setWindowTitle(tr("Cloud-to-device message for %1").arg(device));
    m_payload->setObjectName(u"cloudMessagePayload"_s);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlaceholderText(tr("The message, as text (JSON or anything else)"));
    m_messageId->setPlaceholderText(tr("a new id"));
    m_contentType->setPlaceholderText(u"application/json"_s);
    m_contentEncoding->setPlaceholderText(u"utf-8"_s);
    m_expiry->setRange(0, 7 * 24 * 3600);
    m_expiry->setSpecialValueText(tr("never"));
    m_expiry->setSuffix(tr(" s"));
    m_expiry->setToolTip(tr("Drop the message if the device has not taken it within this time"));
    m_properties->setObjectName(u"cloudMessageProperties"_s);
    m_properties->setPlaceholderText(tr("Application properties, one name=value per line"));
    m_properties->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // What the device or the hub said is shown as it came.
    for (QLabel *label : {m_problem, m_status}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_problem->setObjectName(u"cloudMessageProblem"_s);
    m_status->setObjectName(u"cloudMessageStatus"_s);
    m_send->setObjectName(u"cloudMessageSend"_s);
    m_send->setDefault(true);
    m_buttons->addButton(m_send, QDialogButtonBox::ActionRole);

    auto *form = new QFormLayout;
    form->addRow(tr("Message id"), m_messageId);
    form->addRow(tr("Correlation id"), m_correlationId);
    form->addRow(tr("Content type"), m_contentType);
    form->addRow(tr("Content encoding"), m_contentEncoding);
    form->addRow(tr("Expiry"), m_expiry);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Message"), this));
    layout->addWidget(m_payload, 3);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Properties"), this));
    layout->addWidget(m_properties, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, &CloudMessageDialog::send);
    for (QPlainTextEdit *edit : {m_payload, m_properties})
        connect(edit, &QPlainTextEdit::textChanged, this, &CloudMessageDialog::validate);
    for (QLineEdit *edit : {m_messageId, m_correlationId, m_contentType, m_contentEncoding})
        connect(edit, &QLineEdit::textChanged, this, &CloudMessageDialog::validate);

    if (m_session) {
        AzureHubClient *azure = m_session->azure();
        connect(azure, &AzureHubClient::gateOutcome, this,
                [this](const QString &id, const QString &outcome, const QString &reason) {
                    if (id != m_id)
                        return;
                    if (outcome == "held"_L1)
                        setStatus(tr("Held for an approval: %1").arg(reason));
                    else if (outcome == "approved"_L1)
                        setStatus(tr("Approved (%1); sending…").arg(reason));
                    else
                        setStatus(tr("Not sent: the gate said %1 (%2).").arg(outcome, reason));
                });
        connect(azure, &AzureHubClient::cloudToDeviceSent, this, [this](const QString &id) {
            if (id == m_id)
                setStatus(tr("Sent as message %1.").arg(id));
        });
        connect(azure, &AzureHubClient::requestFailed, this,
                [this](const QString &id, int, const QString &why) {
                    if (id == m_id)
                        setStatus(tr("Not sent: %1").arg(why));
                });
    }
    validate();
    resize(560, 520);
    // The message is what the operator came to type.
    m_payload->setFocus();
}

CloudMessageDialog::~CloudMessageDialog() = default;

QString CloudMessageDialog::problem() const
{
    return m_problem->text();
}

QString CloudMessageDialog::status() const
{
    return m_status->text();
}

void CloudMessageDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void CloudMessageDialog::validate()
{
    QString why;
    const QByteArray payload = m_payload->toPlainText().toUtf8();
    if (payload.size() > MaxPayloadBytes)
        why = tr("The message is %L1 bytes; fleet-hub's gate takes at most %L2.")
                  .arg(payload.size())
                  .arg(MaxPayloadBytes);
    else
        AzurePropertyBag::parseLines(m_properties->toPlainText(),
                                     &why); // why says which line, if one is wrong
    m_problem->setText(why);
    m_send->setEnabled(why.isEmpty() && m_session && m_id.isEmpty());
}

bool CloudMessageDialog::send()
{
    validate();
    if (!m_problem->text().isEmpty() || !m_session || !m_id.isEmpty())
        return false;
    QString why;
    const auto typed = AzurePropertyBag::parseLines(m_properties->toPlainText(), &why);
    if (!typed) {
        m_problem->setText(why);
        return false;
    }
    QList<AzureHubClient::Property> properties;
    for (const auto &[name, value] : *typed)
        properties.append({name, value});
    const QList<std::pair<const QLineEdit *, QString>> system = {{m_messageId, u"$.mid"_s},
                                                                 {m_correlationId, u"$.cid"_s},
                                                                 {m_contentType, u"$.ct"_s},
                                                                 {m_contentEncoding, u"$.ce"_s}};
    for (const auto &[edit, key] : system) {
        if (!edit->text().trimmed().isEmpty())
            properties.prepend({key, edit->text().trimmed()});
    }
    const std::optional<quint32> expiry =
        m_expiry->value() > 0 ? std::optional(quint32(m_expiry->value())) : std::nullopt;
    if (!m_session->actions()->confirm(tr("a cloud-to-device message to %1").arg(m_device))) {
        m_problem->setText(OperatorActions::notConfirmedError());
        return false;
    }
    m_id = m_session->azure()->sendCloudToDevice(m_device, m_payload->toPlainText().toUtf8(), properties,
                                                 expiry, &why);
    if (m_id.isEmpty()) {
        m_problem->setText(why);
        return false;
    }
    setStatus(tr("Submitted as message %1…").arg(m_id));
    validate();
    return true;
}

} // namespace fleet

#pragma once

#include <QDialog>
#include <QPointer>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace fleet {

class FleetSession;

// "Send message…" for an Azure IoT Hub device (the device dock's Twin tab): a cloud-to-device message with
// its system properties (message id, correlation id, content type and encoding), application properties
// (one name=value per line) and an expiry, sent through fleet-hub's gate with AzureHubClient like fleetctl
// c2d. The dialog checks what it can before sending (the property bag's bounds, the gate's 64 KB) and says
// what became of it: held for an approval, sent once seen on the broker, or refused.
class CloudMessageDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024;

    CloudMessageDialog(FleetSession *session, const QString &device, QWidget *parent = nullptr);
    ~CloudMessageDialog() override;

    QPlainTextEdit *payloadEdit() const { return m_payload; }
    QPlainTextEdit *propertiesEdit() const { return m_properties; }
    QLineEdit *messageIdEdit() const { return m_messageId; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }
    QPushButton *sendButton() const { return m_send; }
    QString problem() const;
    QString status() const;
    // Checks and sends; false (with problem() saying why) when nothing was sent.
    bool send();

private:
    void validate();
    void setStatus(const QString &text);

    QPointer<FleetSession> m_session;
    QString m_device;
    QPlainTextEdit *m_payload;
    QLineEdit *m_messageId;
    QLineEdit *m_correlationId;
    QLineEdit *m_contentType;
    QLineEdit *m_contentEncoding;
    QSpinBox *m_expiry;
    QPlainTextEdit *m_properties;
    QLabel *m_problem;
    QLabel *m_status;
    QPushButton *m_send;
    QDialogButtonBox *m_buttons;
    QString m_id; // the message under way
};

} // namespace fleet

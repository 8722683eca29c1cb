#pragma once

#include "commands/operatoractions.h"
#include "common/json.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace fleet {

class CommandSpec;
class FleetSession;
class ParameterForm;

// Composes one command and sends it through the session's tracker: a catalog command (its parameters in a
// generated form) or a free-form payload; to the devices selected elsewhere (setTargets()), a group, or ids
// typed in; with a live preview of the exact topic and payload that will go out. A sensitive command says
// that it goes to the approval queue, on the Send button too, so nobody expects it to run at once.
//
// A command with an inverse sent to one device is recorded in the session's rollback log with the device's
// reported state from before it ran (the cached shadow when the console watches it, else a get), like
// `fleetctl send` does, so that the rollback view can undo it.
//
// A command that sets a key the target's cached desired state wants otherwise is still sent, under an amber
// warning: the shadow's delta would ask the device to go back, so the operator may rather change the desired
// state. It follows the cache, so it appears once the device's shadow is known.
//
// Nothing the operator typed is lost: the form's values are kept per command while switching, and the free-
// form payload and typed ids stay as they are after a send.
class CommandComposer final : public QWidget
{
    Q_OBJECT

public:
    enum class TargetMode { Selection, Group, Typed };
    Q_ENUM(TargetMode)

    explicit CommandComposer(FleetSession *session, QWidget *parent = nullptr);
    ~CommandComposer() override;

    // The devices selected in the devices view; switches to them when the list is not empty.
    void setTargets(const QStringList &devices);
    QStringList targets() const;
    TargetMode targetMode() const;
    void setTargetMode(TargetMode mode);
    void setGroup(const QString &group);
    void setTypedDevices(const QString &text);

    // The catalog command to compose, or the free-form payload for an empty name. False for a name the
    // catalog does not have.
    bool setCommand(const QString &name);
    QString command() const; // empty: free-form
    void setRawPayload(const QString &payload);

    // What the preview shows, and why nothing can be sent when it is not sendable.
    QString previewTopic() const;
    QString previewPayload() const;
    QString validationError() const;
    bool canSend() const;

    ParameterForm *form() const { return m_form; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *sensitiveLabel() const { return m_sensitive; }
    // The preview's warning (OperatorActions::Preview::warning), hidden when there is none.
    QLabel *warningLabel() const { return m_warning; }

public Q_SLOTS:
    // What the Send button does. Returns at once; sent() or sendFailed() follows (later when a device's
    // state has to be read first).
    void send();
    // Group names from the registry (new groups appear as devices report them).
    void refreshGroups();

Q_SIGNALS:
    // id is the execution's tid, or a broadcast's id; executionIds are the executions started.
    void sent(const QString &id, const QStringList &executionIds);
    void sendFailed(const QString &error);

private:
    struct Target
    {
        QStringList devices;
        QString group;
    };
    // What one press of Send sends, fixed when it is pressed.
    using Request = OperatorActions::CommandRequest;

    const CommandSpec *currentSpec() const;
    Target currentTarget(QString *error) const;
    void onCommandChanged();
    void updateAll();
    void updatePreview();
    Request currentRequest(QString *error) const;
    void onSent(const Request &request, const OperatorActions::Outcome &outcome);
    void fail(const QString &error);
    // The status line follows the executions of a send that waits for approval, to their outcome.
    void updateFollowed();

    FleetSession *m_session;
    QComboBox *m_commands;
    QLabel *m_description;
    QLabel *m_sensitive;
    QStackedWidget *m_stack;
    ParameterForm *m_form;
    QPlainTextEdit *m_raw;
    QRadioButton *m_selectionMode;
    QRadioButton *m_groupMode;
    QRadioButton *m_typedMode;
    QLabel *m_selectionLabel;
    QComboBox *m_group;
    QLineEdit *m_typed;
    QPlainTextEdit *m_preview;
    QLabel *m_error;
    QLabel *m_warning;
    QPushButton *m_send;
    QLabel *m_status;

    QStringList m_selection;
    QString m_shownCommand;        // whose values the form holds, to save them as a draft on a switch
    QHash<QString, Json> m_drafts; // command name -> the form's values when the operator left it
    // A send under way (it may wait for the device's state, for its rollback entry).
    bool m_sending = false;
    QStringList m_followed; // the executions of the last send, while it waits for approval or runs after one
    QString m_followedWhat;
    QString m_followedNote;
};

} // namespace fleet

#pragma once

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace fleet {

class FleetSession;

// "Set desired state…" for the devices selected in the Devices tab, or for a group: the operator types one
// JSON patch, the dialog checks it as they type (OperatorActions::previewBatch(): an object, within the
// shadow's size and depth, how many devices, whether fleet-hub holds it for approval), sends it through
// OperatorActions::updateDesiredMany() and shows N of M devices done and each device's result. The rollback
// history then holds one entry for all of them. Closing the dialog does not stop a batch under way; its
// results are no longer shown.
class DesiredBatchDialog final : public QDialog
{
    Q_OBJECT

public:
    // devices: the selection, used when group is empty.
    DesiredBatchDialog(FleetSession *session, const QStringList &devices, const QString &group,
                       QWidget *parent = nullptr);
    ~DesiredBatchDialog() override;

    QPlainTextEdit *patchEdit() const { return m_patchEdit; }
    QLabel *targetLabel() const { return m_targetLabel; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QPushButton *sendButton() const { return m_sendButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QTreeWidget *resultsView() const { return m_results; }
    QLabel *summaryLabel() const { return m_summary; }
    bool isRunning() const { return m_running; }

    // The most text the patch editor is parsed with: twice the shadow's whole state.
    static constexpr int MaxPatchChars = 16 * 1024;

private:
    void validate();
    void send();

    QPointer<FleetSession> m_session;
    QStringList m_devices;
    QString m_group;
    QLabel *m_targetLabel;
    QPlainTextEdit *m_patchEdit;
    QLabel *m_problemLabel;
    QProgressBar *m_progress;
    QTreeWidget *m_results;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_sendButton;
    bool m_running = false;
};

} // namespace fleet

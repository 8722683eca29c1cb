#pragma once

#include "common/json.h"

#include <QDialog>

#include <nlohmann/json.hpp>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace fleet {

// A desired-state update refused with a version conflict (409: someone changed the shadow since the editor
// was loaded). It shows the operator's document and the service's current one side by side, and a third,
// editable document to send instead: the current one with the operator's change applied on top, which is
// what they meant unless the two changes touch the same keys. Accepting sends that merge against the
// current version; the caller does the sending.
class ConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    ConflictDialog(const Json &yours, const Json &current, qint64 currentVersion, const Json &merged,
                   QWidget *parent = nullptr);
    ~ConflictDialog() override;

    qint64 currentVersion() const { return m_currentVersion; }
    const Json &current() const { return m_current; }
    // The merge as edited; nullopt while it is not a JSON object.
    std::optional<Json> merged() const;

    QPlainTextEdit *yoursEdit() const { return m_yours; }
    QPlainTextEdit *currentEdit() const { return m_currentEdit; }
    QPlainTextEdit *mergedEdit() const { return m_merged; }
    QPushButton *applyButton() const { return m_apply; }

private:
    void validate();

    Json m_current;
    qint64 m_currentVersion;
    QPlainTextEdit *m_yours;
    QPlainTextEdit *m_currentEdit;
    QPlainTextEdit *m_merged;
    QLabel *m_problem;
    QPushButton *m_apply;
};

} // namespace fleet

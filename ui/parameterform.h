#pragma once

#include "common/json.h"

#include "commands/commandparameter.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <optional>

class QCheckBox;
class QFormLayout;
class QLabel;

namespace fleet {

// The editors of a command's typed parameters, generated from the catalog: a spin box bounded by the
// declared range for an integer or a number, a combo of the allowed values, a line edit limited to the
// declared length for a string, a check box for a boolean. Defaults are filled in, required parameters are
// marked, and an optional parameter without a default has a check box that says whether it is sent at all,
// since a spin box has no "empty" value. Each value is checked as it changes with CommandParameter::validate,
// the same check the tracker makes before publishing, and the reason is shown under the field.
//
// values() returns what the operator typed, valid or not (a string that is still too short included), so
// that setValues(values()) gives back the same form: the composer keeps a draft per command that way.
class ParameterForm final : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterForm(QWidget *parent = nullptr);
    ~ParameterForm() override;

    // Rebuilds the editors, with every parameter at its default.
    void setParameters(const QList<CommandParameter> &parameters);
    const QList<CommandParameter> &parameters() const { return m_parameters; }

    // The parameters as the tracker takes them: an object, without the optional ones left out.
    Json values() const;
    // Fills the editors from an object. Unknown names and values of the wrong type are ignored (those
    // editors keep their value), so a stale draft can never break the form.
    void setValues(const Json &values);
    // Every parameter back to its default.
    void reset();

    // Whether every value passes its parameter's check; error (when given) is the first problem.
    bool isValid(QString *error = nullptr) const;

    // The editor of a parameter (QSpinBox, QDoubleSpinBox, QComboBox, QLineEdit or QCheckBox), for tests and
    // for focusing the field that is wrong; nullptr for an unknown name.
    QWidget *editor(const QString &name) const;
    // The check box that includes an optional parameter without a default; nullptr for the others.
    QCheckBox *includeBox(const QString &name) const;
    // The inline error under a parameter's editor (empty text when the value is fine).
    QLabel *errorLabel(const QString &name) const;

Q_SIGNALS:
    void valuesChanged();

private:
    struct Field
    {
        QWidget *editor = nullptr;
        QCheckBox *include = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *createEditor(const CommandParameter &parameter);
    std::optional<Json> valueOf(int index) const; // nullopt: not sent
    void setValueOf(int index, const Json &value);
    void setDefault(int index);
    QString problemOf(int index) const; // empty when the value is fine
    void onEdited();
    void updateErrors();

    QFormLayout *m_layout;
    QLabel *m_empty;
    QList<CommandParameter> m_parameters;
    QList<Field> m_fields;
    bool m_filling = false; // setValues() and reset() emit one valuesChanged(), not one per editor
};

} // namespace fleet

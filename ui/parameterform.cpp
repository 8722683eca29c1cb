#include "parameterform.h"

#include "common/json.h"
#include "tonestyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fleet {

namespace {

using Type = CommandParameter::Type;

// A spin box holds an int; a catalog range beyond it is cut to what the box can show, and the tracker's own
// check still applies to whatever is sent.
int toInt(double value)
{
    constexpr double low = std::numeric_limits<int>::min();
    constexpr double high = std::numeric_limits<int>::max();
    return int(std::clamp(std::round(value), low, high));
}

// Numbers without a declared range still need one for the spin box: wide enough for any real setting.
constexpr double NumberLimit = 1e15;

QString allowedText(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

bool usesCombo(const CommandParameter &parameter)
{
    return parameter.type == Type::Enum || !parameter.allowed.empty();
}

// Optional parameters whose editor always holds some value need a separate "send it" switch; strings use an
// empty text and combos no selection instead.
bool needsIncludeBox(const CommandParameter &parameter)
{
    return !parameter.required && !parameter.defaultValue && !usesCombo(parameter) &&
           parameter.type != Type::String;
}

} // namespace

ParameterForm::ParameterForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_empty(new QLabel(tr("This command takes no parameters."), this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addRow(m_empty);
}

ParameterForm::~ParameterForm() = default;

void ParameterForm::setParameters(const QList<CommandParameter> &parameters)
{
    while (m_layout->rowCount() > 1)
        m_layout->removeRow(1);
    m_fields.clear();
    m_parameters = parameters;
    m_empty->setVisible(m_parameters.isEmpty());
    for (const CommandParameter &parameter : std::as_const(m_parameters)) {
        Field field;
        auto *cell = new QWidget(this);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto *line = new QHBoxLayout;
        column->addLayout(line);
        if (needsIncludeBox(parameter)) {
            field.include = new QCheckBox(tr("Send", "include an optional parameter"), cell);
            field.include->setToolTip(tr("Optional: sent only when checked."));
            line->addWidget(field.include);
            connect(field.include, &QCheckBox::toggled, this, &ParameterForm::onEdited);
        }
        field.editor = createEditor(parameter);
        field.editor->setParent(cell);
        field.editor->setObjectName(parameter.name);
        // The catalog is a file anyone may have written: its words are plain text, in tool tips (rich when
        // they look like it) as in labels.
        // In the operator's language when the catalog has it ("descriptions", "labels").
        const QString description = parameter.localizedDescription();
        const QString descriptionTip =
            description.isEmpty() ? QString() : Qt::convertFromPlainText(description, Qt::WhiteSpaceNormal);
        field.editor->setToolTip(descriptionTip);
        line->addWidget(field.editor, 1);
        if (field.include) {
            field.editor->setEnabled(false);
            connect(field.include, &QCheckBox::toggled, field.editor, &QWidget::setEnabled);
        }
        field.error = new QLabel(cell);
        field.error->setObjectName(parameter.name + QStringLiteral("Error"));
        field.error->setWordWrap(true);
        field.error->setTextFormat(Qt::PlainText); // it quotes the value typed
        ToneStyle::apply(field.error, ThemeColors::Role::Failure, ToneStyle::Fill::Text);
        field.error->hide();
        column->addWidget(field.error);

        auto *label =
            new QLabel(parameter.required ? tr("%1 *", "a required parameter").arg(parameter.label())
                                          : parameter.label(),
                       this);
        label->setTextFormat(Qt::PlainText);
        label->setToolTip(parameter.required ? Qt::convertFromPlainText(tr("%1 (required)").arg(description),
                                                                        Qt::WhiteSpaceNormal)
                                             : descriptionTip);
        label->setBuddy(field.editor);
        m_layout->addRow(label, cell);
        m_fields.append(field);
    }
    reset();
}

QWidget *ParameterForm::createEditor(const CommandParameter &parameter)
{
    if (usesCombo(parameter)) {
        auto *combo = new QComboBox;
        for (const Json &value : parameter.allowed)
            combo->addItem(allowedText(value));
        combo->setPlaceholderText(tr("Choose a value"));
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterForm::onEdited);
        return combo;
    }
    switch (parameter.type) {
    case Type::Integer: {
        auto *spin = new QSpinBox;
        spin->setRange(toInt(parameter.minimum.value_or(std::numeric_limits<int>::min())),
                       toInt(parameter.maximum.value_or(std::numeric_limits<int>::max())));
        connect(spin, &QSpinBox::valueChanged, this, &ParameterForm::onEdited);
        return spin;
    }
    case Type::Number: {
        auto *spin = new QDoubleSpinBox;
        spin->setDecimals(6);
        spin->setRange(std::max(parameter.minimum.value_or(-NumberLimit), -NumberLimit),
                       std::min(parameter.maximum.value_or(NumberLimit), NumberLimit));
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParameterForm::onEdited);
        return spin;
    }
    case Type::Boolean: {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, &ParameterForm::onEdited);
        return check;
    }
    case Type::String:
    case Type::Enum:
        break;
    }
    auto *edit = new QLineEdit;
    if (parameter.maxLength)
        edit->setMaxLength(*parameter.maxLength);
    if (parameter.minLength && *parameter.minLength > 0)
        edit->setPlaceholderText(tr("at least %n character(s)", nullptr, *parameter.minLength));
    connect(edit, &QLineEdit::textChanged, this, &ParameterForm::onEdited);
    return edit;
}

Json ParameterForm::values() const
{
    Json values = Json::object();
    for (int i = 0; i < m_parameters.size(); ++i) {
        if (const std::optional<Json> value = valueOf(i))
            values[m_parameters.at(i).name.toStdString()] = *value;
    }
    return values;
}

std::optional<Json> ParameterForm::valueOf(int index) const
{
    const CommandParameter &parameter = m_parameters.at(index);
    const Field &field = m_fields.at(index);
    if (field.include && !field.include->isChecked())
        return std::nullopt;
    if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
        const int i = combo->currentIndex();
        if (i < 0 || size_t(i) >= parameter.allowed.size())
            return std::nullopt;
        return parameter.allowed.at(size_t(i));
    }
    if (auto *spin = qobject_cast<QSpinBox *>(field.editor))
        return Json(spin->value());
    if (auto *spin = qobject_cast<QDoubleSpinBox *>(field.editor))
        return Json(spin->value());
    if (auto *check = qobject_cast<QCheckBox *>(field.editor))
        return Json(check->isChecked());
    if (auto *edit = qobject_cast<QLineEdit *>(field.editor)) {
        // An optional string left empty is left out, as the catalog's templates expect of "no value".
        if (edit->text().isEmpty() && !parameter.required && !parameter.defaultValue)
            return std::nullopt;
        return Json(edit->text().toStdString());
    }
    return std::nullopt;
}

void ParameterForm::setValueOf(int index, const Json &value)
{
    const CommandParameter &parameter = m_parameters.at(index);
    const Field &field = m_fields.at(index);
    if (field.include)
        field.include->setChecked(!value.is_null());
    if (value.is_null()) {
        if (auto *combo = qobject_cast<QComboBox *>(field.editor))
            combo->setCurrentIndex(-1);
        else if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
            edit->clear();
        return;
    }
    if (auto *combo = qobject_cast<QComboBox *>(field.editor)) {
        for (size_t i = 0; i < parameter.allowed.size(); ++i) {
            if (parameter.allowed.at(i) == value)
                combo->setCurrentIndex(int(i));
        }
    } else if (auto *spin = qobject_cast<QSpinBox *>(field.editor)) {
        if (value.is_number())
            spin->setValue(toInt(value.get<double>()));
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(field.editor)) {
        if (value.is_number())
            spin->setValue(value.get<double>());
    } else if (auto *check = qobject_cast<QCheckBox *>(field.editor)) {
        if (value.is_boolean())
            check->setChecked(value.get<bool>());
    } else if (auto *edit = qobject_cast<QLineEdit *>(field.editor)) {
        if (value.is_string())
            edit->setText(QString::fromStdString(value.get<std::string>()));
    }
}

void ParameterForm::setDefault(int index)
{
    const CommandParameter &parameter = m_parameters.at(index);
    const Field &field = m_fields.at(index);
    // Numbers start inside their range (0 when it allows it), so that the first value shown is sendable.
    if (auto *spin = qobject_cast<QSpinBox *>(field.editor))
        spin->setValue(std::clamp(0, spin->minimum(), spin->maximum()));
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(field.editor))
        spin->setValue(std::clamp(0.0, spin->minimum(), spin->maximum()));
    setValueOf(index, parameter.defaultValue.value_or(Json()));
}

void ParameterForm::setValues(const Json &values)
{
    if (!values.is_object())
        return;
    m_filling = true;
    for (int i = 0; i < m_parameters.size(); ++i) {
        const std::string name = m_parameters.at(i).name.toStdString();
        // A draft leaves out what was not sent: that is the "not sent" state again, not "keep".
        setValueOf(i, values.contains(name) ? values.at(name) : Json());
    }
    m_filling = false;
    onEdited();
}

void ParameterForm::reset()
{
    m_filling = true;
    for (int i = 0; i < m_parameters.size(); ++i)
        setDefault(i);
    m_filling = false;
    onEdited();
}

QString ParameterForm::problemOf(int index) const
{
    const CommandParameter &parameter = m_parameters.at(index);
    const std::optional<Json> value = valueOf(index);
    QString problem;
    if (!value) {
        if (parameter.required)
            problem = tr("%1 is required.").arg(parameter.name);
    } else {
        parameter.validate(*value, &problem);
    }
    return problem;
}

bool ParameterForm::isValid(QString *error) const
{
    for (int i = 0; i < m_parameters.size(); ++i) {
        const QString problem = problemOf(i);
        if (!problem.isEmpty()) {
            if (error)
                *error = problem;
            return false;
        }
    }
    return true;
}

QWidget *ParameterForm::editor(const QString &name) const
{
    for (int i = 0; i < m_parameters.size(); ++i) {
        if (m_parameters.at(i).name == name)
            return m_fields.at(i).editor;
    }
    return nullptr;
}

QCheckBox *ParameterForm::includeBox(const QString &name) const
{
    for (int i = 0; i < m_parameters.size(); ++i) {
        if (m_parameters.at(i).name == name)
            return m_fields.at(i).include;
    }
    return nullptr;
}

QLabel *ParameterForm::errorLabel(const QString &name) const
{
    for (int i = 0; i < m_parameters.size(); ++i) {
        if (m_parameters.at(i).name == name)
            return m_fields.at(i).error;
    }
    return nullptr;
}

void ParameterForm::onEdited()
{
    if (m_filling)
        return;
    updateErrors();
    Q_EMIT valuesChanged();
}

void ParameterForm::updateErrors()
{
    for (int i = 0; i < m_parameters.size(); ++i) {
        const QString problem = problemOf(i);
        QLabel *label = m_fields.at(i).error;
        label->setText(problem);
        label->setVisible(!problem.isEmpty());
    }
}

} // namespace fleet

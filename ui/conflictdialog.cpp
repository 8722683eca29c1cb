#include "conflictdialog.h"

#include "common/json.h"

#include "common/jsontext.h"
#include "jsonhighlighter.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace fleet {

namespace {

QPlainTextEdit *jsonEdit(const QString &name, const Json &value, bool readOnly, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setReadOnly(readOnly);
    new JsonHighlighter(edit->document());
    edit->setPlainText(indentedJson(value));
    return edit;
}

} // namespace

ConflictDialog::ConflictDialog(const Json &yours, const Json &current, qint64 currentVersion,
                               const Json &merged, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
    , m_currentVersion(currentVersion)
    , m_yours(jsonEdit(QStringLiteral("conflictYours"), yours, true, this))
    , m_currentEdit(jsonEdit(QStringLiteral("conflictCurrent"), current, true, this))
    , m_merged(jsonEdit(QStringLiteral("conflictMerged"), merged, false, this))
    , m_problem(new QLabel(this))
    , m_apply(nullptr)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("The desired state changed meanwhile"));

    auto *explanation = new QLabel(
        tr("Someone changed this shadow after you started editing, so your update was refused. The merge "
           "below is the current desired state with your change applied on top. Check it, edit it if you "
           "need to, and apply it."),
        this);
    explanation->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("conflictProblem"));
    m_problem->setTextFormat(Qt::PlainText); // the parser's message quotes the merged text

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply merged"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("conflictApply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *grid = new QGridLayout(this);
    grid->addWidget(explanation, 0, 0, 1, 3);
    grid->addWidget(new QLabel(tr("Yours"), this), 1, 0);
    grid->addWidget(new QLabel(tr("Current (version %1)").arg(currentVersion), this), 1, 1);
    grid->addWidget(new QLabel(tr("Merged: will be sent"), this), 1, 2);
    grid->addWidget(m_yours, 2, 0);
    grid->addWidget(m_currentEdit, 2, 1);
    grid->addWidget(m_merged, 2, 2);
    grid->addWidget(m_problem, 3, 0, 1, 3);
    grid->addWidget(buttons, 4, 0, 1, 3);
    grid->setRowStretch(2, 1);
    resize(900, 500);

    connect(m_merged, &QPlainTextEdit::textChanged, this, &ConflictDialog::validate);
    validate();
}

ConflictDialog::~ConflictDialog() = default;

std::optional<Json> ConflictDialog::merged() const
{
    auto parsed = JsonText::parse(m_merged->toPlainText());
    if (Json *value = std::get_if<Json>(&parsed); value && value->is_object())
        return std::move(*value);
    return std::nullopt;
}

void ConflictDialog::validate()
{
    const auto parsed = JsonText::parse(m_merged->toPlainText());
    QString problem;
    if (const auto *error = std::get_if<JsonText::Error>(&parsed))
        problem = error->message;
    else if (!std::get<Json>(parsed).is_object())
        problem = tr("The desired state must be a JSON object.");
    m_problem->setText(problem);
    m_apply->setEnabled(problem.isEmpty());
}

} // namespace fleet

#include "statecolordelegate.h"

#include "fleeticons.h"
#include "models/approvalqueuemodel.h"
#include "models/auditlogmodel.h"
#include "models/commandtimelinemodel.h"

#include <QHash>

namespace fleet {

using Role = ThemeColors::Role;

StateColorDelegate::StateColorDelegate(ToneFunction tone, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_tone(std::move(tone))
{}

StateColorDelegate *StateColorDelegate::forCommandTimeline(QObject *parent)
{
    auto *delegate = new StateColorDelegate(
        [](const QModelIndex &index) {
            const QVariant state = index.data(CommandTimelineModel::StateRole);
            return state.isValid() ? commandTone(CommandExecution::State(state.toInt())) : Tone();
        },
        parent);
    delegate->setIconFunction([](const QModelIndex &index) {
        const QVariant state = index.data(CommandTimelineModel::StateRole);
        return index.column() == CommandTimelineModel::StateColumn && state.isValid()
                   ? FleetIcons::forCommandState(CommandExecution::State(state.toInt()))
                   : QIcon();
    });
    return delegate;
}

StateColorDelegate *StateColorDelegate::forApprovals(QObject *parent)
{
    return new StateColorDelegate(
        [](const QModelIndex &index) {
            const QVariant state = index.data(ApprovalQueueModel::StateRole);
            return state.isValid() ? approvalTone(ApprovalRequest::State(state.toInt())) : Tone();
        },
        parent);
}

StateColorDelegate *StateColorDelegate::forAuditLog(QObject *parent)
{
    return new StateColorDelegate(
        [](const QModelIndex &index) { return auditTone(index.data(AuditLogModel::ActionRole).toString()); },
        parent);
}

StateColorDelegate::Tone StateColorDelegate::commandTone(CommandExecution::State state)
{
    using State = CommandExecution::State;
    switch (state) {
    case State::Succeeded:
        return Role::Success;
    case State::Failed:
    case State::TimedOut:
    case State::Unreachable:
    case State::Rejected:
        return Role::Failure;
    case State::AwaitingApproval:
    case State::Approved:
    case State::Queued:
    case State::Sent:
    case State::Running:
        return Role::Warning;
    case State::Cancelled:
        return Role::Muted;
    }
    return {};
}

StateColorDelegate::Tone StateColorDelegate::approvalTone(ApprovalRequest::State state)
{
    using State = ApprovalRequest::State;
    switch (state) {
    case State::Pending:
        return Role::Warning;
    case State::Approved:
        return Role::Success;
    case State::Rejected:
    case State::Expired: // nobody decided in time: the command was not sent
        return Role::Failure;
    case State::Withdrawn:
        return Role::Muted;
    }
    return {};
}

StateColorDelegate::Tone StateColorDelegate::auditTone(const QString &action)
{
    // The gate's actions (hub/commandgate.cpp, ApprovalRequest::stateKey()).
    static const QHash<QString, Role> tones = {
        {QStringLiteral("relayed"), Role::Success},
        {QStringLiteral("sent"), Role::Success},
        {QStringLiteral("resent"), Role::Success},
        {QStringLiteral("approved"), Role::Success},
        {QStringLiteral("held"), Role::Warning},
        {QStringLiteral("pending"), Role::Warning},
        {QStringLiteral("refused"), Role::Failure},
        {QStringLiteral("rejected"), Role::Failure},
        {QStringLiteral("expired"), Role::Failure},
        {QStringLiteral("decision-ignored"), Role::Failure},
        {QStringLiteral("cancel-ignored"), Role::Failure},
        {QStringLiteral("withdrawn"), Role::Muted},
    };
    const auto it = tones.constFind(action);
    return it == tones.cend() ? Tone() : Tone(*it);
}

QColor StateColorDelegate::foregroundFor(const QModelIndex &index, const QPalette &palette) const
{
    const Tone tone = m_tone ? m_tone(index) : Tone();
    return tone ? ThemeColors::forPalette(palette).color(*tone) : QColor();
}

void StateColorDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Text only: a selected row keeps the palette's highlighted text, which the style draws from
    // HighlightedText rather than Text.
    if (const QColor colour = foregroundFor(index, option->palette); colour.isValid())
        option->palette.setColor(QPalette::Text, colour);
    // The colour is not all a state says: an icon tells failed from succeeded without telling red from
    // green.
    if (const QIcon icon = m_icon ? m_icon(index) : QIcon(); !icon.isNull()) {
        option->icon = icon;
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
}

} // namespace fleet

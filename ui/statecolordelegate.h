#pragma once

#include "commands/approvalrequest.h"
#include "commands/commandexecution.h"
#include "themecolors.h"

#include <QIcon>
#include <QStyledItemDelegate>

#include <functional>
#include <optional>

namespace fleet {

// Colours the text of cells by the state or outcome their row stands for: failures red, successes green,
// what is still under way (in progress, awaiting approval) amber, cancelled and withdrawn muted; the
// background is left to the view (selection, alternating rows). The colour is ThemeColors' for the palette
// being painted with, so a theme switch recolours the cells at the next paint. The models only give the raw
// state; which tone a state gets is decided here, in one place for every view.
//
// Set it for a whole view (the command timeline colours its rows) or for one column (the approvals' state,
// the audit log's action).
class StateColorDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using Tone = std::optional<ThemeColors::Role>;
    // The tone of an index's row, or none to keep the palette's text colour.
    using ToneFunction = std::function<Tone(const QModelIndex &)>;

    // The icon a cell shows before its text (the state column's), or a null icon.
    using IconFunction = std::function<QIcon(const QModelIndex &)>;

    explicit StateColorDelegate(ToneFunction tone, QObject *parent = nullptr);
    void setIconFunction(IconFunction icon) { m_icon = std::move(icon); }

    // A delegate for CommandTimelineModel rows (broadcast rows included), by StateRole; the state column
    // shows the state's icon too.
    static StateColorDelegate *forCommandTimeline(QObject *parent);
    // A delegate for ApprovalQueueModel rows, by StateRole.
    static StateColorDelegate *forApprovals(QObject *parent);
    // A delegate for AuditLogModel rows, by ActionRole.
    static StateColorDelegate *forAuditLog(QObject *parent);

    static Tone commandTone(CommandExecution::State state);
    static Tone approvalTone(ApprovalRequest::State state);
    // An audit action as the gate writes it ("approved", "refused", "held", ...); none for one it does not
    // know, which stays in the normal text colour.
    static Tone auditTone(const QString &action);

    // The text colour index gets on palette; invalid when it keeps the palette's.
    QColor foregroundFor(const QModelIndex &index, const QPalette &palette) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ToneFunction m_tone;
    IconFunction m_icon;
};

} // namespace fleet

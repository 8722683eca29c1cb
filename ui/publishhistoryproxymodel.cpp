#include "publishhistoryproxymodel.h"

#include "common/elided.h"
#include "mqtt/publishdraft.h"
#include "mqtt/publishhistory.h"
#include "themecolors.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

namespace fleet {

PublishHistoryProxyModel::PublishHistoryProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{}

QString PublishHistoryProxyModel::outcomeText(int outcome, int route)
{
    using Outcome = PublishHistory::Outcome;
    using Route = PublishHistory::Route;
    switch (Outcome(outcome)) {
    case Outcome::Pending:
        return tr("pending", "publish outcome");
    case Outcome::Sent:
        return Route(route) == Route::Direct ? tr("sent", "publish outcome")
                                             : tr("sent through the gate", "publish outcome");
    case Outcome::Held:
        return tr("held for approval", "publish outcome");
    case Outcome::Refused:
        return tr("refused", "publish outcome");
    case Outcome::Unknown:
        return tr("outcome unknown", "publish outcome: the console closed before it was known");
    }
    return {};
}

QVariant PublishHistoryProxyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    using namespace PublishHistoryRoles;
    const auto raw = [&](int r) { return QIdentityProxyModel::data(index, r); };
    switch (role) {
    case Qt::DisplayRole: {
        const QDateTime time = raw(TimeRole).toDateTime().toLocalTime();
        QString flags = tr("QoS %1").arg(raw(QosRole).toInt());
        if (raw(RetainRole).toBool())
            flags += tr(", retained");
        return tr("%1  %2  %3  (%4)", "time, outcome, topic, flags")
            .arg(QLocale().toString(time.time(), QLocale::ShortFormat),
                 outcomeText(raw(OutcomeRole).toInt(), raw(RouteRole).toInt()),
                 elided(raw(TopicRole).toString(), 200), flags);
    }
    case Qt::ToolTipRole: {
        const auto format = PublishDraft::Format(raw(FormatRole).toInt());
        QString payload = PublishDraft::decode(raw(PayloadRole).toByteArray(), format);
        payload = elided(payload, MaxTooltipPayloadChars);
        QStringList lines = {
            elided(raw(TopicRole).toString(), 500),
            QLocale().toString(raw(TimeRole).toDateTime().toLocalTime(), QLocale::LongFormat)};
        if (!raw(DetailRole).toString().isEmpty())
            lines.append(elided(raw(DetailRole).toString(), 500));
        if (raw(PayloadTruncatedRole).toBool())
            lines.append(tr("The payload was cut to %1 KiB in the history.")
                             .arg(PublishHistory::MaxPayloadBytes / 1024));
        lines.append(payload);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole: {
        const ThemeColors colors = ThemeColors::forPalette(QApplication::palette());
        switch (PublishHistory::Outcome(raw(OutcomeRole).toInt())) {
        case PublishHistory::Outcome::Refused:
            return colors.color(ThemeColors::Role::Failure);
        case PublishHistory::Outcome::Held:
        case PublishHistory::Outcome::Pending:
            return colors.color(ThemeColors::Role::Warning);
        case PublishHistory::Outcome::Unknown:
            return colors.color(ThemeColors::Role::Muted);
        case PublishHistory::Outcome::Sent:
            break;
        }
        return {};
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace fleet

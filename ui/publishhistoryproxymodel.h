#pragma once

#include <QIdentityProxyModel>

namespace fleet {

// PublishHistory's rows worded for the Publish view's list: the display text (time, outcome, topic, QoS and
// retain), a tooltip with the payload's start and the outcome's detail, and the outcome's colour. The model
// keeps raw values (PublishHistoryRoles); this is the one place they become words.
class PublishHistoryProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit PublishHistoryProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The outcome (a PublishHistory::Outcome) and route (a PublishHistory::Route) for a person.
    static QString outcomeText(int outcome, int route);

    // How much of a payload a tooltip shows.
    static constexpr qsizetype MaxTooltipPayloadChars = 512;
};

} // namespace fleet

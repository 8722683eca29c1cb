#pragma once

#include <QStyledItemDelegate>

namespace fleet {

// Colours a JsonTreeModel's rows: a row whose desired value the device has not reached yet (the model's
// DiffersRole) gets a warm background across its columns, so that the operator sees at a glance what the
// delta is made of. The model only says which rows differ; the colour is the view's business.
class JsonDiffDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit JsonDiffDelegate(QObject *parent = nullptr);

    static QColor differsColour(const QPalette &palette);
    // The background a cell gets: the differs colour, or no brush.
    static QBrush backgroundFor(const QModelIndex &index, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace fleet

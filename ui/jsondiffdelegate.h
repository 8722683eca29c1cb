#pragma once

#include <QStyledItemDelegate>

namespace fleet {

// Colours a JsonTreeModel's rows: a row whose desired value the device has not reached yet (the model's
// DiffersRole) gets a warm background and the theme's delta text colour across its columns, so that the
// operator sees at a glance what the delta is made of. The model only says which rows differ; the colour is
// the view's business, and comes from ThemeColors for the palette being painted with.
class JsonDiffDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit JsonDiffDelegate(QObject *parent = nullptr);

    // How much of the delta colour the background of a differing row is mixed from.
    static constexpr double DiffersTint = 0.15;

    static QColor differsColour(const QPalette &palette);
    static QColor differsTextColour(const QPalette &palette);
    // The background a cell gets: the differs colour, or no brush.
    static QBrush backgroundFor(const QModelIndex &index, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace fleet

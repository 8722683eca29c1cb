#pragma once

#include "common/json.h"

#include <QAbstractItemModel>
#include <QString>

#include <nlohmann/json.hpp>

#include <array>
#include <memory>
#include <vector>

namespace fleet {

// A device shadow as a tree: desired, reported and delta side by side, one row per path found in any of them.
//
// Rows: the members of objects by key, children of the object's row, and the elements of arrays by index
// ("[0]"). The rows of one level are the union of the three documents' keys in insertion order: desired's
// first, then those only reported, then those only in delta. A document that is null counts as absent.
//
// Each value column shows that document's value at the row's path as compact JSON (strings quoted, so that
// "1" and 1 look different; objects and arrays in full, elided), and nothing where the document lacks the
// path.
//
// DiffersRole marks a row the operator should look at: delta lists its path, or desired sets it and reported
// does not hold the same value. That is how AWS IoT computes a delta, so a key only reported (firmware
// version, battery) never differs. An object differs when one of its members does; an array differs unless it
// equals reported's as a whole, as AWS compares arrays.
//
// setDocuments() keeps the tree when the set of paths is unchanged (the usual shadow update changes values,
// not keys): only the rows whose cells or flags changed get dataChanged(), one signal per run of rows under
// one parent, so that a view keeps its expansion, selection and scroll position. When a path appears or
// disappears the model resets, which views survive but which collapses their tree; finding the inserted and
// removed rows across three documents is not worth it for documents of a few dozen keys.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, DesiredColumn, ReportedColumn, DeltaColumn, ColumnCount };

    enum Role {
        DiffersRole = Qt::UserRole + 1, // bool, on every column of the row
        InDeltaRole,                    // bool: delta lists the path; on every column of the row
        PathRole, // QString: the row's JSON Pointer (RFC 6901), e.g. "/led/color", "/list/0"
        JsonRole, // QString: a value column's value as compact JSON; invalid when absent
    };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setDocuments(Json desired, Json reported, Json delta);
    void clear();

    const Json &desired() const;
    const Json &reported() const;
    const Json &delta() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // desired, reported, delta: the value columns in order.
    using Documents = std::array<Json, 3>;
    struct Node;
    // A run of changed rows under one parent, for one dataChanged().
    struct ChangedRun
    {
        Node *parent = nullptr;
        int first = 0;
        int last = 0;
    };

    static void build(Node &node);
    static bool sameShape(const Node &a, const Node &b);
    // Moves next's values and flags into current (same shape), collecting the rows whose data changed.
    static void adopt(Node &current, const Node &next, std::vector<ChangedRun> &changed);
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node, int column) const;

    // Held by pointer: the nodes point into the documents, and a new set must not move under them.
    std::unique_ptr<Documents> m_documents;
    std::unique_ptr<Node> m_root;
};

} // namespace fleet

#include "jsontreemodel.h"

#include "common/json.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr int DesiredValue = 0;
constexpr int ReportedValue = 1;
constexpr int DeltaValue = 2;
// Characters of JSON in a value cell; JsonRole gives the whole value.
constexpr qsizetype DisplayCharacters = 200;

// Two values look the same in a cell: same type (1 and 1.0 compare equal but print differently), and for
// objects and arrays the same size, since their members are compared as rows of their own.
bool sameCell(const Json *a, const Json *b)
{
    if (!a || !b)
        return a == b;
    if (a->type() != b->type())
        return false;
    if (a->is_structured())
        return a->size() == b->size();
    return *a == *b;
}

QString pointerToken(const QString &key)
{
    QString token = key;
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

} // namespace

struct JsonTreeModel::Node
{
    QString key;    // an object member's name; empty for an array element
    int index = -1; // an array element's index; -1 for an object member
    Node *parent = nullptr;
    int row = 0;
    // desired, reported and delta at this path, pointing into the model's documents; null when absent.
    std::array<const Json *, 3> values{};
    std::vector<std::unique_ptr<Node>> children;
    bool differs = false;
    bool inDelta = false;

    bool sameName(const Node &other) const { return index == other.index && key == other.key; }
    bool sameData(const Node &other) const
    {
        return differs == other.differs && inDelta == other.inDelta &&
               std::equal(values.cbegin(), values.cend(), other.values.cbegin(), sameCell);
    }
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_documents(std::make_unique<Documents>())
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

const Json &JsonTreeModel::desired() const
{
    return (*m_documents)[DesiredValue];
}

const Json &JsonTreeModel::reported() const
{
    return (*m_documents)[ReportedValue];
}

const Json &JsonTreeModel::delta() const
{
    return (*m_documents)[DeltaValue];
}

void JsonTreeModel::clear()
{
    setDocuments(Json(), Json(), Json());
}

void JsonTreeModel::setDocuments(Json desired, Json reported, Json delta)
{
    auto documents =
        std::make_unique<Documents>(Documents{std::move(desired), std::move(reported), std::move(delta)});
    auto root = std::make_unique<Node>();
    for (int i = 0; i < 3; ++i)
        root->values[size_t(i)] = (*documents)[size_t(i)].is_null() ? nullptr : &(*documents)[size_t(i)];
    build(*root);

    if (!sameShape(*m_root, *root)) {
        beginResetModel();
        m_root = std::move(root);
        m_documents = std::move(documents);
        endResetModel();
        return;
    }
    // Compared while the old documents still exist, signalled once the model holds the new ones.
    std::vector<ChangedRun> changed;
    adopt(*m_root, *root, changed);
    m_documents = std::move(documents);
    for (const ChangedRun &run : changed) {
        const QModelIndex parent = run.parent == m_root.get() ? QModelIndex() : indexFor(run.parent, 0);
        Q_EMIT dataChanged(index(run.first, 0, parent), index(run.last, ColumnCount - 1, parent));
    }
}

void JsonTreeModel::build(Node &node)
{
    // Members first, by name in the order first met across desired, reported and delta; a hash keeps wide
    // objects from costing a scan per key.
    QHash<QString, Node *> members;
    for (int d = 0; d < 3; ++d) {
        const Json *value = node.values[size_t(d)];
        if (!value || !value->is_object())
            continue;
        for (auto it = value->cbegin(); it != value->cend(); ++it) {
            const QString key = QString::fromStdString(it.key());
            Node *&child = members[key];
            if (!child) {
                auto created = std::make_unique<Node>();
                created->key = key;
                child = created.get();
                node.children.push_back(std::move(created));
            }
            child->values[size_t(d)] = &it.value();
        }
    }
    // Then array elements by index, up to the longest array. A path that is an object in one document and an
    // array in another has both kinds of children.
    size_t elements = 0;
    for (const Json *value : node.values) {
        if (value && value->is_array())
            elements = std::max(elements, value->size());
    }
    for (size_t i = 0; i < elements; ++i) {
        auto child = std::make_unique<Node>();
        child->index = int(i);
        for (int d = 0; d < 3; ++d) {
            const Json *value = node.values[size_t(d)];
            if (value && value->is_array() && i < value->size())
                child->values[size_t(d)] = &(*value)[i];
        }
        node.children.push_back(std::move(child));
    }

    bool childDiffers = false;
    for (size_t row = 0; row < node.children.size(); ++row) {
        Node &child = *node.children[row];
        child.parent = &node;
        child.row = int(row);
        build(child);
        childDiffers = childDiffers || child.differs;
    }

    const Json *desired = node.values[DesiredValue];
    const Json *reported = node.values[ReportedValue];
    node.inDelta = node.values[DeltaValue] != nullptr;
    if (node.inDelta)
        node.differs = true;
    else if (!desired)
        node.differs = false; // only reported: the device may report what nobody asked for
    else if (!reported)
        node.differs = true;
    else if (desired->is_object() && reported->is_object())
        node.differs = childDiffers; // desired may name only some members
    else
        node.differs = *desired != *reported;
}

bool JsonTreeModel::sameShape(const Node &a, const Node &b)
{
    if (a.children.size() != b.children.size())
        return false;
    for (size_t i = 0; i < a.children.size(); ++i) {
        const Node &x = *a.children[i];
        const Node &y = *b.children[i];
        if (!x.sameName(y) || !sameShape(x, y))
            return false;
    }
    return true;
}

void JsonTreeModel::adopt(Node &current, const Node &next, std::vector<ChangedRun> &changed)
{
    current.values = next.values;
    current.differs = next.differs;
    current.inDelta = next.inDelta;
    for (size_t i = 0; i < current.children.size(); ++i) {
        Node &child = *current.children[i];
        const Node &update = *next.children[i];
        if (!child.sameData(update)) {
            const int row = int(i);
            if (!changed.empty() && changed.back().parent == &current && changed.back().last == row - 1)
                changed.back().last = row;
            else
                changed.push_back(ChangedRun{&current, row, row});
        }
        adopt(child, update, changed);
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::indexFor(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeFor(parent);
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent, 0);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    // Children hang off the first column only, as tree views expect.
    if (parent.column() > 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const int column = index.column();
    const Json *value = column == KeyColumn ? nullptr : node->values[size_t(column - DesiredColumn)];

    switch (role) {
    case DiffersRole:
        return node->differs;
    case InDeltaRole:
        return node->inDelta;
    case PathRole: {
        QStringList tokens;
        for (const Node *n = node; n && n->parent; n = n->parent)
            tokens.prepend(n->index >= 0 ? QString::number(n->index) : pointerToken(n->key));
        return QString(u"/"_s + tokens.join(u'/'));
    }
    case JsonRole:
        return value ? QVariant(compactJson(*value)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    if (column == KeyColumn)
        return node->index >= 0 ? u"[%1]"_s.arg(node->index) : node->key;
    if (!value)
        return {};
    QString text = compactJson(*value);
    if (text.size() > DisplayCharacters) {
        text.truncate(DisplayCharacters);
        text += QChar(0x2026);
    }
    return text;
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case DesiredColumn:
        return tr("Desired");
    case ReportedColumn:
        return tr("Reported");
    case DeltaColumn:
        return tr("Delta");
    default:
        return {};
    }
}

QHash<int, QByteArray> JsonTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(DiffersRole, "differs");
    names.insert(InDeltaRole, "inDelta");
    names.insert(PathRole, "path");
    names.insert(JsonRole, "json");
    return names;
}

} // namespace fleet

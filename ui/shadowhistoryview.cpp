#include "shadowhistoryview.h"

#include "common/json.h"

#include "common/jsontext.h"
#include "itemviewactions.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

#include <map>

namespace fleet {

namespace {

using Leaves = std::vector<std::pair<QString, const Json *>>;

// The leaves of a section by path, in document order; an empty object is a leaf of its own so that adding
// one shows.
void flatten(const Json &value, const QString &path, Leaves &leaves)
{
    if (value.is_object() && !value.empty()) {
        for (const auto &[key, child] : value.items())
            flatten(child, path + u'/' + QString::fromStdString(key), leaves);
        return;
    }
    leaves.emplace_back(path, &value);
}

void diffSection(const char *name, const Json &from, const Json &to, QStringList &lines)
{
    const QString root = QString::fromLatin1(name);
    Leaves before;
    Leaves after;
    flatten(from, root, before);
    flatten(to, root, after);
    // A section that is an empty object is not a leaf worth reporting.
    auto dropEmptyRoot = [&root](Leaves &leaves) {
        if (leaves.size() == 1 && leaves.front().first == root)
            leaves.clear();
    };
    dropEmptyRoot(before);
    dropEmptyRoot(after);
    std::map<QString, const Json *> old;
    for (const auto &[path, value] : before)
        old.emplace(path, value);
    for (const auto &[path, value] : after) {
        const auto it = old.find(path);
        if (it == old.end()) {
            lines.append(QStringLiteral("+ %1: %2").arg(path, compactJson(*value)));
            continue;
        }
        if (*it->second != *value) {
            lines.append(QStringLiteral("~ %1: %2 \u2192 %3")
                             .arg(path, compactJson(*it->second), compactJson(*value)));
        }
        old.erase(it);
    }
    for (const auto &[path, value] : before) {
        if (old.count(path))
            lines.append(QStringLiteral("- %1: %2").arg(path, compactJson(*value)));
    }
}

} // namespace

ShadowHistoryView::ShadowHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_diff(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("shadowHistoryView"));
    m_list->setObjectName(QStringLiteral("shadowHistoryList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformItemSizes(true);
    m_diff->setObjectName(QStringLiteral("shadowHistoryDiff"));
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(
        tr("Select a version to compare it with the one before, or two versions to compare them."));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("shadowHistorySplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Versions received while this device was shown"), this));
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::itemSelectionChanged, this, &ShadowHistoryView::showDiff);
    ItemViewActions::addCopy(m_list);
}

ShadowHistoryView::~ShadowHistoryView() = default;

void ShadowHistoryView::addDocument(const Entry &entry)
{
    if (!m_entries.isEmpty() && m_entries.constLast().version == entry.version)
        return;
    while (m_entries.size() >= m_maxEntries) {
        m_entries.removeFirst();
        delete m_list->takeItem(0);
    }
    m_entries.append(entry);
    m_list->addItem(label(entry));
}

void ShadowHistoryView::clear()
{
    m_entries.clear();
    m_list->clear();
    m_diff->clear();
}

void ShadowHistoryView::setMaxEntries(int entries)
{
    m_maxEntries = std::max(2, entries);
    while (m_entries.size() > m_maxEntries) {
        m_entries.removeFirst();
        delete m_list->takeItem(0);
    }
}

bool ShadowHistoryView::selectVersions(qint64 from, qint64 to)
{
    int fromRow = -1;
    int toRow = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).version == from)
            fromRow = i;
        if (m_entries.at(i).version == to)
            toRow = i;
    }
    if (fromRow < 0 || toRow < 0)
        return false;
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    m_list->item(fromRow)->setSelected(true);
    m_list->item(toRow)->setSelected(true);
    showDiff();
    return true;
}

QString ShadowHistoryView::diffText() const
{
    return m_diff->toPlainText();
}

QString ShadowHistoryView::label(const Entry &entry) const
{
    const QString when =
        QDateTime::fromMSecsSinceEpoch(entry.receivedMs).toString(QStringLiteral("HH:mm:ss"));
    return tr("Version %1 at %2").arg(entry.version).arg(when);
}

void ShadowHistoryView::showDiff()
{
    QList<int> rows;
    for (const QListWidgetItem *item : m_list->selectedItems())
        rows.append(m_list->row(item));
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty()) {
        m_diff->clear();
        return;
    }
    const int to = rows.constLast();
    const int from = rows.size() >= 2 ? rows.constFirst() : to - 1;
    const Entry &newer = m_entries.at(to);
    if (from < 0) {
        m_diff->setPlainText(tr("Version %1 is the first received.\n\ndesired: %2\nreported: %3")
                                 .arg(newer.version)
                                 .arg(compactJson(newer.desired), compactJson(newer.reported)));
        return;
    }
    const Entry &older = m_entries.at(from);
    const QString changes = diff(older, newer);
    m_diff->setPlainText(tr("From version %1 to version %2:\n\n%3")
                             .arg(older.version)
                             .arg(newer.version)
                             .arg(changes.isEmpty() ? tr("No change to desired or reported.") : changes));
}

QString ShadowHistoryView::diff(const Entry &from, const Entry &to)
{
    QStringList lines;
    diffSection("desired", from.desired, to.desired, lines);
    diffSection("reported", from.reported, to.reported, lines);
    return lines.join(u'\n');
}

} // namespace fleet

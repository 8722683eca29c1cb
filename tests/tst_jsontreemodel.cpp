// JsonTreeModel: desired, reported and delta side by side; rows in insertion order, nested objects, arrays by
// index; which rows differ (AWS's delta rule) and which are in delta, delta-only paths; updates that keep the
// shape emit dataChanged only, and added or removed keys reset.

#include "models/jsontreemodel.h"

#include "common/json.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <string>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::JsonTreeModel;

namespace {

// JSON written with single quotes, so that the tests read without a backslash before every quote.
Json json(const char *text)
{
    std::string source(text);
    std::replace(source.begin(), source.end(), '\'', '"');
    return Json::parse(source);
}

// The index of the row at a JSON Pointer, in the given column.
QModelIndex find(const QAbstractItemModel &model, const QString &pointer, int column = 0,
                 const QModelIndex &parent = QModelIndex())
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString path = index.data(JsonTreeModel::PathRole).toString();
        if (path == pointer)
            return index.siblingAtColumn(column);
        if (pointer.startsWith(path + u'/')) {
            const QModelIndex found = find(model, pointer, column, index);
            if (found.isValid())
                return found;
        }
    }
    return {};
}

QStringList keys(const QAbstractItemModel &model, const QModelIndex &parent = QModelIndex())
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result << model.index(row, JsonTreeModel::KeyColumn, parent).data().toString();
    return result;
}

struct Fixture
{
    Fixture()
    {
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    QVariant at(const QString &pointer, int column, int role = Qt::DisplayRole) const
    {
        return find(model, pointer, column).data(role);
    }
    bool differs(const QString &pointer) const { return at(pointer, 0, JsonTreeModel::DiffersRole).toBool(); }

    JsonTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestJsonTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.columnCount(), int(JsonTreeModel::ColumnCount));
        QCOMPARE(f.model.columnCount(), 4);
        const QStringList headers = {u"Key"_s, u"Desired"_s, u"Reported"_s, u"Delta"_s};
        for (int column = 0; column < headers.size(); ++column)
            QCOMPARE(f.model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
        f.model.setDocuments(Json(), Json(), Json());
        QCOMPARE(f.model.rowCount(), 0);
        QVERIFY(f.model.desired().is_null());
    }

    void flatDocumentsInInsertionOrder()
    {
        Fixture f;
        f.model.setDocuments(json("{'led':'red','interval':10}"),
                             json("{'zeta':1,'interval':10,'led':'blue','battery':90}"),
                             json("{'led':'red'}"));
        // desired's keys first, then those only reported, in their documents' order.
        QCOMPARE(keys(f.model), QStringList({u"led"_s, u"interval"_s, u"zeta"_s, u"battery"_s}));

        QCOMPARE(f.at(u"/led"_s, JsonTreeModel::DesiredColumn).toString(), u"\"red\""_s);
        QCOMPARE(f.at(u"/led"_s, JsonTreeModel::ReportedColumn).toString(), u"\"blue\""_s);
        QCOMPARE(f.at(u"/led"_s, JsonTreeModel::DeltaColumn).toString(), u"\"red\""_s);
        QCOMPARE(f.at(u"/interval"_s, JsonTreeModel::DesiredColumn).toString(), u"10"_s);
        QCOMPARE(f.at(u"/interval"_s, JsonTreeModel::ReportedColumn).toString(), u"10"_s);
        QVERIFY(!f.at(u"/interval"_s, JsonTreeModel::DeltaColumn).isValid());
        QVERIFY(!f.at(u"/battery"_s, JsonTreeModel::DesiredColumn).isValid());
        QCOMPARE(f.at(u"/battery"_s, JsonTreeModel::ReportedColumn).toString(), u"90"_s);

        QVERIFY(f.differs(u"/led"_s));
        QVERIFY(f.at(u"/led"_s, JsonTreeModel::ReportedColumn, JsonTreeModel::InDeltaRole).toBool());
        QVERIFY(!f.differs(u"/interval"_s));
        QVERIFY(!f.at(u"/interval"_s, 0, JsonTreeModel::InDeltaRole).toBool());
        QVERIFY(!f.differs(u"/battery"_s)); // only reported: nobody asked for it

        QCOMPARE(f.model.rowCount(find(f.model, u"/led"_s)), 0);
        // QCOMPARE cannot take nlohmann values (see tests/support/testutil.h).
        QVERIFY(f.model.desired() == json("{'led':'red','interval':10}"));
        QVERIFY(f.model.delta() == json("{'led':'red'}"));
    }

    void nestedObjects()
    {
        Fixture f;
        f.model.setDocuments(json("{'light':{'color':'red','level':3},'fan':{'on':true}}"),
                             json("{'light':{'color':'red','level':2,'mode':'auto'},'fan':{'on':true}}"),
                             Json());
        QCOMPARE(keys(f.model), QStringList({u"light"_s, u"fan"_s}));
        const QModelIndex light = find(f.model, u"/light"_s);
        QVERIFY(light.isValid());
        QCOMPARE(keys(f.model, light), QStringList({u"color"_s, u"level"_s, u"mode"_s}));
        const QModelIndex level = f.model.index(1, 0, light);
        QCOMPARE(f.model.parent(level), light);
        QCOMPARE(level.data(JsonTreeModel::PathRole).toString(), u"/light/level"_s);
        // Only the first column has children.
        QCOMPARE(f.model.rowCount(light.siblingAtColumn(1)), 0);

        QCOMPARE(f.at(u"/light"_s, JsonTreeModel::DesiredColumn).toString(),
                 u"{\"color\":\"red\",\"level\":3}"_s);
        QVERIFY(f.differs(u"/light"_s)); // because of level
        QVERIFY(!f.differs(u"/light/color"_s));
        QVERIFY(f.differs(u"/light/level"_s));
        QVERIFY(!f.differs(u"/light/mode"_s));
        QVERIFY(!f.differs(u"/fan"_s));
        QVERIFY(!f.differs(u"/fan/on"_s));
        QCOMPARE(f.at(u"/fan/on"_s, JsonTreeModel::ReportedColumn).toString(), u"true"_s);
    }

    void arrays()
    {
        Fixture f;
        f.model.setDocuments(json("{'schedule':[1,2,3],'zones':[{'id':1,'on':true}]}"),
                             json("{'schedule':[1,2],'zones':[{'id':1,'on':true}]}"), Json());
        const QModelIndex schedule = find(f.model, u"/schedule"_s);
        QCOMPARE(keys(f.model, schedule), QStringList({u"[0]"_s, u"[1]"_s, u"[2]"_s}));
        QCOMPARE(f.at(u"/schedule/2"_s, JsonTreeModel::DesiredColumn).toString(), u"3"_s);
        QVERIFY(!f.at(u"/schedule/2"_s, JsonTreeModel::ReportedColumn).isValid());
        QCOMPARE(f.at(u"/schedule"_s, JsonTreeModel::ReportedColumn).toString(), u"[1,2]"_s);
        // Arrays differ as a whole, like AWS compares them; elements say which one.
        QVERIFY(f.differs(u"/schedule"_s));
        QVERIFY(!f.differs(u"/schedule/0"_s));
        QVERIFY(f.differs(u"/schedule/2"_s));

        // Objects inside arrays are rows too.
        QCOMPARE(keys(f.model, find(f.model, u"/zones/0"_s)), QStringList({u"id"_s, u"on"_s}));
        QCOMPARE(f.at(u"/zones/0/on"_s, JsonTreeModel::DesiredColumn).toString(), u"true"_s);
        QVERIFY(!f.differs(u"/zones"_s));
        QVERIFY(!f.differs(u"/zones/0/id"_s));
    }

    void differs_data()
    {
        QTest::addColumn<QString>("desired");
        QTest::addColumn<QString>("reported");
        QTest::addColumn<QString>("delta");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<bool>("differs");
        const QString none = u"null"_s;
        QTest::newRow("equal") << u"{'a':1}"_s << u"{'a':1}"_s << none << u"/a"_s << false;
        QTest::newRow("different") << u"{'a':1}"_s << u"{'a':2}"_s << none << u"/a"_s << true;
        QTest::newRow("1 and 1.0") << u"{'a':1}"_s << u"{'a':1.0}"_s << none << u"/a"_s << false;
        QTest::newRow("string and number") << u"{'a':'1'}"_s << u"{'a':1}"_s << none << u"/a"_s << true;
        QTest::newRow("desired only") << u"{'a':1}"_s << u"{}"_s << none << u"/a"_s << true;
        QTest::newRow("reported only") << u"{}"_s << u"{'a':1}"_s << none << u"/a"_s << false;
        QTest::newRow("no reported document") << u"{'a':1}"_s << none << none << u"/a"_s << true;
        QTest::newRow("no desired document") << none << u"{'a':1}"_s << none << u"/a"_s << false;
        QTest::newRow("member differs")
            << u"{'o':{'x':1}}"_s << u"{'o':{'x':2}}"_s << none << u"/o"_s << true;
        QTest::newRow("extra reported member")
            << u"{'o':{'x':1}}"_s << u"{'o':{'x':1,'y':2}}"_s << none << u"/o"_s << false;
        QTest::newRow("object and scalar") << u"{'o':{'x':1}}"_s << u"{'o':5}"_s << none << u"/o"_s << true;
        QTest::newRow("equal arrays") << u"{'l':[1,2]}"_s << u"{'l':[1,2]}"_s << none << u"/l"_s << false;
        QTest::newRow("reordered arrays") << u"{'l':[1,2]}"_s << u"{'l':[2,1]}"_s << none << u"/l"_s << true;
        QTest::newRow("longer reported array")
            << u"{'l':[1]}"_s << u"{'l':[1,2]}"_s << none << u"/l"_s << true;
        // delta is the device's word: a stale delta still marks the row.
        QTest::newRow("in delta") << u"{'a':1}"_s << u"{'a':1}"_s << u"{'a':1}"_s << u"/a"_s << true;
        QTest::newRow("member in delta")
            << u"{'o':{'x':1}}"_s << u"{'o':{'x':1}}"_s << u"{'o':{'x':1}}"_s << u"/o"_s << true;
    }

    void differs()
    {
        QFETCH(QString, desired);
        QFETCH(QString, reported);
        QFETCH(QString, delta);
        QFETCH(QString, pointer);
        QFETCH(bool, differs);
        Fixture f;
        f.model.setDocuments(json(desired.toUtf8().constData()), json(reported.toUtf8().constData()),
                             json(delta.toUtf8().constData()));
        QVERIFY(find(f.model, pointer).isValid());
        for (int column = 0; column < JsonTreeModel::ColumnCount; ++column)
            QCOMPARE(f.at(pointer, column, JsonTreeModel::DiffersRole).toBool(), differs);
    }

    void deltaOnlyPaths()
    {
        Fixture f;
        f.model.setDocuments(json("{'a':1}"), json("{'a':1}"), json("{'b':{'c':2}}"));
        QCOMPARE(keys(f.model), QStringList({u"a"_s, u"b"_s}));
        QCOMPARE(keys(f.model, find(f.model, u"/b"_s)), QStringList({u"c"_s}));
        for (const QString &pointer : {u"/b"_s, u"/b/c"_s}) {
            QVERIFY(f.differs(pointer));
            QVERIFY(f.at(pointer, 0, JsonTreeModel::InDeltaRole).toBool());
            QVERIFY(!f.at(pointer, JsonTreeModel::DesiredColumn).isValid());
            QVERIFY(!f.at(pointer, JsonTreeModel::ReportedColumn).isValid());
        }
        QCOMPARE(f.at(u"/b"_s, JsonTreeModel::DeltaColumn).toString(), u"{\"c\":2}"_s);
        QCOMPARE(f.at(u"/b/c"_s, JsonTreeModel::DeltaColumn).toString(), u"2"_s);
        QVERIFY(!f.differs(u"/a"_s));
    }

    void sameShapeEmitsDataChangedOnly()
    {
        Fixture f;
        f.model.setDocuments(json("{'light':{'color':'red','level':3},'fan':true}"),
                             json("{'light':{'color':'red','level':2},'fan':true}"),
                             json("{'light':{'level':3}}"));
        const QPersistentModelIndex level = find(f.model, u"/light/level"_s);
        const QPersistentModelIndex fan = find(f.model, u"/fan"_s);
        QVERIFY(level.isValid());
        QVERIFY(f.differs(u"/light"_s));

        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        // The device caught up: values and flags change, the paths do not.
        f.model.setDocuments(json("{'light':{'color':'red','level':3},'fan':true}"),
                             json("{'light':{'color':'red','level':3},'fan':true}"), Json());
        QCOMPARE(reset.size(), 0);
        QVERIFY(level.isValid());
        QCOMPARE(level.data(JsonTreeModel::PathRole).toString(), u"/light/level"_s);
        QCOMPARE(QModelIndex(level).siblingAtColumn(JsonTreeModel::ReportedColumn).data().toString(), u"3"_s);
        QVERIFY(!level.data(JsonTreeModel::DiffersRole).toBool());
        QVERIFY(!QModelIndex(level).siblingAtColumn(JsonTreeModel::DeltaColumn).data().isValid());
        QVERIFY(!f.differs(u"/light"_s));

        // /light (its flags and delta cell) and /light/level; /fan and /light/color did not change.
        QCOMPARE(changed.size(), 2);
        QList<QString> paths;
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            const auto topLeft = arguments.at(0).value<QModelIndex>();
            const auto bottomRight = arguments.at(1).value<QModelIndex>();
            QCOMPARE(topLeft.row(), bottomRight.row());
            QCOMPARE(topLeft.column(), 0);
            QCOMPARE(bottomRight.column(), JsonTreeModel::ColumnCount - 1);
            paths << topLeft.data(JsonTreeModel::PathRole).toString();
        }
        QCOMPARE(paths, QList<QString>({u"/light"_s, u"/light/level"_s}));
        QVERIFY(fan.isValid());

        // The same documents again: nothing to say.
        changed.clear();
        f.model.setDocuments(f.model.desired(), f.model.reported(), f.model.delta());
        QCOMPARE(changed.size(), 0);
        QCOMPARE(reset.size(), 0);

        // Neighbouring changed rows are one signal.
        f.model.setDocuments(json("{'light':{'color':'red','level':3},'fan':false}"),
                             json("{'light':{'color':'red','level':3},'fan':false}"), Json());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), QModelIndex(fan).siblingAtColumn(0));
    }

    void addedAndRemovedKeysReset()
    {
        Fixture f;
        f.model.setDocuments(json("{'a':1}"), json("{'a':1}"), Json());
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);

        f.model.setDocuments(json("{'a':1}"), json("{'a':1,'b':{'c':2}}"), Json());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(keys(f.model), QStringList({u"a"_s, u"b"_s}));
        QCOMPARE(f.at(u"/b/c"_s, JsonTreeModel::ReportedColumn).toString(), u"2"_s);

        f.model.setDocuments(json("{'a':1}"), json("{'a':1,'b':{}}"), Json());
        QCOMPARE(reset.size(), 2);
        QCOMPARE(f.model.rowCount(find(f.model, u"/b"_s)), 0);

        // A key that moves from one document to another keeps the paths: no reset.
        f.model.setDocuments(json("{'a':1,'b':{}}"), json("{'a':1}"), Json());
        QCOMPARE(reset.size(), 2);
        QVERIFY(f.differs(u"/b"_s));

        f.model.clear();
        QCOMPARE(reset.size(), 3);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(changed.size(), 1);
    }

    void pathAndJsonRoles()
    {
        Fixture f;
        const std::string longText(300, 'x');
        Json desired = json("{'a/b':{'c~d':[true,null]}}");
        desired["long"] = longText;
        f.model.setDocuments(desired, Json(), Json());
        // RFC 6901: '~' is written "~0" and '/' "~1".
        const QModelIndex element = find(f.model, u"/a~1b/c~0d/1"_s);
        QVERIFY(element.isValid());
        QCOMPARE(element.data().toString(), u"[1]"_s);
        QCOMPARE(element.siblingAtColumn(JsonTreeModel::DesiredColumn).data().toString(), u"null"_s);
        QCOMPARE(f.at(u"/a~1b"_s, JsonTreeModel::DesiredColumn, JsonTreeModel::JsonRole).toString(),
                 u"{\"c~d\":[true,null]}"_s);
        QVERIFY(!f.at(u"/a~1b"_s, JsonTreeModel::KeyColumn, JsonTreeModel::JsonRole).isValid());
        QVERIFY(!f.at(u"/a~1b"_s, JsonTreeModel::ReportedColumn, JsonTreeModel::JsonRole).isValid());

        // Long values are elided on screen, whole in JsonRole.
        const QString full = u"\""_s + QString::fromStdString(longText) + u"\""_s;
        const QString shown = f.at(u"/long"_s, JsonTreeModel::DesiredColumn).toString();
        QCOMPARE(shown.size(), 201);
        QVERIFY(full.startsWith(shown.chopped(1)));
        QCOMPARE(shown.back(), QChar(0x2026));
        QCOMPARE(f.at(u"/long"_s, JsonTreeModel::DesiredColumn, JsonTreeModel::JsonRole).toString(), full);

        QCOMPARE(f.model.roleNames().value(JsonTreeModel::DiffersRole), "differs"_ba);
    }
};

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"

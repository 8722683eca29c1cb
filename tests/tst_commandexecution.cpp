// CommandExecution: verdict states, transitions, reply records and their flags, names.

#include "commands/commandexecution.h"

#include "common/json.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AtlasReply;
using fleet::CommandExecution;
using State = CommandExecution::State;

namespace {

const QList<State> AllStates = {State::AwaitingApproval, State::Approved, State::Rejected,
                                State::Queued,           State::Sent,     State::Running,
                                State::Succeeded,        State::Failed,   State::TimedOut,
                                State::Unreachable,      State::Cancelled};

CommandExecution::Reply reply(qint64 timeMs, AtlasReply::Status status, const QString &reason = {})
{
    CommandExecution::Reply r;
    r.timeMs = timeMs;
    r.status = status;
    r.reason = reason;
    return r;
}

} // namespace

class TestCommandExecution final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finalStates()
    {
        const QSet<State> finals = {State::Rejected, State::Succeeded,   State::Failed,
                                    State::TimedOut, State::Unreachable, State::Cancelled};
        for (State state : AllStates)
            QCOMPARE(CommandExecution::isFinal(state), finals.contains(state));
    }

    void transitionsAreRecorded()
    {
        CommandExecution e;
        QCOMPARE(e.createdMs(), 0);
        e.moveTo(State::Queued, 100);
        e.moveTo(State::Sent, 110);
        e.moveTo(State::Sent, 300, u"attempt 2 of 3"_s);
        e.moveTo(State::Failed, 400, u"heartbeats stopped"_s);
        QCOMPARE(e.state, State::Failed);
        QVERIFY(e.isFinal());
        QCOMPARE(e.createdMs(), 100);
        QCOMPARE(e.transitions.size(), 4);
        QCOMPARE(e.transitions.at(2), (CommandExecution::Transition{State::Sent, 300, u"attempt 2 of 3"_s}));
        QCOMPARE(e.transitions.last().note, u"heartbeats stopped"_s);
    }

    void repliesAndFlags()
    {
        CommandExecution e;
        QVERIFY(!e.hasFinalReply());
        e.record(reply(1, AtlasReply::Status::Running));
        QVERIFY(!e.hasFinalReply());
        CommandExecution::Reply late = reply(2, AtlasReply::Status::Success);
        late.late = true;
        e.record(late);
        QVERIFY(!e.hasFinalReply()); // a flagged reply gave no verdict
        e.record(reply(3, AtlasReply::Status::Failure, u"jammed"_s));
        QVERIFY(e.hasFinalReply());
        CommandExecution::Reply duplicate = reply(4, AtlasReply::Status::Failure, u"jammed"_s);
        duplicate.duplicate = true;
        e.record(duplicate);
        CommandExecution::Reply stale = reply(5, AtlasReply::Status::Running);
        stale.outOfOrder = true;
        e.record(stale);
        QCOMPARE(e.replies.size(), 5);
        QCOMPARE(e.lateCount(), 1);
        QCOMPARE(e.duplicateCount(), 1);
        QCOMPARE(e.outOfOrderCount(), 1);
        QVERIFY(stale.isFlagged());
        QVERIFY(!e.replies.first().isFlagged());
    }

    void repliesAreBounded()
    {
        CommandExecution e;
        for (int i = 0; i < CommandExecution::MaxReplies + 10; ++i)
            e.record(reply(i, AtlasReply::Status::Running));
        QCOMPARE(e.replies.size(), CommandExecution::MaxReplies);
        QCOMPARE(e.droppedReplies, 10);
        QCOMPARE(e.replies.last().timeMs, CommandExecution::MaxReplies - 1);
    }

    void names()
    {
        QSet<QString> keys;
        for (State state : AllStates) {
            const QString key = CommandExecution::stateKey(state);
            QVERIFY(!key.isEmpty());
            QVERIFY(!CommandExecution::stateText(state).isEmpty());
            keys.insert(key);
        }
        QCOMPARE(keys.size(), AllStates.size());
        QCOMPARE(CommandExecution::stateKey(State::AwaitingApproval), u"awaiting-approval"_s);
        QCOMPARE(CommandExecution::stateKey(State::TimedOut), u"timed-out"_s);
    }

    void valueSemantics()
    {
        CommandExecution a;
        a.id = a.tid = u"T1"_s;
        a.parameters = fleet::Json{{"color", "red"}};
        a.moveTo(State::Queued, 1);
        CommandExecution b = a;
        QCOMPARE(a, b);
        b.moveTo(State::Sent, 2);
        QVERIFY(!(a == b));
        QCOMPARE(a.transitions.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCommandExecution)

#include "tst_commandexecution.moc"

#include "auditcommand.h"

#include "common/json.h"
#include "common/terminaltext.h"

#include "exitcode.h"
#include "output.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

// A table cell: inert for the terminal, on one line (a detail may hold line breaks and tabs, which
// TerminalText keeps for fleetctl's own layout), "-" when empty.
QString cell(const QString &text)
{
    if (text.isEmpty())
        return u"-"_s;
    QString escaped = TerminalText::escaped(text);
    escaped.replace(u'\n', u"\\n"_s);
    escaped.replace(u'\t', u"\\t"_s);
    escaped.replace(u'\r', u"\\r"_s);
    return escaped;
}

// Columns are padded to their widest cell, but one long cell (a topic of 200 characters) does not widen a
// column past this: that row alone goes out of line.
constexpr qsizetype MaxColumnWidth = 40;

} // namespace

AuditCommand::AuditCommand(QObject *parent)
    : CtlCommand(u"audit"_s, parent)
{}

QString AuditCommand::summary()
{
    return tr("audit                              fleet-hub's audit log: who did what at the command gate");
}

QString AuditCommand::description() const
{
    return tr(
        "fleet-hub's audit log, read through the broker: every step of the command gate (relayed, held, "
        "refused, approved, rejected, sent, expired, …), oldest first, with the time (local), the actor, "
        "the action, the request (requester/id), the topic and the detail.\n"
        "\n"
        "Your identity is your MQTT username (--username): the broker lets operators, approvers and "
        "monitors read the log, devices not. The filters are applied by the gate; they are exact matches.\n"
        "\n"
        "Exit status: 0 done; 1 no fleet-hub gate on this broker, or the gate refused the query; 2 usage "
        "error; 3 broker connection; 4 the gate did not answer within --timeout (is fleet-hub running?).");
}

QString AuditCommand::jsonHelp() const
{
    return tr("Print each entry as one JSON object per line: seq, time (ms since the epoch), actor, action, "
              "requester, id, topic, detail.");
}

QString AuditCommand::timeoutHelp() const
{
    return tr("Seconds to wait for the broker, and for each answer of the gate (default 10).");
}

void AuditCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"requester"_s, tr("Only the entries about requests of this account."), tr("USER")},
        {u"actor"_s, tr("Only what this account did (\"gate\": what the gate did itself)."), tr("USER")},
        {u"id"_s, tr("Only the entries of this request id (the command's tid)."), tr("ID")},
        {u"since"_s,
         tr("Only entries from this time on: an ISO 8601 time (2024-05-01T12:00:00, local time unless it has "
            "an offset) or a duration back from now (90s, 30m, 1h, 2d, 1w, 1h30m)."),
         tr("TIME")},
        {u"after"_s, tr("Only entries after this sequence number (where an earlier run said to go on)."),
         tr("SEQ")},
        {u"limit"_s, tr("How many entries to print at most (default 200)."), tr("N"), u"200"_s},
    });
}

std::optional<int> AuditCommand::readArguments(const QCommandLineParser &parser,
                                               const QStringList &positional)
{
    if (!positional.isEmpty())
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.constFirst()));
    bool ok = false;
    m_limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || m_limit < 1 || m_limit > GateAuditQuery::MaxEntries)
        return usageError(
            tr("--limit: expected a whole number from 1 to %1.").arg(GateAuditQuery::MaxEntries));
    if (parser.isSet(u"after"_s)) {
        m_filter.after = parser.value(u"after"_s).toLongLong(&ok);
        if (!ok || m_filter.after < 0)
            return usageError(tr("--after: expected a sequence number, 0 or more."));
    }
    if (parser.isSet(u"since"_s)) {
        const std::optional<qint64> since =
            GateAuditQuery::parseSince(parser.value(u"since"_s), QDateTime::currentMSecsSinceEpoch());
        if (!since)
            return usageError(
                tr("--since: expected an ISO 8601 time such as 2024-05-01T12:00:00, or a duration "
                   "such as 30m, 1h or 2d, not \"%1\".")
                    .arg(parser.value(u"since"_s)));
        m_filter.since = *since;
    }
    m_filter.requester = parser.value(u"requester"_s);
    m_filter.actor = parser.value(u"actor"_s);
    m_filter.id = parser.value(u"id"_s);
    return std::nullopt;
}

void AuditCommand::run()
{
    // The query keeps its own time, per answer of the gate: a long log read in many pages is not cut short.
    stopDeadline();
    m_query = new GateAuditQuery(client(), profile().username, this);
    m_query->setFilter(m_filter);
    m_query->setMaxEntries(m_limit);
    m_query->setPageSize(std::min(m_limit, GateAuditQuery::MaxPageSize));
    m_query->setTimeoutMs(timeoutMs());
    connect(m_query, &GateAuditQuery::finished, this, &AuditCommand::print);
    connect(m_query, &GateAuditQuery::failed, this, &AuditCommand::onFailed);
    m_query->start();
}

void AuditCommand::onFailed()
{
    switch (m_query->failure()) {
    case GateAuditQuery::Failure::NoGate:
        return fail(Rejected, tr("no fleet-hub gate on this broker: there is no audit log to read"));
    case GateAuditQuery::Failure::TimedOut:
        return fail(TimedOut, m_query->errorString());
    case GateAuditQuery::Failure::NoIdentity:
        return fail(UsageError, m_query->errorString());
    case GateAuditQuery::Failure::NotConnected:
        return fail(ConnectionFailed, m_query->errorString());
    case GateAuditQuery::Failure::None:
    case GateAuditQuery::Failure::Refused:
    case GateAuditQuery::Failure::BadReply:
        break;
    }
    fail(Rejected, m_query->errorString());
}

void AuditCommand::print(const QList<GateAuditQuery::Entry> &entries)
{
    if (json()) {
        for (const GateAuditQuery::Entry &e : entries)
            writeOut(compactJson(GateAuditQuery::toJson(e)));
    } else if (!entries.isEmpty()) {
        QList<QStringList> rows = {
            {tr("TIME"), tr("ACTOR"), tr("ACTION"), tr("REQUEST"), tr("TOPIC"), tr("DETAIL")}};
        for (const GateAuditQuery::Entry &e : entries) {
            rows.append({QDateTime::fromMSecsSinceEpoch(e.time).toString(u"yyyy-MM-ddTHH:mm:ss"_s),
                         cell(e.actor), cell(e.action), cell(e.requestText()), cell(e.topic),
                         cell(e.detail)});
        }
        QList<qsizetype> widths(rows.constFirst().size() - 1, 0);
        for (const QStringList &row : std::as_const(rows)) {
            for (qsizetype i = 0; i < widths.size(); ++i)
                widths[i] = std::max(widths.at(i), std::min(row.at(i).size(), MaxColumnWidth));
        }
        for (const QStringList &row : std::as_const(rows)) {
            QString line;
            for (qsizetype i = 0; i < widths.size(); ++i)
                line += row.at(i).leftJustified(widths.at(i)) + u"  "_s;
            writeOut(line + row.constLast());
        }
    }
    if (entries.isEmpty() && !json())
        writeErr(tr("fleetctl: no audit entries match."));
    if (m_query->next() > 0)
        writeErr(tr("fleetctl: more entries follow: --after %1 reads on.").arg(m_query->next()));
    done(Success);
}

} // namespace fleet::ctl

#pragma once

#include "dialects/awscommandexecution.h"

#include "store/databaselocation.h"
#include "store/sqlstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace fleet {

// fleet-hub's AWS IoT command executions on disk, one SQLite file of their own (WAL, synchronous=FULL: a
// COMMIT is on disk when it returns), one row per execution holding its whole state as JSON
// (AwsCommandExecution::toStored) beside the columns start-up and the tests query on. The service writes a
// new execution before it publishes its request, and a device's update before it answers "accepted", so a
// kill -9 at any moment loses no accepted update and no started execution. Rows are kept: an execution's
// history is its record (AWS keeps executions for months; the hub keeps them until the file is removed).
//
// Not thread-safe; one instance per thread that opened it.
class AwsCommandStore final : public SqlStore
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AwsCommandStore)

public:
    static constexpr int SchemaVersion = 2;

    AwsCommandStore();
    ~AwsCommandStore();

    // Opens (creating a file if needed) and migrates the store at location. False with errorString().
    bool open(const DatabaseLocation &location);
    // The same for a file path or a postgresql:// URL (one without a password).
    bool open(const QString &pathOrUrl);

    // Inserts or replaces the execution with its id.
    bool write(const AwsCommandExecution &execution);
    // ok is false when the database failed (then nullopt says nothing about the execution).
    std::optional<AwsCommandExecution> find(const QString &executionId, bool *ok = nullptr);
    // The execution a requester started with this client token, finished or not (an idempotent start must
    // find it after its verdict, and after a restart).
    std::optional<AwsCommandExecution> findByToken(const QString &requester, const QString &clientToken,
                                                   bool *ok = nullptr);
    // Executions without a final status (CREATED, IN_PROGRESS, or timed out by the service): what start-up
    // takes back, to time them out or take their late verdicts. nullopt when the database failed.
    std::optional<QList<AwsCommandExecution>> unfinished();
    int count();
};

} // namespace fleet

#pragma once

#include "dialects/azuretwin.h"

#include "store/databaselocation.h"
#include "store/sqlstore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// fleet-hub's Azure device twins on disk, one SQLite file of their own (WAL, synchronous=FULL), one row per
// device holding AzureTwin::toStored(). AzureHubService writes a patch before it answers the device (204) or
// the operator (accepted), so a kill -9 at any moment loses no acknowledged change and reuses no $version.
//
// Not thread-safe; one instance per thread that opened it.
class TwinStore final : public SqlStore
{
    Q_DECLARE_TR_FUNCTIONS(fleet::TwinStore)

public:
    static constexpr int SchemaVersion = 1;

    TwinStore();
    ~TwinStore();

    // Opens (creating a file if needed) and migrates the store at location. False with errorString().
    bool open(const DatabaseLocation &location);
    // The same for a file path or a postgresql:// URL (one without a password).
    bool open(const QString &pathOrUrl);
    bool write(const QString &device, const AzureTwin &twin, qint64 nowMs);
    // ok is false when the database failed (then nullopt says nothing about the twin).
    std::optional<AzureTwin> find(const QString &device, bool *ok = nullptr);
    int count();
};

} // namespace fleet

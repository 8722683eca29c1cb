#pragma once

#include "dialects/azuretwin.h"

#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// fleet-hub's Azure device twins on disk, one SQLite file of their own (WAL, synchronous=FULL), one row per
// device holding AzureTwin::toStored(). AzureHubService writes a patch before it answers the device (204) or
// the operator (accepted), so a kill -9 at any moment loses no acknowledged change and reuses no $version.
//
// Not thread-safe; one instance per thread that opened it.
class TwinStore final : public SqliteStore
{
    Q_DECLARE_TR_FUNCTIONS(fleet::TwinStore)

public:
    static constexpr int SchemaVersion = 1;

    TwinStore();
    ~TwinStore();

    bool open(const QString &path);
    bool write(const QString &device, const AzureTwin &twin, qint64 nowMs);
    // ok is false when the database failed (then nullopt says nothing about the twin).
    std::optional<AzureTwin> find(const QString &device, bool *ok = nullptr);
    int count();
};

} // namespace fleet

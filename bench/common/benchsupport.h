#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace fleet::bench {

// Pieces every benchmark driver needs: describing the machine, formatting numbers the same way in every
// report, and rewriting its own section of docs/benchmarks.md.

// Runs a short command (a version query) with a bound on its time; empty on any failure.
QString commandOutput(const QString &program, const QStringList &arguments);
// The CPU's model name from /proc/cpuinfo.
QString cpuModel();
// User + system CPU time of a running process, from /proc/PID/stat; negative when it cannot be read.
double processCpuSeconds(qint64 pid);
// "2 CPUs (AMD EPYC), Linux 6.1; mosquitto 2.0.11, libmosquitto 2.0.11, Qt 6.4.2"
QString machineLine();

// N from a clientToken "uN", the way the shadow benchmarks number their requests; -1 for anything else.
int requestNumber(const std::string &clientToken);

// 12,345 whatever the user's locale, so that the committed report does not depend on it.
QString grouped(double value);

// Replaces the text between <!-- NAME:begin --> and <!-- NAME:end --> in path with markdown (which carries
// the markers itself), creating the file with a short header, or appending the section when it has none yet.
bool writeReportSection(const QString &path, const QString &name, const QString &markdown, QString *error);

} // namespace fleet::bench

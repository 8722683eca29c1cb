#pragma once

#include <QFile>
#include <QString>

namespace fleet::sim {

// A line per command a simulated device actually executes (not per duplicate it answers from memory):
//   <milliseconds since the epoch> TAB <device id> TAB <tid> TAB <command>
// written and flushed at once, so that a test can prove that a command ran exactly once, even while the
// simulator is still running or after it was killed. An Azure device's direct method has its $rid as the
// tid, and a cloud-to-device message is a line too: its message id ($.mid) as the tid, "cloud_to_device" as
// the command.
class ExecutionLog final
{
public:
    ExecutionLog() = default;
    ExecutionLog(const ExecutionLog &) = delete;
    ExecutionLog &operator=(const ExecutionLog &) = delete;

    bool open(const QString &path, QString *error); // appends
    bool isOpen() const { return m_file.isOpen(); }
    void record(const QString &device, const QString &tid, const QString &command);

private:
    QFile m_file;
};

} // namespace fleet::sim

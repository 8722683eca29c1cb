#include "executionlog.h"

#include <QCoreApplication>
#include <QDateTime>

namespace fleet::sim {

namespace {

// The fields come from the network (a tid is whatever the requester sent): a tab or a line break in one
// would split the line and let a test miscount executions.
QString field(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return clean;
}

} // namespace

bool ExecutionLog::open(const QString &path, QString *error)
{
    if (m_file.isOpen())
        m_file.close();
    m_file.setFileName(path);
    // Unbuffered: each record() is one write(2) on an O_APPEND descriptor, so a line is on disk as soon as
    // the command runs, survives a kill, and lines of several simulators sharing the file do not interleave.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        if (error)
            *error = QCoreApplication::translate("fleet::sim::ExecutionLog",
                                                 "Cannot open the execution log \"%1\": %2")
                         .arg(path, m_file.errorString());
        return false;
    }
    return true;
}

void ExecutionLog::record(const QString &device, const QString &tid, const QString &command)
{
    if (!m_file.isOpen())
        return;
    const QString line = QString::number(QDateTime::currentMSecsSinceEpoch()) + QLatin1Char('\t') +
                         field(device) + QLatin1Char('\t') + field(tid) + QLatin1Char('\t') + field(command) +
                         QLatin1Char('\n');
    m_file.write(line.toUtf8());
    m_file.flush();
}

} // namespace fleet::sim

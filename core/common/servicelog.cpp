#include "servicelog.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

namespace fleet {

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void logToStderr(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
                            QCoreApplication::applicationName().toUtf8() + '[' +
                            QByteArray::number(QCoreApplication::applicationPid()) + "] " + levelName(type) +
                            ": " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installServiceLog()
{
    qInstallMessageHandler(logToStderr);
}

} // namespace fleet

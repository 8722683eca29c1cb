#pragma once

#include <QCoreApplication>
#include <QString>

namespace fleet {

// A shadow rejection as AWS IoT reports it on .../rejected: an HTTP-like code and AWS's exact message text.
// The messages are protocol text that devices and SDKs may match on, so they are never translated; tr() is
// only for the explanations the console adds around them.
struct ShadowError
{
    int code = 0;
    QString message;

    bool isError() const { return code != 0; }

    static ShadowError invalidJson() { return {400, QStringLiteral("Invalid JSON")}; }
    static ShadowError missingState() { return {400, QStringLiteral("Missing required node: state")}; }
    static ShadowError stateNotObject() { return {400, QStringLiteral("State node must be an object")}; }
    static ShadowError desiredNotObject() { return {400, QStringLiteral("Desired node must be an object")}; }
    static ShadowError reportedNotObject()
    {
        return {400, QStringLiteral("Reported node must be an object")};
    }
    static ShadowError invalidVersion() { return {400, QStringLiteral("Invalid version")}; }
    static ShadowError invalidClientToken() { return {400, QStringLiteral("Invalid clientToken")}; }
    static ShadowError tooDeep()
    {
        return {400, QStringLiteral("JSON contains too many levels of nesting; maximum is 6")};
    }
    static ShadowError invalidNode() { return {400, QStringLiteral("State contains an invalid node")}; }
    static ShadowError thingNotFound() { return {404, QStringLiteral("Thing not found")}; }
    static ShadowError noNamedShadow(const QString &name)
    {
        return {404, QStringLiteral("No shadow exists with name: %1").arg(name)};
    }
    static ShadowError versionConflict() { return {409, QStringLiteral("Version conflict")}; }
    static ShadowError tooLarge()
    {
        return {413, QStringLiteral("The payload exceeds the maximum size allowed")};
    }
    static ShadowError unsupportedEncoding()
    {
        return {415, QStringLiteral("Unsupported documented encoding; supported encoding is UTF-8")};
    }
    static ShadowError tooManyRequests() { return {429, QStringLiteral("Too Many Requests")}; }
    static ShadowError internal() { return {500, QStringLiteral("Internal service failure")}; }

    friend bool operator==(const ShadowError &, const ShadowError &) = default;
};

} // namespace fleet

#include "brokerprovisioning.h"

#include "common/jsontext.h"
#include "common/seterror.h"
#include "mqtt/topicfilter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <variant>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr int MaxNameLength = 128; // an AWS IoT thing name's limit, so that a device's id fits both
constexpr int MaxPasswordLength = 256;
constexpr int MaxExtraTopics = 256;
constexpr int PasswordBytes = 18; // 144 bits; base64url without padding: 24 characters
// mosquitto_passwd -U hashes 10,000 accounts in about 1.3 s here; the bound only catches a hung tool.
constexpr int PasswordToolTimeoutMs = 120000;

enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

QString typeName(const Json &value)
{
    return QString::fromLatin1(value.type_name());
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        setError(error, BrokerProvisioning::tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

// mosquitto.conf takes a path as the rest of its line; a line break in it would add configuration lines.
bool isSafeConfigPath(const QString &path)
{
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.isSpace())
            return false;
    }
    return true;
}

} // namespace

QString BrokerProvisioning::roleName(Role role)
{
    switch (role) {
    case Role::Operator:
        return u"operator"_s;
    case Role::Approver:
        return u"approver"_s;
    case Role::Device:
        return u"device"_s;
    case Role::Service:
        return u"service"_s;
    case Role::Monitor:
        return u"monitor"_s;
    }
    return {};
}

std::optional<BrokerProvisioning::Role> BrokerProvisioning::roleFromName(const QString &name)
{
    for (const Role role : {Role::Operator, Role::Approver, Role::Device, Role::Service, Role::Monitor}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QString BrokerProvisioning::accessName(Access access)
{
    switch (access) {
    case Access::Read:
        return u"read"_s;
    case Access::Write:
        return u"write"_s;
    case Access::ReadWrite:
        return u"readwrite"_s;
    }
    return {};
}

QList<BrokerProvisioning::Grant> BrokerProvisioning::grantsFor(Role role, const QString &name)
{
    const auto read = [](const QString &topic) { return Grant{Access::Read, topic}; };
    const auto write = [](const QString &topic) { return Grant{Access::Write, topic}; };
    // '#' never matches a topic that starts with '$' (MQTT 3.1.1 and 5, section 4.7.2), and mosquitto's ACL
    // matching follows the same rule: every role that may see the shadows says "$aws/#" on its own.
    // Azure device twins and presence are the hub's: the people read them, but not the devices' raw twin and
    // method traffic ($fleet/iothub/…, $fleet/iothub-to/…), which is the hub's conversation with one device.
    const QList<Grant> readEverything = {read(u"#"_s), read(u"$aws/#"_s), read(u"$fleet/twins/#"_s),
                                         read(u"$fleet/iothub-presence/#"_s)};
    // The people's roles may ask fleet-hub for its audit log, each under its own name, which is where the hub
    // answers (fleet/gate/audit/replies/{me}, read through '#'). Devices may not: a device account is the
    // first one an attacker would hold, and the log names every account and request.
    const Grant auditQuery = write(u"fleet/gate/audit/query/%1"_s.arg(name));
    switch (role) {
    case Role::Operator:
        // Shadow reads go straight to the hub (a read changes nothing); every change goes through the gate.
        return QList<Grant>{write(u"fleet/gate/submit/%1/#"_s.arg(name)),
                            write(u"fleet/gate/broadcast/%1/+"_s.arg(name)),
                            write(u"fleet/gate/cancel/%1/#"_s.arg(name)),
                            // AWS IoT command executions are started through fleet-hub, under one's name.
                            write(u"fleet/aws-commands/start/%1/+"_s.arg(name)),
                            // Azure direct methods likewise; a twin's desired change goes through the gate.
                            write(u"fleet/azure-methods/invoke/%1/+"_s.arg(name)),
                            write(u"$fleet/twins/+/get"_s), auditQuery, write(u"$aws/things/+/shadow/get"_s),
                            write(u"$aws/things/+/shadow/name/+/get"_s),
                            // A field engineer's test messages (the console's Publish tab): under one's own
                            // name, where no device reads and no service listens.
                            write(u"sandbox/%1/#"_s.arg(name))} +
               readEverything;
    case Role::Approver:
        // The topic ends in the approver's own name: that is what makes a decision's author unforgeable.
        return QList<Grant>{write(u"fleet/gate/decisions/+/+/%1"_s.arg(name)), auditQuery} + readEverything;
    case Role::Device: {
        // Exactly what fleet-sim's devices (and the default catalog's commands) use. The shadow is written
        // on its request topics only, never on the hub's answers (accepted, rejected, delta, documents),
        // which a device could otherwise forge for every console watching its shadow.
        const QString shadow = u"$aws/things/%1/shadow"_s.arg(name);
        // Every command dialect fleet-sim plays (docs/fleet-sim.md): the Atlas sample's cmd/ topics and its
        // groups', the design page's commands/{id} and its ack, and the seed's broadcast, whose replies name
        // their device on one shared topic.
        QList<Grant> grants = {read(u"cmd/%1/req"_s.arg(name)),
                               read(u"cmd/group/+/req"_s),
                               read(u"commands/%1"_s.arg(name)),
                               read(u"device_status/request"_s),
                               read(shadow + u"/#"_s),
                               write(u"cmd/%1/resp"_s.arg(name)),
                               write(u"cmd/group/+/resp"_s),
                               write(u"commands/%1/ack"_s.arg(name)),
                               write(u"device_status/response"_s),
                               write(u"presence/%1"_s.arg(name)),
                               write(u"telemetry/%1"_s.arg(name)),
                               write(u"logs/%1"_s.arg(name))};
        for (const QString &request : {u"update"_s, u"get"_s, u"delete"_s})
            grants << write(shadow + u'/' + request) << write(shadow + u"/name/+/"_s + request);
        // AWS IoT commands, addressed by thing name or by client id (both the account's name): its requests
        // and the hub's answers to its updates are read, its updates written; never another's.
        for (const QString &type : {u"things"_s, u"clients"_s}) {
            const QString executions = u"$aws/commands/%1/%2/executions/+"_s.arg(type, name);
            grants << read(executions + u"/request/#"_s) << read(executions + u"/response/+/+"_s)
                   << write(executions + u"/response/json"_s) << write(executions + u"/response/cbor"_s);
        }
        return grants;
    }
    case Role::Service:
        return {Grant{Access::ReadWrite, u"#"_s}, Grant{Access::ReadWrite, u"$aws/#"_s},
                Grant{Access::ReadWrite, u"$fleet/#"_s}};
    case Role::Monitor:
        // An auditor changes nothing; asking for the audit log is a read that travels as a write.
        return QList<Grant>{auditQuery} + readEverything;
    }
    return {};
}

bool BrokerProvisioning::isValidAccountName(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                        u == u'_' || u == u'-' || u == u'.' || u == u'@';
        if (!ok)
            return false;
    }
    return true;
}

bool BrokerProvisioning::isValidPassword(const QString &password)
{
    if (password.isEmpty() || password.size() > MaxPasswordLength)
        return false;
    for (const QChar c : password) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u':')
            return false;
    }
    return true;
}

bool BrokerProvisioning::addAccountTo(QList<Account> *accounts, const Account &account, QString *error) const
{
    if (!isValidAccountName(account.name)) {
        setError(error,
                 tr("\"%1\" is not a valid account name: 1 to %2 letters, digits, '_', '-', '.' or '@'.")
                     .arg(account.name)
                     .arg(MaxNameLength));
        return false;
    }
    if (account.roles.isEmpty()) {
        setError(error, tr("Account \"%1\" has no role.").arg(account.name));
        return false;
    }
    // A device that could also submit, approve or read everything is exactly what the roles exist to prevent.
    if (account.roles.contains(Role::Device) &&
        std::any_of(account.roles.cbegin(), account.roles.cend(), [](Role r) { return r != Role::Device; })) {
        setError(error, tr("Account \"%1\": a device account holds the device role only.").arg(account.name));
        return false;
    }
    if (!account.password.isEmpty() && !isValidPassword(account.password)) {
        setError(error,
                 tr("Account \"%1\": a password is 1 to %2 printable ASCII characters without spaces or "
                    "':'.")
                     .arg(account.name)
                     .arg(MaxPasswordLength));
        return false;
    }
    if (account.extra.size() > MaxExtraTopics) {
        setError(error, tr("Account \"%1\": at most %2 extra topics.").arg(account.name).arg(MaxExtraTopics));
        return false;
    }
    for (const Grant &grant : account.extra) {
        // Each topic becomes one line of the acl_file: no line breaks, no spaces, no shared-subscription
        // form.
        const bool printable = std::all_of(grant.topic.cbegin(), grant.topic.cend(),
                                           [](QChar c) { return c.unicode() > 0x20 && c.unicode() != 0x7f; });
        if (!printable || !TopicFilter::isValidFilter(grant.topic) || grant.topic.startsWith(u"$share/"_s)) {
            setError(error, tr("Account \"%1\": \"%2\" is not a valid topic filter for an ACL (no spaces, no "
                               "$share/).")
                                .arg(account.name, grant.topic));
            return false;
        }
    }
    if (accounts->size() >= MaxAccounts) {
        setError(error, tr("Too many accounts: at most %1.").arg(MaxAccounts));
        return false;
    }
    accounts->append(account);
    return true;
}

bool BrokerProvisioning::addAccount(const Account &account, QString *error)
{
    for (const Account &existing : std::as_const(m_accounts)) {
        if (existing.name == account.name) {
            setError(error, tr("Account \"%1\" is listed twice.").arg(account.name));
            return false;
        }
    }
    return addAccountTo(&m_accounts, account, error);
}

bool BrokerProvisioning::addDevices(const QString &prefix, int count, QString *error)
{
    if (count < 1 || count > MaxAccounts) {
        setError(error, tr("The device count must be from 1 to %1, not %2.").arg(MaxAccounts).arg(count));
        return false;
    }
    QSet<QString> names;
    names.reserve(m_accounts.size());
    for (const Account &account : std::as_const(m_accounts))
        names.insert(account.name);
    QList<Account> added = m_accounts;
    added.reserve(added.size() + count);
    for (int n = 1; n <= count; ++n) {
        Account device{prefix + QString::number(n), {Role::Device}, {}, {}};
        if (names.contains(device.name)) {
            setError(error, tr("Account \"%1\" is listed twice.").arg(device.name));
            return false;
        }
        if (!addAccountTo(&added, device, error))
            return false;
    }
    m_accounts = std::move(added);
    return true;
}

bool BrokerProvisioning::parseAccount(const Json &value, int index, Account *account, QString *error) const
{
    const QString where = tr("accounts[%1]").arg(index);
    if (!value.is_object()) {
        setError(error, tr("%1: expected an object, not %2.").arg(where, typeName(value)));
        return false;
    }
    for (const auto &[key, member] : value.items()) {
        const QString name = QString::fromStdString(key);
        if (name == "name"_L1) {
            if (!member.is_string()) {
                setError(error, tr("%1: \"name\" must be a string.").arg(where));
                return false;
            }
            account->name = QString::fromStdString(member.get<std::string>());
        } else if (name == "password"_L1) {
            if (!member.is_string()) {
                setError(error, tr("%1: \"password\" must be a string.").arg(where));
                return false;
            }
            account->password = QString::fromStdString(member.get<std::string>());
        } else if (name == "roles"_L1) {
            if (!member.is_array()) {
                setError(error, tr("%1: \"roles\" must be an array of role names.").arg(where));
                return false;
            }
            for (const Json &roleValue : member) {
                const std::optional<Role> role =
                    roleValue.is_string() ? roleFromName(QString::fromStdString(roleValue.get<std::string>()))
                                          : std::nullopt;
                if (!role) {
                    setError(error,
                             tr("%1: unknown role %2; the roles are operator, approver, device, service "
                                "and monitor.")
                                 .arg(where, compactJson(roleValue)));
                    return false;
                }
                if (!account->roles.contains(*role))
                    account->roles.append(*role);
            }
        } else if (name == "extra"_L1) {
            if (!member.is_object()) {
                setError(error, tr("%1: \"extra\" must be an object of topic lists (read, write, readwrite).")
                                    .arg(where));
                return false;
            }
            for (const auto &[accessKey, topics] : member.items()) {
                Access access = Access::Read;
                if (accessKey == "read")
                    access = Access::Read;
                else if (accessKey == "write")
                    access = Access::Write;
                else if (accessKey == "readwrite")
                    access = Access::ReadWrite;
                else {
                    setError(error, tr("%1: unknown key \"extra.%2\"; expected read, write or readwrite.")
                                        .arg(where, QString::fromStdString(accessKey)));
                    return false;
                }
                if (!topics.is_array()) {
                    setError(error, tr("%1: \"extra.%2\" must be an array of topic filters.")
                                        .arg(where, QString::fromStdString(accessKey)));
                    return false;
                }
                for (const Json &topic : topics) {
                    if (!topic.is_string()) {
                        setError(error, tr("%1: \"extra.%2\" must be an array of topic filters.")
                                            .arg(where, QString::fromStdString(accessKey)));
                        return false;
                    }
                    account->extra.append(Grant{access, QString::fromStdString(topic.get<std::string>())});
                }
            }
        } else {
            setError(error,
                     tr("%1: unknown key \"%2\"; expected name, roles, password or extra.").arg(where, name));
            return false;
        }
    }
    if (account->name.isEmpty()) {
        setError(error, tr("%1: \"name\" is missing.").arg(where));
        return false;
    }
    // {me} in an extra topic is the account itself, as in the roles' own topics.
    for (Grant &grant : account->extra)
        grant.topic.replace(u"{me}"_s, account->name);
    return true;
}

bool BrokerProvisioning::addSpec(const QByteArray &json, QString *error)
{
    if (json.size() > MaxSpecBytes) {
        setError(error, tr("The specification is larger than %1 bytes.").arg(MaxSpecBytes));
        return false;
    }
    const auto parsed = JsonText::parse(QString::fromUtf8(json));
    if (const auto *parseError = std::get_if<JsonText::Error>(&parsed)) {
        setError(error, parseError->message);
        return false;
    }
    const Json &document = std::get<Json>(parsed);
    if (!document.is_object()) {
        setError(
            error,
            tr("Expected a JSON object with \"accounts\" and \"devices\", not %1.").arg(typeName(document)));
        return false;
    }

    // Built on a copy: a specification with an error adds nothing.
    BrokerProvisioning result = *this;
    QSet<QString> names;
    for (const Account &account : std::as_const(m_accounts))
        names.insert(account.name);
    const Json *devices = nullptr;
    const Json *azure = nullptr;
    for (const auto &[key, value] : document.items()) {
        if (key == "accounts") {
            if (!value.is_array()) {
                setError(error, tr("\"accounts\" must be an array."));
                return false;
            }
            int index = 0;
            for (const Json &item : value) {
                Account account;
                if (!parseAccount(item, index++, &account, error))
                    return false;
                if (names.contains(account.name)) {
                    setError(error, tr("Account \"%1\" is listed twice.").arg(account.name));
                    return false;
                }
                if (!result.addAccountTo(&result.m_accounts, account, error))
                    return false;
                names.insert(account.name);
            }
        } else if (key == "devices") {
            devices = &value;
        } else if (key == "azureDevices") {
            azure = &value;
        } else if (key == "azureHostName") {
            if (!value.is_string() || !isValidAccountName(QString::fromStdString(value.get<std::string>()))) {
                setError(error, tr("\"azureHostName\" must be a host name such as fleet.local."));
                return false;
            }
            result.m_azureHostName = QString::fromStdString(value.get<std::string>());
        } else {
            setError(error,
                     tr("Unknown key \"%1\"; expected accounts, devices, azureDevices and azureHostName.")
                         .arg(QString::fromStdString(key)));
            return false;
        }
    }
    // After the people, whatever the key order, so that the acl_file lists them first. One block of devices,
    // or an array of them (a fleet of several kinds: dev-, sample-, design-, thing-), in that order.
    for (const Json *list : {devices, azure}) {
        if (!list)
            continue;
        const bool isAzure = list == azure;
        const QString name = isAzure ? u"azureDevices"_s : u"devices"_s;
        const bool many = list->is_array();
        if (many && list->empty()) {
            setError(error, tr("\"%1\" must not be an empty array.").arg(name));
            return false;
        }
        const Json blocks = many ? *list : Json::array({*list});
        int index = 0;
        for (const Json &block : blocks) {
            const QString where = many ? u"%1[%2]"_s.arg(name, QString::number(index++)) : name;
            const Json *prefix = jsonMember(block, "prefix");
            const Json *count = jsonMember(block, "count");
            const bool known = block.is_object() &&
                               std::all_of(block.items().begin(), block.items().end(), [](const auto &item) {
                                   return item.key() == "prefix" || item.key() == "count";
                               });
            if (!known || !prefix || !prefix->is_string() || !count || !count->is_number_integer()) {
                setError(error, tr("\"%1\" must be {\"prefix\": \"dev-\", \"count\": N}, or \"%2\" an array "
                                   "of such blocks.")
                                    .arg(where, name));
                return false;
            }
            const qint64 n = count->get<qint64>();
            if (n < 1 || n > MaxAccounts) {
                setError(error, tr("%1: the device count must be from 1 to %2, not %3.")
                                    .arg(where)
                                    .arg(MaxAccounts)
                                    .arg(n));
                return false;
            }
            const QString devicePrefix = QString::fromStdString(prefix->get<std::string>());
            if (isAzure ? !result.addAzureDevices(devicePrefix, int(n), error)
                        : !result.addDevices(devicePrefix, int(n), error))
                return false;
        }
    }
    m_accounts = std::move(result.m_accounts);
    m_azureDevices = std::move(result.m_azureDevices);
    m_azureHostName = result.m_azureHostName;
    return true;
}

bool BrokerProvisioning::loadSpecFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot read \"%1\": %2").arg(path, file.errorString()));
        return false;
    }
    // Bounded before reading, not after: a path to a device file or a huge log must not be read whole.
    const QByteArray bytes = file.read(MaxSpecBytes + 1);
    QString problem;
    if (!addSpec(bytes, &problem)) {
        setError(error, tr("%1: %2").arg(path, problem));
        return false;
    }
    return true;
}

void BrokerProvisioning::generateMissingPasswords()
{
    for (Account &account : m_accounts) {
        if (!account.password.isEmpty())
            continue;
        quint32 words[(PasswordBytes + 3) / 4];
        QRandomGenerator::system()->fillRange(words);
        const QByteArray bytes(reinterpret_cast<const char *>(words), PasswordBytes);
        account.password = QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
}

QString BrokerProvisioning::aclText() const
{
    QStringList lines = {
        u"# Generated by `fleet-hub provision`: Fleet Console's roles (docs/security.md), one `user` section per"_s,
        u"# account. Regenerate it rather than edit it; mosquitto reads it again on SIGHUP."_s,
        u"#"_s,
        u"# No `pattern` lines: mosquitto applies a pattern line to every account, devices included, so"_s,
        u"# `pattern write fleet/gate/decisions/+/+/%u` would let every device approve. Each account gets the"_s,
        u"# lines of its own roles and nothing else. No lines before the first `user` either: those are for"_s,
        u"# anonymous clients, and allow_anonymous is false."_s,
        u"# '#' does not match topics that begin with '$' (MQTT 4.7.2), in an ACL as in a subscription, so the"_s,
        u"# roles that see the shadows say `$aws/#` explicitly."_s,
        u"# Operators, approvers and monitors may write fleet/gate/audit/query/<their name>: a question to fleet-hub"_s,
        u"# for its audit log, answered on fleet/gate/audit/replies/<their name>. Devices may not ask."_s,
    };
    for (const Account &account : m_accounts) {
        QStringList roleNames;
        for (const Role role : account.roles)
            roleNames << roleName(role);
        lines << QString();
        lines << u"# %1: %2%3"_s.arg(account.name, roleNames.join(u", "_s),
                                     account.extra.isEmpty() ? QString()
                                                             : u"; extra topics from the specification"_s);
        lines << u"user "_s + account.name;
        QList<Grant> grants;
        for (const Role role : account.roles) {
            for (const Grant &grant : grantsFor(role, account.name)) {
                if (!grants.contains(grant))
                    grants << grant;
            }
        }
        for (const Grant &grant : account.extra) {
            if (!grants.contains(grant))
                grants << grant;
        }
        for (const Grant &grant : std::as_const(grants))
            lines << u"topic %1 %2"_s.arg(accessName(grant.access), grant.topic);
    }
    return lines.join(u'\n') + u'\n';
}

bool BrokerProvisioning::addAzureDevices(const QString &prefix, int count, QString *error)
{
    if (count < 1 || count > MaxAccounts) {
        setError(error, tr("The device count must be from 1 to %1, not %2.").arg(MaxAccounts).arg(count));
        return false;
    }
    QSet<QString> taken;
    for (const Account &account : std::as_const(m_accounts))
        taken.insert(account.name);
    for (const AzureDevice &device : std::as_const(m_azureDevices))
        taken.insert(device.id);
    QList<AzureDevice> added = m_azureDevices;
    for (int n = 1; n <= count; ++n) {
        const QString id = prefix + QString::number(n);
        if (!isValidAccountName(id)) {
            setError(error, tr("\"%1\" is not a valid device id.").arg(id));
            return false;
        }
        if (taken.contains(id)) {
            setError(
                error,
                tr("\"%1\" is listed twice: an Azure device's id must be no other account's name.").arg(id));
            return false;
        }
        taken.insert(id);
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
        added.append({id, QString::fromLatin1(key.toBase64())});
    }
    m_azureDevices = std::move(added);
    return true;
}

QString BrokerProvisioning::findIotHubPlugin()
{
    const QString here = QCoreApplication::applicationDirPath();
    // The build tree (build/app/hub/fleet-hub, build/tests/tst_…, build/broker/fleet_iothub.so), then where
    // `cmake --install` and the fleet-hub package put it beside bin/ (installer/CMakeLists.txt).
    for (const QString &candidate :
         {here + u"/../../broker/fleet_iothub.so"_s, here + u"/../broker/fleet_iothub.so"_s,
          here + u"/../lib/fleet-hub/fleet_iothub.so"_s, u"/usr/lib/fleet-hub/fleet_iothub.so"_s}) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QString BrokerProvisioning::configSnippet(const QString &passwordFile, const QString &aclFile) const
{
    QStringList iotHub;
    if (!m_azureDevices.isEmpty()) {
        QString hubUser;
        for (const Account &account : m_accounts) {
            if (hubUser.isEmpty() && account.roles.contains(Role::Service))
                hubUser = account.name;
        }
        iotHub = {
            u"# Azure IoT Hub devices (docs/azure.md): the plugin checks their SAS tokens and keeps each one's"_s,
            u"# twin and method traffic its own. Plugins answer before password_file and acl_file."_s,
            u"plugin "_s + (m_iotHubPlugin.isEmpty() ? findIotHubPlugin() : m_iotHubPlugin),
            u"plugin_opt_devices "_s + m_azureDevicesFile,
            u"plugin_opt_hub_user "_s + hubUser,
            u"plugin_opt_hostname "_s + m_azureHostName};
    }
    return (QStringList{
                u"# Generated by `fleet-hub provision`: Fleet Console's roles (docs/security.md). Add a listener;"_s,
                u"# on anything but loopback give it TLS (cafile, certfile, keyfile): passwords travel in CONNECT."_s,
                u"allow_anonymous false"_s,
                u"password_file "_s + passwordFile,
                u"acl_file "_s + aclFile,
                // Without it every reply can wait 40 ms for a delayed ACK (Nagle's algorithm, on by default).
                u"set_tcp_nodelay true"_s,
            } +
            iotHub)
               .join(u'\n') +
           u'\n';
}

Json BrokerProvisioning::info() const
{
    Json accounts = Json::array();
    for (const Account &account : m_accounts) {
        Json roles = Json::array();
        for (const Role role : account.roles)
            roles.push_back(roleName(role).toStdString());
        Json entry = {{"name", account.name.toStdString()},
                      {"password", account.password.toStdString()},
                      {"roles", roles}};
        if (!account.extra.isEmpty()) {
            Json extra = Json::object();
            for (const Grant &grant : account.extra)
                extra[accessName(grant.access).toStdString()].push_back(grant.topic.toStdString());
            entry["extra"] = extra;
        }
        accounts.push_back(std::move(entry));
    }
    Json result = {{"accounts", std::move(accounts)}};
    if (!m_azureDevices.isEmpty()) {
        Json azure = Json::array();
        for (const AzureDevice &device : m_azureDevices)
            azure.push_back(
                {{"deviceId", device.id.toStdString()},
                 {"primaryKey", device.key.toStdString()},
                 {"connectionString",
                  (u"HostName=%1;DeviceId=%2;SharedAccessKey=%3"_s.arg(m_azureHostName, device.id,
                                                                       device.key) +
                   (m_azureGateway.isEmpty() ? QString() : u";GatewayHostName="_s + m_azureGateway))
                      .toStdString()}});
        result["azureDevices"] = std::move(azure);
        result["azureHostName"] = m_azureHostName.toStdString();
        if (!m_azureDevicesFile.isEmpty())
            result["azureDevicesFile"] = m_azureDevicesFile.toStdString();
    }
    if (!m_configFile.isEmpty()) {
        result["passwordFile"] = m_passwordFile.toStdString();
        result["aclFile"] = m_aclFile.toStdString();
        result["config"] = m_configFile.toStdString();
    }
    return result;
}

QString BrokerProvisioning::findPasswordTool()
{
    QString path = QStandardPaths::findExecutable(u"mosquitto_passwd"_s);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(u"mosquitto_passwd"_s, {u"/usr/bin"_s, u"/usr/sbin"_s});
    return path;
}

bool BrokerProvisioning::write(const QString &directory, QString *error)
{
    if (m_accounts.isEmpty()) {
        setError(error, tr("No accounts to write."));
        return false;
    }
    const QString dir = QFileInfo(directory).absoluteFilePath();
    if (!isSafeConfigPath(dir)) {
        setError(error, tr("\"%1\": the output directory's path must have no spaces or control characters "
                           "(mosquitto.conf names the files in it).")
                            .arg(dir));
        return false;
    }
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir) ||
            !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            setError(error, tr("Cannot create the directory \"%1\".").arg(dir));
            return false;
        }
    }
    const QString tool = findPasswordTool();
    if (tool.isEmpty()) {
        setError(error, tr("mosquitto_passwd was not found (Debian package mosquitto)."));
        return false;
    }
    generateMissingPasswords();

    // The plain "name:password" form first, then `mosquitto_passwd -U` hashes it in place, then a rename puts
    // it where mosquitto reads it, so that a broker reloading on SIGHUP never sees a plain or half-written
    // file. -U rather than one `-b FILE NAME PASSWORD` per account: -b shows each password in the process
    // list to every local user, and it rewrites the whole file per account (200 accounts took 2.3 s here,
    // 10,000 would take minutes; -U hashes 10,000 in 1.3 s).
    const QString passwordFile = QDir(dir).filePath(u"passwd"_s);
    const QString plainFile = passwordFile + u".new"_s;
    QFile::remove(plainFile);
    {
        QFile plain(plainFile);
        if (!plain.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)) {
            setError(error, tr("Cannot write \"%1\": %2").arg(plainFile, plain.errorString()));
            return false;
        }
        QByteArray text;
        for (const Account &account : std::as_const(m_accounts))
            text += account.name.toUtf8() + ':' + account.password.toUtf8() + '\n';
        if (plain.write(text) != text.size() || !plain.flush()) {
            setError(error, tr("Cannot write \"%1\": %2").arg(plainFile, plain.errorString()));
            plain.close();
            QFile::remove(plainFile);
            return false;
        }
    }
    QProcess hasher;
    hasher.setProcessChannelMode(QProcess::MergedChannels);
    hasher.setStandardInputFile(QProcess::nullDevice());
    hasher.start(tool, {u"-U"_s, plainFile});
    const bool finished = hasher.waitForStarted() && hasher.waitForFinished(PasswordToolTimeoutMs);
    if (!finished || hasher.exitStatus() != QProcess::NormalExit || hasher.exitCode() != 0) {
        if (hasher.state() != QProcess::NotRunning) {
            hasher.kill();
            hasher.waitForFinished();
        }
        QFile::remove(plainFile);
        setError(error, tr("%1 -U failed: %2")
                            .arg(tool, hasher.error() == QProcess::UnknownError
                                           ? QString::fromLocal8Bit(hasher.readAll()).trimmed()
                                           : hasher.errorString()));
        return false;
    }
    // Every line must now hold a hash ("name:$7$..."): a tool that left a plain password must not win.
    {
        QFile hashed(plainFile);
        const QByteArray text = hashed.open(QIODevice::ReadOnly) ? hashed.readAll() : QByteArray();
        const QList<QByteArray> lines = text.trimmed().split('\n');
        const bool allHashed = lines.size() == m_accounts.size() &&
                               std::all_of(lines.cbegin(), lines.cend(),
                                           [](const QByteArray &line) { return line.contains(":$"); });
        if (!allHashed) {
            QFile::remove(plainFile);
            setError(error, tr("%1 -U did not hash every password in \"%2\".").arg(tool, plainFile));
            return false;
        }
    }
    if (std::rename(QFile::encodeName(plainFile).constData(), QFile::encodeName(passwordFile).constData()) !=
        0) {
        QFile::remove(plainFile);
        setError(error, tr("Cannot replace \"%1\".").arg(passwordFile));
        return false;
    }

    const QString aclFile = QDir(dir).filePath(u"acl"_s);
    const QString configFile = QDir(dir).filePath(u"mosquitto.conf"_s);
    if (!m_azureDevices.isEmpty()) {
        if (m_iotHubPlugin.isEmpty() && findIotHubPlugin().isEmpty()) {
            setError(error,
                     tr("fleet_iothub.so, the broker plugin Azure devices need, was not found: build it "
                        "or give its path."));
            return false;
        }
        // The plugin lets only the service account speak to devices: without one it would not load.
        if (std::none_of(m_accounts.cbegin(), m_accounts.cend(),
                         [](const Account &account) { return account.roles.contains(Role::Service); })) {
            setError(error,
                     tr("Azure devices need an account with the service role (fleet-hub): it is the only "
                        "one the broker's plugin lets speak to them."));
            return false;
        }
        for (const Account &account : std::as_const(m_accounts)) {
            if (std::any_of(m_azureDevices.cbegin(), m_azureDevices.cend(),
                            [&](const AzureDevice &device) { return device.id == account.name; })) {
                setError(error, tr("\"%1\" is both an account and an Azure device.").arg(account.name));
                return false;
            }
        }
        // The keys are the devices' secrets, as the password file's hashes are the accounts': owner only.
        m_azureDevicesFile = QDir(dir).filePath(u"azure-devices"_s);
        QString keys;
        for (const AzureDevice &device : std::as_const(m_azureDevices))
            keys += device.id + u' ' + device.key + u'\n';
        QSaveFile file(m_azureDevicesFile);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
            file.write(keys.toUtf8()) < 0 || !file.commit()) {
            setError(error, tr("Cannot write \"%1\": %2").arg(m_azureDevicesFile, file.errorString()));
            return false;
        }
    }
    if (!writeText(aclFile, aclText(), error) ||
        !writeText(configFile, configSnippet(passwordFile, aclFile), error))
        return false;
    m_passwordFile = passwordFile;
    m_aclFile = aclFile;
    m_configFile = configFile;
    return true;
}

int BrokerProvisioning::runCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleet-hub"_s);

    const auto usageError = [](const QString &message) {
        print(stderr,
              u"fleet-hub provision: "_s + message + u'\n' + tr("Try 'fleet-hub provision --help'.") + u'\n');
        return int(Usage);
    };

    QString roles;
    for (const Role role : {Role::Operator, Role::Approver, Role::Device, Role::Service, Role::Monitor}) {
        QStringList reads, writes;
        for (const Grant &grant : grantsFor(role, u"{me}"_s)) {
            if (grant.access != Access::Write)
                reads << grant.topic;
            if (grant.access != Access::Read)
                writes << grant.topic;
        }
        roles += u"  %1\n    reads:  %2\n    writes: %3\n"_s.arg(
            roleName(role), reads.isEmpty() ? tr("nothing") : reads.join(u", "_s),
            writes.isEmpty() ? tr("nothing") : writes.join(u", "_s));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes what a mosquitto broker needs to enforce Fleet Console's roles (docs/security.md) for a "
           "set of "
           "accounts, into the output directory:\n"
           "  passwd          the password file, hashed by mosquitto_passwd (mode 0600)\n"
           "  acl             the acl_file: one `user` section per account with its roles' topics\n"
           "  mosquitto.conf  a snippet to include: allow_anonymous false, password_file, acl_file, "
           "set_tcp_nodelay true (add a listener)\n"
           "and prints the accounts with their passwords and roles as JSON (or writes it to --info FILE, "
           "mode "
           "0600). Existing files are replaced; a running mosquitto reads them again on SIGHUP.\n"
           "\n"
           "The roles ({me} is the account's name; a device's name is its id):\n"
           "%1"
           "A device account holds the device role only. '#' does not match topics that begin with '$', so "
           "the roles that read everything also get $aws/#.\n"
           "\n"
           "--spec FILE is a JSON object:\n"
           "  {\"accounts\": [{\"name\": \"alice\", \"roles\": [\"operator\"]},\n"
           "                {\"name\": \"bob\", \"roles\": [\"operator\", \"approver\"], \"password\": "
           "\"...\"},\n"
           "                {\"name\": \"bridge\", \"roles\": [\"monitor\"], \"extra\": {\"write\": "
           "[\"site/{me}/#\"]}}],\n"
           "   \"devices\": [{\"prefix\": \"dev-\", \"count\": 51}, {\"prefix\": \"sample-\", \"count\": "
           "3}]}\n"
           "A missing password is generated (144 random bits). \"extra\" grants topics beyond the roles "
           "(read, write, readwrite; {me} expands), for integrations the roles do not cover. \"devices\", "
           "one block {\"prefix\", \"count\"} or an array of them, adds "
           "the accounts dev-1 ... dev-51 and sample-1 ... sample-3 with the device role, as fleet-sim names "
           "its devices (fleet-sim "
           "--accounts FILE reads their passwords from the JSON this command writes). --account and "
           "--devices "
           "add to the file's accounts.\n"
           "\n"
           "Azure IoT Hub devices (docs/azure.md): \"azureDevices\" (blocks like \"devices\") or "
           "--azure-devices N "
           "adds devices az-1 ... az-N that sign in with SAS tokens made from a generated key, not with an "
           "account: their keys go to azure-devices (mode 0600), which the broker's fleet_iothub plugin "
           "reads, "
           "and mosquitto.conf loads the plugin (--iothub-plugin FILE; fleet-hub, the service account, is "
           "the "
           "only one it lets speak to devices). \"azureHostName\" or --azure-host names the IoT Hub host in "
           "their tokens (default fleet.local); --azure-gateway HOST:PORT puts the broker's TLS listener in "
           "their connection strings, which the JSON lists.\n"
           "\n"
           "The passwords are for a local test or demo stack: they are printed and written in plain text. A "
           "production team should choose its own (\"password\" in the specification, read from a secret "
           "store when the file is made) and keep them out of files and logs: then only the hashes in passwd "
           "remain.\n"
           "\n"
           "Exit status: 0 written, 1 when a file cannot be written or mosquitto_passwd fails, 2 for invalid "
           "options or an invalid specification.")
            .arg(roles));
    parser.addHelpOption();
    parser.addPositionalArgument(u"provision"_s, tr("Write a broker's accounts and access control."),
                                 u"provision"_s);
    const QCommandLineOption specOption(u"spec"_s, tr("The accounts specification, a JSON file (see above)."),
                                        tr("FILE"));
    const QCommandLineOption accountOption(
        u"account"_s, tr("Add an account with these roles, e.g. bob=operator,approver (repeatable)."),
        tr("NAME=ROLES"));
    const QCommandLineOption devicesOption(u"devices"_s, tr("Add N device accounts, PREFIX1 to PREFIXN."),
                                           tr("N"));
    const QCommandLineOption prefixOption(
        u"device-prefix"_s, tr("The device accounts' prefix (default \"dev-\")."), tr("PREFIX"), u"dev-"_s);
    const QCommandLineOption outputOption(u"output"_s,
                                          tr("Where to write passwd, acl and mosquitto.conf "
                                             "(created with mode 0700 if missing)."),
                                          tr("DIR"));
    const QCommandLineOption infoOption(
        u"info"_s, tr("Write the accounts and their passwords to FILE (mode 0600) instead of printing them."),
        tr("FILE"));
    const QCommandLineOption azureOption(
        u"azure-devices"_s, tr("Add N Azure IoT Hub devices, PREFIX1 to PREFIXN, with generated keys."),
        tr("N"));
    const QCommandLineOption azurePrefixOption(
        u"azure-prefix"_s, tr("The Azure devices' prefix (default \"az-\")."), tr("PREFIX"), u"az-"_s);
    const QCommandLineOption azureHostOption(
        u"azure-host"_s,
        tr("The IoT Hub host name in the Azure devices' connection strings (default fleet.local)."),
        tr("NAME"));
    const QCommandLineOption gatewayOption(u"azure-gateway"_s,
                                           tr("The broker's TLS listener, HOST:PORT, named as "
                                              "GatewayHostName in the Azure devices' connection strings."),
                                           tr("HOST:PORT"));
    const QCommandLineOption pluginOption(
        u"iothub-plugin"_s,
        tr("The fleet_iothub mosquitto plugin (default: found in the build tree or installed)."), tr("FILE"));
    parser.addOptions({specOption, accountOption, devicesOption, prefixOption, outputOption, infoOption,
                       azureOption, azurePrefixOption, azureHostOption, gatewayOption, pluginOption});

    // parse() rather than process(): invalid options must exit with the usage status, not process()'s 1.
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        print(stdout, parser.helpText());
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.constFirst() != "provision"_L1)
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.value(1)));
    if (!parser.isSet(outputOption))
        return usageError(tr("--output DIR is required."));

    BrokerProvisioning provisioning;
    QString error;
    if (parser.isSet(specOption) && !provisioning.loadSpecFile(parser.value(specOption), &error))
        return usageError(error);
    for (const QString &value : parser.values(accountOption)) {
        const qsizetype equals = value.indexOf(u'=');
        Account account;
        account.name = value.left(equals);
        bool valid = equals > 0;
        for (const QString &name : value.mid(equals + 1).split(u',', Qt::SkipEmptyParts)) {
            const std::optional<Role> role = roleFromName(name.trimmed());
            valid = valid && role.has_value();
            if (role && !account.roles.contains(*role))
                account.roles << *role;
        }
        if (!valid || account.roles.isEmpty())
            return usageError(tr("--account: expected NAME=ROLE[,ROLE...] with the roles operator, approver, "
                                 "device, service and monitor, not \"%1\".")
                                  .arg(value));
        if (!provisioning.addAccount(account, &error))
            return usageError(error);
    }
    if (parser.isSet(devicesOption)) {
        bool ok = false;
        const int count = parser.value(devicesOption).toInt(&ok);
        if (!ok)
            return usageError(
                tr("--devices: expected a whole number, not \"%1\".").arg(parser.value(devicesOption)));
        if (!provisioning.addDevices(parser.value(prefixOption), count, &error))
            return usageError(error);
    }
    if (parser.isSet(azureHostOption)) {
        if (!isValidAccountName(parser.value(azureHostOption)))
            return usageError(tr("--azure-host: expected a host name such as fleet.local."));
        provisioning.setAzureHostName(parser.value(azureHostOption));
    }
    if (parser.isSet(gatewayOption)) {
        const QString gateway = parser.value(gatewayOption);
        const qsizetype colon = gateway.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? gateway.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535 || !isValidAccountName(gateway.left(colon)))
            return usageError(tr("--azure-gateway: expected HOST:PORT, e.g. localhost:8883."));
        provisioning.setAzureGateway(gateway);
    }
    if (parser.isSet(pluginOption))
        provisioning.setIotHubPlugin(QFileInfo(parser.value(pluginOption)).absoluteFilePath());
    if (parser.isSet(azureOption)) {
        bool ok = false;
        const int count = parser.value(azureOption).toInt(&ok);
        if (!ok)
            return usageError(
                tr("--azure-devices: expected a whole number, not \"%1\".").arg(parser.value(azureOption)));
        if (!provisioning.addAzureDevices(parser.value(azurePrefixOption), count, &error))
            return usageError(error);
    }
    if (provisioning.accounts().isEmpty())
        return usageError(tr("No accounts: give --spec, --account or --devices."));

    if (!provisioning.write(parser.value(outputOption), &error)) {
        print(stderr, u"fleet-hub provision: "_s + error + u'\n');
        return Failure;
    }
    const QByteArray info = QByteArray::fromStdString(provisioning.info().dump(2)) + '\n';
    if (!parser.isSet(infoOption)) {
        std::fwrite(info.constData(), 1, size_t(info.size()), stdout);
        return Ok;
    }
    const QString infoPath = parser.value(infoOption);
    // Created 0600 before anything is written, so the passwords are never readable by others, even briefly.
    QFile::remove(infoPath);
    QFile file(infoPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(info) != info.size() || !file.flush()) {
        print(stderr, u"fleet-hub provision: "_s +
                          tr("Cannot write \"%1\": %2").arg(infoPath, file.errorString()) + u'\n');
        return Failure;
    }
    print(stdout, tr("%n account(s) written to %1 (passwd, acl, mosquitto.conf); passwords in %2.\n", nullptr,
                     int(provisioning.accounts().size()))
                      .arg(QFileInfo(provisioning.configFile()).absolutePath(), infoPath));
    return Ok;
}

} // namespace fleet

// The Debian packages (installer/), as a user gets them: CPack makes them from this build, dpkg -x unpacks
// them into a scratch root, and everything is checked from there, never from the build tree: the programs
// start and tell their version, the console speaks Spanish and has its catalog, the packages depend on what
// the programs really load, the desktop entry, the AppStream metadata and the systemd units pass their
// validators, lintian finds no error and no warning that installer/lintian.md does not explain, and the
// installed fleet-hub serves shadows under the sandbox its unit gives it.

#include "mosquittobroker.h"
#include "programprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using fleet::test::MosquittoBroker;
using fleet::test::ProgramProcess;

namespace {

struct Ran
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false;
    QString failure; // why it did not start or end, if so
    QString transcript() const { return u"exit %1 %2\n%3\n%4"_s.arg(exitCode).arg(failure, out, err); }
};

Ran run(const QString &program, const QStringList &arguments, int timeoutMs = 120000,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        const QString &workingDirectory = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Ran ran;
    ran.finished = process.waitForFinished(timeoutMs);
    if (!ran.finished)
        process.kill();
    process.waitForFinished(5000);
    ran.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    ran.out = QString::fromUtf8(process.readAllStandardOutput());
    ran.err = QString::fromUtf8(process.readAllStandardError());
    if (process.error() != QProcess::UnknownError)
        ran.failure = process.errorString();
    return ran;
}

} // namespace

class TestInstalledPackages final : public QObject
{
    Q_OBJECT

private:
    // Under the build directory, not /tmp: the sandboxed hub gets a /tmp of its own.
    QTemporaryDir m_work{QStringLiteral(FLEET_BUILD_DIR "/tst_installedpackages-XXXXXX")};
    QString m_root;                    // the packages unpacked
    QHash<QString, QString> m_debs;    // package name -> .deb
    QHash<QString, QString> m_depends; // package name -> its Depends field

    QString rooted(const QString &path) const { return m_root + path; }

    QProcessEnvironment cleanEnvironment() const
    {
        QProcessEnvironment environment = ProgramProcess::cleanEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return environment;
    }

    static QString tool(const QString &name)
    {
        const QString path = QStandardPaths::findExecutable(name);
        if (path.isEmpty())
            qWarning("%s is missing: `./fleet setup` installs it", qPrintable(name));
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_work.isValid(), qPrintable(m_work.errorString()));
        for (const QString &name : {u"cpack"_s, u"dpkg-deb"_s, u"lintian"_s, u"desktop-file-validate"_s,
                                    u"appstreamcli"_s, u"systemd-analyze"_s})
            QVERIFY2(!tool(name).isEmpty(), qPrintable(name + u" is not installed"_s));

        // The same command `./fleet package` runs, into a folder of this test's.
        const QString packages = m_work.filePath(u"packages"_s);
        const Ran cpack =
            run(tool(u"cpack"_s),
                {u"--config"_s, QStringLiteral(FLEET_BUILD_DIR "/CPackConfig.cmake"), u"-B"_s, packages},
                600000, QProcessEnvironment::systemEnvironment(), QStringLiteral(FLEET_BUILD_DIR));
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.transcript()));

        m_root = m_work.filePath(u"root"_s);
        QVERIFY(QDir().mkpath(m_root));
        const QStringList debs = QDir(packages).entryList({u"*.deb"_s}, QDir::Files);
        for (const QString &deb : debs) {
            const QString path = QDir(packages).filePath(deb);
            const Ran name = run(tool(u"dpkg-deb"_s), {u"--field"_s, path, u"Package"_s});
            const Ran depends = run(tool(u"dpkg-deb"_s), {u"--field"_s, path, u"Depends"_s});
            m_debs.insert(name.out.trimmed(), path);
            m_depends.insert(name.out.trimmed(), depends.out.trimmed());
            const Ran unpack = run(tool(u"dpkg-deb"_s), {u"-x"_s, path, m_root});
            QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.transcript()));
        }
    }

    void twoPackages()
    {
        QCOMPARE(QStringList(m_debs.keys()).size(), 2);
        QVERIFY(m_debs.value(u"fleet-console"_s).endsWith(u"fleet-console_" FLEET_VERSION "-1_amd64.deb"_s));
        QVERIFY(m_debs.value(u"fleet-hub"_s).endsWith(u"fleet-hub_" FLEET_VERSION "-1_amd64.deb"_s));
    }

    // Each program, installed, starts and prints the one version set in CMakeLists.txt.
    void programsStartAndTellTheirVersion_data()
    {
        QTest::addColumn<QString>("program");
        for (const char *program : {"fleet-console", "fleetctl", "fleet-hub", "fleet-sim"})
            QTest::newRow(program) << QString::fromLatin1(program);
    }
    void programsStartAndTellTheirVersion()
    {
        QFETCH(QString, program);
        const QString path = rooted(u"/usr/bin/"_s + program);
        QVERIFY2(QFileInfo(path).isExecutable(), qPrintable(path));
        const Ran version = run(path, {u"--version"_s}, 30000, cleanEnvironment());
        QVERIFY2(version.exitCode == 0, qPrintable(version.transcript()));
        QCOMPARE(version.out.trimmed(), program + u' ' + QStringLiteral(FLEET_VERSION));
        const Ran help = run(path, {u"--help"_s}, 30000, cleanEnvironment());
        QVERIFY2(help.exitCode == 0, qPrintable(help.transcript()));
        QVERIFY(help.out.contains(u"--version"_s));
        QVERIFY2(QFileInfo::exists(rooted(u"/usr/share/man/man1/"_s + program + u".1.gz"_s)),
                 "a manual page");
    }

    // The installed console finds its translations and its catalog without the build tree: both are built
    // in. LANG alone chooses Spanish, as on a Spanish desktop.
    void consoleSpeaksSpanishFromItsInstalledPath()
    {
        QProcessEnvironment environment = cleanEnvironment();
        environment.remove(u"LC_ALL"_s);
        environment.remove(u"LC_MESSAGES"_s);
        environment.remove(u"LANGUAGE"_s);
        environment.insert(u"LANG"_s, u"es_ES.UTF-8"_s);
        // A settings folder of its own: a language chosen in some View menu must not decide.
        environment.insert(u"XDG_CONFIG_HOME"_s, m_work.filePath(u"config"_s));
        const Ran help = run(rooted(u"/usr/bin/fleet-console"_s), {u"--help"_s}, 30000, environment);
        QVERIFY2(help.exitCode == 0, qPrintable(help.transcript()));
        QVERIFY2(help.out.contains(u"Idioma de la interfaz"_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"flotas de dispositivos MQTT"_s), qPrintable(help.out));
    }

    // Every library a program or the plugin links comes from a package its package depends on, and the Qt
    // plugins loaded at run time (no linker records them) are there too.
    void dependenciesAreWhatTheProgramsLoad()
    {
        const QHash<QString, QStringList> files{
            {u"fleet-console"_s, {u"/usr/bin/fleet-console"_s, u"/usr/bin/fleetctl"_s}},
            {u"fleet-hub"_s,
             {u"/usr/bin/fleet-hub"_s, u"/usr/bin/fleet-sim"_s, u"/usr/lib/fleet-hub/fleet_iothub.so"_s}}};
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString depends = m_depends.value(it.key());
            QVERIFY2(!depends.isEmpty(), qPrintable(it.key()));
            QStringList named;
            for (const QString &alternatives : depends.split(u',')) {
                for (const QString &dependency : alternatives.split(u'|'))
                    named << dependency.trimmed().section(u' ', 0, 0).section(u':', 0, 0);
            }
            for (const QString &file : it.value()) {
                // What the file itself links (NEEDED), where the loader finds it: a library those pull in
                // is their package's dependency, not this one's.
                const Ran dynamic = run(u"readelf"_s, {u"--dynamic"_s, rooted(file)});
                QVERIFY2(dynamic.exitCode == 0, qPrintable(dynamic.transcript()));
                static const QRegularExpression neededLine(
                    u"\\(NEEDED\\)\\s+Shared library: \\[([^\\]]+)\\]"_s);
                QSet<QString> needed;
                for (auto n = neededLine.globalMatch(dynamic.out); n.hasNext();)
                    needed.insert(n.next().captured(1));
                const Ran ldd = run(u"ldd"_s, {rooted(file)});
                QVERIFY2(ldd.exitCode == 0, qPrintable(ldd.transcript()));
                QVERIFY2(!ldd.out.contains(u"not found"_s), qPrintable(ldd.out));
                static const QRegularExpression library(u"^\\s*(\\S+) => (/\\S+) \\(0x"_s,
                                                        QRegularExpression::MultilineOption);
                int libraries = 0;
                for (auto matches = library.globalMatch(ldd.out); matches.hasNext();) {
                    const auto match = matches.next();
                    if (!needed.contains(match.captured(1)))
                        continue;
                    const QString path = match.captured(2);
                    // Debian 12 merged /lib into /usr/lib, and dpkg knows a library by the path its
                    // package gave it: either.
                    QString canonical = QFileInfo(path).canonicalFilePath();
                    Ran owner = run(u"dpkg"_s, {u"-S"_s, canonical});
                    if (owner.exitCode != 0 && canonical.startsWith(u"/usr/lib/"_s))
                        owner = run(u"dpkg"_s, {u"-S"_s, canonical.mid(4)});
                    QVERIFY2(owner.exitCode == 0, qPrintable(path + u": "_s + owner.transcript()));
                    const QString package = owner.out.section(u':', 0, 0).trimmed();
                    QVERIFY2(named.contains(package),
                             qPrintable(u"%1 links %2 from %3, which %4 does not depend on (%5)"_s.arg(
                                 file, path, package, it.key(), depends)));
                    ++libraries;
                }
                QVERIFY2(libraries > 0, qPrintable(file));
            }
            // The SQLite driver: the ledger, the hub's databases.
            QVERIFY2(named.contains(u"libqt6sql6-sqlite"_s), qPrintable(depends));
        }
    }

    // Each installed manual page is well-formed groff (no warning) and names its program.
    void manualPagesRead()
    {
        for (const QString &program : {u"fleet-console"_s, u"fleetctl"_s, u"fleet-hub"_s, u"fleet-sim"_s}) {
            const QString page = rooted(u"/usr/share/man/man1/"_s + program + u".1.gz"_s);
            const Ran render =
                run(u"sh"_s, {u"-c"_s, u"zcat \"$1\" | groff -man -Tutf8 -ww -z"_s, u"sh"_s, page});
            QVERIFY2(render.exitCode == 0 && render.err.trimmed().isEmpty(),
                     qPrintable(program + u": "_s + render.transcript()));
            const Ran text =
                run(u"sh"_s, {u"-c"_s, u"zcat \"$1\" | groff -man -Tutf8 -P-cbou"_s, u"sh"_s, page});
            QVERIFY2(text.out.contains(u"NAME"_s) && text.out.contains(program),
                     qPrintable(text.out.left(400)));
        }
    }

    // The installed completion completes fleetctl's commands and each command's options.
    void bashCompletionCompletes()
    {
        const QString script = rooted(u"/usr/share/bash-completion/completions/fleetctl"_s);
        const auto complete = [&script](const QString &words, int current) {
            return run(u"bash"_s, {u"-c"_s,
                                   u"source \"$1\"; COMP_WORDS=(%1); COMP_CWORD=%2; _fleetctl; "
                                   u"printf '%s\\n' \"${COMPREPLY[@]}\""_s.arg(words)
                                       .arg(current),
                                   u"bash"_s, script})
                .out.split(u'\n', Qt::SkipEmptyParts);
        };
        QCOMPARE(complete(u"fleetctl appr"_s, 1), QStringList{u"approvals"_s});
        QVERIFY(complete(u"fleetctl send --wa"_s, 2).contains(u"--wait"_s));
        QCOMPARE(complete(u"fleetctl --mqtt-version 3"_s, 2), QStringList{u"3.1.1"_s});
    }

    void desktopEntryValidates()
    {
        const QString entry = rooted(u"/usr/share/applications/org.fleetconsole.FleetConsole.desktop"_s);
        const Ran validate = run(tool(u"desktop-file-validate"_s), {entry});
        QVERIFY2(validate.exitCode == 0 && validate.out.trimmed().isEmpty(),
                 qPrintable(validate.transcript()));
        QFile file(entry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(u"\nExec=fleet-console\n"_s));
        QVERIFY(text.contains(u"\nIcon=org.fleetconsole.FleetConsole\n"_s));
        // The icon it names, in the sizes desktops look for.
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString icon =
                rooted(u"/usr/share/icons/hicolor/%1x%1/apps/org.fleetconsole.FleetConsole.png"_s.arg(size));
            QVERIFY2(QFileInfo::exists(icon), qPrintable(icon));
        }
        QVERIFY(QFileInfo::exists(
            rooted(u"/usr/share/icons/hicolor/scalable/apps/org.fleetconsole.FleetConsole.svg"_s)));
    }

    void appStreamMetadataValidates()
    {
        const Ran validate =
            run(tool(u"appstreamcli"_s),
                {u"validate"_s, u"--no-net"_s,
                 rooted(u"/usr/share/metainfo/org.fleetconsole.FleetConsole.metainfo.xml"_s)});
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.transcript()));
    }

    // No error; each warning is one installer/lintian.md lists with the reason it stays.
    void lintianFindsNoError()
    {
        QFile explained(QStringLiteral(FLEET_SOURCE_DIR "/installer/lintian.md"));
        QVERIFY(explained.open(QIODevice::ReadOnly));
        QSet<QString> allowed;
        static const QRegularExpression row(u"^\\| `([a-z0-9-]+)`"_s, QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(QString::fromUtf8(explained.readAll())); it.hasNext();)
            allowed.insert(it.next().captured(1));
        for (const QString &deb : m_debs) {
            const Ran lintian = run(tool(u"lintian"_s), {u"--no-tag-display-limit"_s, deb}, 600000);
            QVERIFY2(lintian.finished, "lintian ran to its end");
            static const QRegularExpression tag(u"^([EWIPX]): [^:]+: ([a-z0-9-]+)"_s,
                                                QRegularExpression::MultilineOption);
            QStringList errors;
            QStringList unexplained;
            for (auto it = tag.globalMatch(lintian.out); it.hasNext();) {
                const auto match = it.next();
                if (match.captured(1) == "E"_L1)
                    errors << match.captured(0);
                else if (match.captured(1) == "W"_L1 && !allowed.contains(match.captured(2)))
                    unexplained << match.captured(0);
            }
            qInfo().noquote() << QFileInfo(deb).fileName() << "lintian:" << lintian.out.count(u'\n')
                              << "lines";
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
            QVERIFY2(unexplained.isEmpty(),
                     qPrintable(u"not in installer/lintian.md:\n"_s + unexplained.join(u'\n')));
        }
    }

    void systemdUnitsVerify()
    {
        // The units are checked against the unpacked root, whose ExecStart= binaries must exist; systemd's
        // own units (the targets they are wanted by) come from this machine.
        const QString units = rooted(u"/lib/systemd/system"_s);
        QDirIterator host(u"/lib/systemd/system"_s, QDir::Files | QDir::NoDotAndDotDot);
        while (host.hasNext()) {
            const QString file = host.next();
            const QString target = units + u'/' + host.fileName();
            if (!QFileInfo::exists(target))
                QFile::copy(file, target);
        }
        QVERIFY(QDir().mkpath(rooted(u"/etc/systemd/system"_s)));
        // Documentation=man:… is checked with man, which must look in the unpacked root.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"MANPATH"_s, rooted(u"/usr/share/man"_s));
        for (const QString &unit : {u"fleet-hub.service"_s, u"fleet-sim.service"_s}) {
            const Ran verify = run(tool(u"systemd-analyze"_s), {u"verify"_s, u"--root="_s + m_root, unit},
                                   120000, environment);
            QVERIFY2(verify.exitCode == 0 && verify.err.trimmed().isEmpty() && verify.out.trimmed().isEmpty(),
                     qPrintable(unit + u": "_s + verify.transcript()));
            const Ran security = run(tool(u"systemd-analyze"_s),
                                     {u"security"_s, u"--offline=true"_s, u"--root="_s + m_root, unit});
            qInfo().noquote() << unit << security.out.trimmed().section(u'\n', -1);
        }
    }

    // What `systemctl start fleet-hub` does, by hand where systemd is not running (CI, containers): the
    // unit's own ExecStart= line, with its main sandboxing done with the tools systemd would use. Another
    // user (DynamicUser=), no capabilities and no new privileges (CapabilityBoundingSet=, NoNewPrivileges=),
    // every file system read-only but the state directory (ProtectSystem=strict, StateDirectory=), its own
    // /tmp (PrivateTmp=), no home folders (ProtectHome=). The installed hub must serve shadows so.
    void hubServesShadowsUnderItsUnitsSandbox()
    {
        if (geteuid() != 0)
            QSKIP("mount namespaces and another user need root (CI runs as root)");
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        QFile unit(rooted(u"/lib/systemd/system/fleet-hub.service"_s));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        static const QRegularExpression execStart(u"^ExecStart=(.+)$"_s, QRegularExpression::MultilineOption);
        QString command = execStart.match(QString::fromUtf8(unit.readAll())).captured(1).trimmed();
        QVERIFY2(command.startsWith(u"/usr/bin/fleet-hub "_s), qPrintable(command));
        QVERIFY(command.contains(u"$FLEET_HUB_OPTIONS"_s));

        const QString state = m_work.filePath(u"state"_s);
        QVERIFY(QDir().mkpath(state));
        // The hub's user must get through this test's folder to its own, as it gets to /var/lib/fleet-hub.
        QVERIFY(QFile::setPermissions(m_work.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                         QFile::ExeGroup | QFile::ExeOther));
        constexpr uid_t Nobody = 65534;
        QVERIFY(::chown(QFile::encodeName(state).constData(), Nobody, Nobody) == 0);
        // The test's folder is seen at /mnt inside the sandbox: it may itself be under /tmp or /root (a clone
        // in /tmp, say), which the sandbox replaces.
        command.replace(u"/var/lib/fleet-hub"_s, u"/mnt/state"_s)
            .replace(u"/usr/bin/fleet-hub"_s, u"/mnt/root/usr/bin/fleet-hub"_s)
            .replace(u"$FLEET_HUB_OPTIONS"_s, u"--broker "_s + broker.url());

        // Each mount read-only, the state directory a writable mount of its own, then a fresh /tmp and
        // empty homes; then the hub as nobody without capabilities.
        const QString sandbox = uR"(set -e
mount --bind "$WORK" /mnt
mount --bind /mnt/state /mnt/state
awk '{print $5}' /proc/self/mountinfo | while read -r point; do
    case "$point" in /proc*|/sys*|/dev*|/mnt/state) continue ;; esac
    mount -o remount,bind,ro "$point" 2>/dev/null || true
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
for home in /root /home; do [ -d "$home" ] && mount -t tmpfs -o ro tmpfs "$home"; done
touch /usr/fleet-hub-write-test 2>/dev/null && { echo "the root file system is writable" >&2; exit 70; }
touch /mnt/fleet-hub-write-test 2>/dev/null && { echo "the test folder is writable" >&2; exit 70; }
exec setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- )"_s +
                                command;
        ProgramProcess hub(u"unshare"_s);
        hub.setEnvironmentValue(u"WORK"_s, m_work.path());
        hub.setEnvironmentValue(u"HOME"_s, u"/root"_s);
        QVERIFY2(hub.start({u"--mount"_s, u"--propagation"_s, u"private"_s, u"sh"_s, u"-c"_s, sandbox}),
                 qPrintable(hub.transcript()));
        QVERIFY2(broker.waitForLogLine(u"New client connected"_s, 15000),
                 qPrintable(hub.transcript() + broker.log().right(2000)));

        // It runs as nobody, and it is the hub itself (exec all the way: systemd's stop signal reaches it).
        QFile status(u"/proc/%1/status"_s.arg(hub.process().processId()));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QString proc = QString::fromUtf8(status.readAll());
        QVERIFY2(proc.contains(u"\nUid:\t65534\t65534\t65534\t65534"_s), qPrintable(proc.left(600)));
        QVERIFY2(proc.contains(u"Name:\tfleet-hub"_s), qPrintable(proc.left(200)));
        QVERIFY2(proc.contains(u"\nCapEff:\t0000000000000000"_s), qPrintable(proc));
        QVERIFY2(proc.contains(u"\nNoNewPrivs:\t1"_s), qPrintable(proc));

        // A device reports, an operator reads: the installed fleetctl against the installed hub.
        const QString fleetctl = rooted(u"/usr/bin/fleetctl"_s);
        const QStringList common = {u"--broker"_s, broker.url()};
        // Its ledger in this test's folder, not in root's home.
        QProcessEnvironment operatorEnvironment = cleanEnvironment();
        operatorEnvironment.insert(u"XDG_DATA_HOME"_s, m_work.filePath(u"data"_s));
        Ran update;
        for (int attempt = 0; attempt < 20; ++attempt) {
            update = run(fleetctl,
                         common + QStringList{u"shadow"_s, u"update"_s, u"pkg-1"_s, u"--state"_s,
                                              uR"({"reported":{"firmware":"1.4.2"}})"_s},
                         30000, operatorEnvironment);
            if (update.exitCode == 0)
                break;
            QTest::qWait(250); // the hub may still be subscribing
        }
        QVERIFY2(update.exitCode == 0, qPrintable(update.transcript() + hub.transcript()));
        const Ran get =
            run(fleetctl, common + QStringList{u"shadow"_s, u"get"_s, u"pkg-1"_s}, 30000, cleanEnvironment());
        QVERIFY2(get.exitCode == 0 && get.out.contains(u"1.4.2"_s), qPrintable(get.transcript()));

        // The built-in catalog, with no file beside the installed programs: it knows set_led and its
        // parameters, so a misspelt one is refused before anything is sent.
        const Ran send =
            run(fleetctl, common + QStringList{u"send"_s, u"pkg-1"_s, u"set_led"_s, u"colour=blue"_s}, 30000,
                operatorEnvironment);
        QVERIFY2(send.exitCode == 2 && send.err.contains(u"\"set_led\" has no parameter \"colour\""_s),
                 qPrintable(send.transcript()));

        // Its database is where the unit says, written by the hub's user; nothing was written elsewhere.
        const QFileInfo database(state + u"/shadows.sqlite"_s);
        QVERIFY2(database.exists(), qPrintable(QDir(state).entryList().join(u", "_s)));
        QCOMPARE(database.ownerId(), Nobody);

        hub.signal(SIGTERM);
        QVERIFY(hub.waitForExit(15000));
        QVERIFY2(hub.exitCode() == 0, qPrintable(hub.transcript()));
    }
};

QTEST_GUILESS_MAIN(TestInstalledPackages)
#include "tst_installedpackages.moc"

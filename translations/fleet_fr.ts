<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>fleet-sim</name>
    <message>
        <source>Try &apos;fleet-sim --help&apos;.</source>
        <translation>Essayez &apos;fleet-sim --help&apos;.</translation>
    </message>
    <message>
        <source>How many devices to simulate, 1 to 100000 (default 10, or the configuration&apos;s).</source>
        <translation>Nombre d&apos;appareils à simuler, de 1 à 100000 (par défaut 10, ou celui de la configuration).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Device ids are PREFIX-N (default dev). Letters, digits, &apos;:&apos;, &apos;_&apos; and &apos;-&apos; only: the ids are AWS IoT thing names and topic levels.</source>
        <translation>Les identifiants d&apos;appareil sont PRÉFIXE-N (par défaut dev). Lettres, chiffres, &apos;:&apos;, &apos;_&apos; et &apos;-&apos; uniquement&#xa0;: les identifiants sont des noms d&apos;objet AWS IoT et des niveaux de topic.</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PRÉFIXE</translation>
    </message>
    <message>
        <source>Seed of every random choice (faults, latencies, readings); the same seed replays the same fleet (default 1).</source>
        <translation>Graine de tous les choix aléatoires (pannes, latences, mesures)&#xa0;; la même graine rejoue la même flotte (par défaut 1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>JSON file of settings (topics, timing, faults); see above. Options override it.</source>
        <translation>Fichier JSON de réglages (topics, délais, pannes)&#xa0;; voir ci-dessus. Les options l&apos;emportent sur lui.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Append a line per command a device executes (time, device, tid, command) to this file, flushed at once: proof that each command ran exactly once.</source>
        <translation>Ajouter à ce fichier une ligne par commande qu&apos;exécute un appareil (heure, appareil, tid, commande), écrite immédiatement&#xa0;: preuve que chaque commande s&apos;est exécutée exactement une fois.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--client-id cannot be used: every device&apos;s client id is its device id.</source>
        <translation>--client-id ne peut pas être utilisé&#xa0;: l&apos;identifiant client de chaque appareil est son identifiant d&apos;appareil.</translation>
    </message>
    <message>
        <source>--mqtt-version: the devices speak MQTT 5 only.</source>
        <translation>--mqtt-version&#xa0;: les appareils ne parlent que MQTT 5.</translation>
    </message>
    <message>
        <source>--devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--devices&#xa0;: un nombre entier est attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--seed: expected a whole number from 0 to 18446744073709551615, not &quot;%1&quot;.</source>
        <translation>--seed&#xa0;: un nombre entier de 0 à 18446744073709551615 est attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The open file limit is %1, too low for %2 devices, which need about %3 (%4 each): some will not connect. Raise the hard limit (ulimit -Hn, LimitNOFILE=).</source>
        <translation>La limite de fichiers ouverts est de %1, trop basse pour %2 appareils, qui en demandent environ %3 (%4 chacun)&#xa0;: certains ne se connecteront pas. Relevez la limite stricte (ulimit -Hn, LimitNOFILE=).</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>Impossible d&apos;installer les gestionnaires de signaux.</translation>
    </message>
    <message>
        <source>%1 of %2 devices online after %3 s.</source>
        <translation>%1 appareils sur %2 en ligne après %3 s.</translation>
    </message>
    <message>
        <source>All %1 devices are online, after %2 s.</source>
        <translation>Les %1 appareils sont en ligne, après %2 s.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopping at once on %1.</source>
        <translation>Arrêt immédiat sur %1.</translation>
    </message>
    <message>
        <source>Stopping on %1: %2 devices online publish &quot;offline&quot; and disconnect.</source>
        <translation>Arrêt sur %1&#xa0;: %2 appareils en ligne publient &quot;offline&quot; et se déconnectent.</translation>
    </message>
    <message>
        <source>%1 devices connecting to %2 (%3; seed %4, up to %5 connects/s).</source>
        <translation>%1 appareils en cours de connexion à %2 (%3&#xa0;; graine %4, jusqu&apos;à %5 connexions/s).</translation>
    </message>
    <message>
        <source>--accounts and --username cannot be combined: with --accounts every device&apos;s user name is its id.</source>
        <translation>--accounts et --username ne peuvent pas être combinés&#xa0;: avec --accounts, le nom d&apos;utilisateur de chaque appareil est son identifiant.</translation>
    </message>
    <message>
        <source>AWS IoT commands (docs/aws-commands.md): ordinary and thing devices run show_message, a request {&quot;message&quot;: text} on $aws/commands/things/{id}/executions/{executionId}/request/json, and answers on .../response/json: IN_PROGRESS, then SUCCEEDED with the result {&quot;shown&quot;: {&quot;s&quot;: text}}, or FAILED or nothing as failureRate and silentDeathRate draw; REJECTED for a request it cannot read. An execution id runs once.</source>
        <translation>Commandes AWS IoT (docs/aws-commands.md)&#xa0;: les appareils ordinaires et les appareils thing exécutent show_message, une demande {&quot;message&quot;: texte} sur $aws/commands/things/{id}/executions/{executionId}/request/json, et répond sur .../response/json&#xa0;: IN_PROGRESS, puis SUCCEEDED avec le résultat {&quot;shown&quot;: {&quot;s&quot;: texte}}, ou FAILED ou rien selon le tirage de failureRate et silentDeathRate&#xa0;; REJECTED pour une demande qu&apos;il ne peut pas lire. Un identifiant d&apos;exécution ne s&apos;exécute qu&apos;une fois.</translation>
    </message>
    <message>
        <source>Kinds: sampleShare, designShare, thingShare and azureShare give shares of the fleet (qRound(share x devices) devices each, together at most all of them) to the other command dialects of the design documents; the ordinary devices are the rest, PREFIX-1 first, then sample-1..., design-1..., thing-1..., az-1...
  ordinary  everything above; textModeShare of them reply in plain text.
  sample    the seed&apos;s sample device: a plain-text request on %1, any text; a built-in command&apos;s name, alone or followed by a space and a JSON object of parameters (set_led {&quot;color&quot;:&quot;red&quot;}), runs that command, anything else just succeeds. Replies &quot;SUCCESS: command ran successfully from payload: ...&quot; or &quot;FAILURE: reason&quot; on %2, with no tid, no RUNNING and no correlation data, so every request runs. Also answers the broadcast %3 on %4 with {&quot;device&quot;, &quot;status&quot;, &quot;reason&quot;?}, echoing the request&apos;s correlation data.
  design    the Atlas JSON dialect of the IoT Atlas design page on %5, replies on %6; no group topics, no AWS IoT commands.
  thing     AWS IoT commands only.
  az        an Azure IoT Hub device, through a broker that loads the fleet_iothub plugin and fleet-hub&apos;s Azure service: MQTT 3.1.1, client id = device id, user name {host}/{id}/?api-version=2021-04-12 and a SAS token signed with its key (valid 1 h, a new one at every connect; keys and host name from --accounts, whose &quot;azureDevices&quot; `fleet-hub provision --azure-devices` writes). Its twin holds its state: reported at start and after every change (firmware, led, message, motor, position, telemetryIntervalMs, lastCloudMessage), desired properties applied and reported back. Its direct methods are the commands above and show_message {&quot;text&quot;}: 200 with a result, 400 {&quot;message&quot;} for bad parameters, 404 for an unknown method, 500 for a simulated failure, no answer for a silent death; set_position answers when it gets there. Telemetry and upload_log are device-to-cloud messages on devices/{id}/messages/events/ (property kind=telemetry or log); cloud-to-device messages are logged and reported. No presence, shadows or Atlas topics: the plugin announces it.
Every kind but az has presence, shadows and telemetry. Out-of-order commands fail: a JSON request whose tid is an ordered one (as fleetctl and the console make them) older than the newest run for the same command does not run, and gets FAILURE.</source>
        <translation>Types&#xa0;: sampleShare, designShare, thingShare et azureShare attribuent des parts de la flotte (qRound(share x devices) appareils chacune, au plus la flotte entière à elles toutes) aux autres dialectes de commande des documents de conception&#xa0;; les appareils ordinaires sont le reste, d&apos;abord PRÉFIXE-1, puis sample-1..., design-1..., thing-1..., az-1...
  ordinary  tout ce qui précède&#xa0;; une part textModeShare d&apos;entre eux répond en texte brut.
  sample    l&apos;appareil d&apos;exemple du document de départ (seed)&#xa0;: une requête en texte brut sur %1, n&apos;importe quel texte&#xa0;; le nom d&apos;une commande intégrée, seul ou suivi d&apos;une espace et d&apos;un objet JSON de paramètres (set_led {&quot;color&quot;:&quot;red&quot;}), exécute cette commande, tout le reste réussit simplement. Répond &quot;SUCCESS: command ran successfully from payload: ...&quot; ou &quot;FAILURE: reason&quot; sur %2, sans tid, sans RUNNING et sans données de corrélation, si bien que chaque requête s&apos;exécute. Répond aussi à la diffusion %3 sur %4 avec {&quot;device&quot;, &quot;status&quot;, &quot;reason&quot;?}, en renvoyant les données de corrélation de la requête.
  design    le dialecte Atlas JSON de la page de conception IoT Atlas sur %5, réponses sur %6&#xa0;; pas de topics de groupe, pas de commandes AWS IoT.
  thing     commandes AWS IoT uniquement.
  az        un appareil Azure IoT Hub, via un broker qui charge le plugin fleet_iothub et le service Azure de fleet-hub&#xa0;: MQTT 3.1.1, identifiant client = identifiant d&apos;appareil, nom d&apos;utilisateur {host}/{id}/?api-version=2021-04-12 et un jeton SAS signé avec sa clé (valable 1 h, un nouveau à chaque connexion&#xa0;; clés et nom d&apos;hôte tirés de --accounts, dont `fleet-hub provision --azure-devices` écrit les &quot;azureDevices&quot;). Son jumeau (twin) contient son état&#xa0;: signalé au démarrage et après chaque changement (firmware, led, message, motor, position, telemetryIntervalMs, lastCloudMessage)&#xa0;; les propriétés souhaitées sont appliquées puis signalées en retour. Ses méthodes directes sont les commandes ci-dessus et show_message {&quot;text&quot;}&#xa0;: 200 avec un résultat, 400 {&quot;message&quot;} pour des paramètres incorrects, 404 pour une méthode inconnue, 500 pour un échec simulé, aucune réponse pour une mort silencieuse&#xa0;; set_position répond une fois arrivé à la position. La télémétrie et upload_log sont des messages appareil-vers-cloud sur devices/{id}/messages/events/ (propriété kind=telemetry ou log)&#xa0;; les messages cloud-vers-appareil sont journalisés et signalés. Pas de présence, de shadows ni de topics Atlas&#xa0;: la présence est annoncée par le plugin.
Tous les types sauf az ont présence, shadows et télémétrie. Les commandes hors d&apos;ordre échouent&#xa0;: une requête JSON dont le tid est ordonné (comme ceux que génèrent fleetctl et la console) et plus ancien que la dernière exécution de la même commande ne s&apos;exécute pas et reçoit FAILURE.</translation>
    </message>
    <message>
        <source>Simulates a fleet of MQTT devices, each with its own connection; its client id is its device id, PREFIX-N with N from 1 (dev-1, dev-2, ...), which is also its AWS IoT thing name.

What every device does (the topics are the defaults; {id} is the device id, {group} its group, group-1 to group-G):
  presence   &quot;online&quot; retained on %1 at every connect; &quot;offline&quot; is its Last Will, and it publishes &quot;offline&quot; itself before a clean stop.
  commands   (ordinary devices; see Kinds below for the others) requests on %2 and %3, replies (RUNNING, SUCCESS, FAILURE with the tid and the device id) on %4 and %5. Each tid runs once; a duplicate gets the recorded answer again. Commands: %6.
  shadows    the classic shadow and the named shadow &quot;config&quot; on $aws/things/{id}/shadow/..., through fleet-hub or AWS IoT: reports its state, applies deltas, and reports local changes.
  telemetry  {&quot;ts&quot;, &quot;temperature&quot;, &quot;humidity&quot;, &quot;battery&quot;} on %7 every %8 ms; upload_log publishes on %9.

--config FILE is a JSON object that sets any of these by name: devices, prefix, seed, groups, presenceTopic, commandRequestTopic, commandResponseTopic, groupRequestTopic, groupResponseTopic, telemetryTopic, logTopic, telemetryIntervalMs, runningIntervalMs, setPositionMs, rebootOfflineMs, buttonPressIntervalMs, rememberedTids, connectsPerSecond (default %10), keepAliveSeconds, latencyMs [min, max], failureRate, silentDeathRate, duplicateReplyRate, outOfOrderRate, offlineEveryMs, offlineForMs, slowLinkShare, slowLinkExtraMs, flakyLinkShare, flakyEveryMs, textModeShare, sampleShare, designShare, thingShare, azureShare, executionLogPath. Rates and shares are probabilities from 0 to 1, times are milliseconds; for example {&quot;failureRate&quot;: 0.1, &quot;latencyMs&quot;: [20, 200], &quot;slowLinkShare&quot;: 0.05}. Command-line options override the file. The same seed replays the same fleet.

The broker options are those of fleet-hub and fleetctl, except: --client-id is refused (each device&apos;s client id is its id), --keepalive defaults to keepAliveSeconds (%11 s), --mqtt-version must be 5 (Azure devices speak 3.1.1 whatever it says); every device sends the same user name and password, unless --accounts gives each its own.

Raises its open file limit as far as it may (a descriptor per device). Stops cleanly on SIGTERM or SIGINT: every device publishes &quot;offline&quot; and disconnects; a second signal stops at once.
Exit status: 0 after a clean stop, 1 when the fleet cannot start (the execution log cannot be opened, a device has no account in --accounts, an Azure device no key, the signal handlers cannot be installed) or after a second signal, 2 for invalid options or configuration.</source>
        <translation>Simule une flotte d&apos;appareils MQTT, chacun avec sa propre connexion&#xa0;; son identifiant client est son identifiant d&apos;appareil, PRÉFIXE-N avec N à partir de 1 (dev-1, dev-2, ...), qui est aussi son nom d&apos;objet AWS IoT.

Ce que fait chaque appareil (les topics sont ceux par défaut&#xa0;; {id} est l&apos;identifiant de l&apos;appareil, {group} son groupe, de group-1 à group-G)&#xa0;:
  presence   &quot;online&quot; retenu sur %1 à chaque connexion&#xa0;; &quot;offline&quot; est son Last Will, et il publie lui-même &quot;offline&quot; avant un arrêt propre.
  commands   (appareils ordinaires&#xa0;; voir Types ci-dessous pour les autres) requêtes sur %2 et %3, réponses (RUNNING, SUCCESS, FAILURE avec le tid et l&apos;identifiant de l&apos;appareil) sur %4 et %5. Chaque tid s&apos;exécute une fois&#xa0;; un doublon reçoit à nouveau la réponse enregistrée. Commandes&#xa0;: %6.
  shadows    le shadow classique et le shadow nommé &quot;config&quot; sur $aws/things/{id}/shadow/..., via fleet-hub ou AWS IoT&#xa0;: signale son état, applique les deltas et signale les changements locaux.
  telemetry  {&quot;ts&quot;, &quot;temperature&quot;, &quot;humidity&quot;, &quot;battery&quot;} sur %7 toutes les %8 ms&#xa0;; upload_log publie sur %9.

--config FICHIER est un objet JSON qui définit n&apos;importe lequel de ces réglages par son nom&#xa0;: devices, prefix, seed, groups, presenceTopic, commandRequestTopic, commandResponseTopic, groupRequestTopic, groupResponseTopic, telemetryTopic, logTopic, telemetryIntervalMs, runningIntervalMs, setPositionMs, rebootOfflineMs, buttonPressIntervalMs, rememberedTids, connectsPerSecond (par défaut %10), keepAliveSeconds, latencyMs [min, max], failureRate, silentDeathRate, duplicateReplyRate, outOfOrderRate, offlineEveryMs, offlineForMs, slowLinkShare, slowLinkExtraMs, flakyLinkShare, flakyEveryMs, textModeShare, sampleShare, designShare, thingShare, azureShare, executionLogPath. Les taux et les parts sont des probabilités de 0 à 1, les durées sont en millisecondes&#xa0;; par exemple {&quot;failureRate&quot;: 0.1, &quot;latencyMs&quot;: [20, 200], &quot;slowLinkShare&quot;: 0.05}. Les options de la ligne de commande l&apos;emportent sur le fichier. La même graine rejoue la même flotte.

Les options du broker sont celles de fleet-hub et fleetctl, à ceci près&#xa0;: --client-id est refusé (l&apos;identifiant client de chaque appareil est son identifiant), --keepalive vaut par défaut keepAliveSeconds (%11 s), --mqtt-version doit valoir 5 (les appareils Azure parlent 3.1.1 quoi qu&apos;il indique)&#xa0;; tous les appareils envoient les mêmes nom d&apos;utilisateur et mot de passe, sauf si --accounts donne à chacun les siens.

Relève sa limite de fichiers ouverts autant qu&apos;il le peut (un descripteur par appareil). S&apos;arrête proprement sur SIGTERM ou SIGINT&#xa0;: chaque appareil publie &quot;offline&quot; et se déconnecte&#xa0;; un second signal arrête tout immédiatement.
Code de sortie&#xa0;: 0 après un arrêt propre, 1 quand la flotte ne peut pas démarrer (le journal d&apos;exécution ne peut pas être ouvert, un appareil n&apos;a pas de compte dans --accounts, un appareil Azure n&apos;a pas de clé, les gestionnaires de signaux ne peuvent pas être installés) ou après un second signal, 2 pour des options ou une configuration invalides.</translation>
    </message>
    <message>
        <source>One broker account per device: each device connects with its id as user name and its own password, taken from FILE, the JSON that `fleet-hub provision` (or `./fleet stack`) writes (its &quot;accounts&quot; with the device role). Every device must have one. Azure devices (azureShare) take their keys and the IoT Hub host name from its &quot;azureDevices&quot; and &quot;azureHostName&quot; instead. Not with --username: the shared account is what this replaces. The file holds passwords and keys in plain text, so it is for a local test or demo stack; a real device keeps its own credential.</source>
        <translation>Un compte du broker par appareil&#xa0;: chaque appareil se connecte avec son identifiant comme nom d&apos;utilisateur et son propre mot de passe, pris dans FICHIER, le JSON qu&apos;écrit `fleet-hub provision` (ou `./fleet stack`) (ses &quot;accounts&quot; ayant le rôle device). Chaque appareil doit en avoir un. Les appareils Azure (azureShare) prennent plutôt leurs clés et le nom d&apos;hôte IoT Hub dans ses &quot;azureDevices&quot; et &quot;azureHostName&quot;. Pas avec --username&#xa0;: c&apos;est le compte partagé que cette option remplace. Le fichier contient des mots de passe et des clés en clair, il est donc réservé à un environnement local de test ou de démonstration&#xa0;; un véritable appareil conserve son propre secret.</translation>
    </message>
</context>
<context>
    <name>fleet::AboutDialog</name>
    <message>
        <source>About Fleet Console</source>
        <translation>À propos de Fleet Console</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Fleet Console&lt;/h2&gt;&lt;p&gt;A desktop console for fleets of MQTT devices.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Fleet Console&lt;/h2&gt;&lt;p&gt;Une console de bureau pour les flottes d&apos;appareils MQTT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built on &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL 3), &lt;a href=&quot;https://mosquitto.org/&quot;&gt;Eclipse Mosquitto&lt;/a&gt;&apos;s libmosquitto (EPL 2.0 / EDL 1.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD 3-clause) and &lt;a href=&quot;https://github.com/nlohmann/json&quot;&gt;nlohmann/json&lt;/a&gt; (MIT).&lt;/p&gt;&lt;p&gt;The user guide is in Help &amp;gt; User guide; the keyboard shortcuts in Help &amp;gt; Keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Construit avec &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL 3), la libmosquitto d&apos;&lt;a href=&quot;https://mosquitto.org/&quot;&gt;Eclipse Mosquitto&lt;/a&gt; (EPL 2.0 / EDL 1.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD à 3 clauses) et &lt;a href=&quot;https://github.com/nlohmann/json&quot;&gt;nlohmann/json&lt;/a&gt; (MIT).&lt;/p&gt;&lt;p&gt;Le guide de l&apos;utilisateur se trouve dans Aide &amp;gt; Guide de l&apos;utilisateur, et les raccourcis clavier dans Aide &amp;gt; Raccourcis clavier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>&amp;Copier les versions</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>(version inconnue)</translation>
    </message>
    <message>
        <source>Fleet Console %1</source>
        <translation>Fleet Console %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (compilé avec %2)</translation>
    </message>
    <message>
        <source>libmosquitto %1</source>
        <translation>libmosquitto %1</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalContent</name>
    <message>
        <source>The broadcast&apos;s messages cannot be read: %1</source>
        <translation>Les messages de la diffusion sont illisibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>A free-form payload, sent as it is.</source>
        <translation>Une charge utile libre, envoyée telle quelle.</translation>
    </message>
    <message>
        <source>This console&apos;s catalog has no command &quot;%1&quot;: only its parameters can be shown.</source>
        <translation>Le catalogue de cette console n&apos;a pas de commande &quot;%1&quot;&#xa0;: seuls ses paramètres peuvent être affichés.</translation>
    </message>
    <message>
        <source>What %1 would send to %2 cannot be encoded: %3</source>
        <translation>Ce que %1 enverrait à %2 ne peut pas être encodé&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalNotices</name>
    <message>
        <source>%1 asks for your approval</source>
        <translation>%1 demande votre approbation</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>command to target</comment>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 approved your %2</source>
        <translation>%1 a approuvé votre demande %2</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <comment>command to target: reason</comment>
        <translation>%1 à %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Your %1 finished: %2</source>
        <comment>command: result</comment>
        <translation>Votre commande %1 est terminée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>target: detail</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 rejected your %2</source>
        <translation>%1 a rejeté votre demande %2</translation>
    </message>
    <message>
        <source>Your %1 expired unapproved</source>
        <translation>Votre demande %1 a expiré sans approbation</translation>
    </message>
    <message>
        <source>Nobody decided on %1 to %2 in time.</source>
        <translation>Personne n&apos;a statué à temps sur %1 à %2.</translation>
    </message>
    <message>
        <source>Your %1 was approved</source>
        <translation>Votre demande %1 a été approuvée</translation>
    </message>
    <message>
        <source>Your %1 was rejected</source>
        <translation>Votre demande %1 a été rejetée</translation>
    </message>
    <message numerus="yes">
        <source>%n approval request(s) wait for you</source>
        <translation>
            <numerusform>%n demande d&apos;approbation vous attend</numerusform>
            <numerusform>%n demandes d&apos;approbation vous attendent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) approved</source>
        <translation>
            <numerusform>%n de vos demandes a été approuvée</numerusform>
            <numerusform>%n de vos demandes ont été approuvées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) rejected</source>
        <translation>
            <numerusform>%n de vos demandes a été rejetée</numerusform>
            <numerusform>%n de vos demandes ont été rejetées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) expired unapproved</source>
        <translation>
            <numerusform>%n de vos demandes a expiré sans approbation</numerusform>
            <numerusform>%n de vos demandes ont expiré sans approbation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your approved command(s) finished</source>
        <translation>
            <numerusform>%n de vos commandes approuvées est terminée</numerusform>
            <numerusform>%n de vos commandes approuvées sont terminées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: see the Approvals tab.</source>
        <translation>
            <numerusform>… et %n de plus&#xa0;: voir l&apos;onglet Approbations.</numerusform>
            <numerusform>… et %n de plus&#xa0;: voir l&apos;onglet Approbations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalQueue</name>
    <message>
        <source>Approvals need an MQTT username: the broker&apos;s account is the approver&apos;s identity, and an anonymous connection has none.</source>
        <translation>Les approbations exigent un nom d&apos;utilisateur MQTT&#xa0;: le compte du broker est l&apos;identité de l&apos;approbateur, et une connexion anonyme n&apos;en a pas.</translation>
    </message>
    <message>
        <source>The MQTT username &quot;%1&quot; cannot take part in approvals: it must not contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>Le nom d&apos;utilisateur MQTT &quot;%1&quot; ne peut pas participer aux approbations&#xa0;: il ne doit pas contenir &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>the command is no longer waiting for approval</source>
        <translation>la commande n&apos;est plus en attente d&apos;approbation</translation>
    </message>
    <message>
        <source>There is no approval request %1.</source>
        <translation>Il n&apos;existe pas de demande d&apos;approbation %1.</translation>
    </message>
    <message>
        <source>Deciding needs an MQTT username: the broker&apos;s account is the approver&apos;s identity.</source>
        <translation>Pour statuer, un nom d&apos;utilisateur MQTT est nécessaire&#xa0;: le compte du broker est l&apos;identité de l&apos;approbateur.</translation>
    </message>
    <message>
        <source>Request %1 is yours: another person must decide on it.</source>
        <translation>La demande %1 est la vôtre&#xa0;: une autre personne doit statuer dessus.</translation>
    </message>
    <message>
        <source>Request %1 has expired.</source>
        <translation>La demande %1 a expiré.</translation>
    </message>
    <message>
        <source>Request %1 is already %2.</source>
        <translation>La demande %1 est déjà %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>ce n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>its id is not the topic&apos;s</source>
        <translation>son identifiant n&apos;est pas celui du topic</translation>
    </message>
    <message>
        <source>a decision must be a JSON object with &quot;decision&quot;: &quot;approve&quot; or &quot;reject&quot;</source>
        <translation>une décision doit être un objet JSON avec &quot;decision&quot;: &quot;approve&quot; ou &quot;reject&quot;</translation>
    </message>
    <message>
        <source>the requester cannot decide on their own request</source>
        <translation>le demandeur ne peut pas statuer sur sa propre demande</translation>
    </message>
    <message>
        <source>nobody decided before the request expired</source>
        <translation>personne n&apos;a statué avant l&apos;expiration de la demande</translation>
    </message>
    <message>
        <source>the request was already %1</source>
        <translation>la demande était déjà %1</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>rejetée par %1</translation>
    </message>
    <message>
        <source>rejected by %1: %2</source>
        <translation>rejetée par %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the approval request expired</source>
        <translation>la demande d&apos;approbation a expiré</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>withdrawn by the requester</source>
        <translation>retirée par le demandeur</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>approuvée par %1</translation>
    </message>
    <message>
        <source>approved by %1: %2</source>
        <translation>approuvée par %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>approvals enforced by fleet-hub</source>
        <translation>approbations imposées par fleet-hub</translation>
    </message>
    <message>
        <source>approvals advisory (no gate on this broker)</source>
        <translation>approbations indicatives (pas de passerelle sur ce broker)</translation>
    </message>
    <message>
        <source>not a request of the gate</source>
        <translation>pas une demande de la passerelle</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalQueueModel</name>
    <message>
        <source>Requested</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Décidée par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalRequest</name>
    <message>
        <source>An approval request must be a JSON object.</source>
        <translation>Une demande d&apos;approbation doit être un objet JSON.</translation>
    </message>
    <message>
        <source>An approval request needs the strings &quot;id&quot;, &quot;device&quot;, &quot;command&quot; and &quot;state&quot;.</source>
        <translation>Une demande d&apos;approbation exige les chaînes &quot;id&quot;, &quot;device&quot;, &quot;command&quot; et &quot;state&quot;.</translation>
    </message>
    <message>
        <source>Unknown approval state &quot;%1&quot;.</source>
        <translation>État d&apos;approbation inconnu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>An approval request needs the times &quot;requestedAt&quot; and &quot;expiresAt&quot; (milliseconds).</source>
        <translation>Une demande d&apos;approbation exige les horodatages &quot;requestedAt&quot; et &quot;expiresAt&quot; (en millisecondes).</translation>
    </message>
    <message>
        <source>&quot;decisions&quot; of an approval request must be an array.</source>
        <translation>&quot;decisions&quot; d&apos;une demande d&apos;approbation doit être un tableau.</translation>
    </message>
    <message>
        <source>A decision of an approval request needs &quot;approver&quot; and &quot;decision&quot; (approve or reject).</source>
        <translation>Une décision sur une demande d&apos;approbation exige &quot;approver&quot; et &quot;decision&quot; (approve ou reject).</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>approval state</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>approval state</comment>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>approval state</comment>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>approval state</comment>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <comment>approval state</comment>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>&quot;targets&quot; of an approval request must be an array of device ids.</source>
        <translation>&quot;targets&quot; d&apos;une demande d&apos;approbation doit être un tableau d&apos;identifiants d&apos;appareil.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) (%1)</source>
        <translation>
            <numerusform>%n appareil (%1)</numerusform>
            <numerusform>%n appareils (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalsView</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Select a request to see exactly what it will send.</source>
        <translation>Sélectionnez une demande pour voir exactement ce qu&apos;elle enverra.</translation>
    </message>
    <message>
        <source>Reason (required to reject)</source>
        <translation>Motif (obligatoire pour rejeter)</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>En attente de décision</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Approvals need an MQTT username: the broker&apos;s account is the identity of requesters and approvers. Connect with a username to request or decide.</source>
        <translation>Les approbations exigent un nom d&apos;utilisateur MQTT&#xa0;: le compte du broker est l&apos;identité des demandeurs et des approbateurs. Connectez-vous avec un nom d&apos;utilisateur pour demander ou statuer.</translation>
    </message>
    <message>
        <source>Approvals are off: %1</source>
        <translation>Les approbations sont désactivées&#xa0;: %1</translation>
    </message>
    <message>
        <source>No request selected.</source>
        <translation>Aucune demande sélectionnée.</translation>
    </message>
    <message>
        <source>Request %1 is no longer in the queue.</source>
        <translation>La demande %1 n&apos;est plus dans la file.</translation>
    </message>
    <message>
        <source>%1 asks to send %2 to %3, %4 ago.</source>
        <translation>%1 demande l&apos;envoi de %2 à %3, il y a %4.</translation>
    </message>
    <message>
        <source>Expired.</source>
        <translation>Expirée.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) received.</source>
        <translation>
            <numerusform>%n décision reçue.</numerusform>
            <numerusform>%n décisions reçues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>Identifiant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a waiting request first.</source>
        <translation>Sélectionnez d&apos;abord une demande en attente.</translation>
    </message>
    <message>
        <source>Publish your approval: the requester&apos;s console then sends the command.</source>
        <translation>Publier votre approbation&#xa0;: la console du demandeur envoie alors la commande.</translation>
    </message>
    <message>
        <source>Rejecting needs a reason: type it in the field on the left.</source>
        <translation>Pour rejeter, un motif est nécessaire&#xa0;: saisissez-le dans le champ de gauche.</translation>
    </message>
    <message>
        <source>Publish your rejection, with the reason.</source>
        <translation>Publier votre rejet, avec le motif.</translation>
    </message>
    <message>
        <source>Rejecting needs a reason.</source>
        <translation>Pour rejeter, un motif est nécessaire.</translation>
    </message>
    <message>
        <source>Not decided: %1</source>
        <translation>Décision non prise&#xa0;: %1</translation>
    </message>
    <message>
        <source>Approval sent. The requester&apos;s console sends the command and reports the outcome here.</source>
        <translation>Approbation envoyée. La console du demandeur envoie la commande et en indique ici le résultat.</translation>
    </message>
    <message>
        <source>Rejection sent. The requester&apos;s console ends the command and reports the outcome here.</source>
        <translation>Rejet envoyé. La console du demandeur clôt la commande et en indique ici le résultat.</translation>
    </message>
    <message>
        <source>The broker refused your decision on %1: %2</source>
        <translation>Le broker a refusé votre décision sur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Approval sent to fleet-hub&apos;s gate, which sends the command once and reports the outcome here.</source>
        <translation>Approbation envoyée à la passerelle de fleet-hub, qui envoie la commande une seule fois et affiche ici le résultat.</translation>
    </message>
    <message>
        <source>Rejection sent to fleet-hub&apos;s gate; the outcome shows here.</source>
        <translation>Refus envoyé à la passerelle de fleet-hub&#xa0;; le résultat s&apos;affiche ici.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Topic&#xa0;: %1</translation>
    </message>
    <message>
        <source>Expired: %1.</source>
        <translation>Expirée&#xa0;: %1.</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <comment>approver (reason)</comment>
        <translation>%1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Waiting for a decision; expires in %1.</source>
        <translation>En attente de décision&#xa0;; expire dans %1.</translation>
    </message>
    <message>
        <source>Rejected by %1; nothing was sent.</source>
        <translation>Rejetée par %1&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Withdrawn; nothing was sent.</source>
        <translation>Retirée&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Withdrawn (%1); nothing was sent.</source>
        <translation>Retirée (%1)&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>Approuvée par %1.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Pas encore envoyée.</translation>
    </message>
    <message>
        <source>Not sent yet: %1&apos;s console sends it.</source>
        <translation>Pas encore envoyée&#xa0;: la console de %1 l&apos;envoie.</translation>
    </message>
    <message>
        <source>Sent %1 ago.</source>
        <translation>Envoyée il y a %1.</translation>
    </message>
    <message>
        <source>No final result yet.</source>
        <translation>Pas encore de résultat final.</translation>
    </message>
    <message>
        <source>Result: %1.</source>
        <translation>Résultat&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Result: %1 (%2).</source>
        <translation>Résultat&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>Targets (%1): %2</source>
        <translation>Cibles (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Command %1 with parameters:</source>
        <translation>Commande %1 avec les paramètres&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), one per target:</source>
        <translation>
            <numerusform>%n message, un par cible&#xa0;:</numerusform>
            <numerusform>%n messages, un par cible&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Charge utile&#xa0;:</translation>
    </message>
    <message>
        <source>your approval of %1</source>
        <translation>votre approbation de %1</translation>
    </message>
    <message>
        <source>your rejection of %1</source>
        <translation>votre refus de %1</translation>
    </message>
</context>
<context>
    <name>fleet::AtlasDialect</name>
    <message>
        <source>The topic template &quot;%1&quot; contains a wildcard or NUL.</source>
        <translation>Le modèle de topic &quot;%1&quot; contient un joker ou NUL.</translation>
    </message>
    <message>
        <source>In the topic template &quot;%1&quot;, %2 must be a whole level of its own.</source>
        <translation>Dans le modèle de topic &quot;%1&quot;, %2 doit constituer un niveau entier à lui seul.</translation>
    </message>
    <message>
        <source>The topic template &quot;%1&quot; must contain %2 exactly once, as a whole level.</source>
        <translation>Le modèle de topic &quot;%1&quot; doit contenir %2 exactement une fois, comme niveau entier.</translation>
    </message>
    <message>
        <source>A command needs a name.</source>
        <translation>Une commande exige un nom.</translation>
    </message>
    <message>
        <source>A command needs a tid.</source>
        <translation>Une commande exige un tid.</translation>
    </message>
    <message>
        <source>The tid is longer than %1 bytes.</source>
        <translation>Le tid dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The parameters of a command must be a JSON object.</source>
        <translation>Les paramètres d&apos;une commande doivent être un objet JSON.</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La requête dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is larger than %2 bytes.</source>
        <translation>La réponse sur &quot;%1&quot; dépasse %2 octets.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command response topic (expected %2 or %3).</source>
        <translation>&quot;%1&quot; n&apos;est pas un topic de réponse de commande (attendu&#xa0;: %2 ou %3).</translation>
    </message>
    <message>
        <source>The correlation data of the reply on &quot;%1&quot; is not a tid.</source>
        <translation>Les données de corrélation de la réponse sur &quot;%1&quot; ne sont pas un tid.</translation>
    </message>
    <message>
        <source>The text reply on the group topic &quot;%1&quot; does not name its device.</source>
        <translation>La réponse texte sur le topic de groupe &quot;%1&quot; n&apos;indique pas son appareil.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is neither JSON nor a SUCCESS or FAILURE line.</source>
        <translation>La réponse sur &quot;%1&quot; n&apos;est ni du JSON ni une ligne SUCCESS ou FAILURE.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is not a JSON object.</source>
        <translation>La réponse sur &quot;%1&quot; n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; has no &quot;status&quot;.</source>
        <translation>La réponse sur &quot;%1&quot; n&apos;a pas de &quot;status&quot;.</translation>
    </message>
    <message>
        <source>The &quot;status&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>Le &quot;status&quot; de la réponse sur &quot;%1&quot; n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>The message on &quot;%1&quot; is a request, not a reply.</source>
        <translation>Le message sur &quot;%1&quot; est une requête, et non une réponse.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; has an unknown status &quot;%2&quot;.</source>
        <translation>La réponse sur &quot;%1&quot; a un statut inconnu &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The &quot;tid&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>Le &quot;tid&quot; de la réponse sur &quot;%1&quot; n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>The &quot;tid&quot; of the reply on &quot;%1&quot; is longer than %2 bytes.</source>
        <translation>Le &quot;tid&quot; de la réponse sur &quot;%1&quot; dépasse %2 octets.</translation>
    </message>
    <message>
        <source>The &quot;device&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>Le &quot;device&quot; de la réponse sur &quot;%1&quot; n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; names an invalid device &quot;%2&quot;.</source>
        <translation>La réponse sur &quot;%1&quot; indique un appareil non valide &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; names the device &quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation>La réponse sur &quot;%1&quot; indique l&apos;appareil &quot;%2&quot;, et non &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The reply on the group topic &quot;%1&quot; does not name its device.</source>
        <translation>La réponse sur le topic de groupe &quot;%1&quot; n&apos;indique pas son appareil.</translation>
    </message>
    <message>
        <source>The &quot;reason&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>Le &quot;reason&quot; de la réponse sur &quot;%1&quot; n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; nests deeper than %2 levels.</source>
        <translation>La réponse sur &quot;%1&quot; a plus de %2 niveaux d&apos;imbrication.</translation>
    </message>
</context>
<context>
    <name>fleet::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <comment>who caused an audit entry</comment>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Request</source>
        <comment>requester/id of a gate request</comment>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>fleet::AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actua&amp;liser</translation>
    </message>
    <message>
        <source>Filter by actor, requester or request id</source>
        <translation>Filtrer par auteur, demandeur ou identifiant de demande</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>Sélectionnez une entrée pour la voir en entier.</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Lecture du journal d&apos;audit…</translation>
    </message>
    <message numerus="yes">
        <source>(the oldest %n not kept)</source>
        <translation>
            <numerusform>(%n entrée la plus ancienne non conservée)</numerusform>
            <numerusform>(%n entrées les plus anciennes non conservées)</numerusform>
        </translation>
    </message>
    <message>
        <source>More in the log: Refresh reads on.</source>
        <translation>Suite dans le journal&#xa0;: Actualiser poursuit la lecture.</translation>
    </message>
    <message>
        <source>Entry %1, %2
Actor: %3
Action: %4
Request: %5
Topic: %6

%7</source>
        <translation>Entrée %1, %2
Auteur&#xa0;: %3
Action&#xa0;: %4
Demande&#xa0;: %5
Topic&#xa0;: %6

%7</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entry(ies)</source>
        <comment>shown of all</comment>
        <translation>
            <numerusform>%1 sur %n entrée</numerusform>
            <numerusform>%1 sur %n entrées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandExecution</name>
    <message>
        <source>The update is not a JSON object.</source>
        <translation>La mise à jour n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;status&quot; is missing or not a string.</source>
        <translation>&quot;status&quot; est absent ou n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>&quot;status&quot; must be IN_PROGRESS, SUCCEEDED, FAILED, REJECTED or TIMED_OUT.</source>
        <translation>&quot;status&quot; doit valoir IN_PROGRESS, SUCCEEDED, FAILED, REJECTED ou TIMED_OUT.</translation>
    </message>
    <message>
        <source>Unknown member &quot;%1&quot;.</source>
        <translation>Membre inconnu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;statusReason&quot; must be an object.</source>
        <translation>&quot;statusReason&quot; doit être un objet.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonCode&quot; must be 1 to %1 characters of A-Z, 0-9, _ and -.</source>
        <translation>&quot;statusReason.reasonCode&quot; doit compter de 1 à %1 caractères parmi A-Z, 0-9, _ et -.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonDescription&quot; must be a string.</source>
        <translation>&quot;statusReason.reasonDescription&quot; doit être une chaîne.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonDescription&quot; is longer than %1 characters.</source>
        <translation>&quot;statusReason.reasonDescription&quot; dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>&quot;result&quot; must be an object.</source>
        <translation>&quot;result&quot; doit être un objet.</translation>
    </message>
    <message>
        <source>&quot;result&quot; has more than %1 entries.</source>
        <translation>&quot;result&quot; a plus de %1 entrées.</translation>
    </message>
    <message>
        <source>Result &quot;%1&quot; must be {&quot;s&quot;: text}, {&quot;b&quot;: true|false} or {&quot;bin&quot;: base64}.</source>
        <translation>Le résultat &quot;%1&quot; doit être {&quot;s&quot;: texte}, {&quot;b&quot;: true|false} ou {&quot;bin&quot;: base64}.</translation>
    </message>
    <message>
        <source>The execution is %1: it cannot go back to IN_PROGRESS.</source>
        <translation>L&apos;exécution est à %1&#xa0;: elle ne peut pas revenir à IN_PROGRESS.</translation>
    </message>
    <message>
        <source>The execution is already %1.</source>
        <translation>L&apos;exécution est déjà à %1.</translation>
    </message>
    <message>
        <source>The execution timed out: only a final status may follow.</source>
        <translation>L&apos;exécution a expiré&#xa0;: seul un statut final peut suivre.</translation>
    </message>
    <message>
        <source>The device did not report a final status within %1 s.</source>
        <translation>L&apos;appareil n&apos;a pas signalé de statut final en %1 s.</translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandService</name>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La requête n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>There is no AWS IoT command &quot;%1&quot; in fleet-hub&apos;s catalog.</source>
        <translation>Aucune commande AWS IoT &quot;%1&quot; dans le catalogue de fleet-hub.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is deprecated: no new executions.</source>
        <translation>&quot;%1&quot; est obsolète&#xa0;: aucune nouvelle exécution.</translation>
    </message>
    <message>
        <source>&quot;targetType&quot; must be &quot;things&quot; or &quot;clients&quot;.</source>
        <translation>&quot;targetType&quot; doit valoir &quot;things&quot; ou &quot;clients&quot;.</translation>
    </message>
    <message>
        <source>&quot;target&quot; must be a thing name or client id of 1 to 128 characters without &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;target&quot; doit être un nom d&apos;objet ou un identifiant client de 1 à 128 caractères sans &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;.</translation>
    </message>
    <message>
        <source>&quot;timeoutSeconds&quot; must be a number from %1 to %2.</source>
        <translation>&quot;timeoutSeconds&quot; doit être un nombre de %1 à %2.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be an object.</source>
        <translation>&quot;parameters&quot; doit être un objet.</translation>
    </message>
    <message>
        <source>%L1 executions are unfinished: wait for some to end.</source>
        <translation>%L1 exécutions sont inachevées&#xa0;: attendez que certaines se terminent.</translation>
    </message>
    <message>
        <source>The execution could not be stored: %1</source>
        <translation>L&apos;exécution n&apos;a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The database failed; nothing was sent.</source>
        <translation>La base de données a échoué&#xa0;; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>The catalog&apos;s payload for %1 must be a string.</source>
        <translation>La charge utile du catalogue pour %1 doit être une chaîne.</translation>
    </message>
    <message>
        <source>The database failed.</source>
        <translation>La base de données a échoué.</translation>
    </message>
    <message>
        <source>No execution %1 for %2.</source>
        <translation>Aucune exécution %1 pour %2.</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: %2</source>
        <translation>Message abandonné sur &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>Client token %1 already started another execution.</source>
        <translation>Le jeton client %1 a déjà lancé une autre exécution.</translation>
    </message>
    <message>
        <source>%1 cannot take it: %2</source>
        <translation>%1 ne peut pas la recevoir&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is sensitive: start it through fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>&quot;%1&quot; est sensible&#xa0;: lancez-la via la passerelle de commandes de fleet-hub, qui la retient jusqu&apos;à une approbation.</translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandStore</name>
    <message>
        <source>The commands database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de données des commandes a le schéma %1&#xa0;; ce fleet-hub connaît jusqu&apos;au %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the AWS IoT commands database: %2</source>
        <translation>Impossible d&apos;utiliser &quot;%1&quot; comme base de données des commandes AWS IoT&#xa0;: %2</translation>
    </message>
    <message>
        <source>The commands database is not open.</source>
        <translation>La base de données des commandes n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Committing to the commands database failed: %1</source>
        <translation>La validation dans la base de données des commandes a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::AzureConnectionString</name>
    <message>
        <source>The connection string has %1 characters; at most %2 are accepted.</source>
        <translation>La chaîne de connexion compte %1 caractères&#xa0;; %2 au plus sont acceptés.</translation>
    </message>
    <message>
        <source>The connection string is empty.</source>
        <translation>La chaîne de connexion est vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form Key=Value.</source>
        <translation>&quot;%1&quot; n&apos;est pas de la forme Clé=Valeur.</translation>
    </message>
    <message>
        <source>Module identities (ModuleId) are not supported; use a device connection string.</source>
        <translation>Les identités de module (ModuleId) ne sont pas prises en charge&#xa0;; utilisez une chaîne de connexion d&apos;appareil.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in the connection string.</source>
        <translation>Clé inconnue &quot;%1&quot; dans la chaîne de connexion.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice in the connection string.</source>
        <translation>&quot;%1&quot; figure deux fois dans la chaîne de connexion.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty in the connection string.</source>
        <translation>&quot;%1&quot; est vide dans la chaîne de connexion.</translation>
    </message>
    <message>
        <source>The connection string has no HostName.</source>
        <translation>La chaîne de connexion n&apos;a pas de HostName.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>The connection string has no DeviceId.</source>
        <translation>La chaîne de connexion n&apos;a pas de DeviceId.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id: at most %2 ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ &apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;appareil valide&#xa0;: au plus %2 lettres ASCII, chiffres et - . % _ * ? ! ( ) , : = @ $ &apos;.</translation>
    </message>
    <message>
        <source>x509 must be true or false, not &quot;%1&quot;.</source>
        <translation>x509 doit valoir true ou false, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The connection string needs exactly one of SharedAccessKey, SharedAccessSignature and x509=true.</source>
        <translation>La chaîne de connexion exige exactement un élément parmi SharedAccessKey, SharedAccessSignature et x509=true.</translation>
    </message>
    <message>
        <source>SharedAccessKey is not base64.</source>
        <translation>SharedAccessKey n&apos;est pas en base64.</translation>
    </message>
    <message>
        <source>SharedAccessSignature is not a shared access signature: %1</source>
        <translation>SharedAccessSignature n&apos;est pas une signature d&apos;accès partagé&#xa0;: %1</translation>
    </message>
    <message>
        <source>GatewayHostName &quot;%1&quot; is not a host name.</source>
        <translation>GatewayHostName &quot;%1&quot; n&apos;est pas un nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>GatewayHostName &quot;%1&quot; has a port outside 1–65535.</source>
        <translation>GatewayHostName &quot;%1&quot; a un port hors de l&apos;intervalle 1–65535.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureHubClient</name>
    <message>
        <source>%1 Azure requests are waiting for an answer already.</source>
        <translation>%1 requêtes Azure attendent déjà une réponse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a device id.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;appareil.</translation>
    </message>
    <message>
        <source>A direct method needs a user name: its answer comes on a topic named after the caller.</source>
        <translation>Une méthode directe exige un nom d&apos;utilisateur&#xa0;: sa réponse arrive sur un topic nommé d&apos;après l&apos;appelant.</translation>
    </message>
    <message>
        <source>The device id and the method name must be one topic level each, without &apos;+&apos;, &apos;#&apos; or &apos;?&apos;.</source>
        <translation>L&apos;identifiant d&apos;appareil et le nom de la méthode doivent occuper chacun un niveau de topic, sans &apos;+&apos;, &apos;#&apos; ni &apos;?&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a message id: it must be new and one topic level.</source>
        <translation>&quot;%1&quot; ne peut pas être un identifiant de message&#xa0;: il doit être nouveau et tenir sur un seul niveau de topic.</translation>
    </message>
    <message>
        <source>fleet-hub did not answer in time.</source>
        <translation>fleet-hub n&apos;a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureHubService</name>
    <message>
        <source>The twins database failed.</source>
        <translation>La base de données des jumeaux a échoué.</translation>
    </message>
    <message>
        <source>No Azure device &quot;%1&quot; is known to fleet-hub.</source>
        <translation>fleet-hub ne connaît aucun appareil Azure &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>An update is {&quot;state&quot;: {&quot;desired&quot;: {…}}}; operators do not write reported properties.</source>
        <translation>Une mise à jour a la forme {&quot;state&quot;: {&quot;desired&quot;: {…}}}&#xa0;; les opérateurs n&apos;écrivent pas de propriétés signalées.</translation>
    </message>
    <message>
        <source>The desired properties are at $version %1, not the one given: read them again.</source>
        <translation>Les propriétés souhaitées sont à la $version %1, et non à celle indiquée&#xa0;: relisez-les.</translation>
    </message>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La requête n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;deviceId&quot; must be 1 to 128 characters without &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;deviceId&quot; doit compter de 1 à 128 caractères, sans &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;.</translation>
    </message>
    <message>
        <source>&quot;methodName&quot; must be 1 to 128 characters without &apos;+&apos;, &apos;#&apos;, &apos;/&apos; or &apos;?&apos;.</source>
        <translation>&quot;methodName&quot; doit compter de 1 à 128 caractères, sans &apos;+&apos;, &apos;#&apos;, &apos;/&apos; ni &apos;?&apos;.</translation>
    </message>
    <message>
        <source>&quot;responseTimeoutInSeconds&quot; must be a number from %1 to %2.</source>
        <translation>&quot;responseTimeoutInSeconds&quot; doit être un nombre de %1 à %2.</translation>
    </message>
    <message>
        <source>The payload exceeds %1 bytes.</source>
        <translation>La charge utile dépasse %1 octets.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an approval: call it through fleet-hub&apos;s command gate.</source>
        <translation>&quot;%1&quot; nécessite une approbation&#xa0;: appelez-la via la passerelle de commandes de fleet-hub.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 n&apos;est pas connecté.</translation>
    </message>
    <message>
        <source>fleet-hub has %1 method calls waiting for an answer; try again later.</source>
        <translation>fleet-hub a %1 appels de méthode en attente de réponse&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The device answered with a body that is not JSON: %1</source>
        <translation>L&apos;appareil a répondu avec un corps qui n&apos;est pas du JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>The device did not answer in time.</source>
        <translation>L&apos;appareil n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: %2</source>
        <translation>Message abandonné sur &quot;%1&quot;&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::AzurePropertyBag</name>
    <message>
        <source>&quot;%1&quot; has a malformed percent escape at character %2.</source>
        <translation>&quot;%1&quot; contient un encodage pourcent mal formé au caractère %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; decodes to bytes that are not UTF-8.</source>
        <translation>&quot;%1&quot; se décode en octets qui ne sont pas de l&apos;UTF-8.</translation>
    </message>
    <message>
        <source>The property bag has %1 characters; at most %2 are accepted.</source>
        <translation>L&apos;ensemble de propriétés compte %1 caractères&#xa0;; %2 au plus sont acceptés.</translation>
    </message>
    <message>
        <source>The property bag has more than %1 properties.</source>
        <translation>L&apos;ensemble de propriétés compte plus de %1 propriétés.</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; has no name.</source>
        <translation>La propriété &quot;%1&quot; n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>Line %1 of the properties is not name=value.</source>
        <translation>La ligne %1 des propriétés n&apos;est pas nom=valeur.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureSas</name>
    <message>
        <source>The token has %1 characters; at most %2 are accepted.</source>
        <translation>Le jeton compte %1 caractères&#xa0;; %2 au plus sont acceptés.</translation>
    </message>
    <message>
        <source>The token does not start with &quot;SharedAccessSignature &quot;.</source>
        <translation>Le jeton ne commence pas par &quot;SharedAccessSignature &quot;.</translation>
    </message>
    <message>
        <source>The token has an unknown field &quot;%1&quot;.</source>
        <translation>Le jeton a un champ inconnu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token has &quot;%1&quot; twice.</source>
        <translation>Le jeton contient &quot;%1&quot; deux fois.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;%1&quot; is empty.</source>
        <translation>Le champ &quot;%1&quot; du jeton est vide.</translation>
    </message>
    <message>
        <source>The token has no &quot;%1&quot;.</source>
        <translation>Le jeton n&apos;a pas de &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not base64.</source>
        <translation>La signature du jeton n&apos;est pas en base64.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry &quot;%1&quot; is not a number of seconds.</source>
        <translation>L&apos;expiration &quot;%1&quot; du jeton n&apos;est pas un nombre de secondes.</translation>
    </message>
    <message>
        <source>The shared access key is empty.</source>
        <translation>La clé d&apos;accès partagé est vide.</translation>
    </message>
    <message>
        <source>The shared access key is not base64.</source>
        <translation>La clé d&apos;accès partagé n&apos;est pas en base64.</translation>
    </message>
    <message>
        <source>The resource URI is empty.</source>
        <translation>L&apos;URI de la ressource est vide.</translation>
    </message>
    <message>
        <source>The expiry is before 1970.</source>
        <translation>L&apos;expiration est antérieure à 1970.</translation>
    </message>
    <message>
        <source>The token is for &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>Le jeton est destiné à &quot;%1&quot;, et non à &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The token expired.</source>
        <translation>Le jeton a expiré.</translation>
    </message>
    <message>
        <source>The token&apos;s signature does not match the key.</source>
        <translation>La signature du jeton ne correspond pas à la clé.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureTwin</name>
    <message>
        <source>a string is longer than %1 bytes</source>
        <translation>une chaîne dépasse %1 octets</translation>
    </message>
    <message>
        <source>objects nest deeper than %1 levels</source>
        <translation>les objets sont imbriqués sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>a key is empty or longer than %1 bytes</source>
        <translation>une clé est vide ou dépasse %1 octets</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; holds &apos;.&apos;, &apos;$&apos;, a space or a control character</source>
        <translation>la clé &quot;%1&quot; contient &apos;.&apos;, &apos;$&apos;, une espace ou un caractère de contrôle</translation>
    </message>
    <message>
        <source>a patch must be a JSON object</source>
        <translation>un patch doit être un objet JSON</translation>
    </message>
    <message>
        <source>the %1 properties would exceed %2 bytes</source>
        <translation>les propriétés %1 dépasseraient %2 octets</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerCommandLine</name>
    <message>
        <source>Broker URL: mqtt://host[:port] or mqtts://host[:port] (default %1).</source>
        <translation>URL du broker&#xa0;: mqtt://hôte[:port] ou mqtts://hôte[:port] (par défaut %1).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>MQTT client id (default: generated).</source>
        <translation>Identifiant client MQTT (par défaut&#xa0;: généré).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>Nom d&apos;utilisateur MQTT.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>MQTT protocol version: 5 (default) or 3.1.1.</source>
        <translation>Version du protocole MQTT&#xa0;: 5 (par défaut) ou 3.1.1.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>Keepalive interval in seconds (default 30).</source>
        <translation>Intervalle de keepalive en secondes (par défaut 30).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>CA certificate file (PEM) to verify an mqtts:// broker.</source>
        <translation>Fichier du certificat de l&apos;AC (PEM) pour vérifier un broker mqtts://.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Client certificate file (PEM) for mutual TLS.</source>
        <translation>Fichier du certificat client (PEM) pour le TLS mutuel.</translation>
    </message>
    <message>
        <source>Client private key file (PEM) for mutual TLS.</source>
        <translation>Fichier de la clé privée du client (PEM) pour le TLS mutuel.</translation>
    </message>
    <message>
        <source>INSECURE: accept any broker certificate and host name (lab brokers with self-signed certificates only).</source>
        <translation>NON SÉCURISÉ&#xa0;: accepter n&apos;importe quel certificat et nom d&apos;hôte du broker (uniquement pour les brokers de test aux certificats auto-signés).</translation>
    </message>
    <message>
        <source>--broker: %1</source>
        <translation>--broker&#xa0;: %1</translation>
    </message>
    <message>
        <source>--mqtt-version: &quot;%1&quot; is not 5 or 3.1.1.</source>
        <translation>--mqtt-version&#xa0;: &quot;%1&quot; n&apos;est ni 5 ni 3.1.1.</translation>
    </message>
    <message>
        <source>--keepalive: expected whole seconds from 5 to 65535.</source>
        <translation>--keepalive&#xa0;: un nombre entier de secondes entre 5 et 65535 est attendu.</translation>
    </message>
    <message>
        <source>TLS options need an mqtts:// broker URL.</source>
        <translation>Les options TLS exigent une URL de broker mqtts://.</translation>
    </message>
    <message>
        <source>--cert and --key go together.</source>
        <translation>--cert et --key vont ensemble.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;.</source>
        <translation>Impossible de lire &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Read the MQTT password from the first line of standard input (otherwise from the FLEET_MQTT_PASSWORD environment variable, or else from the systemd credential &quot;mqtt-password&quot;, if set).</source>
        <translation>Lit le mot de passe MQTT sur la première ligne de l&apos;entrée standard (sinon dans la variable d&apos;environnement FLEET_MQTT_PASSWORD, ou à défaut dans l&apos;identifiant systemd «&#xa0;mqtt-password&#xa0;», s&apos;ils existent).</translation>
    </message>
    <message>
        <source>Cannot read the credential &quot;%1&quot;: %2</source>
        <translation>Impossible de lire l&apos;identifiant «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerProfile</name>
    <message>
        <source>The broker URL is empty.</source>
        <translation>L&apos;URL du broker est vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>&quot;%1&quot; n&apos;est pas une URL valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use mqtt:// or mqtts://.</source>
        <translation>Schéma &quot;%1&quot; non pris en charge&#xa0;: utilisez mqtt:// ou mqtts://.</translation>
    </message>
    <message>
        <source>The broker URL &quot;%1&quot; has no host.</source>
        <translation>L&apos;URL du broker &quot;%1&quot; n&apos;a pas d&apos;hôte.</translation>
    </message>
    <message>
        <source>Put the password in the keychain, not in the URL.</source>
        <translation>Placez le mot de passe dans le trousseau, pas dans l&apos;URL.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Le port doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The keepalive must be between 5 and 65535 seconds.</source>
        <translation>Le keepalive doit être compris entre 5 et 65535 secondes.</translation>
    </message>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation>Une session persistante exige un identifiant client&#xa0;: le broker retrouve la session grâce à lui.</translation>
    </message>
    <message>
        <source>With MQTT 5 a persistent session needs a session expiry interval; with 0 the broker ends the session at disconnect.</source>
        <translation>Avec MQTT 5, une session persistante exige un intervalle d&apos;expiration de session&#xa0;; avec 0, le broker termine la session à la déconnexion.</translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>Un certificat client exige sa clé privée, et une clé son certificat.</translation>
    </message>
    <message>
        <source>TLS files are set but the URL is not mqtts://.</source>
        <translation>Des fichiers TLS sont configurés mais l&apos;URL n&apos;est pas en mqtts://.</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerProvisioning</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;écrire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid account name: 1 to %2 letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; or &apos;@&apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de compte valide&#xa0;: 1 à %2 lettres, chiffres, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; ou &apos;@&apos;.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; has no role.</source>
        <translation>Le compte &quot;%1&quot; n&apos;a aucun rôle.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: a device account holds the device role only.</source>
        <translation>Compte &quot;%1&quot;&#xa0;: un compte d&apos;appareil n&apos;a que le rôle device.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: a password is 1 to %2 printable ASCII characters without spaces or &apos;:&apos;.</source>
        <translation>Compte &quot;%1&quot;&#xa0;: un mot de passe compte de 1 à %2 caractères ASCII imprimables, sans espaces ni &apos;:&apos;.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: at most %2 extra topics.</source>
        <translation>Compte &quot;%1&quot;&#xa0;: %2 topics supplémentaires au plus.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: &quot;%2&quot; is not a valid topic filter for an ACL (no spaces, no $share/).</source>
        <translation>Compte &quot;%1&quot;&#xa0;: &quot;%2&quot; n&apos;est pas un filtre de topics valide pour une ACL (ni espaces ni $share/).</translation>
    </message>
    <message>
        <source>Too many accounts: at most %1.</source>
        <translation>Trop de comptes&#xa0;: %1 au plus.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; is listed twice.</source>
        <translation>Le compte &quot;%1&quot; figure deux fois.</translation>
    </message>
    <message>
        <source>The device count must be from 1 to %1, not %2.</source>
        <translation>Le nombre d&apos;appareils doit être compris entre 1 et %1, et non %2.</translation>
    </message>
    <message>
        <source>accounts[%1]</source>
        <translation>accounts[%1]</translation>
    </message>
    <message>
        <source>%1: expected an object, not %2.</source>
        <translation>%1&#xa0;: un objet est attendu, et non %2.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; must be a string.</source>
        <translation>%1&#xa0;: &quot;name&quot; doit être une chaîne.</translation>
    </message>
    <message>
        <source>%1: &quot;password&quot; must be a string.</source>
        <translation>%1&#xa0;: &quot;password&quot; doit être une chaîne.</translation>
    </message>
    <message>
        <source>%1: &quot;roles&quot; must be an array of role names.</source>
        <translation>%1&#xa0;: &quot;roles&quot; doit être un tableau de noms de rôles.</translation>
    </message>
    <message>
        <source>%1: unknown role %2; the roles are operator, approver, device, service and monitor.</source>
        <translation>%1&#xa0;: rôle inconnu %2&#xa0;; les rôles sont operator, approver, device, service et monitor.</translation>
    </message>
    <message>
        <source>%1: &quot;extra&quot; must be an object of topic lists (read, write, readwrite).</source>
        <translation>%1&#xa0;: &quot;extra&quot; doit être un objet de listes de topics (read, write, readwrite).</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;extra.%2&quot;; expected read, write or readwrite.</source>
        <translation>%1&#xa0;: clé inconnue &quot;extra.%2&quot;&#xa0;; read, write ou readwrite attendu.</translation>
    </message>
    <message>
        <source>%1: &quot;extra.%2&quot; must be an array of topic filters.</source>
        <translation>%1&#xa0;: &quot;extra.%2&quot; doit être un tableau de filtres de topics.</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;; expected name, roles, password or extra.</source>
        <translation>%1&#xa0;: clé inconnue &quot;%2&quot;&#xa0;; name, roles, password ou extra attendu.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; is missing.</source>
        <translation>%1&#xa0;: &quot;name&quot; est absent.</translation>
    </message>
    <message>
        <source>The specification is larger than %1 bytes.</source>
        <translation>La spécification dépasse %1 octets.</translation>
    </message>
    <message>
        <source>Expected a JSON object with &quot;accounts&quot; and &quot;devices&quot;, not %1.</source>
        <translation>Un objet JSON avec &quot;accounts&quot; et &quot;devices&quot; est attendu, et non %1.</translation>
    </message>
    <message>
        <source>&quot;accounts&quot; must be an array.</source>
        <translation>&quot;accounts&quot; doit être un tableau.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No accounts to write.</source>
        <translation>Aucun compte à écrire.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the output directory&apos;s path must have no spaces or control characters (mosquitto.conf names the files in it).</source>
        <translation>&quot;%1&quot;&#xa0;: le chemin du dossier de sortie ne doit contenir ni espaces ni caractères de contrôle (mosquitto.conf nomme les fichiers qu&apos;il contient).</translation>
    </message>
    <message>
        <source>Cannot create the directory &quot;%1&quot;.</source>
        <translation>Impossible de créer le dossier &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>mosquitto_passwd was not found (Debian package mosquitto).</source>
        <translation>mosquitto_passwd est introuvable (paquet Debian mosquitto).</translation>
    </message>
    <message>
        <source>%1 -U failed: %2</source>
        <translation>Échec de %1 -U&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 -U did not hash every password in &quot;%2&quot;.</source>
        <translation>%1 -U n&apos;a pas haché tous les mots de passe de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Cannot replace &quot;%1&quot;.</source>
        <translation>Impossible de remplacer &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Try &apos;fleet-hub provision --help&apos;.</source>
        <translation>Essayez &apos;fleet-hub provision --help&apos;.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Write a broker&apos;s accounts and access control.</source>
        <translation>Écrire les comptes et le contrôle d&apos;accès d&apos;un broker.</translation>
    </message>
    <message>
        <source>The accounts specification, a JSON file (see above).</source>
        <translation>La spécification des comptes, un fichier JSON (voir plus haut).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Add an account with these roles, e.g. bob=operator,approver (repeatable).</source>
        <translation>Ajouter un compte avec ces rôles, par exemple bob=operator,approver (répétable).</translation>
    </message>
    <message>
        <source>NAME=ROLES</source>
        <translation>NOM=RÔLES</translation>
    </message>
    <message>
        <source>Add N device accounts, PREFIX1 to PREFIXN.</source>
        <translation>Ajouter N comptes d&apos;appareil, de PRÉFIXE1 à PRÉFIXEN.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The device accounts&apos; prefix (default &quot;dev-&quot;).</source>
        <translation>Le préfixe des comptes d&apos;appareil (par défaut &quot;dev-&quot;).</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PRÉFIXE</translation>
    </message>
    <message>
        <source>Where to write passwd, acl and mosquitto.conf (created with mode 0700 if missing).</source>
        <translation>Où écrire passwd, acl et mosquitto.conf (créé avec le mode 0700 s&apos;il n&apos;existe pas).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>Write the accounts and their passwords to FILE (mode 0600) instead of printing them.</source>
        <translation>Écrire les comptes et leurs mots de passe dans FICHIER (mode 0600) au lieu de les afficher.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--output DIR is required.</source>
        <translation>--output DOSSIER est obligatoire.</translation>
    </message>
    <message>
        <source>--account: expected NAME=ROLE[,ROLE...] with the roles operator, approver, device, service and monitor, not &quot;%1&quot;.</source>
        <translation>--account&#xa0;: NOM=RÔLE[,RÔLE...] est attendu, avec les rôles operator, approver, device, service et monitor, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--devices&#xa0;: un nombre entier est attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No accounts: give --spec, --account or --devices.</source>
        <translation>Aucun compte&#xa0;: indiquez --spec, --account ou --devices.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) written to %1 (passwd, acl, mosquitto.conf); passwords in %2.
</source>
        <translation>
            <numerusform>%n compte écrit dans %1 (passwd, acl, mosquitto.conf)&#xa0;; mots de passe dans %2.
</numerusform>
            <numerusform>%n comptes écrits dans %1 (passwd, acl, mosquitto.conf)&#xa0;; mots de passe dans %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the device count must be from 1 to %2, not %3.</source>
        <translation>%1&#xa0;: le nombre d&apos;appareils doit être compris entre 1 et %2, et non %3.</translation>
    </message>
    <message>
        <source>&quot;azureHostName&quot; must be a host name such as fleet.local.</source>
        <translation>&quot;azureHostName&quot; doit être un nom d&apos;hôte tel que fleet.local.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; expected accounts, devices, azureDevices and azureHostName.</source>
        <translation>Clé inconnue &quot;%1&quot;&#xa0;; accounts, devices, azureDevices ou azureHostName attendu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be an empty array.</source>
        <translation>&quot;%1&quot; ne doit pas être un tableau vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be {&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: N}, or &quot;%2&quot; an array of such blocks.</source>
        <translation>&quot;%1&quot; doit être {&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: N}, ou &quot;%2&quot; un tableau de tels blocs.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;appareil valide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice: an Azure device&apos;s id must be no other account&apos;s name.</source>
        <translation>&quot;%1&quot; figure deux fois&#xa0;: l&apos;identifiant d&apos;un appareil Azure ne doit être le nom d&apos;aucun autre compte.</translation>
    </message>
    <message>
        <source>fleet_iothub.so, the broker plugin Azure devices need, was not found: build it or give its path.</source>
        <translation>fleet_iothub.so, le plugin du broker dont les appareils Azure ont besoin, est introuvable&#xa0;: compilez-le ou indiquez son chemin.</translation>
    </message>
    <message>
        <source>Azure devices need an account with the service role (fleet-hub): it is the only one the broker&apos;s plugin lets speak to them.</source>
        <translation>Les appareils Azure exigent un compte ayant le rôle service (fleet-hub)&#xa0;: c&apos;est le seul que le plugin du broker laisse leur parler.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is both an account and an Azure device.</source>
        <translation>&quot;%1&quot; est à la fois un compte et un appareil Azure.</translation>
    </message>
    <message>
        <source>Writes what a mosquitto broker needs to enforce Fleet Console&apos;s roles (docs/security.md) for a set of accounts, into the output directory:
  passwd          the password file, hashed by mosquitto_passwd (mode 0600)
  acl             the acl_file: one `user` section per account with its roles&apos; topics
  mosquitto.conf  a snippet to include: allow_anonymous false, password_file, acl_file, set_tcp_nodelay true (add a listener)
and prints the accounts with their passwords and roles as JSON (or writes it to --info FILE, mode 0600). Existing files are replaced; a running mosquitto reads them again on SIGHUP.

The roles ({me} is the account&apos;s name; a device&apos;s name is its id):
%1A device account holds the device role only. &apos;#&apos; does not match topics that begin with &apos;$&apos;, so the roles that read everything also get $aws/#.

--spec FILE is a JSON object:
  {&quot;accounts&quot;: [{&quot;name&quot;: &quot;alice&quot;, &quot;roles&quot;: [&quot;operator&quot;]},
                {&quot;name&quot;: &quot;bob&quot;, &quot;roles&quot;: [&quot;operator&quot;, &quot;approver&quot;], &quot;password&quot;: &quot;...&quot;},
                {&quot;name&quot;: &quot;bridge&quot;, &quot;roles&quot;: [&quot;monitor&quot;], &quot;extra&quot;: {&quot;write&quot;: [&quot;site/{me}/#&quot;]}}],
   &quot;devices&quot;: [{&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: 51}, {&quot;prefix&quot;: &quot;sample-&quot;, &quot;count&quot;: 3}]}
A missing password is generated (144 random bits). &quot;extra&quot; grants topics beyond the roles (read, write, readwrite; {me} expands), for integrations the roles do not cover. &quot;devices&quot;, one block {&quot;prefix&quot;, &quot;count&quot;} or an array of them, adds the accounts dev-1 ... dev-51 and sample-1 ... sample-3 with the device role, as fleet-sim names its devices (fleet-sim --accounts FILE reads their passwords from the JSON this command writes). --account and --devices add to the file&apos;s accounts.

Azure IoT Hub devices (docs/azure.md): &quot;azureDevices&quot; (blocks like &quot;devices&quot;) or --azure-devices N adds devices az-1 ... az-N that sign in with SAS tokens made from a generated key, not with an account: their keys go to azure-devices (mode 0600), which the broker&apos;s fleet_iothub plugin reads, and mosquitto.conf loads the plugin (--iothub-plugin FILE; fleet-hub, the service account, is the only one it lets speak to devices). &quot;azureHostName&quot; or --azure-host names the IoT Hub host in their tokens (default fleet.local); --azure-gateway HOST:PORT puts the broker&apos;s TLS listener in their connection strings, which the JSON lists.

The passwords are for a local test or demo stack: they are printed and written in plain text. A production team should choose its own (&quot;password&quot; in the specification, read from a secret store when the file is made) and keep them out of files and logs: then only the hashes in passwd remain.

Exit status: 0 written, 1 when a file cannot be written or mosquitto_passwd fails, 2 for invalid options or an invalid specification.</source>
        <translation>Écrit dans le dossier de sortie ce dont un broker mosquitto a besoin pour appliquer les rôles de Fleet Console (docs/security.md) à un ensemble de comptes&#xa0;:
  passwd          le fichier de mots de passe, haché par mosquitto_passwd (mode 0600)
  acl             l&apos;acl_file&#xa0;: une section `user` par compte avec les topics de ses rôles
  mosquitto.conf  un extrait à inclure&#xa0;: allow_anonymous false, password_file, acl_file, set_tcp_nodelay true (ajoutez un listener)
et affiche les comptes avec leurs mots de passe et leurs rôles en JSON (ou l&apos;écrit dans --info FICHIER, mode 0600). Les fichiers existants sont remplacés&#xa0;; un mosquitto en cours d&apos;exécution les relit sur SIGHUP.

Les rôles ({me} est le nom du compte&#xa0;; le nom d&apos;un appareil est son identifiant)&#xa0;:
%1Un compte d&apos;appareil n&apos;a que le rôle device. &apos;#&apos; ne correspond pas aux topics qui commencent par &apos;$&apos;, donc les rôles qui lisent tout reçoivent aussi $aws/#.

--spec FICHIER est un objet JSON&#xa0;:
  {&quot;accounts&quot;: [{&quot;name&quot;: &quot;alice&quot;, &quot;roles&quot;: [&quot;operator&quot;]},
                {&quot;name&quot;: &quot;bob&quot;, &quot;roles&quot;: [&quot;operator&quot;, &quot;approver&quot;], &quot;password&quot;: &quot;...&quot;},
                {&quot;name&quot;: &quot;bridge&quot;, &quot;roles&quot;: [&quot;monitor&quot;], &quot;extra&quot;: {&quot;write&quot;: [&quot;site/{me}/#&quot;]}}],
   &quot;devices&quot;: [{&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: 51}, {&quot;prefix&quot;: &quot;sample-&quot;, &quot;count&quot;: 3}]}
Un mot de passe absent est généré (144 bits aléatoires). &quot;extra&quot; accorde des topics au-delà des rôles (read, write, readwrite&#xa0;; {me} est développé), pour les intégrations que les rôles ne couvrent pas. &quot;devices&quot;, un bloc {&quot;prefix&quot;, &quot;count&quot;} ou un tableau de blocs, ajoute les comptes dev-1 ... dev-51 et sample-1 ... sample-3 avec le rôle device, comme fleet-sim nomme ses appareils (fleet-sim --accounts FICHIER lit leurs mots de passe dans le JSON qu&apos;écrit cette commande). --account et --devices s&apos;ajoutent aux comptes du fichier.

Appareils Azure IoT Hub (docs/azure.md)&#xa0;: &quot;azureDevices&quot; (des blocs comme pour &quot;devices&quot;) ou --azure-devices N ajoute les appareils az-1 ... az-N, qui se connectent avec des jetons SAS créés à partir d&apos;une clé générée, et non avec un compte&#xa0;: leurs clés vont dans azure-devices (mode 0600), que lit le plugin fleet_iothub du broker, et mosquitto.conf charge le plugin (--iothub-plugin FICHIER&#xa0;; fleet-hub, le compte de service, est le seul qu&apos;il laisse parler aux appareils). &quot;azureHostName&quot; ou --azure-host indique l&apos;hôte IoT Hub dans leurs jetons (par défaut fleet.local)&#xa0;; --azure-gateway HÔTE:PORT met le listener TLS du broker dans leurs chaînes de connexion, que liste le JSON.

Les mots de passe sont destinés à un environnement local de test ou de démonstration&#xa0;: ils sont affichés et écrits en clair. Une équipe de production devrait choisir les siens (&quot;password&quot; dans la spécification, lu depuis un coffre de secrets au moment de créer le fichier) et les tenir à l&apos;écart des fichiers et des journaux&#xa0;: il ne reste alors que les hachages dans passwd.

Code de sortie&#xa0;: 0 écrit, 1 quand un fichier ne peut pas être écrit ou que mosquitto_passwd échoue, 2 pour des options invalides ou une spécification invalide.</translation>
    </message>
    <message>
        <source>Add N Azure IoT Hub devices, PREFIX1 to PREFIXN, with generated keys.</source>
        <translation>Ajouter N appareils Azure IoT Hub, de PRÉFIXE1 à PRÉFIXEN, avec des clés générées.</translation>
    </message>
    <message>
        <source>The Azure devices&apos; prefix (default &quot;az-&quot;).</source>
        <translation>Le préfixe des appareils Azure (par défaut &quot;az-&quot;).</translation>
    </message>
    <message>
        <source>The IoT Hub host name in the Azure devices&apos; connection strings (default fleet.local).</source>
        <translation>Le nom d&apos;hôte IoT Hub dans les chaînes de connexion des appareils Azure (par défaut fleet.local).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>The broker&apos;s TLS listener, HOST:PORT, named as GatewayHostName in the Azure devices&apos; connection strings.</source>
        <translation>Le listener TLS du broker, HÔTE:PORT, indiqué comme GatewayHostName dans les chaînes de connexion des appareils Azure.</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HÔTE:PORT</translation>
    </message>
    <message>
        <source>The fleet_iothub mosquitto plugin (default: found in the build tree or installed).</source>
        <translation>Le plugin mosquitto fleet_iothub (par défaut&#xa0;: celui de l&apos;arborescence de compilation ou celui qui est installé).</translation>
    </message>
    <message>
        <source>--azure-host: expected a host name such as fleet.local.</source>
        <translation>--azure-host&#xa0;: un nom d&apos;hôte tel que fleet.local est attendu.</translation>
    </message>
    <message>
        <source>--azure-gateway: expected HOST:PORT, e.g. localhost:8883.</source>
        <translation>--azure-gateway&#xa0;: HÔTE:PORT est attendu, par exemple localhost:8883.</translation>
    </message>
    <message>
        <source>--azure-devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--azure-devices&#xa0;: un nombre entier est attendu, et non &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::CloudMessageDialog</name>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cloud-to-device message for %1</source>
        <translation>Message cloud-vers-appareil pour %1</translation>
    </message>
    <message>
        <source>The message, as text (JSON or anything else)</source>
        <translation>Le message, en texte (JSON ou autre)</translation>
    </message>
    <message>
        <source>a new id</source>
        <translation>un nouvel id.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Drop the message if the device has not taken it within this time</source>
        <translation>Abandonner le message si l&apos;appareil ne l&apos;a pas pris dans ce délai</translation>
    </message>
    <message>
        <source>Application properties, one name=value per line</source>
        <translation>Propriétés applicatives, une nom=valeur par ligne</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id. du message</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Id. de corrélation</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>Content encoding</source>
        <translation>Encodage du contenu</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Held for an approval: %1</source>
        <translation>En attente d&apos;approbation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Approved (%1); sending…</source>
        <translation>Approuvé (%1)&#xa0;; envoi…</translation>
    </message>
    <message>
        <source>Not sent: the gate said %1 (%2).</source>
        <translation>Non envoyé&#xa0;: la passerelle a répondu %1 (%2).</translation>
    </message>
    <message>
        <source>Sent as message %1.</source>
        <translation>Envoyé comme message %1.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message is %L1 bytes; fleet-hub&apos;s gate takes at most %L2.</source>
        <translation>Le message fait %L1 octets&#xa0;; la passerelle de fleet-hub en accepte au plus %L2.</translation>
    </message>
    <message>
        <source>Submitted as message %1…</source>
        <translation>Soumis comme message %1…</translation>
    </message>
    <message>
        <source>a cloud-to-device message to %1</source>
        <translation>un message du cloud vers l&apos;appareil %1</translation>
    </message>
</context>
<context>
    <name>fleet::CommandCatalog</name>
    <message>
        <source>Command %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <source>Command %1 (&quot;%2&quot;)</source>
        <translation>Commande %1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>The catalog is not valid JSON (byte %1): %2</source>
        <translation>Le catalogue n&apos;est pas du JSON valide (octet %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The catalog must be a JSON object {&quot;version&quot;: 1, &quot;commands&quot;: [...]}.</source>
        <translation>Le catalogue doit être un objet JSON {&quot;version&quot;: 1, &quot;commands&quot;: [...]}.</translation>
    </message>
    <message>
        <source>Unknown top-level key &quot;%1&quot; in the catalog.</source>
        <translation>Clé de premier niveau inconnue &quot;%1&quot; dans le catalogue.</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be %1.</source>
        <translation>&quot;version&quot; doit valoir %1.</translation>
    </message>
    <message>
        <source>&quot;commands&quot; must be an array.</source>
        <translation>&quot;commands&quot; doit être un tableau.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot;: another command has this name.</source>
        <translation>%1&#xa0;: &quot;name&quot;&#xa0;: une autre commande porte ce nom.</translation>
    </message>
    <message>
        <source>%1: &quot;replacement&quot;: there is no command &quot;%2&quot;.</source>
        <translation>%1&#xa0;: &quot;replacement&quot;&#xa0;: il n&apos;existe pas de commande &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: there is no command &quot;%2&quot;.</source>
        <translation>%1&#xa0;: &quot;inverse&quot;&#xa0;: il n&apos;existe pas de commande &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: &quot;%2&quot; has no parameter &quot;%3&quot;.</source>
        <translation>%1&#xa0;: &quot;inverse&quot;&#xa0;: &quot;%2&quot; n&apos;a pas de paramètre &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: %2</source>
        <translation>%1&#xa0;: &quot;inverse&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: &quot;%2&quot; needs the parameter &quot;%3&quot;.</source>
        <translation>%1&#xa0;: &quot;inverse&quot;&#xa0;: &quot;%2&quot; exige le paramètre &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the catalog %1: %2</source>
        <translation>Impossible de lire le catalogue %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The catalog %1 is larger than %2 bytes.</source>
        <translation>Le catalogue %1 dépasse %2 octets.</translation>
    </message>
    <message>
        <source>must be an object {&quot;rawCommands&quot;: …, &quot;sensitiveDesired&quot;: […]}.</source>
        <translation>doit être un objet {&quot;rawCommands&quot;: …, &quot;sensitiveDesired&quot;: […]}.</translation>
    </message>
    <message>
        <source>&quot;rawCommands&quot; must be &quot;sensitive&quot;, &quot;allowed&quot; or &quot;refused&quot;.</source>
        <translation>&quot;rawCommands&quot; doit valoir &quot;sensitive&quot;, &quot;allowed&quot; ou &quot;refused&quot;.</translation>
    </message>
    <message>
        <source>&quot;sensitiveDesired&quot; must be an array of key names.</source>
        <translation>&quot;sensitiveDesired&quot; doit être un tableau de noms de clés.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>clé inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;devices&quot; must be an array of profiles.</source>
        <translation>&quot;devices&quot; doit être un tableau de profils.</translation>
    </message>
    <message>
        <source>&quot;devices&quot; holds more than %1 profiles.</source>
        <translation>&quot;devices&quot; contient plus de %1 profils.</translation>
    </message>
    <message>
        <source>Device profile %1: %2</source>
        <translation>Profil d&apos;appareil %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandComposer</name>
    <message>
        <source>Selected devices</source>
        <translation>Appareils sélectionnés</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Free-form payload</source>
        <translation>Charge utile libre</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (obsolète)</translation>
    </message>
    <message>
        <source>%1 (deprecated, use %2)</source>
        <translation>%1 (obsolète, utilisez %2)</translation>
    </message>
    <message>
        <source>Sensitive: this command goes to approval. Another person must approve it before it is sent.</source>
        <translation>Sensible&#xa0;: cette commande passe par une approbation. Une autre personne doit l&apos;approuver avant son envoi.</translation>
    </message>
    <message>
        <source>The exact payload to publish, e.g. a JSON request or plain text</source>
        <translation>La charge utile exacte à publier, par exemple une requête JSON ou du texte brut</translation>
    </message>
    <message>
        <source>group name</source>
        <translation>nom du groupe</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>none: select devices in the device list</source>
        <translation>aucun&#xa0;: sélectionnez des appareils dans la liste des appareils</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1, …</source>
        <translation>
            <numerusform>%n appareil&#xa0;: %1, …</numerusform>
            <numerusform>%n appareils&#xa0;: %1, …</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a group, or type its name.</source>
        <translation>Choisissez un groupe ou saisissez son nom.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a group id: it must not hold &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; ne peut pas être un identifiant de groupe&#xa0;: il ne doit pas contenir &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Type the ids of the devices to send to.</source>
        <translation>Saisissez les identifiants des appareils destinataires.</translation>
    </message>
    <message>
        <source>No device is selected: select devices in the device list, or choose a group or type device ids.</source>
        <translation>Aucun appareil n&apos;est sélectionné&#xa0;: sélectionnez des appareils dans la liste des appareils, ou choisissez un groupe ou saisissez des identifiants d&apos;appareil.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a device id: it must not hold &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; ne peut pas être un identifiant d&apos;appareil&#xa0;: il ne doit pas contenir &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Deprecated. %1</source>
        <translation>Obsolète. %1</translation>
    </message>
    <message>
        <source>Deprecated: use %1 instead. %2</source>
        <translation>Obsolète&#xa0;: utilisez plutôt %1. %2</translation>
    </message>
    <message>
        <source>A payload published verbatim on one device&apos;s request topic, tracked like any command (a plain-text reply settles it).</source>
        <translation>Une charge utile publiée telle quelle sur le topic de requête d&apos;un appareil et suivie comme toute commande (une réponse en texte brut la clôt).</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>Soumettre à approbation</translation>
    </message>
    <message>
        <source>The command waits in the approval queue until another person approves it; only then is it sent.</source>
        <translation>La commande attend dans la file d&apos;approbations jusqu&apos;à ce qu&apos;une autre personne l&apos;approuve&#xa0;; elle n&apos;est envoyée qu&apos;ensuite.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Topic&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>  (and %n more device(s), each on its own topic)</source>
        <translation>
            <numerusform>  (et %n autre appareil, chacun sur son propre topic)</numerusform>
            <numerusform>  (et %n autres appareils, chacun sur son propre topic)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%n more character(s))</source>
        <translation>
            <numerusform>… (%n caractère de plus)</numerusform>
            <numerusform>… (%n caractères de plus)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1&apos;s state, to be able to roll the command back…</source>
        <translation>Lecture de l&apos;état de %1, pour pouvoir annuler la commande…</translation>
    </message>
    <message>
        <source>%1 is waiting for approval (%2).</source>
        <translation>%1 est en attente d&apos;approbation (%2).</translation>
    </message>
    <message>
        <source>%1 sent to group %2 (%3).</source>
        <translation>Envoi de %1 au groupe %2 effectué (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%1 sent to %n device(s) (%2).</source>
        <translation>
            <numerusform>Envoi de %1 à %n appareil effectué (%2).</numerusform>
            <numerusform>Envoi de %1 à %n appareils effectué (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent to %2 (%3).</source>
        <translation>Envoi de %1 à %2 effectué (%3).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 to %2: %3 (%4).</source>
        <comment>command to device: state (id)</comment>
        <translation>%1 à %2&#xa0;: %3 (%4).</translation>
    </message>
    <message>
        <source>%1 to %2: %3, %4 (%5).</source>
        <comment>command to device: state, detail (id)</comment>
        <translation>%1 à %2&#xa0;: %3, %4 (%5).</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s) is waiting for approval.</source>
        <translation>
            <numerusform>%1 à %n appareil est en attente d&apos;approbation.</numerusform>
            <numerusform>%1 à %n appareils est en attente d&apos;approbation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s): %2 succeeded, %3 failed or refused, %4 in progress.</source>
        <translation>
            <numerusform>%1 à %n appareil&#xa0;: %2 réussies, %3 échouées ou refusées, %4 en cours.</numerusform>
            <numerusform>%1 à %n appareils&#xa0;: %2 réussies, %3 échouées ou refusées, %4 en cours.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is queued, not sent (%2): %3</source>
        <translation>%1 est en file d&apos;attente, non envoyée (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 queued, not sent yet (%4): %5</source>
        <translation>%1&#xa0;: %2 sur %3 en file d&apos;attente, pas encore envoyées (%4)&#xa0;: %5</translation>
    </message>
    <message>
        <source>dev-1, dev-2 …</source>
        <comment>device ids typed in the composer</comment>
        <translation>dev-1, dev-2 …</translation>
    </message>
    <message>
        <source>Device ids, separated by commas or spaces</source>
        <translation>Identifiants d&apos;appareil, séparés par des virgules ou des espaces</translation>
    </message>
</context>
<context>
    <name>fleet::CommandExecution</name>
    <message>
        <source>Awaiting approval</source>
        <comment>command execution state</comment>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>command execution state</comment>
        <translation>Approuvée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>command execution state</comment>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>command execution state</comment>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>command execution state</comment>
        <translation>Envoyée</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>command execution state</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>command execution state</comment>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>command execution state</comment>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Timed out</source>
        <comment>command execution state</comment>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <comment>command execution state</comment>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>command execution state</comment>
        <translation>Annulée</translation>
    </message>
</context>
<context>
    <name>fleet::CommandGate</name>
    <message>
        <source>The gate cannot record requests: %1</source>
        <translation>La passerelle ne peut pas enregistrer de demandes&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a request id: 1 to %2 characters, without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; ne peut pas être un identifiant de demande&#xa0;: 1 à %2 caractères, sans &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>The gate cannot read its records: %1</source>
        <translation>La passerelle ne peut pas lire ses enregistrements&#xa0;: %1</translation>
    </message>
    <message>
        <source>Request %1 exists with other content; a changed request needs a new id.</source>
        <translation>La demande %1 existe avec un autre contenu&#xa0;; une demande modifiée nécessite un nouvel identifiant.</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>approuvée par %1</translation>
    </message>
    <message>
        <source>Request %1 is %2.</source>
        <translation>La demande %1 est à l&apos;état %2.</translation>
    </message>
    <message>
        <source>Too many requests are waiting for approval; try again once some are decided.</source>
        <translation>Trop de demandes attendent une approbation&#xa0;; réessayez quand certaines auront été décidées.</translation>
    </message>
    <message>
        <source>nobody approves their own request</source>
        <translation>personne n&apos;approuve sa propre demande</translation>
    </message>
    <message>
        <source>no such pending request</source>
        <translation>demande en attente introuvable</translation>
    </message>
    <message>
        <source>the request is already %1</source>
        <translation>la demande est déjà à l&apos;état %1</translation>
    </message>
    <message>
        <source>a decision is {&quot;decision&quot;: &quot;approve&quot; or &quot;reject&quot;, &quot;digest&quot;: …}</source>
        <translation>une décision a la forme {&quot;decision&quot;: &quot;approve&quot; ou &quot;reject&quot;, &quot;digest&quot;: …}</translation>
    </message>
    <message>
        <source>the request has expired</source>
        <translation>la demande a expiré</translation>
    </message>
    <message>
        <source>the decision is for other content (its digest differs)</source>
        <translation>la décision porte sur un autre contenu (son digest diffère)</translation>
    </message>
    <message>
        <source>withdrawn by the requester</source>
        <translation>retirée par le demandeur</translation>
    </message>
    <message>
        <source>nobody decided in time</source>
        <translation>personne n&apos;a statué à temps</translation>
    </message>
    <message numerus="yes">
        <source>%n more refused or ignored message(s) in the last minute</source>
        <translation>
            <numerusform>%n autre message refusé ou ignoré au cours de la dernière minute</numerusform>
            <numerusform>%n autres messages refusés ou ignorés au cours de la dernière minute</numerusform>
        </translation>
    </message>
    <message>
        <source>The gate dropped a message on &quot;%1&quot;: %2</source>
        <translation>La passerelle a abandonné un message sur &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>target %1 (%2)</source>
        <translation>cible %1 (%2)</translation>
    </message>
    <message>
        <source>%1: a broadcast carries one catalog command to single devices.</source>
        <translation>%1&#xa0;: une diffusion porte une seule commande du catalogue vers des appareils individuels.</translation>
    </message>
    <message>
        <source>%1: every target of a broadcast gets the same command and parameters.</source>
        <translation>%1&#xa0;: toutes les cibles d&apos;une diffusion reçoivent la même commande et les mêmes paramètres.</translation>
    </message>
    <message>
        <source>%1: device %2 is named twice.</source>
        <translation>%1&#xa0;: l&apos;appareil %2 figure deux fois.</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s)</source>
        <translation>
            <numerusform>%1 à %n appareil</numerusform>
            <numerusform>%1 à %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many broadcasts are waiting for approval; try again once some are decided.</source>
        <translation>Trop de diffusions sont en attente d&apos;approbation&#xa0;; réessayez quand certaines auront été décidées.</translation>
    </message>
    <message>
        <source>part of broadcast %1, approved by %2</source>
        <translation>partie de la diffusion %1, approuvée par %2</translation>
    </message>
    <message>
        <source>The gate&apos;s broadcast %1 is no longer readable.</source>
        <translation>La diffusion %1 de la passerelle n&apos;est plus lisible.</translation>
    </message>
    <message>
        <source>An AWS IoT command is started under one&apos;s own name (%1).</source>
        <translation>Une commande AWS IoT se lance sous son propre nom (%1).</translation>
    </message>
    <message>
        <source>This fleet-hub does not serve AWS IoT commands (no --commands-db).</source>
        <translation>Ce fleet-hub ne sert pas les commandes AWS IoT (pas de --commands-db).</translation>
    </message>
    <message>
        <source>A direct method is called under one&apos;s own name (%1).</source>
        <translation>Une méthode directe s&apos;appelle sous son propre nom (%1).</translation>
    </message>
    <message>
        <source>This fleet-hub does not serve Azure IoT Hub devices.</source>
        <translation>Ce fleet-hub ne sert pas les appareils Azure IoT Hub.</translation>
    </message>
    <message>
        <source>Request %1 was approved and called; a direct method is called once per approval.</source>
        <translation>La requête %1 a été approuvée et appelée&#xa0;; une méthode directe n&apos;est appelée qu&apos;une fois par approbation.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandLedger</name>
    <message>
        <source>Cannot create the folder of the command ledger &quot;%1&quot;.</source>
        <translation>Impossible de créer le dossier du registre des commandes &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the command ledger: %2</source>
        <translation>Impossible d&apos;utiliser &quot;%1&quot; comme registre des commandes&#xa0;: %2</translation>
    </message>
    <message>
        <source>it was written by a newer Fleet Console (schema %1; this one knows up to %2).</source>
        <translation>il a été écrit par une Fleet Console plus récente (schéma %1&#xa0;; celle-ci connaît jusqu&apos;au %2).</translation>
    </message>
    <message>
        <source>The command ledger is not open.</source>
        <translation>Le registre des commandes n&apos;est pas ouvert.</translation>
    </message>
    <message>
        <source>Writing command %1 to the ledger failed: %2</source>
        <translation>Échec de l&apos;écriture de la commande %1 dans le registre&#xa0;: %2</translation>
    </message>
    <message>
        <source>Writing to the audit log failed: %1</source>
        <translation>Échec de l&apos;écriture dans le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the audit log failed: %1</source>
        <translation>Échec de la lecture du journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the command ledger failed: %1</source>
        <translation>Échec de la lecture du registre des commandes&#xa0;: %1</translation>
    </message>
    <message>
        <source>its JSON is damaged</source>
        <translation>son JSON est endommagé</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>état &quot;%1&quot; inconnu</translation>
    </message>
    <message>
        <source>The ledger&apos;s record of command %1 is damaged (%2); it is left as it is.</source>
        <translation>L&apos;entrée du registre pour la commande %1 est endommagée (%2)&#xa0;; elle est laissée telle quelle.</translation>
    </message>
    <message>
        <source>transition %1 is damaged</source>
        <translation>la transition %1 est endommagée</translation>
    </message>
    <message>
        <source>reply %1 is damaged</source>
        <translation>la réponse %1 est endommagée</translation>
    </message>
    <message>
        <source>Writing approval request %1 to the ledger failed: %2</source>
        <translation>Échec de l&apos;écriture de la demande d&apos;approbation %1 dans le registre&#xa0;: %2</translation>
    </message>
    <message>
        <source>The ledger&apos;s record of approval request %1 is damaged (%2); it is left as it is.</source>
        <translation>L&apos;entrée du registre pour la demande d&apos;approbation %1 est endommagée (%2)&#xa0;; elle est laissée telle quelle.</translation>
    </message>
    <message>
        <source>Writing rollback entry %1 to the ledger failed: %2</source>
        <translation>Échec de l&apos;écriture de l&apos;entrée d&apos;annulation %1 dans le registre&#xa0;: %2</translation>
    </message>
    <message>
        <source>The ledger&apos;s rollback entry %1 is damaged; it is left as it is.</source>
        <translation>L&apos;entrée d&apos;annulation %1 du registre est endommagée&#xa0;; elle est laissée telle quelle.</translation>
    </message>
    <message>
        <source>Writing to the command ledger failed: %1</source>
        <translation>L&apos;écriture dans le registre des commandes a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::CommandParameter</name>
    <message>
        <source>&quot;%1&quot; must be a string, not %2.</source>
        <translation>&quot;%1&quot; doit être une chaîne, et non %2.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; must be at least %n character(s) long.</source>
        <translation>
            <numerusform>&quot;%1&quot; doit comporter au moins %n caractère.</numerusform>
            <numerusform>&quot;%1&quot; doit comporter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; must be at most %n character(s) long.</source>
        <translation>
            <numerusform>&quot;%1&quot; doit comporter au plus %n caractère.</numerusform>
            <numerusform>&quot;%1&quot; doit comporter au plus %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an integer, not %2.</source>
        <translation>&quot;%1&quot; doit être un entier, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number, not %2.</source>
        <translation>&quot;%1&quot; doit être un nombre, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from %2 to %3, not %4.</source>
        <translation>&quot;%1&quot; doit être compris entre %2 et %3, et non %4.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at least %2, not %3.</source>
        <translation>&quot;%1&quot; doit valoir au moins %2, et non %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at most %2, not %3.</source>
        <translation>&quot;%1&quot; doit valoir au plus %2, et non %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not %2.</source>
        <translation>&quot;%1&quot; doit valoir true ou false, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not %3.</source>
        <translation>&quot;%1&quot; doit valoir l&apos;une des valeurs %2, et non %3.</translation>
    </message>
    <message>
        <source>A parameter must be a JSON object.</source>
        <translation>Un paramètre doit être un objet JSON.</translation>
    </message>
    <message>
        <source>A parameter needs a &quot;name&quot; string.</source>
        <translation>Un paramètre exige une chaîne &quot;name&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid parameter name: use letters, digits and &apos;_&apos;, not starting with a digit, at most 64 characters.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de paramètre valide&#xa0;: utilisez des lettres, des chiffres et &apos;_&apos;, sans commencer par un chiffre, 64 caractères au plus.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;type&quot; must be one of string, integer, number, boolean, enum.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: &quot;type&quot; doit valoir l&apos;une des valeurs string, integer, number, boolean, enum.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: unknown type %2; use string, integer, number, boolean or enum.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: type inconnu %2&#xa0;; utilisez string, integer, number, boolean ou enum.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;%2&quot;: %3</source>
        <translation>Paramètre &quot;%1&quot;, &quot;%2&quot;&#xa0;: %3</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>doit être une chaîne.</translation>
    </message>
    <message>
        <source>applies only to integer and number parameters.</source>
        <translation>ne s&apos;applique qu&apos;aux paramètres integer et number.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>doit être un nombre.</translation>
    </message>
    <message>
        <source>must be an integer.</source>
        <translation>doit être un entier.</translation>
    </message>
    <message>
        <source>applies only to string parameters.</source>
        <translation>ne s&apos;applique qu&apos;aux paramètres string.</translation>
    </message>
    <message>
        <source>must be a non-negative integer.</source>
        <translation>doit être un entier positif ou nul.</translation>
    </message>
    <message>
        <source>does not apply to boolean parameters.</source>
        <translation>ne s&apos;applique pas aux paramètres boolean.</translation>
    </message>
    <message>
        <source>must be a non-empty array.</source>
        <translation>doit être un tableau non vide.</translation>
    </message>
    <message>
        <source>must hold strings, numbers or booleans only, not %1.</source>
        <translation>ne doit contenir que des chaînes, des nombres ou des booléens, et non %1.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>doit valoir true ou false.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: unknown key &quot;%2&quot;.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: clé inconnue &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;minimum&quot; is greater than &quot;maximum&quot;.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: &quot;minimum&quot; est supérieur à &quot;maximum&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;minLength&quot; is greater than &quot;maxLength&quot;.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: &quot;minLength&quot; est supérieur à &quot;maxLength&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: an enum needs &quot;allowed&quot; values.</source>
        <translation>Paramètre &quot;%1&quot;&#xa0;: un enum exige des valeurs &quot;allowed&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;allowed&quot;: %2</source>
        <translation>Paramètre &quot;%1&quot;, &quot;allowed&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;default&quot;: %2</source>
        <translation>Paramètre &quot;%1&quot;, &quot;default&quot;&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::CommandSpec</name>
    <message>
        <source>must not be empty.</source>
        <translation>ne doit pas être vide.</translation>
    </message>
    <message>
        <source>must not contain &apos;+&apos;, &apos;#&apos; or NUL.</source>
        <translation>ne doit pas contenir &apos;+&apos;, &apos;#&apos; ni NUL.</translation>
    </message>
    <message>
        <source>has an unclosed &apos;{&apos;.</source>
        <translation>contient une &apos;{&apos; non fermée.</translation>
    </message>
    <message>
        <source>names %1; use %2 and optionally {tid}.</source>
        <translation>contient %1&#xa0;; utilisez %2 et éventuellement {tid}.</translation>
    </message>
    <message>
        <source>must name %1.</source>
        <translation>doit contenir %1.</translation>
    </message>
    <message>
        <source>This command has no such topic.</source>
        <translation>Cette commande n&apos;a pas ce topic.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used in a topic: it must be non-empty and hold no &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;%1&quot; ne peut pas être utilisé dans un topic&#xa0;: il doit être non vide et sans &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;.</translation>
    </message>
    <message>
        <source>This topic needs the request&apos;s id.</source>
        <translation>Ce topic exige l&apos;identifiant de la requête.</translation>
    </message>
    <message>
        <source>The parameters of &quot;%1&quot; must be a JSON object.</source>
        <translation>Les paramètres de &quot;%1&quot; doivent être un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no parameter &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; n&apos;a pas de paramètre &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the parameter &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; exige le paramètre &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be undone.</source>
        <translation>Impossible d&apos;annuler &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot undo &quot;%1&quot;: the state captured before it ran has no &quot;%2&quot;.</source>
        <translation>Impossible d&apos;annuler &quot;%1&quot;&#xa0;: l&apos;état capturé avant son exécution n&apos;a pas de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A command must be a JSON object.</source>
        <translation>Une commande doit être un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;name&quot;: a command needs a name string.</source>
        <translation>&quot;name&quot;&#xa0;: une commande exige une chaîne pour son nom.</translation>
    </message>
    <message>
        <source>&quot;name&quot;: &quot;%1&quot; is not a valid command name: use 1 to 64 letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;.</source>
        <translation>&quot;name&quot;&#xa0;: &quot;%1&quot; n&apos;est pas un nom de commande valide&#xa0;: utilisez de 1 à 64 lettres, chiffres, &apos;_&apos;, &apos;-&apos; ou &apos;.&apos;.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>doit être une chaîne.</translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation>doit valoir l&apos;une des valeurs %1.</translation>
    </message>
    <message>
        <source>must be an array of parameter objects.</source>
        <translation>doit être un tableau d&apos;objets de paramètre.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;[%1]: %2</source>
        <translation>&quot;parameters&quot;[%1]&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;[%1]: &quot;%2&quot; is declared twice.</source>
        <translation>&quot;parameters&quot;[%1]&#xa0;: &quot;%2&quot; est déclaré deux fois.</translation>
    </message>
    <message>
        <source>must be a non-empty string.</source>
        <translation>doit être une chaîne non vide.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>doit valoir true ou false.</translation>
    </message>
    <message>
        <source>must be an integer from 1 to %1.</source>
        <translation>doit être un entier de 1 à %1.</translation>
    </message>
    <message>
        <source>must be an integer from 0 (not long-running) to %1.</source>
        <translation>doit être un entier de 0 (pas de longue durée) à %1.</translation>
    </message>
    <message>
        <source>must be an object {&quot;command&quot;, &quot;parameters&quot;}.</source>
        <translation>doit être un objet {&quot;command&quot;, &quot;parameters&quot;}.</translation>
    </message>
    <message>
        <source>&quot;command&quot; must be a command name.</source>
        <translation>&quot;command&quot; doit être un nom de commande.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be an object.</source>
        <translation>&quot;parameters&quot; doit être un objet.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;.&quot;%1&quot;: %2 must be a literal or exactly &quot;${captured.path}&quot;.</source>
        <translation>&quot;parameters&quot;.&quot;%1&quot;&#xa0;: %2 doit être un littéral ou exactement &quot;${captured.path}&quot;.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>clé inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;command&quot; is missing.</source>
        <translation>il manque &quot;command&quot;.</translation>
    </message>
    <message>
        <source>must be a command name.</source>
        <translation>doit être un nom de commande.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;.</source>
        <translation>Clé inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;heartbeatIntervalMs&quot;: must be shorter than &quot;timeoutMs&quot; (%1).</source>
        <translation>&quot;heartbeatIntervalMs&quot;&#xa0;: doit être inférieur à &quot;timeoutMs&quot; (%1).</translation>
    </message>
    <message>
        <source>&quot;replacement&quot;: only a deprecated command has one.</source>
        <translation>&quot;replacement&quot;&#xa0;: seule une commande obsolète en a un.</translation>
    </message>
    <message>
        <source>&quot;replacement&quot;: a command cannot replace itself.</source>
        <translation>&quot;replacement&quot;&#xa0;: une commande ne peut pas se remplacer elle-même.</translation>
    </message>
    <message>
        <source>&quot;payload&quot;: a &quot;${&quot; is not closed by &apos;}&apos;.</source>
        <translation>&quot;payload&quot;&#xa0;: un &quot;${&quot; n&apos;est pas fermé par &apos;}&apos;.</translation>
    </message>
    <message>
        <source>&quot;payload&quot;: ${%1} names no declared parameter.</source>
        <translation>&quot;payload&quot;&#xa0;: ${%1} ne désigne aucun paramètre déclaré.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;: &quot;%1&quot; is not used in &quot;payload&quot;.</source>
        <translation>&quot;parameters&quot;&#xa0;: &quot;%1&quot; n&apos;est pas utilisé dans &quot;payload&quot;.</translation>
    </message>
    <message>
        <source>must be an object of reported keys, such as {&quot;led&quot;: &quot;${color}&quot;}.</source>
        <translation>doit être un objet de clés de l&apos;état signalé, par exemple {&quot;led&quot;: &quot;${color}&quot;}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reported key: use dot-separated names, none empty.</source>
        <translation>&quot;%1&quot; n&apos;est pas une clé de l&apos;état signalé&#xa0;: utilisez des noms séparés par des points, aucun vide.</translation>
    </message>
    <message>
        <source>&quot;sets&quot;: a &quot;${&quot; is not closed by &apos;}&apos;.</source>
        <translation>&quot;sets&quot;&#xa0;: un &quot;${&quot; n&apos;est pas fermé par &apos;}&apos;.</translation>
    </message>
    <message>
        <source>&quot;sets&quot;: ${%1} names no declared parameter.</source>
        <translation>&quot;sets&quot;&#xa0;: ${%1} ne désigne aucun paramètre déclaré.</translation>
    </message>
    <message>
        <source>must not name {tid}: group replies carry their tid in the payload.</source>
        <translation>ne doit pas nommer {tid}&#xa0;: les réponses de groupe portent leur tid dans la charge utile.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandTimelineModel</name>
    <message>
        <source>Created</source>
        <comment>command timeline column</comment>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Device</source>
        <comment>command timeline column</comment>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Command</source>
        <comment>command timeline column</comment>
        <translation>Commande</translation>
    </message>
    <message>
        <source>State</source>
        <comment>command timeline column</comment>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <comment>command timeline column</comment>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Duration</source>
        <comment>command timeline column</comment>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>command timeline column</comment>
        <translation>Motif</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>duration</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <comment>a selection&apos;s row in the command timeline</comment>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>group %1</source>
        <comment>a group request&apos;s row in the command timeline</comment>
        <translation>groupe %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <comment>a broadcast&apos;s state: its state, parts with a verdict, devices</comment>
        <translation>%1&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a count of a broadcast&apos;s parts in one state</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>no reply from %n device(s)</source>
        <translation>
            <numerusform>aucune réponse de %n appareil</numerusform>
            <numerusform>aucune réponse de %n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) yet to reply</source>
        <translation>
            <numerusform>%n appareil doit encore répondre</numerusform>
            <numerusform>%n appareils doivent encore répondre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::CommandTimelineView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>RUNNING</translation>
    </message>
    <message>
        <source>SUCCESS</source>
        <translation>SUCCESS</translation>
    </message>
    <message>
        <source>FAILURE</source>
        <translation>FAILURE</translation>
    </message>
    <message>
        <source>Cancel command</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussies</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <source>device id</source>
        <translation>identifiant d&apos;appareil</translation>
    </message>
    <message>
        <source>Select a command to see what happened to it.</source>
        <translation>Sélectionnez une commande pour voir ce qu&apos;il en est advenu.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>L&apos;historique n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>All commands</source>
        <translation>Toutes les commandes</translation>
    </message>
    <message>
        <source>Free-form payloads</source>
        <translation>Charges utiles libres</translation>
    </message>
    <message>
        <source>This command already has its verdict.</source>
        <translation>Cette commande a déjà son verdict.</translation>
    </message>
    <message>
        <source>Send the same command with the same parameters again, as a new command.</source>
        <translation>Renvoyer la même commande avec les mêmes paramètres, comme une nouvelle commande.</translation>
    </message>
    <message>
        <source>Only a command that failed, timed out, was unreachable, rejected or cancelled can be retried.</source>
        <translation>Seule une commande à l&apos;état Échouée, Délai dépassé, Injoignable, Rejetée ou Annulée peut être relancée.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Heartbeats</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>En cours depuis</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Charge utile</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transitions</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texte brut</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>en double</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tardive</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>hors séquence</translation>
    </message>
    <message numerus="yes">
        <source>%n more reply(ies) not kept.</source>
        <translation>
            <numerusform>%n autre réponse non conservée.</numerusform>
            <numerusform>%n autres réponses non conservées.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 duplicate, %2 late, %3 out of order.</source>
        <translation>%1 en double, %2 tardives, %3 hors séquence.</translation>
    </message>
    <message>
        <source>%1 could not be cancelled: it already has its verdict.</source>
        <translation>La commande %1 n&apos;a pas pu être annulée&#xa0;: elle a déjà son verdict.</translation>
    </message>
    <message>
        <source>%1 cancelled. The device is not told; a later reply is recorded as late.</source>
        <translation>Commande %1 annulée. L&apos;appareil n&apos;en est pas informé&#xa0;; une réponse ultérieure est enregistrée comme tardive.</translation>
    </message>
    <message>
        <source>%1 was not retried: %2</source>
        <translation>La commande %1 n&apos;a pas été relancée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 retried as %2.</source>
        <translation>Commande %1 relancée en tant que %2.</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>illisible</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: %1</source>
        <translation>
            <numerusform>%n réponse n&apos;a pas pu être lue&#xa0;: %1</numerusform>
            <numerusform>%n réponses n&apos;ont pas pu être lues&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>%1 of %2 devices have a verdict, %3 succeeded</source>
        <translation>%1 appareils sur %2 ont un verdict, %3 réussis</translation>
    </message>
    <message>
        <source>Expand the row to see each device&apos;s part; select one to see what happened to it.</source>
        <translation>Dépliez la ligne pour voir la partie de chaque appareil&#xa0;; sélectionnez-en une pour voir ce qu&apos;il en est advenu.</translation>
    </message>
    <message>
        <source>Select one device&apos;s part to cancel it.</source>
        <translation>Sélectionnez la partie d&apos;un appareil pour l&apos;annuler.</translation>
    </message>
    <message numerus="yes">
        <source>Send the command again to the %n device(s) whose part failed, as new commands.</source>
        <translation>
            <numerusform>Renvoyer la commande à l&apos;appareil dont la partie a échoué, comme une nouvelle commande.</numerusform>
            <numerusform>Renvoyer la commande aux %n appareils dont la partie a échoué, comme de nouvelles commandes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No part of this broadcast failed.</source>
        <translation>Aucune partie de cette diffusion n&apos;a échoué.</translation>
    </message>
    <message>
        <source>%1 of %2 failed part(s) retried.</source>
        <translation>Parties échouées relancées&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Retry of</source>
        <translation>Relance de</translation>
    </message>
    <message>
        <source>Retried as</source>
        <translation>Relancée en tant que</translation>
    </message>
</context>
<context>
    <name>fleet::CommandTracker</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; uses the %2 dialect, which the command tracker does not speak.</source>
        <translation>La commande &quot;%1&quot; utilise le dialecte %2, que le suivi des commandes ne parle pas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;appareil valide.</translation>
    </message>
    <message>
        <source>No devices are selected.</source>
        <translation>Aucun appareil n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; cannot be sent to a group.</source>
        <translation>La commande &quot;%1&quot; ne peut pas être envoyée à un groupe.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid group id.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant de groupe valide.</translation>
    </message>
    <message>
        <source>device offline</source>
        <translation>appareil hors ligne</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is no longer in the catalog.</source>
        <translation>La commande &quot;%1&quot; n&apos;est plus dans le catalogue.</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <comment>command retry</comment>
        <translation>tentative %1 sur %2</translation>
    </message>
    <message>
        <source>rejected by an operator</source>
        <translation>rejetée par un opérateur</translation>
    </message>
    <message>
        <source>cancelled by an operator</source>
        <translation>annulée par un opérateur</translation>
    </message>
    <message>
        <source>to group %1</source>
        <translation>au groupe %1</translation>
    </message>
    <message>
        <source>The device reported a failure.</source>
        <translation>L&apos;appareil a signalé un échec.</translation>
    </message>
    <message>
        <source>could not be sent in time</source>
        <translation>n&apos;a pas pu être envoyée à temps</translation>
    </message>
    <message>
        <source>device stayed offline</source>
        <translation>l&apos;appareil est resté hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>no reply after %n attempt(s)</source>
        <translation>
            <numerusform>aucune réponse après %n tentative</numerusform>
            <numerusform>aucune réponse après %n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>no final reply in time</source>
        <translation>aucune réponse finale à temps</translation>
    </message>
    <message>
        <source>heartbeats stopped</source>
        <translation>les heartbeats se sont arrêtés</translation>
    </message>
    <message>
        <source>Command %1 could not be written to the ledger: %2</source>
        <translation>La commande %1 n&apos;a pas pu être écrite dans le registre&#xa0;: %2</translation>
    </message>
    <message>
        <source>The command tracker has no ledger to resume from.</source>
        <translation>Le suivi des commandes n&apos;a aucun registre à partir duquel reprendre.</translation>
    </message>
    <message>
        <source>A free-form payload, sent as typed</source>
        <translation>Une charge utile libre, envoyée telle que saisie</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>The free-form payload is empty.</source>
        <translation>La charge utile libre est vide.</translation>
    </message>
    <message>
        <source>The free-form payload of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>La charge utile libre de %1 octets dépasse la limite de %2 octets.</translation>
    </message>
    <message>
        <source>A free-form payload must be UTF-8 text.</source>
        <translation>Une charge utile libre doit être du texte UTF-8.</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s)</source>
        <translation>
            <numerusform>%1 à %n appareil</numerusform>
            <numerusform>%1 à %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to group %2</source>
        <translation>%1 au groupe %2</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) could not be written to the ledger: %1</source>
        <translation>
            <numerusform>%n commande n&apos;a pas pu être écrite dans le registre&#xa0;: %1</numerusform>
            <numerusform>%n commandes n&apos;ont pas pu être écrites dans le registre&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: %1</source>
        <translation>
            <numerusform>%n réponse n&apos;a pas pu être lue&#xa0;: %1</numerusform>
            <numerusform>%n réponses n&apos;ont pas pu être lues&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>refused by the command gate: %1</source>
        <translation>refusée par la passerelle de commandes&#xa0;: %1</translation>
    </message>
    <message>
        <source>could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>n&apos;a pas pu être écrite dans le registre, elle n&apos;a donc pas été envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <source>no reply seen: it may have been sent before the console stopped, and a free-form payload is not sent again; check the device</source>
        <translation>aucune réponse reçue&#xa0;: elle a pu être envoyée avant l&apos;arrêt de la console, et une charge utile libre n&apos;est pas renvoyée&#xa0;; vérifiez l&apos;appareil</translation>
    </message>
    <message>
        <source>One approval covers at most %1 devices; %2 are selected.</source>
        <translation>Une approbation couvre au plus %1 appareils&#xa0;; %2 sont sélectionnés.</translation>
    </message>
    <message>
        <source>the broadcast could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>la diffusion n&apos;a pas pu être écrite dans le registre, elle n&apos;a donc pas été envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; needs an approval: without fleet-hub&apos;s gate on the broker, send it to the group&apos;s devices as a selection.</source>
        <translation>La commande &quot;%1&quot; nécessite une approbation&#xa0;: sans la passerelle de fleet-hub sur le broker, envoyez-la aux appareils du groupe sous forme de sélection.</translation>
    </message>
    <message>
        <source>The group request could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>La requête au groupe n&apos;a pas pu être écrite dans le registre, elle n&apos;a donc pas été envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <source>waiting for %1 to come online, until %2</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>attend que %1 soit en ligne, jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>waiting for room among the requests in flight</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>attend une place parmi les requêtes en cours</translation>
    </message>
    <message>
        <source>not sent: no connection to the broker; waits until %1, then times out</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>non envoyée&#xa0;: aucune connexion au broker&#xa0;; attend jusqu&apos;à %1, puis expire</translation>
    </message>
    <message>
        <source>There is no command %1 to retry.</source>
        <translation>Aucune commande %1 à relancer.</translation>
    </message>
    <message>
        <source>Command %1 went to %2, not to %3: a retry goes to the same device.</source>
        <translation>La commande %1 a été envoyée à %2, et non à %3&#xa0;: une relance va au même appareil.</translation>
    </message>
    <message>
        <source>%1 to %2, a retry of %3</source>
        <translation>%1 à %2, relance de %3</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an AWS IoT command: it is started through fleet-hub under your MQTT username, and the connection has none.</source>
        <translation>La commande &quot;%1&quot; est une commande AWS IoT&#xa0;: elle est lancée via fleet-hub sous votre nom d&apos;utilisateur MQTT, et la connexion n&apos;en a pas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom d&apos;objet valide.</translation>
    </message>
    <message>
        <source>fleet-hub refused it: %1: %2</source>
        <translation>fleet-hub l&apos;a refusée&#xa0;: %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>AWS IoT command execution %1: CREATED</source>
        <translation>Exécution de commande AWS IoT %1&#xa0;: CREATED</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>fleet-hub timed it out: %1</source>
        <translation>fleet-hub l&apos;a expirée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 cannot take it: %2</source>
        <translation>%1 ne peut pas la recevoir&#xa0;: %2</translation>
    </message>
    <message>
        <source>Group %1 cannot take it: %2</source>
        <translation>Le groupe %1 ne peut pas la recevoir&#xa0;: %2</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La requête dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The text request is empty.</source>
        <translation>La requête texte est vide.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an AWS IoT command: it is started for one thing at a time, so send it to the group&apos;s devices as a selection.</source>
        <translation>La commande &quot;%1&quot; est une commande AWS IoT&#xa0;: elle est lancée pour un objet à la fois, envoyez-la donc aux appareils du groupe sous forme de sélection.</translation>
    </message>
    <message>
        <source>The text request is empty or larger than %1 bytes.</source>
        <translation>La requête texte est vide ou dépasse %1 octets.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is a sensitive AWS IoT command: it needs fleet-hub&apos;s command gate, which holds it for an approval, and there is none on this broker.</source>
        <translation>La commande &quot;%1&quot; est une commande AWS IoT sensible&#xa0;: elle exige la passerelle de commandes de fleet-hub, qui la retient jusqu&apos;à une approbation, et ce broker n&apos;en a pas.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is a sensitive AWS IoT command: each approval covers one thing, so send it to one at a time.</source>
        <translation>La commande &quot;%1&quot; est une commande AWS IoT sensible&#xa0;: chaque approbation couvre un seul objet, envoyez-la donc à un objet à la fois.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is sensitive: as an Azure direct method it needs fleet-hub&apos;s command gate, which holds it for an approval, and there is none on this broker.</source>
        <translation>La commande &quot;%1&quot; est sensible&#xa0;: en tant que méthode directe Azure, elle exige la passerelle de commandes de fleet-hub, qui la retient jusqu&apos;à une approbation, et ce broker n&apos;en a pas.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an Azure direct method here: it is called through fleet-hub under your MQTT username, and the connection has none.</source>
        <translation>Ici, la commande &quot;%1&quot; est une méthode directe Azure&#xa0;: elle est appelée via fleet-hub sous votre nom d&apos;utilisateur MQTT, et la connexion n&apos;en a pas.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is sensitive and these devices take it as an Azure direct method: each approval covers one device, so send it to one at a time.</source>
        <translation>La commande &quot;%1&quot; est sensible et ces appareils la reçoivent comme méthode directe Azure&#xa0;: chaque approbation couvre un seul appareil, envoyez-la donc à un appareil à la fois.</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>statut %1</translation>
    </message>
    <message>
        <source>status %1: %2</source>
        <translation>statut %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>handed to the command gate</source>
        <translation>remis à la passerelle de commandes</translation>
    </message>
    <message>
        <source>held by the command gate for an approval</source>
        <translation>retenu par la passerelle de commandes en attente d&apos;une approbation</translation>
    </message>
    <message>
        <source>held by the command gate: %1</source>
        <translation>retenu par la passerelle de commandes&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ConflictDialog</name>
    <message>
        <source>The desired state changed meanwhile</source>
        <translation>L&apos;état désiré a changé entre-temps</translation>
    </message>
    <message>
        <source>Someone changed this shadow after you started editing, so your update was refused. The merge below is the current desired state with your change applied on top. Check it, edit it if you need to, and apply it.</source>
        <translation>Quelqu&apos;un a modifié ce shadow après que vous avez commencé à le modifier&#xa0;; votre mise à jour a donc été refusée. La fusion ci-dessous est l&apos;état désiré actuel, avec votre modification appliquée par-dessus. Vérifiez-la, modifiez-la si nécessaire, puis appliquez-la.</translation>
    </message>
    <message>
        <source>Apply merged</source>
        <translation>Appliquer la fusion</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>Current (version %1)</source>
        <translation>Actuel (version %1)</translation>
    </message>
    <message>
        <source>Merged: will be sent</source>
        <translation>Fusionné&#xa0;: sera envoyé</translation>
    </message>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>L&apos;état désiré doit être un objet JSON.</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectionBadge</name>
    <message>
        <source>as %1</source>
        <translation>en tant que %1</translation>
    </message>
    <message>
        <source>A production connection: everything sent from this window asks for a confirmation first.</source>
        <translation>Une connexion de production&#xa0;: tout envoi depuis cette fenêtre demande d&apos;abord une confirmation.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Préproduction</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Développement</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>connection (environment)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectionsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Accept any server certificate (insecure)</source>
        <translation>Accepter n&apos;importe quel certificat serveur (non sécurisé)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Use This Connection</source>
        <translation>&amp;Utiliser cette connexion</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>mqtt://host[:port] for plain MQTT, mqtts://host[:port] for MQTT over TLS</source>
        <translation>mqtt://hôte[:port] pour MQTT en clair, mqtts://hôte[:port] pour MQTT sur TLS</translation>
    </message>
    <message>
        <source>Generated when empty</source>
        <translation>Généré s&apos;il est vide</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Warning: the broker&apos;s certificate and host name are not checked. Anyone between you and the broker can pose as it, read the traffic and take the password. Use it only with a lab broker.</source>
        <translation>Attention&#xa0;: le certificat et le nom d&apos;hôte du broker ne sont pas vérifiés. N&apos;importe qui entre vous et le broker peut se faire passer pour lui, lire le trafic et récupérer le mot de passe. À n&apos;utiliser qu&apos;avec un broker de test.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Broker &amp;URL:</source>
        <translation>UR&amp;L du broker&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Identifiant client&#xa0;:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>MQTT &amp;version:</source>
        <translation>&amp;Version MQTT&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>&amp;Keepalive&#xa0;:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat de l&apos;AC&#xa0;:</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat de l&apos;AC</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client&#xa0;:</translation>
    </message>
    <message>
        <source>Client Certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client&#xa0;:</translation>
    </message>
    <message>
        <source>Client Private Key</source>
        <translation>Clé privée du client</translation>
    </message>
    <message>
        <source>No answer from the broker within %1 seconds.</source>
        <translation>Pas de réponse du broker en %1 secondes.</translation>
    </message>
    <message>
        <source>The console connects with this profile</source>
        <translation>La console se connecte avec ce profil</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>Nouvelle connexion %1</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is saved in the system keychain.</source>
        <translation>Le mot de passe de &quot;%1&quot; est enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Connected to %1:%2 with %3.</source>
        <translation>Connecté à %1:%2 avec %3.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Échec de la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Rename Connection</source>
        <translation>Renommer la connexion</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; and its password in the keychain?</source>
        <translation>Supprimer la connexion &quot;%1&quot; et son mot de passe du trousseau&#xa0;?</translation>
    </message>
    <message>
        <source>Open in &amp;New Window</source>
        <translation>Ouvrir dans une &amp;nouvelle fenêtre</translation>
    </message>
    <message>
        <source>Keep this window&apos;s connection and open this one beside it</source>
        <translation>Garde la connexion de cette fenêtre et ouvre celle-ci à côté</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Non marquée</translation>
    </message>
    <message>
        <source>Production: confirm everything sent</source>
        <translation>Production&#xa0;: confirmer chaque envoi</translation>
    </message>
    <message>
        <source>Shown in the window&apos;s title and in a coloured band above its tabs</source>
        <translation>Affiché dans le titre de la fenêtre et dans un bandeau coloré au-dessus de ses onglets</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement&#xa0;:</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectivityTimeline</name>
    <message>
        <source>Unknown: the console has not learned this device&apos;s connectivity</source>
        <translation>Inconnu&#xa0;: la console ne connaît pas encore la connectivité de cet appareil</translation>
    </message>
    <message>
        <source>Unknown until %1: the console had not learned this device&apos;s connectivity, or the change is older than those it keeps</source>
        <translation>Inconnu jusqu&apos;à %1&#xa0;: la console ne connaissait pas la connectivité de cet appareil, ou le changement est plus ancien que ceux qu&apos;elle garde</translation>
    </message>
    <message>
        <source>%1 since %2 (%3 so far)</source>
        <comment>connectivity timeline, e.g. Online since 10:02:03 (3 min 7 s so far)</comment>
        <translation>%1 depuis %2 (%3 jusqu&apos;ici)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3 (%4)</source>
        <comment>connectivity timeline, e.g. Offline from 10:05:10 to 10:07:00 (1 min 50 s)</comment>
        <translation>%1 de %2 à %3 (%4)</translation>
    </message>
    <message>
        <source>Already so when the console connected: it may have begun earlier.</source>
        <translation>Déjà ainsi quand la console s&apos;est connectée&#xa0;: cela a pu commencer plus tôt.</translation>
    </message>
    <message>
        <source>Learned from a message of the device, not from its presence topic.</source>
        <translation>Déduit d&apos;un message de l&apos;appareil, pas de son topic de présence.</translation>
    </message>
    <message>
        <source>now</source>
        <comment>the right end of the connectivity timeline</comment>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectivityView</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>How far back the strip reaches</source>
        <translation>Jusqu&apos;où remonte la frise</translation>
    </message>
    <message>
        <source>Nothing is known of this device&apos;s connectivity yet.</source>
        <translation>On ne sait encore rien de la connectivité de cet appareil.</translation>
    </message>
    <message>
        <source>No change seen since %1.</source>
        <translation>Aucun changement vu depuis %1.</translation>
    </message>
    <message>
        <source>1 change seen since %1.</source>
        <translation>1 changement vu depuis %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes seen since %1.</source>
        <comment>connectivity history (never 1)</comment>
        <translation>
            <numerusform>%n changement vu depuis %1.</numerusform>
            <numerusform>%n changements vus depuis %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::DatabaseLocation</name>
    <message>
        <source>The database is empty: give a file path or a postgresql:// URL.</source>
        <translation>La base de données est vide&#xa0;: indiquez un chemin de fichier ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database this program can use: give a file path or a postgresql:// URL.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une base de données utilisable par ce programme&#xa0;: indiquez un chemin de fichier ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid PostgreSQL URL: %2</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL PostgreSQL valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database URL holds a password, which every local user could read on the command line. Give it in FLEET_DB_PASSWORD, the systemd credential &quot;db-password&quot;, or PostgreSQL&apos;s own ~/.pgpass.</source>
        <translation>L&apos;URL de la base de données contient un mot de passe, que tout utilisateur local pourrait lire sur la ligne de commande. Donnez-le dans FLEET_DB_PASSWORD, dans l&apos;identifiant systemd «&#xa0;db-password&#xa0;» ou dans le ~/.pgpass de PostgreSQL.</translation>
    </message>
    <message>
        <source>The database URL &quot;%1&quot; names no database: postgresql://[USER@]HOST[:PORT]/DATABASE.</source>
        <translation>L&apos;URL de base de données «&#xa0;%1&#xa0;» ne nomme aucune base&#xa0;: postgresql://[UTILISATEUR@]HÔTE[:PORT]/BASE.</translation>
    </message>
    <message>
        <source>The database URL&apos;s option &quot;%1&quot; is not supported here; supported: %2.</source>
        <translation>L&apos;option «&#xa0;%1&#xa0;» de l&apos;URL de la base de données n&apos;est pas prise en charge ici&#xa0;; options prises en charge&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The database URL&apos;s option &quot;%1&quot; has a value with a space or &apos;;&apos;.</source>
        <translation>L&apos;option «&#xa0;%1&#xa0;» de l&apos;URL de la base de données a une valeur contenant une espace ou un «&#xa0;;&#xa0;».</translation>
    </message>
</context>
<context>
    <name>fleet::DesiredBatchDialog</name>
    <message>
        <source>Accepted (version %1)</source>
        <translation>Accepté (version %1)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Held for approval</source>
        <translation>Retenu pour approbation</translation>
    </message>
    <message>
        <source>Changed since: left as it is</source>
        <translation>Modifié depuis&#xa0;: laissé tel quel</translation>
    </message>
    <message>
        <source>Refused: error %1: %2</source>
        <translation>Refusé&#xa0;: erreur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Set desired state</source>
        <translation>Définir l&apos;état désiré</translation>
    </message>
    <message>
        <source>A JSON object, e.g. {&quot;limit&quot;: 5}; null removes a key</source>
        <translation>Un objet JSON, par exemple {&quot;limit&quot;: 5}&#xa0;; null supprime une clé</translation>
    </message>
    <message>
        <source>%v of %m devices</source>
        <translation>%v appareils sur %m</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Type the keys to set, as a JSON object.</source>
        <translation>Saisissez les clés à définir, sous forme d&apos;objet JSON.</translation>
    </message>
    <message>
        <source>The patch is longer than %1 characters.</source>
        <translation>Le patch dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON invalide&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Desired state of %n selected devices:</source>
        <translation>
            <numerusform>État désiré de %n appareil sélectionné&#xa0;:</numerusform>
            <numerusform>État désiré de %n appareils sélectionnés&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Desired state of the %n devices of group %1:</source>
        <translation>
            <numerusform>État désiré de %n appareil du groupe %1&#xa0;:</numerusform>
            <numerusform>État désiré des %n appareils du groupe %1&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no session.</source>
        <translation>Aucune session.</translation>
    </message>
    <message>
        <source>%1 is sensitive: each device&apos;s change is held for an approver.</source>
        <translation>%1 est sensible&#xa0;: la modification de chaque appareil est retenue pour un approbateur.</translation>
    </message>
    <message>
        <source>Done: every device accepted it.</source>
        <translation>Terminé&#xa0;: tous les appareils l&apos;ont acceptée.</translation>
    </message>
    <message>
        <source>Some changes wait for an approver.</source>
        <translation>Certaines modifications attendent un approbateur.</translation>
    </message>
    <message>
        <source>Rollback entry %1 undoes it on every device.</source>
        <translation>L&apos;entrée d&apos;annulation %1 l&apos;annule sur tous les appareils.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1, Azure IoT Hub devices whose desired properties are in a twin (change them in the device dock).</source>
        <translation>Laissés de côté&#xa0;: %1, appareils Azure IoT Hub dont les propriétés souhaitées sont dans un jumeau (modifiez-les dans le panneau de l&apos;appareil).</translation>
    </message>
</context>
<context>
    <name>fleet::DesiredStateEdit</name>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>L&apos;état désiré doit être un objet JSON.</translation>
    </message>
    <message>
        <source>No change to apply.</source>
        <translation>Aucune modification à appliquer.</translation>
    </message>
    <message>
        <source>The service would refuse this: %1</source>
        <translation>Le service refuserait ceci&#xa0;: %1</translation>
    </message>
    <message>
        <source>Too large: desired and reported would take %1 bytes; a shadow holds at most %2.</source>
        <translation>Trop volumineux&#xa0;: les états désiré et signalé occuperaient %1 octets&#xa0;; un shadow en contient au plus %2.</translation>
    </message>
</context>
<context>
    <name>fleet::DesktopNotifier</name>
    <message>
        <source>%1 (%2)</source>
        <comment>tab text (requests waiting)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n approval request(s) wait for your decision</source>
        <translation>
            <numerusform>%n demande d&apos;approbation attend votre décision</numerusform>
            <numerusform>%n demandes d&apos;approbation attendent votre décision</numerusform>
        </translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>aucun bus de session D-Bus</translation>
    </message>
    <message>
        <source>the notification service does not answer</source>
        <translation>le service de notifications ne répond pas</translation>
    </message>
    <message>
        <source>Open approvals</source>
        <translation>Ouvrir les approbations</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceDetailView</name>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Apply desired</source>
        <translation>Appliquer l&apos;état désiré</translation>
    </message>
    <message>
        <source>The desired state, as a JSON object</source>
        <translation>L&apos;état désiré, sous forme d&apos;objet JSON</translation>
    </message>
    <message>
        <source>Put the shadow&apos;s current desired state back into the editor</source>
        <translation>Remettre dans l&apos;éditeur l&apos;état désiré actuel du shadow</translation>
    </message>
    <message>
        <source>Send the changes to the device&apos;s desired state (Ctrl+Return)</source>
        <translation>Envoyer les modifications vers l&apos;état désiré de l&apos;appareil (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>État désiré</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Shadow</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Télémétrie</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a shadow&apos;s thing name.</source>
        <translation>&quot;%1&quot; ne peut pas être le nom d&apos;objet d&apos;un shadow.</translation>
    </message>
    <message>
        <source>The shadow is at version %1 now; your edit started from version %2. Applying will show both, so that you can merge them.</source>
        <translation>Le shadow est maintenant à la version %1&#xa0;; votre modification est partie de la version %2. L&apos;application affichera les deux, pour que vous puissiez les fusionner.</translation>
    </message>
    <message>
        <source>The shadow was deleted.</source>
        <translation>Le shadow a été supprimé.</translation>
    </message>
    <message>
        <source>Loading the shadow…</source>
        <translation>Chargement du shadow…</translation>
    </message>
    <message>
        <source>The shadow has not been loaded yet.</source>
        <translation>Le shadow n&apos;a pas encore été chargé.</translation>
    </message>
    <message>
        <source>An update is already under way.</source>
        <translation>Une mise à jour est déjà en cours.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Applying against version %1…</source>
        <translation>Application sur la version %1…</translation>
    </message>
    <message>
        <source>Version conflict: someone changed the shadow meanwhile. Loading the current version…</source>
        <translation>Conflit de versions&#xa0;: quelqu&apos;un a modifié le shadow entre-temps. Chargement de la version actuelle…</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Refusé (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Version conflict, and the current version could not be loaded (%1): %2</source>
        <translation>Conflit de versions, et la version actuelle n&apos;a pas pu être chargée (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not applied: the version conflict was left unresolved. Your edit is still in the editor.</source>
        <translation>Non appliqué&#xa0;: le conflit de versions n&apos;a pas été résolu. Votre modification est toujours dans l&apos;éditeur.</translation>
    </message>
    <message>
        <source>Version conflict: compare your edit with version %1 and apply a merge.</source>
        <translation>Conflit de versions&#xa0;: comparez votre modification avec la version %1 et appliquez une fusion.</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>Aucun appareil sélectionné</translation>
    </message>
    <message>
        <source>Not seen on the broker yet</source>
        <translation>Pas encore vu sur le broker</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Aucun groupe</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Groupes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shadow loading…</source>
        <translation>Chargement du shadow…</translation>
    </message>
    <message>
        <source>No shadow yet</source>
        <translation>Pas encore de shadow</translation>
    </message>
    <message>
        <source>Shadow deleted at version %1</source>
        <translation>Shadow supprimé à la version %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <comment>device header, e.g. Last seen: 5 min ago</comment>
        <translation>Vu pour la dernière fois&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shadow version %1: %2</source>
        <comment>device header, e.g. Shadow version 7: In sync</comment>
        <translation>Shadow à la version %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The shadow is at version %1 now.</source>
        <translation>Le shadow est maintenant à la version %1.</translation>
    </message>
    <message>
        <source>Applied at version %1 (rollback entry %2).</source>
        <translation>Appliqué à la version %1 (entrée d&apos;annulation %2).</translation>
    </message>
    <message>
        <source>Applied at version %1, but the rollback history could not be saved: %2</source>
        <translation>Appliqué à la version %1, mais l&apos;historique d&apos;annulation n&apos;a pas pu être enregistré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>The twin could not be read (%1): %2</source>
        <translation>Le jumeau n&apos;a pas pu être lu (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Version conflict: the desired properties changed meanwhile; the twin is loaded again and your text kept. Apply again to replace them.</source>
        <translation>Conflit de versions&#xa0;: les propriétés souhaitées ont changé entre-temps&#xa0;; le jumeau a été rechargé et votre texte conservé. Appliquez à nouveau pour les remplacer.</translation>
    </message>
    <message>
        <source>Applied: desired properties at $version %1.</source>
        <translation>Appliqué&#xa0;: propriétés souhaitées à la $version %1.</translation>
    </message>
    <message>
        <source>Held for an approval: %1</source>
        <translation>En attente d&apos;approbation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Approved (%1); applying…</source>
        <translation>Approuvé (%1)&#xa0;; application en cours…</translation>
    </message>
    <message>
        <source>Refused by the gate (%1): %2</source>
        <translation>Refusé par la passerelle (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Twin</source>
        <translation>Jumeau</translation>
    </message>
    <message>
        <source>Twin loading…</source>
        <translation>Chargement du jumeau…</translation>
    </message>
    <message>
        <source>Twin: desired $version %1, reported $version %2: %3</source>
        <comment>device header, e.g. Twin: desired $version 4, reported $version 9: In sync</comment>
        <translation>Jumeau&#xa0;: $version souhaitée %1, $version signalée %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The twin could not be read: %1</source>
        <translation>Le jumeau n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The desired properties are at $version %1 now; your edit started from $version %2.</source>
        <translation>Les propriétés souhaitées sont maintenant à la $version %1&#xa0;; votre modification est partie de la $version %2.</translation>
    </message>
    <message>
        <source>Loading the twin…</source>
        <translation>Chargement du jumeau…</translation>
    </message>
    <message>
        <source>The desired properties must be a JSON object.</source>
        <translation>Les propriétés souhaitées doivent être un objet JSON.</translation>
    </message>
    <message>
        <source>No changes to apply.</source>
        <translation>Aucune modification à appliquer.</translation>
    </message>
    <message>
        <source>Applying against $version %1…</source>
        <translation>Application sur la $version %1…</translation>
    </message>
    <message>
        <source>Send message…</source>
        <translation>Envoyer un message…</translation>
    </message>
    <message>
        <source>Send the device a cloud-to-device message with properties</source>
        <translation>Envoyer à l&apos;appareil un message cloud-vers-appareil avec des propriétés</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>Open named shadow…</source>
        <translation>Ouvrir un shadow nommé…</translation>
    </message>
    <message>
        <source>The classic shadow, or a named shadow this console has seen for the device</source>
        <translation>Le shadow classique, ou un shadow nommé que cette console a vu pour l&apos;appareil</translation>
    </message>
    <message>
        <source>Open a named shadow of the device by its name</source>
        <translation>Ouvrir un shadow nommé de l&apos;appareil par son nom</translation>
    </message>
    <message>
        <source>Shadow:</source>
        <comment>which of a device&apos;s shadows is shown</comment>
        <translation>Shadow&#xa0;:</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <source>Select a device that has a shadow first.</source>
        <translation>Sélectionnez d&apos;abord un appareil qui a un shadow.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a shadow name: use 1 to 64 letters, digits and : _ - $, without spaces, / or wildcards.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être un nom de shadow&#xa0;: utilisez de 1 à 64 lettres, chiffres et : _ - $, sans espaces, / ni jokers.</translation>
    </message>
    <message>
        <source>Open named shadow</source>
        <translation>Ouvrir un shadow nommé</translation>
    </message>
    <message>
        <source>Shadow name (1 to 64 letters, digits and : _ - $):</source>
        <translation>Nom du shadow (de 1 à 64 lettres, chiffres et : _ - $)&#xa0;:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Classic</source>
        <comment>the classic (unnamed) shadow of a device</comment>
        <translation>Classique</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; loading…</source>
        <translation>Chargement du shadow «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>No shadow &quot;%1&quot; yet</source>
        <translation>Pas encore de shadow «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; deleted at version %2</source>
        <translation>Shadow «&#xa0;%1&#xa0;» supprimé à la version %2</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; version %2: %3</source>
        <comment>device header, e.g. Shadow &quot;config&quot; version 7: In sync</comment>
        <translation>Shadow «&#xa0;%1&#xa0;» version %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>a change of %1&apos;s desired properties</source>
        <translation>une modification des propriétés souhaitées de %1</translation>
    </message>
    <message>
        <source>Speaks: %1</source>
        <comment>device header: its command dialects</comment>
        <translation>Parle&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceProfile</name>
    <message>
        <source>&quot;%1&quot; is not an AWS IoT command, and these devices take nothing else.</source>
        <translation>&quot;%1&quot; n&apos;est pas une commande AWS IoT, et ces appareils n&apos;acceptent rien d&apos;autre.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an AWS IoT command, and these devices speak %2.</source>
        <translation>&quot;%1&quot; est une commande AWS IoT, et ces appareils parlent %2.</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;pattern&quot;: &quot;sample-*&quot;, &quot;dialect&quot;: &quot;atlas-text&quot;}.</source>
        <translation>doit être un objet tel que {&quot;pattern&quot;: &quot;sample-*&quot;, &quot;dialect&quot;: &quot;atlas-text&quot;}.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>doit être une chaîne.</translation>
    </message>
    <message>
        <source>must be 1 to %1 characters, with no &apos;/&apos;, &apos;+&apos;, &apos;#&apos; or NUL.</source>
        <translation>doit compter de 1 à %1 caractères, sans &apos;/&apos;, &apos;+&apos;, &apos;#&apos; ni NUL.</translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation>doit valoir l&apos;une des valeurs %1.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;.</source>
        <translation>Clé inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>needs exactly one of &quot;device&quot;, &quot;group&quot; or &quot;pattern&quot;.</source>
        <translation>exige exactement une clé parmi &quot;device&quot;, &quot;group&quot; et &quot;pattern&quot;.</translation>
    </message>
    <message>
        <source>&quot;dialect&quot; is missing.</source>
        <translation>&quot;dialect&quot; est absent.</translation>
    </message>
    <message>
        <source>an aws-commands profile takes no topics: AWS IoT commands have their own.</source>
        <translation>un profil aws-commands ne prend pas de topics&#xa0;: les commandes AWS IoT ont les leurs.</translation>
    </message>
    <message>
        <source>an aws-commands profile matches a device or a pattern, not a group: fleet-hub starts these commands and does not know groups.</source>
        <translation>un profil aws-commands désigne un appareil ou un motif, pas un groupe&#xa0;: fleet-hub lance ces commandes et ne connaît pas les groupes.</translation>
    </message>
    <message>
        <source>must not name {tid}.</source>
        <translation>ne doit pas nommer {tid}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command these devices can take as a direct method.</source>
        <translation>&quot;%1&quot; n&apos;est pas une commande que ces appareils peuvent recevoir comme méthode directe.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an Azure direct method, and these devices speak %2.</source>
        <translation>&quot;%1&quot; est une méthode directe Azure, et ces appareils parlent %2.</translation>
    </message>
    <message>
        <source>an azure-methods profile matches a device or a pattern and takes no topics: fleet-hub calls the methods on IoT Hub&apos;s own topics and does not know groups.</source>
        <translation>un profil azure-methods désigne un appareil ou un motif et ne prend pas de topics&#xa0;: fleet-hub appelle les méthodes sur les topics propres à IoT Hub et ne connaît pas les groupes.</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceTableModel</name>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Shadow</translation>
    </message>
    <message>
        <source>Pending commands</source>
        <translation>Commandes en attente</translation>
    </message>
    <message>
        <source>Dialect</source>
        <comment>how commands reach a device</comment>
        <translation>Dialecte</translation>
    </message>
    <message>
        <source>%1: started through fleet-hub, requests on %2</source>
        <translation>%1&#xa0;: lancées via fleet-hub, requêtes sur %2</translation>
    </message>
    <message>
        <source>%1: requests on %2, replies on %3</source>
        <translation>%1&#xa0;: requêtes sur %2, réponses sur %3</translation>
    </message>
    <message>
        <source>%1: direct methods called through fleet-hub; twin on %2, telemetry on %3</source>
        <translation>%1&#xa0;: méthodes directes appelées via fleet-hub&#xa0;; jumeau sur %2, télémétrie sur %3</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceText</name>
    <message>
        <source>Online</source>
        <comment>device connectivity</comment>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <comment>device connectivity</comment>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>device connectivity</comment>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <comment>device connectivity for a duration, e.g. Online for 5 min</comment>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>Since %1</source>
        <comment>device connectivity since a date and time</comment>
        <translation>Depuis %1</translation>
    </message>
    <message>
        <source>Since unknown</source>
        <comment>device connectivity since a time not known</comment>
        <translation>Depuis un moment inconnu</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>device last seen</comment>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Just now</source>
        <comment>device last seen</comment>
        <translation>À l&apos;instant</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>device last seen, e.g. 5 min ago</comment>
        <translation>Il y a %1</translation>
    </message>
    <message>
        <source>No shadow</source>
        <comment>device shadow state: no shadow document known</comment>
        <translation>Aucun shadow</translation>
    </message>
    <message>
        <source>In sync</source>
        <comment>device shadow state: reported matches desired</comment>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>1 key pending</source>
        <comment>device shadow state: a desired key not yet reported</comment>
        <translation>1 clé en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n keys pending</source>
        <comment>device shadow state: desired keys not yet reported (never 1)</comment>
        <translation>
            <numerusform>%n clé en attente</numerusform>
            <numerusform>%n clés en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration in minutes</comment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>duration in hours</comment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>duration in days</comment>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>Online (last known)</source>
        <comment>device connectivity while the console is disconnected</comment>
        <translation>En ligne (dernier état connu)</translation>
    </message>
    <message>
        <source>Offline (last known)</source>
        <comment>device connectivity while the console is disconnected</comment>
        <translation>Hors ligne (dernier état connu)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>device last seen: seen, but when is not known</comment>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Unknown (offline when the console started)</source>
        <comment>device last seen</comment>
        <translation>Inconnu (hors ligne au démarrage de la console)</translation>
    </message>
    <message>
        <source>Unknown (online when the console started)</source>
        <comment>device last seen</comment>
        <translation>Inconnu (en ligne au démarrage de la console)</translation>
    </message>
    <message>
        <source>Atlas JSON</source>
        <comment>a command dialect</comment>
        <translation>Atlas JSON</translation>
    </message>
    <message>
        <source>Plain text</source>
        <comment>a command dialect: the seed&apos;s sample device</comment>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>AWS IoT commands</source>
        <comment>a command dialect</comment>
        <translation>Commandes AWS IoT</translation>
    </message>
    <message>
        <source>Azure IoT Hub</source>
        <comment>a command dialect: direct methods, twin, cloud-to-device messages</comment>
        <translation>Azure IoT Hub</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration in minutes and seconds</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration in hours and minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>duration in days and hours</comment>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>Already online when the console connected, at %1</source>
        <comment>connectivity history</comment>
        <translation>Déjà en ligne quand la console s&apos;est connectée, à %1</translation>
    </message>
    <message>
        <source>Already offline when the console connected, at %1</source>
        <comment>connectivity history</comment>
        <translation>Déjà hors ligne quand la console s&apos;est connectée, à %1</translation>
    </message>
    <message>
        <source>Online at %1</source>
        <comment>connectivity history</comment>
        <translation>En ligne à %1</translation>
    </message>
    <message>
        <source>Offline at %1</source>
        <comment>connectivity history</comment>
        <translation>Hors ligne à %1</translation>
    </message>
    <message>
        <source>a message from the device</source>
        <comment>connectivity history: why the device counts as online</comment>
        <translation>un message de l&apos;appareil</translation>
    </message>
    <message>
        <source>at least %1 online</source>
        <comment>connectivity history</comment>
        <translation>au moins %1 en ligne</translation>
    </message>
    <message>
        <source>at least %1 offline</source>
        <comment>connectivity history</comment>
        <translation>au moins %1 hors ligne</translation>
    </message>
    <message>
        <source>%1 online</source>
        <comment>connectivity history, e.g. 2 min 41 s online</comment>
        <translation>%1 en ligne</translation>
    </message>
    <message>
        <source>%1 offline</source>
        <comment>connectivity history, e.g. 5 min 3 s offline</comment>
        <translation>%1 hors ligne</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>connectivity history: a change, then what else is known of it</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>; </source>
        <comment>separates details in parentheses</comment>
        <translation>&#xa0;; </translation>
    </message>
</context>
<context>
    <name>fleet::DeviceWorkbench</name>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 n&apos;est pas du JSON&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 must be a JSON object, such as {&quot;firmware&quot;: &quot;1.2&quot;}.</source>
        <translation>%1 doit être un objet JSON, comme {&quot;firmware&quot;: &quot;1.2&quot;}.</translation>
    </message>
    <message>
        <source>The token in the connection string expired at %1: paste a new one, or the device&apos;s key, which the workbench signs with and renews.</source>
        <translation>Le jeton de la chaîne de connexion a expiré à %1&#xa0;: collez-en un nouveau, ou la clé de l&apos;appareil, avec laquelle l&apos;atelier signe et renouvelle.</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1: %2</source>
        <translation>Le broker a refusé l&apos;abonnement à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A message was not delivered: %1</source>
        <translation>Un message n&apos;a pas été remis&#xa0;: %1</translation>
    </message>
    <message>
        <source>The message to %1 was not delivered: %2</source>
        <translation>Le message vers %1 n&apos;a pas été remis&#xa0;: %2</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2</source>
        <translation>Connexion à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>The token could not be renewed: %1</source>
        <translation>Le jeton n&apos;a pas pu être renouvelé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Token renewed, valid until %1</source>
        <translation>Jeton renouvelé, valable jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Token renewed, valid until %1: reconnecting with it</source>
        <translation>Jeton renouvelé, valable jusqu&apos;à %1&#xa0;: reconnexion avec lui</translation>
    </message>
    <message>
        <source>Connected as %1; the broker kept the device&apos;s session</source>
        <translation>Connecté en tant que %1&#xa0;; le broker a gardé la session de l&apos;appareil</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>A message of %1 bytes, over the %2 bytes a device accepts, was not read</source>
        <translation>Un message de %1 octets, au-delà des %2 octets qu&apos;un appareil accepte, n&apos;a pas été lu</translation>
    </message>
    <message>
        <source>Twin (status %1)</source>
        <translation>Jumeau (statut %1)</translation>
    </message>
    <message>
        <source>Twin answer that is not a JSON object (status %1)</source>
        <translation>Réponse de jumeau qui n&apos;est pas un objet JSON (statut %1)</translation>
    </message>
    <message>
        <source>Twin request refused (status %1)</source>
        <translation>Demande de jumeau refusée (statut %1)</translation>
    </message>
    <message>
        <source>Reported properties accepted (status %1, $version %2)</source>
        <translation>Propriétés signalées acceptées (statut %1, $version %2)</translation>
    </message>
    <message>
        <source>Reported properties accepted (status %1)</source>
        <translation>Propriétés signalées acceptées (statut %1)</translation>
    </message>
    <message>
        <source>Reported properties refused (status %1)</source>
        <translation>Propriétés signalées refusées (statut %1)</translation>
    </message>
    <message>
        <source>Twin answer to a request this session did not make (status %1, rid %2)</source>
        <translation>Réponse de jumeau à une demande que cette session n&apos;a pas faite (statut %1, rid %2)</translation>
    </message>
    <message>
        <source>Desired-properties patch that is not a JSON object</source>
        <translation>Correctif de propriétés souhaitées qui n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>Desired properties changed ($version %1)</source>
        <translation>Propriétés souhaitées modifiées ($version %1)</translation>
    </message>
    <message>
        <source>Desired properties changed</source>
        <translation>Propriétés souhaitées modifiées</translation>
    </message>
    <message>
        <source>Method %1 called: answer it under Method calls</source>
        <translation>Méthode %1 appelée&#xa0;: répondez-y sous Appels de méthode</translation>
    </message>
    <message>
        <source>%1 method calls are waiting; the oldest (%2, rid %3) is given up unanswered</source>
        <translation>%1 appels de méthode attendent&#xa0;; le plus ancien (%2, rid %3) est abandonné sans réponse</translation>
    </message>
    <message>
        <source>Cloud-to-device message</source>
        <translation>Message du cloud vers l&apos;appareil</translation>
    </message>
    <message>
        <source>Cloud-to-device message %1</source>
        <translation>Message du cloud vers l&apos;appareil %1</translation>
    </message>
    <message>
        <source>Cloud-to-device message whose properties cannot be read: %1</source>
        <translation>Message du cloud vers l&apos;appareil dont les propriétés sont illisibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Message on a topic IoT Hub does not use for devices</source>
        <translation>Message sur un topic qu&apos;IoT Hub n&apos;utilise pas pour les appareils</translation>
    </message>
    <message>
        <source>Shadow %1 (version %2)</source>
        <translation>Shadow %1 (version %2)</translation>
    </message>
    <message>
        <source>Shadow %1</source>
        <translation>Shadow %1</translation>
    </message>
    <message>
        <source>Command execution %1: reply under Publish</source>
        <translation>Exécution de commande %1&#xa0;: répondez sous Publier</translation>
    </message>
    <message>
        <source>Command %1 requested: reply under Publish</source>
        <translation>Commande %1 demandée&#xa0;: répondez sous Publier</translation>
    </message>
    <message>
        <source>Command requested: reply under Publish</source>
        <translation>Commande demandée&#xa0;: répondez sous Publier</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Not connected: nothing was sent.</source>
        <translation>Non connecté&#xa0;: rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Only an Azure IoT Hub device has a twin.</source>
        <translation>Seul un appareil Azure IoT Hub a un jumeau.</translation>
    </message>
    <message>
        <source>Twin requested (rid %1)</source>
        <translation>Jumeau demandé (rid %1)</translation>
    </message>
    <message>
        <source>Only an Azure IoT Hub device reports twin properties.</source>
        <translation>Seul un appareil Azure IoT Hub signale des propriétés de jumeau.</translation>
    </message>
    <message>
        <source>The reported properties</source>
        <translation>Les propriétés signalées</translation>
    </message>
    <message>
        <source>Reported properties sent (rid %1)</source>
        <translation>Propriétés signalées envoyées (rid %1)</translation>
    </message>
    <message>
        <source>No method call with rid %1 is waiting for an answer.</source>
        <translation>Aucun appel de méthode avec le rid %1 n&apos;attend de réponse.</translation>
    </message>
    <message>
        <source>The status must be a number from 100 to 999, as HTTP&apos;s.</source>
        <translation>Le statut doit être un nombre de 100 à 999, comme ceux de HTTP.</translation>
    </message>
    <message>
        <source>The answer must be JSON, which IoT Hub passes to the caller (leave it empty for null): %1</source>
        <translation>La réponse doit être du JSON, qu&apos;IoT Hub transmet à l&apos;appelant (laissez-la vide pour null)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Method %1 answered with status %2</source>
        <translation>Méthode %1 répondue avec le statut %2</translation>
    </message>
    <message>
        <source>Device-to-cloud messages with properties are Azure IoT Hub&apos;s: use Publish.</source>
        <translation>Les messages de l&apos;appareil vers le cloud avec propriétés sont ceux d&apos;Azure IoT Hub&#xa0;: utilisez Publier.</translation>
    </message>
    <message>
        <source>At most %1 properties.</source>
        <translation>Au plus %1 propriétés.</translation>
    </message>
    <message>
        <source>A property needs a name.</source>
        <translation>Une propriété a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <source>The properties take %1 characters once encoded; at most %2 fit in the topic.</source>
        <translation>Les propriétés occupent %1 caractères une fois encodées&#xa0;; au plus %2 tiennent dans le topic.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; IoT Hub takes at most %2.</source>
        <translation>Le message fait %1 octets&#xa0;; IoT Hub en accepte au plus %2.</translation>
    </message>
    <message numerus="yes">
        <source>Device-to-cloud message sent with %n properties</source>
        <translation>
            <numerusform>Message de l&apos;appareil vers le cloud envoyé avec %n propriété</numerusform>
            <numerusform>Message de l&apos;appareil vers le cloud envoyé avec %n propriétés</numerusform>
        </translation>
    </message>
    <message>
        <source>An Azure IoT Hub device has a twin, not a shadow.</source>
        <translation>Un appareil Azure IoT Hub a un jumeau, pas un shadow.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a shadow name AWS IoT accepts.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de shadow qu&apos;AWS IoT accepte.</translation>
    </message>
    <message>
        <source>Shadow requested</source>
        <translation>Shadow demandé</translation>
    </message>
    <message>
        <source>Shadow %1 requested</source>
        <translation>Shadow %1 demandé</translation>
    </message>
    <message>
        <source>The reported state</source>
        <translation>L&apos;état signalé</translation>
    </message>
    <message>
        <source>Reported state sent</source>
        <translation>État signalé envoyé</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a topic one can publish to (empty, or with &apos;+&apos; or &apos;#&apos;).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un topic où l&apos;on peut publier (vide, ou avec &apos;+&apos; ou &apos;#&apos;).</translation>
    </message>
    <message>
        <source>QoS 0 or 1: devices of IoT Hub and AWS IoT cannot publish at QoS 2.</source>
        <translation>QoS 0 ou 1&#xa0;: les appareils d&apos;IoT Hub et d&apos;AWS IoT ne peuvent pas publier en QoS 2.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; at most %2.</source>
        <translation>Le message fait %1 octets&#xa0;; au plus %2.</translation>
    </message>
    <message>
        <source>Published (QoS %1)</source>
        <translation>Publié (QoS %1)</translation>
    </message>
    <message>
        <source>The twin grew over %1 bytes with the patches since it was read; it is no longer shown: Get Twin reads it again.</source>
        <translation>Le jumeau a dépassé %1 octets avec les correctifs depuis sa lecture&#xa0;; il n&apos;est plus affiché&#xa0;: Obtenir le jumeau le relit.</translation>
    </message>
    <message>
        <source>%1 reported patches got no answer; they are no longer followed.</source>
        <translation>%1 correctifs signalés n&apos;ont pas eu de réponse&#xa0;; ils ne sont plus suivis.</translation>
    </message>
</context>
<context>
    <name>fleet::DevicesView</name>
    <message>
        <source>Filter by id or group</source>
        <translation>Filtrer par identifiant ou groupe</translation>
    </message>
    <message>
        <source>All devices</source>
        <comment>connectivity filter</comment>
        <translation>Tous les appareils</translation>
    </message>
    <message>
        <source>All groups</source>
        <comment>group filter</comment>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <source>1 device</source>
        <translation>1 appareil</translation>
    </message>
    <message>
        <source>%1 devices</source>
        <translation>%1 appareils</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>shown of total devices</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>device list full: 1 message from an unknown device ignored</source>
        <translation>liste des appareils pleine&#xa0;: 1 message d&apos;un appareil inconnu ignoré</translation>
    </message>
    <message>
        <source>device list full: %L1 messages from unknown devices ignored</source>
        <translation>liste des appareils pleine&#xa0;: %L1 messages d&apos;appareils inconnus ignorés</translation>
    </message>
    <message>
        <source>The list takes at most %L1 devices from traffic, so that a flood of made-up ids cannot grow it without limit. Messages from devices not in it are ignored; devices already listed keep updating.</source>
        <translation>La liste accepte au plus %L1 appareils découverts dans le trafic, afin qu&apos;un flot d&apos;identifiants inventés ne puisse pas la faire grossir sans limite. Les messages des appareils qui n&apos;y figurent pas sont ignorés&#xa0;; les appareils déjà listés continuent d&apos;être mis à jour.</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <comment>shadow desired differs from reported</comment>
        <translation>Désynchronisés</translation>
    </message>
    <message>
        <source>Set desired state…</source>
        <translation>Définir l&apos;état désiré…</translation>
    </message>
    <message>
        <source>Only devices whose desired state they have not reported yet</source>
        <translation>Seulement les appareils qui n&apos;ont pas encore signalé leur état désiré</translation>
    </message>
    <message>
        <source>Set the desired state of the selected devices, or of the group shown</source>
        <translation>Définir l&apos;état désiré des appareils sélectionnés, ou du groupe affiché</translation>
    </message>
</context>
<context>
    <name>fleet::FleetRegistry</name>
    <message>
        <source>The topic template &quot;%1&quot; needs exactly one {id} level and no wildcards.</source>
        <translation>Le modèle de topic &quot;%1&quot; doit contenir exactement un niveau {id} et aucun joker.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;appareil valide.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id pattern.</source>
        <translation>&quot;%1&quot; n&apos;est pas un motif d&apos;identifiant valide.</translation>
    </message>
    <message>
        <source>An attribute group needs an attribute name.</source>
        <translation>Un groupe par attribut doit avoir un nom d&apos;attribut.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than %2 MB.</source>
        <translation>&quot;%1&quot; dépasse %2 Mo.</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;importer &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8.</source>
        <translation>Le fichier n&apos;est pas de l&apos;UTF-8 valide.</translation>
    </message>
    <message>
        <source>The file is not a valid JSON array.</source>
        <translation>Le fichier n&apos;est pas un tableau JSON valide.</translation>
    </message>
    <message>
        <source>Entry %1 needs an &quot;id&quot; string.</source>
        <translation>L&apos;entrée %1 doit avoir une chaîne &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Entry %1: &quot;%2&quot; is not a valid device id.</source>
        <translation>Entrée %1&#xa0;: &quot;%2&quot; n&apos;est pas un identifiant d&apos;appareil valide.</translation>
    </message>
    <message>
        <source>Entry %1: &quot;groups&quot; must be an array of names.</source>
        <translation>Entrée %1&#xa0;: &quot;groups&quot; doit être un tableau de noms.</translation>
    </message>
    <message>
        <source>Entry %1: every group needs a non-empty name.</source>
        <translation>Entrée %1&#xa0;: chaque groupe doit avoir un nom non vide.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a valid device id.</source>
        <translation>Ligne %1&#xa0;: &quot;%2&quot; n&apos;est pas un identifiant d&apos;appareil valide.</translation>
    </message>
    <message>
        <source>The file names no devices.</source>
        <translation>Le fichier ne nomme aucun appareil.</translation>
    </message>
</context>
<context>
    <name>fleet::GateAuditQuery</name>
    <message>
        <source>No answer from fleet-hub&apos;s gate within %1 s: is fleet-hub running?</source>
        <translation>Pas de réponse de la passerelle de fleet-hub en %1 s&#xa0;: fleet-hub est-il lancé&#xa0;?</translation>
    </message>
    <message>
        <source>The broker refused the query: %1 (operators, approvers and monitors may read the audit log).</source>
        <translation>Le broker a refusé la requête&#xa0;: %1 (les comptes operator, approver et monitor peuvent lire le journal d&apos;audit).</translation>
    </message>
    <message>
        <source>Reading the audit log needs an MQTT username: the gate answers each account on a topic of its own.</source>
        <translation>La lecture du journal d&apos;audit exige un nom d&apos;utilisateur MQTT&#xa0;: la passerelle répond à chaque compte sur un topic qui lui est propre.</translation>
    </message>
    <message>
        <source>The MQTT username &quot;%1&quot; cannot be a topic level: it must not contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>Le nom d&apos;utilisateur MQTT &quot;%1&quot; ne peut pas être un niveau de topic&#xa0;: il ne doit contenir ni &apos;/&apos;, ni &apos;+&apos;, ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Not connected to a broker.</source>
        <translation>Non connecté à un broker.</translation>
    </message>
    <message>
        <source>No fleet-hub gate on this broker: there is no audit log to read.</source>
        <translation>Pas de passerelle fleet-hub sur ce broker&#xa0;: il n&apos;y a pas de journal d&apos;audit à lire.</translation>
    </message>
    <message>
        <source>The query could not be sent: %1</source>
        <translation>La requête n&apos;a pas pu être envoyée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply cannot be read: %1</source>
        <translation>La réponse de la passerelle est illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>ce n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has an &quot;error&quot; that is not text.</source>
        <translation>La réponse de la passerelle a un &quot;error&quot; qui n&apos;est pas du texte.</translation>
    </message>
    <message>
        <source>The gate refused the query: %1</source>
        <translation>La passerelle a refusé la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has no list of entries.</source>
        <translation>La réponse de la passerelle n&apos;a pas de liste d&apos;entrées.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has %1 entries where at most %2 were asked for.</source>
        <translation>La réponse de la passerelle a %1 entrées alors que %2 au plus étaient demandées.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has a &quot;next&quot; that is not a sequence number.</source>
        <translation>La réponse de la passerelle a un &quot;next&quot; qui n&apos;est pas un numéro de séquence.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has a malformed entry: %1</source>
        <translation>La réponse de la passerelle a une entrée mal formée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply is out of order: entry %1 after %2.</source>
        <translation>La réponse de la passerelle est dans le désordre&#xa0;: l&apos;entrée %1 vient après la %2.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply points back: next %1 after entry %2.</source>
        <translation>La réponse de la passerelle pointe en arrière&#xa0;: next %1 après l&apos;entrée %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>ce n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>&quot;seq&quot; is not a positive integer</source>
        <translation>&quot;seq&quot; n&apos;est pas un entier positif</translation>
    </message>
    <message>
        <source>&quot;time&quot; is not an integer</source>
        <translation>&quot;time&quot; n&apos;est pas un entier</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not text</source>
        <translation>&quot;%1&quot; n&apos;est pas du texte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than %2 characters</source>
        <translation>&quot;%1&quot; dépasse %2 caractères</translation>
    </message>
</context>
<context>
    <name>fleet::GateAuditService</name>
    <message>
        <source>Too many queries: at most %1 a second per account.</source>
        <translation>Trop de requêtes&#xa0;: %1 par seconde et par compte au plus.</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n audit query(ies) of %1: more than %2 in a second.</source>
        <translation>
            <numerusform>%n requête d&apos;audit de %1 abandonnée&#xa0;: plus de %2 en une seconde.</numerusform>
            <numerusform>%n requêtes d&apos;audit de %1 abandonnées&#xa0;: plus de %2 en une seconde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n audit query(ies): %1 were already waiting for an answer.</source>
        <translation>
            <numerusform>%n requête d&apos;audit abandonnée&#xa0;: %1 attendaient déjà une réponse.</numerusform>
            <numerusform>%n requêtes d&apos;audit abandonnées&#xa0;: %1 attendaient déjà une réponse.</numerusform>
        </translation>
    </message>
    <message>
        <source>A query is at most %1 bytes; this one has %2.</source>
        <translation>Une requête fait au plus %1 octets&#xa0;; celle-ci en fait %2.</translation>
    </message>
    <message>
        <source>The query cannot be read: %1</source>
        <translation>La requête est illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>A query is a JSON object: {&quot;query&quot;, &quot;after&quot;, &quot;limit&quot;, &quot;requester&quot;, &quot;actor&quot;, &quot;id&quot;, &quot;since&quot;}.</source>
        <translation>Une requête est un objet JSON&#xa0;: {&quot;query&quot;, &quot;after&quot;, &quot;limit&quot;, &quot;requester&quot;, &quot;actor&quot;, &quot;id&quot;, &quot;since&quot;}.</translation>
    </message>
    <message>
        <source>&quot;query&quot; is the query&apos;s id: text of at most %1 characters.</source>
        <translation>&quot;query&quot; est l&apos;identifiant de la requête&#xa0;: un texte de %1 caractères au plus.</translation>
    </message>
    <message>
        <source>The correlation data is at most %1 bytes; this one has %2.</source>
        <translation>Les données de corrélation font au plus %1 octets&#xa0;; celles-ci en font %2.</translation>
    </message>
    <message>
        <source>&quot;after&quot; is a sequence number: an integer, 0 or more.</source>
        <translation>&quot;after&quot; est un numéro de séquence&#xa0;: un entier supérieur ou égal à 0.</translation>
    </message>
    <message>
        <source>&quot;since&quot; is a time in ms since the epoch: an integer, 0 or more.</source>
        <translation>&quot;since&quot; est un instant en ms depuis l&apos;epoch&#xa0;: un entier supérieur ou égal à 0.</translation>
    </message>
    <message>
        <source>&quot;limit&quot; is how many entries to send: 1 to %1.</source>
        <translation>&quot;limit&quot; est le nombre d&apos;entrées à envoyer&#xa0;: de 1 à %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is text of at most %2 characters.</source>
        <translation>&quot;%1&quot; est un texte de %2 caractères au plus.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;: a query has query, after, limit, requester, actor, id and since.</source>
        <translation>Clé inconnue &quot;%1&quot;&#xa0;: une requête a les clés query, after, limit, requester, actor, id et since.</translation>
    </message>
    <message>
        <source>The gate cannot read its audit log: %1</source>
        <translation>La passerelle ne peut pas lire son journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Dropped an audit reply on &quot;%1&quot;: %2</source>
        <translation>Réponse d&apos;audit sur &quot;%1&quot; abandonnée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::GateBroadcast</name>
    <message>
        <source>The broadcast is not readable: %1</source>
        <translation>La diffusion est illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>A broadcast is {&quot;messages&quot;: [{&quot;topic&quot;, &quot;payload&quot;, &quot;properties&quot;}, …]}.</source>
        <translation>Une diffusion est {&quot;messages&quot;: [{&quot;topic&quot;, &quot;payload&quot;, &quot;properties&quot;}, …]}.</translation>
    </message>
    <message>
        <source>A broadcast has at most %1 targets; this one has %2.</source>
        <translation>Une diffusion a au plus %1 cibles&#xa0;; celle-ci en a %2.</translation>
    </message>
    <message>
        <source>Message %1 of the broadcast: %2</source>
        <translation>Message %1 de la diffusion&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;topic&quot; and &quot;payload&quot; are strings, &quot;properties&quot; an object.</source>
        <translation>&quot;topic&quot; et &quot;payload&quot; sont des chaînes, &quot;properties&quot; un objet.</translation>
    </message>
    <message>
        <source>the topic is empty, longer than %1 bytes or has a wildcard.</source>
        <translation>le topic est vide, dépasse %1 octets ou contient un joker.</translation>
    </message>
    <message>
        <source>the payload is empty or larger than %1 bytes.</source>
        <translation>la charge utile est vide ou dépasse %1 octets.</translation>
    </message>
</context>
<context>
    <name>fleet::GatePolicy</name>
    <message>
        <source>&quot;%1&quot; is not a topic the gate can publish on.</source>
        <translation>&quot;%1&quot; n&apos;est pas un topic sur lequel la passerelle peut publier.</translation>
    </message>
    <message>
        <source>The payload is %1 bytes; the gate takes at most %2.</source>
        <translation>La charge utile fait %1 octets&#xa0;; la passerelle en accepte %2 au plus.</translation>
    </message>
    <message>
        <source>Only shadow requests (get, update, delete) go through the gate, not &quot;%1&quot;.</source>
        <translation>Seules les requêtes de shadow (get, update, delete) passent par la passerelle, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Deleting a shadow drops its desired state: it needs an approval.</source>
        <translation>Supprimer un shadow efface son état désiré&#xa0;: cela nécessite une approbation.</translation>
    </message>
    <message>
        <source>Operators do not write reported state: that is the device&apos;s own account.</source>
        <translation>Les opérateurs n&apos;écrivent pas l&apos;état signalé&#xa0;: cela revient au compte de l&apos;appareil lui-même.</translation>
    </message>
    <message>
        <source>Clearing the whole desired state needs an approval.</source>
        <translation>Effacer tout l&apos;état désiré nécessite une approbation.</translation>
    </message>
    <message numerus="yes">
        <source>The desired %1 is sensitive: it needs an approval.</source>
        <translation>
            <numerusform>La clé désirée %1 est sensible&#xa0;: elle nécessite une approbation.</numerusform>
            <numerusform>Les clés désirées %1 sont sensibles&#xa0;: elles nécessitent une approbation.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the request topic of any command in the gate&apos;s catalog.</source>
        <translation>&quot;%1&quot; n&apos;est le topic de requête d&apos;aucune commande du catalogue de la passerelle.</translation>
    </message>
    <message>
        <source>%1 is sensitive: it needs an approval.</source>
        <translation>%1 est sensible&#xa0;: une approbation est nécessaire.</translation>
    </message>
    <message>
        <source>The gate&apos;s catalog does not allow free-form payloads.</source>
        <translation>Le catalogue de la passerelle n&apos;autorise pas les charges utiles libres.</translation>
    </message>
    <message>
        <source>A free-form payload is not a catalog command: it needs an approval.</source>
        <translation>Une charge utile libre n&apos;est pas une commande du catalogue&#xa0;: elle nécessite une approbation.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS IoT command start topic.</source>
        <translation>&quot;%1&quot; n&apos;est pas un topic de lancement de commande AWS IoT.</translation>
    </message>
    <message>
        <source>An AWS IoT command start is a JSON object with &quot;commandId&quot; and &quot;target&quot;.</source>
        <translation>Le lancement d&apos;une commande AWS IoT est un objet JSON avec &quot;commandId&quot; et &quot;target&quot;.</translation>
    </message>
    <message>
        <source>%1 is not an AWS IoT command.</source>
        <translation>%1 n&apos;est pas une commande AWS IoT.</translation>
    </message>
    <message>
        <source>Only twin requests (get, update) go through the gate, not &quot;%1&quot;.</source>
        <translation>Seules les requêtes de jumeau (get, update) passent par la passerelle, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure direct method topic.</source>
        <translation>&quot;%1&quot; n&apos;est pas un topic de méthode directe Azure.</translation>
    </message>
    <message>
        <source>A direct method call is a JSON object with &quot;deviceId&quot; and &quot;methodName&quot;.</source>
        <translation>Un appel de méthode directe est un objet JSON avec &quot;deviceId&quot; et &quot;methodName&quot;.</translation>
    </message>
    <message>
        <source>A cloud-to-device message is free-form: it needs an approval.</source>
        <translation>Un message cloud-vers-appareil est libre&#xa0;: il doit être approuvé.</translation>
    </message>
    <message>
        <source>The gate&apos;s catalog does not allow free-form messages to devices.</source>
        <translation>Le catalogue de la passerelle n&apos;autorise pas les messages libres vers les appareils.</translation>
    </message>
</context>
<context>
    <name>fleet::GateStore</name>
    <message>
        <source>The gate database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de données de la passerelle a le schéma %1&#xa0;; ce fleet-hub connaît jusqu&apos;au %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the gate&apos;s database: %2</source>
        <translation>Impossible d&apos;utiliser &quot;%1&quot; comme base de données de la passerelle&#xa0;: %2</translation>
    </message>
    <message>
        <source>The gate&apos;s database is not open.</source>
        <translation>La base de données de la passerelle n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Committing to the gate&apos;s database failed: %1</source>
        <translation>Échec de la validation dans la base de données de la passerelle&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::HexBytes</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an odd number of hex digits; each byte takes two.</source>
        <translation>&quot;%1&quot; a un nombre impair de chiffres hexadécimaux&#xa0;; chaque octet en prend deux.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hex digit (0-9, a-f).</source>
        <translation>&apos;%1&apos; n&apos;est pas un chiffre hexadécimal (0-9, a-f).</translation>
    </message>
</context>
<context>
    <name>fleet::ItemViewActions</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation>Copier la cellule</translation>
    </message>
</context>
<context>
    <name>fleet::JsonText</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>fleet::JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Désiré</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
</context>
<context>
    <name>fleet::LastValueModel</name>
    <message>
        <source>yes</source>
        <comment>retained flag</comment>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <comment>retained flag</comment>
        <translation>non</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Dernière valeur</translation>
    </message>
</context>
<context>
    <name>fleet::LocalizedTexts</name>
    <message>
        <source>must be an object of language codes to texts, e.g. {&quot;es&quot;: &quot;…&quot;}.</source>
        <translation>doit être un objet associant des codes de langue à des textes, par ex. {&quot;es&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>at most %1 languages.</source>
        <translation>au plus %1 langues.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language code such as es, fr or pt_BR.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un code de langue comme es, fr ou pt_BR.</translation>
    </message>
    <message>
        <source>the text for %1 must be a non-empty string.</source>
        <translation>le texte pour %1 doit être une chaîne non vide.</translation>
    </message>
    <message>
        <source>the text for %1 is longer than %2 characters.</source>
        <translation>le texte pour %1 dépasse %2 caractères.</translation>
    </message>
</context>
<context>
    <name>fleet::MainWindow</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Fleet Console</source>
        <translation>Fleet Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Fleet Console</source>
        <translation>À &amp;propos de Fleet Console</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>A&amp;ppareils</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>&amp;Commandes</translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>Appro&amp;bations</translation>
    </message>
    <message>
        <source>&amp;Rollback</source>
        <translation>A&amp;nnulation</translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation>&amp;Trafic</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) sent</source>
        <translation>
            <numerusform>%n commande envoyée</numerusform>
            <numerusform>%n commandes envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling back entry %1 (%2)</source>
        <translation>Annulation de l&apos;entrée %1 (%2)</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Appareil %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;New command</source>
        <translation>&amp;Nouvelle commande</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 msg/s</translation>
    </message>
    <message numerus="yes">
        <source>%n pending command(s)</source>
        <translation>
            <numerusform>%n commande en attente</numerusform>
            <numerusform>%n commandes en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) waiting</source>
        <translation>
            <numerusform>%n approbation en attente</numerusform>
            <numerusform>%n approbations en attente</numerusform>
        </translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> en tant que %1</translation>
    </message>
    <message>
        <source>Connected to %1%2</source>
        <translation>Connecté à %1%2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconnexion à %1…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The console will use the new language the next time it starts.</source>
        <translation>La console utilisera la nouvelle langue au prochain démarrage.</translation>
    </message>
    <message>
        <source>Device commands</source>
        <translation>Commandes de l&apos;appareil</translation>
    </message>
    <message>
        <source>Commands of %1</source>
        <translation>Commandes de %1</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <comment>the gate&apos;s audit log</comment>
        <translation>A&amp;udit</translation>
    </message>
    <message>
        <source>Device states are the last known, and commands and desired changes wait for the connection (or fail at their deadline).</source>
        <translation>Les états des appareils sont les derniers connus&#xa0;; les commandes et les changements d&apos;état désiré attendent la connexion (ou échouent à leur échéance).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: reconnecting. %2</source>
        <translation>La connexion à %1 a été perdue&#xa0;: reconnexion. %2</translation>
    </message>
    <message>
        <source>Device states are the last known, and nothing can be sent.</source>
        <translation>Les états des appareils sont les derniers connus, et rien ne peut être envoyé.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>This window has no connection profiles.</source>
        <translation>Cette fenêtre n&apos;a pas de profils de connexion.</translation>
    </message>
    <message>
        <source>&amp;Go to tab</source>
        <translation>&amp;Aller à l&apos;onglet</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>Onglet %1</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Device &amp;workbench…</source>
        <translation>&amp;Atelier d&apos;appareil…</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <comment>the topic tree</comment>
        <translation>Top&amp;ics</translation>
    </message>
    <message>
        <source>Pu&amp;blish</source>
        <translation>Publi&amp;er</translation>
    </message>
    <message>
        <source>%1 — Fleet Console</source>
        <translation>%1 — Fleet Console</translation>
    </message>
    <message>
        <source>Send on production?</source>
        <translation>Envoyer en production&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is a production connection: what is sent reaches real devices.

Send %2?</source>
        <translation>%1 est une connexion de production&#xa0;: ce qui est envoyé atteint de vrais appareils.

Envoyer %2&#xa0;?</translation>
    </message>
    <message>
        <source>Send on production</source>
        <translation>Envoyer en production</translation>
    </message>
    <message>
        <source>Commands are not recorded: %1</source>
        <translation>Les commandes ne sont pas enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open in new &amp;window</source>
        <translation>Ouvrir dans une nouvelle &amp;fenêtre</translation>
    </message>
    <message>
        <source>No saved connections: add one in Connections…</source>
        <translation>Aucune connexion enregistrée&#xa0;: ajoutez-en une dans Connexions…</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>The keychain holds no password for %1.
Password (used for this connection only, not saved):</source>
        <translation>Le trousseau ne contient aucun mot de passe pour %1.
Mot de passe (pour cette connexion seulement, non enregistré)&#xa0;:</translation>
    </message>
    <message>
        <source>%1

Password for %2 (used for this connection only, not saved):</source>
        <translation>%1

Mot de passe pour %2 (pour cette connexion seulement, non enregistré)&#xa0;:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Not connected to %1: no password given.</source>
        <translation>Non connecté à %1&#xa0;: aucun mot de passe saisi.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Approve or reject the sensitive commands waiting for a second person</source>
        <translation>Approuver ou refuser les commandes sensibles qui attendent une deuxième personne</translation>
    </message>
    <message>
        <source>&amp;Pause traffic</source>
        <translation>Mettre en &amp;pause le trafic</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>Reprendre le &amp;trafic</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrer</translation>
    </message>
    <message>
        <source>Filter what the current tab shows (on tabs without a filter, the devices)</source>
        <translation>Filtrer ce que montre l&apos;onglet actuel (sur les onglets sans filtre, les appareils)</translation>
    </message>
    <message>
        <source>Frequent actions</source>
        <translation>Actions fréquentes</translation>
    </message>
</context>
<context>
    <name>fleet::MqttClient</name>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation>Une session persistante exige un identifiant client&#xa0;: le broker retrouve la session grâce à lui.</translation>
    </message>
    <message>
        <source>The client id is not valid UTF-8 of at most 65535 bytes.</source>
        <translation>L&apos;identifiant client n&apos;est pas de l&apos;UTF-8 valide d&apos;au plus 65535 octets.</translation>
    </message>
    <message>
        <source>The Last Will topic &quot;%1&quot; is not a valid topic name.</source>
        <translation>Le topic du Last Will &quot;%1&quot; n&apos;est pas un nom de topic valide.</translation>
    </message>
    <message>
        <source>The Last Will has MQTT 5 properties but the connection uses MQTT 3.1.1.</source>
        <translation>Le Last Will a des propriétés MQTT 5 mais la connexion utilise MQTT 3.1.1.</translation>
    </message>
    <message>
        <source>The MQTT library could not create a client.</source>
        <translation>La bibliothèque MQTT n&apos;a pas pu créer de client.</translation>
    </message>
    <message>
        <source>Cannot read the TLS file &quot;%1&quot;.</source>
        <translation>Impossible de lire le fichier TLS &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The TLS settings were refused: %1</source>
        <translation>Les paramètres TLS ont été refusés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The Last Will&apos;s MQTT 5 properties are invalid.</source>
        <translation>Les propriétés MQTT 5 du Last Will ne sont pas valides.</translation>
    </message>
    <message>
        <source>The Last Will was refused: %1</source>
        <translation>Le Last Will a été refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: a topic name cannot contain the wildcards + or #.</source>
        <translation>Impossible de publier sur &quot;%1&quot;&#xa0;: un nom de topic ne peut pas contenir les jokers + ou #.</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not a valid topic name.</source>
        <translation>Impossible de publier sur &quot;%1&quot;&#xa0;: ce n&apos;est pas un nom de topic valide.</translation>
    </message>
    <message>
        <source>QoS must be 0, 1 or 2, not %1.</source>
        <translation>La QoS doit valoir 0, 1 ou 2, et non %1.</translation>
    </message>
    <message>
        <source>The payload of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>La charge utile de %1 octets dépasse la limite de %2 octets.</translation>
    </message>
    <message>
        <source>MQTT 5 properties cannot be sent on an MQTT 3.1.1 connection.</source>
        <translation>Les propriétés MQTT 5 ne peuvent pas être envoyées sur une connexion MQTT 3.1.1.</translation>
    </message>
    <message>
        <source>The payload is declared UTF-8 text (payload format indicator) but is not valid UTF-8.</source>
        <translation>La charge utile est déclarée comme texte UTF-8 (payload format indicator) mais n&apos;est pas de l&apos;UTF-8 valide.</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not connected.</source>
        <translation>Impossible de publier sur &quot;%1&quot;&#xa0;: non connecté.</translation>
    </message>
    <message>
        <source>%1 messages are awaiting acknowledgement; wait for room.</source>
        <translation>%1 messages attendent un acquittement&#xa0;; attendez qu&apos;il y ait de la place.</translation>
    </message>
    <message>
        <source>The message&apos;s MQTT 5 properties are invalid.</source>
        <translation>Les propriétés MQTT 5 du message ne sont pas valides.</translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts (its Maximum Packet Size).</source>
        <translation>Le message est plus grand que ce qu&apos;accepte le broker (son Maximum Packet Size).</translation>
    </message>
    <message>
        <source>The broker does not support QoS %1.</source>
        <translation>Le broker ne prend pas en charge la QoS %1.</translation>
    </message>
    <message>
        <source>The broker does not support retained messages.</source>
        <translation>Le broker ne prend pas en charge les messages retenus.</translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation>Échec de la publication&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter.</source>
        <translation>&quot;%1&quot; n&apos;est pas un filtre de topics valide.</translation>
    </message>
    <message>
        <source>Subscribing to &quot;%1&quot; failed: %2</source>
        <translation>Échec de l&apos;abonnement à &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>The broker refused message %1: %2</source>
        <translation>Le broker a refusé le message %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the broker refused it (not authorized, or an invalid filter)</source>
        <translation>le broker l&apos;a refusé (non autorisé, ou filtre non valide)</translation>
    </message>
    <message>
        <source>Subscription to &quot;%1&quot; denied: %2</source>
        <translation>Abonnement à &quot;%1&quot; refusé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The broker refused the connection: bad user name or password.</source>
        <translation>Le broker a refusé la connexion&#xa0;: nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (it may require a user name and password).</source>
        <translation>Le broker a refusé la connexion&#xa0;: non autorisé (il exige peut-être un nom d&apos;utilisateur et un mot de passe).</translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (check the user name and password).</source>
        <translation>Le broker a refusé la connexion&#xa0;: non autorisé (vérifiez le nom d&apos;utilisateur et le mot de passe).</translation>
    </message>
    <message>
        <source>The broker refused the client id &quot;%1&quot;.</source>
        <translation>Le broker a refusé l&apos;identifiant client &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The broker does not support this MQTT version.</source>
        <translation>Le broker ne prend pas en charge cette version de MQTT.</translation>
    </message>
    <message>
        <source>The broker is unavailable for now.</source>
        <translation>Le broker est indisponible pour l&apos;instant.</translation>
    </message>
    <message>
        <source>The broker refused the connection: %1</source>
        <translation>Le broker a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2</source>
        <translation>Échec de la connexion TLS à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation>négociation (handshake) refusée</translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;.</source>
        <translation>Impossible de trouver l&apos;hôte &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1.</source>
        <translation>Aucun service n&apos;accepte de connexions sur %1.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>La connexion à %1 a été perdue.</translation>
    </message>
    <message>
        <source>The broker at %1 stopped answering (keepalive timeout).</source>
        <translation>Le broker sur %1 ne répond plus (délai de keepalive dépassé).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>La connexion à %1 a été perdue&#xa0;: %2</translation>
    </message>
    <message>
        <source>A subscription identifier is at most %1, not %2.</source>
        <translation>Un identifiant d&apos;abonnement vaut au plus %1, et non %2.</translation>
    </message>
</context>
<context>
    <name>fleet::NetworkJson</name>
    <message>
        <source>The document is %1 bytes; at most %2 are read.</source>
        <translation>Le document fait %1 octets&#xa0;; %2 au plus sont lus.</translation>
    </message>
    <message>
        <source>The document nests deeper than %1 levels.</source>
        <translation>Le document a plus de %1 niveaux d&apos;imbrication.</translation>
    </message>
    <message>
        <source>The document is not valid JSON.</source>
        <translation>Le document n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <source>An object of the document has more than %1 members.</source>
        <translation>Un objet du document a plus de %1 membres.</translation>
    </message>
</context>
<context>
    <name>fleet::OperatorActions</name>
    <message>
        <source>Approvals need an MQTT username (the requester&apos;s identity): connect with one.</source>
        <translation>Les approbations exigent un nom d&apos;utilisateur MQTT (l&apos;identité du demandeur)&#xa0;: connectez-vous avec un nom.</translation>
    </message>
    <message>
        <source>Approvals are off: %1</source>
        <translation>Les approbations sont désactivées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commands cannot be sent from here (no command tracker).</source>
        <translation>Impossible d&apos;envoyer des commandes d&apos;ici (aucun suivi des commandes).</translation>
    </message>
    <message>
        <source>A free-form payload goes to exactly one device.</source>
        <translation>Une charge utile libre s&apos;envoie à exactement un appareil.</translation>
    </message>
    <message>
        <source>Type the payload to send.</source>
        <translation>Saisissez la charge utile à envoyer.</translation>
    </message>
    <message>
        <source>The payload is %1 bytes; at most %2 can be sent.</source>
        <translation>La charge utile fait %1 octets&#xa0;; %2 au plus peuvent être envoyés.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (the catalog has: %2).</source>
        <translation>Commande inconnue &quot;%1&quot; (le catalogue contient&#xa0;: %2).</translation>
    </message>
    <message>
        <source>%1 cannot be sent to a group: the catalog gives it no group topic.</source>
        <translation>%1 ne peut pas être envoyée à un groupe&#xa0;: le catalogue ne lui attribue aucun topic de groupe.</translation>
    </message>
    <message>
        <source>%1 needs an approval. %2</source>
        <translation>%1 doit être approuvée. %2</translation>
    </message>
    <message>
        <source>No devices are selected.</source>
        <translation>Aucun appareil n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>The rollback history could not be saved: %1</source>
        <translation>L&apos;historique des annulations n&apos;a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>there is no shadow service</source>
        <translation>aucun service de shadows</translation>
    </message>
    <message>
        <source>The command was not sent.</source>
        <translation>La commande n&apos;a pas été envoyée.</translation>
    </message>
    <message>
        <source>No rollback recorded: %1&apos;s state could not be read (%2).</source>
        <translation>Aucune annulation enregistrée&#xa0;: l&apos;état de %1 n&apos;a pas pu être lu (%2).</translation>
    </message>
    <message>
        <source>There is no command %1 to retry.</source>
        <translation>Aucune commande %1 à relancer.</translation>
    </message>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>L&apos;état désiré doit être un objet JSON.</translation>
    </message>
    <message>
        <source>There is no shadow service.</source>
        <translation>Aucun service de shadows.</translation>
    </message>
    <message>
        <source>There is no change %1 to roll back.</source>
        <translation>Il n&apos;y a pas de modification %1 à annuler.</translation>
    </message>
    <message>
        <source>send %1 %2 to %3</source>
        <translation>envoyer %1 %2 à %3</translation>
    </message>
    <message>
        <source>(sensitive: it goes to approval first)</source>
        <translation>(sensible&#xa0;: elle passe d&apos;abord par une approbation)</translation>
    </message>
    <message>
        <source>update the desired state with %1</source>
        <translation>mettre à jour l&apos;état désiré avec %1</translation>
    </message>
    <message>
        <source>Entry %1 was already rolled back by %2.</source>
        <translation>L&apos;entrée %1 a déjà été annulée par %2.</translation>
    </message>
    <message>
        <source>The rollback of entry %1 is under way.</source>
        <translation>L&apos;annulation de l&apos;entrée %1 est en cours.</translation>
    </message>
    <message>
        <source>%1 needs an approval, which a group command has only through fleet-hub&apos;s gate: send it to the devices instead.</source>
        <translation>%1 doit être approuvée, ce qu&apos;une commande de groupe n&apos;obtient que par la passerelle de fleet-hub&#xa0;: envoyez-la plutôt aux appareils.</translation>
    </message>
    <message numerus="yes">
        <source>restore the previous desired values of %1 on %n devices</source>
        <translation>
            <numerusform>restaurer les valeurs désirées précédentes de %1 sur %n appareil</numerusform>
            <numerusform>restaurer les valeurs désirées précédentes de %1 sur %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1 needs an approval per device, and the gate holds at most %2 at a time: roll back from the devices&apos; own entries instead.</source>
        <translation>Restaurer %1 exige une approbation par appareil, et la passerelle en retient au plus %2 à la fois&#xa0;: annulez plutôt depuis les entrées propres à chaque appareil.</translation>
    </message>
    <message>
        <source>(sensitive: each device&apos;s change goes to approval first)</source>
        <translation>(sensible&#xa0;: la modification de chaque appareil passe d&apos;abord par une approbation)</translation>
    </message>
    <message numerus="yes">
        <source>(%n already restored or changed since)</source>
        <translation>
            <numerusform>(%n déjà restauré ou modifié depuis)</numerusform>
            <numerusform>(%n déjà restaurés ou modifiés depuis)</numerusform>
        </translation>
    </message>
    <message>
        <source>The patch changes nothing: name at least one key.</source>
        <translation>Le patch ne change rien&#xa0;: indiquez au moins une clé.</translation>
    </message>
    <message>
        <source>The patch is nested more than %1 levels deep.</source>
        <translation>Le patch est imbriqué sur plus de %1 niveaux.</translation>
    </message>
    <message>
        <source>An array in the patch contains null, which the shadow service refuses.</source>
        <translation>Un tableau du patch contient null, ce que le service de shadows refuse.</translation>
    </message>
    <message>
        <source>The patch is %1 bytes; a shadow&apos;s state holds at most %2.</source>
        <translation>Le patch fait %1 octets&#xa0;; l&apos;état d&apos;un shadow en contient au plus %2.</translation>
    </message>
    <message>
        <source>No device is known to be in group %1.</source>
        <translation>Aucun appareil connu dans le groupe %1.</translation>
    </message>
    <message>
        <source>%1 devices are selected; one desired-state change reaches at most %2.</source>
        <translation>%1 appareils sont sélectionnés&#xa0;; une modification de l&apos;état désiré en atteint au plus %2.</translation>
    </message>
    <message>
        <source>%1 needs an approval per device, and fleet-hub&apos;s gate holds at most %2 requests of yours at a time: select at most %2 devices.</source>
        <translation>%1 exige une approbation par appareil, et la passerelle de fleet-hub retient au plus %2 de vos demandes à la fois&#xa0;: sélectionnez au plus %2 appareils.</translation>
    </message>
    <message>
        <source>Its desired state changed since: left as it is.</source>
        <translation>Son état désiré a changé depuis&#xa0;: laissé tel quel.</translation>
    </message>
    <message>
        <source>%1 of %2 devices refused the change, %3 had changed since.</source>
        <translation>%1 appareils sur %2 ont refusé la modification, %3 avaient changé depuis.</translation>
    </message>
    <message>
        <source>%1 of %2 devices refused the change.</source>
        <translation>%1 appareils sur %2 ont refusé la modification.</translation>
    </message>
    <message>
        <source>%1 of %2 devices had changed since and were left as they are.</source>
        <translation>%1 appareils sur %2 avaient changé depuis et ont été laissés tels quels.</translation>
    </message>
    <message>
        <source>%1&apos;s desired state says %2</source>
        <translation>L&apos;état désiré de %1 indique %2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more device(s))</source>
        <translation>
            <numerusform>(et %n autre appareil)</numerusform>
            <numerusform>(et %n autres appareils)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the device will be asked to go back to it (the shadow&apos;s delta) — update the desired state instead, or too.</source>
        <translation>%1&#xa0;: l&apos;appareil sera invité à revenir à cette valeur (le delta du shadow) — mettez plutôt à jour l&apos;état désiré, ou en plus.</translation>
    </message>
    <message>
        <source>%1: each of these devices will be asked to go back to it (the shadow&apos;s delta) — update the desired state instead, or too.</source>
        <translation>%1&#xa0;: chacun de ces appareils sera invité à revenir à cette valeur (le delta du shadow) — mettez plutôt à jour l&apos;état désiré, ou en plus.</translation>
    </message>
    <message>
        <source>%1 is an AWS IoT command: it goes to one thing at a time, not to a group.</source>
        <translation>%1 est une commande AWS IoT&#xa0;: elle va à un objet à la fois, pas à un groupe.</translation>
    </message>
    <message>
        <source>%1 is a sensitive AWS IoT command: it needs fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>%1 est une commande AWS IoT sensible&#xa0;: elle exige la passerelle de commandes de fleet-hub, qui la retient jusqu&apos;à une approbation.</translation>
    </message>
    <message>
        <source>%1 is a sensitive AWS IoT command: each approval covers one thing, so send it to one at a time.</source>
        <translation>%1 est une commande AWS IoT sensible&#xa0;: chaque approbation couvre un seul objet, envoyez-la donc à un objet à la fois.</translation>
    </message>
    <message>
        <source>%1 is an Azure direct method here: it goes to one device at a time, not to a group.</source>
        <translation>Ici, %1 est une méthode directe Azure&#xa0;: elle va à un appareil à la fois, pas à un groupe.</translation>
    </message>
    <message>
        <source>%1 is sensitive: as an Azure direct method it needs fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>%1 est sensible&#xa0;: en tant que méthode directe Azure, elle exige la passerelle de commandes de fleet-hub, qui la retient jusqu&apos;à une approbation.</translation>
    </message>
    <message>
        <source>%1 is sensitive: as an Azure direct method each approval covers one device, so send it to one at a time.</source>
        <translation>%1 est sensible&#xa0;: en tant que méthode directe Azure, chaque approbation couvre un seul appareil&#xa0;; envoyez-la donc à un appareil à la fois.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>there is no Azure service</source>
        <translation>il n&apos;y a pas de service Azure</translation>
    </message>
    <message>
        <source>fleet-hub did not send the twin in time</source>
        <translation>fleet-hub n&apos;a pas envoyé le jumeau à temps</translation>
    </message>
    <message>
        <source>Someone changed the desired properties meanwhile: roll back again to compare with them.</source>
        <translation>Quelqu&apos;un a modifié les propriétés souhaitées entre-temps&#xa0;: annulez à nouveau pour comparer avec elles.</translation>
    </message>
    <message>
        <source>The gate did not pass it (%1): %2</source>
        <translation>La passerelle ne l&apos;a pas laissé passer (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Too many twin changes are under way; this rollback is no longer followed.</source>
        <translation>Trop de modifications de jumeau sont en cours&#xa0;; cette annulation n&apos;est plus suivie.</translation>
    </message>
    <message>
        <source>There is no Azure service.</source>
        <translation>Il n&apos;y a pas de service Azure.</translation>
    </message>
    <message>
        <source>fleet-hub sent a twin without desired properties.</source>
        <translation>fleet-hub a envoyé un jumeau sans propriétés souhaitées.</translation>
    </message>
    <message>
        <source>Someone changed %1 since; the rollback leaves the twin as it is.</source>
        <translation>Quelqu&apos;un a modifié %1 depuis&#xa0;; l&apos;annulation laisse le jumeau tel quel.</translation>
    </message>
    <message>
        <source>update the twin&apos;s desired properties with %1</source>
        <translation>mettre à jour les propriétés souhaitées du jumeau avec %1</translation>
    </message>
    <message>
        <source>%1 is an Azure IoT Hub device: it has a twin, not a shadow. Change its desired properties in the device dock or with fleetctl twin update.</source>
        <translation>%1 est un appareil Azure IoT Hub&#xa0;: il a un jumeau, pas un shadow. Modifiez ses propriétés souhaitées dans le panneau de l&apos;appareil ou avec fleetctl twin update.</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>le groupe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>a free-form payload to %1</source>
        <translation>une charge libre pour %1</translation>
    </message>
    <message>
        <source>the command %1 to %2</source>
        <translation>la commande %1 pour %2</translation>
    </message>
    <message>
        <source>Not sent: it was not confirmed.</source>
        <translation>Non envoyé&#xa0;: ce n&apos;a pas été confirmé.</translation>
    </message>
    <message>
        <source>a change of %1&apos;s desired state</source>
        <translation>une modification de l&apos;état souhaité de %1</translation>
    </message>
    <message>
        <source>the rollback: %1</source>
        <translation>le retour arrière&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>a change of the desired state of %n device(s)</source>
        <translation>
            <numerusform>une modification de l&apos;état souhaité de %n appareil</numerusform>
            <numerusform>une modification de l&apos;état souhaité de %n appareils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::OverviewView</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <comment>commands that ended</comment>
        <translation>Verdicts</translation>
    </message>
    <message>
        <source>Success</source>
        <comment>share of verdicts that succeeded</comment>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Dernier échec</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Show the devices online</source>
        <translation>Afficher les appareils en ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Show the devices offline</source>
        <translation>Afficher les appareils hors ligne</translation>
    </message>
    <message>
        <source>Stale</source>
        <comment>device state only last known</comment>
        <translation>Obsolètes</translation>
    </message>
    <message>
        <source>While the console is not connected, every online or offline state is only the last known</source>
        <translation>Tant que la console n&apos;est pas connectée, chaque état en ligne ou hors ligne n&apos;est que le dernier connu</translation>
    </message>
    <message>
        <source>Not reported</source>
        <comment>presence never reported</comment>
        <translation>Non signalés</translation>
    </message>
    <message>
        <source>Show the devices that never reported their presence</source>
        <translation>Afficher les appareils qui n&apos;ont jamais signalé leur présence</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Show every device</source>
        <translation>Afficher tous les appareils</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À surveiller</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <comment>shadow desired differs from reported</comment>
        <translation>Désynchronisés</translation>
    </message>
    <message>
        <source>Show the devices whose desired state they have not reported yet</source>
        <translation>Afficher les appareils qui n&apos;ont pas encore signalé leur état désiré</translation>
    </message>
    <message>
        <source>Approvals waiting</source>
        <translation>Approbations en attente</translation>
    </message>
    <message>
        <source>Open the approvals</source>
        <translation>Ouvrir les approbations</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>commands</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Show the commands without a verdict yet</source>
        <translation>Afficher les commandes encore sans verdict</translation>
    </message>
    <message>
        <source>Failures</source>
        <comment>commands</comment>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Show the commands that failed, timed out or found their device unreachable</source>
        <translation>Afficher les commandes échouées, expirées ou dont l&apos;appareil était injoignable</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>6 dernières heures</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Commands by outcome</source>
        <translation>Commandes par résultat</translation>
    </message>
    <message>
        <source>Click a bar to see those commands</source>
        <translation>Cliquez sur une barre pour voir ces commandes</translation>
    </message>
    <message>
        <source>Show the commands that ended %1</source>
        <comment>%1: a command state</comment>
        <translation>Afficher les commandes terminées à l&apos;état %1</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>Pé&amp;riode</translation>
    </message>
    <message>
        <source>By command</source>
        <translation>Par commande</translation>
    </message>
    <message>
        <source>Click a command to see its commands; click a count to see those</source>
        <translation>Cliquez sur une commande pour voir ses envois&#xa0;; sur un nombre, pour voir ceux-ci</translation>
    </message>
    <message>
        <source>Devices with the most failures</source>
        <translation>Appareils ayant le plus d&apos;échecs</translation>
    </message>
    <message>
        <source>Click a device to open it</source>
        <translation>Cliquez sur un appareil pour l&apos;ouvrir</translation>
    </message>
    <message>
        <source>in the last 6 hours</source>
        <translation>au cours des 6 dernières heures</translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>au cours des 24 dernières heures</translation>
    </message>
    <message>
        <source>in the last hour</source>
        <translation>au cours de la dernière heure</translation>
    </message>
    <message>
        <source>last known</source>
        <translation>dernier connu</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>1 key pending</source>
        <translation>1 clé en attente</translation>
    </message>
    <message>
        <source>%L1 keys pending</source>
        <translation>%L1 clés en attente</translation>
    </message>
    <message>
        <source>%L1 for you</source>
        <comment>approvals you may decide on</comment>
        <translation>%L1 pour vous</translation>
    </message>
    <message>
        <source>%L1 yours</source>
        <comment>your own requests, waiting</comment>
        <translation>%L1 à vous</translation>
    </message>
    <message>
        <source>No command got its verdict %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Aucune commande n&apos;a obtenu son verdict %1.</translation>
    </message>
    <message>
        <source>Free-form payloads</source>
        <translation>Charges utiles libres</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>–</source>
        <comment>no share: no verdict yet</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>%L1 of %L2 succeeded</source>
        <translation>%L1 sur %L2 réussies</translation>
    </message>
    <message>
        <source>No command %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Aucune commande %1.</translation>
    </message>
    <message>
        <source>No device failed a command %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Aucun appareil n&apos;a eu de commande en échec %1.</translation>
    </message>
</context>
<context>
    <name>fleet::ParameterForm</name>
    <message>
        <source>This command takes no parameters.</source>
        <translation>Cette commande n&apos;accepte aucun paramètre.</translation>
    </message>
    <message>
        <source>Send</source>
        <comment>include an optional parameter</comment>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Optional: sent only when checked.</source>
        <translation>Facultatif&#xa0;: envoyé uniquement si la case est cochée.</translation>
    </message>
    <message>
        <source>%1 *</source>
        <comment>a required parameter</comment>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatoire)</translation>
    </message>
    <message>
        <source>Choose a value</source>
        <translation>Choisissez une valeur</translation>
    </message>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>au moins %n caractère</numerusform>
            <numerusform>au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
</context>
<context>
    <name>fleet::PasswordStore</name>
    <message>
        <source>no answer after %1 seconds</source>
        <translation>aucune réponse après %1 secondes</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be read from the system keychain</source>
        <translation>Le mot de passe de &quot;%1&quot; n&apos;a pas pu être lu dans le trousseau du système</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be saved in the system keychain</source>
        <translation>Le mot de passe de &quot;%1&quot; n&apos;a pas pu être enregistré dans le trousseau du système</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be removed from the system keychain</source>
        <translation>Le mot de passe de &quot;%1&quot; n&apos;a pas pu être supprimé du trousseau du système</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock it and try again.</source>
        <translation>Le trousseau a refusé l&apos;accès&#xa0;; déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>Is a keychain (GNOME Keyring, KWallet or another Secret Service) running and unlocked? Fleet Console stores passwords nowhere else; until then, type the password when connecting.</source>
        <translation>Un trousseau (GNOME Keyring, KWallet ou un autre Secret Service) est-il lancé et déverrouillé&#xa0;? Fleet Console ne stocke les mots de passe nulle part ailleurs&#xa0;; d&apos;ici là, saisissez le mot de passe lors de la connexion.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1&#xa0;: %2. %3</translation>
    </message>
</context>
<context>
    <name>fleet::PayloadDiff</name>
    <message>
        <source>No differences</source>
        <translation>Aucune différence</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>JSON members or elements</comment>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>JSON members or elements</comment>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>JSON values</comment>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change: %1</source>
        <comment>JSON diff</comment>
        <translation>1 modification : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n changes: %1</source>
        <comment>JSON diff (never 1)</comment>
        <translation>
            <numerusform>%n modification : %1</numerusform>
            <numerusform>%n modifications : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n ajoutée</numerusform>
            <numerusform>%n ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n supprimée</numerusform>
            <numerusform>%n supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines: %1</source>
        <comment>text diff</comment>
        <translation>Lignes : %1</translation>
    </message>
    <message>
        <source>No differences in the lines compared</source>
        <translation>Aucune différence dans les lignes comparées</translation>
    </message>
    <message>
        <source>The lines are the same; only line breaks differ</source>
        <translation>Les lignes sont identiques ; seuls les sauts de ligne diffèrent</translation>
    </message>
    <message>
        <source>Differ in 1 byte, at offset %1</source>
        <translation>Diffèrent sur 1 octet, à la position %1</translation>
    </message>
    <message numerus="yes">
        <source>Differ in %n bytes, first at offset %1</source>
        <comment>never 1</comment>
        <translation>
            <numerusform>Diffèrent sur %n octet, le premier à la position %1</numerusform>
            <numerusform>Diffèrent sur %n octets, le premier à la position %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(compared in part: the payloads are too long or differ in too many places)</source>
        <translation>(comparaison partielle : les contenus sont trop longs ou diffèrent en trop d&apos;endroits)</translation>
    </message>
</context>
<context>
    <name>fleet::ProfileStore</name>
    <message>
        <source>A connection needs a name.</source>
        <translation>Une connexion doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is no connection named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe aucune connexion nommée &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is already a connection named &quot;%1&quot;.</source>
        <translation>Une connexion nommée &quot;%1&quot; existe déjà.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishDraft</name>
    <message>
        <source>The payload is empty: type a JSON value.</source>
        <translation>La charge utile est vide&#xa0;: saisissez une valeur JSON.</translation>
    </message>
    <message>
        <source>The JSON nests deeper than %1 levels.</source>
        <translation>Le JSON a plus de %1 niveaux d&apos;imbrication.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishHistory</name>
    <message>
        <source>Give the favourite a name.</source>
        <translation>Donnez un nom au favori.</translation>
    </message>
    <message>
        <source>A favourite&apos;s name has at most %1 characters.</source>
        <translation>Le nom d&apos;un favori fait au plus %1 caractères.</translation>
    </message>
    <message>
        <source>A favourite needs a topic.</source>
        <translation>Un favori doit avoir un topic.</translation>
    </message>
    <message>
        <source>A favourite keeps a payload of at most %1 KiB; this one is %2 bytes.</source>
        <translation>Un favori garde une charge utile d&apos;au plus %1 KiB&#xa0;; celle-ci fait %2 octets.</translation>
    </message>
    <message>
        <source>There are %1 favourites already: delete one first.</source>
        <translation>Il y a déjà %1 favoris&#xa0;: supprimez-en un d&apos;abord.</translation>
    </message>
    <message>
        <source>The favourites would hold more than %1 KiB: delete some first.</source>
        <translation>Les favoris occuperaient plus de %1 KiB&#xa0;: supprimez-en quelques-uns d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishHistoryProxyModel</name>
    <message>
        <source>pending</source>
        <comment>publish outcome</comment>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sent</source>
        <comment>publish outcome</comment>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>sent through the gate</source>
        <comment>publish outcome</comment>
        <translation>envoyé via la passerelle</translation>
    </message>
    <message>
        <source>held for approval</source>
        <comment>publish outcome</comment>
        <translation>retenu pour approbation</translation>
    </message>
    <message>
        <source>refused</source>
        <comment>publish outcome</comment>
        <translation>refusé</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <comment>publish outcome: the console closed before it was known</comment>
        <translation>résultat inconnu</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>, retenu</translation>
    </message>
    <message>
        <source>%1  %2  %3  (%4)</source>
        <comment>time, outcome, topic, flags</comment>
        <translation>%1  %2  %3  (%4)</translation>
    </message>
    <message>
        <source>The payload was cut to %1 KiB in the history.</source>
        <translation>La charge utile a été tronquée à %1 KiB dans l&apos;historique.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishRoute</name>
    <message>
        <source>This is %1&apos;s shadow get topic: the console reads shadows itself. Open %1 in the device dock to see its shadow.</source>
        <translation>C&apos;est le topic get du shadow de %1&#xa0;: la console lit elle-même les shadows. Ouvrez %1 dans le panneau de l&apos;appareil pour voir son shadow.</translation>
    </message>
    <message>
        <source>This is %1&apos;s shadow delete topic: deleting a shadow drops its desired state, which needs an approval through the gate. Use fleetctl shadow delete.</source>
        <translation>C&apos;est le topic delete du shadow de %1&#xa0;: supprimer un shadow abandonne son état désiré, ce qui nécessite une approbation via la passerelle. Utilisez fleetctl shadow delete.</translation>
    </message>
    <message>
        <source>This is an answer topic of %1&apos;s shadow, which only the shadow service writes: a message here would forge what the device and every console read. To change the desired state, publish {&quot;state&quot;:{&quot;desired&quot;:{…}}} on its update topic, or use the device dock&apos;s shadow editor.</source>
        <translation>C&apos;est un topic de réponse du shadow de %1, que seul le service de shadows écrit&#xa0;: un message ici falsifierait ce que lisent l&apos;appareil et toutes les consoles. Pour modifier l&apos;état désiré, publiez {&quot;state&quot;:{&quot;desired&quot;:{…}}} sur son topic update, ou utilisez l&apos;éditeur de shadow du panneau de l&apos;appareil.</translation>
    </message>
    <message>
        <source>This is group %1&apos;s command request topic: a message here reaches every member, so only a catalog command sent to the group from the command composer goes there (a free-form payload goes to one device at a time).</source>
        <translation>C&apos;est le topic de requête de commande du groupe %1&#xa0;: un message ici atteint tous les membres, donc seule une commande du catalogue envoyée au groupe depuis l&apos;éditeur de commandes y va (une charge utile libre va à un seul appareil à la fois).</translation>
    </message>
    <message>
        <source>This is %1&apos;s AWS IoT commands request topic: commands reach it only as catalog commands that fleet-hub starts. Send one from the command composer.</source>
        <translation>C&apos;est le topic de requête des commandes AWS IoT de %1&#xa0;: les commandes n&apos;y arrivent que comme commandes du catalogue lancées par fleet-hub. Envoyez-en une depuis l&apos;éditeur de commandes.</translation>
    </message>
    <message>
        <source>This is an Azure IoT Hub twin topic: desired properties change through the gate from the device dock&apos;s Twin tab, or with fleetctl twin update.</source>
        <translation>C&apos;est un topic de jumeau Azure IoT Hub&#xa0;: les propriétés souhaitées se modifient via la passerelle depuis l&apos;onglet Jumeau du panneau de l&apos;appareil, ou avec fleetctl twin update.</translation>
    </message>
    <message>
        <source>This is %1&apos;s Azure IoT Hub twin topic: its desired properties change through the gate from the device dock&apos;s Twin tab, or with fleetctl twin update.</source>
        <translation>C&apos;est le topic de jumeau Azure IoT Hub de %1&#xa0;: ses propriétés souhaitées se modifient via la passerelle depuis l&apos;onglet Jumeau du panneau de l&apos;appareil, ou avec fleetctl twin update.</translation>
    </message>
    <message>
        <source>This is an Azure IoT Hub direct method topic: methods are called through the gate, as commands from the command composer or with fleetctl method.</source>
        <translation>C&apos;est un topic de méthode directe Azure IoT Hub&#xa0;: les méthodes s&apos;appellent via la passerelle, comme commandes depuis l&apos;éditeur de commandes ou avec fleetctl method.</translation>
    </message>
    <message>
        <source>This is %1&apos;s cloud-to-device topic: send the message from the device dock&apos;s Twin tab (Send message…) or with fleetctl c2d, which go through the gate.</source>
        <translation>C&apos;est le topic cloud-vers-appareil de %1&#xa0;: envoyez le message depuis l&apos;onglet Jumeau du panneau de l&apos;appareil (Envoyer un message…) ou avec fleetctl c2d, qui passent par la passerelle.</translation>
    </message>
    <message>
        <source>This is one of fleet-hub&apos;s own topics (the command gate, approvals, AWS IoT commands, Azure twins): commands, approvals and cancellations are made from the command composer and the approvals view, which record them.</source>
        <translation>C&apos;est l&apos;un des topics propres à fleet-hub (la passerelle de commandes, les approbations, les commandes AWS IoT, les jumeaux Azure)&#xa0;: les commandes, les approbations et les annulations se font depuis l&apos;éditeur de commandes et la vue des approbations, qui les enregistrent.</translation>
    </message>
    <message>
        <source>The MQTT 5 properties set here are not carried: this path sends its own (correlation data, response topic, expiry), so these will not be sent.</source>
        <translation>Les propriétés MQTT 5 définies ici ne sont pas transmises&#xa0;: cette voie envoie les siennes (données de corrélation, topic de réponse, expiration), elles ne seront donc pas envoyées.</translation>
    </message>
    <message>
        <source>Retain does not apply: a request to a device is never retained.</source>
        <translation>Retenir ne s&apos;applique pas&#xa0;: une requête vers un appareil n&apos;est jamais retenue.</translation>
    </message>
    <message>
        <source>QoS %1 does not apply: this path sends at QoS 1.</source>
        <translation>La QoS %1 ne s&apos;applique pas&#xa0;: cette voie envoie en QoS 1.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic: the message goes through the command gate as a free-form command, with approvals and audit.</source>
        <translation>C&apos;est le topic de requête de commande de %1&#xa0;: le message passe par la passerelle de commandes comme commande libre, avec approbations et audit.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic, where a message goes as a free-form command, which is UTF-8 text: this payload is not.</source>
        <translation>C&apos;est le topic de requête de commande de %1, où un message part comme commande libre, qui est du texte UTF-8&#xa0;: cette charge utile n&apos;en est pas.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic, but a free-form command for %1 goes out on %2, so it would not arrive here: send a catalog command from the command composer instead.</source>
        <translation>C&apos;est le topic de requête de commande de %1, mais une commande libre pour %1 part sur %2, elle n&apos;arriverait donc pas ici&#xa0;: envoyez plutôt une commande du catalogue depuis l&apos;éditeur de commandes.</translation>
    </message>
    <message>
        <source>%1&apos;s shadow &quot;%2&quot;</source>
        <translation>shadow &quot;%2&quot; de %1</translation>
    </message>
    <message>
        <source>%1&apos;s shadow</source>
        <translation>shadow de %1</translation>
    </message>
    <message>
        <source>This is the update topic of %1: a desired state goes through the command gate as a desired-state change, with approvals, audit and a rollback entry.</source>
        <translation>C&apos;est le topic update du %1&#xa0;: un état désiré passe par la passerelle de commandes comme modification de l&apos;état désiré, avec approbations, audit et une entrée d&apos;annulation.</translation>
    </message>
    <message>
        <source>On the update topic of %1 only a desired-state change, {&quot;state&quot;:{&quot;desired&quot;:{…}}}, is sent from here, through the gate. Use the device dock&apos;s shadow editor for anything else.</source>
        <translation>Sur le topic update du %1, seule une modification de l&apos;état désiré, {&quot;state&quot;:{&quot;desired&quot;:{…}}}, est envoyée d&apos;ici, via la passerelle. Pour tout le reste, utilisez l&apos;éditeur de shadow du panneau de l&apos;appareil.</translation>
    </message>
    <message>
        <source>Reported state is %1&apos;s own word, which operators do not write. %2</source>
        <translation>L&apos;état signalé est ce que dit %1 lui-même&#xa0;; les opérateurs ne l&apos;écrivent pas. %2</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a shadow version (a whole number of at least 0).</source>
        <translation>&quot;version&quot; doit être une version de shadow (un nombre entier supérieur ou égal à 0).</translation>
    </message>
</context>
<context>
    <name>fleet::PublishView</name>
    <message>
        <source>Format</source>
        <translation>Formater</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>Retenir</translation>
    </message>
    <message>
        <source>MQTT 5 properties</source>
        <translation>Propriétés MQTT 5</translation>
    </message>
    <message>
        <source>Message expiry</source>
        <translation>Expiration du message</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>topic/name, e.g. lab/bench-3/led</source>
        <translation>topic/nom, par exemple lab/bench-3/led</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Pretty-print the JSON payload</source>
        <translation>Mettre en forme la charge utile JSON</translation>
    </message>
    <message>
        <source>The payload, as text, JSON or hex bytes (&quot;de ad be ef&quot;)</source>
        <translation>La charge utile, en texte, JSON ou octets hexadécimaux (&quot;de ad be ef&quot;)</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>not set, e.g. application/json</source>
        <translation>non défini, par exemple application/json</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>not set (sent as the text&apos;s UTF-8 bytes)</source>
        <translation>non défini (envoyé sous forme des octets UTF-8 du texte)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>0: unspecified bytes</source>
        <translation>0&#xa0;: octets non spécifiés</translation>
    </message>
    <message>
        <source>1: UTF-8 text</source>
        <translation>1&#xa0;: texte UTF-8</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Sent in this order; a name may appear more than once.</source>
        <translation>Envoyées dans cet ordre&#xa0;; un nom peut apparaître plusieurs fois.</translation>
    </message>
    <message>
        <source>Add a user property</source>
        <translation>Ajouter une propriété utilisateur</translation>
    </message>
    <message>
        <source>Remove the selected user properties</source>
        <translation>Retirer les propriétés utilisateur sélectionnées</translation>
    </message>
    <message>
        <source>Click a message to load it into the form</source>
        <translation>Cliquez sur un message pour le charger dans le formulaire</translation>
    </message>
    <message>
        <source>name for the current form</source>
        <translation>nom pour le formulaire actuel</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Charge utile</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>Topic de réponse</translation>
    </message>
    <message>
        <source>Correlation data</source>
        <translation>Données de corrélation</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Format de la charge utile</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation>Propriétés utilisateur</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation>Rien n&apos;a encore été publié.</translation>
    </message>
    <message>
        <source>This connection uses MQTT 3.1.1, which has no message properties: they are not sent. Connect with MQTT 5 (the connection&apos;s protocol setting) to use them.</source>
        <translation>Cette connexion utilise MQTT 3.1.1, qui n&apos;a pas de propriétés de message&#xa0;: elles ne sont pas envoyées. Connectez-vous en MQTT 5 (le réglage de protocole de la connexion) pour les utiliser.</translation>
    </message>
    <message>
        <source>Type the topic to publish on.</source>
        <translation>Saisissez le topic sur lequel publier.</translation>
    </message>
    <message>
        <source>A topic name cannot contain the wildcards + or #: they are for subscriptions.</source>
        <translation>Un nom de topic ne peut pas contenir les jokers + ou #&#xa0;: ils servent aux abonnements.</translation>
    </message>
    <message>
        <source>Not a valid topic name (at most 65,535 bytes of UTF-8, no NUL character).</source>
        <translation>Nom de topic non valide (au plus 65&#xa0;535 octets d&apos;UTF-8, sans caractère NUL).</translation>
    </message>
    <message>
        <source>The response topic must be a topic name, without the wildcards + or #.</source>
        <translation>Le topic de réponse doit être un nom de topic, sans les jokers + ou #.</translation>
    </message>
    <message>
        <source>The payload format says UTF-8 text, but the payload is not valid UTF-8: choose &quot;0: unspecified bytes&quot; or leave it unset.</source>
        <translation>Le format de la charge utile indique du texte UTF-8, mais la charge utile n&apos;est pas de l&apos;UTF-8 valide&#xa0;: choisissez &quot;0&#xa0;: octets non spécifiés&quot; ou laissez-le non défini.</translation>
    </message>
    <message>
        <source>Send as command</source>
        <translation>Envoyer comme commande</translation>
    </message>
    <message>
        <source>Send desired change</source>
        <translation>Envoyer la modification de l&apos;état désiré</translation>
    </message>
    <message>
        <source>These bytes are not UTF-8 text: they stay in hex.</source>
        <translation>Ces octets ne sont pas du texte UTF-8&#xa0;: ils restent en hexadécimal.</translation>
    </message>
    <message>
        <source>Loaded from the history; its payload was cut to %1 KiB there, so it is not the whole message that was sent.</source>
        <translation>Chargé depuis l&apos;historique&#xa0;; sa charge utile y a été tronquée à %1 KiB, ce n&apos;est donc pas le message entier qui a été envoyé.</translation>
    </message>
    <message>
        <source>Loaded from the history.</source>
        <translation>Chargé depuis l&apos;historique.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saved as favourite &quot;%1&quot;.</source>
        <translation>Enregistré comme favori &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no favourite &quot;%1&quot;.</source>
        <translation>Il n&apos;y a pas de favori &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Loaded favourite &quot;%1&quot;.</source>
        <translation>Favori &quot;%1&quot; chargé.</translation>
    </message>
    <message>
        <source>Deleted favourite &quot;%1&quot;.</source>
        <translation>Favori &quot;%1&quot; supprimé.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Refused by the broker: %1</source>
        <translation>Refusé par le broker&#xa0;: %1</translation>
    </message>
    <message>
        <source>Handing the message to the network…</source>
        <translation>Remise du message au réseau…</translation>
    </message>
    <message>
        <source>Waiting for the broker to acknowledge it (QoS %1)…</source>
        <translation>En attente de l&apos;acquittement du broker (QoS %1)…</translation>
    </message>
    <message>
        <source>Sent (QoS 0: it left this client; the broker does not acknowledge QoS 0).</source>
        <translation>Envoyé (QoS 0&#xa0;: il a quitté ce client&#xa0;; le broker n&apos;acquitte pas la QoS 0).</translation>
    </message>
    <message>
        <source>Sent: the broker acknowledged it (QoS %1).</source>
        <translation>Envoyé&#xa0;: le broker l&apos;a acquitté (QoS %1).</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 has no way for a broker to refuse a message: one its access control denies is acknowledged and dropped.</source>
        <translation>MQTT 3.1.1 ne permet pas à un broker de refuser un message&#xa0;: un message que son contrôle d&apos;accès interdit est acquitté puis abandonné.</translation>
    </message>
    <message>
        <source>Sending a free-form command to %1 through the command path…</source>
        <translation>Envoi d&apos;une commande libre à %1 par la voie des commandes…</translation>
    </message>
    <message>
        <source>Free-form command to %1 is waiting for approval (%2).</source>
        <translation>La commande libre à %1 est en attente d&apos;approbation (%2).</translation>
    </message>
    <message>
        <source>Free-form command to %1 is queued, not sent (%2): %3</source>
        <translation>La commande libre à %1 est en file d&apos;attente, non envoyée (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Free-form command to %1 handed to the command gate (%2): it sends it, or holds it for an approval.</source>
        <translation>Commande libre à %1 remise à la passerelle de commandes (%2)&#xa0;: elle l&apos;envoie, ou la retient jusqu&apos;à une approbation.</translation>
    </message>
    <message>
        <source>Free-form command sent to %1 (%2).</source>
        <translation>Commande libre envoyée à %1 (%2).</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>state, detail</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Free-form command to %1: %2 (%3).</source>
        <comment>command to device: state (id)</comment>
        <translation>Commande libre à %1&#xa0;: %2 (%3).</translation>
    </message>
    <message>
        <source>Held for approval by the command gate: free-form command to %1 (%2). %3</source>
        <translation>Retenue pour approbation par la passerelle de commandes&#xa0;: commande libre à %1 (%2). %3</translation>
    </message>
    <message>
        <source>Refused by the command gate: free-form command to %1 (%2). %3</source>
        <translation>Refusée par la passerelle de commandes&#xa0;: commande libre à %1 (%2). %3</translation>
    </message>
    <message>
        <source>Free-form command to %1 approved by %2 and sent by the gate (%3).</source>
        <translation>Commande libre à %1 approuvée par %2 et envoyée par la passerelle (%3).</translation>
    </message>
    <message>
        <source>Free-form command to %1 approved by %2 (%3).</source>
        <translation>Commande libre à %1 approuvée par %2 (%3).</translation>
    </message>
    <message>
        <source>Free-form command to %1 rejected by %2 (%3): %4</source>
        <translation>Commande libre à %1 rejetée par %2 (%3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Free-form command to %1: nobody approved it in time (%2).</source>
        <translation>Commande libre à %1&#xa0;: personne ne l&apos;a approuvée à temps (%2).</translation>
    </message>
    <message>
        <source>Free-form command to %1 was withdrawn (%2): %3</source>
        <translation>La commande libre à %1 a été retirée (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1&apos;s shadow</source>
        <translation>shadow de %1</translation>
    </message>
    <message>
        <source>%1&apos;s shadow &quot;%2&quot;</source>
        <translation>shadow &quot;%2&quot; de %1</translation>
    </message>
    <message>
        <source>Sending the desired change of %1 through the command gate…</source>
        <translation>Envoi de la modification de l&apos;état désiré du %1 via la passerelle de commandes…</translation>
    </message>
    <message>
        <source>Desired change of %1 applied at version %2.</source>
        <translation>Modification de l&apos;état désiré du %1 appliquée à la version %2.</translation>
    </message>
    <message>
        <source>Desired change of %1: %2</source>
        <translation>Modification de l&apos;état désiré du %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Desired change of %1 refused (%2): %3</source>
        <translation>Modification de l&apos;état désiré du %1 refusée (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Desired change of %1 not sent: %2</source>
        <translation>Modification de l&apos;état désiré du %1 non envoyée&#xa0;: %2</translation>
    </message>
    <message>
        <source>a message to %1</source>
        <translation>un message sur %1</translation>
    </message>
</context>
<context>
    <name>fleet::RetryPolicy</name>
    <message>
        <source>&quot;attempts&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;attempts&quot; doit être compris entre 1 et %1, et non %2.</translation>
    </message>
    <message>
        <source>&quot;backoffBaseMs&quot; must be from 0 to %1, not %2.</source>
        <translation>&quot;backoffBaseMs&quot; doit être compris entre 0 et %1, et non %2.</translation>
    </message>
    <message>
        <source>&quot;backoffCapMs&quot; must be from &quot;backoffBaseMs&quot; (%1) to %2, not %3.</source>
        <translation>&quot;backoffCapMs&quot; doit être compris entre &quot;backoffBaseMs&quot; (%1) et %2, et non %3.</translation>
    </message>
    <message>
        <source>&quot;jitter&quot; must be a number from 0 to 1, not %1.</source>
        <translation>&quot;jitter&quot; doit être un nombre de 0 à 1, et non %1.</translation>
    </message>
    <message>
        <source>A retry policy must be a JSON object.</source>
        <translation>Une politique de nouvelles tentatives doit être un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an integer.</source>
        <translation>&quot;%1&quot; doit être un entier.</translation>
    </message>
    <message>
        <source>&quot;jitter&quot; must be a number from 0 to 1.</source>
        <translation>&quot;jitter&quot; doit être un nombre de 0 à 1.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in a retry policy.</source>
        <translation>Clé inconnue &quot;%1&quot; dans une politique de nouvelles tentatives.</translation>
    </message>
    <message>
        <source>&quot;schedule&quot; must be &quot;exponential&quot; or &quot;linear&quot;.</source>
        <translation>&quot;schedule&quot; doit valoir &quot;exponential&quot; ou &quot;linear&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::RollbackHistoryModel</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>État désiré</translation>
    </message>
    <message>
        <source>Desired state (%1)</source>
        <translation>État désiré (%1)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>par %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Annulée</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (%1)</source>
        <translation>
            <numerusform>%n appareil (%1)</numerusform>
            <numerusform>%n appareils (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Desired state, batch</source>
        <translation>État désiré, lot</translation>
    </message>
    <message>
        <source>Desired state (%1), batch</source>
        <translation>État désiré (%1), lot</translation>
    </message>
    <message>
        <source>desired %1 on %2</source>
        <translation>désiré %1 sur %2</translation>
    </message>
    <message>
        <source>Twin, desired properties</source>
        <translation>Jumeau, propriétés souhaitées</translation>
    </message>
</context>
<context>
    <name>fleet::RollbackLog</name>
    <message>
        <source>There is no change %1 to roll back.</source>
        <translation>Il n&apos;y a pas de modification %1 à annuler.</translation>
    </message>
    <message>
        <source>Change %1 is a command, not a desired-state update.</source>
        <translation>La modification %1 est une commande, pas une mise à jour de l&apos;état désiré.</translation>
    </message>
    <message>
        <source>Change %1 is a desired-state update, not a command.</source>
        <translation>La modification %1 est une mise à jour de l&apos;état désiré, pas une commande.</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; is not in the catalog.</source>
        <translation>La commande &quot;%1&quot; n&apos;est pas dans le catalogue.</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; has no inverse; it cannot be rolled back.</source>
        <translation>La commande &quot;%1&quot; n&apos;a pas d&apos;inverse&#xa0;; elle ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>The inverse command &quot;%1&quot; is not in the catalog.</source>
        <translation>La commande inverse &quot;%1&quot; n&apos;est pas dans le catalogue.</translation>
    </message>
    <message numerus="yes">
        <source>Change %1 was made on %n devices: each has its own previous values.</source>
        <translation>
            <numerusform>La modification %1 a été faite sur %n appareil&#xa0;: chacun a ses propres valeurs précédentes.</numerusform>
            <numerusform>La modification %1 a été faite sur %n appareils&#xa0;: chacun a ses propres valeurs précédentes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::RollbackView</name>
    <message>
        <source>Roll back</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Select a change to see what it changed and what rolling it back sends.</source>
        <translation>Sélectionnez une modification pour voir ce qu&apos;elle a changé et ce qu&apos;enverra son annulation.</translation>
    </message>
    <message>
        <source>Entry %1 was not rolled back: %2</source>
        <translation>L&apos;entrée %1 n&apos;a pas été annulée&#xa0;: %2</translation>
    </message>
    <message>
        <source>Entry %1 rolled back: desired state restored (version %2).</source>
        <translation>Entrée %1 annulée&#xa0;: état désiré restauré (version %2).</translation>
    </message>
    <message>
        <source>(whole value)</source>
        <translation>(valeur entière)</translation>
    </message>
    <message>
        <source> (shadow %1)</source>
        <translation> (shadow %1)</translation>
    </message>
    <message>
        <source>Command %1 to %2</source>
        <translation>Commande %1 à %2</translation>
    </message>
    <message>
        <source>Desired state of %1%2</source>
        <translation>État désiré de %1%2</translation>
    </message>
    <message>
        <source>Entry %1, %2</source>
        <translation>Entrée %1, %2</translation>
    </message>
    <message>
        <source>Command id: %1</source>
        <translation>Identifiant de la commande&#xa0;: %1</translation>
    </message>
    <message>
        <source>Update token: %1</source>
        <translation>Jeton de mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Rolled back by %1.</source>
        <translation>Annulée par %1.</translation>
    </message>
    <message>
        <source>Not rolled back.</source>
        <translation>Non annulée.</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>Paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <source>State captured before it ran</source>
        <translation>État capturé avant son exécution</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>(no change)</source>
        <translation>(aucune modification)</translation>
    </message>
    <message>
        <source>Rolling back will</source>
        <translation>L&apos;annulation va</translation>
    </message>
    <message>
        <source>Select a change first.</source>
        <translation>Sélectionnez d&apos;abord une modification.</translation>
    </message>
    <message>
        <source>Undo this change.</source>
        <translation>Annuler cette modification.</translation>
    </message>
    <message>
        <source>Entry %1: %2 is waiting for approval (%3).</source>
        <translation>Entrée %1&#xa0;: %2 est en attente d&apos;approbation (%3).</translation>
    </message>
    <message>
        <source>Entry %1: %2 sent to %3 (%4).</source>
        <translation>Entrée %1&#xa0;: %2 envoyée à %3 (%4).</translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired state…</source>
        <translation>Entrée %1&#xa0;: restauration de l&apos;état désiré…</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (group %1)</source>
        <translation>
            <numerusform>%n appareil (groupe %1)</numerusform>
            <numerusform>%n appareils (groupe %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Patch: %1</source>
        <translation>Patch&#xa0;: %1</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>changed since, left as it is</source>
        <translation>modifié depuis, laissé tel quel</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>avant&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired state… %2 of %3 devices</source>
        <translation>Entrée %1&#xa0;: restauration de l&apos;état désiré… %2 appareils sur %3</translation>
    </message>
    <message numerus="yes">
        <source>Entry %1 rolled back: desired state restored on %n devices.</source>
        <translation>
            <numerusform>Entrée %1 annulée&#xa0;: état désiré restauré sur %n appareil.</numerusform>
            <numerusform>Entrée %1 annulée&#xa0;: état désiré restauré sur %n appareils.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1 was rolled back in part: %2</source>
        <translation>L&apos;entrée %1 a été annulée en partie&#xa0;: %2</translation>
    </message>
    <message>
        <source>Desired properties of %1 (twin)</source>
        <translation>Propriétés souhaitées de %1 (jumeau)</translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired properties is waiting for approval.</source>
        <translation>Entrée %1&#xa0;: la restauration des propriétés souhaitées attend une approbation.</translation>
    </message>
    <message>
        <source>Entry %1 rolled back: desired properties restored ($version %2).</source>
        <translation>Entrée %1 annulée&#xa0;: propriétés souhaitées restaurées ($version %2).</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowClient</name>
    <message>
        <source>Invalid request</source>
        <translation>Requête non valide</translation>
    </message>
    <message>
        <source>The broker refused the subscription to the shadow&apos;s replies</source>
        <translation>Le broker a refusé l&apos;abonnement aux réponses du shadow</translation>
    </message>
    <message>
        <source>Malformed reply from the shadow service</source>
        <translation>Réponse mal formée du service de shadows</translation>
    </message>
    <message>
        <source>Not connected to the broker</source>
        <translation>Non connecté au broker</translation>
    </message>
    <message>
        <source>Timed out waiting for the shadow service</source>
        <translation>Délai dépassé en attendant le service de shadows</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name: 1 to 128 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom d&apos;objet valide&#xa0;: 1 à 128 caractères parmi a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; et &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name: 1 to 64 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; and &apos;$&apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de shadow valide&#xa0;: 1 à 64 caractères parmi a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; et &apos;$&apos;.</translation>
    </message>
    <message>
        <source>Held for approval: %1</source>
        <translation>En attente d&apos;approbation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Refused by the command gate: %1</source>
        <translation>Refusé par la passerelle de commandes&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowHistoryView</name>
    <message>
        <source>Select a version to compare it with the one before, or two versions to compare them.</source>
        <translation>Sélectionnez une version pour la comparer à la précédente, ou deux versions pour les comparer entre elles.</translation>
    </message>
    <message>
        <source>Versions received while this device was shown</source>
        <translation>Versions reçues pendant l&apos;affichage de cet appareil</translation>
    </message>
    <message>
        <source>Version %1 at %2</source>
        <translation>Version %1 à %2</translation>
    </message>
    <message>
        <source>Version %1 is the first received.

desired: %2
reported: %3</source>
        <translation>La version %1 est la première reçue.

desired: %2
reported: %3</translation>
    </message>
    <message>
        <source>From version %1 to version %2:

%3</source>
        <translation>De la version %1 à la version %2&#xa0;:

%3</translation>
    </message>
    <message>
        <source>No change to desired or reported.</source>
        <translation>Aucune modification de l&apos;état désiré ni de l&apos;état signalé.</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowService</name>
    <message>
        <source>Stopping without waiting any longer for the broker to acknowledge %1 replies.</source>
        <translation>Arrêt sans attendre plus longtemps que le broker acquitte %1 réponses.</translation>
    </message>
    <message>
        <source>The broker refused a reply: %1</source>
        <translation>Le broker a refusé une réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot subscribe to &quot;%1&quot;: %2</source>
        <translation>Impossible de s&apos;abonner à &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>The share group &quot;%1&quot; is not valid: it must be non-empty without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>Le groupe de partage &quot;%1&quot; n&apos;est pas valide&#xa0;: il doit être non vide et sans &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>%1 replies were not published.</source>
        <translation>%1 réponses n&apos;ont pas été publiées.</translation>
    </message>
    <message>
        <source>The broker connection ended.</source>
        <translation>La connexion au broker est terminée.</translation>
    </message>
    <message>
        <source>Giving up on the broker: %1</source>
        <translation>Abandon de la connexion au broker&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connected to %1; serving shadows on %2</source>
        <translation>Connecté à %1&#xa0;; service des shadows sur %2</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: not a valid shadow request topic.</source>
        <translation>Message ignoré sur &quot;%1&quot;&#xa0;: ce n&apos;est pas un topic de requête de shadow valide.</translation>
    </message>
    <message>
        <source>Ignored a retained request on &quot;%1&quot;: requests must not be retained.</source>
        <translation>Requête retenue ignorée sur &quot;%1&quot;&#xa0;: les requêtes ne doivent pas être retenues.</translation>
    </message>
    <message>
        <source>Ignored a message on the reply topic &quot;%1&quot;.</source>
        <translation>Message ignoré sur le topic de réponse &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 answered %2 on &quot;%3&quot;: %4</source>
        <translation>%1 a répondu %2 sur &quot;%3&quot;&#xa0;: %4</translation>
    </message>
    <message>
        <source>Dropped the reply on &quot;%1&quot;: %2</source>
        <translation>Réponse abandonnée sur &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 requests answered 500: %2</source>
        <translation>%1 requêtes ont reçu la réponse 500&#xa0;: %2</translation>
    </message>
    <message>
        <source>A batch of %1 requests failed in the database (%2); running them one at a time.</source>
        <translation>Un lot de %1 requêtes a échoué dans la base de données (%2)&#xa0;; elles sont exécutées une par une.</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowStore</name>
    <message>
        <source>the classic shadow of &quot;%1&quot;</source>
        <translation>shadow classique de &quot;%1&quot;</translation>
    </message>
    <message>
        <source>shadow &quot;%1&quot; of &quot;%2&quot;</source>
        <translation>shadow &quot;%1&quot; de &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as a database: %2</source>
        <translation>Impossible d&apos;utiliser &quot;%1&quot; comme base de données&#xa0;: %2</translation>
    </message>
    <message>
        <source>it was written by a newer fleet-hub (schema %1; this one knows up to %2).</source>
        <translation>elle a été écrite par un fleet-hub plus récent (schéma %1&#xa0;; celui-ci connaît jusqu&apos;au %2).</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Échec de la lecture du %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The stored document of %1 is damaged; it is left as it is.</source>
        <translation>Le document stocké du %1 est endommagé&#xa0;; il est laissé tel quel.</translation>
    </message>
    <message>
        <source>Cannot serialise %1: %2</source>
        <translation>Impossible de sérialiser le %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Échec de l&apos;écriture du %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Cannot start a transaction for %1: %2</source>
        <translation>Impossible de démarrer une transaction pour le %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Committing %1 failed: %2</source>
        <translation>Échec de la validation du %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Committing a batch of requests failed: %1</source>
        <translation>Échec de la validation d&apos;un lot de requêtes&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 lost %2 races with other hubs in a row: %3</source>
        <translation>%1 a perdu %2 courses d&apos;affilée contre d&apos;autres hubs&#xa0;: %3</translation>
    </message>
    <message>
        <source>A statement failed in the batch, which was rolled back.</source>
        <translation>Une instruction a échoué dans le lot, qui a été annulé.</translation>
    </message>
    <message>
        <source>The batch was lost to a failed statement; %1 waits for it to run again.</source>
        <translation>Le lot a été perdu à cause d&apos;une instruction en échec&#xa0;; %1 attend d&apos;être exécuté à nouveau.</translation>
    </message>
    <message>
        <source>Locking the batch&apos;s shadows failed: %1</source>
        <translation>Le verrouillage des shadows du lot a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Writing the batch&apos;s %1 shadows failed: %2</source>
        <translation>Échec de l&apos;écriture des %1 shadows du lot&#xa0;: %2</translation>
    </message>
    <message>
        <source>Writing the batch&apos;s shadows updated %1 rows of %2.</source>
        <translation>L&apos;écriture des shadows du lot a mis à jour %1 lignes sur %2.</translation>
    </message>
</context>
<context>
    <name>fleet::ShortcutsDialog</name>
    <message>
        <source>Main window</source>
        <translation>Fenêtre principale</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
</context>
<context>
    <name>fleet::SqlSchema</name>
    <message>
        <source>unknown database error</source>
        <translation>erreur de base de données inconnue</translation>
    </message>
    <message>
        <source>it has an unknown schema version %1.</source>
        <translation>elle a une version de schéma %1 inconnue.</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not available</source>
        <translation>le pilote SQLite de Qt (QSQLITE) n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>it cannot be opened: %1</source>
        <translation>il ne peut pas être ouvert&#xa0;: %1</translation>
    </message>
    <message>
        <source>it cannot be switched to write-ahead logging (journal mode is %1)</source>
        <translation>il ne peut pas passer en journalisation anticipée (WAL) (le mode de journal est %1)</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not available</source>
        <translation>le pilote PostgreSQL de Qt (QPSQL, paquet Debian libqt6sql6-psql) n&apos;est pas disponible</translation>
    </message>
</context>
<context>
    <name>fleet::TelemetryPlot</name>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>All</source>
        <comment>time window: every point kept</comment>
        <translation>Tout</translation>
    </message>
    <message>
        <source>The time every chart shows, up to the newest point</source>
        <translation>La durée que montre chaque graphique, jusqu&apos;au point le plus récent</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenêtre&#xa0;:</translation>
    </message>
    <message>
        <source>Show all</source>
        <comment>telemetry series</comment>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Hide all</source>
        <comment>telemetry series</comment>
        <translation>Tout masquer</translation>
    </message>
    <message>
        <source>Series shown</source>
        <translation>Séries affichées</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>telemetry chart title: series name, newest value</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No numeric telemetry or reported field yet.</source>
        <translation>Pas encore de télémétrie numérique ni de champ rapporté.</translation>
    </message>
    <message>
        <source>No series shown: check one in the list above.</source>
        <translation>Aucune série affichée&#xa0;: cochez-en une dans la liste ci-dessus.</translation>
    </message>
</context>
<context>
    <name>fleet::TopicTreeModel</name>
    <message>
        <source>%1 bytes, of which the first %2 are kept</source>
        <translation>%1 octets, dont les %2 premiers sont conservés</translation>
    </message>
    <message>
        <source>(empty)</source>
        <comment>an empty MQTT topic level, as in a//b</comment>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>retained flag</comment>
        <translation>oui</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>Débit (msg/s)</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenu</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Dernière valeur</translation>
    </message>
</context>
<context>
    <name>fleet::TopicTreeView</name>
    <message>
        <source>Plot</source>
        <translation>Tracer</translation>
    </message>
    <message>
        <source>Clear retained…</source>
        <translation>Effacer le message retenu…</translation>
    </message>
    <message>
        <source>Search topics</source>
        <translation>Rechercher des topics</translation>
    </message>
    <message>
        <source>Select a topic to see its last value</source>
        <translation>Sélectionnez un topic pour voir sa dernière valeur</translation>
    </message>
    <message>
        <source>Select a message in the history to compare it with the one before</source>
        <translation>Sélectionnez un message de l&apos;historique pour le comparer au précédent</translation>
    </message>
    <message>
        <source>Numeric fields of the topic&apos;s JSON value</source>
        <translation>Champs numériques de la valeur JSON du topic</translation>
    </message>
    <message>
        <source>Plot this field over the topic&apos;s history and as messages arrive</source>
        <translation>Tracer ce champ sur l&apos;historique du topic et à mesure que les messages arrivent</translation>
    </message>
    <message>
        <source>Publish an empty retained message, which makes the broker forget the topic&apos;s retained value (your account must be allowed to write it)</source>
        <translation>Publier un message retenu vide, qui fait oublier au broker la valeur retenue du topic (votre compte doit avoir le droit d&apos;y écrire)</translation>
    </message>
    <message>
        <source>%L1 topics, %L2 messages</source>
        <translation>%L1 topics, %L2 messages</translation>
    </message>
    <message>
        <source>(%L1 messages on new topics not shown: the tree is full)</source>
        <translation>(%L1 messages sur de nouveaux topics non affichés&#xa0;: l&apos;arbre est plein)</translation>
    </message>
    <message>
        <source>The broker accepted the empty retained message; the marker goes when it comes back.</source>
        <translation>Le broker a accepté le message retenu vide&#xa0;; le marqueur disparaîtra à son retour.</translation>
    </message>
    <message>
        <source>The broker refused to clear the retained message: %1</source>
        <translation>Le broker a refusé d&apos;effacer le message retenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>Aucun topic sélectionné</translation>
    </message>
    <message>
        <source>%1: %L2 messages on this topic, %L3 in its branch</source>
        <translation>%1&#xa0;: %L2 messages sur ce topic, %L3 dans sa branche</translation>
    </message>
    <message>
        <source>(retained value)</source>
        <translation>(valeur retenue)</translation>
    </message>
    <message>
        <source>%1  %2 B  %3</source>
        <translation>%1  %2 B  %3</translation>
    </message>
    <message>
        <source>The oldest message kept: nothing before it to compare.</source>
        <translation>Le plus ancien message conservé&#xa0;: rien d&apos;antérieur à comparer.</translation>
    </message>
    <message>
        <source>Compared with the message before it: %1</source>
        <translation>Comparé au message précédent&#xa0;: %1</translation>
    </message>
    <message>
        <source>(only the beginning of the payloads was compared)</source>
        <translation>(seul le début des charges utiles a été comparé)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>No value of %1 in the history yet.</source>
        <translation>Aucune valeur de %1 dans l&apos;historique pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Clear retained message</source>
        <translation>Effacer le message retenu</translation>
    </message>
    <message>
        <source>Make the broker forget the retained value of &quot;%1&quot;? Every client that subscribes later will no longer receive it.</source>
        <translation>Faire oublier au broker la valeur retenue de &quot;%1&quot;&#xa0;? Les clients qui s&apos;abonneront ensuite ne la recevront plus.</translation>
    </message>
    <message>
        <source>The retained message was not cleared: %1</source>
        <translation>Le message retenu n&apos;a pas été effacé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Clearing the retained message of %1…</source>
        <translation>Effacement du message retenu de %1…</translation>
    </message>
    <message>
        <source>%L1 topics match; the first %L2 are shown: refine the search.</source>
        <translation>%L1 topics correspondent&#xa0;; les %L2 premiers sont affichés&#xa0;: affinez la recherche.</translation>
    </message>
    <message>
        <source>the clearing of %1&apos;s retained message</source>
        <translation>l&apos;effacement du message retenu de %1</translation>
    </message>
    <message>
        <source>(the beginning of a %L1-byte value)</source>
        <translation>(le début d&apos;une valeur de %L1 octets)</translation>
    </message>
</context>
<context>
    <name>fleet::TrafficCapture</name>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter: a + or # must fill a whole level, and # must be the last one.</source>
        <translation>&quot;%1&quot; n&apos;est pas un filtre de topics valide&#xa0;: un + ou un # doit occuper un niveau entier, et # doit être le dernier.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a shared subscription: capturing from it would take messages away from the group&apos;s members.</source>
        <translation>&quot;%1&quot; est un abonnement partagé&#xa0;: capturer depuis celui-ci retirerait des messages aux membres du groupe.</translation>
    </message>
    <message>
        <source>At most %1 topic filters can be captured at once.</source>
        <translation>Au plus %1 filtres de topics peuvent être capturés à la fois.</translation>
    </message>
</context>
<context>
    <name>fleet::TrafficModel</name>
    <message>
        <source>&quot;%1&quot; is not a valid MQTT topic filter: &apos;+&apos; and &apos;#&apos; must fill a whole level, and &apos;#&apos; must be the last level.</source>
        <translation>&quot;%1&quot; n&apos;est pas un filtre de topics MQTT valide&#xa0;: &apos;+&apos; et &apos;#&apos; doivent occuper un niveau entier, et &apos;#&apos; doit être le dernier niveau.</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>retained flag</comment>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <comment>retained flag</comment>
        <translation>non</translation>
    </message>
    <message>
        <source>%1 bytes, of which the first %2 are kept</source>
        <translation>%1 octets, dont les %2 premiers sont conservés</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Charge utile</translation>
    </message>
    <message>
        <source>+%L1 ms</source>
        <translation>+%L1 ms</translation>
    </message>
    <message>
        <source>After request</source>
        <translation>Après la requête</translation>
    </message>
</context>
<context>
    <name>fleet::TrafficView</name>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Search topics</source>
        <translation>Rechercher des topics</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the table; new messages are counted, not shown</source>
        <translation>Figer la table&#xa0;; les nouveaux messages sont comptés, mais pas affichés</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the messages shown as JSON lines</source>
        <translation>Enregistrer les messages affichés en lignes JSON</translation>
    </message>
    <message>
        <source>Select a message to see its details</source>
        <translation>Sélectionnez un message pour voir ses détails</translation>
    </message>
    <message>
        <source>The broker refused the subscription to &quot;%1&quot;: %2</source>
        <translation>Le broker a refusé l&apos;abonnement à &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>%L1 msg/s, %L2 received</source>
        <translation>%L1 msg/s, %L2 reçus</translation>
    </message>
    <message>
        <source>Paused: %L1 new messages not shown</source>
        <translation>En pause&#xa0;: %L1 nouveaux messages non affichés</translation>
    </message>
    <message>
        <source>%L1 messages arrived while paused</source>
        <translation>%L1 messages reçus pendant la pause</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Topic&#xa0;: %1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Reçu&#xa0;: %1</translation>
    </message>
    <message>
        <source>QoS: %1</source>
        <translation>QoS&#xa0;: %1</translation>
    </message>
    <message>
        <source>Retained: %1</source>
        <translation>Retenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Duplicate: %1</source>
        <translation>Doublon&#xa0;: %1</translation>
    </message>
    <message>
        <source>Size: %L1 bytes</source>
        <translation>Taille&#xa0;: %L1 octets</translation>
    </message>
    <message>
        <source>Payload format: %1</source>
        <translation>Format de la charge utile&#xa0;: %1</translation>
    </message>
    <message>
        <source>UTF-8 text</source>
        <translation>texte UTF-8</translation>
    </message>
    <message>
        <source>unspecified bytes</source>
        <translation>octets non spécifiés</translation>
    </message>
    <message>
        <source>Content type: %1</source>
        <translation>Type de contenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Response topic: %1</source>
        <translation>Topic de réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>Correlation data: %1</source>
        <translation>Données de corrélation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Message expiry: %L1 s</source>
        <translation>Expiration du message&#xa0;: %L1 s</translation>
    </message>
    <message>
        <source>User property: %1 = %2</source>
        <translation>Propriété utilisateur&#xa0;: %1 = %2</translation>
    </message>
    <message>
        <source>Binary, shown as hex</source>
        <translation>Binaire, affiché en hexadécimal</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>(first %L1 of %L2 bytes)</source>
        <translation>(%L1 premiers octets sur %L2)</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;écrire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export Traffic</source>
        <translation>Exporter le trafic</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>Lignes JSON (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Azure IoT Hub cloud-to-device message for %1</source>
        <translation>Message cloud-vers-appareil Azure IoT Hub pour %1</translation>
    </message>
    <message>
        <source>Azure IoT Hub device-to-cloud message from %1</source>
        <translation>Message appareil-vers-cloud Azure IoT Hub de %1</translation>
    </message>
    <message>
        <source>Its properties cannot be read: %1</source>
        <translation>Ses propriétés sont illisibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id. du message</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Id. de corrélation</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>Content encoding</source>
        <translation>Encodage du contenu</translation>
    </message>
    <message>
        <source>System property: %1 = %2</source>
        <translation>Propriété système&#xa0;: %1 = %2</translation>
    </message>
    <message>
        <source>Application property: %1 = %2</source>
        <translation>Propriété applicative&#xa0;: %1 = %2</translation>
    </message>
    <message>
        <source>MQTT topic filters (+ and # wildcards), separated by spaces. Press Enter to capture what they match, each message once however they overlap. Empty captures %1: every topic, and the AWS IoT shadow and command topics, which # leaves out.</source>
        <translation>Filtres de topics MQTT (jokers + et #), séparés par des espaces. Appuyez sur Entrée pour capturer ce qu&apos;ils sélectionnent, chaque message une seule fois même s&apos;ils se chevauchent. Vide, le champ capture %1&#xa0;: tous les topics, ainsi que les topics de shadows et de commandes AWS IoT, que # laisse de côté.</translation>
    </message>
    <message>
        <source>Topic filters, e.g. +/dev-7/#; empty: %1</source>
        <translation>Filtres de topics, p. ex. +/dev-7/#&#xa0;; vide&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::TwinStore</name>
    <message>
        <source>The twins database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de données des jumeaux a le schéma %1&#xa0;; ce fleet-hub connaît jusqu&apos;au %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the device twins database: %2</source>
        <translation>Impossible d&apos;utiliser &quot;%1&quot; comme base de données des jumeaux (twins) d&apos;appareils&#xa0;: %2</translation>
    </message>
    <message>
        <source>The twins database is not open.</source>
        <translation>La base de données des jumeaux n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Committing to the twins database failed: %1</source>
        <translation>Échec de la validation dans la base de données des jumeaux&#xa0;: %1</translation>
    </message>
    <message>
        <source>The twin of &quot;%1&quot; is damaged in the twins database.</source>
        <translation>Le jumeau de &quot;%1&quot; est endommagé dans la base de données des jumeaux.</translation>
    </message>
</context>
<context>
    <name>fleet::UserGuideDialog</name>
    <message>
        <source>Fleet Console User Guide</source>
        <translation>Guide de l&apos;utilisateur de Fleet Console</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>Le guide de l&apos;utilisateur manque dans cette compilation.</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchEventModel</name>
    <message>
        <source>→ device</source>
        <comment>workbench log: the cloud sent this to the device</comment>
        <translation>→ appareil</translation>
    </message>
    <message>
        <source>device →</source>
        <comment>workbench log: the device (the workbench) sent this</comment>
        <translation>appareil →</translation>
    </message>
    <message>
        <source>note</source>
        <comment>workbench log: a note about the connection, nothing on the wire</comment>
        <translation>note</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchIdentity</name>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>Un certificat client a besoin de sa clé privée, et une clé de son certificat.</translation>
    </message>
    <message>
        <source>Paste the device&apos;s connection string (HostName=…;DeviceId=…;SharedAccessKey=…).</source>
        <translation>Collez la chaîne de connexion de l&apos;appareil (HostName=…;DeviceId=…;SharedAccessKey=…).</translation>
    </message>
    <message>
        <source>The connection string says x509=true: choose the device&apos;s certificate and key.</source>
        <translation>La chaîne de connexion indique x509=true&#xa0;: choisissez le certificat et la clé de l&apos;appareil.</translation>
    </message>
    <message>
        <source>A certificate is chosen, but the connection string signs in with a key or token: use x509=true, or clear the certificate.</source>
        <translation>Un certificat est choisi, mais la chaîne de connexion se connecte avec une clé ou un jeton&#xa0;: utilisez x509=true, ou retirez le certificat.</translation>
    </message>
    <message>
        <source>The token lifetime must be between %1 seconds and a year.</source>
        <translation>La durée du jeton doit être comprise entre %1 secondes et un an.</translation>
    </message>
    <message>
        <source>Enter the endpoint (mqtts://…-ats.iot.REGION.amazonaws.com:8883).</source>
        <translation>Saisissez le point de terminaison (mqtts://…-ats.iot.REGION.amazonaws.com:8883).</translation>
    </message>
    <message>
        <source>Enter the thing name.</source>
        <translation>Saisissez le nom du thing.</translation>
    </message>
    <message>
        <source>A thing name cannot hold &apos;+&apos;, &apos;#&apos; or &apos;/&apos;: it is part of the thing&apos;s topics.</source>
        <translation>Un nom de thing ne peut contenir ni &apos;+&apos;, ni &apos;#&apos;, ni &apos;/&apos;&#xa0;: il fait partie des topics du thing.</translation>
    </message>
    <message>
        <source>Put the user name and password in their fields, not in the endpoint&apos;s URL.</source>
        <translation>Mettez le nom d&apos;utilisateur et le mot de passe dans leurs champs, pas dans l&apos;URL du point de terminaison.</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchWindow</name>
    <message>
        <source>Device Workbench</source>
        <translation>Atelier d&apos;appareil</translation>
    </message>
    <message>
        <source>Method calls</source>
        <translation>Appels de méthode</translation>
    </message>
    <message>
        <source>Twin</source>
        <translation>Jumeau</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Télémétrie</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Shadow</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>Se connecter en tant que</translation>
    </message>
    <message>
        <source>Azure IoT Hub device</source>
        <translation>Appareil Azure IoT Hub</translation>
    </message>
    <message>
        <source>AWS IoT thing or MQTT device</source>
        <translation>Thing AWS IoT ou appareil MQTT</translation>
    </message>
    <message>
        <source>Identities saved on this computer; their secrets are in the system keychain</source>
        <translation>Identités enregistrées sur cet ordinateur&#xa0;; leurs secrets sont dans le trousseau du système</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save these settings under a name; the connection string or password goes to the system keychain, never to a file</source>
        <translation>Enregistrer ces réglages sous un nom&#xa0;; la chaîne de connexion ou le mot de passe vont dans le trousseau du système, jamais dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>Remove the saved identity and its secret in the keychain</source>
        <translation>Retirer l&apos;identité enregistrée et son secret du trousseau</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation>Enre&amp;gistrées&#xa0;:</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>reveal a secret field</comment>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show or hide what the field holds</source>
        <translation>Afficher ou masquer le contenu du champ</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>hide a secret field</comment>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <source>The device&apos;s connection string from the Azure portal or CLI: HostName, DeviceId and SharedAccessKey, SharedAccessSignature or x509=true; GatewayHostName for a gateway</source>
        <translation>La chaîne de connexion de l&apos;appareil, du portail ou de la CLI Azure&#xa0;: HostName, DeviceId et SharedAccessKey, SharedAccessSignature ou x509=true&#xa0;; GatewayHostName pour une passerelle</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <source>How long each SAS token signed from the key is valid; the workbench signs a new one and reconnects before it expires</source>
        <translation>Durée de validité de chaque jeton SAS signé avec la clé&#xa0;; l&apos;atelier en signe un nouveau et se reconnecte avant qu&apos;il n&apos;expire</translation>
    </message>
    <message>
        <source>C&amp;onnection string:</source>
        <translation>Chaîne de c&amp;onnexion&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Token lifetime:</source>
        <translation>Durée du &amp;jeton&#xa0;:</translation>
    </message>
    <message>
        <source>The thing name</source>
        <translation>Le nom du thing</translation>
    </message>
    <message>
        <source>None (certificate)</source>
        <translation>Aucun (certificat)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Gardé dans le trousseau du système</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point de terminaison&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;hing name:</source>
        <translation>Nom du t&amp;hing&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>ID c&amp;lient&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>The system&apos;s trusted CAs</source>
        <translation>Les CA de confiance du système</translation>
    </message>
    <message>
        <source>The device&apos;s certificate: for an x509=true connection string or an AWS IoT thing</source>
        <translation>Le certificat de l&apos;appareil&#xa0;: pour une chaîne de connexion x509=true ou un thing AWS IoT</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat de CA&#xa0;:</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat de CA</translation>
    </message>
    <message>
        <source>Device certificate:</source>
        <translation>Certificat de l&apos;appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Device Certificate</source>
        <translation>Certificat de l&apos;appareil</translation>
    </message>
    <message>
        <source>Device key:</source>
        <translation>Clé de l&apos;appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Device Private Key</source>
        <translation>Clé privée de l&apos;appareil</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>Select an event in the log to see its topic, properties and payload.</source>
        <translation>Sélectionnez un événement du journal pour voir son topic, ses propriétés et son contenu.</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Topic&#xa0;:</translation>
    </message>
    <message>
        <source>Properties:</source>
        <translation>Propriétés&#xa0;:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id de demande</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Method calls waiting for this device&apos;s answer, oldest first</source>
        <translation>Appels de méthode qui attendent la réponse de cet appareil, le plus ancien d&apos;abord</translation>
    </message>
    <message>
        <source>The status the caller gets, as HTTP&apos;s: 200 for success</source>
        <translation>Le statut que reçoit l&apos;appelant, comme en HTTP&#xa0;: 200 pour un succès</translation>
    </message>
    <message>
        <source>The answer&apos;s JSON, passed to the caller as it is (empty for null)</source>
        <translation>Le JSON de la réponse, transmis tel quel à l&apos;appelant (vide pour null)</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Répondre</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Answer (JSON):</source>
        <translation>Réponse (JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Get Twin</source>
        <translation>&amp;Obtenir le jumeau</translation>
    </message>
    <message>
        <source>The twin as this device knows it: the last one IoT Hub sent, with the changes since.</source>
        <translation>Le jumeau tel que cet appareil le connaît&#xa0;: le dernier envoyé par IoT Hub, avec les modifications depuis.</translation>
    </message>
    <message>
        <source>A JSON object: the reported properties to change (null removes one)</source>
        <translation>Un objet JSON&#xa0;: les propriétés signalées à modifier (null en retire une)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Signaler</translation>
    </message>
    <message>
        <source>Reported properties to change (JSON):</source>
        <translation>Propriétés signalées à modifier (JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>The message, as text (JSON or anything else)</source>
        <translation>Le message, en texte (JSON ou autre)</translation>
    </message>
    <message>
        <source>Sent as the message&apos;s content type ($.ct); empty sends none</source>
        <translation>Envoyé comme type de contenu du message ($.ct)&#xa0;; vide n&apos;en envoie aucun</translation>
    </message>
    <message>
        <source>name=value, one per line</source>
        <translation>nom=valeur, un par ligne</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nvoyer</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>Type de contenu&#xa0;:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message&#xa0;:</translation>
    </message>
    <message>
        <source>Application properties:</source>
        <translation>Propriétés d&apos;application&#xa0;:</translation>
    </message>
    <message>
        <source>The classic shadow</source>
        <translation>Le shadow classique</translation>
    </message>
    <message>
        <source>&amp;Get Shadow</source>
        <translation>&amp;Obtenir le shadow</translation>
    </message>
    <message>
        <source>A JSON object, sent as {&quot;state&quot;: {&quot;reported&quot;: …}}</source>
        <translation>Un objet JSON, envoyé comme {&quot;state&quot;: {&quot;reported&quot;: …}}</translation>
    </message>
    <message>
        <source>Shadow name:</source>
        <translation>Nom du shadow&#xa0;:</translation>
    </message>
    <message>
        <source>Reported state (JSON):</source>
        <translation>État signalé (JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>0 (at most once)</source>
        <translation>0 (au plus une fois)</translation>
    </message>
    <message>
        <source>1 (at least once)</source>
        <translation>1 (au moins une fois)</translation>
    </message>
    <message>
        <source>&amp;Reply to Selected</source>
        <translation>&amp;Répondre à la sélection</translation>
    </message>
    <message>
        <source>Fill the topic and payload with a reply to the command request selected in the log</source>
        <translation>Remplir le topic et le contenu avec une réponse à la demande de commande sélectionnée dans le journal</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS&#xa0;:</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Contenu&#xa0;:</translation>
    </message>
    <message>
        <source>The connection could not be started.</source>
        <translation>La connexion n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2…</source>
        <translation>Connexion à %1 en tant que %2…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconnexion à %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1… (%2)</source>
        <translation>Reconnexion à %1… (%2)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Déconnecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>token valid until %1</source>
        <translation>jeton valable jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>Device Workbench: %1</source>
        <translation>Atelier d&apos;appareil&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>seconds a method call has waited</comment>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>None (a note about the connection)</source>
        <translation>Aucun (une note sur la connexion)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>(The log keeps the first %L1 bytes of a message.)</source>
        <translation>(Le journal garde les %L1 premiers octets d&apos;un message.)</translation>
    </message>
    <message>
        <source>Choose the method call to answer.</source>
        <translation>Choisissez l&apos;appel de méthode auquel répondre.</translation>
    </message>
    <message>
        <source>Answered %1 (request %2) with status %3.</source>
        <translation>Réponse à %1 (demande %2) avec le statut %3.</translation>
    </message>
    <message>
        <source>Twin requested (request %1); it shows here when IoT Hub answers.</source>
        <translation>Jumeau demandé (demande %1)&#xa0;; il s&apos;affiche ici quand IoT Hub répond.</translation>
    </message>
    <message>
        <source>Reported properties sent (request %1); the twin shows them once IoT Hub accepts them.</source>
        <translation>Propriétés signalées envoyées (demande %1)&#xa0;; le jumeau les montre une fois qu&apos;IoT Hub les accepte.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Device-to-cloud message sent with %n properties.</source>
        <translation>
            <numerusform>Message de l&apos;appareil vers le cloud envoyé avec %n propriété.</numerusform>
            <numerusform>Message de l&apos;appareil vers le cloud envoyé avec %n propriétés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shadow requested; the answer shows in the log.</source>
        <translation>Shadow demandé&#xa0;; la réponse s&apos;affiche dans le journal.</translation>
    </message>
    <message>
        <source>Reported state sent; the answer shows in the log.</source>
        <translation>État signalé envoyé&#xa0;; la réponse s&apos;affiche dans le journal.</translation>
    </message>
    <message>
        <source>Published on %1 (QoS %2).</source>
        <translation>Publié sur %1 (QoS %2).</translation>
    </message>
    <message>
        <source>Select a command request in the log to reply to it.</source>
        <translation>Sélectionnez une demande de commande dans le journal pour y répondre.</translation>
    </message>
    <message>
        <source>A reply is ready below; press Send to publish it.</source>
        <translation>Une réponse est prête ci-dessous&#xa0;; appuyez sur Envoyer pour la publier.</translation>
    </message>
    <message>
        <source>New identity</source>
        <translation>Nouvelle identité</translation>
    </message>
    <message>
        <source>Give the identity a name.</source>
        <translation>Donnez un nom à l&apos;identité.</translation>
    </message>
    <message>
        <source>A name cannot hold &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Un nom ne peut contenir ni &apos;/&apos; ni &apos;\&apos;.</translation>
    </message>
    <message>
        <source>The identity could not be written to the settings file %1.</source>
        <translation>L&apos;identité n&apos;a pas pu être écrite dans le fichier de réglages %1.</translation>
    </message>
    <message>
        <source>The identity &quot;%1&quot; is saved without its connection string: %2 The connection string is kept nowhere else; paste it again next time.</source>
        <translation>L&apos;identité «&#xa0;%1&#xa0;» est enregistrée sans sa chaîne de connexion&#xa0;: %2 La chaîne de connexion n&apos;est gardée nulle part ailleurs&#xa0;; collez-la à nouveau la prochaine fois.</translation>
    </message>
    <message>
        <source>The identity &quot;%1&quot; is saved without its password: %2 The password is kept nowhere else; type it again next time.</source>
        <translation>L&apos;identité «&#xa0;%1&#xa0;» est enregistrée sans son mot de passe&#xa0;: %2 Le mot de passe n&apos;est gardé nulle part ailleurs&#xa0;; saisissez-le à nouveau la prochaine fois.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; its connection string is in the system keychain.</source>
        <translation>«&#xa0;%1&#xa0;» enregistrée&#xa0;; sa chaîne de connexion est dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; its password, if any, is in the system keychain.</source>
        <translation>«&#xa0;%1&#xa0;» enregistrée&#xa0;; son mot de passe, s&apos;il y en a un, est dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; could not be read from the keychain: %2</source>
        <translation>Le secret de «&#xa0;%1&#xa0;» n&apos;a pas pu être lu dans le trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; loaded, its secret from the system keychain.</source>
        <translation>«&#xa0;%1&#xa0;» chargée, son secret depuis le trousseau du système.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; loaded; the keychain holds no secret for it.</source>
        <translation>«&#xa0;%1&#xa0;» chargée&#xa0;; le trousseau ne garde aucun secret pour elle.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is forgotten, but its secret is still in the keychain: %2</source>
        <translation>«&#xa0;%1&#xa0;» est oubliée, mais son secret est encore dans le trousseau&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and its secret are forgotten.</source>
        <translation>«&#xa0;%1&#xa0;» et son secret sont oubliés.</translation>
    </message>
    <message>
        <source>Save Identity</source>
        <translation>Enregistrer l&apos;identité</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Replace the saved identity &quot;%1&quot;?</source>
        <translation>Remplacer l&apos;identité enregistrée «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Forget Identity</source>
        <translation>Oublier l&apos;identité</translation>
    </message>
    <message>
        <source>Forget &quot;%1&quot; and its secret in the keychain?</source>
        <translation>Oublier «&#xa0;%1&#xa0;» et son secret dans le trousseau&#xa0;?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::ApprovalsCommand</name>
    <message>
        <source>approvals list|approve ID|reject ID  the shared approval queue</source>
        <translation>approvals list|approve ID|reject ID  la file d&apos;approbations partagée</translation>
    </message>
    <message>
        <source>The approval queue every console on the broker shares (docs/approvals.md).

  list            pending requests: id, requester, device, command, expiry (--all: decided too)
  approve ID      approve another user&apos;s request; the requester&apos;s console sends the command
  reject ID       reject it (--reason is required)

Your identity is your MQTT username (--username): the broker&apos;s ACL lets you decide only in your own name, and nobody can approve their own request. With --wait, approve and reject wait for the requester&apos;s console to publish the outcome.

Exit status: 0 done; 1 refused (unknown, decided or expired request, your own request, or the outcome differs from your decision); 2 usage error; 3 broker connection; 4 --timeout passed.</source>
        <translation>La file d&apos;approbations que partagent toutes les consoles du broker (docs/approvals.md).

  list            demandes en attente&#xa0;: identifiant, demandeur, appareil, commande, expiration (--all&#xa0;: décidées aussi)
  approve ID      approuve la demande d&apos;un autre utilisateur&#xa0;; la console du demandeur envoie la commande
  reject ID       la rejette (--reason est obligatoire)

Votre identité est votre nom d&apos;utilisateur MQTT (--username)&#xa0;: l&apos;ACL du broker ne vous laisse statuer qu&apos;en votre propre nom, et personne ne peut approuver sa propre demande. Avec --wait, approve et reject attendent que la console du demandeur publie le résultat.

Code de sortie&#xa0;: 0 terminé&#xa0;; 1 refusé (demande inconnue, déjà décidée ou expirée, votre propre demande, ou résultat différent de votre décision)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion au broker&#xa0;; 4 --timeout dépassé.</translation>
    </message>
    <message>
        <source>Why (shown to the requester; required to reject).</source>
        <translation>Motif (montré au demandeur&#xa0;; obligatoire pour rejeter).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>list: decided, expired and withdrawn requests too.</source>
        <translation>list&#xa0;: inclut aussi les demandes décidées, expirées et retirées.</translation>
    </message>
    <message>
        <source>approve, reject: wait for the outcome.</source>
        <translation>approve, reject&#xa0;: attendre le résultat.</translation>
    </message>
    <message>
        <source>list, approve or reject.</source>
        <translation>list, approve ou reject.</translation>
    </message>
    <message>
        <source>The request&apos;s id (the command&apos;s tid).</source>
        <translation>L&apos;identifiant de la demande (le tid de la commande).</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: expected list, approve or reject.</source>
        <translation>Action inconnue &quot;%1&quot;&#xa0;: list, approve ou reject attendu.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 needs exactly one request id.</source>
        <translation>%1 exige exactement un identifiant de demande.</translation>
    </message>
    <message>
        <source>reject needs --reason: the requester should know why.</source>
        <translation>reject exige --reason&#xa0;: le demandeur doit savoir pourquoi.</translation>
    </message>
    <message>
        <source>  expires %1</source>
        <translation>  expire le %1</translation>
    </message>
    <message>
        <source>  by %1</source>
        <translation>  par %1</translation>
    </message>
    <message>
        <source>fleetctl: the approval queue is empty.</source>
        <translation>fleetctl: la file d&apos;approbations est vide.</translation>
    </message>
    <message>
        <source>fleetctl: nothing waits for approval.</source>
        <translation>fleetctl: rien n&apos;est en attente d&apos;approbation.</translation>
    </message>
    <message>
        <source>approved %1</source>
        <translation>demande %1 approuvée</translation>
    </message>
    <message>
        <source>rejected %1</source>
        <translation>demande %1 rejetée</translation>
    </message>
    <message>
        <source>outcome: %1%2</source>
        <translation>résultat&#xa0;: %1%2</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <source>The broker refused the decision: %1 (only an approver&apos;s account may decide).</source>
        <translation>Le broker a refusé la décision&#xa0;: %1 (seul le compte d&apos;un approbateur peut décider).</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::AuditCommand</name>
    <message>
        <source>audit                              fleet-hub&apos;s audit log: who did what at the command gate</source>
        <translation>audit                              journal d&apos;audit de fleet-hub&#xa0;: qui a fait quoi à la passerelle de commandes</translation>
    </message>
    <message>
        <source>fleet-hub&apos;s audit log, read through the broker: every step of the command gate (relayed, held, refused, approved, rejected, sent, expired, …), oldest first, with the time (local), the actor, the action, the request (requester/id), the topic and the detail.

Your identity is your MQTT username (--username): the broker lets operators, approvers and monitors read the log, devices not. The filters are applied by the gate; they are exact matches.

Exit status: 0 done; 1 no fleet-hub gate on this broker, or the gate refused the query; 2 usage error; 3 broker connection; 4 the gate did not answer within --timeout (is fleet-hub running?).</source>
        <translation>Journal d&apos;audit de fleet-hub, lu via le broker&#xa0;: chaque étape de la passerelle de commandes (relayed, held, refused, approved, rejected, sent, expired, …), de la plus ancienne à la plus récente, avec l&apos;heure (locale), l&apos;auteur, l&apos;action, la demande (demandeur/identifiant), le topic et le détail.

Votre identité est votre nom d&apos;utilisateur MQTT (--username)&#xa0;: le broker permet aux comptes operator, approver et monitor de lire le journal, mais pas aux appareils. Les filtres sont appliqués par la passerelle&#xa0;; ce sont des correspondances exactes.

Code de sortie&#xa0;: 0 terminé&#xa0;; 1 pas de passerelle fleet-hub sur ce broker, ou la passerelle a refusé la requête&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion au broker&#xa0;; 4 la passerelle n&apos;a pas répondu dans le délai --timeout (fleet-hub est-il lancé&#xa0;?).</translation>
    </message>
    <message>
        <source>Print each entry as one JSON object per line: seq, time (ms since the epoch), actor, action, requester, id, topic, detail.</source>
        <translation>Afficher chaque entrée sous forme d&apos;un objet JSON par ligne&#xa0;: seq, time (ms depuis l&apos;epoch), actor, action, requester, id, topic, detail.</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker, and for each answer of the gate (default 10).</source>
        <translation>Secondes à attendre le broker, puis chaque réponse de la passerelle (par défaut 10).</translation>
    </message>
    <message>
        <source>Only the entries about requests of this account.</source>
        <translation>Uniquement les entrées concernant les demandes de ce compte.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>UTILISATEUR</translation>
    </message>
    <message>
        <source>Only what this account did (&quot;gate&quot;: what the gate did itself).</source>
        <translation>Uniquement ce qu&apos;a fait ce compte (&quot;gate&quot;&#xa0;: ce qu&apos;a fait la passerelle elle-même).</translation>
    </message>
    <message>
        <source>Only the entries of this request id (the command&apos;s tid).</source>
        <translation>Uniquement les entrées de cet identifiant de demande (le tid de la commande).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Only entries from this time on: an ISO 8601 time (2024-05-01T12:00:00, local time unless it has an offset) or a duration back from now (90s, 30m, 1h, 2d, 1w, 1h30m).</source>
        <translation>Uniquement les entrées à partir de ce moment&#xa0;: une date ISO 8601 (2024-05-01T12:00:00, heure locale sauf si elle indique un décalage horaire) ou une durée comptée à rebours depuis maintenant (90s, 30m, 1h, 2d, 1w, 1h30m).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>HEURE</translation>
    </message>
    <message>
        <source>Only entries after this sequence number (where an earlier run said to go on).</source>
        <translation>Uniquement les entrées après ce numéro de séquence (là où une exécution précédente a indiqué de reprendre).</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>SEQ</translation>
    </message>
    <message>
        <source>How many entries to print at most (default 200).</source>
        <translation>Nombre maximal d&apos;entrées à afficher (par défaut 200).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--limit: expected a whole number from 1 to %1.</source>
        <translation>--limit&#xa0;: un nombre entier de 1 à %1 est attendu.</translation>
    </message>
    <message>
        <source>--after: expected a sequence number, 0 or more.</source>
        <translation>--after&#xa0;: un numéro de séquence supérieur ou égal à 0 est attendu.</translation>
    </message>
    <message>
        <source>--since: expected an ISO 8601 time such as 2024-05-01T12:00:00, or a duration such as 30m, 1h or 2d, not &quot;%1&quot;.</source>
        <translation>--since&#xa0;: une date ISO 8601 telle que 2024-05-01T12:00:00 ou une durée telle que 30m, 1h ou 2d est attendue, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>no fleet-hub gate on this broker: there is no audit log to read</source>
        <translation>pas de passerelle fleet-hub sur ce broker&#xa0;: il n&apos;y a pas de journal d&apos;audit à lire</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>AUTEUR</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>REQUEST</source>
        <translation>DEMANDE</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>TOPIC</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DÉTAIL</translation>
    </message>
    <message>
        <source>fleetctl: no audit entries match.</source>
        <translation>fleetctl: aucune entrée d&apos;audit ne correspond.</translation>
    </message>
    <message>
        <source>fleetctl: more entries follow: --after %1 reads on.</source>
        <translation>fleetctl: d&apos;autres entrées suivent&#xa0;: --after %1 poursuit la lecture.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::AzureCommand</name>
    <message>
        <source>twin get|update DEVICE …   read an Azure device twin, or change its desired properties</source>
        <translation>twin get|update DEVICE …   lit le jumeau (twin) d&apos;un appareil Azure, ou modifie ses propriétés souhaitées</translation>
    </message>
    <message>
        <source>method DEVICE NAME …      call an Azure device&apos;s direct method</source>
        <translation>method DEVICE NAME …      appelle une méthode directe d&apos;un appareil Azure</translation>
    </message>
    <message>
        <source>c2d DEVICE PAYLOAD …       send an Azure device a cloud-to-device message</source>
        <translation>c2d DEVICE PAYLOAD …       envoie à un appareil Azure un message cloud-vers-appareil</translation>
    </message>
    <message>
        <source>Calls a direct method of an Azure IoT Hub device through fleet-hub, like IoT Hub&apos;s &quot;invoke device method&quot;: the device answers with a status and a JSON body.

The call goes through fleet-hub&apos;s command gate: a method named like a sensitive catalog command (reboot, set_position, …), or one the catalog does not name, is held until another person approves it. --payload is the method&apos;s JSON argument (default null). --timeout is how long the device has to answer, from 5 to 300 seconds (default 30); fleet-hub answers 504 when it does not, and 404 at once when the device is not connected.

Exit status: 0 the device answered 2xx (or, without --wait, the call was submitted); 1 the hub refused the call (400, 403, 429); 2 usage error; 3 cannot connect; 4 no answer in time; 5 the device answered another status; 6 the device is not connected (404) or did not answer (504); 7 the gate refused it, or an approver rejected it; 8 still held for an approval when fleetctl stopped waiting.</source>
        <translation>Appelle une méthode directe d&apos;un appareil Azure IoT Hub via fleet-hub, comme le &quot;invoke device method&quot; d&apos;IoT Hub&#xa0;: l&apos;appareil répond avec un statut et un corps JSON.

L&apos;appel passe par la passerelle de commandes de fleet-hub&#xa0;: une méthode nommée comme une commande sensible du catalogue (reboot, set_position, …), ou une méthode que le catalogue ne nomme pas, est retenue jusqu&apos;à ce qu&apos;une autre personne l&apos;approuve. --payload est l&apos;argument JSON de la méthode (par défaut null). --timeout est le délai dont dispose l&apos;appareil pour répondre, de 5 à 300 secondes (par défaut 30)&#xa0;; fleet-hub répond 504 s&apos;il ne répond pas, et 404 immédiatement si l&apos;appareil n&apos;est pas connecté.

Code de sortie&#xa0;: 0 l&apos;appareil a répondu 2xx (ou, sans --wait, l&apos;appel a été soumis)&#xa0;; 1 le hub a refusé l&apos;appel (400, 403, 429)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion impossible&#xa0;; 4 pas de réponse à temps&#xa0;; 5 l&apos;appareil a répondu un autre statut&#xa0;; 6 l&apos;appareil n&apos;est pas connecté (404) ou n&apos;a pas répondu (504)&#xa0;; 7 la passerelle l&apos;a refusé, ou un approbateur l&apos;a rejeté&#xa0;; 8 toujours retenu pour approbation quand fleetctl a cessé d&apos;attendre.</translation>
    </message>
    <message>
        <source>Sends an Azure IoT Hub device a cloud-to-device message through fleet-hub&apos;s command gate, which holds it for an approval when its catalog holds free-form requests sensitive (the default). The message reaches the device on devices/DEVICE/messages/devicebound/ with its properties (percent-encoded, as IoT Hub writes them), at QoS 1: a device that is offline with a persistent session gets it when it comes back, unless --expiry passed.

PAYLOAD is the message&apos;s text, or - to read it from standard input. --property K=V adds an application property (repeatable); --message-id, --correlation-id, --content-type and --content-encoding set the system properties $.mid, $.cid, $.ct and $.ce.

Exit status: 0 sent (or, without --wait, submitted); 2 usage error; 3 cannot connect; 4 not seen on the broker in time; 7 the gate refused it, or an approver rejected it.</source>
        <translation>Envoie à un appareil Azure IoT Hub un message cloud-vers-appareil via la passerelle de commandes de fleet-hub, qui le retient jusqu&apos;à une approbation quand son catalogue considère les requêtes libres comme sensibles (le réglage par défaut). Le message parvient à l&apos;appareil sur devices/DEVICE/messages/devicebound/ avec ses propriétés (encodées en pourcent, comme IoT Hub les écrit), en QoS 1&#xa0;: un appareil hors ligne avec une session persistante le reçoit à son retour, sauf si --expiry est dépassé.

PAYLOAD est le texte du message, ou - pour le lire sur l&apos;entrée standard. --property K=V ajoute une propriété d&apos;application (répétable)&#xa0;; --message-id, --correlation-id, --content-type et --content-encoding définissent les propriétés système $.mid, $.cid, $.ct et $.ce.

Code de sortie&#xa0;: 0 envoyé (ou, sans --wait, soumis)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion impossible&#xa0;; 4 pas vu sur le broker à temps&#xa0;; 7 la passerelle l&apos;a refusé, ou un approbateur l&apos;a rejeté.</translation>
    </message>
    <message>
        <source>Print the result as one JSON document.</source>
        <translation>Afficher le résultat sous forme d&apos;un seul document JSON.</translation>
    </message>
    <message>
        <source>How long the device has to answer, 5 to 300 seconds (default 30); fleetctl waits %1 s more for fleet-hub&apos;s answer or an approval.</source>
        <translation>Délai dont dispose l&apos;appareil pour répondre, de 5 à 300 secondes (par défaut 30)&#xa0;; fleetctl attend %1 s de plus la réponse de fleet-hub ou une approbation.</translation>
    </message>
    <message>
        <source>Refuse the update unless desired is at this $version.</source>
        <translation>Refuser la mise à jour sauf si les propriétés souhaitées sont à cette $version.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Wait for an approval when the gate holds the update.</source>
        <translation>Attendre une approbation quand la passerelle retient la mise à jour.</translation>
    </message>
    <message>
        <source>get or update.</source>
        <translation>get ou update.</translation>
    </message>
    <message>
        <source>The Azure device id.</source>
        <translation>L&apos;identifiant de l&apos;appareil Azure.</translation>
    </message>
    <message>
        <source>update: the desired patch as a JSON object, or -.</source>
        <translation>update&#xa0;: le patch des propriétés souhaitées sous forme d&apos;objet JSON, ou -.</translation>
    </message>
    <message>
        <source>The method&apos;s JSON argument (default null).</source>
        <translation>L&apos;argument JSON de la méthode (par défaut null).</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Wait for the device&apos;s answer (and an approval, when the gate holds the call).</source>
        <translation>Attendre la réponse de l&apos;appareil (et une approbation, quand la passerelle retient l&apos;appel).</translation>
    </message>
    <message>
        <source>The method&apos;s name.</source>
        <translation>Le nom de la méthode.</translation>
    </message>
    <message>
        <source>An application property (repeatable).</source>
        <translation>Une propriété d&apos;application (répétable).</translation>
    </message>
    <message>
        <source>K=V</source>
        <translation>K=V</translation>
    </message>
    <message>
        <source>The message id ($.mid; default: a new id).</source>
        <translation>L&apos;identifiant du message ($.mid&#xa0;; par défaut&#xa0;: un nouvel identifiant).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The correlation id ($.cid).</source>
        <translation>L&apos;identifiant de corrélation ($.cid).</translation>
    </message>
    <message>
        <source>The content type ($.ct), e.g. application/json.</source>
        <translation>Le type de contenu ($.ct), par exemple application/json.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>The content encoding ($.ce), e.g. utf-8.</source>
        <translation>L&apos;encodage du contenu ($.ce), par exemple utf-8.</translation>
    </message>
    <message>
        <source>ENCODING</source>
        <translation>ENCODAGE</translation>
    </message>
    <message>
        <source>Drop the message if the device has not taken it within S seconds.</source>
        <translation>Abandonner le message si l&apos;appareil ne l&apos;a pas pris dans les S secondes.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Wait until the message is on the broker (and approved, when the gate holds it).</source>
        <translation>Attendre que le message soit sur le broker (et approuvé, quand la passerelle le retient).</translation>
    </message>
    <message>
        <source>The message&apos;s text, or -.</source>
        <translation>Le texte du message, ou -.</translation>
    </message>
    <message>
        <source>Expected get or update, not &quot;%1&quot;.</source>
        <translation>get ou update est attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Missing the device id.</source>
        <translation>Identifiant d&apos;appareil manquant.</translation>
    </message>
    <message>
        <source>get takes a device id only.</source>
        <translation>get ne prend qu&apos;un identifiant d&apos;appareil.</translation>
    </message>
    <message>
        <source>update takes a device id and the desired patch.</source>
        <translation>update prend un identifiant d&apos;appareil et le patch des propriétés souhaitées.</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object such as {&quot;fan&quot;: 2}, or null.</source>
        <translation>DESIRED doit être un objet JSON tel que {&quot;fan&quot;: 2}, ou null.</translation>
    </message>
    <message>
        <source>--version: expected a whole number from 1.</source>
        <translation>--version&#xa0;: un nombre entier à partir de 1 est attendu.</translation>
    </message>
    <message>
        <source>Expected DEVICE NAME.</source>
        <translation>DEVICE NAME est attendu.</translation>
    </message>
    <message>
        <source>--payload must be JSON, e.g. &apos;{&quot;delay&quot;: 5}&apos;.</source>
        <translation>--payload doit être du JSON, par exemple &apos;{&quot;delay&quot;: 5}&apos;.</translation>
    </message>
    <message>
        <source>--timeout: expected seconds from 5 to 300 for a direct method.</source>
        <translation>--timeout&#xa0;: un nombre de secondes de 5 à 300 est attendu pour une méthode directe.</translation>
    </message>
    <message>
        <source>Expected DEVICE PAYLOAD.</source>
        <translation>DEVICE PAYLOAD est attendu.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Impossible de lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>The payload is larger than %1 bytes, what fleet-hub&apos;s gate takes.</source>
        <translation>La charge utile dépasse %1 octets, le maximum qu&apos;accepte la passerelle de fleet-hub.</translation>
    </message>
    <message>
        <source>--property: expected K=V, not &quot;%1&quot;.</source>
        <translation>--property&#xa0;: K=V est attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--expiry: expected whole seconds from 1.</source>
        <translation>--expiry&#xa0;: un nombre entier de secondes à partir de 1 est attendu.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: desired properties accepted, $version %2</source>
        <translation>%1&#xa0;: propriétés souhaitées acceptées, $version %2</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4</source>
        <translation>%1&#xa0;: %3 %4 {1 %2:?}</translation>
    </message>
    <message>
        <source>%1: message %2 sent</source>
        <translation>%1&#xa0;: message %2 envoyé</translation>
    </message>
    <message>
        <source>%1 is still held for an approval.</source>
        <translation>%1 est toujours retenu pour approbation.</translation>
    </message>
    <message>
        <source>No answer from fleet-hub about %1.</source>
        <translation>Pas de réponse de fleet-hub concernant %1.</translation>
    </message>
    <message>
        <source>%1: submitted as %2</source>
        <translation>%1&#xa0;: soumis sous %2</translation>
    </message>
    <message>
        <source>fleetctl: %1 is held for an approval: %2</source>
        <translation>fleetctl&#xa0;: %1 est retenu pour approbation&#xa0;: %2</translation>
    </message>
    <message>
        <source>fleetctl: %1 was approved (%2).</source>
        <translation>fleetctl&#xa0;: %1 a été approuvé (%2).</translation>
    </message>
    <message>
        <source>%1 was %2 by the gate: %3</source>
        <translation>%1&#xa0;: la passerelle a répondu %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: desired properties accepted, $version %2 (rollback entry %3)</source>
        <translation>%1&#xa0;: propriétés souhaitées acceptées, $version %2 (entrée d&apos;annulation %3)</translation>
    </message>
    <message>
        <source>Reads an Azure IoT Hub device twin that fleet-hub keeps, or changes its desired properties:

  get DEVICE                       the twin: desired and reported properties with their $version,
                                   and whether the device is connected
  update DEVICE DESIRED            a patch of the desired properties, a JSON object (null removes
                                   a key) or - to read it from standard input

An update goes through fleet-hub&apos;s command gate: a key its catalog lists as sensitive is held until another person approves it (--wait waits for that). --version N refuses the change (412) unless the desired properties are still at $version N. The device hears the change at once when it is connected, or reads it when it comes back. The twin is read first, so that the change, once accepted, goes into the rollback history with the properties it replaced (fleetctl rollback ID undoes it); a held change is recorded only with --wait.

Exit status: 0 read, or accepted (or held for approval, without --wait); 1 the hub refused it (unknown device, a broken rule, a stale --version); 2 usage error; 3 cannot connect; 4 no answer in time; 7 the gate refused it, or an approver rejected it.</source>
        <translation>Lit le jumeau (twin) d&apos;un appareil Azure IoT Hub que conserve fleet-hub, ou modifie ses propriétés souhaitées&#xa0;:

  get DEVICE                       le jumeau&#xa0;: propriétés souhaitées et signalées avec leur $version,
                                   et si l&apos;appareil est connecté
  update DEVICE DESIRED            un patch des propriétés souhaitées, un objet JSON (null supprime
                                   une clé) ou - pour le lire sur l&apos;entrée standard

Une mise à jour passe par la passerelle de commandes de fleet-hub&#xa0;: une clé que son catalogue déclare sensible est retenue jusqu&apos;à ce qu&apos;une autre personne l&apos;approuve (--wait attend ce moment). --version N refuse la modification (412) sauf si les propriétés souhaitées sont toujours à la $version N. L&apos;appareil reçoit la modification immédiatement s&apos;il est connecté, ou la lit à son retour. Le jumeau est lu d&apos;abord, pour que la modification, une fois acceptée, entre dans l&apos;historique d&apos;annulation avec les propriétés qu&apos;elle remplace (fleetctl rollback ID l&apos;annule)&#xa0;; une modification retenue n&apos;est enregistrée qu&apos;avec --wait.

Code de sortie&#xa0;: 0 lu, ou accepté (ou retenu pour approbation, sans --wait)&#xa0;; 1 le hub l&apos;a refusé (appareil inconnu, règle enfreinte, --version périmé)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion impossible&#xa0;; 4 pas de réponse à temps&#xa0;; 7 la passerelle l&apos;a refusé, ou un approbateur l&apos;a rejeté.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::CtlCommand</name>
    <message>
        <source>Gave up after %1 s (--timeout).</source>
        <translation>Abandon après %1 s (--timeout).</translation>
    </message>
    <message>
        <source>No answer from the broker at %1 within %2 s.</source>
        <translation>Pas de réponse du broker sur %1 en %2 s.</translation>
    </message>
    <message>
        <source>Print results as JSON, one document per line.</source>
        <translation>Afficher les résultats en JSON, un document par ligne.</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker and for the outcome (default 30).</source>
        <translation>Secondes à attendre le broker et le résultat (par défaut 30).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>The command ledger (default: %1, shared with the console).</source>
        <translation>Le registre des commandes (par défaut&#xa0;: %1, partagé avec la console).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>The command catalog (default: the built-in one, fleet-sim&apos;s commands).</source>
        <translation>Le catalogue des commandes (par défaut&#xa0;: le catalogue intégré, avec les commandes de fleet-sim).</translation>
    </message>
    <message>
        <source>--timeout: expected seconds, more than 0 and at most 86400.</source>
        <translation>--timeout&#xa0;: un nombre de secondes supérieur à 0 et au plus égal à 86400 est attendu.</translation>
    </message>
    <message>
        <source>Try &apos;fleetctl %1 --help&apos;.</source>
        <translation>Essayez &apos;fleetctl %1 --help&apos;.</translation>
    </message>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>La connexion à %1 a été fermée.</translation>
    </message>
    <message>
        <source>fleetctl: the connection to %1 was lost (%2); reconnecting…</source>
        <translation>fleetctl&#xa0;: connexion à %1 perdue (%2)&#xa0;; reconnexion…</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>fleetctl: reconnected to %1.</source>
        <translation>fleetctl&#xa0;: reconnecté à %1.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::DevicesCommand</name>
    <message>
        <source>devices                            the fleet: connectivity, last seen, groups, shadow</source>
        <translation>devices                            la flotte&#xa0;: connectivité, vu pour la dernière fois, groupes, shadow</translation>
    </message>
    <message>
        <source>Lists the devices the broker knows of: retained presence (presence/ID), then telemetry, command replies and shadow traffic heard within --listen seconds, as the console&apos;s device table does. --import adds a device list (a JSON array of {&quot;id&quot;, &quot;groups&quot;} or one id per line). Columns: id, connectivity, since, last seen, groups, shadow (in sync, or how many desired keys differ).</source>
        <translation>Liste les appareils que connaît le broker&#xa0;: la présence retenue (presence/ID), puis la télémétrie, les réponses aux commandes et le trafic des shadows reçus pendant --listen secondes, comme le fait la table des appareils de la console. --import ajoute une liste d&apos;appareils (un tableau JSON de {&quot;id&quot;, &quot;groups&quot;} ou un identifiant par ligne). Colonnes&#xa0;: identifiant, connectivité, depuis, vu pour la dernière fois, groupes, shadow (synchronisé, ou nombre de clés désirées qui diffèrent).</translation>
    </message>
    <message>
        <source>Seconds to listen for traffic after the retained messages (default 1).</source>
        <translation>Secondes d&apos;écoute du trafic après les messages retenus (par défaut 1).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>A device list to add.</source>
        <translation>Une liste d&apos;appareils à ajouter.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Only ids containing TEXT.</source>
        <translation>Uniquement les identifiants contenant TEXTE.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <source>Only members of GROUP.</source>
        <translation>Uniquement les membres de GROUPE.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GROUPE</translation>
    </message>
    <message>
        <source>Only online, offline or unknown devices.</source>
        <translation>Uniquement les appareils à l&apos;état online, offline ou unknown.</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--listen: expected seconds, 0 to 3600.</source>
        <translation>--listen&#xa0;: un nombre de secondes de 0 à 3600 est attendu.</translation>
    </message>
    <message>
        <source>--connectivity: expected online, offline or unknown.</source>
        <translation>--connectivity&#xa0;: online, offline ou unknown attendu.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ctl::RollbackCommand</name>
    <message>
        <source>rollback list [DEVICE] | rollback ID  the change history, and undoing one change</source>
        <translation>rollback list [DEVICE] | rollback ID  l&apos;historique des modifications, et l&apos;annulation d&apos;une modification</translation>
    </message>
    <message>
        <source>Wait for the inverse command&apos;s verdict.</source>
        <translation>Attendre le verdict de la commande inverse.</translation>
    </message>
    <message>
        <source>list [DEVICE], or an entry&apos;s id.</source>
        <translation>list [DEVICE], ou l&apos;identifiant d&apos;une entrée.</translation>
    </message>
    <message>
        <source>Missing list or an entry&apos;s id.</source>
        <translation>Il manque list ou l&apos;identifiant d&apos;une entrée.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry id (see &apos;fleetctl rollback list&apos;).</source>
        <translation>&quot;%1&quot; n&apos;est pas un identifiant d&apos;entrée (voir &apos;fleetctl rollback list&apos;).</translation>
    </message>
    <message>
        <source>There is no rollback entry %1 in the ledger %2.</source>
        <translation>Il n&apos;y a pas d&apos;entrée d&apos;annulation %1 dans le registre %2.</translation>
    </message>
    <message>
        <source>rolled back entry %1: desired %2 (version %3)</source>
        <translation>entrée %1 annulée&#xa0;: désiré %2 (version %3)</translation>
    </message>
    <message>
        <source>command %1 %2 (before: %3)</source>
        <translation>commande %1 %2 (avant&#xa0;: %3)</translation>
    </message>
    <message>
        <source>desired %1 -&gt; %2</source>
        <translation>désiré %1 -&gt; %2</translation>
    </message>
    <message>
        <source>  (rolled back by %1)</source>
        <translation>  (annulée par %1)</translation>
    </message>
    <message>
        <source>rolling back entry %1: %2</source>
        <translation>annulation de l&apos;entrée %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Every change made from the console or fleetctl that can be undone is in the ledger&apos;s rollback history: desired-state updates (before and after) and commands whose catalog entry has an inverse (with the reported state captured before they ran).

  list [DEVICE]   the history, oldest first: id, time, device, what changed, and whether it was rolled back
  ID              undo entry ID: the previous desired values (keys that were added removed), or the command&apos;s inverse, sent and tracked like any command (approved first when sensitive); a desired batch (&apos;fleetctl shadow update --group&apos;) restores every device&apos;s previous values, one line per device, and leaves alone (and reports) a device whose desired state changed since in a key the batch set; rolling it back again retries the devices that failed

Exit status: as `fleetctl send` (with --wait, the verdict of the inverse command); 1 for an unknown entry, one already rolled back, or one that cannot be undone.</source>
        <translation>Chaque modification faite depuis la console ou fleetctl qui peut être annulée figure dans l&apos;historique d&apos;annulation du registre&#xa0;: les mises à jour de l&apos;état désiré (avant et après) et les commandes dont l&apos;entrée du catalogue a un inverse (avec l&apos;état signalé capturé avant leur exécution).

  list [DEVICE]   l&apos;historique, du plus ancien au plus récent&#xa0;: identifiant, heure, appareil, ce qui a changé, et si la modification a été annulée
  ID              annule l&apos;entrée ID&#xa0;: les valeurs désirées précédentes (les clés qui avaient été ajoutées sont supprimées), ou la commande inverse, envoyée et suivie comme toute commande (d&apos;abord approuvée si elle est sensible)&#xa0;; un lot d&apos;état désiré (&apos;fleetctl shadow update --group&apos;) restaure les valeurs précédentes de chaque appareil, une ligne par appareil, et laisse tel quel (en le signalant) un appareil dont l&apos;état désiré a changé depuis sur une clé définie par le lot&#xa0;; l&apos;annuler à nouveau réessaie les appareils en échec

Code de sortie&#xa0;: comme `fleetctl send` (avec --wait, le verdict de la commande inverse)&#xa0;; 1 pour une entrée inconnue, déjà annulée, ou qui ne peut pas être annulée.</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>[%1/%2] %3: %4</source>
        <translation>[%1/%2] %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>rolled back entry %1</source>
        <translation>entrée %1 annulée</translation>
    </message>
    <message>
        <source>entry %1 is rolled back in part: %2 (&apos;fleetctl rollback %1&apos; tries the remaining devices again)</source>
        <translation>l&apos;entrée %1 est annulée en partie&#xa0;: %2 (&apos;fleetctl rollback %1&apos; réessaie les appareils restants)</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n appareil</numerusform>
            <numerusform>%n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (%1)</source>
        <translation>
            <numerusform>%n appareil (%1)</numerusform>
            <numerusform>%n appareils (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>desired %1</source>
        <translation>désiré %1</translation>
    </message>
    <message>
        <source>entry %1: restoring it is held for an approval (%2)</source>
        <translation>entrée %1&#xa0;: sa restauration est retenue pour une approbation (%2)</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::SendCommand</name>
    <message>
        <source>send TARGET COMMAND [NAME=VALUE…]  send a tracked command (--raw, --group, --wait)</source>
        <translation>send TARGET COMMAND [NAME=VALUE…]  envoie une commande suivie (--raw, --group, --wait)</translation>
    </message>
    <message>
        <source>Send to a group&apos;s topic: every member answers on its own.</source>
        <translation>Envoyer sur le topic d&apos;un groupe&#xa0;: chaque membre répond de son côté.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GROUPE</translation>
    </message>
    <message>
        <source>Send this payload verbatim to TARGET instead of a catalog command.</source>
        <translation>Envoyer cette charge utile telle quelle à TARGET au lieu d&apos;une commande du catalogue.</translation>
    </message>
    <message>
        <source>PAYLOAD</source>
        <translation>CHARGE</translation>
    </message>
    <message>
        <source>The command&apos;s parameters as a JSON object.</source>
        <translation>Les paramètres de la commande sous forme d&apos;objet JSON.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Wait for every verdict (see --timeout).</source>
        <translation>Attendre tous les verdicts (voir --timeout).</translation>
    </message>
    <message>
        <source>A device id, or ids separated by commas.</source>
        <translation>Un identifiant d&apos;appareil, ou des identifiants séparés par des virgules.</translation>
    </message>
    <message>
        <source>The catalog command.</source>
        <translation>La commande du catalogue.</translation>
    </message>
    <message>
        <source>NAME=VALUE pairs.</source>
        <translation>Paires NAME=VALUE.</translation>
    </message>
    <message>
        <source>--raw goes to one device, not to a group.</source>
        <translation>--raw s&apos;envoie à un appareil, pas à un groupe.</translation>
    </message>
    <message>
        <source>--group needs a group name.</source>
        <translation>--group exige un nom de groupe.</translation>
    </message>
    <message>
        <source>Missing the target device.</source>
        <translation>Appareil cible manquant.</translation>
    </message>
    <message>
        <source>--raw goes to exactly one device.</source>
        <translation>--raw s&apos;envoie à exactement un appareil.</translation>
    </message>
    <message>
        <source>--raw takes no command or parameters; unexpected &quot;%1&quot;.</source>
        <translation>--raw n&apos;accepte ni commande ni paramètres&#xa0;; &quot;%1&quot; inattendu.</translation>
    </message>
    <message>
        <source>--raw needs a payload.</source>
        <translation>--raw exige une charge utile.</translation>
    </message>
    <message>
        <source>Missing the command (one of: %1).</source>
        <translation>Commande manquante (l&apos;une de&#xa0;: %1).</translation>
    </message>
    <message>
        <source>--params must be a JSON object such as {&quot;position&quot;: 40}.</source>
        <translation>--params doit être un objet JSON tel que {&quot;position&quot;: 40}.</translation>
    </message>
    <message>
        <source>Expected NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>NAME=VALUE attendu, et non &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>broadcast %1</source>
        <translation>diffusion %1</translation>
    </message>
    <message>
        <source>Command %1 is not in the ledger.</source>
        <translation>La commande %1 n&apos;est pas dans le registre.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) answered</source>
        <translation>
            <numerusform>%n appareil a répondu</numerusform>
            <numerusform>%n appareils ont répondu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  (%n attempt(s))</source>
        <translation>
            <numerusform>  (%n tentative)</numerusform>
            <numerusform>  (%n tentatives)</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 ms</source>
        <translation>  %1 ms</translation>
    </message>
    <message>
        <source>  (waiting for another user&apos;s approval; `fleetctl status %1 --wait` sends it once approved)</source>
        <translation>  (en attente de l&apos;approbation d&apos;un autre utilisateur&#xa0;; `fleetctl status %1 --wait` l&apos;envoie une fois approuvée)</translation>
    </message>
    <message numerus="yes">
        <source>  (%n reply(ies) could not be read: %1)</source>
        <translation>
            <numerusform>  (%n réponse n&apos;a pas pu être lue&#xa0;: %1)</numerusform>
            <numerusform>  (%n réponses n&apos;ont pas pu être lues&#xa0;: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>fleetctl: `fleetctl status %1 --wait` goes on from here.</source>
        <translation>fleetctl&#xa0;: `fleetctl status %1 --wait` reprend à partir d&apos;ici.</translation>
    </message>
    <message>
        <source>Sends a command from the catalog to a device, to several (TARGET dev-1,dev-2) or to a group (--group GROUP COMMAND), or a free-form payload (--raw PAYLOAD), and tracks it like the console does: retries with the same tid, heartbeats, duplicate and late replies, the shared ledger. A sensitive command waits in the approval queue for another user&apos;s decision first (--username is the requester&apos;s identity).

Parameters are NAME=VALUE (VALUE is read as JSON when it can be: position=40, on=true, color=red) or --params with a JSON object. A command with an inverse in the catalog is recorded for `fleetctl rollback`, with the device&apos;s reported shadow captured before it runs.

Without --wait, fleetctl ends once the request (or the approval request) is on the broker and prints its id; `fleetctl status ID` follows it later. With --wait it prints each verdict. A broker restart in the middle is ridden out (reconnect, resubscribe) until --timeout; whatever happens, every verdict it has is printed before it ends, and `fleetctl status ID --wait` (ID a command&apos;s or a broadcast&apos;s) goes on from there.

Exit status: 0 sent (or succeeded, with --wait); 2 usage error or invalid parameters; 3 broker connection; 4 --timeout passed before every verdict; 5 the device answered FAILURE; 6 timed out or unreachable; 7 rejected by an approver, expired or cancelled. With several devices the worst verdict decides.</source>
        <translation>Envoie une commande du catalogue à un appareil, à plusieurs (TARGET dev-1,dev-2) ou à un groupe (--group GROUPE COMMAND), ou une charge utile libre (--raw CHARGE), et la suit comme le fait la console&#xa0;: nouvelles tentatives avec le même tid, heartbeats, réponses en double et tardives, registre partagé. Une commande sensible attend d&apos;abord dans la file d&apos;approbations la décision d&apos;un autre utilisateur (--username est l&apos;identité du demandeur).

Les paramètres s&apos;écrivent NAME=VALUE (VALUE est lu comme du JSON quand c&apos;est possible&#xa0;: position=40, on=true, color=red) ou via --params avec un objet JSON. Une commande qui a un inverse dans le catalogue est enregistrée pour `fleetctl rollback`, avec l&apos;état signalé du shadow de l&apos;appareil capturé avant son exécution.

Sans --wait, fleetctl se termine dès que la requête (ou la demande d&apos;approbation) est sur le broker et affiche son identifiant&#xa0;; `fleetctl status ID` la suit ensuite. Avec --wait, il affiche chaque verdict. Un redémarrage du broker en cours de route est surmonté (reconnexion, nouvel abonnement) jusqu&apos;à --timeout&#xa0;; quoi qu&apos;il arrive, tous les verdicts obtenus sont affichés avant la fin, et `fleetctl status ID --wait` (ID d&apos;une commande ou d&apos;une diffusion) reprend à partir de là.

Code de sortie&#xa0;: 0 envoyée (ou réussie, avec --wait)&#xa0;; 2 erreur d&apos;utilisation ou paramètres invalides&#xa0;; 3 connexion au broker&#xa0;; 4 --timeout dépassé avant tous les verdicts&#xa0;; 5 l&apos;appareil a répondu FAILURE&#xa0;; 6 délai dépassé ou injoignable&#xa0;; 7 rejetée par un approbateur, expirée ou annulée. Avec plusieurs appareils, le pire verdict l&apos;emporte.</translation>
    </message>
    <message>
        <source>  (held by fleet-hub&apos;s gate for another user&apos;s approval; it sends it once approved, and `fleetctl status %1 --wait` follows it)</source>
        <translation>  (retenue par la passerelle de fleet-hub jusqu&apos;à l&apos;approbation d&apos;un autre utilisateur&#xa0;; elle l&apos;envoie une fois approuvée, et `fleetctl status %1 --wait` la suit)</translation>
    </message>
    <message>
        <source>Group request %1 was not sent: %2</source>
        <translation>La demande de groupe %1 n&apos;a pas été envoyée&#xa0;: %2</translation>
    </message>
    <message>
        <source>fleetctl: warning: %1</source>
        <translation>fleetctl&#xa0;: avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>  (retry of %1)</source>
        <translation>  (relance de %1)</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::ShadowBatchCommand</name>
    <message>
        <source>Sets the desired state of many devices in one action:

  update --group GROUP DESIRED      every member of GROUP (retained presence, then each device&apos;s
                                    classic shadow, which announces its groups)
  update --devices A,B,C DESIRED    the devices named

DESIRED is a JSON object (&apos;{&quot;limit&quot;:5}&apos;), or - to read it from standard input. Each device&apos;s desired state is read, then updated at that version, at most %1 devices at a time and at most %2 in all; a key the gate&apos;s catalog lists as sensitive is held by fleet-hub for an approver, device by device (at most %3 devices then). One line per device as it is done: accepted (with the new version), held, or refused (with the service&apos;s code and message). The devices that accepted are ONE entry of the rollback history: &apos;fleetctl rollback ID&apos; restores every device&apos;s previous values, and leaves alone a device whose desired state changed since.

Exit status: 0 every device accepted (or is held for approval); 1 a device refused it, or the batch was refused whole (no members, too many devices); 2 usage error; 3 cannot connect; 4 every failure was a timeout.</source>
        <translation>Définit l&apos;état désiré de nombreux appareils en une seule action&#xa0;:

  update --group GROUP DESIRED      chaque membre de GROUP (présence retenue, puis le shadow
                                    classique de chaque appareil, qui annonce ses groupes)
  update --devices A,B,C DESIRED    les appareils nommés

DESIRED est un objet JSON (&apos;{&quot;limit&quot;:5}&apos;), ou - pour le lire sur l&apos;entrée standard. L&apos;état désiré de chaque appareil est lu, puis mis à jour à cette version, au plus %1 appareils à la fois et au plus %2 au total&#xa0;; une clé que le catalogue de la passerelle déclare sensible est retenue par fleet-hub pour un approbateur, appareil par appareil (au plus %3 appareils dans ce cas). Une ligne par appareil dès qu&apos;il est traité&#xa0;: accepté (avec la nouvelle version), retenu ou refusé (avec le code et le message du service). Les appareils qui ont accepté forment UNE entrée de l&apos;historique d&apos;annulation&#xa0;: &apos;fleetctl rollback ID&apos; restaure les valeurs précédentes de chaque appareil, et laisse tel quel un appareil dont l&apos;état désiré a changé depuis.

Code de sortie&#xa0;: 0 tous les appareils ont accepté (ou la modification est retenue pour approbation)&#xa0;; 1 un appareil l&apos;a refusée, ou le lot a été refusé en entier (aucun membre, trop d&apos;appareils)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion impossible&#xa0;; 4 tous les échecs étaient des dépassements de délai.</translation>
    </message>
    <message>
        <source>One JSON line per device ({&quot;device&quot;, &quot;status&quot;, &quot;version&quot; or &quot;code&quot; and &quot;message&quot;}), then a summary ({&quot;entry&quot;, &quot;total&quot;, &quot;accepted&quot;, &quot;held&quot;, &quot;refused&quot;}).</source>
        <translation>Une ligne JSON par appareil ({&quot;device&quot;, &quot;status&quot;, &quot;version&quot; ou &quot;code&quot; et &quot;message&quot;}), puis un résumé ({&quot;entry&quot;, &quot;total&quot;, &quot;accepted&quot;, &quot;held&quot;, &quot;refused&quot;}).</translation>
    </message>
    <message>
        <source>Every member of GROUP.</source>
        <translation>Tous les membres de GROUP.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GROUPE</translation>
    </message>
    <message>
        <source>The devices named, comma-separated.</source>
        <translation>Les appareils nommés, séparés par des virgules.</translation>
    </message>
    <message>
        <source>A,B,C</source>
        <translation>A,B,C</translation>
    </message>
    <message>
        <source>Named shadow (default: the classic shadow).</source>
        <translation>Shadow nommé (par défaut&#xa0;: le shadow classique).</translation>
    </message>
    <message>
        <source>SHADOW</source>
        <translation>SHADOW</translation>
    </message>
    <message>
        <source>update.</source>
        <translation>update.</translation>
    </message>
    <message>
        <source>The desired state as a JSON object, or -.</source>
        <translation>L&apos;état désiré sous forme d&apos;objet JSON, ou -.</translation>
    </message>
    <message>
        <source>--group and --devices apply to update only.</source>
        <translation>--group et --devices ne s&apos;appliquent qu&apos;à update.</translation>
    </message>
    <message>
        <source>Give --group GROUP or --devices A,B,C (one of them).</source>
        <translation>Indiquez --group GROUP ou --devices A,B,C (l&apos;un ou l&apos;autre).</translation>
    </message>
    <message>
        <source>--group needs a group name.</source>
        <translation>--group exige un nom de groupe.</translation>
    </message>
    <message>
        <source>--devices needs at least one device.</source>
        <translation>--devices exige au moins un appareil.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom d&apos;objet valide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de shadow valide.</translation>
    </message>
    <message>
        <source>Missing the desired state (a JSON object).</source>
        <translation>État désiré manquant (un objet JSON).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--password-stdin cannot be combined with reading the state from standard input (-); use FLEET_MQTT_PASSWORD.</source>
        <translation>--password-stdin ne peut pas être combiné avec la lecture de l&apos;état sur l&apos;entrée standard (-)&#xa0;; utilisez FLEET_MQTT_PASSWORD.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Impossible de lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>DESIRED is not valid JSON: %1</source>
        <translation>DESIRED n&apos;est pas du JSON valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object.</source>
        <translation>DESIRED doit être un objet JSON.</translation>
    </message>
    <message numerus="yes">
        <source>desired %1 on %n devices%2</source>
        <translation>
            <numerusform>désiré %1 sur %n appareil%2</numerusform>
            <numerusform>désiré %1 sur %n appareils%2</numerusform>
        </translation>
    </message>
    <message>
        <source> (sensitive: each device&apos;s change is held for approval)</source>
        <translation> (sensible&#xa0;: la modification de chaque appareil est retenue pour approbation)</translation>
    </message>
    <message>
        <source>accepted (version %1)</source>
        <translation>accepté (version %1)</translation>
    </message>
    <message>
        <source>held for approval</source>
        <translation>retenu pour approbation</translation>
    </message>
    <message>
        <source>changed since: left as it is</source>
        <translation>modifié depuis&#xa0;: laissé tel quel</translation>
    </message>
    <message>
        <source>refused: error %1: %2</source>
        <translation>refusé&#xa0;: erreur %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>[%1/%2] %3: %4</source>
        <translation>[%1/%2] %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 of %2 devices accepted, %3 held for approval, %4 refused</source>
        <translation>%1 appareils sur %2 ont accepté, %3 retenus pour approbation, %4 refusés</translation>
    </message>
    <message>
        <source>rollback entry %1 (&apos;fleetctl rollback %1&apos; undoes it on every device)</source>
        <translation>entrée d&apos;annulation %1 (&apos;fleetctl rollback %1&apos; l&apos;annule sur tous les appareils)</translation>
    </message>
    <message>
        <source>left out, Azure IoT Hub devices whose desired properties are in a twin (fleetctl twin update): %1</source>
        <translation>laissés de côté, appareils Azure IoT Hub dont les propriétés souhaitées sont dans un jumeau (fleetctl twin update)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::ShadowCommand</name>
    <message>
        <source>%1: none</source>
        <translation>%1&#xa0;: aucun</translation>
    </message>
    <message>
        <source>shadow get|update|delete|watch THING   read, update, delete or follow a device shadow</source>
        <translation>shadow get|update|delete|watch THING   lit, met à jour, supprime ou suit un shadow d&apos;appareil</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Impossible de lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 n&apos;est pas du JSON valide&#xa0;: %2</translation>
    </message>
    <message>
        <source>Named shadow (default: the classic shadow).</source>
        <translation>Shadow nommé (par défaut&#xa0;: le shadow classique).</translation>
    </message>
    <message>
        <source>SHADOW</source>
        <translation>SHADOW</translation>
    </message>
    <message>
        <source>Print the service&apos;s reply as JSON on one line (watch: one line per event).</source>
        <translation>Afficher la réponse du service en JSON sur une ligne (watch&#xa0;: une ligne par événement).</translation>
    </message>
    <message>
        <source>update: apply only if the shadow is at version N, else error 409.</source>
        <translation>update&#xa0;: n&apos;appliquer que si le shadow est à la version N, sinon erreur 409.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker, and then for the reply (default 10).</source>
        <translation>Secondes à attendre le broker, puis la réponse (par défaut 10).</translation>
    </message>
    <message>
        <source>update: the full state object {&quot;desired&quot;:…,&quot;reported&quot;:…} instead of DESIRED; - reads it from standard input.</source>
        <translation>update&#xa0;: l&apos;objet d&apos;état complet {&quot;desired&quot;:…,&quot;reported&quot;:…} au lieu de DESIRED&#xa0;; - le lit sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>watch: stop after N events (the initial state does not count).</source>
        <translation>watch&#xa0;: arrêter après N événements (l&apos;état initial ne compte pas).</translation>
    </message>
    <message>
        <source>get, update, delete or watch.</source>
        <translation>get, update, delete ou watch.</translation>
    </message>
    <message>
        <source>The thing name.</source>
        <translation>Le nom de l&apos;objet.</translation>
    </message>
    <message>
        <source>update: the desired state as JSON, or -.</source>
        <translation>update&#xa0;: l&apos;état désiré en JSON, ou -.</translation>
    </message>
    <message>
        <source>Missing the action: get, update, delete or watch.</source>
        <translation>Action manquante&#xa0;: get, update, delete ou watch.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: expected get, update, delete or watch.</source>
        <translation>Action inconnue &quot;%1&quot;&#xa0;: get, update, delete ou watch attendu.</translation>
    </message>
    <message>
        <source>Missing the thing name.</source>
        <translation>Nom d&apos;objet manquant.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name: 1 to 128 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom d&apos;objet valide&#xa0;: 1 à 128 caractères parmi a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; et &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name: 1 to 64 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; and &apos;$&apos;.</source>
        <translation>&quot;%1&quot; n&apos;est pas un nom de shadow valide&#xa0;: 1 à 64 caractères parmi a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; et &apos;$&apos;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--version N only applies to update.</source>
        <translation>--version N ne s&apos;applique qu&apos;à update.</translation>
    </message>
    <message>
        <source>--version: expected a whole number, 0 or more.</source>
        <translation>--version&#xa0;: un nombre entier supérieur ou égal à 0 est attendu.</translation>
    </message>
    <message>
        <source>--state only applies to update.</source>
        <translation>--state ne s&apos;applique qu&apos;à update.</translation>
    </message>
    <message>
        <source>--count only applies to watch.</source>
        <translation>--count ne s&apos;applique qu&apos;à watch.</translation>
    </message>
    <message>
        <source>--count: expected a whole number, 1 or more.</source>
        <translation>--count&#xa0;: un nombre entier supérieur ou égal à 1 est attendu.</translation>
    </message>
    <message>
        <source>update needs the desired state as JSON, or --state with a full state object (one of them, not both).</source>
        <translation>update exige l&apos;état désiré en JSON, ou --state avec un objet d&apos;état complet (l&apos;un ou l&apos;autre, pas les deux).</translation>
    </message>
    <message>
        <source>--password-stdin cannot be combined with reading the state from standard input (-); use FLEET_MQTT_PASSWORD.</source>
        <translation>--password-stdin ne peut pas être combiné avec la lecture de l&apos;état sur l&apos;entrée standard (-)&#xa0;; utilisez FLEET_MQTT_PASSWORD.</translation>
    </message>
    <message>
        <source>--state</source>
        <translation>--state</translation>
    </message>
    <message>
        <source>DESIRED</source>
        <translation>DESIRED</translation>
    </message>
    <message>
        <source>--state must be a JSON object such as {&quot;desired&quot;:{…},&quot;reported&quot;:{…}}.</source>
        <translation>--state doit être un objet JSON tel que {&quot;desired&quot;:{…},&quot;reported&quot;:{…}}.</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object (or null, to clear the desired state).</source>
        <translation>DESIRED doit être un objet JSON (ou null, pour effacer l&apos;état désiré).</translation>
    </message>
    <message>
        <source>fleetctl: cannot catch SIGINT/SIGTERM; they will end the watch abruptly.</source>
        <translation>fleetctl: impossible d&apos;intercepter SIGINT/SIGTERM&#xa0;; ils mettront fin brutalement à la surveillance.</translation>
    </message>
    <message>
        <source>%1 (classic shadow)</source>
        <translation>%1 (shadow classique)</translation>
    </message>
    <message>
        <source>%1 (shadow &quot;%2&quot;)</source>
        <translation>%1 (shadow &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 version %2</translation>
    </message>
    <message>
        <source>%1 updated: now at version %2</source>
        <translation>%1 mis à jour&#xa0;: maintenant à la version %2</translation>
    </message>
    <message>
        <source>%1 deleted at version %2</source>
        <translation>%1 supprimé à la version %2</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 n&apos;existe pas (encore).</translation>
    </message>
    <message>
        <source>Watching %1; Ctrl+C to stop.</source>
        <translation>Surveillance de %1&#xa0;; Ctrl+C pour arrêter.</translation>
    </message>
    <message>
        <source>%1 changed: version %2</source>
        <translation>%1 modifié&#xa0;: version %2</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 n&apos;existe plus.</translation>
    </message>
    <message>
        <source>%1 delta at version %2:</source>
        <translation>%1&#xa0;: delta à la version %2&#xa0;:</translation>
    </message>
    <message>
        <source>%1 was deleted at version %2</source>
        <translation>%1 a été supprimé à la version %2</translation>
    </message>
    <message>
        <source>fleetctl: reloading %1 failed: error %2: %3</source>
        <translation>fleetctl: échec du rechargement de %1&#xa0;: erreur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 after %2 s: is a shadow service (fleet-hub, AWS IoT) serving this broker?</source>
        <translation>%1 après %2 s&#xa0;: un service de shadows (fleet-hub, AWS IoT) dessert-il ce broker&#xa0;?</translation>
    </message>
    <message>
        <source>update: the ledger whose rollback history records the change (default: %1).</source>
        <translation>update&#xa0;: le registre dont l&apos;historique d&apos;annulation enregistre la modification (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>fleetctl: the update is not in the rollback history: %1</source>
        <translation>fleetctl: la mise à jour ne figure pas dans l&apos;historique d&apos;annulation&#xa0;: %1</translation>
    </message>
    <message>
        <source>rollback entry %1 (&apos;fleetctl rollback %1&apos; undoes this update)</source>
        <translation>entrée d&apos;annulation %1 (&apos;fleetctl rollback %1&apos; annule cette mise à jour)</translation>
    </message>
    <message>
        <source>Reads, updates, deletes or follows an AWS IoT device shadow: on AWS IoT Core, or on any broker served by fleet-hub.

  get THING                  print the shadow: version, desired, reported and delta
  update THING DESIRED       set the desired state: DESIRED is a JSON object (&apos;{&quot;color&quot;:&quot;red&quot;}&apos;),
                             null to clear it, or - to read the JSON from standard input
  update THING --state JSON  send a full state object (&apos;{&quot;desired&quot;:{...},&quot;reported&quot;:{...}}&apos;)
  update --group GROUP DESIRED, update --devices A,B,C DESIRED
                             set the desired state of many devices in one action, with one
                             rollback entry for all of them (see &apos;fleetctl shadow update --group G --help&apos;)
  delete THING               delete the shadow (its version counter survives)
  watch THING                print the shadow, then every change, delta and deletion as it
                             arrives, until SIGINT/SIGTERM or --count events

An update of the desired state reads the shadow first and records the change in the ledger&apos;s rollback history (--ledger), so that &apos;fleetctl rollback ID&apos; can undo it.

Exit status: 0 done; 1 rejected by the shadow service (&quot;error CODE: MESSAGE&quot; on stderr);
2 usage error; 3 cannot connect to the broker, or the connection was lost; 4 no reply from the shadow service within --timeout.</source>
        <translation>Lit, met à jour, supprime ou suit un shadow d&apos;appareil AWS IoT&#xa0;: sur AWS IoT Core, ou sur tout broker servi par fleet-hub.

  get THING                  affiche le shadow&#xa0;: version, desired, reported et delta
  update THING DESIRED       définit l&apos;état désiré&#xa0;: DESIRED est un objet JSON (&apos;{&quot;color&quot;:&quot;red&quot;}&apos;),
                             null pour l&apos;effacer, ou - pour lire le JSON sur l&apos;entrée standard
  update THING --state JSON  envoie un objet d&apos;état complet (&apos;{&quot;desired&quot;:{...},&quot;reported&quot;:{...}}&apos;)
  update --group GROUP DESIRED, update --devices A,B,C DESIRED
                             définit l&apos;état désiré de nombreux appareils en une seule action, avec
                             une seule entrée d&apos;annulation pour tous (voir &apos;fleetctl shadow update --group G --help&apos;)
  delete THING               supprime le shadow (son compteur de versions est conservé)
  watch THING                affiche le shadow, puis chaque changement, delta et suppression
                             à leur arrivée, jusqu&apos;à SIGINT/SIGTERM ou --count événements

Une mise à jour de l&apos;état désiré lit d&apos;abord le shadow et enregistre la modification dans l&apos;historique d&apos;annulation du registre (--ledger), afin que &apos;fleetctl rollback ID&apos; puisse l&apos;annuler.

Code de sortie&#xa0;: 0 terminé&#xa0;; 1 rejeté par le service de shadows (&quot;error CODE: MESSAGE&quot; sur stderr)&#xa0;;
2 erreur d&apos;utilisation&#xa0;; 3 connexion au broker impossible, ou connexion perdue&#xa0;; 4 pas de réponse du service de shadows dans le délai --timeout.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::StatusCommand</name>
    <message>
        <source>status [ID]                        the ledger&apos;s commands, or one command&apos;s history and verdict</source>
        <translation>status [ID]                        les commandes du registre, ou l&apos;historique et le verdict d&apos;une commande</translation>
    </message>
    <message>
        <source>How many commands to list (default 20).</source>
        <translation>Nombre de commandes à lister (par défaut 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Resume the command and wait for its verdict.</source>
        <translation>Reprendre la commande et attendre son verdict.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--wait needs the command&apos;s ID.</source>
        <translation>--wait exige l&apos;ID de la commande.</translation>
    </message>
    <message>
        <source>--limit: expected a whole number, 1 or more.</source>
        <translation>--limit&#xa0;: un nombre entier supérieur ou égal à 1 est attendu.</translation>
    </message>
    <message>
        <source>fleetctl: the ledger %1 has no commands yet.</source>
        <translation>fleetctl: le registre %1 ne contient encore aucune commande.</translation>
    </message>
    <message>
        <source>Command %1 could not be resumed.</source>
        <translation>La commande %1 n&apos;a pas pu être reprise.</translation>
    </message>
    <message>
        <source>%1  %2 on %3: %4</source>
        <translation>%1  %2 sur %3&#xa0;: %4</translation>
    </message>
    <message>
        <source>  reason: %1</source>
        <translation>  motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>  requested by: %1</source>
        <translation>  demandée par&#xa0;: %1</translation>
    </message>
    <message>
        <source>  parameters: %1</source>
        <translation>  paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <source>  result: %1</source>
        <translation>  résultat&#xa0;: %1</translation>
    </message>
    <message>
        <source>  attempts: %1, heartbeats: %2</source>
        <translation>  tentatives&#xa0;: %1, heartbeats&#xa0;: %2</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>en double</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tardive</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>hors séquence</translation>
    </message>
    <message>
        <source>  reply %1  %2%3%4</source>
        <translation>  réponse %1  %2%3%4</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Without ID: the latest commands in the ledger (--limit), newest first. With ID: that command, every state it went through and every reply, and the exit status tells its verdict. With --wait (and ID), fleetctl connects, resumes the command where the ledger left it (a crashed console&apos;s command, or one waiting for approval) and waits for its verdict.

ID may also be a broadcast&apos;s (what `fleetctl send` printed for a selection or a group): every part is listed, and with --wait the unfinished parts are resumed together and followed to their verdicts; the exit status is the worst one.

Exit status (with ID): 0 succeeded; 5 failed; 6 timed out or unreachable; 7 rejected or cancelled; 8 no verdict yet; 1 no such command; 3 broker connection; 4 --timeout passed.</source>
        <translation>Sans ID&#xa0;: les dernières commandes du registre (--limit), de la plus récente à la plus ancienne. Avec ID&#xa0;: cette commande, chaque état par lequel elle est passée et chaque réponse, et le code de sortie indique son verdict. Avec --wait (et un ID), fleetctl se connecte, reprend la commande là où le registre l&apos;a laissée (la commande d&apos;une console qui s&apos;est arrêtée brutalement, ou une commande en attente d&apos;approbation) et attend son verdict.

L&apos;ID peut aussi être celui d&apos;une diffusion (ce qu&apos;a affiché `fleetctl send` pour une sélection ou un groupe)&#xa0;: chaque partie est listée et, avec --wait, les parties inachevées sont reprises ensemble et suivies jusqu&apos;à leur verdict&#xa0;; le code de sortie est le pire.

Code de sortie (avec ID)&#xa0;: 0 réussie&#xa0;; 5 échouée&#xa0;; 6 délai dépassé ou injoignable&#xa0;; 7 rejetée ou annulée&#xa0;; 8 pas encore de verdict&#xa0;; 1 commande inexistante&#xa0;; 3 connexion au broker&#xa0;; 4 --timeout dépassé.</translation>
    </message>
    <message>
        <source>A command&apos;s id (its tid), or a broadcast&apos;s.</source>
        <translation>L&apos;identifiant d&apos;une commande (son tid) ou d&apos;une diffusion.</translation>
    </message>
    <message>
        <source>There is no command or broadcast %1 in the ledger %2.</source>
        <translation>Il n&apos;y a ni commande ni diffusion %1 dans le registre %2.</translation>
    </message>
    <message>
        <source>  retry of: %1</source>
        <translation>  relance de&#xa0;: %1</translation>
    </message>
    <message>
        <source>  retried as: %1</source>
        <translation>  relancée en tant que&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::TrafficCommand</name>
    <message>
        <source>traffic --filter F                 live topic traffic</source>
        <translation>traffic --filter F                 trafic des topics en direct</translation>
    </message>
    <message>
        <source>Prints every message on the topic filters (--filter, repeatable; default #) as it arrives: time, topic, QoS, retained flag and payload (text as is, anything else in hex), or one JSON document per message with --json. Runs until --count messages, --duration seconds, or SIGINT/SIGTERM; --timeout does not apply.</source>
        <translation>Affiche chaque message reçu sur les filtres de topics (--filter, répétable&#xa0;; par défaut #) à son arrivée&#xa0;: heure, topic, QoS, indicateur de rétention et charge utile (le texte tel quel, tout le reste en hexadécimal), ou un document JSON par message avec --json. S&apos;exécute jusqu&apos;à --count messages, --duration secondes, ou SIGINT/SIGTERM&#xa0;; --timeout ne s&apos;applique pas.</translation>
    </message>
    <message>
        <source>A topic filter (+ and # wildcards); repeatable.</source>
        <translation>Un filtre de topics (jokers + et #)&#xa0;; répétable.</translation>
    </message>
    <message>
        <source>FILTER</source>
        <translation>FILTRE</translation>
    </message>
    <message>
        <source>Stop after N messages.</source>
        <translation>Arrêter après N messages.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Stop after SECONDS.</source>
        <translation>Arrêter au bout de SECONDES.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Print every payload in hex.</source>
        <translation>Afficher toutes les charges utiles en hexadécimal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter.</source>
        <translation>&quot;%1&quot; n&apos;est pas un filtre de topics valide.</translation>
    </message>
    <message>
        <source>--count: expected a whole number, 1 or more.</source>
        <translation>--count&#xa0;: un nombre entier supérieur ou égal à 1 est attendu.</translation>
    </message>
    <message>
        <source>--duration: expected seconds, more than 0.</source>
        <translation>--duration&#xa0;: un nombre de secondes supérieur à 0 est attendu.</translation>
    </message>
    <message>
        <source>fleetctl: cannot catch SIGINT/SIGTERM; they will end the traffic tail abruptly.</source>
        <translation>fleetctl: impossible d&apos;intercepter SIGINT/SIGTERM&#xa0;; ils mettront fin brutalement au suivi du trafic.</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1: %2</source>
        <translation>Le broker a refusé l&apos;abonnement à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source> retained</source>
        <translation> retenu</translation>
    </message>
</context>
<context>
    <name>fleet::sim::ExecutionLog</name>
    <message>
        <source>Cannot open the execution log &quot;%1&quot;: %2</source>
        <translation>Impossible d&apos;ouvrir le journal d&apos;exécution &quot;%1&quot;&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimConfig</name>
    <message>
        <source>Not valid JSON (at byte %1).</source>
        <translation>JSON non valide (à l&apos;octet %1).</translation>
    </message>
    <message>
        <source>Expected a JSON object of settings, not %1.</source>
        <translation>Un objet JSON de réglages est attendu, et non %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected [minimum, maximum] in whole milliseconds.</source>
        <translation>&quot;%1&quot;&#xa0;: [minimum, maximum] en millisecondes entières est attendu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting.</source>
        <translation>&quot;%1&quot; n&apos;est pas un réglage.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 does not fit 32 bits.</source>
        <translation>&quot;%1&quot;&#xa0;: %2 ne tient pas sur 32 bits.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a whole number, not %2.</source>
        <translation>&quot;%1&quot;&#xa0;: un nombre entier est attendu, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a whole number from 0 to 18446744073709551615.</source>
        <translation>&quot;%1&quot;&#xa0;: un nombre entier de 0 à 18446744073709551615 est attendu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a number, not %2.</source>
        <translation>&quot;%1&quot;&#xa0;: un nombre est attendu, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a string, not %2.</source>
        <translation>&quot;%1&quot;&#xa0;: une chaîne est attendue, et non %2.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;devices&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;devices&quot; doit être compris entre 1 et %1, et non %2.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not be empty.</source>
        <translation>&quot;prefix&quot; ne doit pas être vide.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not contain &apos;+&apos;, &apos;#&apos; or &apos;/&apos;: device ids are used in topics.</source>
        <translation>&quot;prefix&quot; ne doit pas contenir &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;&#xa0;: les identifiants d&apos;appareil sont utilisés dans les topics.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; may only contain letters, digits, &apos;:&apos;, &apos;_&apos; and &apos;-&apos; (device ids are AWS IoT thing names), not &apos;%1&apos;.</source>
        <translation>&quot;prefix&quot; ne peut contenir que des lettres, des chiffres, &apos;:&apos;, &apos;_&apos; et &apos;-&apos; (les identifiants d&apos;appareil sont des noms d&apos;objet AWS IoT), et non &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; is too long: device ids such as &quot;%1&quot; must have at most %2 characters.</source>
        <translation>&quot;prefix&quot; est trop long&#xa0;: les identifiants d&apos;appareil tels que &quot;%1&quot; doivent avoir au plus %2 caractères.</translation>
    </message>
    <message>
        <source>&quot;groups&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;groups&quot; doit être compris entre 1 et %1, et non %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be empty.</source>
        <translation>&quot;%1&quot; ne doit pas être vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain the wildcards &apos;+&apos; or &apos;#&apos;: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; ne doit pas contenir les jokers &apos;+&apos; ou &apos;#&apos;&#xa0;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain {id}, so that every device has its own topic: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; doit contenir {id}, pour que chaque appareil ait son propre topic&#xa0;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain {group}: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; doit contenir {group}&#xa0;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain {id}: the whole group shares it: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; ne doit pas contenir {id}&#xa0;: tout le groupe le partage&#xa0;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long for an MQTT topic.</source>
        <translation>&quot;%1&quot; est trop long pour un topic MQTT.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; must differ.</source>
        <translation>&quot;%1&quot; et &quot;%2&quot; doivent être différents.</translation>
    </message>
    <message>
        <source>&quot;commandRequestTopic&quot; and &quot;groupRequestTopic&quot; must differ.</source>
        <translation>&quot;commandRequestTopic&quot; et &quot;groupRequestTopic&quot; doivent être différents.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from 0 to %2 ms, not %3.</source>
        <translation>&quot;%1&quot; doit être compris entre 0 et %2 ms, et non %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 0 (off) or at least %2 ms, not %3.</source>
        <translation>&quot;%1&quot; doit valoir 0 (désactivé) ou au moins %2 ms, et non %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at least %2 ms, not %3.</source>
        <translation>&quot;%1&quot; doit valoir au moins %2 ms, et non %3.</translation>
    </message>
    <message>
        <source>&quot;latencyMinMs&quot; (%1) must not be above &quot;latencyMaxMs&quot; (%2).</source>
        <translation>&quot;latencyMinMs&quot; (%1) ne doit pas dépasser &quot;latencyMaxMs&quot; (%2).</translation>
    </message>
    <message>
        <source>&quot;rememberedTids&quot; must be from 1 to 1000000, not %1.</source>
        <translation>&quot;rememberedTids&quot; doit être compris entre 1 et 1000000, et non %1.</translation>
    </message>
    <message>
        <source>&quot;connectsPerSecond&quot; must be from 1 to 1000000, not %1.</source>
        <translation>&quot;connectsPerSecond&quot; doit être compris entre 1 et 1000000, et non %1.</translation>
    </message>
    <message>
        <source>&quot;keepAliveSeconds&quot; must be from 5 to 65535, not %1.</source>
        <translation>&quot;keepAliveSeconds&quot; doit être compris entre 5 et 65535, et non %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a probability from 0 to 1, not %2.</source>
        <translation>&quot;%1&quot; est une probabilité de 0 à 1, et non %2.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not be &quot;%1&quot; in a fleet with %1 devices: their ids would be the same.</source>
        <translation>&quot;prefix&quot; ne doit pas être &quot;%1&quot; dans une flotte avec des appareils %1&#xa0;: leurs identifiants seraient les mêmes.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>the first and last device ids of a kind</comment>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>&quot;sampleShare&quot;, &quot;designShare&quot;, &quot;thingShare&quot; and &quot;azureShare&quot; add up to %1; together they are a share of the fleet, at most 1.</source>
        <translation>&quot;sampleShare&quot;, &quot;designShare&quot;, &quot;thingShare&quot; et &quot;azureShare&quot; totalisent %1&#xa0;; ensemble, elles forment une part de la flotte, au plus 1.</translation>
    </message>
    <message>
        <source>Of %1 devices, the shares make %2 sample, design, thing and Azure devices: more than the fleet.</source>
        <translation>Sur %1 appareils, les parts donnent %2 appareils sample, design, thing et Azure&#xa0;: plus que la flotte.</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimDevice</name>
    <message>
        <source>%1 cannot subscribe to &quot;%2&quot;: %3</source>
        <translation>%1 ne peut pas s&apos;abonner à &quot;%2&quot;&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 cannot connect: %2</source>
        <translation>%1 ne peut pas se connecter&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 stopped connecting: %2</source>
        <translation>%1 a cessé de tenter de se connecter&#xa0;: %2</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La requête dépasse %1 octets.</translation>
    </message>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La requête n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>&quot;tid&quot; must be a string.</source>
        <translation>&quot;tid&quot; doit être une chaîne.</translation>
    </message>
    <message>
        <source>&quot;tid&quot; is longer than %1 bytes.</source>
        <translation>&quot;tid&quot; dépasse %1 octets.</translation>
    </message>
    <message>
        <source>&quot;status&quot; must be &quot;REQUEST&quot;.</source>
        <translation>&quot;status&quot; doit valoir &quot;REQUEST&quot;.</translation>
    </message>
    <message>
        <source>&quot;cmd&quot; must be a non-empty string.</source>
        <translation>&quot;cmd&quot; doit être une chaîne non vide.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object.</source>
        <translation>&quot;params&quot; doit être un objet.</translation>
    </message>
    <message>
        <source>set_led needs a &quot;color&quot; string of 1 to %1 characters.</source>
        <translation>set_led exige une chaîne &quot;color&quot; de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>set_telemetry_interval needs &quot;ms&quot;, an integer from %1 to %2.</source>
        <translation>set_telemetry_interval exige &quot;ms&quot;, un entier de %1 à %2.</translation>
    </message>
    <message>
        <source>set_position needs &quot;position&quot;, an integer from 0 to %1.</source>
        <translation>set_position exige &quot;position&quot;, un entier de 0 à %1.</translation>
    </message>
    <message>
        <source>simulated failure</source>
        <translation>échec simulé</translation>
    </message>
    <message>
        <source>%1 %2: firmware %3, group %4
</source>
        <translation>%1 %2&#xa0;: firmware %3, groupe %4
</translation>
    </message>
    <message>
        <source>%1 %2: led %3, motor %4, position %5
</source>
        <translation>%1 %2&#xa0;: led %3, moteur %4, position %5
</translation>
    </message>
    <message>
        <source>on</source>
        <translation>en marche</translation>
    </message>
    <message>
        <source>off</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>%1 %2: telemetry every %3 ms, battery %4%
</source>
        <translation>%1 %2&#xa0;: télémétrie toutes les %3 ms, batterie %4&#xa0;%
</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n command(s) executed
</source>
        <translation>
            <numerusform>%1 %2&#xa0;: %n commande exécutée
</numerusform>
            <numerusform>%1 %2&#xa0;: %n commandes exécutées
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: link %3, replies in %4
</source>
        <translation>%1 %2&#xa0;: liaison %3, réponses en %4
</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>lente</translation>
    </message>
    <message>
        <source>flaky</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>The request cannot be read: %1</source>
        <translation>Impossible de lire la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>out of order: a newer %1 (%2) already ran</source>
        <translation>hors d&apos;ordre&#xa0;: un %1 plus récent (%2) a déjà été exécuté</translation>
    </message>
    <message>
        <source>%1 was refused (%2); trying again with a new SAS token.</source>
        <translation>%1 a été refusé (%2)&#xa0;; nouvelle tentative avec un nouveau jeton SAS.</translation>
    </message>
    <message>
        <source>it has no IoT Hub host name and key.</source>
        <translation>il n&apos;a ni nom d&apos;hôte IoT Hub ni clé.</translation>
    </message>
    <message>
        <source>The payload cannot be read: %1</source>
        <translation>Impossible de lire la charge utile&#xa0;: %1</translation>
    </message>
    <message>
        <source>The payload must be a JSON object.</source>
        <translation>La charge utile doit être un objet JSON.</translation>
    </message>
    <message>
        <source>show_message needs a &quot;text&quot; string of 1 to %1 characters.</source>
        <translation>show_message exige une chaîne &quot;text&quot; de 1 à %1 caractères.</translation>
    </message>
    <message>
        <source>Unknown method &quot;%1&quot;.</source>
        <translation>Méthode inconnue &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimFleet</name>
    <message>
        <source>%1 of %2 devices did not stop in time; stopping without them.</source>
        <translation>%1 appareils sur %2 ne se sont pas arrêtés à temps&#xa0;; arrêt sans eux.</translation>
    </message>
    <message>
        <source>The fleet was started already.</source>
        <translation>La flotte a déjà été démarrée.</translation>
    </message>
    <message>
        <source>Device %1 has no account in the accounts file.</source>
        <translation>L&apos;appareil %1 n&apos;a pas de compte dans le fichier des comptes.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Impossible de lire &quot;%1&quot;&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 bytes.</source>
        <translation>%1&#xa0;: dépasse %2 octets.</translation>
    </message>
    <message>
        <source>%1: expected a JSON object with an &quot;accounts&quot; array, as `fleet-hub provision` writes.</source>
        <translation>%1&#xa0;: un objet JSON avec un tableau &quot;accounts&quot; est attendu, tel que l&apos;écrit `fleet-hub provision`.</translation>
    </message>
    <message>
        <source>%1: no device accounts in it.</source>
        <translation>%1&#xa0;: ne contient aucun compte d&apos;appareil.</translation>
    </message>
    <message>
        <source>Azure device %1 has no key: Azure devices take theirs from the accounts file that `fleet-hub provision --azure-devices` writes (--accounts).</source>
        <translation>L&apos;appareil Azure %1 n&apos;a pas de clé&#xa0;: les appareils Azure prennent la leur dans le fichier de comptes qu&apos;écrit `fleet-hub provision --azure-devices` (--accounts).</translation>
    </message>
    <message>
        <source>Azure device %1 has no key in the accounts file.</source>
        <translation>L&apos;appareil Azure %1 n&apos;a pas de clé dans le fichier de comptes.</translation>
    </message>
    <message>
        <source>%1: the connection string of Azure device %2 is not its own: %3</source>
        <translation>%1&#xa0;: la chaîne de connexion de l&apos;appareil Azure %2 n&apos;est pas la sienne&#xa0;: %3</translation>
    </message>
    <message>
        <source>it names %1.</source>
        <translation>elle désigne %1.</translation>
    </message>
    <message>
        <source>%1: Azure devices, but no &quot;azureHostName&quot; for their tokens.</source>
        <translation>%1&#xa0;: des appareils Azure, mais pas de &quot;azureHostName&quot; pour leurs jetons.</translation>
    </message>
    <message>
        <source>%1: no device accounts or Azure devices in it.</source>
        <translation>%1&#xa0;: aucun compte d&apos;appareil ni appareil Azure.</translation>
    </message>
</context>
<context>
    <name>fleetctl</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Commande inconnue &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Try &apos;fleetctl --help&apos;.</source>
        <translation>Essayez &apos;fleetctl --help&apos;.</translation>
    </message>
    <message>
        <source>Fleet Console on the command line.

Commands:
  %1
  %2
  %3
  %4
  %5
  %6
  %7
  %8
  %9
  %10
  %11

Broker options go before or after the command. &apos;fleetctl COMMAND --help&apos; describes a command.
Commands share the console&apos;s ledger (--ledger) and its catalog (--catalog).

Exit status: 0 done; 1 the service rejected the request (&quot;error CODE: MESSAGE&quot; on stderr); 2 usage error; 3 cannot connect to the broker, or the connection was lost; 4 timed out waiting for the service; command verdicts: 5 failed, 6 timed out or unreachable, 7 rejected, expired or cancelled, 8 no verdict yet.</source>
        <translation>Fleet Console en ligne de commande.

Commandes&#xa0;:
  %1
  %2
  %3
  %4
  %5
  %6
  %7
  %8
  %9
  %10
  %11

Les options du broker se placent avant ou après la commande. &apos;fleetctl COMMAND --help&apos; décrit une commande.
Les commandes partagent le registre de la console (--ledger) et son catalogue (--catalog).

Code de sortie&#xa0;: 0 terminé&#xa0;; 1 le service a rejeté la requête (&quot;error CODE: MESSAGE&quot; sur stderr)&#xa0;; 2 erreur d&apos;utilisation&#xa0;; 3 connexion au broker impossible, ou connexion perdue&#xa0;; 4 délai dépassé en attendant le service&#xa0;; verdicts des commandes&#xa0;: 5 échouée, 6 délai dépassé ou injoignable, 7 rejetée, expirée ou annulée, 8 pas encore de verdict.</translation>
    </message>
    <message>
        <source>The command: devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method or c2d.</source>
        <translation>La commande&#xa0;: devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method ou c2d.</translation>
    </message>
    <message>
        <source>Missing the command (devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method or c2d).</source>
        <translation>Commande manquante (devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method ou c2d).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>User interface language (en, es, fr).</source>
        <translation>Langue de l&apos;interface utilisateur (en, es, fr).</translation>
    </message>
    <message>
        <source>Try &apos;fleet-hub --help&apos;.</source>
        <translation>Essayez &apos;fleet-hub --help&apos;.</translation>
    </message>
    <message>
        <source>Subscribe through the MQTT shared subscription $share/NAME/... so that several hubs on one database share the requests. The broker must route $aws topics to shared subscriptions (mosquitto 2.0 does not).</source>
        <translation>S&apos;abonner via l&apos;abonnement partagé MQTT $share/NOM/... afin que plusieurs hubs sur une même base de données se partagent les requêtes. Le broker doit router les topics $aws vers les abonnements partagés (ce que mosquitto 2.0 ne fait pas).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argument inattendu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--share-group: &quot;%1&quot; is not a valid share group name (non-empty, without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;).</source>
        <translation>--share-group&#xa0;: &quot;%1&quot; n&apos;est pas un nom de groupe de partage valide (non vide, sans &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;).</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>Impossible d&apos;installer les gestionnaires de signaux.</translation>
    </message>
    <message>
        <source>fleet-hub %1 starting: broker %2, database %3, %4</source>
        <translation>Démarrage de fleet-hub %1&#xa0;: broker %2, base de données %3, %4</translation>
    </message>
    <message>
        <source>no share group</source>
        <translation>sans groupe de partage</translation>
    </message>
    <message>
        <source>share group &quot;%1&quot;</source>
        <translation>groupe de partage &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopping at once on %1.</source>
        <translation>Arrêt immédiat sur %1.</translation>
    </message>
    <message>
        <source>Stopping on %1.</source>
        <translation>Arrêt sur %1.</translation>
    </message>
    <message>
        <source>Desktop console for fleets of MQTT devices. Without --broker it connects with the active connection profile (File &gt; Connections), whose password is kept in the OS keychain.</source>
        <translation>Console de bureau pour les flottes d&apos;appareils MQTT. Sans --broker, elle se connecte avec le profil de connexion actif (Fichier &gt; Connexions), dont le mot de passe est conservé dans le trousseau du système d&apos;exploitation.</translation>
    </message>
    <message>
        <source>The command ledger (default: %1, shared with fleetctl).</source>
        <translation>Le registre des commandes (par défaut&#xa0;: %1, partagé avec fleetctl).</translation>
    </message>
    <message>
        <source>The command catalog (default: the built-in one).</source>
        <translation>Le catalogue des commandes (par défaut&#xa0;: le catalogue intégré).</translation>
    </message>
    <message>
        <source>Commands are not recorded: %1</source>
        <translation>Les commandes ne sont pas enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Where devices announce online/offline, {id} standing for the device (default: presence/{id}).</source>
        <translation>Où les appareils annoncent online/offline, {id} représentant l&apos;appareil (par défaut&#xa0;: presence/{id}).</translation>
    </message>
    <message>
        <source>Where devices send telemetry (default: telemetry/{id}).</source>
        <translation>Où les appareils envoient la télémétrie (par défaut&#xa0;: telemetry/{id}).</translation>
    </message>
    <message>
        <source>The gate&apos;s command catalog, the authoritative one: which commands and desired keys are sensitive (default: the built-in catalog).</source>
        <translation>Le catalogue de commandes de la passerelle, celui qui fait foi&#xa0;: quelles commandes et clés désirées sont sensibles (par défaut&#xa0;: le catalogue intégré).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>How long a held request waits for a decision, in seconds (default 3600).</source>
        <translation>Durée pendant laquelle une demande retenue attend une décision, en secondes (par défaut 3600).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>--approval-lifetime: expected seconds, from 1 to 2592000.</source>
        <translation>--approval-lifetime&#xa0;: un nombre de secondes de 1 à 2592000 est attendu.</translation>
    </message>
    <message numerus="yes">
        <source>command gate on: catalog of %n command(s), %1 held request(s), database %2</source>
        <translation>
            <numerusform>passerelle de commandes active&#xa0;: catalogue de %n commande, %1 demande(s) retenue(s), base de données %2</numerusform>
            <numerusform>passerelle de commandes active&#xa0;: catalogue de %n commandes, %1 demande(s) retenue(s), base de données %2</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS IoT commands on: %1 command(s) (%2), %3 unfinished execution(s), database %4</source>
        <translation>Commandes AWS IoT actives&#xa0;: %1 commande(s) (%2), %3 exécution(s) inachevée(s), base de données %4</translation>
    </message>
    <message>
        <source>Azure IoT Hub devices on: %1 twin(s), database %2</source>
        <translation>Appareils Azure IoT Hub actifs&#xa0;: %1 jumeau(x), base de données %2</translation>
    </message>
    <message>
        <source>--also-connect: unknown environment &quot;%1&quot;.</source>
        <translation>--also-connect&#xa0;: environnement inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--also-connect: unknown key &quot;%1&quot; (name, url, environment, username).</source>
        <translation>--also-connect&#xa0;: clé inconnue «&#xa0;%1&#xa0;» (name, url, environment, username).</translation>
    </message>
    <message>
        <source>--also-connect needs name=NAME and url=URL.</source>
        <translation>--also-connect demande name=NOM et url=URL.</translation>
    </message>
    <message>
        <source>What to call the --broker connection in the window&apos;s title and badge.</source>
        <translation>Le nom de la connexion de --broker dans le titre de la fenêtre et son bandeau.</translation>
    </message>
    <message>
        <source>What the --broker connection serves: development, staging or production (production asks before anything is sent).</source>
        <translation>Ce que sert la connexion de --broker&#xa0;: development, staging ou production (production demande confirmation avant tout envoi).</translation>
    </message>
    <message>
        <source>Also open a window on another broker that needs no password, as name=NAME,url=URL[,environment=KIND][,username=USER] (./fleet demo&apos;s staging broker). For any other broker save a profile and use File &gt; Open in new window.</source>
        <translation>Ouvre aussi une fenêtre sur un autre broker sans mot de passe, sous la forme name=NOM,url=URL[,environment=TYPE][,username=UTILISATEUR] (le broker de préproduction de ./fleet demo). Pour tout autre broker, enregistrez un profil et utilisez Fichier &gt; Ouvrir dans une nouvelle fenêtre.</translation>
    </message>
    <message>
        <source>--environment takes development, staging or production, not &quot;%1&quot;.</source>
        <translation>--environment accepte development, staging ou production, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Render every main view into this folder once the fleet is in, then quit. For the demo fleet only: it sends real commands (to dev-1 to dev-8 and group-3) to have something to show.</source>
        <translation>Enregistre chaque vue principale dans ce dossier une fois la flotte connectée, puis quitte. Pour la flotte de démonstration seulement&#xa0;: envoie de vraies commandes (à dev-1 jusqu&apos;à dev-8 et à group-3) pour avoir quelque chose à montrer.</translation>
    </message>
    <message>
        <source>AWS IoT compatible device shadows (classic and named) for any MQTT broker, and the command gate: commands and desired changes that operators submit on fleet/gate/submit/USER/TOPIC are published when the catalog allows them, and sensitive ones only once an approver other than the requester approved exactly that request (docs/security.md). The gate&apos;s audit log is read over MQTT: a query on fleet/gate/audit/query/USER is answered on fleet/gate/audit/replies/USER (`fleetctl audit`, the console&apos;s audit view).
AWS IoT Device Management commands: the catalog&apos;s commands with the aws-commands dialect are started on fleet/aws-commands/start/USER/TOKEN, published to the devices on $aws/commands/things/THING/executions/ID/request/..., tracked through their lifecycle and timeout, and announced on $aws/events/commandExecution/COMMAND/STATUS (docs/aws-commands.md).
Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 1 when the database cannot be used or the broker refuses the connection for good, 2 for invalid options.
Every accepted update is on disk (SQLite WAL with fsync, or a PostgreSQL commit) before &quot;accepted&quot; is published. Several hubs may serve one fleet over one PostgreSQL database (docs/scaling.md); no version is lost or handed out twice.
With mosquitto, set &quot;set_tcp_nodelay true&quot; in its configuration: with Nagle&apos;s algorithm on (its default) replies can wait 40 ms for a delayed ACK.</source>
        <translation>Shadows d&apos;appareils compatibles AWS IoT (classiques et nommés) pour tout broker MQTT, et la passerelle de commandes&#xa0;: les commandes et les modifications de l&apos;état désiré que les opérateurs soumettent sur fleet/gate/submit/USER/TOPIC sont publiées quand le catalogue les autorise, et les sensibles seulement une fois qu&apos;un approbateur autre que le demandeur a approuvé exactement cette demande (docs/security.md). Le journal d&apos;audit de la passerelle se lit via MQTT&#xa0;: une requête sur fleet/gate/audit/query/USER reçoit sa réponse sur fleet/gate/audit/replies/USER (`fleetctl audit`, la vue d&apos;audit de la console).
Commandes AWS IoT Device Management&#xa0;: les commandes du catalogue au dialecte aws-commands sont lancées sur fleet/aws-commands/start/USER/TOKEN, publiées aux appareils sur $aws/commands/things/THING/executions/ID/request/..., suivies tout au long de leur cycle de vie et de leur délai, et annoncées sur $aws/events/commandExecution/COMMAND/STATUS (docs/aws-commands.md).
S&apos;arrête proprement sur SIGTERM ou SIGINT. Code de sortie&#xa0;: 0 après un arrêt propre, 1 quand la base de données est inutilisable ou que le broker refuse définitivement la connexion, 2 pour des options invalides.
Toute mise à jour acceptée est sur disque (SQLite WAL avec fsync, ou un commit PostgreSQL) avant la publication de &quot;accepted&quot;. Plusieurs hubs peuvent servir une flotte sur une même base PostgreSQL (docs/scaling.md)&#xa0;; aucune version n&apos;est perdue ni attribuée deux fois.
Avec mosquitto, mettez &quot;set_tcp_nodelay true&quot; dans sa configuration&#xa0;: avec l&apos;algorithme de Nagle actif (son réglage par défaut), les réponses peuvent attendre 40 ms un ACK retardé.</translation>
    </message>
    <message>
        <source>Where the shadows are kept: a SQLite file (created if missing; several hubs on one machine may share it), or a PostgreSQL database, postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=...], shared by hubs on any number of machines. Its password comes from FLEET_DB_PASSWORD, the systemd credential db-password, or PostgreSQL&apos;s own PGPASSWORD or ~/.pgpass, never from the URL.</source>
        <translation>Où les shadows sont conservés&#xa0;: un fichier SQLite (créé s&apos;il n&apos;existe pas&#xa0;; plusieurs hubs d&apos;une même machine peuvent le partager) ou une base PostgreSQL, postgresql://[UTILISATEUR@]HÔTE[:PORT]/BASE[?sslmode=...], partagée par des hubs sur autant de machines que voulu. Son mot de passe vient de FLEET_DB_PASSWORD, de l&apos;identifiant systemd db-password ou de PGPASSWORD ou ~/.pgpass de PostgreSQL, jamais de l&apos;URL.</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <translation>CHEMIN|URL</translation>
    </message>
    <message>
        <source>Database of the gate&apos;s held requests and audit log (default: the --db path with &quot;-gate&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de données des demandes retenues et du journal d&apos;audit de la passerelle (par défaut&#xa0;: le chemin de --db suivi de &quot;-gate&quot;, ou la même base PostgreSQL).</translation>
    </message>
    <message>
        <source>Database of the AWS IoT command executions (default: the --db path with &quot;-commands&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de données des exécutions de commandes AWS IoT (par défaut&#xa0;: le chemin de --db suivi de &quot;-commands&quot;, ou la même base PostgreSQL).</translation>
    </message>
    <message>
        <source>Database of the Azure IoT Hub device twins (default: the --db path with &quot;-twins&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de données des jumeaux (twins) des appareils Azure IoT Hub (par défaut&#xa0;: le chemin de --db suivi de &quot;-twins&quot;, ou la même base PostgreSQL).</translation>
    </message>
    <message>
        <source>Serve shadows only, for a hub beside the one that runs the command gate, AWS IoT commands and Azure IoT Hub over the same database (docs/scaling.md).</source>
        <translation>Ne servir que les shadows, pour un hub à côté de celui qui exécute la passerelle de commandes, les commandes AWS IoT et Azure IoT Hub sur la même base (docs/scaling.md).</translation>
    </message>
    <message>
        <source>--db PATH or --db URL is required.</source>
        <translation>--db CHEMIN ou --db URL est obligatoire.</translation>
    </message>
    <message>
        <source>Serving shadows only: the gate, AWS IoT commands and Azure IoT Hub are left to another hub.</source>
        <translation>Seuls les shadows sont servis&#xa0;: la passerelle, les commandes AWS IoT et Azure IoT Hub sont laissées à un autre hub.</translation>
    </message>
    <message>
        <source>%1 request(s) ran again after losing a race with another hub.</source>
        <translation>%1 requête(s) exécutée(s) à nouveau après une course perdue contre un autre hub.</translation>
    </message>
</context>
</TS>

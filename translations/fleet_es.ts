<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>fleet-sim</name>
    <message>
        <source>Try &apos;fleet-sim --help&apos;.</source>
        <translation>Pruebe &apos;fleet-sim --help&apos;.</translation>
    </message>
    <message>
        <source>How many devices to simulate, 1 to 100000 (default 10, or the configuration&apos;s).</source>
        <translation>Cuántos dispositivos simular, de 1 a 100000 (predeterminado: 10, o el de la configuración).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Device ids are PREFIX-N (default dev). Letters, digits, &apos;:&apos;, &apos;_&apos; and &apos;-&apos; only: the ids are AWS IoT thing names and topic levels.</source>
        <translation>Los ID de dispositivo son PREFIJO-N (predeterminado: dev). Solo letras, dígitos, &apos;:&apos;, &apos;_&apos; y &apos;-&apos;: los ID son nombres de objeto de AWS IoT y niveles de tema.</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PREFIJO</translation>
    </message>
    <message>
        <source>Seed of every random choice (faults, latencies, readings); the same seed replays the same fleet (default 1).</source>
        <translation>Semilla de todas las elecciones aleatorias (fallos, latencias, lecturas); la misma semilla reproduce la misma flota (predeterminada: 1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>JSON file of settings (topics, timing, faults); see above. Options override it.</source>
        <translation>Archivo JSON de ajustes (temas, tiempos, fallos); véase arriba. Las opciones prevalecen sobre él.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Append a line per command a device executes (time, device, tid, command) to this file, flushed at once: proof that each command ran exactly once.</source>
        <translation>Añadir a este archivo una línea por cada comando que ejecuta un dispositivo (hora, dispositivo, tid, comando), volcada de inmediato: prueba de que cada comando se ejecutó exactamente una vez.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>RUTA</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--client-id cannot be used: every device&apos;s client id is its device id.</source>
        <translation>--client-id no se puede usar: el ID de cliente de cada dispositivo es su ID de dispositivo.</translation>
    </message>
    <message>
        <source>--mqtt-version: the devices speak MQTT 5 only.</source>
        <translation>--mqtt-version: los dispositivos solo hablan MQTT 5.</translation>
    </message>
    <message>
        <source>--devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--devices: se esperaba un número entero, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--seed: expected a whole number from 0 to 18446744073709551615, not &quot;%1&quot;.</source>
        <translation>--seed: se esperaba un número entero de 0 a 18446744073709551615, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The open file limit is %1, too low for %2 devices, which need about %3 (%4 each): some will not connect. Raise the hard limit (ulimit -Hn, LimitNOFILE=).</source>
        <translation>El límite de archivos abiertos es %1, demasiado bajo para %2 dispositivos, que necesitan unos %3 (%4 cada uno): algunos no se conectarán. Eleve el límite estricto (ulimit -Hn, LimitNOFILE=).</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>No se pueden instalar los manejadores de señales.</translation>
    </message>
    <message>
        <source>%1 of %2 devices online after %3 s.</source>
        <translation>%1 de %2 dispositivos en línea tras %3 s.</translation>
    </message>
    <message>
        <source>All %1 devices are online, after %2 s.</source>
        <translation>Los %1 dispositivos están en línea, tras %2 s.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Stopping at once on %1.</source>
        <translation>Deteniendo de inmediato por %1.</translation>
    </message>
    <message>
        <source>Stopping on %1: %2 devices online publish &quot;offline&quot; and disconnect.</source>
        <translation>Deteniendo por %1: %2 dispositivos en línea publican &quot;offline&quot; y se desconectan.</translation>
    </message>
    <message>
        <source>%1 devices connecting to %2 (%3; seed %4, up to %5 connects/s).</source>
        <translation>%1 dispositivos conectándose a %2 (%3; semilla %4, hasta %5 conexiones/s).</translation>
    </message>
    <message>
        <source>--accounts and --username cannot be combined: with --accounts every device&apos;s user name is its id.</source>
        <translation>--accounts y --username no se pueden combinar: con --accounts, el nombre de usuario de cada dispositivo es su ID.</translation>
    </message>
    <message>
        <source>AWS IoT commands (docs/aws-commands.md): ordinary and thing devices run show_message, a request {&quot;message&quot;: text} on $aws/commands/things/{id}/executions/{executionId}/request/json, and answers on .../response/json: IN_PROGRESS, then SUCCEEDED with the result {&quot;shown&quot;: {&quot;s&quot;: text}}, or FAILED or nothing as failureRate and silentDeathRate draw; REJECTED for a request it cannot read. An execution id runs once.</source>
        <translation>Comandos de AWS IoT (docs/aws-commands.md): los dispositivos ordinarios y los thing ejecutan show_message, una solicitud {&quot;message&quot;: texto} en $aws/commands/things/{id}/executions/{executionId}/request/json, y responde en .../response/json: IN_PROGRESS y después SUCCEEDED con el resultado {&quot;shown&quot;: {&quot;s&quot;: texto}}, o FAILED o nada según lo que sorteen failureRate y silentDeathRate; REJECTED si no puede leer la solicitud. Cada id de ejecución se ejecuta una sola vez.</translation>
    </message>
    <message>
        <source>Kinds: sampleShare, designShare, thingShare and azureShare give shares of the fleet (qRound(share x devices) devices each, together at most all of them) to the other command dialects of the design documents; the ordinary devices are the rest, PREFIX-1 first, then sample-1..., design-1..., thing-1..., az-1...
  ordinary  everything above; textModeShare of them reply in plain text.
  sample    the seed&apos;s sample device: a plain-text request on %1, any text; a built-in command&apos;s name, alone or followed by a space and a JSON object of parameters (set_led {&quot;color&quot;:&quot;red&quot;}), runs that command, anything else just succeeds. Replies &quot;SUCCESS: command ran successfully from payload: ...&quot; or &quot;FAILURE: reason&quot; on %2, with no tid, no RUNNING and no correlation data, so every request runs. Also answers the broadcast %3 on %4 with {&quot;device&quot;, &quot;status&quot;, &quot;reason&quot;?}, echoing the request&apos;s correlation data.
  design    the Atlas JSON dialect of the IoT Atlas design page on %5, replies on %6; no group topics, no AWS IoT commands.
  thing     AWS IoT commands only.
  az        an Azure IoT Hub device, through a broker that loads the fleet_iothub plugin and fleet-hub&apos;s Azure service: MQTT 3.1.1, client id = device id, user name {host}/{id}/?api-version=2021-04-12 and a SAS token signed with its key (valid 1 h, a new one at every connect; keys and host name from --accounts, whose &quot;azureDevices&quot; `fleet-hub provision --azure-devices` writes). Its twin holds its state: reported at start and after every change (firmware, led, message, motor, position, telemetryIntervalMs, lastCloudMessage), desired properties applied and reported back. Its direct methods are the commands above and show_message {&quot;text&quot;}: 200 with a result, 400 {&quot;message&quot;} for bad parameters, 404 for an unknown method, 500 for a simulated failure, no answer for a silent death; set_position answers when it gets there. Telemetry and upload_log are device-to-cloud messages on devices/{id}/messages/events/ (property kind=telemetry or log); cloud-to-device messages are logged and reported. No presence, shadows or Atlas topics: the plugin announces it.
Every kind but az has presence, shadows and telemetry. Out-of-order commands fail: a JSON request whose tid is an ordered one (as fleetctl and the console make them) older than the newest run for the same command does not run, and gets FAILURE.</source>
        <translation>Tipos: sampleShare, designShare, thingShare y azureShare asignan partes de la flota (qRound(share x devices) dispositivos cada una, entre todas como máximo la flota entera) a los demás dialectos de comandos de los documentos de diseño; los dispositivos ordinarios son el resto, primero PREFIJO-1, luego sample-1..., design-1..., thing-1..., az-1...
  ordinary  todo lo anterior; una parte textModeShare de ellos responde en texto sin formato.
  sample    el dispositivo de ejemplo del documento de partida (seed): una solicitud de texto sin formato en %1, cualquier texto; el nombre de un comando integrado, solo o seguido de un espacio y un objeto JSON de parámetros (set_led {&quot;color&quot;:&quot;red&quot;}), ejecuta ese comando, y cualquier otra cosa simplemente tiene éxito. Responde &quot;SUCCESS: command ran successfully from payload: ...&quot; o &quot;FAILURE: reason&quot; en %2, sin tid, sin RUNNING y sin datos de correlación, por lo que toda solicitud se ejecuta. También responde a la difusión %3 en %4 con {&quot;device&quot;, &quot;status&quot;, &quot;reason&quot;?}, devolviendo los datos de correlación de la solicitud.
  design    el dialecto Atlas JSON de la página de diseño de IoT Atlas en %5, respuestas en %6; sin temas de grupo ni comandos de AWS IoT.
  thing     solo comandos de AWS IoT.
  az        un dispositivo de Azure IoT Hub, a través de un bróker que carga el plugin fleet_iothub y el servicio Azure de fleet-hub: MQTT 3.1.1, ID de cliente = ID de dispositivo, nombre de usuario {host}/{id}/?api-version=2021-04-12 y un token SAS firmado con su clave (válido 1 h, uno nuevo en cada conexión; claves y nombre de host tomados de --accounts, cuyo &quot;azureDevices&quot; escribe `fleet-hub provision --azure-devices`). Su gemelo (twin) guarda su estado: notificado al inicio y tras cada cambio (firmware, led, message, motor, position, telemetryIntervalMs, lastCloudMessage); las propiedades deseadas se aplican y se notifican de vuelta. Sus métodos directos son los comandos anteriores y show_message {&quot;text&quot;}: 200 con un resultado, 400 {&quot;message&quot;} para parámetros incorrectos, 404 para un método desconocido, 500 para un fallo simulado, sin respuesta para una muerte silenciosa; set_position responde cuando llega a la posición. La telemetría y upload_log son mensajes del dispositivo a la nube en devices/{id}/messages/events/ (propiedad kind=telemetry o log); los mensajes de la nube al dispositivo se registran y se notifican. Sin presencia, sombras ni temas Atlas: la presencia la anuncia el plugin.
Todos los tipos salvo az tienen presencia, sombras y telemetría. Los comandos fuera de orden fallan: una solicitud JSON cuyo tid es ordenado (como los que generan fleetctl y la consola) y más antiguo que el último ejecutado para el mismo comando no se ejecuta y recibe FAILURE.</translation>
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
        <translation>Simula una flota de dispositivos MQTT, cada uno con su propia conexión; su ID de cliente es su ID de dispositivo, PREFIJO-N con N desde 1 (dev-1, dev-2, ...), que es también su nombre de objeto de AWS IoT.

Lo que hace cada dispositivo (los temas son los predeterminados; {id} es el ID del dispositivo, {group} su grupo, de group-1 a group-G):
  presence   &quot;online&quot; retenido en %1 en cada conexión; &quot;offline&quot; es su Last Will, y él mismo publica &quot;offline&quot; antes de una parada limpia.
  commands   (dispositivos ordinarios; véase Tipos más abajo para los demás) solicitudes en %2 y %3, respuestas (RUNNING, SUCCESS, FAILURE con el tid y el ID del dispositivo) en %4 y %5. Cada tid se ejecuta una vez; un duplicado vuelve a recibir la respuesta registrada. Comandos: %6.
  shadows    la sombra clásica y la sombra con nombre &quot;config&quot; en $aws/things/{id}/shadow/..., a través de fleet-hub o AWS IoT: notifica su estado, aplica los deltas y notifica los cambios locales.
  telemetry  {&quot;ts&quot;, &quot;temperature&quot;, &quot;humidity&quot;, &quot;battery&quot;} en %7 cada %8 ms; upload_log publica en %9.

--config ARCHIVO es un objeto JSON que fija cualquiera de estos ajustes por su nombre: devices, prefix, seed, groups, presenceTopic, commandRequestTopic, commandResponseTopic, groupRequestTopic, groupResponseTopic, telemetryTopic, logTopic, telemetryIntervalMs, runningIntervalMs, setPositionMs, rebootOfflineMs, buttonPressIntervalMs, rememberedTids, connectsPerSecond (predeterminado: %10), keepAliveSeconds, latencyMs [min, max], failureRate, silentDeathRate, duplicateReplyRate, outOfOrderRate, offlineEveryMs, offlineForMs, slowLinkShare, slowLinkExtraMs, flakyLinkShare, flakyEveryMs, textModeShare, sampleShare, designShare, thingShare, azureShare, executionLogPath. Las tasas y las partes son probabilidades de 0 a 1, los tiempos son milisegundos; por ejemplo {&quot;failureRate&quot;: 0.1, &quot;latencyMs&quot;: [20, 200], &quot;slowLinkShare&quot;: 0.05}. Las opciones de la línea de comandos prevalecen sobre el archivo. La misma semilla reproduce la misma flota.

Las opciones del bróker son las de fleet-hub y fleetctl, salvo que: --client-id se rechaza (el ID de cliente de cada dispositivo es su ID), --keepalive toma por defecto keepAliveSeconds (%11 s), --mqtt-version debe ser 5 (los dispositivos Azure hablan 3.1.1 diga lo que diga); todos los dispositivos envían el mismo nombre de usuario y la misma contraseña, salvo que --accounts dé a cada uno los suyos.

Eleva su límite de archivos abiertos tanto como puede (un descriptor por dispositivo). Se detiene limpiamente con SIGTERM o SIGINT: cada dispositivo publica &quot;offline&quot; y se desconecta; una segunda señal lo detiene de inmediato.
Estado de salida: 0 tras una parada limpia, 1 cuando la flota no puede iniciarse (no se puede abrir el registro de ejecución, un dispositivo no tiene cuenta en --accounts, un dispositivo Azure no tiene clave, no se pueden instalar los manejadores de señales) o tras una segunda señal, 2 para opciones o configuración no válidas.</translation>
    </message>
    <message>
        <source>One broker account per device: each device connects with its id as user name and its own password, taken from FILE, the JSON that `fleet-hub provision` (or `./fleet stack`) writes (its &quot;accounts&quot; with the device role). Every device must have one. Azure devices (azureShare) take their keys and the IoT Hub host name from its &quot;azureDevices&quot; and &quot;azureHostName&quot; instead. Not with --username: the shared account is what this replaces. The file holds passwords and keys in plain text, so it is for a local test or demo stack; a real device keeps its own credential.</source>
        <translation>Una cuenta del bróker por dispositivo: cada dispositivo se conecta con su ID como nombre de usuario y su propia contraseña, tomada de ARCHIVO, el JSON que escribe `fleet-hub provision` (o `./fleet stack`) (sus &quot;accounts&quot; con el rol device). Todos los dispositivos deben tener una. Los dispositivos Azure (azureShare) toman en su lugar sus claves y el nombre de host de IoT Hub de sus &quot;azureDevices&quot; y &quot;azureHostName&quot;. No con --username: esta opción sustituye a la cuenta compartida. El archivo contiene contraseñas y claves en texto sin formato, así que es para un entorno local de prueba o de demostración; un dispositivo real guarda su propia credencial.</translation>
    </message>
</context>
<context>
    <name>fleet::AboutDialog</name>
    <message>
        <source>About Fleet Console</source>
        <translation>Acerca de Fleet Console</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Fleet Console&lt;/h2&gt;&lt;p&gt;A desktop console for fleets of MQTT devices.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Fleet Console&lt;/h2&gt;&lt;p&gt;Una consola de escritorio para flotas de dispositivos MQTT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built on &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL 3), &lt;a href=&quot;https://mosquitto.org/&quot;&gt;Eclipse Mosquitto&lt;/a&gt;&apos;s libmosquitto (EPL 2.0 / EDL 1.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD 3-clause) and &lt;a href=&quot;https://github.com/nlohmann/json&quot;&gt;nlohmann/json&lt;/a&gt; (MIT).&lt;/p&gt;&lt;p&gt;The user guide is in Help &amp;gt; User guide; the keyboard shortcuts in Help &amp;gt; Keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Construido con &lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt&lt;/a&gt; (LGPL 3), la libmosquitto de &lt;a href=&quot;https://mosquitto.org/&quot;&gt;Eclipse Mosquitto&lt;/a&gt; (EPL 2.0 / EDL 1.0), &lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt; (BSD de 3 cláusulas) y &lt;a href=&quot;https://github.com/nlohmann/json&quot;&gt;nlohmann/json&lt;/a&gt; (MIT).&lt;/p&gt;&lt;p&gt;La guía del usuario está en Ayuda &amp;gt; Guía del usuario; los atajos de teclado, en Ayuda &amp;gt; Atajos de teclado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>&amp;Copiar versiones</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>(versión desconocida)</translation>
    </message>
    <message>
        <source>Fleet Console %1</source>
        <translation>Fleet Console %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (compilado con %2)</translation>
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
        <translation>No se pueden leer los mensajes de la difusión: %1</translation>
    </message>
    <message>
        <source>A free-form payload, sent as it is.</source>
        <translation>Una carga útil libre, enviada tal cual.</translation>
    </message>
    <message>
        <source>This console&apos;s catalog has no command &quot;%1&quot;: only its parameters can be shown.</source>
        <translation>El catálogo de esta consola no tiene el comando &quot;%1&quot;: solo se pueden mostrar sus parámetros.</translation>
    </message>
    <message>
        <source>What %1 would send to %2 cannot be encoded: %3</source>
        <translation>No se puede codificar lo que %1 enviaría a %2: %3</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalNotices</name>
    <message>
        <source>%1 asks for your approval</source>
        <translation>%1 solicita su aprobación</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>command to target</comment>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>%1 approved your %2</source>
        <translation>%1 aprobó su solicitud %2</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <comment>command to target: reason</comment>
        <translation>%1 a %2: %3</translation>
    </message>
    <message>
        <source>Your %1 finished: %2</source>
        <comment>command: result</comment>
        <translation>Su comando %1 terminó: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>target: detail</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 rejected your %2</source>
        <translation>%1 rechazó su solicitud %2</translation>
    </message>
    <message>
        <source>Your %1 expired unapproved</source>
        <translation>Su solicitud %1 caducó sin aprobarse</translation>
    </message>
    <message>
        <source>Nobody decided on %1 to %2 in time.</source>
        <translation>Nadie decidió a tiempo sobre %1 a %2.</translation>
    </message>
    <message>
        <source>Your %1 was approved</source>
        <translation>Su solicitud %1 se aprobó</translation>
    </message>
    <message>
        <source>Your %1 was rejected</source>
        <translation>Su solicitud %1 se rechazó</translation>
    </message>
    <message numerus="yes">
        <source>%n approval request(s) wait for you</source>
        <translation>
            <numerusform>%n solicitud de aprobación le espera</numerusform>
            <numerusform>%n solicitudes de aprobación le esperan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) approved</source>
        <translation>
            <numerusform>%n solicitud suya aprobada</numerusform>
            <numerusform>%n solicitudes suyas aprobadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) rejected</source>
        <translation>
            <numerusform>%n solicitud suya rechazada</numerusform>
            <numerusform>%n solicitudes suyas rechazadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your request(s) expired unapproved</source>
        <translation>
            <numerusform>%n solicitud suya caducó sin aprobarse</numerusform>
            <numerusform>%n solicitudes suyas caducaron sin aprobarse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your approved command(s) finished</source>
        <translation>
            <numerusform>%n de sus comandos aprobados terminó</numerusform>
            <numerusform>%n de sus comandos aprobados terminaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: see the Approvals tab.</source>
        <translation>
            <numerusform>… y %n más: vea la pestaña Aprobaciones.</numerusform>
            <numerusform>… y %n más: vea la pestaña Aprobaciones.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalQueue</name>
    <message>
        <source>Approvals need an MQTT username: the broker&apos;s account is the approver&apos;s identity, and an anonymous connection has none.</source>
        <translation>Las aprobaciones requieren un nombre de usuario MQTT: la cuenta del bróker es la identidad del aprobador, y una conexión anónima no tiene ninguna.</translation>
    </message>
    <message>
        <source>The MQTT username &quot;%1&quot; cannot take part in approvals: it must not contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>El nombre de usuario MQTT &quot;%1&quot; no puede participar en las aprobaciones: no debe contener &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>the command is no longer waiting for approval</source>
        <translation>el comando ya no está pendiente de aprobación</translation>
    </message>
    <message>
        <source>There is no approval request %1.</source>
        <translation>No existe la solicitud de aprobación %1.</translation>
    </message>
    <message>
        <source>Deciding needs an MQTT username: the broker&apos;s account is the approver&apos;s identity.</source>
        <translation>Para decidir se necesita un nombre de usuario MQTT: la cuenta del bróker es la identidad del aprobador.</translation>
    </message>
    <message>
        <source>Request %1 is yours: another person must decide on it.</source>
        <translation>La solicitud %1 es suya: otra persona debe decidir sobre ella.</translation>
    </message>
    <message>
        <source>Request %1 has expired.</source>
        <translation>La solicitud %1 ha caducado.</translation>
    </message>
    <message>
        <source>Request %1 is already %2.</source>
        <translation>La solicitud %1 ya está %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>its id is not the topic&apos;s</source>
        <translation>su ID no es el del tema</translation>
    </message>
    <message>
        <source>a decision must be a JSON object with &quot;decision&quot;: &quot;approve&quot; or &quot;reject&quot;</source>
        <translation>una decisión debe ser un objeto JSON con &quot;decision&quot;: &quot;approve&quot; o &quot;reject&quot;</translation>
    </message>
    <message>
        <source>the requester cannot decide on their own request</source>
        <translation>el solicitante no puede decidir sobre su propia solicitud</translation>
    </message>
    <message>
        <source>nobody decided before the request expired</source>
        <translation>nadie decidió antes de que caducara la solicitud</translation>
    </message>
    <message>
        <source>the request was already %1</source>
        <translation>la solicitud ya estaba %1</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>rechazado por %1</translation>
    </message>
    <message>
        <source>rejected by %1: %2</source>
        <translation>rechazado por %1: %2</translation>
    </message>
    <message>
        <source>the approval request expired</source>
        <translation>la solicitud de aprobación caducó</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>withdrawn by the requester</source>
        <translation>retirada por el solicitante</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>aprobado por %1</translation>
    </message>
    <message>
        <source>approved by %1: %2</source>
        <translation>aprobado por %1: %2</translation>
    </message>
    <message>
        <source>approvals enforced by fleet-hub</source>
        <translation>aprobaciones impuestas por fleet-hub</translation>
    </message>
    <message>
        <source>approvals advisory (no gate on this broker)</source>
        <translation>aprobaciones orientativas (no hay pasarela en este bróker)</translation>
    </message>
    <message>
        <source>not a request of the gate</source>
        <translation>no es una solicitud de la pasarela</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalQueueModel</name>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decidida por</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalRequest</name>
    <message>
        <source>An approval request must be a JSON object.</source>
        <translation>Una solicitud de aprobación debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>An approval request needs the strings &quot;id&quot;, &quot;device&quot;, &quot;command&quot; and &quot;state&quot;.</source>
        <translation>Una solicitud de aprobación requiere las cadenas &quot;id&quot;, &quot;device&quot;, &quot;command&quot; y &quot;state&quot;.</translation>
    </message>
    <message>
        <source>Unknown approval state &quot;%1&quot;.</source>
        <translation>Estado de aprobación desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>An approval request needs the times &quot;requestedAt&quot; and &quot;expiresAt&quot; (milliseconds).</source>
        <translation>Una solicitud de aprobación requiere las horas &quot;requestedAt&quot; y &quot;expiresAt&quot; (en milisegundos).</translation>
    </message>
    <message>
        <source>&quot;decisions&quot; of an approval request must be an array.</source>
        <translation>&quot;decisions&quot; de una solicitud de aprobación debe ser un array.</translation>
    </message>
    <message>
        <source>A decision of an approval request needs &quot;approver&quot; and &quot;decision&quot; (approve or reject).</source>
        <translation>Una decisión sobre una solicitud de aprobación requiere &quot;approver&quot; y &quot;decision&quot; (approve o reject).</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>approval state</comment>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>approval state</comment>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>approval state</comment>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Expired</source>
        <comment>approval state</comment>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <comment>approval state</comment>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>&quot;targets&quot; of an approval request must be an array of device ids.</source>
        <translation>&quot;targets&quot; de una solicitud de aprobación debe ser un array de ID de dispositivo.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) (%1)</source>
        <translation>
            <numerusform>%n dispositivo (%1)</numerusform>
            <numerusform>%n dispositivos (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ApprovalsView</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Select a request to see exactly what it will send.</source>
        <translation>Seleccione una solicitud para ver exactamente qué enviará.</translation>
    </message>
    <message>
        <source>Reason (required to reject)</source>
        <translation>Motivo (obligatorio para rechazar)</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>Pendientes de decisión</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Approvals need an MQTT username: the broker&apos;s account is the identity of requesters and approvers. Connect with a username to request or decide.</source>
        <translation>Las aprobaciones requieren un nombre de usuario MQTT: la cuenta del bróker es la identidad de solicitantes y aprobadores. Conéctese con un nombre de usuario para solicitar o decidir.</translation>
    </message>
    <message>
        <source>Approvals are off: %1</source>
        <translation>Las aprobaciones están desactivadas: %1</translation>
    </message>
    <message>
        <source>No request selected.</source>
        <translation>Ninguna solicitud seleccionada.</translation>
    </message>
    <message>
        <source>Request %1 is no longer in the queue.</source>
        <translation>La solicitud %1 ya no está en la cola.</translation>
    </message>
    <message>
        <source>%1 asks to send %2 to %3, %4 ago.</source>
        <translation>%1 solicita enviar %2 a %3, hace %4.</translation>
    </message>
    <message>
        <source>Expired.</source>
        <translation>Caducada.</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) received.</source>
        <translation>
            <numerusform>%n decisión recibida.</numerusform>
            <numerusform>%n decisiones recibidas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Select a waiting request first.</source>
        <translation>Seleccione primero una solicitud pendiente.</translation>
    </message>
    <message>
        <source>Publish your approval: the requester&apos;s console then sends the command.</source>
        <translation>Publicar su aprobación: la consola del solicitante enviará entonces el comando.</translation>
    </message>
    <message>
        <source>Rejecting needs a reason: type it in the field on the left.</source>
        <translation>Para rechazar se necesita un motivo: escríbalo en el campo de la izquierda.</translation>
    </message>
    <message>
        <source>Publish your rejection, with the reason.</source>
        <translation>Publicar su rechazo, con el motivo.</translation>
    </message>
    <message>
        <source>Rejecting needs a reason.</source>
        <translation>Para rechazar se necesita un motivo.</translation>
    </message>
    <message>
        <source>Not decided: %1</source>
        <translation>No se decidió: %1</translation>
    </message>
    <message>
        <source>Approval sent. The requester&apos;s console sends the command and reports the outcome here.</source>
        <translation>Aprobación enviada. La consola del solicitante envía el comando e informa aquí del resultado.</translation>
    </message>
    <message>
        <source>Rejection sent. The requester&apos;s console ends the command and reports the outcome here.</source>
        <translation>Rechazo enviado. La consola del solicitante da por terminado el comando e informa aquí del resultado.</translation>
    </message>
    <message>
        <source>The broker refused your decision on %1: %2</source>
        <translation>El bróker rechazó su decisión sobre %1: %2</translation>
    </message>
    <message>
        <source>Approval sent to fleet-hub&apos;s gate, which sends the command once and reports the outcome here.</source>
        <translation>Aprobación enviada a la pasarela de fleet-hub, que envía el comando una sola vez y muestra aquí el resultado.</translation>
    </message>
    <message>
        <source>Rejection sent to fleet-hub&apos;s gate; the outcome shows here.</source>
        <translation>Rechazo enviado a la pasarela de fleet-hub; el resultado se muestra aquí.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>Expired: %1.</source>
        <translation>Caducada: %1.</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;)</source>
        <comment>approver (reason)</comment>
        <translation>%1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>Waiting for a decision; expires in %1.</source>
        <translation>Pendiente de decisión; caduca dentro de %1.</translation>
    </message>
    <message>
        <source>Rejected by %1; nothing was sent.</source>
        <translation>Rechazada por %1; no se envió nada.</translation>
    </message>
    <message>
        <source>Withdrawn; nothing was sent.</source>
        <translation>Retirada; no se envió nada.</translation>
    </message>
    <message>
        <source>Withdrawn (%1); nothing was sent.</source>
        <translation>Retirada (%1); no se envió nada.</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>Aprobada por %1.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <translation>Aún no enviada.</translation>
    </message>
    <message>
        <source>Not sent yet: %1&apos;s console sends it.</source>
        <translation>Aún no enviada: la envía la consola de %1.</translation>
    </message>
    <message>
        <source>Sent %1 ago.</source>
        <translation>Enviada hace %1.</translation>
    </message>
    <message>
        <source>No final result yet.</source>
        <translation>Aún sin resultado final.</translation>
    </message>
    <message>
        <source>Result: %1.</source>
        <translation>Resultado: %1.</translation>
    </message>
    <message>
        <source>Result: %1 (%2).</source>
        <translation>Resultado: %1 (%2).</translation>
    </message>
    <message>
        <source>Targets (%1): %2</source>
        <translation>Destinos (%1): %2</translation>
    </message>
    <message>
        <source>Command %1 with parameters:</source>
        <translation>Comando %1 con los parámetros:</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), one per target:</source>
        <translation>
            <numerusform>%n mensaje, uno por destino:</numerusform>
            <numerusform>%n mensajes, uno por destino:</numerusform>
        </translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Carga útil:</translation>
    </message>
    <message>
        <source>your approval of %1</source>
        <translation>su aprobación de %1</translation>
    </message>
    <message>
        <source>your rejection of %1</source>
        <translation>su rechazo de %1</translation>
    </message>
</context>
<context>
    <name>fleet::AtlasDialect</name>
    <message>
        <source>The topic template &quot;%1&quot; contains a wildcard or NUL.</source>
        <translation>La plantilla de tema &quot;%1&quot; contiene un comodín o NUL.</translation>
    </message>
    <message>
        <source>In the topic template &quot;%1&quot;, %2 must be a whole level of its own.</source>
        <translation>En la plantilla de tema &quot;%1&quot;, %2 debe ser un nivel completo por sí solo.</translation>
    </message>
    <message>
        <source>The topic template &quot;%1&quot; must contain %2 exactly once, as a whole level.</source>
        <translation>La plantilla de tema &quot;%1&quot; debe contener %2 exactamente una vez, como nivel completo.</translation>
    </message>
    <message>
        <source>A command needs a name.</source>
        <translation>Un comando requiere un nombre.</translation>
    </message>
    <message>
        <source>A command needs a tid.</source>
        <translation>Un comando requiere un tid.</translation>
    </message>
    <message>
        <source>The tid is longer than %1 bytes.</source>
        <translation>El tid supera los %1 bytes.</translation>
    </message>
    <message>
        <source>The parameters of a command must be a JSON object.</source>
        <translation>Los parámetros de un comando deben ser un objeto JSON.</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La solicitud supera los %1 bytes.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is larger than %2 bytes.</source>
        <translation>La respuesta en &quot;%1&quot; supera los %2 bytes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command response topic (expected %2 or %3).</source>
        <translation>&quot;%1&quot; no es un tema de respuesta de comandos (se esperaba %2 o %3).</translation>
    </message>
    <message>
        <source>The correlation data of the reply on &quot;%1&quot; is not a tid.</source>
        <translation>Los datos de correlación de la respuesta en &quot;%1&quot; no son un tid.</translation>
    </message>
    <message>
        <source>The text reply on the group topic &quot;%1&quot; does not name its device.</source>
        <translation>La respuesta de texto en el tema de grupo &quot;%1&quot; no indica su dispositivo.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is neither JSON nor a SUCCESS or FAILURE line.</source>
        <translation>La respuesta en &quot;%1&quot; no es ni JSON ni una línea SUCCESS o FAILURE.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; is not a JSON object.</source>
        <translation>La respuesta en &quot;%1&quot; no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; has no &quot;status&quot;.</source>
        <translation>La respuesta en &quot;%1&quot; no tiene &quot;status&quot;.</translation>
    </message>
    <message>
        <source>The &quot;status&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>El &quot;status&quot; de la respuesta en &quot;%1&quot; no es una cadena.</translation>
    </message>
    <message>
        <source>The message on &quot;%1&quot; is a request, not a reply.</source>
        <translation>El mensaje en &quot;%1&quot; es una solicitud, no una respuesta.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; has an unknown status &quot;%2&quot;.</source>
        <translation>La respuesta en &quot;%1&quot; tiene un estado desconocido &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The &quot;tid&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>El &quot;tid&quot; de la respuesta en &quot;%1&quot; no es una cadena.</translation>
    </message>
    <message>
        <source>The &quot;tid&quot; of the reply on &quot;%1&quot; is longer than %2 bytes.</source>
        <translation>El &quot;tid&quot; de la respuesta en &quot;%1&quot; supera los %2 bytes.</translation>
    </message>
    <message>
        <source>The &quot;device&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>El &quot;device&quot; de la respuesta en &quot;%1&quot; no es una cadena.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; names an invalid device &quot;%2&quot;.</source>
        <translation>La respuesta en &quot;%1&quot; indica un dispositivo no válido &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; names the device &quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation>La respuesta en &quot;%1&quot; indica el dispositivo &quot;%2&quot;, no &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>The reply on the group topic &quot;%1&quot; does not name its device.</source>
        <translation>La respuesta en el tema de grupo &quot;%1&quot; no indica su dispositivo.</translation>
    </message>
    <message>
        <source>The &quot;reason&quot; of the reply on &quot;%1&quot; is not a string.</source>
        <translation>El &quot;reason&quot; de la respuesta en &quot;%1&quot; no es una cadena.</translation>
    </message>
    <message>
        <source>The reply on &quot;%1&quot; nests deeper than %2 levels.</source>
        <translation>La respuesta en &quot;%1&quot; tiene más de %2 niveles de anidamiento.</translation>
    </message>
</context>
<context>
    <name>fleet::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Actor</source>
        <comment>who caused an audit entry</comment>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Request</source>
        <comment>requester/id of a gate request</comment>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>fleet::AuditView</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actua&amp;lizar</translation>
    </message>
    <message>
        <source>Filter by actor, requester or request id</source>
        <translation>Filtrar por autor, solicitante o ID de solicitud</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>Seleccione una entrada para verla completa.</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Leyendo el registro de auditoría…</translation>
    </message>
    <message numerus="yes">
        <source>(the oldest %n not kept)</source>
        <translation>
            <numerusform>(%n entrada más antigua no conservada)</numerusform>
            <numerusform>(%n entradas más antiguas no conservadas)</numerusform>
        </translation>
    </message>
    <message>
        <source>More in the log: Refresh reads on.</source>
        <translation>Hay más en el registro: Actualizar sigue leyendo.</translation>
    </message>
    <message>
        <source>Entry %1, %2
Actor: %3
Action: %4
Request: %5
Topic: %6

%7</source>
        <translation>Entrada %1, %2
Autor: %3
Acción: %4
Solicitud: %5
Tema: %6

%7</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entry(ies)</source>
        <comment>shown of all</comment>
        <translation>
            <numerusform>%1 de %n entrada</numerusform>
            <numerusform>%1 de %n entradas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandExecution</name>
    <message>
        <source>The update is not a JSON object.</source>
        <translation>La actualización no es un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;status&quot; is missing or not a string.</source>
        <translation>Falta &quot;status&quot; o no es una cadena.</translation>
    </message>
    <message>
        <source>&quot;status&quot; must be IN_PROGRESS, SUCCEEDED, FAILED, REJECTED or TIMED_OUT.</source>
        <translation>&quot;status&quot; debe ser IN_PROGRESS, SUCCEEDED, FAILED, REJECTED o TIMED_OUT.</translation>
    </message>
    <message>
        <source>Unknown member &quot;%1&quot;.</source>
        <translation>Miembro desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;statusReason&quot; must be an object.</source>
        <translation>&quot;statusReason&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonCode&quot; must be 1 to %1 characters of A-Z, 0-9, _ and -.</source>
        <translation>&quot;statusReason.reasonCode&quot; debe tener de 1 a %1 caracteres entre A-Z, 0-9, _ y -.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonDescription&quot; must be a string.</source>
        <translation>&quot;statusReason.reasonDescription&quot; debe ser una cadena.</translation>
    </message>
    <message>
        <source>&quot;statusReason.reasonDescription&quot; is longer than %1 characters.</source>
        <translation>&quot;statusReason.reasonDescription&quot; tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>&quot;result&quot; must be an object.</source>
        <translation>&quot;result&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>&quot;result&quot; has more than %1 entries.</source>
        <translation>&quot;result&quot; tiene más de %1 entradas.</translation>
    </message>
    <message>
        <source>Result &quot;%1&quot; must be {&quot;s&quot;: text}, {&quot;b&quot;: true|false} or {&quot;bin&quot;: base64}.</source>
        <translation>El resultado &quot;%1&quot; debe ser {&quot;s&quot;: texto}, {&quot;b&quot;: true|false} o {&quot;bin&quot;: base64}.</translation>
    </message>
    <message>
        <source>The execution is %1: it cannot go back to IN_PROGRESS.</source>
        <translation>La ejecución está en %1: no puede volver a IN_PROGRESS.</translation>
    </message>
    <message>
        <source>The execution is already %1.</source>
        <translation>La ejecución ya está en %1.</translation>
    </message>
    <message>
        <source>The execution timed out: only a final status may follow.</source>
        <translation>La ejecución agotó su tiempo: solo puede seguir un estado final.</translation>
    </message>
    <message>
        <source>The device did not report a final status within %1 s.</source>
        <translation>El dispositivo no informó de un estado final en %1 s.</translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandService</name>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La solicitud no es un objeto JSON.</translation>
    </message>
    <message>
        <source>There is no AWS IoT command &quot;%1&quot; in fleet-hub&apos;s catalog.</source>
        <translation>No hay ningún comando de AWS IoT &quot;%1&quot; en el catálogo de fleet-hub.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is deprecated: no new executions.</source>
        <translation>&quot;%1&quot; está obsoleto: no admite ejecuciones nuevas.</translation>
    </message>
    <message>
        <source>&quot;targetType&quot; must be &quot;things&quot; or &quot;clients&quot;.</source>
        <translation>&quot;targetType&quot; debe ser &quot;things&quot; o &quot;clients&quot;.</translation>
    </message>
    <message>
        <source>&quot;target&quot; must be a thing name or client id of 1 to 128 characters without &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;target&quot; debe ser un nombre de objeto o un id de cliente de 1 a 128 caracteres sin &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;.</translation>
    </message>
    <message>
        <source>&quot;timeoutSeconds&quot; must be a number from %1 to %2.</source>
        <translation>&quot;timeoutSeconds&quot; debe ser un número de %1 a %2.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be an object.</source>
        <translation>&quot;parameters&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>%L1 executions are unfinished: wait for some to end.</source>
        <translation>Hay %L1 ejecuciones sin terminar: espere a que terminen algunas.</translation>
    </message>
    <message>
        <source>The execution could not be stored: %1</source>
        <translation>No se pudo guardar la ejecución: %1</translation>
    </message>
    <message>
        <source>The database failed; nothing was sent.</source>
        <translation>La base de datos falló; no se envió nada.</translation>
    </message>
    <message>
        <source>The catalog&apos;s payload for %1 must be a string.</source>
        <translation>La carga útil del catálogo para %1 debe ser una cadena.</translation>
    </message>
    <message>
        <source>The database failed.</source>
        <translation>La base de datos falló.</translation>
    </message>
    <message>
        <source>No execution %1 for %2.</source>
        <translation>No hay ninguna ejecución %1 para %2.</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: %2</source>
        <translation>Se descartó un mensaje en &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Client token %1 already started another execution.</source>
        <translation>El token de cliente %1 ya inició otra ejecución.</translation>
    </message>
    <message>
        <source>%1 cannot take it: %2</source>
        <translation>%1 no puede recibirlo: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is sensitive: start it through fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>&quot;%1&quot; es sensible: iníciela a través de la pasarela de comandos de fleet-hub, que la retiene hasta una aprobación.</translation>
    </message>
</context>
<context>
    <name>fleet::AwsCommandStore</name>
    <message>
        <source>The commands database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de datos de comandos tiene el esquema %1; este fleet-hub conoce hasta el %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the AWS IoT commands database: %2</source>
        <translation>No se puede usar &quot;%1&quot; como base de datos de comandos de AWS IoT: %2</translation>
    </message>
    <message>
        <source>The commands database is not open.</source>
        <translation>La base de datos de comandos no está abierta.</translation>
    </message>
    <message>
        <source>Committing to the commands database failed: %1</source>
        <translation>Falló la confirmación en la base de datos de comandos: %1</translation>
    </message>
</context>
<context>
    <name>fleet::AzureConnectionString</name>
    <message>
        <source>The connection string has %1 characters; at most %2 are accepted.</source>
        <translation>La cadena de conexión tiene %1 caracteres; se aceptan como máximo %2.</translation>
    </message>
    <message>
        <source>The connection string is empty.</source>
        <translation>La cadena de conexión está vacía.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not of the form Key=Value.</source>
        <translation>&quot;%1&quot; no tiene la forma Clave=Valor.</translation>
    </message>
    <message>
        <source>Module identities (ModuleId) are not supported; use a device connection string.</source>
        <translation>Las identidades de módulo (ModuleId) no se admiten; use una cadena de conexión de dispositivo.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in the connection string.</source>
        <translation>Clave desconocida &quot;%1&quot; en la cadena de conexión.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice in the connection string.</source>
        <translation>&quot;%1&quot; aparece dos veces en la cadena de conexión.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty in the connection string.</source>
        <translation>&quot;%1&quot; está vacío en la cadena de conexión.</translation>
    </message>
    <message>
        <source>The connection string has no HostName.</source>
        <translation>La cadena de conexión no tiene HostName.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name.</source>
        <translation>&quot;%1&quot; no es un nombre de host.</translation>
    </message>
    <message>
        <source>The connection string has no DeviceId.</source>
        <translation>La cadena de conexión no tiene DeviceId.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id: at most %2 ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ &apos;.</source>
        <translation>&quot;%1&quot; no es un ID de dispositivo válido: como máximo %2 letras ASCII, dígitos y - . % _ * ? ! ( ) , : = @ $ &apos;.</translation>
    </message>
    <message>
        <source>x509 must be true or false, not &quot;%1&quot;.</source>
        <translation>x509 debe ser true o false, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The connection string needs exactly one of SharedAccessKey, SharedAccessSignature and x509=true.</source>
        <translation>La cadena de conexión necesita exactamente uno de SharedAccessKey, SharedAccessSignature y x509=true.</translation>
    </message>
    <message>
        <source>SharedAccessKey is not base64.</source>
        <translation>SharedAccessKey no está en base64.</translation>
    </message>
    <message>
        <source>SharedAccessSignature is not a shared access signature: %1</source>
        <translation>SharedAccessSignature no es una firma de acceso compartido: %1</translation>
    </message>
    <message>
        <source>GatewayHostName &quot;%1&quot; is not a host name.</source>
        <translation>GatewayHostName &quot;%1&quot; no es un nombre de host.</translation>
    </message>
    <message>
        <source>GatewayHostName &quot;%1&quot; has a port outside 1–65535.</source>
        <translation>GatewayHostName &quot;%1&quot; tiene un puerto fuera del intervalo 1–65535.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureHubClient</name>
    <message>
        <source>%1 Azure requests are waiting for an answer already.</source>
        <translation>Ya hay %1 solicitudes de Azure esperando respuesta.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a device id.</source>
        <translation>&quot;%1&quot; no es un ID de dispositivo.</translation>
    </message>
    <message>
        <source>A direct method needs a user name: its answer comes on a topic named after the caller.</source>
        <translation>Un método directo necesita un nombre de usuario: su respuesta llega en un tema con el nombre de quien llama.</translation>
    </message>
    <message>
        <source>The device id and the method name must be one topic level each, without &apos;+&apos;, &apos;#&apos; or &apos;?&apos;.</source>
        <translation>El ID de dispositivo y el nombre del método deben ocupar un nivel de tema cada uno, sin &apos;+&apos;, &apos;#&apos; ni &apos;?&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a message id: it must be new and one topic level.</source>
        <translation>&quot;%1&quot; no puede ser un ID de mensaje: debe ser nuevo y de un solo nivel de tema.</translation>
    </message>
    <message>
        <source>fleet-hub did not answer in time.</source>
        <translation>fleet-hub no respondió a tiempo.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureHubService</name>
    <message>
        <source>The twins database failed.</source>
        <translation>La base de datos de gemelos falló.</translation>
    </message>
    <message>
        <source>No Azure device &quot;%1&quot; is known to fleet-hub.</source>
        <translation>fleet-hub no conoce ningún dispositivo Azure &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>An update is {&quot;state&quot;: {&quot;desired&quot;: {…}}}; operators do not write reported properties.</source>
        <translation>Una actualización tiene la forma {&quot;state&quot;: {&quot;desired&quot;: {…}}}; los operadores no escriben propiedades notificadas.</translation>
    </message>
    <message>
        <source>The desired properties are at $version %1, not the one given: read them again.</source>
        <translation>Las propiedades deseadas están en la $version %1, no en la indicada: vuelva a leerlas.</translation>
    </message>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La solicitud no es un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;deviceId&quot; must be 1 to 128 characters without &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;deviceId&quot; debe tener de 1 a 128 caracteres, sin &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;.</translation>
    </message>
    <message>
        <source>&quot;methodName&quot; must be 1 to 128 characters without &apos;+&apos;, &apos;#&apos;, &apos;/&apos; or &apos;?&apos;.</source>
        <translation>&quot;methodName&quot; debe tener de 1 a 128 caracteres, sin &apos;+&apos;, &apos;#&apos;, &apos;/&apos; ni &apos;?&apos;.</translation>
    </message>
    <message>
        <source>&quot;responseTimeoutInSeconds&quot; must be a number from %1 to %2.</source>
        <translation>&quot;responseTimeoutInSeconds&quot; debe ser un número de %1 a %2.</translation>
    </message>
    <message>
        <source>The payload exceeds %1 bytes.</source>
        <translation>La carga útil supera los %1 bytes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an approval: call it through fleet-hub&apos;s command gate.</source>
        <translation>&quot;%1&quot; necesita una aprobación: llámelo a través de la pasarela de comandos de fleet-hub.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 no está conectado.</translation>
    </message>
    <message>
        <source>fleet-hub has %1 method calls waiting for an answer; try again later.</source>
        <translation>fleet-hub tiene %1 llamadas a métodos esperando respuesta; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The device answered with a body that is not JSON: %1</source>
        <translation>El dispositivo respondió con un cuerpo que no es JSON: %1</translation>
    </message>
    <message>
        <source>The device did not answer in time.</source>
        <translation>El dispositivo no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: %2</source>
        <translation>Se descartó un mensaje en &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::AzurePropertyBag</name>
    <message>
        <source>&quot;%1&quot; has a malformed percent escape at character %2.</source>
        <translation>&quot;%1&quot; tiene una codificación porcentual mal formada en el carácter %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; decodes to bytes that are not UTF-8.</source>
        <translation>&quot;%1&quot; se decodifica en bytes que no son UTF-8.</translation>
    </message>
    <message>
        <source>The property bag has %1 characters; at most %2 are accepted.</source>
        <translation>El conjunto de propiedades tiene %1 caracteres; se aceptan como máximo %2.</translation>
    </message>
    <message>
        <source>The property bag has more than %1 properties.</source>
        <translation>El conjunto de propiedades tiene más de %1 propiedades.</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; has no name.</source>
        <translation>La propiedad &quot;%1&quot; no tiene nombre.</translation>
    </message>
    <message>
        <source>Line %1 of the properties is not name=value.</source>
        <translation>La línea %1 de las propiedades no es nombre=valor.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureSas</name>
    <message>
        <source>The token has %1 characters; at most %2 are accepted.</source>
        <translation>El token tiene %1 caracteres; se aceptan como máximo %2.</translation>
    </message>
    <message>
        <source>The token does not start with &quot;SharedAccessSignature &quot;.</source>
        <translation>El token no empieza por &quot;SharedAccessSignature &quot;.</translation>
    </message>
    <message>
        <source>The token has an unknown field &quot;%1&quot;.</source>
        <translation>El token tiene un campo desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token has &quot;%1&quot; twice.</source>
        <translation>El token tiene &quot;%1&quot; dos veces.</translation>
    </message>
    <message>
        <source>The token&apos;s &quot;%1&quot; is empty.</source>
        <translation>El campo &quot;%1&quot; del token está vacío.</translation>
    </message>
    <message>
        <source>The token has no &quot;%1&quot;.</source>
        <translation>El token no tiene &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not base64.</source>
        <translation>La firma del token no está en base64.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry &quot;%1&quot; is not a number of seconds.</source>
        <translation>La caducidad &quot;%1&quot; del token no es un número de segundos.</translation>
    </message>
    <message>
        <source>The shared access key is empty.</source>
        <translation>La clave de acceso compartido está vacía.</translation>
    </message>
    <message>
        <source>The shared access key is not base64.</source>
        <translation>La clave de acceso compartido no está en base64.</translation>
    </message>
    <message>
        <source>The resource URI is empty.</source>
        <translation>El URI del recurso está vacío.</translation>
    </message>
    <message>
        <source>The expiry is before 1970.</source>
        <translation>La caducidad es anterior a 1970.</translation>
    </message>
    <message>
        <source>The token is for &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>El token es para &quot;%1&quot;, no para &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The token expired.</source>
        <translation>El token ha caducado.</translation>
    </message>
    <message>
        <source>The token&apos;s signature does not match the key.</source>
        <translation>La firma del token no coincide con la clave.</translation>
    </message>
</context>
<context>
    <name>fleet::AzureTwin</name>
    <message>
        <source>a string is longer than %1 bytes</source>
        <translation>una cadena supera los %1 bytes</translation>
    </message>
    <message>
        <source>objects nest deeper than %1 levels</source>
        <translation>los objetos se anidan en más de %1 niveles</translation>
    </message>
    <message>
        <source>a key is empty or longer than %1 bytes</source>
        <translation>una clave está vacía o supera los %1 bytes</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; holds &apos;.&apos;, &apos;$&apos;, a space or a control character</source>
        <translation>la clave &quot;%1&quot; contiene &apos;.&apos;, &apos;$&apos;, un espacio o un carácter de control</translation>
    </message>
    <message>
        <source>a patch must be a JSON object</source>
        <translation>un parche debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>the %1 properties would exceed %2 bytes</source>
        <translation>las propiedades %1 superarían los %2 bytes</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerCommandLine</name>
    <message>
        <source>Broker URL: mqtt://host[:port] or mqtts://host[:port] (default %1).</source>
        <translation>URL del bróker: mqtt://host[:puerto] o mqtts://host[:puerto] (predeterminada: %1).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>MQTT client id (default: generated).</source>
        <translation>ID de cliente MQTT (predeterminado: generado).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>MQTT user name.</source>
        <translation>Nombre de usuario MQTT.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>MQTT protocol version: 5 (default) or 3.1.1.</source>
        <translation>Versión del protocolo MQTT: 5 (predeterminada) o 3.1.1.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSIÓN</translation>
    </message>
    <message>
        <source>Keepalive interval in seconds (default 30).</source>
        <translation>Intervalo de keepalive en segundos (predeterminado: 30).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>CA certificate file (PEM) to verify an mqtts:// broker.</source>
        <translation>Archivo del certificado de la CA (PEM) para verificar un bróker mqtts://.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Client certificate file (PEM) for mutual TLS.</source>
        <translation>Archivo del certificado de cliente (PEM) para TLS mutuo.</translation>
    </message>
    <message>
        <source>Client private key file (PEM) for mutual TLS.</source>
        <translation>Archivo de la clave privada del cliente (PEM) para TLS mutuo.</translation>
    </message>
    <message>
        <source>INSECURE: accept any broker certificate and host name (lab brokers with self-signed certificates only).</source>
        <translation>INSEGURO: aceptar cualquier certificado y nombre de host del bróker (solo para brókeres de laboratorio con certificados autofirmados).</translation>
    </message>
    <message>
        <source>--broker: %1</source>
        <translation>--broker: %1</translation>
    </message>
    <message>
        <source>--mqtt-version: &quot;%1&quot; is not 5 or 3.1.1.</source>
        <translation>--mqtt-version: &quot;%1&quot; no es 5 ni 3.1.1.</translation>
    </message>
    <message>
        <source>--keepalive: expected whole seconds from 5 to 65535.</source>
        <translation>--keepalive: se esperaba un número entero de segundos entre 5 y 65535.</translation>
    </message>
    <message>
        <source>TLS options need an mqtts:// broker URL.</source>
        <translation>Las opciones TLS requieren una URL de bróker mqtts://.</translation>
    </message>
    <message>
        <source>--cert and --key go together.</source>
        <translation>--cert y --key van juntas.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;.</source>
        <translation>No se puede leer &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Read the MQTT password from the first line of standard input (otherwise from the FLEET_MQTT_PASSWORD environment variable, or else from the systemd credential &quot;mqtt-password&quot;, if set).</source>
        <translation>Lee la contraseña MQTT de la primera línea de la entrada estándar (si no, de la variable de entorno FLEET_MQTT_PASSWORD o, en su defecto, de la credencial de systemd &quot;mqtt-password&quot;, si existen).</translation>
    </message>
    <message>
        <source>Cannot read the credential &quot;%1&quot;: %2</source>
        <translation>No se puede leer la credencial &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerProfile</name>
    <message>
        <source>The broker URL is empty.</source>
        <translation>La URL del bróker está vacía.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation>&quot;%1&quot; no es una URL válida: %2</translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use mqtt:// or mqtts://.</source>
        <translation>Esquema &quot;%1&quot; no admitido: use mqtt:// o mqtts://.</translation>
    </message>
    <message>
        <source>The broker URL &quot;%1&quot; has no host.</source>
        <translation>La URL del bróker &quot;%1&quot; no tiene host.</translation>
    </message>
    <message>
        <source>Put the password in the keychain, not in the URL.</source>
        <translation>Guarde la contraseña en el llavero, no en la URL.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>El puerto debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <source>The keepalive must be between 5 and 65535 seconds.</source>
        <translation>El keepalive debe estar entre 5 y 65535 segundos.</translation>
    </message>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation>Una sesión persistente requiere un ID de cliente: el bróker identifica la sesión por él.</translation>
    </message>
    <message>
        <source>With MQTT 5 a persistent session needs a session expiry interval; with 0 the broker ends the session at disconnect.</source>
        <translation>Con MQTT 5, una sesión persistente requiere un intervalo de expiración de sesión; con 0, el bróker termina la sesión al desconectarse.</translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>Un certificado de cliente necesita su clave privada, y una clave, su certificado.</translation>
    </message>
    <message>
        <source>TLS files are set but the URL is not mqtts://.</source>
        <translation>Hay archivos TLS configurados, pero la URL no es mqtts://.</translation>
    </message>
</context>
<context>
    <name>fleet::BrokerProvisioning</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>No se puede escribir &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid account name: 1 to %2 letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; or &apos;@&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de cuenta válido: de 1 a %2 letras, dígitos, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; o &apos;@&apos;.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; has no role.</source>
        <translation>La cuenta &quot;%1&quot; no tiene ningún rol.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: a device account holds the device role only.</source>
        <translation>Cuenta &quot;%1&quot;: una cuenta de dispositivo solo tiene el rol device.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: a password is 1 to %2 printable ASCII characters without spaces or &apos;:&apos;.</source>
        <translation>Cuenta &quot;%1&quot;: una contraseña tiene de 1 a %2 caracteres ASCII imprimibles, sin espacios ni &apos;:&apos;.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: at most %2 extra topics.</source>
        <translation>Cuenta &quot;%1&quot;: como máximo %2 temas adicionales.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: &quot;%2&quot; is not a valid topic filter for an ACL (no spaces, no $share/).</source>
        <translation>Cuenta &quot;%1&quot;: &quot;%2&quot; no es un filtro de temas válido para una ACL (sin espacios ni $share/).</translation>
    </message>
    <message>
        <source>Too many accounts: at most %1.</source>
        <translation>Demasiadas cuentas: como máximo %1.</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot; is listed twice.</source>
        <translation>La cuenta &quot;%1&quot; aparece dos veces.</translation>
    </message>
    <message>
        <source>The device count must be from 1 to %1, not %2.</source>
        <translation>El número de dispositivos debe estar entre 1 y %1, no %2.</translation>
    </message>
    <message>
        <source>accounts[%1]</source>
        <translation>accounts[%1]</translation>
    </message>
    <message>
        <source>%1: expected an object, not %2.</source>
        <translation>%1: se esperaba un objeto, no %2.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; must be a string.</source>
        <translation>%1: &quot;name&quot; debe ser una cadena.</translation>
    </message>
    <message>
        <source>%1: &quot;password&quot; must be a string.</source>
        <translation>%1: &quot;password&quot; debe ser una cadena.</translation>
    </message>
    <message>
        <source>%1: &quot;roles&quot; must be an array of role names.</source>
        <translation>%1: &quot;roles&quot; debe ser un array de nombres de rol.</translation>
    </message>
    <message>
        <source>%1: unknown role %2; the roles are operator, approver, device, service and monitor.</source>
        <translation>%1: rol desconocido %2; los roles son operator, approver, device, service y monitor.</translation>
    </message>
    <message>
        <source>%1: &quot;extra&quot; must be an object of topic lists (read, write, readwrite).</source>
        <translation>%1: &quot;extra&quot; debe ser un objeto de listas de temas (read, write, readwrite).</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;extra.%2&quot;; expected read, write or readwrite.</source>
        <translation>%1: clave desconocida &quot;extra.%2&quot;; se esperaba read, write o readwrite.</translation>
    </message>
    <message>
        <source>%1: &quot;extra.%2&quot; must be an array of topic filters.</source>
        <translation>%1: &quot;extra.%2&quot; debe ser un array de filtros de temas.</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;; expected name, roles, password or extra.</source>
        <translation>%1: clave desconocida &quot;%2&quot;; se esperaba name, roles, password o extra.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot; is missing.</source>
        <translation>%1: falta &quot;name&quot;.</translation>
    </message>
    <message>
        <source>The specification is larger than %1 bytes.</source>
        <translation>La especificación supera los %1 bytes.</translation>
    </message>
    <message>
        <source>Expected a JSON object with &quot;accounts&quot; and &quot;devices&quot;, not %1.</source>
        <translation>Se esperaba un objeto JSON con &quot;accounts&quot; y &quot;devices&quot;, no %1.</translation>
    </message>
    <message>
        <source>&quot;accounts&quot; must be an array.</source>
        <translation>&quot;accounts&quot; debe ser un array.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>No se puede leer &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No accounts to write.</source>
        <translation>No hay cuentas que escribir.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the output directory&apos;s path must have no spaces or control characters (mosquitto.conf names the files in it).</source>
        <translation>&quot;%1&quot;: la ruta del directorio de salida no debe tener espacios ni caracteres de control (mosquitto.conf nombra los archivos que contiene).</translation>
    </message>
    <message>
        <source>Cannot create the directory &quot;%1&quot;.</source>
        <translation>No se puede crear el directorio &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>mosquitto_passwd was not found (Debian package mosquitto).</source>
        <translation>No se encontró mosquitto_passwd (paquete de Debian mosquitto).</translation>
    </message>
    <message>
        <source>%1 -U failed: %2</source>
        <translation>%1 -U falló: %2</translation>
    </message>
    <message>
        <source>%1 -U did not hash every password in &quot;%2&quot;.</source>
        <translation>%1 -U no aplicó el hash a todas las contraseñas de &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Cannot replace &quot;%1&quot;.</source>
        <translation>No se puede reemplazar &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Try &apos;fleet-hub provision --help&apos;.</source>
        <translation>Pruebe &apos;fleet-hub provision --help&apos;.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Write a broker&apos;s accounts and access control.</source>
        <translation>Escribir las cuentas y el control de acceso de un bróker.</translation>
    </message>
    <message>
        <source>The accounts specification, a JSON file (see above).</source>
        <translation>La especificación de las cuentas, un archivo JSON (véase más arriba).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Add an account with these roles, e.g. bob=operator,approver (repeatable).</source>
        <translation>Añadir una cuenta con estos roles, p. ej., bob=operator,approver (repetible).</translation>
    </message>
    <message>
        <source>NAME=ROLES</source>
        <translation>NOMBRE=ROLES</translation>
    </message>
    <message>
        <source>Add N device accounts, PREFIX1 to PREFIXN.</source>
        <translation>Añadir N cuentas de dispositivo, de PREFIJO1 a PREFIJON.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The device accounts&apos; prefix (default &quot;dev-&quot;).</source>
        <translation>El prefijo de las cuentas de dispositivo (predeterminado: &quot;dev-&quot;).</translation>
    </message>
    <message>
        <source>PREFIX</source>
        <translation>PREFIJO</translation>
    </message>
    <message>
        <source>Where to write passwd, acl and mosquitto.conf (created with mode 0700 if missing).</source>
        <translation>Dónde escribir passwd, acl y mosquitto.conf (se crea con el modo 0700 si no existe).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIRECTORIO</translation>
    </message>
    <message>
        <source>Write the accounts and their passwords to FILE (mode 0600) instead of printing them.</source>
        <translation>Escribir las cuentas y sus contraseñas en ARCHIVO (modo 0600) en lugar de imprimirlas.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--output DIR is required.</source>
        <translation>--output DIRECTORIO es obligatorio.</translation>
    </message>
    <message>
        <source>--account: expected NAME=ROLE[,ROLE...] with the roles operator, approver, device, service and monitor, not &quot;%1&quot;.</source>
        <translation>--account: se esperaba NOMBRE=ROL[,ROL...] con los roles operator, approver, device, service y monitor, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--devices: se esperaba un número entero, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No accounts: give --spec, --account or --devices.</source>
        <translation>No hay cuentas: indique --spec, --account o --devices.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) written to %1 (passwd, acl, mosquitto.conf); passwords in %2.
</source>
        <translation>
            <numerusform>%n cuenta escrita en %1 (passwd, acl, mosquitto.conf); contraseñas en %2.
</numerusform>
            <numerusform>%n cuentas escritas en %1 (passwd, acl, mosquitto.conf); contraseñas en %2.
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the device count must be from 1 to %2, not %3.</source>
        <translation>%1: el número de dispositivos debe estar entre 1 y %2, no %3.</translation>
    </message>
    <message>
        <source>&quot;azureHostName&quot; must be a host name such as fleet.local.</source>
        <translation>&quot;azureHostName&quot; debe ser un nombre de host como fleet.local.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;; expected accounts, devices, azureDevices and azureHostName.</source>
        <translation>Clave desconocida &quot;%1&quot;; se esperaba accounts, devices, azureDevices o azureHostName.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be an empty array.</source>
        <translation>&quot;%1&quot; no debe ser un array vacío.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be {&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: N}, or &quot;%2&quot; an array of such blocks.</source>
        <translation>&quot;%1&quot; debe ser {&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: N}, o &quot;%2&quot; un array de tales bloques.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; no es un ID de dispositivo válido.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice: an Azure device&apos;s id must be no other account&apos;s name.</source>
        <translation>&quot;%1&quot; aparece dos veces: el ID de un dispositivo Azure no debe ser el nombre de ninguna otra cuenta.</translation>
    </message>
    <message>
        <source>fleet_iothub.so, the broker plugin Azure devices need, was not found: build it or give its path.</source>
        <translation>No se encontró fleet_iothub.so, el plugin del bróker que necesitan los dispositivos Azure: compílelo o indique su ruta.</translation>
    </message>
    <message>
        <source>Azure devices need an account with the service role (fleet-hub): it is the only one the broker&apos;s plugin lets speak to them.</source>
        <translation>Los dispositivos Azure necesitan una cuenta con el rol service (fleet-hub): es la única a la que el plugin del bróker deja hablar con ellos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is both an account and an Azure device.</source>
        <translation>&quot;%1&quot; es a la vez una cuenta y un dispositivo Azure.</translation>
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
        <translation>Escribe en el directorio de salida lo que necesita un bróker mosquitto para aplicar los roles de Fleet Console (docs/security.md) a un conjunto de cuentas:
  passwd          el archivo de contraseñas, con hash aplicado por mosquitto_passwd (modo 0600)
  acl             el acl_file: una sección `user` por cuenta con los temas de sus roles
  mosquitto.conf  un fragmento para incluir: allow_anonymous false, password_file, acl_file, set_tcp_nodelay true (añada un listener)
e imprime las cuentas con sus contraseñas y roles como JSON (o lo escribe en --info ARCHIVO, modo 0600). Los archivos existentes se reemplazan; un mosquitto en ejecución los vuelve a leer con SIGHUP.

Los roles ({me} es el nombre de la cuenta; el nombre de un dispositivo es su ID):
%1Una cuenta de dispositivo solo tiene el rol device. &apos;#&apos; no coincide con los temas que empiezan por &apos;$&apos;, así que los roles que leen todo reciben también $aws/#.

--spec ARCHIVO es un objeto JSON:
  {&quot;accounts&quot;: [{&quot;name&quot;: &quot;alice&quot;, &quot;roles&quot;: [&quot;operator&quot;]},
                {&quot;name&quot;: &quot;bob&quot;, &quot;roles&quot;: [&quot;operator&quot;, &quot;approver&quot;], &quot;password&quot;: &quot;...&quot;},
                {&quot;name&quot;: &quot;bridge&quot;, &quot;roles&quot;: [&quot;monitor&quot;], &quot;extra&quot;: {&quot;write&quot;: [&quot;site/{me}/#&quot;]}}],
   &quot;devices&quot;: [{&quot;prefix&quot;: &quot;dev-&quot;, &quot;count&quot;: 51}, {&quot;prefix&quot;: &quot;sample-&quot;, &quot;count&quot;: 3}]}
Una contraseña que falta se genera (144 bits aleatorios). &quot;extra&quot; concede temas más allá de los roles (read, write, readwrite; {me} se expande), para integraciones que los roles no cubren. &quot;devices&quot;, un bloque {&quot;prefix&quot;, &quot;count&quot;} o un array de ellos, añade las cuentas dev-1 ... dev-51 y sample-1 ... sample-3 con el rol device, tal como fleet-sim nombra sus dispositivos (fleet-sim --accounts ARCHIVO lee sus contraseñas del JSON que escribe este comando). --account y --devices se suman a las cuentas del archivo.

Dispositivos de Azure IoT Hub (docs/azure.md): &quot;azureDevices&quot; (bloques como los de &quot;devices&quot;) o --azure-devices N añade los dispositivos az-1 ... az-N, que inician sesión con tokens SAS creados a partir de una clave generada, no con una cuenta: sus claves van a azure-devices (modo 0600), que lee el plugin fleet_iothub del bróker, y mosquitto.conf carga el plugin (--iothub-plugin ARCHIVO; fleet-hub, la cuenta de servicio, es la única a la que deja hablar con los dispositivos). &quot;azureHostName&quot; o --azure-host indica el host de IoT Hub en sus tokens (predeterminado: fleet.local); --azure-gateway HOST:PUERTO pone el listener TLS del bróker en sus cadenas de conexión, que el JSON enumera.

Las contraseñas son para un entorno local de prueba o de demostración: se imprimen y se escriben en texto sin formato. Un equipo de producción debería elegir las suyas (&quot;password&quot; en la especificación, leída de un almacén de secretos al crear el archivo) y mantenerlas fuera de archivos y registros: así solo quedan los hashes de passwd.

Estado de salida: 0 escrito, 1 cuando no se puede escribir un archivo o falla mosquitto_passwd, 2 para opciones no válidas o una especificación no válida.</translation>
    </message>
    <message>
        <source>Add N Azure IoT Hub devices, PREFIX1 to PREFIXN, with generated keys.</source>
        <translation>Añadir N dispositivos de Azure IoT Hub, de PREFIJO1 a PREFIJON, con claves generadas.</translation>
    </message>
    <message>
        <source>The Azure devices&apos; prefix (default &quot;az-&quot;).</source>
        <translation>El prefijo de los dispositivos Azure (predeterminado: &quot;az-&quot;).</translation>
    </message>
    <message>
        <source>The IoT Hub host name in the Azure devices&apos; connection strings (default fleet.local).</source>
        <translation>El nombre de host de IoT Hub en las cadenas de conexión de los dispositivos Azure (predeterminado: fleet.local).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>The broker&apos;s TLS listener, HOST:PORT, named as GatewayHostName in the Azure devices&apos; connection strings.</source>
        <translation>El listener TLS del bróker, HOST:PUERTO, indicado como GatewayHostName en las cadenas de conexión de los dispositivos Azure.</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PUERTO</translation>
    </message>
    <message>
        <source>The fleet_iothub mosquitto plugin (default: found in the build tree or installed).</source>
        <translation>El plugin fleet_iothub de mosquitto (predeterminado: el que se encuentre en el árbol de compilación o el instalado).</translation>
    </message>
    <message>
        <source>--azure-host: expected a host name such as fleet.local.</source>
        <translation>--azure-host: se esperaba un nombre de host como fleet.local.</translation>
    </message>
    <message>
        <source>--azure-gateway: expected HOST:PORT, e.g. localhost:8883.</source>
        <translation>--azure-gateway: se esperaba HOST:PUERTO, p. ej., localhost:8883.</translation>
    </message>
    <message>
        <source>--azure-devices: expected a whole number, not &quot;%1&quot;.</source>
        <translation>--azure-devices: se esperaba un número entero, no &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::CloudMessageDialog</name>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Cloud-to-device message for %1</source>
        <translation>Mensaje de la nube al dispositivo para %1</translation>
    </message>
    <message>
        <source>The message, as text (JSON or anything else)</source>
        <translation>El mensaje, como texto (JSON o cualquier otra cosa)</translation>
    </message>
    <message>
        <source>a new id</source>
        <translation>un id. nuevo</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Drop the message if the device has not taken it within this time</source>
        <translation>Descartar el mensaje si el dispositivo no lo ha recogido en este tiempo</translation>
    </message>
    <message>
        <source>Application properties, one name=value per line</source>
        <translation>Propiedades de la aplicación, una nombre=valor por línea</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id. del mensaje</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Id. de correlación</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Tipo de contenido</translation>
    </message>
    <message>
        <source>Content encoding</source>
        <translation>Codificación del contenido</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propiedades</translation>
    </message>
    <message>
        <source>Held for an approval: %1</source>
        <translation>En espera de aprobación: %1</translation>
    </message>
    <message>
        <source>Approved (%1); sending…</source>
        <translation>Aprobado (%1); enviando…</translation>
    </message>
    <message>
        <source>Not sent: the gate said %1 (%2).</source>
        <translation>No enviado: la pasarela respondió %1 (%2).</translation>
    </message>
    <message>
        <source>Sent as message %1.</source>
        <translation>Enviado como mensaje %1.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>The message is %L1 bytes; fleet-hub&apos;s gate takes at most %L2.</source>
        <translation>El mensaje ocupa %L1 bytes; la pasarela de fleet-hub admite como máximo %L2.</translation>
    </message>
    <message>
        <source>Submitted as message %1…</source>
        <translation>Enviado a la pasarela como mensaje %1…</translation>
    </message>
    <message>
        <source>a cloud-to-device message to %1</source>
        <translation>un mensaje de la nube al dispositivo para %1</translation>
    </message>
</context>
<context>
    <name>fleet::CommandCatalog</name>
    <message>
        <source>Command %1</source>
        <translation>Comando %1</translation>
    </message>
    <message>
        <source>Command %1 (&quot;%2&quot;)</source>
        <translation>Comando %1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>The catalog is not valid JSON (byte %1): %2</source>
        <translation>El catálogo no es JSON válido (byte %1): %2</translation>
    </message>
    <message>
        <source>The catalog must be a JSON object {&quot;version&quot;: 1, &quot;commands&quot;: [...]}.</source>
        <translation>El catálogo debe ser un objeto JSON {&quot;version&quot;: 1, &quot;commands&quot;: [...]}.</translation>
    </message>
    <message>
        <source>Unknown top-level key &quot;%1&quot; in the catalog.</source>
        <translation>Clave de primer nivel desconocida &quot;%1&quot; en el catálogo.</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be %1.</source>
        <translation>&quot;version&quot; debe ser %1.</translation>
    </message>
    <message>
        <source>&quot;commands&quot; must be an array.</source>
        <translation>&quot;commands&quot; debe ser un array.</translation>
    </message>
    <message>
        <source>%1: &quot;name&quot;: another command has this name.</source>
        <translation>%1: &quot;name&quot;: otro comando tiene este nombre.</translation>
    </message>
    <message>
        <source>%1: &quot;replacement&quot;: there is no command &quot;%2&quot;.</source>
        <translation>%1: &quot;replacement&quot;: no existe el comando &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: there is no command &quot;%2&quot;.</source>
        <translation>%1: &quot;inverse&quot;: no existe el comando &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: &quot;%2&quot; has no parameter &quot;%3&quot;.</source>
        <translation>%1: &quot;inverse&quot;: &quot;%2&quot; no tiene el parámetro &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: %2</source>
        <translation>%1: &quot;inverse&quot;: %2</translation>
    </message>
    <message>
        <source>%1: &quot;inverse&quot;: &quot;%2&quot; needs the parameter &quot;%3&quot;.</source>
        <translation>%1: &quot;inverse&quot;: &quot;%2&quot; requiere el parámetro &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the catalog %1: %2</source>
        <translation>No se puede leer el catálogo %1: %2</translation>
    </message>
    <message>
        <source>The catalog %1 is larger than %2 bytes.</source>
        <translation>El catálogo %1 supera los %2 bytes.</translation>
    </message>
    <message>
        <source>must be an object {&quot;rawCommands&quot;: …, &quot;sensitiveDesired&quot;: […]}.</source>
        <translation>debe ser un objeto {&quot;rawCommands&quot;: …, &quot;sensitiveDesired&quot;: […]}.</translation>
    </message>
    <message>
        <source>&quot;rawCommands&quot; must be &quot;sensitive&quot;, &quot;allowed&quot; or &quot;refused&quot;.</source>
        <translation>&quot;rawCommands&quot; debe ser &quot;sensitive&quot;, &quot;allowed&quot; o &quot;refused&quot;.</translation>
    </message>
    <message>
        <source>&quot;sensitiveDesired&quot; must be an array of key names.</source>
        <translation>&quot;sensitiveDesired&quot; debe ser un array de nombres de clave.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>clave desconocida &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;devices&quot; must be an array of profiles.</source>
        <translation>&quot;devices&quot; debe ser una matriz de perfiles.</translation>
    </message>
    <message>
        <source>&quot;devices&quot; holds more than %1 profiles.</source>
        <translation>&quot;devices&quot; contiene más de %1 perfiles.</translation>
    </message>
    <message>
        <source>Device profile %1: %2</source>
        <translation>Perfil de dispositivo %1: %2</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandComposer</name>
    <message>
        <source>Selected devices</source>
        <translation>Dispositivos seleccionados</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Free-form payload</source>
        <translation>Carga útil libre</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (obsoleto)</translation>
    </message>
    <message>
        <source>%1 (deprecated, use %2)</source>
        <translation>%1 (obsoleto, use %2)</translation>
    </message>
    <message>
        <source>Sensitive: this command goes to approval. Another person must approve it before it is sent.</source>
        <translation>Sensible: este comando pasa por aprobación. Otra persona debe aprobarlo antes de que se envíe.</translation>
    </message>
    <message>
        <source>The exact payload to publish, e.g. a JSON request or plain text</source>
        <translation>La carga útil exacta que se publicará, p. ej., una solicitud JSON o texto sin formato</translation>
    </message>
    <message>
        <source>group name</source>
        <translation>nombre del grupo</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Destinos</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>none: select devices in the device list</source>
        <translation>ninguno: seleccione dispositivos en la lista de dispositivos</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1, …</source>
        <translation>
            <numerusform>%n dispositivo: %1, …</numerusform>
            <numerusform>%n dispositivos: %1, …</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a group, or type its name.</source>
        <translation>Elija un grupo o escriba su nombre.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a group id: it must not hold &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; no puede ser un ID de grupo: no debe contener &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Type the ids of the devices to send to.</source>
        <translation>Escriba los ID de los dispositivos de destino.</translation>
    </message>
    <message>
        <source>No device is selected: select devices in the device list, or choose a group or type device ids.</source>
        <translation>No hay ningún dispositivo seleccionado: seleccione dispositivos en la lista de dispositivos, o elija un grupo o escriba ID de dispositivo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a device id: it must not hold &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; no puede ser un ID de dispositivo: no debe contener &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Deprecated. %1</source>
        <translation>Obsoleto. %1</translation>
    </message>
    <message>
        <source>Deprecated: use %1 instead. %2</source>
        <translation>Obsoleto: use %1 en su lugar. %2</translation>
    </message>
    <message>
        <source>A payload published verbatim on one device&apos;s request topic, tracked like any command (a plain-text reply settles it).</source>
        <translation>Una carga útil publicada tal cual en el tema de solicitudes de un dispositivo y seguida como cualquier comando (una respuesta de texto sin formato la resuelve).</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>Enviar a aprobación</translation>
    </message>
    <message>
        <source>The command waits in the approval queue until another person approves it; only then is it sent.</source>
        <translation>El comando espera en la cola de aprobaciones hasta que otra persona lo apruebe; solo entonces se envía.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message numerus="yes">
        <source>  (and %n more device(s), each on its own topic)</source>
        <translation>
            <numerusform>  (y %n dispositivo más, cada uno en su propio tema)</numerusform>
            <numerusform>  (y %n dispositivos más, cada uno en su propio tema)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… (%n more character(s))</source>
        <translation>
            <numerusform>… (%n carácter más)</numerusform>
            <numerusform>… (%n caracteres más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1&apos;s state, to be able to roll the command back…</source>
        <translation>Leyendo el estado de %1 para poder revertir el comando…</translation>
    </message>
    <message>
        <source>%1 is waiting for approval (%2).</source>
        <translation>%1 está pendiente de aprobación (%2).</translation>
    </message>
    <message>
        <source>%1 sent to group %2 (%3).</source>
        <translation>Se ha enviado %1 al grupo %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%1 sent to %n device(s) (%2).</source>
        <translation>
            <numerusform>Se ha enviado %1 a %n dispositivo (%2).</numerusform>
            <numerusform>Se ha enviado %1 a %n dispositivos (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent to %2 (%3).</source>
        <translation>Se ha enviado %1 a %2 (%3).</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>%1 to %2: %3 (%4).</source>
        <comment>command to device: state (id)</comment>
        <translation>%1 a %2: %3 (%4).</translation>
    </message>
    <message>
        <source>%1 to %2: %3, %4 (%5).</source>
        <comment>command to device: state, detail (id)</comment>
        <translation>%1 a %2: %3, %4 (%5).</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s) is waiting for approval.</source>
        <translation>
            <numerusform>%1 a %n dispositivo está pendiente de aprobación.</numerusform>
            <numerusform>%1 a %n dispositivos está pendiente de aprobación.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s): %2 succeeded, %3 failed or refused, %4 in progress.</source>
        <translation>
            <numerusform>%1 a %n dispositivo: %2 correctos, %3 fallidos o rechazados, %4 en curso.</numerusform>
            <numerusform>%1 a %n dispositivos: %2 correctos, %3 fallidos o rechazados, %4 en curso.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is queued, not sent (%2): %3</source>
        <translation>%1 está en cola, sin enviar (%2): %3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 queued, not sent yet (%4): %5</source>
        <translation>%1: %2 de %3 en cola, aún sin enviar (%4): %5</translation>
    </message>
    <message>
        <source>dev-1, dev-2 …</source>
        <comment>device ids typed in the composer</comment>
        <translation>dev-1, dev-2 …</translation>
    </message>
    <message>
        <source>Device ids, separated by commas or spaces</source>
        <translation>Identificadores de dispositivo, separados por comas o espacios</translation>
    </message>
</context>
<context>
    <name>fleet::CommandExecution</name>
    <message>
        <source>Awaiting approval</source>
        <comment>command execution state</comment>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <source>Approved</source>
        <comment>command execution state</comment>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>command execution state</comment>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>command execution state</comment>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>command execution state</comment>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>command execution state</comment>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>command execution state</comment>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>command execution state</comment>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Timed out</source>
        <comment>command execution state</comment>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <comment>command execution state</comment>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>command execution state</comment>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>fleet::CommandGate</name>
    <message>
        <source>The gate cannot record requests: %1</source>
        <translation>La pasarela no puede registrar solicitudes: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a request id: 1 to %2 characters, without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>&quot;%1&quot; no puede ser un ID de solicitud: de 1 a %2 caracteres, sin &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>The gate cannot read its records: %1</source>
        <translation>La pasarela no puede leer sus registros: %1</translation>
    </message>
    <message>
        <source>Request %1 exists with other content; a changed request needs a new id.</source>
        <translation>La solicitud %1 ya existe con otro contenido; una solicitud modificada necesita un ID nuevo.</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>aprobado por %1</translation>
    </message>
    <message>
        <source>Request %1 is %2.</source>
        <translation>La solicitud %1 está en estado %2.</translation>
    </message>
    <message>
        <source>Too many requests are waiting for approval; try again once some are decided.</source>
        <translation>Hay demasiadas solicitudes esperando aprobación; vuelva a intentarlo cuando se hayan decidido algunas.</translation>
    </message>
    <message>
        <source>nobody approves their own request</source>
        <translation>nadie aprueba su propia solicitud</translation>
    </message>
    <message>
        <source>no such pending request</source>
        <translation>no existe esa solicitud pendiente</translation>
    </message>
    <message>
        <source>the request is already %1</source>
        <translation>la solicitud ya está en estado %1</translation>
    </message>
    <message>
        <source>a decision is {&quot;decision&quot;: &quot;approve&quot; or &quot;reject&quot;, &quot;digest&quot;: …}</source>
        <translation>una decisión tiene la forma {&quot;decision&quot;: &quot;approve&quot; o &quot;reject&quot;, &quot;digest&quot;: …}</translation>
    </message>
    <message>
        <source>the request has expired</source>
        <translation>la solicitud ha caducado</translation>
    </message>
    <message>
        <source>the decision is for other content (its digest differs)</source>
        <translation>la decisión corresponde a otro contenido (su digest no coincide)</translation>
    </message>
    <message>
        <source>withdrawn by the requester</source>
        <translation>retirada por el solicitante</translation>
    </message>
    <message>
        <source>nobody decided in time</source>
        <translation>nadie decidió a tiempo</translation>
    </message>
    <message numerus="yes">
        <source>%n more refused or ignored message(s) in the last minute</source>
        <translation>
            <numerusform>%n mensaje más rechazado o ignorado en el último minuto</numerusform>
            <numerusform>%n mensajes más rechazados o ignorados en el último minuto</numerusform>
        </translation>
    </message>
    <message>
        <source>The gate dropped a message on &quot;%1&quot;: %2</source>
        <translation>La pasarela descartó un mensaje en &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>target %1 (%2)</source>
        <translation>destino %1 (%2)</translation>
    </message>
    <message>
        <source>%1: a broadcast carries one catalog command to single devices.</source>
        <translation>%1: una difusión lleva un único comando del catálogo a dispositivos individuales.</translation>
    </message>
    <message>
        <source>%1: every target of a broadcast gets the same command and parameters.</source>
        <translation>%1: todos los destinos de una difusión reciben el mismo comando y los mismos parámetros.</translation>
    </message>
    <message>
        <source>%1: device %2 is named twice.</source>
        <translation>%1: el dispositivo %2 aparece dos veces.</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s)</source>
        <translation>
            <numerusform>%1 a %n dispositivo</numerusform>
            <numerusform>%1 a %n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many broadcasts are waiting for approval; try again once some are decided.</source>
        <translation>Hay demasiadas difusiones pendientes de aprobación; vuelva a intentarlo cuando se hayan decidido algunas.</translation>
    </message>
    <message>
        <source>part of broadcast %1, approved by %2</source>
        <translation>parte de la difusión %1, aprobada por %2</translation>
    </message>
    <message>
        <source>The gate&apos;s broadcast %1 is no longer readable.</source>
        <translation>La difusión %1 de la pasarela ya no se puede leer.</translation>
    </message>
    <message>
        <source>An AWS IoT command is started under one&apos;s own name (%1).</source>
        <translation>Un comando de AWS IoT se inicia con el propio nombre (%1).</translation>
    </message>
    <message>
        <source>This fleet-hub does not serve AWS IoT commands (no --commands-db).</source>
        <translation>Este fleet-hub no sirve comandos de AWS IoT (sin --commands-db).</translation>
    </message>
    <message>
        <source>A direct method is called under one&apos;s own name (%1).</source>
        <translation>Un método directo se llama con el propio nombre (%1).</translation>
    </message>
    <message>
        <source>This fleet-hub does not serve Azure IoT Hub devices.</source>
        <translation>Este fleet-hub no sirve dispositivos de Azure IoT Hub.</translation>
    </message>
    <message>
        <source>Request %1 was approved and called; a direct method is called once per approval.</source>
        <translation>La solicitud %1 se aprobó y se llamó; un método directo se llama una sola vez por aprobación.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandLedger</name>
    <message>
        <source>Cannot create the folder of the command ledger &quot;%1&quot;.</source>
        <translation>No se puede crear la carpeta del registro de comandos &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the command ledger: %2</source>
        <translation>No se puede usar &quot;%1&quot; como registro de comandos: %2</translation>
    </message>
    <message>
        <source>it was written by a newer Fleet Console (schema %1; this one knows up to %2).</source>
        <translation>lo escribió una Fleet Console más reciente (esquema %1; esta conoce hasta el %2).</translation>
    </message>
    <message>
        <source>The command ledger is not open.</source>
        <translation>El registro de comandos no está abierto.</translation>
    </message>
    <message>
        <source>Writing command %1 to the ledger failed: %2</source>
        <translation>Error al escribir el comando %1 en el registro: %2</translation>
    </message>
    <message>
        <source>Writing to the audit log failed: %1</source>
        <translation>Error al escribir en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Reading the audit log failed: %1</source>
        <translation>Error al leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Reading the command ledger failed: %1</source>
        <translation>Error al leer el registro de comandos: %1</translation>
    </message>
    <message>
        <source>its JSON is damaged</source>
        <translation>su JSON está dañado</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>estado &quot;%1&quot; desconocido</translation>
    </message>
    <message>
        <source>The ledger&apos;s record of command %1 is damaged (%2); it is left as it is.</source>
        <translation>La entrada del registro para el comando %1 está dañada (%2); se deja tal cual.</translation>
    </message>
    <message>
        <source>transition %1 is damaged</source>
        <translation>la transición %1 está dañada</translation>
    </message>
    <message>
        <source>reply %1 is damaged</source>
        <translation>la respuesta %1 está dañada</translation>
    </message>
    <message>
        <source>Writing approval request %1 to the ledger failed: %2</source>
        <translation>Error al escribir la solicitud de aprobación %1 en el registro: %2</translation>
    </message>
    <message>
        <source>The ledger&apos;s record of approval request %1 is damaged (%2); it is left as it is.</source>
        <translation>La entrada del registro para la solicitud de aprobación %1 está dañada (%2); se deja tal cual.</translation>
    </message>
    <message>
        <source>Writing rollback entry %1 to the ledger failed: %2</source>
        <translation>Error al escribir la entrada de reversión %1 en el registro: %2</translation>
    </message>
    <message>
        <source>The ledger&apos;s rollback entry %1 is damaged; it is left as it is.</source>
        <translation>La entrada de reversión %1 del registro está dañada; se deja tal cual.</translation>
    </message>
    <message>
        <source>Writing to the command ledger failed: %1</source>
        <translation>Error al escribir en el registro de comandos: %1</translation>
    </message>
</context>
<context>
    <name>fleet::CommandParameter</name>
    <message>
        <source>&quot;%1&quot; must be a string, not %2.</source>
        <translation>&quot;%1&quot; debe ser una cadena, no %2.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; must be at least %n character(s) long.</source>
        <translation>
            <numerusform>&quot;%1&quot; debe tener al menos %n carácter.</numerusform>
            <numerusform>&quot;%1&quot; debe tener al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; must be at most %n character(s) long.</source>
        <translation>
            <numerusform>&quot;%1&quot; debe tener como máximo %n carácter.</numerusform>
            <numerusform>&quot;%1&quot; debe tener como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an integer, not %2.</source>
        <translation>&quot;%1&quot; debe ser un entero, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number, not %2.</source>
        <translation>&quot;%1&quot; debe ser un número, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from %2 to %3, not %4.</source>
        <translation>&quot;%1&quot; debe estar entre %2 y %3, no %4.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at least %2, not %3.</source>
        <translation>&quot;%1&quot; debe ser al menos %2, no %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at most %2, not %3.</source>
        <translation>&quot;%1&quot; debe ser como máximo %2, no %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not %2.</source>
        <translation>&quot;%1&quot; debe ser true o false, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not %3.</source>
        <translation>&quot;%1&quot; debe ser uno de %2, no %3.</translation>
    </message>
    <message>
        <source>A parameter must be a JSON object.</source>
        <translation>Un parámetro debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>A parameter needs a &quot;name&quot; string.</source>
        <translation>Un parámetro requiere una cadena &quot;name&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid parameter name: use letters, digits and &apos;_&apos;, not starting with a digit, at most 64 characters.</source>
        <translation>&quot;%1&quot; no es un nombre de parámetro válido: use letras, dígitos y &apos;_&apos;, sin empezar por un dígito, como máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;type&quot; must be one of string, integer, number, boolean, enum.</source>
        <translation>Parámetro &quot;%1&quot;: &quot;type&quot; debe ser uno de string, integer, number, boolean, enum.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: unknown type %2; use string, integer, number, boolean or enum.</source>
        <translation>Parámetro &quot;%1&quot;: tipo desconocido %2; use string, integer, number, boolean o enum.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;%2&quot;: %3</source>
        <translation>Parámetro &quot;%1&quot;, &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>debe ser una cadena.</translation>
    </message>
    <message>
        <source>applies only to integer and number parameters.</source>
        <translation>solo se aplica a los parámetros integer y number.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>debe ser un número.</translation>
    </message>
    <message>
        <source>must be an integer.</source>
        <translation>debe ser un entero.</translation>
    </message>
    <message>
        <source>applies only to string parameters.</source>
        <translation>solo se aplica a los parámetros string.</translation>
    </message>
    <message>
        <source>must be a non-negative integer.</source>
        <translation>debe ser un entero no negativo.</translation>
    </message>
    <message>
        <source>does not apply to boolean parameters.</source>
        <translation>no se aplica a los parámetros boolean.</translation>
    </message>
    <message>
        <source>must be a non-empty array.</source>
        <translation>debe ser un array no vacío.</translation>
    </message>
    <message>
        <source>must hold strings, numbers or booleans only, not %1.</source>
        <translation>solo debe contener cadenas, números o booleanos, no %1.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>debe ser true o false.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: unknown key &quot;%2&quot;.</source>
        <translation>Parámetro &quot;%1&quot;: clave desconocida &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;minimum&quot; is greater than &quot;maximum&quot;.</source>
        <translation>Parámetro &quot;%1&quot;: &quot;minimum&quot; es mayor que &quot;maximum&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: &quot;minLength&quot; is greater than &quot;maxLength&quot;.</source>
        <translation>Parámetro &quot;%1&quot;: &quot;minLength&quot; es mayor que &quot;maxLength&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;: an enum needs &quot;allowed&quot; values.</source>
        <translation>Parámetro &quot;%1&quot;: un enum requiere valores &quot;allowed&quot;.</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;allowed&quot;: %2</source>
        <translation>Parámetro &quot;%1&quot;, &quot;allowed&quot;: %2</translation>
    </message>
    <message>
        <source>Parameter &quot;%1&quot;, &quot;default&quot;: %2</source>
        <translation>Parámetro &quot;%1&quot;, &quot;default&quot;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::CommandSpec</name>
    <message>
        <source>must not be empty.</source>
        <translation>no debe estar vacío.</translation>
    </message>
    <message>
        <source>must not contain &apos;+&apos;, &apos;#&apos; or NUL.</source>
        <translation>no debe contener &apos;+&apos;, &apos;#&apos; ni NUL.</translation>
    </message>
    <message>
        <source>has an unclosed &apos;{&apos;.</source>
        <translation>tiene una &apos;{&apos; sin cerrar.</translation>
    </message>
    <message>
        <source>names %1; use %2 and optionally {tid}.</source>
        <translation>contiene %1; use %2 y, opcionalmente, {tid}.</translation>
    </message>
    <message>
        <source>must name %1.</source>
        <translation>debe contener %1.</translation>
    </message>
    <message>
        <source>This command has no such topic.</source>
        <translation>Este comando no tiene ese tema.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used in a topic: it must be non-empty and hold no &apos;+&apos;, &apos;#&apos; or &apos;/&apos;.</source>
        <translation>&quot;%1&quot; no se puede usar en un tema: no debe estar vacío ni contener &apos;+&apos;, &apos;#&apos; o &apos;/&apos;.</translation>
    </message>
    <message>
        <source>This topic needs the request&apos;s id.</source>
        <translation>Este tema requiere el ID de la solicitud.</translation>
    </message>
    <message>
        <source>The parameters of &quot;%1&quot; must be a JSON object.</source>
        <translation>Los parámetros de &quot;%1&quot; deben ser un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no parameter &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; no tiene el parámetro &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the parameter &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; requiere el parámetro &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be undone.</source>
        <translation>&quot;%1&quot; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Cannot undo &quot;%1&quot;: the state captured before it ran has no &quot;%2&quot;.</source>
        <translation>No se puede deshacer &quot;%1&quot;: el estado capturado antes de su ejecución no tiene &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A command must be a JSON object.</source>
        <translation>Un comando debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;name&quot;: a command needs a name string.</source>
        <translation>&quot;name&quot;: un comando requiere una cadena con su nombre.</translation>
    </message>
    <message>
        <source>&quot;name&quot;: &quot;%1&quot; is not a valid command name: use 1 to 64 letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;.</source>
        <translation>&quot;name&quot;: &quot;%1&quot; no es un nombre de comando válido: use de 1 a 64 letras, dígitos, &apos;_&apos;, &apos;-&apos; o &apos;.&apos;.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>debe ser una cadena.</translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation>debe ser uno de %1.</translation>
    </message>
    <message>
        <source>must be an array of parameter objects.</source>
        <translation>debe ser un array de objetos de parámetro.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;[%1]: %2</source>
        <translation>&quot;parameters&quot;[%1]: %2</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;[%1]: &quot;%2&quot; is declared twice.</source>
        <translation>&quot;parameters&quot;[%1]: &quot;%2&quot; está declarado dos veces.</translation>
    </message>
    <message>
        <source>must be a non-empty string.</source>
        <translation>debe ser una cadena no vacía.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>debe ser true o false.</translation>
    </message>
    <message>
        <source>must be an integer from 1 to %1.</source>
        <translation>debe ser un entero de 1 a %1.</translation>
    </message>
    <message>
        <source>must be an integer from 0 (not long-running) to %1.</source>
        <translation>debe ser un entero de 0 (sin larga duración) a %1.</translation>
    </message>
    <message>
        <source>must be an object {&quot;command&quot;, &quot;parameters&quot;}.</source>
        <translation>debe ser un objeto {&quot;command&quot;, &quot;parameters&quot;}.</translation>
    </message>
    <message>
        <source>&quot;command&quot; must be a command name.</source>
        <translation>&quot;command&quot; debe ser un nombre de comando.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot; must be an object.</source>
        <translation>&quot;parameters&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;.&quot;%1&quot;: %2 must be a literal or exactly &quot;${captured.path}&quot;.</source>
        <translation>&quot;parameters&quot;.&quot;%1&quot;: %2 debe ser un literal o exactamente &quot;${captured.path}&quot;.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>clave desconocida &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;command&quot; is missing.</source>
        <translation>falta &quot;command&quot;.</translation>
    </message>
    <message>
        <source>must be a command name.</source>
        <translation>debe ser un nombre de comando.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;.</source>
        <translation>Clave desconocida &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;heartbeatIntervalMs&quot;: must be shorter than &quot;timeoutMs&quot; (%1).</source>
        <translation>&quot;heartbeatIntervalMs&quot;: debe ser menor que &quot;timeoutMs&quot; (%1).</translation>
    </message>
    <message>
        <source>&quot;replacement&quot;: only a deprecated command has one.</source>
        <translation>&quot;replacement&quot;: solo un comando obsoleto lo tiene.</translation>
    </message>
    <message>
        <source>&quot;replacement&quot;: a command cannot replace itself.</source>
        <translation>&quot;replacement&quot;: un comando no puede reemplazarse a sí mismo.</translation>
    </message>
    <message>
        <source>&quot;payload&quot;: a &quot;${&quot; is not closed by &apos;}&apos;.</source>
        <translation>&quot;payload&quot;: un &quot;${&quot; no está cerrado por &apos;}&apos;.</translation>
    </message>
    <message>
        <source>&quot;payload&quot;: ${%1} names no declared parameter.</source>
        <translation>&quot;payload&quot;: ${%1} no designa ningún parámetro declarado.</translation>
    </message>
    <message>
        <source>&quot;parameters&quot;: &quot;%1&quot; is not used in &quot;payload&quot;.</source>
        <translation>&quot;parameters&quot;: &quot;%1&quot; no se usa en &quot;payload&quot;.</translation>
    </message>
    <message>
        <source>must be an object of reported keys, such as {&quot;led&quot;: &quot;${color}&quot;}.</source>
        <translation>debe ser un objeto de claves del estado notificado, como {&quot;led&quot;: &quot;${color}&quot;}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reported key: use dot-separated names, none empty.</source>
        <translation>&quot;%1&quot; no es una clave del estado notificado: use nombres separados por puntos, ninguno vacío.</translation>
    </message>
    <message>
        <source>&quot;sets&quot;: a &quot;${&quot; is not closed by &apos;}&apos;.</source>
        <translation>&quot;sets&quot;: un &quot;${&quot; no está cerrado por &apos;}&apos;.</translation>
    </message>
    <message>
        <source>&quot;sets&quot;: ${%1} names no declared parameter.</source>
        <translation>&quot;sets&quot;: ${%1} no designa ningún parámetro declarado.</translation>
    </message>
    <message>
        <source>must not name {tid}: group replies carry their tid in the payload.</source>
        <translation>no debe nombrar {tid}: las respuestas de grupo llevan su tid en la carga útil.</translation>
    </message>
</context>
<context>
    <name>fleet::CommandTimelineModel</name>
    <message>
        <source>Created</source>
        <comment>command timeline column</comment>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Device</source>
        <comment>command timeline column</comment>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Command</source>
        <comment>command timeline column</comment>
        <translation>Comando</translation>
    </message>
    <message>
        <source>State</source>
        <comment>command timeline column</comment>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <comment>command timeline column</comment>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Duration</source>
        <comment>command timeline column</comment>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>command timeline column</comment>
        <translation>Motivo</translation>
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
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>group %1</source>
        <comment>a group request&apos;s row in the command timeline</comment>
        <translation>grupo %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <comment>a broadcast&apos;s state: its state, parts with a verdict, devices</comment>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a count of a broadcast&apos;s parts in one state</comment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>no reply from %n device(s)</source>
        <translation>
            <numerusform>sin respuesta de %n dispositivo</numerusform>
            <numerusform>sin respuesta de %n dispositivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) yet to reply</source>
        <translation>
            <numerusform>falta que responda %n dispositivo</numerusform>
            <numerusform>falta que respondan %n dispositivos</numerusform>
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
        <translation>Cancelar comando</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Con problemas</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Correctos</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Pendientes de aprobación</translation>
    </message>
    <message>
        <source>device id</source>
        <translation>ID de dispositivo</translation>
    </message>
    <message>
        <source>Select a command to see what happened to it.</source>
        <translation>Seleccione un comando para ver qué le ocurrió.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
    </message>
    <message>
        <source>All commands</source>
        <translation>Todos los comandos</translation>
    </message>
    <message>
        <source>Free-form payloads</source>
        <translation>Cargas útiles libres</translation>
    </message>
    <message>
        <source>This command already has its verdict.</source>
        <translation>Este comando ya tiene su veredicto.</translation>
    </message>
    <message>
        <source>Send the same command with the same parameters again, as a new command.</source>
        <translation>Volver a enviar el mismo comando con los mismos parámetros, como un comando nuevo.</translation>
    </message>
    <message>
        <source>Only a command that failed, timed out, was unreachable, rejected or cancelled can be retried.</source>
        <translation>Solo se puede reintentar un comando en estado Fallido, Tiempo agotado, Inaccesible, Rechazado o Cancelado.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>Difusión</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Heartbeats</source>
        <translation>Latidos</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>En ejecución desde hace</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Carga útil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Transiciones</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>Aún no hay respuestas.</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texto sin formato</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicada</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tardía</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>fuera de orden</translation>
    </message>
    <message numerus="yes">
        <source>%n more reply(ies) not kept.</source>
        <translation>
            <numerusform>%n respuesta más no conservada.</numerusform>
            <numerusform>%n respuestas más no conservadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 duplicate, %2 late, %3 out of order.</source>
        <translation>%1 duplicadas, %2 tardías, %3 fuera de orden.</translation>
    </message>
    <message>
        <source>%1 could not be cancelled: it already has its verdict.</source>
        <translation>No se pudo cancelar el comando %1: ya tiene su veredicto.</translation>
    </message>
    <message>
        <source>%1 cancelled. The device is not told; a later reply is recorded as late.</source>
        <translation>Comando %1 cancelado. No se avisa al dispositivo; una respuesta posterior se registra como tardía.</translation>
    </message>
    <message>
        <source>%1 was not retried: %2</source>
        <translation>El comando %1 no se reintentó: %2</translation>
    </message>
    <message>
        <source>%1 retried as %2.</source>
        <translation>Comando %1 reintentado como %2.</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>no se pudo leer</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: %1</source>
        <translation>
            <numerusform>%n respuesta no se pudo leer: %1</numerusform>
            <numerusform>%n respuestas no se pudieron leer: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>%1 of %2 devices have a verdict, %3 succeeded</source>
        <translation>%1 de %2 dispositivos tienen veredicto, %3 correctos</translation>
    </message>
    <message>
        <source>Expand the row to see each device&apos;s part; select one to see what happened to it.</source>
        <translation>Despliegue la fila para ver la parte de cada dispositivo; seleccione una para ver qué le ocurrió.</translation>
    </message>
    <message>
        <source>Select one device&apos;s part to cancel it.</source>
        <translation>Seleccione la parte de un dispositivo para cancelarla.</translation>
    </message>
    <message numerus="yes">
        <source>Send the command again to the %n device(s) whose part failed, as new commands.</source>
        <translation>
            <numerusform>Volver a enviar el comando al dispositivo cuya parte falló, como un comando nuevo.</numerusform>
            <numerusform>Volver a enviar el comando a los %n dispositivos cuya parte falló, como comandos nuevos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No part of this broadcast failed.</source>
        <translation>Ninguna parte de esta difusión falló.</translation>
    </message>
    <message>
        <source>%1 of %2 failed part(s) retried.</source>
        <translation>Partes fallidas reintentadas: %1 de %2.</translation>
    </message>
    <message>
        <source>Retry of</source>
        <translation>Reintento de</translation>
    </message>
    <message>
        <source>Retried as</source>
        <translation>Reintentado como</translation>
    </message>
</context>
<context>
    <name>fleet::CommandTracker</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; uses the %2 dialect, which the command tracker does not speak.</source>
        <translation>El comando &quot;%1&quot; usa el dialecto %2, que el seguimiento de comandos no habla.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; no es un ID de dispositivo válido.</translation>
    </message>
    <message>
        <source>No devices are selected.</source>
        <translation>No hay dispositivos seleccionados.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; cannot be sent to a group.</source>
        <translation>El comando &quot;%1&quot; no se puede enviar a un grupo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid group id.</source>
        <translation>&quot;%1&quot; no es un ID de grupo válido.</translation>
    </message>
    <message>
        <source>device offline</source>
        <translation>dispositivo fuera de línea</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is no longer in the catalog.</source>
        <translation>El comando &quot;%1&quot; ya no está en el catálogo.</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <comment>command retry</comment>
        <translation>intento %1 de %2</translation>
    </message>
    <message>
        <source>rejected by an operator</source>
        <translation>rechazado por un operador</translation>
    </message>
    <message>
        <source>cancelled by an operator</source>
        <translation>cancelado por un operador</translation>
    </message>
    <message>
        <source>to group %1</source>
        <translation>al grupo %1</translation>
    </message>
    <message>
        <source>The device reported a failure.</source>
        <translation>El dispositivo informó de un fallo.</translation>
    </message>
    <message>
        <source>could not be sent in time</source>
        <translation>no se pudo enviar a tiempo</translation>
    </message>
    <message>
        <source>device stayed offline</source>
        <translation>el dispositivo siguió fuera de línea</translation>
    </message>
    <message numerus="yes">
        <source>no reply after %n attempt(s)</source>
        <translation>
            <numerusform>sin respuesta tras %n intento</numerusform>
            <numerusform>sin respuesta tras %n intentos</numerusform>
        </translation>
    </message>
    <message>
        <source>no final reply in time</source>
        <translation>sin respuesta final a tiempo</translation>
    </message>
    <message>
        <source>heartbeats stopped</source>
        <translation>los latidos se detuvieron</translation>
    </message>
    <message>
        <source>Command %1 could not be written to the ledger: %2</source>
        <translation>No se pudo escribir el comando %1 en el registro: %2</translation>
    </message>
    <message>
        <source>The command tracker has no ledger to resume from.</source>
        <translation>El seguimiento de comandos no tiene ningún registro desde el que reanudar.</translation>
    </message>
    <message>
        <source>A free-form payload, sent as typed</source>
        <translation>Una carga útil libre, enviada tal como se escribió</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>The free-form payload is empty.</source>
        <translation>La carga útil libre está vacía.</translation>
    </message>
    <message>
        <source>The free-form payload of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>La carga útil libre de %1 bytes supera el límite de %2 bytes.</translation>
    </message>
    <message>
        <source>A free-form payload must be UTF-8 text.</source>
        <translation>Una carga útil libre debe ser texto UTF-8.</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %n device(s)</source>
        <translation>
            <numerusform>%1 a %n dispositivo</numerusform>
            <numerusform>%1 a %n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to group %2</source>
        <translation>%1 al grupo %2</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) could not be written to the ledger: %1</source>
        <translation>
            <numerusform>No se pudo escribir %n comando en el registro: %1</numerusform>
            <numerusform>No se pudieron escribir %n comandos en el registro: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: %1</source>
        <translation>
            <numerusform>%n respuesta no se pudo leer: %1</numerusform>
            <numerusform>%n respuestas no se pudieron leer: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>refused by the command gate: %1</source>
        <translation>rechazado por la pasarela de comandos: %1</translation>
    </message>
    <message>
        <source>could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>no se pudo escribir en el registro, así que no se envió: %1</translation>
    </message>
    <message>
        <source>no reply seen: it may have been sent before the console stopped, and a free-form payload is not sent again; check the device</source>
        <translation>no se vio ninguna respuesta: puede que se enviara antes de que se detuviera la consola, y una carga útil libre no se vuelve a enviar; compruebe el dispositivo</translation>
    </message>
    <message>
        <source>One approval covers at most %1 devices; %2 are selected.</source>
        <translation>Una aprobación abarca como máximo %1 dispositivos; hay %2 seleccionados.</translation>
    </message>
    <message>
        <source>the broadcast could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>no se pudo escribir la difusión en el registro, así que no se envió: %1</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; needs an approval: without fleet-hub&apos;s gate on the broker, send it to the group&apos;s devices as a selection.</source>
        <translation>El comando &quot;%1&quot; necesita una aprobación: sin la pasarela de fleet-hub en el bróker, envíelo a los dispositivos del grupo como una selección.</translation>
    </message>
    <message>
        <source>The group request could not be recorded in the ledger, so it was not sent: %1</source>
        <translation>No se pudo escribir la solicitud al grupo en el registro, así que no se envió: %1</translation>
    </message>
    <message>
        <source>waiting for %1 to come online, until %2</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>esperando a que %1 esté en línea, hasta %2</translation>
    </message>
    <message>
        <source>waiting for room among the requests in flight</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>esperando hueco entre las solicitudes en curso</translation>
    </message>
    <message>
        <source>not sent: no connection to the broker; waits until %1, then times out</source>
        <comment>a queued command&apos;s reason</comment>
        <translation>no enviado: sin conexión con el bróker; espera hasta %1 y luego agota el tiempo</translation>
    </message>
    <message>
        <source>There is no command %1 to retry.</source>
        <translation>No hay ningún comando %1 que reintentar.</translation>
    </message>
    <message>
        <source>Command %1 went to %2, not to %3: a retry goes to the same device.</source>
        <translation>El comando %1 se envió a %2, no a %3: un reintento va al mismo dispositivo.</translation>
    </message>
    <message>
        <source>%1 to %2, a retry of %3</source>
        <translation>%1 a %2, reintento de %3</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an AWS IoT command: it is started through fleet-hub under your MQTT username, and the connection has none.</source>
        <translation>El comando &quot;%1&quot; es un comando de AWS IoT: se inicia a través de fleet-hub con su nombre de usuario MQTT, y la conexión no tiene ninguno.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name.</source>
        <translation>&quot;%1&quot; no es un nombre de objeto válido.</translation>
    </message>
    <message>
        <source>fleet-hub refused it: %1: %2</source>
        <translation>fleet-hub lo rechazó: %1: %2</translation>
    </message>
    <message>
        <source>AWS IoT command execution %1: CREATED</source>
        <translation>Ejecución de comando de AWS IoT %1: CREATED</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>fleet-hub timed it out: %1</source>
        <translation>fleet-hub agotó su tiempo: %1</translation>
    </message>
    <message>
        <source>%1 cannot take it: %2</source>
        <translation>%1 no puede recibirlo: %2</translation>
    </message>
    <message>
        <source>Group %1 cannot take it: %2</source>
        <translation>El grupo %1 no puede recibirlo: %2</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La solicitud supera los %1 bytes.</translation>
    </message>
    <message>
        <source>The text request is empty.</source>
        <translation>La solicitud de texto está vacía.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an AWS IoT command: it is started for one thing at a time, so send it to the group&apos;s devices as a selection.</source>
        <translation>El comando &quot;%1&quot; es un comando de AWS IoT: se inicia para un objeto cada vez, así que envíelo a los dispositivos del grupo como una selección.</translation>
    </message>
    <message>
        <source>The text request is empty or larger than %1 bytes.</source>
        <translation>La solicitud de texto está vacía u ocupa más de %1 bytes.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is a sensitive AWS IoT command: it needs fleet-hub&apos;s command gate, which holds it for an approval, and there is none on this broker.</source>
        <translation>El comando &quot;%1&quot; es un comando de AWS IoT sensible: necesita la pasarela de comandos de fleet-hub, que lo retiene hasta una aprobación, y en este bróker no hay ninguna.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is a sensitive AWS IoT command: each approval covers one thing, so send it to one at a time.</source>
        <translation>El comando &quot;%1&quot; es un comando de AWS IoT sensible: cada aprobación cubre un solo objeto, así que envíelo de uno en uno.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is sensitive: as an Azure direct method it needs fleet-hub&apos;s command gate, which holds it for an approval, and there is none on this broker.</source>
        <translation>El comando &quot;%1&quot; es sensible: como método directo de Azure necesita la pasarela de comandos de fleet-hub, que lo retiene hasta una aprobación, y en este bróker no hay ninguna.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is an Azure direct method here: it is called through fleet-hub under your MQTT username, and the connection has none.</source>
        <translation>Aquí el comando &quot;%1&quot; es un método directo de Azure: se llama a través de fleet-hub con su nombre de usuario MQTT, y la conexión no tiene ninguno.</translation>
    </message>
    <message>
        <source>Command &quot;%1&quot; is sensitive and these devices take it as an Azure direct method: each approval covers one device, so send it to one at a time.</source>
        <translation>El comando &quot;%1&quot; es sensible y estos dispositivos lo reciben como método directo de Azure: cada aprobación cubre un solo dispositivo, así que envíelo de uno en uno.</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>estado %1</translation>
    </message>
    <message>
        <source>status %1: %2</source>
        <translation>estado %1: %2</translation>
    </message>
    <message>
        <source>handed to the command gate</source>
        <translation>entregado a la pasarela de comandos</translation>
    </message>
    <message>
        <source>held by the command gate for an approval</source>
        <translation>retenido por la pasarela de comandos a la espera de una aprobación</translation>
    </message>
    <message>
        <source>held by the command gate: %1</source>
        <translation>retenido por la pasarela de comandos: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ConflictDialog</name>
    <message>
        <source>The desired state changed meanwhile</source>
        <translation>El estado deseado cambió mientras tanto</translation>
    </message>
    <message>
        <source>Someone changed this shadow after you started editing, so your update was refused. The merge below is the current desired state with your change applied on top. Check it, edit it if you need to, and apply it.</source>
        <translation>Alguien cambió esta sombra después de que usted empezara a editarla, por lo que su actualización se rechazó. La fusión de abajo es el estado deseado actual con su cambio aplicado encima. Revísela, edítela si es necesario y aplíquela.</translation>
    </message>
    <message>
        <source>Apply merged</source>
        <translation>Aplicar fusión</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Su versión</translation>
    </message>
    <message>
        <source>Current (version %1)</source>
        <translation>Actual (versión %1)</translation>
    </message>
    <message>
        <source>Merged: will be sent</source>
        <translation>Fusionado: se enviará</translation>
    </message>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>El estado deseado debe ser un objeto JSON.</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectionBadge</name>
    <message>
        <source>as %1</source>
        <translation>como %1</translation>
    </message>
    <message>
        <source>A production connection: everything sent from this window asks for a confirmation first.</source>
        <translation>Una conexión de producción: todo lo que se envía desde esta ventana pide antes una confirmación.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Preproducción</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Desarrollo</translation>
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
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renombrar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Accept any server certificate (insecure)</source>
        <translation>Aceptar cualquier certificado de servidor (inseguro)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Use This Connection</source>
        <translation>&amp;Usar esta conexión</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>mqtt://host[:port] for plain MQTT, mqtts://host[:port] for MQTT over TLS</source>
        <translation>mqtt://host[:puerto] para MQTT sin cifrar, mqtts://host[:puerto] para MQTT sobre TLS</translation>
    </message>
    <message>
        <source>Generated when empty</source>
        <translation>Se genera si está vacío</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Se guarda en el llavero del sistema</translation>
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
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Warning: the broker&apos;s certificate and host name are not checked. Anyone between you and the broker can pose as it, read the traffic and take the password. Use it only with a lab broker.</source>
        <translation>Advertencia: no se comprueban el certificado ni el nombre de host del bróker. Cualquiera que esté entre usted y el bróker puede hacerse pasar por él, leer el tráfico y obtener la contraseña. Úselo solo con un bróker de laboratorio.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.cer *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Broker &amp;URL:</source>
        <translation>UR&amp;L del bróker:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>ID de &amp;cliente:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <source>MQTT &amp;version:</source>
        <translation>&amp;Versión de MQTT:</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>&amp;Keepalive:</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificado de la CA:</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificado de la CA</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificado de cliente:</translation>
    </message>
    <message>
        <source>Client Certificate</source>
        <translation>Certificado de cliente</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clave de cliente:</translation>
    </message>
    <message>
        <source>Client Private Key</source>
        <translation>Clave privada del cliente</translation>
    </message>
    <message>
        <source>No answer from the broker within %1 seconds.</source>
        <translation>El bróker no respondió en %1 segundos.</translation>
    </message>
    <message>
        <source>The console connects with this profile</source>
        <translation>La consola se conecta con este perfil</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nueva conexión</translation>
    </message>
    <message>
        <source>New connection %1</source>
        <translation>Nueva conexión %1</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is saved in the system keychain.</source>
        <translation>La contraseña de &quot;%1&quot; se ha guardado en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Connected to %1:%2 with %3.</source>
        <translation>Conectado a %1:%2 con %3.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Error de conexión: %1</translation>
    </message>
    <message>
        <source>Rename Connection</source>
        <translation>Renombrar conexión</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuevo nombre:</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>Eliminar conexión</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; and its password in the keychain?</source>
        <translation>¿Eliminar la conexión &quot;%1&quot; y su contraseña del llavero?</translation>
    </message>
    <message>
        <source>Open in &amp;New Window</source>
        <translation>Abrir en una &amp;ventana nueva</translation>
    </message>
    <message>
        <source>Keep this window&apos;s connection and open this one beside it</source>
        <translation>Mantiene la conexión de esta ventana y abre esta al lado</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Sin marcar</translation>
    </message>
    <message>
        <source>Production: confirm everything sent</source>
        <translation>Producción: confirmar todo lo que se envía</translation>
    </message>
    <message>
        <source>Shown in the window&apos;s title and in a coloured band above its tabs</source>
        <translation>Se muestra en el título de la ventana y en una banda de color sobre sus pestañas</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Entorno:</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectivityTimeline</name>
    <message>
        <source>Unknown: the console has not learned this device&apos;s connectivity</source>
        <translation>Desconocido: la consola no conoce aún la conectividad de este dispositivo</translation>
    </message>
    <message>
        <source>Unknown until %1: the console had not learned this device&apos;s connectivity, or the change is older than those it keeps</source>
        <translation>Desconocido hasta %1: la consola no conocía la conectividad de este dispositivo, o el cambio es anterior a los que guarda</translation>
    </message>
    <message>
        <source>%1 since %2 (%3 so far)</source>
        <comment>connectivity timeline, e.g. Online since 10:02:03 (3 min 7 s so far)</comment>
        <translation>%1 desde %2 (%3 hasta ahora)</translation>
    </message>
    <message>
        <source>%1 from %2 to %3 (%4)</source>
        <comment>connectivity timeline, e.g. Offline from 10:05:10 to 10:07:00 (1 min 50 s)</comment>
        <translation>%1 de %2 a %3 (%4)</translation>
    </message>
    <message>
        <source>Already so when the console connected: it may have begun earlier.</source>
        <translation>Ya era así cuando la consola se conectó: pudo empezar antes.</translation>
    </message>
    <message>
        <source>Learned from a message of the device, not from its presence topic.</source>
        <translation>Deducido de un mensaje del dispositivo, no de su topic de presencia.</translation>
    </message>
    <message>
        <source>now</source>
        <comment>the right end of the connectivity timeline</comment>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>fleet::ConnectivityView</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>Últimos 15 minutos</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>How far back the strip reaches</source>
        <translation>Hasta cuándo se remonta la franja</translation>
    </message>
    <message>
        <source>Nothing is known of this device&apos;s connectivity yet.</source>
        <translation>Aún no se sabe nada de la conectividad de este dispositivo.</translation>
    </message>
    <message>
        <source>No change seen since %1.</source>
        <translation>Ningún cambio visto desde %1.</translation>
    </message>
    <message>
        <source>1 change seen since %1.</source>
        <translation>1 cambio visto desde %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes seen since %1.</source>
        <comment>connectivity history (never 1)</comment>
        <translation>
            <numerusform>%n cambio visto desde %1.</numerusform>
            <numerusform>%n cambios vistos desde %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::DatabaseLocation</name>
    <message>
        <source>The database is empty: give a file path or a postgresql:// URL.</source>
        <translation>La base de datos está vacía: indique la ruta de un archivo o una URL postgresql://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database this program can use: give a file path or a postgresql:// URL.</source>
        <translation>«%1» no es una base de datos que este programa pueda usar: indique la ruta de un archivo o una URL postgresql://.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid PostgreSQL URL: %2</source>
        <translation>«%1» no es una URL de PostgreSQL válida: %2</translation>
    </message>
    <message>
        <source>The database URL holds a password, which every local user could read on the command line. Give it in FLEET_DB_PASSWORD, the systemd credential &quot;db-password&quot;, or PostgreSQL&apos;s own ~/.pgpass.</source>
        <translation>La URL de la base de datos contiene una contraseña, que cualquier usuario local podría leer en la línea de órdenes. Indíquela en FLEET_DB_PASSWORD, en la credencial de systemd «db-password» o en el propio ~/.pgpass de PostgreSQL.</translation>
    </message>
    <message>
        <source>The database URL &quot;%1&quot; names no database: postgresql://[USER@]HOST[:PORT]/DATABASE.</source>
        <translation>La URL de base de datos «%1» no nombra ninguna base de datos: postgresql://[USUARIO@]HOST[:PUERTO]/BASE.</translation>
    </message>
    <message>
        <source>The database URL&apos;s option &quot;%1&quot; is not supported here; supported: %2.</source>
        <translation>La opción «%1» de la URL de la base de datos no se admite aquí; se admiten: %2.</translation>
    </message>
    <message>
        <source>The database URL&apos;s option &quot;%1&quot; has a value with a space or &apos;;&apos;.</source>
        <translation>La opción «%1» de la URL de la base de datos tiene un valor con un espacio o un «;».</translation>
    </message>
</context>
<context>
    <name>fleet::DesiredBatchDialog</name>
    <message>
        <source>Accepted (version %1)</source>
        <translation>Aceptado (versión %1)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Held for approval</source>
        <translation>Retenido para aprobación</translation>
    </message>
    <message>
        <source>Changed since: left as it is</source>
        <translation>Cambiado desde entonces: se deja tal cual</translation>
    </message>
    <message>
        <source>Refused: error %1: %2</source>
        <translation>Rechazado: error %1: %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Set desired state</source>
        <translation>Fijar estado deseado</translation>
    </message>
    <message>
        <source>A JSON object, e.g. {&quot;limit&quot;: 5}; null removes a key</source>
        <translation>Un objeto JSON, p. ej., {&quot;limit&quot;: 5}; null elimina una clave</translation>
    </message>
    <message>
        <source>%v of %m devices</source>
        <translation>%v de %m dispositivos</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Type the keys to set, as a JSON object.</source>
        <translation>Escriba las claves que se fijarán, como objeto JSON.</translation>
    </message>
    <message>
        <source>The patch is longer than %1 characters.</source>
        <translation>El parche tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON no válido: %1</translation>
    </message>
    <message numerus="yes">
        <source>Desired state of %n selected devices:</source>
        <translation>
            <numerusform>Estado deseado de %n dispositivo seleccionado:</numerusform>
            <numerusform>Estado deseado de %n dispositivos seleccionados:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Desired state of the %n devices of group %1:</source>
        <translation>
            <numerusform>Estado deseado de %n dispositivo del grupo %1:</numerusform>
            <numerusform>Estado deseado de los %n dispositivos del grupo %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no session.</source>
        <translation>No hay ninguna sesión.</translation>
    </message>
    <message>
        <source>%1 is sensitive: each device&apos;s change is held for an approver.</source>
        <translation>%1 es sensible: el cambio de cada dispositivo queda retenido para un aprobador.</translation>
    </message>
    <message>
        <source>Done: every device accepted it.</source>
        <translation>Hecho: todos los dispositivos lo aceptaron.</translation>
    </message>
    <message>
        <source>Some changes wait for an approver.</source>
        <translation>Algunos cambios esperan a un aprobador.</translation>
    </message>
    <message>
        <source>Rollback entry %1 undoes it on every device.</source>
        <translation>La entrada de reversión %1 lo deshace en todos los dispositivos.</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1, Azure IoT Hub devices whose desired properties are in a twin (change them in the device dock).</source>
        <translation>Excluidos: %1, dispositivos de Azure IoT Hub cuyas propiedades deseadas están en un gemelo (cámbielas en el panel del dispositivo).</translation>
    </message>
</context>
<context>
    <name>fleet::DesiredStateEdit</name>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>El estado deseado debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>No change to apply.</source>
        <translation>No hay cambios que aplicar.</translation>
    </message>
    <message>
        <source>The service would refuse this: %1</source>
        <translation>El servicio lo rechazaría: %1</translation>
    </message>
    <message>
        <source>Too large: desired and reported would take %1 bytes; a shadow holds at most %2.</source>
        <translation>Demasiado grande: el estado deseado y el notificado ocuparían %1 bytes; una sombra admite como máximo %2.</translation>
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
            <numerusform>%n solicitud de aprobación espera su decisión</numerusform>
            <numerusform>%n solicitudes de aprobación esperan su decisión</numerusform>
        </translation>
    </message>
    <message>
        <source>no D-Bus session bus</source>
        <translation>no hay bus de sesión D-Bus</translation>
    </message>
    <message>
        <source>the notification service does not answer</source>
        <translation>el servicio de notificaciones no responde</translation>
    </message>
    <message>
        <source>Open approvals</source>
        <translation>Abrir aprobaciones</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceDetailView</name>
    <message>
        <source>Revert</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Apply desired</source>
        <translation>Aplicar estado deseado</translation>
    </message>
    <message>
        <source>The desired state, as a JSON object</source>
        <translation>El estado deseado, como objeto JSON</translation>
    </message>
    <message>
        <source>Put the shadow&apos;s current desired state back into the editor</source>
        <translation>Volver a cargar en el editor el estado deseado actual de la sombra</translation>
    </message>
    <message>
        <source>Send the changes to the device&apos;s desired state (Ctrl+Return)</source>
        <translation>Enviar los cambios al estado deseado del dispositivo (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>Estado deseado</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Sombra</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Telemetría</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a shadow&apos;s thing name.</source>
        <translation>&quot;%1&quot; no puede ser el nombre de objeto de una sombra.</translation>
    </message>
    <message>
        <source>The shadow is at version %1 now; your edit started from version %2. Applying will show both, so that you can merge them.</source>
        <translation>La sombra está ahora en la versión %1; su edición partió de la versión %2. Al aplicar se mostrarán ambas para que pueda fusionarlas.</translation>
    </message>
    <message>
        <source>The shadow was deleted.</source>
        <translation>La sombra se eliminó.</translation>
    </message>
    <message>
        <source>Loading the shadow…</source>
        <translation>Cargando la sombra…</translation>
    </message>
    <message>
        <source>The shadow has not been loaded yet.</source>
        <translation>La sombra aún no se ha cargado.</translation>
    </message>
    <message>
        <source>An update is already under way.</source>
        <translation>Ya hay una actualización en curso.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Applying against version %1…</source>
        <translation>Aplicando sobre la versión %1…</translation>
    </message>
    <message>
        <source>Version conflict: someone changed the shadow meanwhile. Loading the current version…</source>
        <translation>Conflicto de versiones: alguien cambió la sombra mientras tanto. Cargando la versión actual…</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Rechazado (%1): %2</translation>
    </message>
    <message>
        <source>Version conflict, and the current version could not be loaded (%1): %2</source>
        <translation>Conflicto de versiones, y no se pudo cargar la versión actual (%1): %2</translation>
    </message>
    <message>
        <source>Not applied: the version conflict was left unresolved. Your edit is still in the editor.</source>
        <translation>No aplicado: el conflicto de versiones quedó sin resolver. Su edición sigue en el editor.</translation>
    </message>
    <message>
        <source>Version conflict: compare your edit with version %1 and apply a merge.</source>
        <translation>Conflicto de versiones: compare su edición con la versión %1 y aplique una fusión.</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>Ningún dispositivo seleccionado</translation>
    </message>
    <message>
        <source>Not seen on the broker yet</source>
        <translation>Aún no visto en el bróker</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Sin grupos</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Grupos: %1</translation>
    </message>
    <message>
        <source>Shadow loading…</source>
        <translation>Cargando sombra…</translation>
    </message>
    <message>
        <source>No shadow yet</source>
        <translation>Aún sin sombra</translation>
    </message>
    <message>
        <source>Shadow deleted at version %1</source>
        <translation>Sombra eliminada en la versión %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <comment>device header, e.g. Last seen: 5 min ago</comment>
        <translation>Visto por última vez: %1</translation>
    </message>
    <message>
        <source>Shadow version %1: %2</source>
        <comment>device header, e.g. Shadow version 7: In sync</comment>
        <translation>Sombra en la versión %1: %2</translation>
    </message>
    <message>
        <source>The shadow is at version %1 now.</source>
        <translation>La sombra está ahora en la versión %1.</translation>
    </message>
    <message>
        <source>Applied at version %1 (rollback entry %2).</source>
        <translation>Aplicado en la versión %1 (entrada de reversión %2).</translation>
    </message>
    <message>
        <source>Applied at version %1, but the rollback history could not be saved: %2</source>
        <translation>Aplicado en la versión %1, pero no se pudo guardar el historial de reversión: %2</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>The twin could not be read (%1): %2</source>
        <translation>No se pudo leer el gemelo (%1): %2</translation>
    </message>
    <message>
        <source>Version conflict: the desired properties changed meanwhile; the twin is loaded again and your text kept. Apply again to replace them.</source>
        <translation>Conflicto de versiones: las propiedades deseadas cambiaron mientras tanto; el gemelo se ha vuelto a cargar y su texto se ha conservado. Vuelva a aplicar para sustituirlas.</translation>
    </message>
    <message>
        <source>Applied: desired properties at $version %1.</source>
        <translation>Aplicado: propiedades deseadas en la $version %1.</translation>
    </message>
    <message>
        <source>Held for an approval: %1</source>
        <translation>En espera de aprobación: %1</translation>
    </message>
    <message>
        <source>Approved (%1); applying…</source>
        <translation>Aprobado (%1); aplicando…</translation>
    </message>
    <message>
        <source>Refused by the gate (%1): %2</source>
        <translation>Rechazado por la pasarela (%1): %2</translation>
    </message>
    <message>
        <source>Twin</source>
        <translation>Gemelo</translation>
    </message>
    <message>
        <source>Twin loading…</source>
        <translation>Cargando gemelo…</translation>
    </message>
    <message>
        <source>Twin: desired $version %1, reported $version %2: %3</source>
        <comment>device header, e.g. Twin: desired $version 4, reported $version 9: In sync</comment>
        <translation>Gemelo: $version deseada %1, $version notificada %2: %3</translation>
    </message>
    <message>
        <source>The twin could not be read: %1</source>
        <translation>No se pudo leer el gemelo: %1</translation>
    </message>
    <message>
        <source>The desired properties are at $version %1 now; your edit started from $version %2.</source>
        <translation>Las propiedades deseadas están ahora en la $version %1; su edición partió de la $version %2.</translation>
    </message>
    <message>
        <source>Loading the twin…</source>
        <translation>Cargando el gemelo…</translation>
    </message>
    <message>
        <source>The desired properties must be a JSON object.</source>
        <translation>Las propiedades deseadas deben ser un objeto JSON.</translation>
    </message>
    <message>
        <source>No changes to apply.</source>
        <translation>No hay cambios que aplicar.</translation>
    </message>
    <message>
        <source>Applying against $version %1…</source>
        <translation>Aplicando sobre la $version %1…</translation>
    </message>
    <message>
        <source>Send message…</source>
        <translation>Enviar mensaje…</translation>
    </message>
    <message>
        <source>Send the device a cloud-to-device message with properties</source>
        <translation>Enviar al dispositivo un mensaje de la nube al dispositivo con propiedades</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <source>Open named shadow…</source>
        <translation>Abrir sombra con nombre…</translation>
    </message>
    <message>
        <source>The classic shadow, or a named shadow this console has seen for the device</source>
        <translation>La sombra clásica, o una sombra con nombre que esta consola ha visto para el dispositivo</translation>
    </message>
    <message>
        <source>Open a named shadow of the device by its name</source>
        <translation>Abrir una sombra con nombre del dispositivo por su nombre</translation>
    </message>
    <message>
        <source>Shadow:</source>
        <comment>which of a device&apos;s shadows is shown</comment>
        <translation>Sombra:</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Conectividad</translation>
    </message>
    <message>
        <source>Select a device that has a shadow first.</source>
        <translation>Seleccione primero un dispositivo que tenga sombra.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a shadow name: use 1 to 64 letters, digits and : _ - $, without spaces, / or wildcards.</source>
        <translation>«%1» no puede ser un nombre de sombra: use de 1 a 64 letras, dígitos y : _ - $, sin espacios, / ni comodines.</translation>
    </message>
    <message>
        <source>Open named shadow</source>
        <translation>Abrir sombra con nombre</translation>
    </message>
    <message>
        <source>Shadow name (1 to 64 letters, digits and : _ - $):</source>
        <translation>Nombre de la sombra (de 1 a 64 letras, dígitos y : _ - $):</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Classic</source>
        <comment>the classic (unnamed) shadow of a device</comment>
        <translation>Clásica</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; loading…</source>
        <translation>Cargando la sombra «%1»…</translation>
    </message>
    <message>
        <source>No shadow &quot;%1&quot; yet</source>
        <translation>Aún no hay sombra «%1»</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; deleted at version %2</source>
        <translation>Sombra «%1» borrada en la versión %2</translation>
    </message>
    <message>
        <source>Shadow &quot;%1&quot; version %2: %3</source>
        <comment>device header, e.g. Shadow &quot;config&quot; version 7: In sync</comment>
        <translation>Sombra «%1», versión %2: %3</translation>
    </message>
    <message>
        <source>a change of %1&apos;s desired properties</source>
        <translation>un cambio de las propiedades deseadas de %1</translation>
    </message>
    <message>
        <source>Speaks: %1</source>
        <comment>device header: its command dialects</comment>
        <translation>Habla: %1</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceProfile</name>
    <message>
        <source>&quot;%1&quot; is not an AWS IoT command, and these devices take nothing else.</source>
        <translation>&quot;%1&quot; no es un comando de AWS IoT, y estos dispositivos no aceptan otra cosa.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an AWS IoT command, and these devices speak %2.</source>
        <translation>&quot;%1&quot; es un comando de AWS IoT, y estos dispositivos hablan %2.</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;pattern&quot;: &quot;sample-*&quot;, &quot;dialect&quot;: &quot;atlas-text&quot;}.</source>
        <translation>debe ser un objeto como {&quot;pattern&quot;: &quot;sample-*&quot;, &quot;dialect&quot;: &quot;atlas-text&quot;}.</translation>
    </message>
    <message>
        <source>must be a string.</source>
        <translation>debe ser una cadena.</translation>
    </message>
    <message>
        <source>must be 1 to %1 characters, with no &apos;/&apos;, &apos;+&apos;, &apos;#&apos; or NUL.</source>
        <translation>debe tener de 1 a %1 caracteres, sin &apos;/&apos;, &apos;+&apos;, &apos;#&apos; ni NUL.</translation>
    </message>
    <message>
        <source>must be one of %1.</source>
        <translation>debe ser uno de %1.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;.</source>
        <translation>Clave desconocida &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>needs exactly one of &quot;device&quot;, &quot;group&quot; or &quot;pattern&quot;.</source>
        <translation>necesita exactamente uno de &quot;device&quot;, &quot;group&quot; o &quot;pattern&quot;.</translation>
    </message>
    <message>
        <source>&quot;dialect&quot; is missing.</source>
        <translation>falta &quot;dialect&quot;.</translation>
    </message>
    <message>
        <source>an aws-commands profile takes no topics: AWS IoT commands have their own.</source>
        <translation>un perfil aws-commands no admite temas: los comandos de AWS IoT tienen los suyos.</translation>
    </message>
    <message>
        <source>an aws-commands profile matches a device or a pattern, not a group: fleet-hub starts these commands and does not know groups.</source>
        <translation>un perfil aws-commands corresponde a un dispositivo o a un patrón, no a un grupo: fleet-hub inicia estos comandos y no conoce los grupos.</translation>
    </message>
    <message>
        <source>must not name {tid}.</source>
        <translation>no debe nombrar {tid}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a command these devices can take as a direct method.</source>
        <translation>&quot;%1&quot; no es un comando que estos dispositivos puedan recibir como método directo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an Azure direct method, and these devices speak %2.</source>
        <translation>&quot;%1&quot; es un método directo de Azure, y estos dispositivos hablan %2.</translation>
    </message>
    <message>
        <source>an azure-methods profile matches a device or a pattern and takes no topics: fleet-hub calls the methods on IoT Hub&apos;s own topics and does not know groups.</source>
        <translation>un perfil azure-methods corresponde a un dispositivo o a un patrón y no admite temas: fleet-hub llama a los métodos en los temas propios de IoT Hub y no conoce los grupos.</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceTableModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>Conectividad</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Sombra</translation>
    </message>
    <message>
        <source>Pending commands</source>
        <translation>Comandos pendientes</translation>
    </message>
    <message>
        <source>Dialect</source>
        <comment>how commands reach a device</comment>
        <translation>Dialecto</translation>
    </message>
    <message>
        <source>%1: started through fleet-hub, requests on %2</source>
        <translation>%1: iniciados a través de fleet-hub, solicitudes en %2</translation>
    </message>
    <message>
        <source>%1: requests on %2, replies on %3</source>
        <translation>%1: solicitudes en %2, respuestas en %3</translation>
    </message>
    <message>
        <source>%1: direct methods called through fleet-hub; twin on %2, telemetry on %3</source>
        <translation>%1: métodos directos llamados a través de fleet-hub; gemelo en %2, telemetría en %3</translation>
    </message>
</context>
<context>
    <name>fleet::DeviceText</name>
    <message>
        <source>Online</source>
        <comment>device connectivity</comment>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <comment>device connectivity</comment>
        <translation>Fuera de línea</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>device connectivity</comment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <comment>device connectivity for a duration, e.g. Online for 5 min</comment>
        <translation>%1 desde hace %2</translation>
    </message>
    <message>
        <source>Since %1</source>
        <comment>device connectivity since a date and time</comment>
        <translation>Desde %1</translation>
    </message>
    <message>
        <source>Since unknown</source>
        <comment>device connectivity since a time not known</comment>
        <translation>Desde un momento desconocido</translation>
    </message>
    <message>
        <source>Never</source>
        <comment>device last seen</comment>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Just now</source>
        <comment>device last seen</comment>
        <translation>Ahora mismo</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>device last seen, e.g. 5 min ago</comment>
        <translation>Hace %1</translation>
    </message>
    <message>
        <source>No shadow</source>
        <comment>device shadow state: no shadow document known</comment>
        <translation>Sin sombra</translation>
    </message>
    <message>
        <source>In sync</source>
        <comment>device shadow state: reported matches desired</comment>
        <translation>Sincronizada</translation>
    </message>
    <message>
        <source>1 key pending</source>
        <comment>device shadow state: a desired key not yet reported</comment>
        <translation>1 clave pendiente</translation>
    </message>
    <message numerus="yes">
        <source>%n keys pending</source>
        <comment>device shadow state: desired keys not yet reported (never 1)</comment>
        <translation>
            <numerusform>%n clave pendiente</numerusform>
            <numerusform>%n claves pendientes</numerusform>
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
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Online (last known)</source>
        <comment>device connectivity while the console is disconnected</comment>
        <translation>En línea (último conocido)</translation>
    </message>
    <message>
        <source>Offline (last known)</source>
        <comment>device connectivity while the console is disconnected</comment>
        <translation>Fuera de línea (último conocido)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>device last seen: seen, but when is not known</comment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Unknown (offline when the console started)</source>
        <comment>device last seen</comment>
        <translation>Desconocido (fuera de línea al iniciarse la consola)</translation>
    </message>
    <message>
        <source>Unknown (online when the console started)</source>
        <comment>device last seen</comment>
        <translation>Desconocido (en línea al iniciarse la consola)</translation>
    </message>
    <message>
        <source>Atlas JSON</source>
        <comment>a command dialect</comment>
        <translation>Atlas JSON</translation>
    </message>
    <message>
        <source>Plain text</source>
        <comment>a command dialect: the seed&apos;s sample device</comment>
        <translation>Texto plano</translation>
    </message>
    <message>
        <source>AWS IoT commands</source>
        <comment>a command dialect</comment>
        <translation>Comandos de AWS IoT</translation>
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
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Already online when the console connected, at %1</source>
        <comment>connectivity history</comment>
        <translation>Ya en línea cuando la consola se conectó, a las %1</translation>
    </message>
    <message>
        <source>Already offline when the console connected, at %1</source>
        <comment>connectivity history</comment>
        <translation>Ya desconectado cuando la consola se conectó, a las %1</translation>
    </message>
    <message>
        <source>Online at %1</source>
        <comment>connectivity history</comment>
        <translation>En línea a las %1</translation>
    </message>
    <message>
        <source>Offline at %1</source>
        <comment>connectivity history</comment>
        <translation>Desconectado a las %1</translation>
    </message>
    <message>
        <source>a message from the device</source>
        <comment>connectivity history: why the device counts as online</comment>
        <translation>un mensaje del dispositivo</translation>
    </message>
    <message>
        <source>at least %1 online</source>
        <comment>connectivity history</comment>
        <translation>al menos %1 en línea</translation>
    </message>
    <message>
        <source>at least %1 offline</source>
        <comment>connectivity history</comment>
        <translation>al menos %1 desconectado</translation>
    </message>
    <message>
        <source>%1 online</source>
        <comment>connectivity history, e.g. 2 min 41 s online</comment>
        <translation>%1 en línea</translation>
    </message>
    <message>
        <source>%1 offline</source>
        <comment>connectivity history, e.g. 5 min 3 s offline</comment>
        <translation>%1 desconectado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>connectivity history: a change, then what else is known of it</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>; </source>
        <comment>separates details in parentheses</comment>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>fleet::DeviceWorkbench</name>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 no es JSON: %2</translation>
    </message>
    <message>
        <source>%1 must be a JSON object, such as {&quot;firmware&quot;: &quot;1.2&quot;}.</source>
        <translation>%1 debe ser un objeto JSON, como {&quot;firmware&quot;: &quot;1.2&quot;}.</translation>
    </message>
    <message>
        <source>The token in the connection string expired at %1: paste a new one, or the device&apos;s key, which the workbench signs with and renews.</source>
        <translation>El token de la cadena de conexión caducó a las %1: pegue uno nuevo, o la clave del dispositivo, con la que el banco de trabajo firma y renueva.</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1: %2</source>
        <translation>El bróker rechazó la suscripción a %1: %2</translation>
    </message>
    <message>
        <source>A message was not delivered: %1</source>
        <translation>Un mensaje no se entregó: %1</translation>
    </message>
    <message>
        <source>The message to %1 was not delivered: %2</source>
        <translation>El mensaje a %1 no se entregó: %2</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2</source>
        <translation>Conectando a %1 como %2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>The token could not be renewed: %1</source>
        <translation>No se pudo renovar el token: %1</translation>
    </message>
    <message>
        <source>Token renewed, valid until %1</source>
        <translation>Token renovado, válido hasta las %1</translation>
    </message>
    <message>
        <source>Token renewed, valid until %1: reconnecting with it</source>
        <translation>Token renovado, válido hasta las %1: reconectando con él</translation>
    </message>
    <message>
        <source>Connected as %1; the broker kept the device&apos;s session</source>
        <translation>Conectado como %1; el bróker conservó la sesión del dispositivo</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Conectado como %1</translation>
    </message>
    <message>
        <source>A message of %1 bytes, over the %2 bytes a device accepts, was not read</source>
        <translation>Un mensaje de %1 bytes, más de los %2 bytes que acepta un dispositivo, no se leyó</translation>
    </message>
    <message>
        <source>Twin (status %1)</source>
        <translation>Gemelo (estado %1)</translation>
    </message>
    <message>
        <source>Twin answer that is not a JSON object (status %1)</source>
        <translation>Respuesta de gemelo que no es un objeto JSON (estado %1)</translation>
    </message>
    <message>
        <source>Twin request refused (status %1)</source>
        <translation>Solicitud de gemelo rechazada (estado %1)</translation>
    </message>
    <message>
        <source>Reported properties accepted (status %1, $version %2)</source>
        <translation>Propiedades notificadas aceptadas (estado %1, $version %2)</translation>
    </message>
    <message>
        <source>Reported properties accepted (status %1)</source>
        <translation>Propiedades notificadas aceptadas (estado %1)</translation>
    </message>
    <message>
        <source>Reported properties refused (status %1)</source>
        <translation>Propiedades notificadas rechazadas (estado %1)</translation>
    </message>
    <message>
        <source>Twin answer to a request this session did not make (status %1, rid %2)</source>
        <translation>Respuesta de gemelo a una solicitud que esta sesión no hizo (estado %1, rid %2)</translation>
    </message>
    <message>
        <source>Desired-properties patch that is not a JSON object</source>
        <translation>Parche de propiedades deseadas que no es un objeto JSON</translation>
    </message>
    <message>
        <source>Desired properties changed ($version %1)</source>
        <translation>Propiedades deseadas cambiadas ($version %1)</translation>
    </message>
    <message>
        <source>Desired properties changed</source>
        <translation>Propiedades deseadas cambiadas</translation>
    </message>
    <message>
        <source>Method %1 called: answer it under Method calls</source>
        <translation>Método %1 llamado: respóndalo en Llamadas a métodos</translation>
    </message>
    <message>
        <source>%1 method calls are waiting; the oldest (%2, rid %3) is given up unanswered</source>
        <translation>%1 llamadas a métodos esperan; la más antigua (%2, rid %3) se abandona sin respuesta</translation>
    </message>
    <message>
        <source>Cloud-to-device message</source>
        <translation>Mensaje de la nube al dispositivo</translation>
    </message>
    <message>
        <source>Cloud-to-device message %1</source>
        <translation>Mensaje de la nube al dispositivo %1</translation>
    </message>
    <message>
        <source>Cloud-to-device message whose properties cannot be read: %1</source>
        <translation>Mensaje de la nube al dispositivo cuyas propiedades no se pueden leer: %1</translation>
    </message>
    <message>
        <source>Message on a topic IoT Hub does not use for devices</source>
        <translation>Mensaje en un tema que IoT Hub no usa para dispositivos</translation>
    </message>
    <message>
        <source>Shadow %1 (version %2)</source>
        <translation>Sombra %1 (versión %2)</translation>
    </message>
    <message>
        <source>Shadow %1</source>
        <translation>Sombra %1</translation>
    </message>
    <message>
        <source>Command execution %1: reply under Publish</source>
        <translation>Ejecución de comando %1: responda en Publicar</translation>
    </message>
    <message>
        <source>Command %1 requested: reply under Publish</source>
        <translation>Comando %1 solicitado: responda en Publicar</translation>
    </message>
    <message>
        <source>Command requested: reply under Publish</source>
        <translation>Comando solicitado: responda en Publicar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Not connected: nothing was sent.</source>
        <translation>No conectado: no se envió nada.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Only an Azure IoT Hub device has a twin.</source>
        <translation>Solo un dispositivo de Azure IoT Hub tiene un gemelo.</translation>
    </message>
    <message>
        <source>Twin requested (rid %1)</source>
        <translation>Gemelo solicitado (rid %1)</translation>
    </message>
    <message>
        <source>Only an Azure IoT Hub device reports twin properties.</source>
        <translation>Solo un dispositivo de Azure IoT Hub notifica propiedades de gemelo.</translation>
    </message>
    <message>
        <source>The reported properties</source>
        <translation>Las propiedades notificadas</translation>
    </message>
    <message>
        <source>Reported properties sent (rid %1)</source>
        <translation>Propiedades notificadas enviadas (rid %1)</translation>
    </message>
    <message>
        <source>No method call with rid %1 is waiting for an answer.</source>
        <translation>Ninguna llamada a método con rid %1 espera respuesta.</translation>
    </message>
    <message>
        <source>The status must be a number from 100 to 999, as HTTP&apos;s.</source>
        <translation>El estado debe ser un número de 100 a 999, como los de HTTP.</translation>
    </message>
    <message>
        <source>The answer must be JSON, which IoT Hub passes to the caller (leave it empty for null): %1</source>
        <translation>La respuesta debe ser JSON, que IoT Hub pasa a quien llama (déjela vacía para null): %1</translation>
    </message>
    <message>
        <source>Method %1 answered with status %2</source>
        <translation>Método %1 respondido con estado %2</translation>
    </message>
    <message>
        <source>Device-to-cloud messages with properties are Azure IoT Hub&apos;s: use Publish.</source>
        <translation>Los mensajes del dispositivo a la nube con propiedades son de Azure IoT Hub: use Publicar.</translation>
    </message>
    <message>
        <source>At most %1 properties.</source>
        <translation>Como máximo %1 propiedades.</translation>
    </message>
    <message>
        <source>A property needs a name.</source>
        <translation>Una propiedad necesita un nombre.</translation>
    </message>
    <message>
        <source>The properties take %1 characters once encoded; at most %2 fit in the topic.</source>
        <translation>Las propiedades ocupan %1 caracteres codificadas; caben como máximo %2 en el tema.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; IoT Hub takes at most %2.</source>
        <translation>El mensaje tiene %1 bytes; IoT Hub acepta como máximo %2.</translation>
    </message>
    <message numerus="yes">
        <source>Device-to-cloud message sent with %n properties</source>
        <translation>
            <numerusform>Mensaje del dispositivo a la nube enviado con %n propiedad</numerusform>
            <numerusform>Mensaje del dispositivo a la nube enviado con %n propiedades</numerusform>
        </translation>
    </message>
    <message>
        <source>An Azure IoT Hub device has a twin, not a shadow.</source>
        <translation>Un dispositivo de Azure IoT Hub tiene un gemelo, no una sombra.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a shadow name AWS IoT accepts.</source>
        <translation>&quot;%1&quot; no es un nombre de sombra que AWS IoT acepte.</translation>
    </message>
    <message>
        <source>Shadow requested</source>
        <translation>Sombra solicitada</translation>
    </message>
    <message>
        <source>Shadow %1 requested</source>
        <translation>Sombra %1 solicitada</translation>
    </message>
    <message>
        <source>The reported state</source>
        <translation>El estado notificado</translation>
    </message>
    <message>
        <source>Reported state sent</source>
        <translation>Estado notificado enviado</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a topic one can publish to (empty, or with &apos;+&apos; or &apos;#&apos;).</source>
        <translation>&quot;%1&quot; no es un tema en el que se pueda publicar (vacío, o con &apos;+&apos; o &apos;#&apos;).</translation>
    </message>
    <message>
        <source>QoS 0 or 1: devices of IoT Hub and AWS IoT cannot publish at QoS 2.</source>
        <translation>QoS 0 o 1: los dispositivos de IoT Hub y AWS IoT no pueden publicar con QoS 2.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; at most %2.</source>
        <translation>El mensaje tiene %1 bytes; como máximo %2.</translation>
    </message>
    <message>
        <source>Published (QoS %1)</source>
        <translation>Publicado (QoS %1)</translation>
    </message>
    <message>
        <source>The twin grew over %1 bytes with the patches since it was read; it is no longer shown: Get Twin reads it again.</source>
        <translation>El gemelo superó los %1 bytes con los parches desde que se leyó; ya no se muestra: Obtener gemelo lo vuelve a leer.</translation>
    </message>
    <message>
        <source>%1 reported patches got no answer; they are no longer followed.</source>
        <translation>%1 parches notificados no obtuvieron respuesta; ya no se siguen.</translation>
    </message>
</context>
<context>
    <name>fleet::DevicesView</name>
    <message>
        <source>Filter by id or group</source>
        <translation>Filtrar por ID o grupo</translation>
    </message>
    <message>
        <source>All devices</source>
        <comment>connectivity filter</comment>
        <translation>Todos los dispositivos</translation>
    </message>
    <message>
        <source>All groups</source>
        <comment>group filter</comment>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>1 device</source>
        <translation>1 dispositivo</translation>
    </message>
    <message>
        <source>%1 devices</source>
        <translation>%1 dispositivos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>shown of total devices</comment>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>device list full: 1 message from an unknown device ignored</source>
        <translation>lista de dispositivos llena: 1 mensaje de un dispositivo desconocido ignorado</translation>
    </message>
    <message>
        <source>device list full: %L1 messages from unknown devices ignored</source>
        <translation>lista de dispositivos llena: %L1 mensajes de dispositivos desconocidos ignorados</translation>
    </message>
    <message>
        <source>The list takes at most %L1 devices from traffic, so that a flood of made-up ids cannot grow it without limit. Messages from devices not in it are ignored; devices already listed keep updating.</source>
        <translation>La lista admite como máximo %L1 dispositivos descubiertos en el tráfico, para que una avalancha de ID inventados no pueda hacerla crecer sin límite. Los mensajes de dispositivos que no están en ella se ignoran; los dispositivos ya listados se siguen actualizando.</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <comment>shadow desired differs from reported</comment>
        <translation>Desincronizados</translation>
    </message>
    <message>
        <source>Set desired state…</source>
        <translation>Fijar estado deseado…</translation>
    </message>
    <message>
        <source>Only devices whose desired state they have not reported yet</source>
        <translation>Solo los dispositivos que aún no han notificado su estado deseado</translation>
    </message>
    <message>
        <source>Set the desired state of the selected devices, or of the group shown</source>
        <translation>Fijar el estado deseado de los dispositivos seleccionados o del grupo mostrado</translation>
    </message>
</context>
<context>
    <name>fleet::FleetRegistry</name>
    <message>
        <source>The topic template &quot;%1&quot; needs exactly one {id} level and no wildcards.</source>
        <translation>La plantilla de tema &quot;%1&quot; necesita exactamente un nivel {id} y ningún comodín.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid device id.</source>
        <translation>&quot;%1&quot; no es un ID de dispositivo válido.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un grupo necesita un nombre.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id pattern.</source>
        <translation>&quot;%1&quot; no es un patrón de ID válido.</translation>
    </message>
    <message>
        <source>An attribute group needs an attribute name.</source>
        <translation>Un grupo por atributo necesita un nombre de atributo.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>No se puede leer &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than %2 MB.</source>
        <translation>&quot;%1&quot; ocupa más de %2 MB.</translation>
    </message>
    <message>
        <source>Cannot import &quot;%1&quot;: %2</source>
        <translation>No se puede importar &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8.</source>
        <translation>El archivo no es UTF-8 válido.</translation>
    </message>
    <message>
        <source>The file is not a valid JSON array.</source>
        <translation>El archivo no es un array JSON válido.</translation>
    </message>
    <message>
        <source>Entry %1 needs an &quot;id&quot; string.</source>
        <translation>La entrada %1 necesita una cadena &quot;id&quot;.</translation>
    </message>
    <message>
        <source>Entry %1: &quot;%2&quot; is not a valid device id.</source>
        <translation>Entrada %1: &quot;%2&quot; no es un ID de dispositivo válido.</translation>
    </message>
    <message>
        <source>Entry %1: &quot;groups&quot; must be an array of names.</source>
        <translation>Entrada %1: &quot;groups&quot; debe ser un array de nombres.</translation>
    </message>
    <message>
        <source>Entry %1: every group needs a non-empty name.</source>
        <translation>Entrada %1: cada grupo necesita un nombre no vacío.</translation>
    </message>
    <message>
        <source>Line %1: &quot;%2&quot; is not a valid device id.</source>
        <translation>Línea %1: &quot;%2&quot; no es un ID de dispositivo válido.</translation>
    </message>
    <message>
        <source>The file names no devices.</source>
        <translation>El archivo no nombra ningún dispositivo.</translation>
    </message>
</context>
<context>
    <name>fleet::GateAuditQuery</name>
    <message>
        <source>No answer from fleet-hub&apos;s gate within %1 s: is fleet-hub running?</source>
        <translation>La pasarela de fleet-hub no respondió en %1 s: ¿se está ejecutando fleet-hub?</translation>
    </message>
    <message>
        <source>The broker refused the query: %1 (operators, approvers and monitors may read the audit log).</source>
        <translation>El bróker rechazó la consulta: %1 (pueden leer el registro de auditoría las cuentas operator, approver y monitor).</translation>
    </message>
    <message>
        <source>Reading the audit log needs an MQTT username: the gate answers each account on a topic of its own.</source>
        <translation>Para leer el registro de auditoría se necesita un nombre de usuario MQTT: la pasarela responde a cada cuenta en un tema propio.</translation>
    </message>
    <message>
        <source>The MQTT username &quot;%1&quot; cannot be a topic level: it must not contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>El nombre de usuario MQTT &quot;%1&quot; no puede ser un nivel de tema: no debe contener &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Not connected to a broker.</source>
        <translation>Sin conexión con un bróker.</translation>
    </message>
    <message>
        <source>No fleet-hub gate on this broker: there is no audit log to read.</source>
        <translation>No hay pasarela de fleet-hub en este bróker: no hay registro de auditoría que leer.</translation>
    </message>
    <message>
        <source>The query could not be sent: %1</source>
        <translation>No se pudo enviar la consulta: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply cannot be read: %1</source>
        <translation>No se puede leer la respuesta de la pasarela: %1</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has an &quot;error&quot; that is not text.</source>
        <translation>La respuesta de la pasarela tiene un &quot;error&quot; que no es texto.</translation>
    </message>
    <message>
        <source>The gate refused the query: %1</source>
        <translation>La pasarela rechazó la consulta: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has no list of entries.</source>
        <translation>La respuesta de la pasarela no tiene lista de entradas.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has %1 entries where at most %2 were asked for.</source>
        <translation>La respuesta de la pasarela tiene %1 entradas cuando se pidieron como máximo %2.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has a &quot;next&quot; that is not a sequence number.</source>
        <translation>La respuesta de la pasarela tiene un &quot;next&quot; que no es un número de secuencia.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply has a malformed entry: %1</source>
        <translation>La respuesta de la pasarela tiene una entrada mal formada: %1</translation>
    </message>
    <message>
        <source>The gate&apos;s reply is out of order: entry %1 after %2.</source>
        <translation>La respuesta de la pasarela está desordenada: la entrada %1 va después de la %2.</translation>
    </message>
    <message>
        <source>The gate&apos;s reply points back: next %1 after entry %2.</source>
        <translation>La respuesta de la pasarela apunta hacia atrás: next %1 después de la entrada %2.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>&quot;seq&quot; is not a positive integer</source>
        <translation>&quot;seq&quot; no es un entero positivo</translation>
    </message>
    <message>
        <source>&quot;time&quot; is not an integer</source>
        <translation>&quot;time&quot; no es un entero</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not text</source>
        <translation>&quot;%1&quot; no es texto</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than %2 characters</source>
        <translation>&quot;%1&quot; tiene más de %2 caracteres</translation>
    </message>
</context>
<context>
    <name>fleet::GateAuditService</name>
    <message>
        <source>Too many queries: at most %1 a second per account.</source>
        <translation>Demasiadas consultas: como máximo %1 por segundo por cuenta.</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n audit query(ies) of %1: more than %2 in a second.</source>
        <translation>
            <numerusform>Se descartó %n consulta de auditoría de %1: más de %2 en un segundo.</numerusform>
            <numerusform>Se descartaron %n consultas de auditoría de %1: más de %2 en un segundo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n audit query(ies): %1 were already waiting for an answer.</source>
        <translation>
            <numerusform>Se descartó %n consulta de auditoría: ya había %1 esperando respuesta.</numerusform>
            <numerusform>Se descartaron %n consultas de auditoría: ya había %1 esperando respuesta.</numerusform>
        </translation>
    </message>
    <message>
        <source>A query is at most %1 bytes; this one has %2.</source>
        <translation>Una consulta ocupa como máximo %1 bytes; esta tiene %2.</translation>
    </message>
    <message>
        <source>The query cannot be read: %1</source>
        <translation>No se puede leer la consulta: %1</translation>
    </message>
    <message>
        <source>A query is a JSON object: {&quot;query&quot;, &quot;after&quot;, &quot;limit&quot;, &quot;requester&quot;, &quot;actor&quot;, &quot;id&quot;, &quot;since&quot;}.</source>
        <translation>Una consulta es un objeto JSON: {&quot;query&quot;, &quot;after&quot;, &quot;limit&quot;, &quot;requester&quot;, &quot;actor&quot;, &quot;id&quot;, &quot;since&quot;}.</translation>
    </message>
    <message>
        <source>&quot;query&quot; is the query&apos;s id: text of at most %1 characters.</source>
        <translation>&quot;query&quot; es el ID de la consulta: un texto de %1 caracteres como máximo.</translation>
    </message>
    <message>
        <source>The correlation data is at most %1 bytes; this one has %2.</source>
        <translation>Los datos de correlación ocupan como máximo %1 bytes; estos tienen %2.</translation>
    </message>
    <message>
        <source>&quot;after&quot; is a sequence number: an integer, 0 or more.</source>
        <translation>&quot;after&quot; es un número de secuencia: un entero, 0 o más.</translation>
    </message>
    <message>
        <source>&quot;since&quot; is a time in ms since the epoch: an integer, 0 or more.</source>
        <translation>&quot;since&quot; es un instante en ms desde el epoch: un entero, 0 o más.</translation>
    </message>
    <message>
        <source>&quot;limit&quot; is how many entries to send: 1 to %1.</source>
        <translation>&quot;limit&quot; es cuántas entradas enviar: de 1 a %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is text of at most %2 characters.</source>
        <translation>&quot;%1&quot; es un texto de %2 caracteres como máximo.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot;: a query has query, after, limit, requester, actor, id and since.</source>
        <translation>Clave desconocida &quot;%1&quot;: una consulta tiene query, after, limit, requester, actor, id y since.</translation>
    </message>
    <message>
        <source>The gate cannot read its audit log: %1</source>
        <translation>La pasarela no puede leer su registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Dropped an audit reply on &quot;%1&quot;: %2</source>
        <translation>Se descartó una respuesta de auditoría en &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::GateBroadcast</name>
    <message>
        <source>The broadcast is not readable: %1</source>
        <translation>No se puede leer la difusión: %1</translation>
    </message>
    <message>
        <source>A broadcast is {&quot;messages&quot;: [{&quot;topic&quot;, &quot;payload&quot;, &quot;properties&quot;}, …]}.</source>
        <translation>Una difusión es {&quot;messages&quot;: [{&quot;topic&quot;, &quot;payload&quot;, &quot;properties&quot;}, …]}.</translation>
    </message>
    <message>
        <source>A broadcast has at most %1 targets; this one has %2.</source>
        <translation>Una difusión tiene como máximo %1 destinos; esta tiene %2.</translation>
    </message>
    <message>
        <source>Message %1 of the broadcast: %2</source>
        <translation>Mensaje %1 de la difusión: %2</translation>
    </message>
    <message>
        <source>&quot;topic&quot; and &quot;payload&quot; are strings, &quot;properties&quot; an object.</source>
        <translation>&quot;topic&quot; y &quot;payload&quot; son cadenas, &quot;properties&quot; un objeto.</translation>
    </message>
    <message>
        <source>the topic is empty, longer than %1 bytes or has a wildcard.</source>
        <translation>el tema está vacío, ocupa más de %1 bytes o tiene un comodín.</translation>
    </message>
    <message>
        <source>the payload is empty or larger than %1 bytes.</source>
        <translation>la carga útil está vacía u ocupa más de %1 bytes.</translation>
    </message>
</context>
<context>
    <name>fleet::GatePolicy</name>
    <message>
        <source>&quot;%1&quot; is not a topic the gate can publish on.</source>
        <translation>&quot;%1&quot; no es un tema en el que la pasarela pueda publicar.</translation>
    </message>
    <message>
        <source>The payload is %1 bytes; the gate takes at most %2.</source>
        <translation>La carga útil ocupa %1 bytes; la pasarela admite como máximo %2.</translation>
    </message>
    <message>
        <source>Only shadow requests (get, update, delete) go through the gate, not &quot;%1&quot;.</source>
        <translation>Solo las solicitudes de sombra (get, update, delete) pasan por la pasarela, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Deleting a shadow drops its desired state: it needs an approval.</source>
        <translation>Eliminar una sombra descarta su estado deseado: necesita una aprobación.</translation>
    </message>
    <message>
        <source>Operators do not write reported state: that is the device&apos;s own account.</source>
        <translation>Los operadores no escriben el estado notificado: eso corresponde a la propia cuenta del dispositivo.</translation>
    </message>
    <message>
        <source>Clearing the whole desired state needs an approval.</source>
        <translation>Borrar todo el estado deseado necesita una aprobación.</translation>
    </message>
    <message numerus="yes">
        <source>The desired %1 is sensitive: it needs an approval.</source>
        <translation>
            <numerusform>La clave deseada %1 es sensible: necesita una aprobación.</numerusform>
            <numerusform>Las claves deseadas %1 son sensibles: necesitan una aprobación.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the request topic of any command in the gate&apos;s catalog.</source>
        <translation>&quot;%1&quot; no es el tema de solicitudes de ningún comando del catálogo de la pasarela.</translation>
    </message>
    <message>
        <source>%1 is sensitive: it needs an approval.</source>
        <translation>%1 es sensible: necesita una aprobación.</translation>
    </message>
    <message>
        <source>The gate&apos;s catalog does not allow free-form payloads.</source>
        <translation>El catálogo de la pasarela no permite cargas útiles libres.</translation>
    </message>
    <message>
        <source>A free-form payload is not a catalog command: it needs an approval.</source>
        <translation>Una carga útil libre no es un comando del catálogo: necesita una aprobación.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an AWS IoT command start topic.</source>
        <translation>&quot;%1&quot; no es un tema de inicio de comandos de AWS IoT.</translation>
    </message>
    <message>
        <source>An AWS IoT command start is a JSON object with &quot;commandId&quot; and &quot;target&quot;.</source>
        <translation>El inicio de un comando de AWS IoT es un objeto JSON con &quot;commandId&quot; y &quot;target&quot;.</translation>
    </message>
    <message>
        <source>%1 is not an AWS IoT command.</source>
        <translation>%1 no es un comando de AWS IoT.</translation>
    </message>
    <message>
        <source>Only twin requests (get, update) go through the gate, not &quot;%1&quot;.</source>
        <translation>Solo las solicitudes de gemelo (get, update) pasan por la pasarela, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure direct method topic.</source>
        <translation>&quot;%1&quot; no es un tema de métodos directos de Azure.</translation>
    </message>
    <message>
        <source>A direct method call is a JSON object with &quot;deviceId&quot; and &quot;methodName&quot;.</source>
        <translation>Una llamada a un método directo es un objeto JSON con &quot;deviceId&quot; y &quot;methodName&quot;.</translation>
    </message>
    <message>
        <source>A cloud-to-device message is free-form: it needs an approval.</source>
        <translation>Un mensaje de la nube al dispositivo es de formato libre: necesita una aprobación.</translation>
    </message>
    <message>
        <source>The gate&apos;s catalog does not allow free-form messages to devices.</source>
        <translation>El catálogo de la pasarela no permite mensajes de formato libre a los dispositivos.</translation>
    </message>
</context>
<context>
    <name>fleet::GateStore</name>
    <message>
        <source>The gate database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de datos de la pasarela tiene el esquema %1; este fleet-hub conoce hasta el %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the gate&apos;s database: %2</source>
        <translation>No se puede usar &quot;%1&quot; como base de datos de la pasarela: %2</translation>
    </message>
    <message>
        <source>The gate&apos;s database is not open.</source>
        <translation>La base de datos de la pasarela no está abierta.</translation>
    </message>
    <message>
        <source>Committing to the gate&apos;s database failed: %1</source>
        <translation>Error al confirmar en la base de datos de la pasarela: %1</translation>
    </message>
</context>
<context>
    <name>fleet::HexBytes</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Línea %1, columna %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an odd number of hex digits; each byte takes two.</source>
        <translation>&quot;%1&quot; tiene un número impar de dígitos hexadecimales; cada byte ocupa dos.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hex digit (0-9, a-f).</source>
        <translation>&apos;%1&apos; no es un dígito hexadecimal (0-9, a-f).</translation>
    </message>
</context>
<context>
    <name>fleet::ItemViewActions</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation>Copiar celda</translation>
    </message>
</context>
<context>
    <name>fleet::JsonText</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Línea %1, columna %2: %3</translation>
    </message>
</context>
<context>
    <name>fleet::JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Deseado</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Notificado</translation>
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
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <comment>retained flag</comment>
        <translation>no</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Último valor</translation>
    </message>
</context>
<context>
    <name>fleet::LocalizedTexts</name>
    <message>
        <source>must be an object of language codes to texts, e.g. {&quot;es&quot;: &quot;…&quot;}.</source>
        <translation>debe ser un objeto de códigos de idioma a textos, p. ej. {&quot;es&quot;: &quot;…&quot;}.</translation>
    </message>
    <message>
        <source>at most %1 languages.</source>
        <translation>como máximo %1 idiomas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language code such as es, fr or pt_BR.</source>
        <translation>&quot;%1&quot; no es un código de idioma como es, fr o pt_BR.</translation>
    </message>
    <message>
        <source>the text for %1 must be a non-empty string.</source>
        <translation>el texto para %1 debe ser una cadena no vacía.</translation>
    </message>
    <message>
        <source>the text for %1 is longer than %2 characters.</source>
        <translation>el texto para %1 tiene más de %2 caracteres.</translation>
    </message>
</context>
<context>
    <name>fleet::MainWindow</name>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Fleet Console</source>
        <translation>Fleet Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Fleet Console</source>
        <translation>&amp;Acerca de Fleet Console</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>&amp;Dispositivos</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>&amp;Comandos</translation>
    </message>
    <message>
        <source>&amp;Approvals</source>
        <translation>A&amp;probaciones</translation>
    </message>
    <message>
        <source>&amp;Rollback</source>
        <translation>&amp;Reversión</translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation>&amp;Tráfico</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) sent</source>
        <translation>
            <numerusform>%n comando enviado</numerusform>
            <numerusform>%n comandos enviados</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling back entry %1 (%2)</source>
        <translation>Revirtiendo la entrada %1 (%2)</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Dispositivo %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Conexiones…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Seguir al &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;New command</source>
        <translation>&amp;Nuevo comando</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 msg/s</translation>
    </message>
    <message numerus="yes">
        <source>%n pending command(s)</source>
        <translation>
            <numerusform>%n comando pendiente</numerusform>
            <numerusform>%n comandos pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) waiting</source>
        <translation>
            <numerusform>%n aprobación pendiente</numerusform>
            <numerusform>%n aprobaciones pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> como %1</translation>
    </message>
    <message>
        <source>Connected to %1%2</source>
        <translation>Conectado a %1%2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconectando a %1…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The console will use the new language the next time it starts.</source>
        <translation>La consola usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Device commands</source>
        <translation>Comandos del dispositivo</translation>
    </message>
    <message>
        <source>Commands of %1</source>
        <translation>Comandos de %1</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <comment>the gate&apos;s audit log</comment>
        <translation>Aud&amp;itoría</translation>
    </message>
    <message>
        <source>Device states are the last known, and commands and desired changes wait for the connection (or fail at their deadline).</source>
        <translation>Los estados de los dispositivos son los últimos conocidos; los comandos y los cambios del estado deseado esperan a la conexión (o fallan al llegar su plazo).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: reconnecting. %2</source>
        <translation>Se perdió la conexión con %1: reconectando. %2</translation>
    </message>
    <message>
        <source>Device states are the last known, and nothing can be sent.</source>
        <translation>Los estados de los dispositivos son los últimos conocidos y no se puede enviar nada.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Vista &amp;general</translation>
    </message>
    <message>
        <source>This window has no connection profiles.</source>
        <translation>Esta ventana no tiene perfiles de conexión.</translation>
    </message>
    <message>
        <source>&amp;Go to tab</source>
        <translation>Ir a la &amp;pestaña</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>Pestaña %1</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Device &amp;workbench…</source>
        <translation>&amp;Banco de trabajo del dispositivo…</translation>
    </message>
    <message>
        <source>To&amp;pics</source>
        <comment>the topic tree</comment>
        <translation>Te&amp;mas</translation>
    </message>
    <message>
        <source>Pu&amp;blish</source>
        <translation>Pu&amp;blicar</translation>
    </message>
    <message>
        <source>%1 — Fleet Console</source>
        <translation>%1 — Fleet Console</translation>
    </message>
    <message>
        <source>Send on production?</source>
        <translation>¿Enviar en producción?</translation>
    </message>
    <message>
        <source>%1 is a production connection: what is sent reaches real devices.

Send %2?</source>
        <translation>%1 es una conexión de producción: lo que se envía llega a dispositivos reales.

¿Enviar %2?</translation>
    </message>
    <message>
        <source>Send on production</source>
        <translation>Enviar en producción</translation>
    </message>
    <message>
        <source>Commands are not recorded: %1</source>
        <translation>Los comandos no se registran: %1</translation>
    </message>
    <message>
        <source>Open in new &amp;window</source>
        <translation>Abrir en una &amp;ventana nueva</translation>
    </message>
    <message>
        <source>No saved connections: add one in Connections…</source>
        <translation>No hay conexiones guardadas: añada una en Conexiones…</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Contraseña de %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>The keychain holds no password for %1.
Password (used for this connection only, not saved):</source>
        <translation>El llavero no tiene ninguna contraseña para %1.
Contraseña (solo para esta conexión, no se guarda):</translation>
    </message>
    <message>
        <source>%1

Password for %2 (used for this connection only, not saved):</source>
        <translation>%1

Contraseña de %2 (solo para esta conexión, no se guarda):</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Not connected to %1: no password given.</source>
        <translation>Sin conexión con %1: no se indicó ninguna contraseña.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Approve or reject the sensitive commands waiting for a second person</source>
        <translation>Aprobar o rechazar los comandos sensibles que esperan a una segunda persona</translation>
    </message>
    <message>
        <source>&amp;Pause traffic</source>
        <translation>&amp;Pausar el tráfico</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>Reanudar el &amp;tráfico</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrar</translation>
    </message>
    <message>
        <source>Filter what the current tab shows (on tabs without a filter, the devices)</source>
        <translation>Filtrar lo que muestra la pestaña actual (en las pestañas sin filtro, los dispositivos)</translation>
    </message>
    <message>
        <source>Frequent actions</source>
        <translation>Acciones frecuentes</translation>
    </message>
</context>
<context>
    <name>fleet::MqttClient</name>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation>Una sesión persistente requiere un ID de cliente: el bróker identifica la sesión por él.</translation>
    </message>
    <message>
        <source>The client id is not valid UTF-8 of at most 65535 bytes.</source>
        <translation>El ID de cliente no es UTF-8 válido de 65535 bytes como máximo.</translation>
    </message>
    <message>
        <source>The Last Will topic &quot;%1&quot; is not a valid topic name.</source>
        <translation>El tema del Last Will &quot;%1&quot; no es un nombre de tema válido.</translation>
    </message>
    <message>
        <source>The Last Will has MQTT 5 properties but the connection uses MQTT 3.1.1.</source>
        <translation>El Last Will tiene propiedades de MQTT 5, pero la conexión usa MQTT 3.1.1.</translation>
    </message>
    <message>
        <source>The MQTT library could not create a client.</source>
        <translation>La biblioteca MQTT no pudo crear un cliente.</translation>
    </message>
    <message>
        <source>Cannot read the TLS file &quot;%1&quot;.</source>
        <translation>No se puede leer el archivo TLS &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The TLS settings were refused: %1</source>
        <translation>Se rechazó la configuración TLS: %1</translation>
    </message>
    <message>
        <source>The Last Will&apos;s MQTT 5 properties are invalid.</source>
        <translation>Las propiedades MQTT 5 del Last Will no son válidas.</translation>
    </message>
    <message>
        <source>The Last Will was refused: %1</source>
        <translation>Se rechazó el Last Will: %1</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: a topic name cannot contain the wildcards + or #.</source>
        <translation>No se puede publicar en &quot;%1&quot;: un nombre de tema no puede contener los comodines + ni #.</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not a valid topic name.</source>
        <translation>No se puede publicar en &quot;%1&quot;: no es un nombre de tema válido.</translation>
    </message>
    <message>
        <source>QoS must be 0, 1 or 2, not %1.</source>
        <translation>La QoS debe ser 0, 1 o 2, no %1.</translation>
    </message>
    <message>
        <source>The payload of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>La carga útil de %1 bytes supera el límite de %2 bytes.</translation>
    </message>
    <message>
        <source>MQTT 5 properties cannot be sent on an MQTT 3.1.1 connection.</source>
        <translation>No se pueden enviar propiedades de MQTT 5 en una conexión MQTT 3.1.1.</translation>
    </message>
    <message>
        <source>The payload is declared UTF-8 text (payload format indicator) but is not valid UTF-8.</source>
        <translation>La carga útil se declara como texto UTF-8 (payload format indicator), pero no es UTF-8 válido.</translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not connected.</source>
        <translation>No se puede publicar en &quot;%1&quot;: sin conexión.</translation>
    </message>
    <message>
        <source>%1 messages are awaiting acknowledgement; wait for room.</source>
        <translation>Hay %1 mensajes pendientes de confirmación; espere a que haya sitio.</translation>
    </message>
    <message>
        <source>The message&apos;s MQTT 5 properties are invalid.</source>
        <translation>Las propiedades MQTT 5 del mensaje no son válidas.</translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts (its Maximum Packet Size).</source>
        <translation>El mensaje es más grande de lo que acepta el bróker (su Maximum Packet Size).</translation>
    </message>
    <message>
        <source>The broker does not support QoS %1.</source>
        <translation>El bróker no admite QoS %1.</translation>
    </message>
    <message>
        <source>The broker does not support retained messages.</source>
        <translation>El bróker no admite mensajes retenidos.</translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation>Error al publicar: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter.</source>
        <translation>&quot;%1&quot; no es un filtro de temas válido.</translation>
    </message>
    <message>
        <source>Subscribing to &quot;%1&quot; failed: %2</source>
        <translation>Error al suscribirse a &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The broker refused message %1: %2</source>
        <translation>El bróker rechazó el mensaje %1: %2</translation>
    </message>
    <message>
        <source>the broker refused it (not authorized, or an invalid filter)</source>
        <translation>el bróker la rechazó (no autorizada, o filtro no válido)</translation>
    </message>
    <message>
        <source>Subscription to &quot;%1&quot; denied: %2</source>
        <translation>Suscripción a &quot;%1&quot; denegada: %2</translation>
    </message>
    <message>
        <source>The broker refused the connection: bad user name or password.</source>
        <translation>El bróker rechazó la conexión: nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (it may require a user name and password).</source>
        <translation>El bróker rechazó la conexión: no autorizado (puede requerir nombre de usuario y contraseña).</translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (check the user name and password).</source>
        <translation>El bróker rechazó la conexión: no autorizado (compruebe el nombre de usuario y la contraseña).</translation>
    </message>
    <message>
        <source>The broker refused the client id &quot;%1&quot;.</source>
        <translation>El bróker rechazó el ID de cliente &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The broker does not support this MQTT version.</source>
        <translation>El bróker no admite esta versión de MQTT.</translation>
    </message>
    <message>
        <source>The broker is unavailable for now.</source>
        <translation>El bróker no está disponible por ahora.</translation>
    </message>
    <message>
        <source>The broker refused the connection: %1</source>
        <translation>El bróker rechazó la conexión: %1</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2</source>
        <translation>Error en la conexión TLS con %1: %2</translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation>negociación (handshake) rechazada</translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;.</source>
        <translation>No se encuentra el host &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1.</source>
        <translation>Ningún servicio acepta conexiones en %1.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>No se puede conectar a %1: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Se perdió la conexión con %1.</translation>
    </message>
    <message>
        <source>The broker at %1 stopped answering (keepalive timeout).</source>
        <translation>El bróker en %1 dejó de responder (tiempo de keepalive agotado).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Se perdió la conexión con %1: %2</translation>
    </message>
    <message>
        <source>A subscription identifier is at most %1, not %2.</source>
        <translation>Un identificador de suscripción vale como máximo %1, no %2.</translation>
    </message>
</context>
<context>
    <name>fleet::NetworkJson</name>
    <message>
        <source>The document is %1 bytes; at most %2 are read.</source>
        <translation>El documento ocupa %1 bytes; se leen como máximo %2.</translation>
    </message>
    <message>
        <source>The document nests deeper than %1 levels.</source>
        <translation>El documento tiene más de %1 niveles de anidamiento.</translation>
    </message>
    <message>
        <source>The document is not valid JSON.</source>
        <translation>El documento no es JSON válido.</translation>
    </message>
    <message>
        <source>An object of the document has more than %1 members.</source>
        <translation>Un objeto del documento tiene más de %1 miembros.</translation>
    </message>
</context>
<context>
    <name>fleet::OperatorActions</name>
    <message>
        <source>Approvals need an MQTT username (the requester&apos;s identity): connect with one.</source>
        <translation>Las aprobaciones necesitan un nombre de usuario MQTT (la identidad de quien lo solicita): conéctese con uno.</translation>
    </message>
    <message>
        <source>Approvals are off: %1</source>
        <translation>Las aprobaciones están desactivadas: %1</translation>
    </message>
    <message>
        <source>Commands cannot be sent from here (no command tracker).</source>
        <translation>Desde aquí no se pueden enviar comandos (no hay seguimiento de comandos).</translation>
    </message>
    <message>
        <source>A free-form payload goes to exactly one device.</source>
        <translation>Una carga útil libre se envía a exactamente un dispositivo.</translation>
    </message>
    <message>
        <source>Type the payload to send.</source>
        <translation>Escriba la carga útil que se enviará.</translation>
    </message>
    <message>
        <source>The payload is %1 bytes; at most %2 can be sent.</source>
        <translation>La carga útil ocupa %1 bytes; se pueden enviar como máximo %2.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot; (the catalog has: %2).</source>
        <translation>Comando desconocido &quot;%1&quot; (el catálogo tiene: %2).</translation>
    </message>
    <message>
        <source>%1 cannot be sent to a group: the catalog gives it no group topic.</source>
        <translation>%1 no se puede enviar a un grupo: el catálogo no le asigna ningún tema de grupo.</translation>
    </message>
    <message>
        <source>%1 needs an approval. %2</source>
        <translation>%1 necesita una aprobación. %2</translation>
    </message>
    <message>
        <source>No devices are selected.</source>
        <translation>No hay dispositivos seleccionados.</translation>
    </message>
    <message>
        <source>The rollback history could not be saved: %1</source>
        <translation>No se pudo guardar el historial de reversiones: %1</translation>
    </message>
    <message>
        <source>there is no shadow service</source>
        <translation>no hay servicio de sombras</translation>
    </message>
    <message>
        <source>The command was not sent.</source>
        <translation>El comando no se envió.</translation>
    </message>
    <message>
        <source>No rollback recorded: %1&apos;s state could not be read (%2).</source>
        <translation>No se registró ninguna reversión: no se pudo leer el estado de %1 (%2).</translation>
    </message>
    <message>
        <source>There is no command %1 to retry.</source>
        <translation>No hay ningún comando %1 que reintentar.</translation>
    </message>
    <message>
        <source>The desired state must be a JSON object.</source>
        <translation>El estado deseado debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>There is no shadow service.</source>
        <translation>No hay servicio de sombras.</translation>
    </message>
    <message>
        <source>There is no change %1 to roll back.</source>
        <translation>No hay ningún cambio %1 que revertir.</translation>
    </message>
    <message>
        <source>send %1 %2 to %3</source>
        <translation>enviar %1 %2 a %3</translation>
    </message>
    <message>
        <source>(sensitive: it goes to approval first)</source>
        <translation>(sensible: pasa primero por aprobación)</translation>
    </message>
    <message>
        <source>update the desired state with %1</source>
        <translation>actualizar el estado deseado con %1</translation>
    </message>
    <message>
        <source>Entry %1 was already rolled back by %2.</source>
        <translation>La entrada %1 ya fue revertida por %2.</translation>
    </message>
    <message>
        <source>The rollback of entry %1 is under way.</source>
        <translation>La reversión de la entrada %1 está en curso.</translation>
    </message>
    <message>
        <source>%1 needs an approval, which a group command has only through fleet-hub&apos;s gate: send it to the devices instead.</source>
        <translation>%1 necesita una aprobación, que un comando de grupo solo tiene a través de la pasarela de fleet-hub: envíelo a los dispositivos en su lugar.</translation>
    </message>
    <message numerus="yes">
        <source>restore the previous desired values of %1 on %n devices</source>
        <translation>
            <numerusform>restaurar los valores deseados anteriores de %1 en %n dispositivo</numerusform>
            <numerusform>restaurar los valores deseados anteriores de %1 en %n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring %1 needs an approval per device, and the gate holds at most %2 at a time: roll back from the devices&apos; own entries instead.</source>
        <translation>Restaurar %1 necesita una aprobación por dispositivo, y la pasarela retiene como máximo %2 a la vez: revierta en su lugar desde las entradas de cada dispositivo.</translation>
    </message>
    <message>
        <source>(sensitive: each device&apos;s change goes to approval first)</source>
        <translation>(sensible: el cambio de cada dispositivo pasa primero por aprobación)</translation>
    </message>
    <message numerus="yes">
        <source>(%n already restored or changed since)</source>
        <translation>
            <numerusform>(%n ya restaurado o cambiado desde entonces)</numerusform>
            <numerusform>(%n ya restaurados o cambiados desde entonces)</numerusform>
        </translation>
    </message>
    <message>
        <source>The patch changes nothing: name at least one key.</source>
        <translation>El parche no cambia nada: indique al menos una clave.</translation>
    </message>
    <message>
        <source>The patch is nested more than %1 levels deep.</source>
        <translation>El parche tiene más de %1 niveles de anidamiento.</translation>
    </message>
    <message>
        <source>An array in the patch contains null, which the shadow service refuses.</source>
        <translation>Un array del parche contiene null, que el servicio de sombras rechaza.</translation>
    </message>
    <message>
        <source>The patch is %1 bytes; a shadow&apos;s state holds at most %2.</source>
        <translation>El parche ocupa %1 bytes; el estado de una sombra admite como máximo %2.</translation>
    </message>
    <message>
        <source>No device is known to be in group %1.</source>
        <translation>No se conoce ningún dispositivo del grupo %1.</translation>
    </message>
    <message>
        <source>%1 devices are selected; one desired-state change reaches at most %2.</source>
        <translation>Hay %1 dispositivos seleccionados; un cambio del estado deseado llega como máximo a %2.</translation>
    </message>
    <message>
        <source>%1 needs an approval per device, and fleet-hub&apos;s gate holds at most %2 requests of yours at a time: select at most %2 devices.</source>
        <translation>%1 necesita una aprobación por dispositivo, y la pasarela de fleet-hub retiene como máximo %2 solicitudes suyas a la vez: seleccione como máximo %2 dispositivos.</translation>
    </message>
    <message>
        <source>Its desired state changed since: left as it is.</source>
        <translation>Su estado deseado cambió desde entonces: se deja tal cual.</translation>
    </message>
    <message>
        <source>%1 of %2 devices refused the change, %3 had changed since.</source>
        <translation>%1 de %2 dispositivos rechazaron el cambio, %3 habían cambiado desde entonces.</translation>
    </message>
    <message>
        <source>%1 of %2 devices refused the change.</source>
        <translation>%1 de %2 dispositivos rechazaron el cambio.</translation>
    </message>
    <message>
        <source>%1 of %2 devices had changed since and were left as they are.</source>
        <translation>%1 de %2 dispositivos habían cambiado desde entonces y se dejaron tal cual.</translation>
    </message>
    <message>
        <source>%1&apos;s desired state says %2</source>
        <translation>El estado deseado de %1 indica %2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more device(s))</source>
        <translation>
            <numerusform>(y %n dispositivo más)</numerusform>
            <numerusform>(y %n dispositivos más)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the device will be asked to go back to it (the shadow&apos;s delta) — update the desired state instead, or too.</source>
        <translation>%1: se pedirá al dispositivo que vuelva a ese valor (el delta de la sombra) — actualice el estado deseado en su lugar, o además.</translation>
    </message>
    <message>
        <source>%1: each of these devices will be asked to go back to it (the shadow&apos;s delta) — update the desired state instead, or too.</source>
        <translation>%1: se pedirá a cada uno de estos dispositivos que vuelva a ese valor (el delta de la sombra) — actualice el estado deseado en su lugar, o además.</translation>
    </message>
    <message>
        <source>%1 is an AWS IoT command: it goes to one thing at a time, not to a group.</source>
        <translation>%1 es un comando de AWS IoT: va a un objeto cada vez, no a un grupo.</translation>
    </message>
    <message>
        <source>%1 is a sensitive AWS IoT command: it needs fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>%1 es un comando de AWS IoT sensible: necesita la pasarela de comandos de fleet-hub, que lo retiene hasta una aprobación.</translation>
    </message>
    <message>
        <source>%1 is a sensitive AWS IoT command: each approval covers one thing, so send it to one at a time.</source>
        <translation>%1 es un comando de AWS IoT sensible: cada aprobación cubre un solo objeto, así que envíelo de uno en uno.</translation>
    </message>
    <message>
        <source>%1 is an Azure direct method here: it goes to one device at a time, not to a group.</source>
        <translation>Aquí %1 es un método directo de Azure: va a un dispositivo cada vez, no a un grupo.</translation>
    </message>
    <message>
        <source>%1 is sensitive: as an Azure direct method it needs fleet-hub&apos;s command gate, which holds it for an approval.</source>
        <translation>%1 es sensible: como método directo de Azure necesita la pasarela de comandos de fleet-hub, que lo retiene hasta una aprobación.</translation>
    </message>
    <message>
        <source>%1 is sensitive: as an Azure direct method each approval covers one device, so send it to one at a time.</source>
        <translation>%1 es sensible: como método directo de Azure, cada aprobación cubre un solo dispositivo, así que envíelo de uno en uno.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>there is no Azure service</source>
        <translation>no hay ningún servicio de Azure</translation>
    </message>
    <message>
        <source>fleet-hub did not send the twin in time</source>
        <translation>fleet-hub no envió el gemelo a tiempo</translation>
    </message>
    <message>
        <source>Someone changed the desired properties meanwhile: roll back again to compare with them.</source>
        <translation>Alguien cambió las propiedades deseadas mientras tanto: vuelva a revertir para comparar con ellas.</translation>
    </message>
    <message>
        <source>The gate did not pass it (%1): %2</source>
        <translation>La pasarela no lo dejó pasar (%1): %2</translation>
    </message>
    <message>
        <source>Too many twin changes are under way; this rollback is no longer followed.</source>
        <translation>Hay demasiados cambios de gemelo en curso; esta reversión ya no se sigue.</translation>
    </message>
    <message>
        <source>There is no Azure service.</source>
        <translation>No hay servicio de Azure.</translation>
    </message>
    <message>
        <source>fleet-hub sent a twin without desired properties.</source>
        <translation>fleet-hub envió un gemelo sin propiedades deseadas.</translation>
    </message>
    <message>
        <source>Someone changed %1 since; the rollback leaves the twin as it is.</source>
        <translation>Alguien cambió %1 desde entonces; la reversión deja el gemelo como está.</translation>
    </message>
    <message>
        <source>update the twin&apos;s desired properties with %1</source>
        <translation>actualizar las propiedades deseadas del gemelo con %1</translation>
    </message>
    <message>
        <source>%1 is an Azure IoT Hub device: it has a twin, not a shadow. Change its desired properties in the device dock or with fleetctl twin update.</source>
        <translation>%1 es un dispositivo de Azure IoT Hub: tiene un gemelo, no una sombra. Cambie sus propiedades deseadas en el panel del dispositivo o con fleetctl twin update.</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>el grupo %1</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message>
        <source>a free-form payload to %1</source>
        <translation>una carga libre para %1</translation>
    </message>
    <message>
        <source>the command %1 to %2</source>
        <translation>el comando %1 para %2</translation>
    </message>
    <message>
        <source>Not sent: it was not confirmed.</source>
        <translation>No enviado: no se confirmó.</translation>
    </message>
    <message>
        <source>a change of %1&apos;s desired state</source>
        <translation>un cambio del estado deseado de %1</translation>
    </message>
    <message>
        <source>the rollback: %1</source>
        <translation>la reversión: %1</translation>
    </message>
    <message numerus="yes">
        <source>a change of the desired state of %n device(s)</source>
        <translation>
            <numerusform>un cambio del estado deseado de %n dispositivo</numerusform>
            <numerusform>un cambio del estado deseado de %n dispositivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::OverviewView</name>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <comment>commands that ended</comment>
        <translation>Veredictos</translation>
    </message>
    <message>
        <source>Success</source>
        <comment>share of verdicts that succeeded</comment>
        <translation>Éxito</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Último fallo</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Show the devices online</source>
        <translation>Mostrar los dispositivos en línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Fuera de línea</translation>
    </message>
    <message>
        <source>Show the devices offline</source>
        <translation>Mostrar los dispositivos fuera de línea</translation>
    </message>
    <message>
        <source>Stale</source>
        <comment>device state only last known</comment>
        <translation>Obsoletos</translation>
    </message>
    <message>
        <source>While the console is not connected, every online or offline state is only the last known</source>
        <translation>Mientras la consola no está conectada, todo estado en línea o fuera de línea es solo el último conocido</translation>
    </message>
    <message>
        <source>Not reported</source>
        <comment>presence never reported</comment>
        <translation>Sin notificar</translation>
    </message>
    <message>
        <source>Show the devices that never reported their presence</source>
        <translation>Mostrar los dispositivos que nunca notificaron su presencia</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Show every device</source>
        <translation>Mostrar todos los dispositivos</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Out of sync</source>
        <comment>shadow desired differs from reported</comment>
        <translation>Desincronizados</translation>
    </message>
    <message>
        <source>Show the devices whose desired state they have not reported yet</source>
        <translation>Mostrar los dispositivos que aún no han notificado su estado deseado</translation>
    </message>
    <message>
        <source>Approvals waiting</source>
        <translation>Aprobaciones pendientes</translation>
    </message>
    <message>
        <source>Open the approvals</source>
        <translation>Abrir las aprobaciones</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>commands</comment>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Show the commands without a verdict yet</source>
        <translation>Mostrar los comandos aún sin veredicto</translation>
    </message>
    <message>
        <source>Failures</source>
        <comment>commands</comment>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Show the commands that failed, timed out or found their device unreachable</source>
        <translation>Mostrar los comandos fallidos, con tiempo agotado o cuyo dispositivo fue inaccesible</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Últimas 6 horas</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Commands by outcome</source>
        <translation>Comandos por resultado</translation>
    </message>
    <message>
        <source>Click a bar to see those commands</source>
        <translation>Haga clic en una barra para ver esos comandos</translation>
    </message>
    <message>
        <source>Show the commands that ended %1</source>
        <comment>%1: a command state</comment>
        <translation>Mostrar los comandos que terminaron con estado %1</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>P&amp;eriodo</translation>
    </message>
    <message>
        <source>By command</source>
        <translation>Por comando</translation>
    </message>
    <message>
        <source>Click a command to see its commands; click a count to see those</source>
        <translation>Haga clic en un comando para ver sus envíos; en un recuento, para ver esos</translation>
    </message>
    <message>
        <source>Devices with the most failures</source>
        <translation>Dispositivos con más fallos</translation>
    </message>
    <message>
        <source>Click a device to open it</source>
        <translation>Haga clic en un dispositivo para abrirlo</translation>
    </message>
    <message>
        <source>in the last 6 hours</source>
        <translation>en las últimas 6 horas</translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>en las últimas 24 horas</translation>
    </message>
    <message>
        <source>in the last hour</source>
        <translation>en la última hora</translation>
    </message>
    <message>
        <source>last known</source>
        <translation>último conocido</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>1 key pending</source>
        <translation>1 clave pendiente</translation>
    </message>
    <message>
        <source>%L1 keys pending</source>
        <translation>%L1 claves pendientes</translation>
    </message>
    <message>
        <source>%L1 for you</source>
        <comment>approvals you may decide on</comment>
        <translation>%L1 para usted</translation>
    </message>
    <message>
        <source>%L1 yours</source>
        <comment>your own requests, waiting</comment>
        <translation>%L1 suyas</translation>
    </message>
    <message>
        <source>No command got its verdict %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Ningún comando obtuvo su veredicto %1.</translation>
    </message>
    <message>
        <source>Free-form payloads</source>
        <translation>Cargas útiles libres</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>–</source>
        <comment>no share: no verdict yet</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>%L1 of %L2 succeeded</source>
        <translation>%L1 de %L2 correctos</translation>
    </message>
    <message>
        <source>No command %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Ningún comando %1.</translation>
    </message>
    <message>
        <source>No device failed a command %1.</source>
        <comment>%1: in the last hour</comment>
        <translation>Ningún dispositivo tuvo un comando fallido %1.</translation>
    </message>
</context>
<context>
    <name>fleet::ParameterForm</name>
    <message>
        <source>This command takes no parameters.</source>
        <translation>Este comando no admite parámetros.</translation>
    </message>
    <message>
        <source>Send</source>
        <comment>include an optional parameter</comment>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Optional: sent only when checked.</source>
        <translation>Opcional: solo se envía si está marcado.</translation>
    </message>
    <message>
        <source>%1 *</source>
        <comment>a required parameter</comment>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorio)</translation>
    </message>
    <message>
        <source>Choose a value</source>
        <translation>Elija un valor</translation>
    </message>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
</context>
<context>
    <name>fleet::PasswordStore</name>
    <message>
        <source>no answer after %1 seconds</source>
        <translation>sin respuesta tras %1 segundos</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be read from the system keychain</source>
        <translation>No se pudo leer la contraseña de &quot;%1&quot; del llavero del sistema</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be saved in the system keychain</source>
        <translation>No se pudo guardar la contraseña de &quot;%1&quot; en el llavero del sistema</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be removed from the system keychain</source>
        <translation>No se pudo eliminar la contraseña de &quot;%1&quot; del llavero del sistema</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock it and try again.</source>
        <translation>El llavero denegó el acceso; desbloquéelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Is a keychain (GNOME Keyring, KWallet or another Secret Service) running and unlocked? Fleet Console stores passwords nowhere else; until then, type the password when connecting.</source>
        <translation>¿Hay un llavero (GNOME Keyring, KWallet u otro Secret Service) en ejecución y desbloqueado? Fleet Console no guarda las contraseñas en ningún otro sitio; mientras tanto, escriba la contraseña al conectarse.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1: %2. %3</translation>
    </message>
</context>
<context>
    <name>fleet::PayloadDiff</name>
    <message>
        <source>No differences</source>
        <translation>Sin diferencias</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>JSON members or elements</comment>
        <translation>
            <numerusform>%n añadido</numerusform>
            <numerusform>%n añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>JSON members or elements</comment>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>JSON values</comment>
        <translation>
            <numerusform>%n cambiado</numerusform>
            <numerusform>%n cambiados</numerusform>
        </translation>
    </message>
    <message>
        <source>1 change: %1</source>
        <comment>JSON diff</comment>
        <translation>1 cambio: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n changes: %1</source>
        <comment>JSON diff (never 1)</comment>
        <translation>
            <numerusform>%n cambio: %1</numerusform>
            <numerusform>%n cambios: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n añadida</numerusform>
            <numerusform>%n añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>lines</comment>
        <translation>
            <numerusform>%n eliminada</numerusform>
            <numerusform>%n eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines: %1</source>
        <comment>text diff</comment>
        <translation>Líneas: %1</translation>
    </message>
    <message>
        <source>No differences in the lines compared</source>
        <translation>Sin diferencias en las líneas comparadas</translation>
    </message>
    <message>
        <source>The lines are the same; only line breaks differ</source>
        <translation>Las líneas son iguales; solo difieren los saltos de línea</translation>
    </message>
    <message>
        <source>Differ in 1 byte, at offset %1</source>
        <translation>Difieren en 1 byte, en la posición %1</translation>
    </message>
    <message numerus="yes">
        <source>Differ in %n bytes, first at offset %1</source>
        <comment>never 1</comment>
        <translation>
            <numerusform>Difieren en %n byte, el primero en la posición %1</numerusform>
            <numerusform>Difieren en %n bytes, el primero en la posición %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(compared in part: the payloads are too long or differ in too many places)</source>
        <translation>(comparación parcial: los contenidos son demasiado largos o difieren en demasiados lugares)</translation>
    </message>
</context>
<context>
    <name>fleet::ProfileStore</name>
    <message>
        <source>A connection needs a name.</source>
        <translation>Una conexión necesita un nombre.</translation>
    </message>
    <message>
        <source>There is no connection named &quot;%1&quot;.</source>
        <translation>No existe ninguna conexión llamada &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is already a connection named &quot;%1&quot;.</source>
        <translation>Ya existe una conexión llamada &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishDraft</name>
    <message>
        <source>The payload is empty: type a JSON value.</source>
        <translation>La carga útil está vacía: escriba un valor JSON.</translation>
    </message>
    <message>
        <source>The JSON nests deeper than %1 levels.</source>
        <translation>El JSON tiene más de %1 niveles de anidamiento.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishHistory</name>
    <message>
        <source>Give the favourite a name.</source>
        <translation>Dé un nombre al favorito.</translation>
    </message>
    <message>
        <source>A favourite&apos;s name has at most %1 characters.</source>
        <translation>El nombre de un favorito tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>A favourite needs a topic.</source>
        <translation>Un favorito necesita un tema.</translation>
    </message>
    <message>
        <source>A favourite keeps a payload of at most %1 KiB; this one is %2 bytes.</source>
        <translation>Un favorito guarda una carga útil de %1 KiB como máximo; esta ocupa %2 bytes.</translation>
    </message>
    <message>
        <source>There are %1 favourites already: delete one first.</source>
        <translation>Ya hay %1 favoritos: elimine uno primero.</translation>
    </message>
    <message>
        <source>The favourites would hold more than %1 KiB: delete some first.</source>
        <translation>Los favoritos ocuparían más de %1 KiB: elimine algunos primero.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishHistoryProxyModel</name>
    <message>
        <source>pending</source>
        <comment>publish outcome</comment>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>sent</source>
        <comment>publish outcome</comment>
        <translation>enviado</translation>
    </message>
    <message>
        <source>sent through the gate</source>
        <comment>publish outcome</comment>
        <translation>enviado por la pasarela</translation>
    </message>
    <message>
        <source>held for approval</source>
        <comment>publish outcome</comment>
        <translation>retenido para aprobación</translation>
    </message>
    <message>
        <source>refused</source>
        <comment>publish outcome</comment>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <comment>publish outcome: the console closed before it was known</comment>
        <translation>resultado desconocido</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>, retained</source>
        <translation>, retenido</translation>
    </message>
    <message>
        <source>%1  %2  %3  (%4)</source>
        <comment>time, outcome, topic, flags</comment>
        <translation>%1  %2  %3  (%4)</translation>
    </message>
    <message>
        <source>The payload was cut to %1 KiB in the history.</source>
        <translation>La carga útil se recortó a %1 KiB en el historial.</translation>
    </message>
</context>
<context>
    <name>fleet::PublishRoute</name>
    <message>
        <source>This is %1&apos;s shadow get topic: the console reads shadows itself. Open %1 in the device dock to see its shadow.</source>
        <translation>Este es el tema get de la sombra de %1: la consola lee las sombras por sí misma. Abra %1 en el panel del dispositivo para ver su sombra.</translation>
    </message>
    <message>
        <source>This is %1&apos;s shadow delete topic: deleting a shadow drops its desired state, which needs an approval through the gate. Use fleetctl shadow delete.</source>
        <translation>Este es el tema delete de la sombra de %1: eliminar una sombra descarta su estado deseado, lo que necesita una aprobación a través de la pasarela. Use fleetctl shadow delete.</translation>
    </message>
    <message>
        <source>This is an answer topic of %1&apos;s shadow, which only the shadow service writes: a message here would forge what the device and every console read. To change the desired state, publish {&quot;state&quot;:{&quot;desired&quot;:{…}}} on its update topic, or use the device dock&apos;s shadow editor.</source>
        <translation>Este es un tema de respuesta de la sombra de %1, en el que solo escribe el servicio de sombras: un mensaje aquí falsearía lo que leen el dispositivo y todas las consolas. Para cambiar el estado deseado, publique {&quot;state&quot;:{&quot;desired&quot;:{…}}} en su tema update, o use el editor de sombra del panel del dispositivo.</translation>
    </message>
    <message>
        <source>This is group %1&apos;s command request topic: a message here reaches every member, so only a catalog command sent to the group from the command composer goes there (a free-form payload goes to one device at a time).</source>
        <translation>Este es el tema de solicitudes de comandos del grupo %1: un mensaje aquí llega a todos los miembros, así que solo va ahí un comando del catálogo enviado al grupo desde el editor de comandos (una carga útil libre va a un solo dispositivo cada vez).</translation>
    </message>
    <message>
        <source>This is %1&apos;s AWS IoT commands request topic: commands reach it only as catalog commands that fleet-hub starts. Send one from the command composer.</source>
        <translation>Este es el tema de solicitudes de comandos de AWS IoT de %1: los comandos solo llegan a él como comandos del catálogo que inicia fleet-hub. Envíe uno desde el editor de comandos.</translation>
    </message>
    <message>
        <source>This is an Azure IoT Hub twin topic: desired properties change through the gate from the device dock&apos;s Twin tab, or with fleetctl twin update.</source>
        <translation>Este es un tema de gemelo de Azure IoT Hub: las propiedades deseadas se cambian a través de la pasarela desde la pestaña Gemelo del panel del dispositivo, o con fleetctl twin update.</translation>
    </message>
    <message>
        <source>This is %1&apos;s Azure IoT Hub twin topic: its desired properties change through the gate from the device dock&apos;s Twin tab, or with fleetctl twin update.</source>
        <translation>Este es el tema de gemelo de Azure IoT Hub de %1: sus propiedades deseadas se cambian a través de la pasarela desde la pestaña Gemelo del panel del dispositivo, o con fleetctl twin update.</translation>
    </message>
    <message>
        <source>This is an Azure IoT Hub direct method topic: methods are called through the gate, as commands from the command composer or with fleetctl method.</source>
        <translation>Este es un tema de métodos directos de Azure IoT Hub: los métodos se llaman a través de la pasarela, como comandos desde el editor de comandos o con fleetctl method.</translation>
    </message>
    <message>
        <source>This is %1&apos;s cloud-to-device topic: send the message from the device dock&apos;s Twin tab (Send message…) or with fleetctl c2d, which go through the gate.</source>
        <translation>Este es el tema de la nube al dispositivo de %1: envíe el mensaje desde la pestaña Gemelo del panel del dispositivo (Enviar mensaje…) o con fleetctl c2d, que pasan por la pasarela.</translation>
    </message>
    <message>
        <source>This is one of fleet-hub&apos;s own topics (the command gate, approvals, AWS IoT commands, Azure twins): commands, approvals and cancellations are made from the command composer and the approvals view, which record them.</source>
        <translation>Este es uno de los temas propios de fleet-hub (la pasarela de comandos, las aprobaciones, los comandos de AWS IoT, los gemelos de Azure): los comandos, las aprobaciones y las cancelaciones se hacen desde el editor de comandos y la vista de aprobaciones, que los registran.</translation>
    </message>
    <message>
        <source>The MQTT 5 properties set here are not carried: this path sends its own (correlation data, response topic, expiry), so these will not be sent.</source>
        <translation>Las propiedades MQTT 5 fijadas aquí no se transmiten: esta vía envía las suyas (datos de correlación, tema de respuesta, caducidad), así que estas no se enviarán.</translation>
    </message>
    <message>
        <source>Retain does not apply: a request to a device is never retained.</source>
        <translation>Retener no se aplica: una solicitud a un dispositivo nunca se retiene.</translation>
    </message>
    <message>
        <source>QoS %1 does not apply: this path sends at QoS 1.</source>
        <translation>QoS %1 no se aplica: esta vía envía con QoS 1.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic: the message goes through the command gate as a free-form command, with approvals and audit.</source>
        <translation>Este es el tema de solicitudes de comandos de %1: el mensaje pasa por la pasarela de comandos como comando libre, con aprobaciones y auditoría.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic, where a message goes as a free-form command, which is UTF-8 text: this payload is not.</source>
        <translation>Este es el tema de solicitudes de comandos de %1, donde un mensaje va como comando libre, que es texto UTF-8: esta carga útil no lo es.</translation>
    </message>
    <message>
        <source>This is %1&apos;s command request topic, but a free-form command for %1 goes out on %2, so it would not arrive here: send a catalog command from the command composer instead.</source>
        <translation>Este es el tema de solicitudes de comandos de %1, pero un comando libre para %1 sale por %2, así que no llegaría aquí: envíe en su lugar un comando del catálogo desde el editor de comandos.</translation>
    </message>
    <message>
        <source>%1&apos;s shadow &quot;%2&quot;</source>
        <translation>la sombra &quot;%2&quot; de %1</translation>
    </message>
    <message>
        <source>%1&apos;s shadow</source>
        <translation>la sombra de %1</translation>
    </message>
    <message>
        <source>This is the update topic of %1: a desired state goes through the command gate as a desired-state change, with approvals, audit and a rollback entry.</source>
        <translation>Este es el tema update de %1: un estado deseado pasa por la pasarela de comandos como cambio del estado deseado, con aprobaciones, auditoría y una entrada de reversión.</translation>
    </message>
    <message>
        <source>On the update topic of %1 only a desired-state change, {&quot;state&quot;:{&quot;desired&quot;:{…}}}, is sent from here, through the gate. Use the device dock&apos;s shadow editor for anything else.</source>
        <translation>En el tema update de %1 solo se envía desde aquí un cambio del estado deseado, {&quot;state&quot;:{&quot;desired&quot;:{…}}}, a través de la pasarela. Para cualquier otra cosa, use el editor de sombra del panel del dispositivo.</translation>
    </message>
    <message>
        <source>Reported state is %1&apos;s own word, which operators do not write. %2</source>
        <translation>El estado notificado es lo que dice el propio %1, y los operadores no lo escriben. %2</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a shadow version (a whole number of at least 0).</source>
        <translation>&quot;version&quot; debe ser una versión de sombra (un número entero mayor o igual que 0).</translation>
    </message>
</context>
<context>
    <name>fleet::PublishView</name>
    <message>
        <source>Format</source>
        <translation>Formatear</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>Retener</translation>
    </message>
    <message>
        <source>MQTT 5 properties</source>
        <translation>Propiedades MQTT 5</translation>
    </message>
    <message>
        <source>Message expiry</source>
        <translation>Caducidad del mensaje</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>topic/name, e.g. lab/bench-3/led</source>
        <translation>tema/nombre, p. ej., lab/bench-3/led</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
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
        <translation>Dar un formato legible a la carga útil JSON</translation>
    </message>
    <message>
        <source>The payload, as text, JSON or hex bytes (&quot;de ad be ef&quot;)</source>
        <translation>La carga útil, como texto, JSON o bytes en hexadecimal (&quot;de ad be ef&quot;)</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>not set, e.g. application/json</source>
        <translation>sin fijar, p. ej., application/json</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin fijar</translation>
    </message>
    <message>
        <source>not set (sent as the text&apos;s UTF-8 bytes)</source>
        <translation>sin fijar (se envía como los bytes UTF-8 del texto)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin fijar</translation>
    </message>
    <message>
        <source>0: unspecified bytes</source>
        <translation>0: bytes sin especificar</translation>
    </message>
    <message>
        <source>1: UTF-8 text</source>
        <translation>1: texto UTF-8</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Sent in this order; a name may appear more than once.</source>
        <translation>Se envían en este orden; un nombre puede aparecer más de una vez.</translation>
    </message>
    <message>
        <source>Add a user property</source>
        <translation>Añadir una propiedad de usuario</translation>
    </message>
    <message>
        <source>Remove the selected user properties</source>
        <translation>Quitar las propiedades de usuario seleccionadas</translation>
    </message>
    <message>
        <source>Click a message to load it into the form</source>
        <translation>Haga clic en un mensaje para cargarlo en el formulario</translation>
    </message>
    <message>
        <source>name for the current form</source>
        <translation>nombre para el formulario actual</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Carga útil</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Tipo de contenido</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>Tema de respuesta</translation>
    </message>
    <message>
        <source>Correlation data</source>
        <translation>Datos de correlación</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Formato de la carga útil</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation>Propiedades de usuario</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation>Aún no se ha publicado nada.</translation>
    </message>
    <message>
        <source>This connection uses MQTT 3.1.1, which has no message properties: they are not sent. Connect with MQTT 5 (the connection&apos;s protocol setting) to use them.</source>
        <translation>Esta conexión usa MQTT 3.1.1, que no tiene propiedades de mensaje: no se envían. Conéctese con MQTT 5 (el ajuste de protocolo de la conexión) para usarlas.</translation>
    </message>
    <message>
        <source>Type the topic to publish on.</source>
        <translation>Escriba el tema en el que publicar.</translation>
    </message>
    <message>
        <source>A topic name cannot contain the wildcards + or #: they are for subscriptions.</source>
        <translation>Un nombre de tema no puede contener los comodines + ni #: son para las suscripciones.</translation>
    </message>
    <message>
        <source>Not a valid topic name (at most 65,535 bytes of UTF-8, no NUL character).</source>
        <translation>No es un nombre de tema válido (como máximo 65.535 bytes de UTF-8, sin carácter NUL).</translation>
    </message>
    <message>
        <source>The response topic must be a topic name, without the wildcards + or #.</source>
        <translation>El tema de respuesta debe ser un nombre de tema, sin los comodines + ni #.</translation>
    </message>
    <message>
        <source>The payload format says UTF-8 text, but the payload is not valid UTF-8: choose &quot;0: unspecified bytes&quot; or leave it unset.</source>
        <translation>El formato de la carga útil indica texto UTF-8, pero la carga útil no es UTF-8 válido: elija &quot;0: bytes sin especificar&quot; o déjelo sin fijar.</translation>
    </message>
    <message>
        <source>Send as command</source>
        <translation>Enviar como comando</translation>
    </message>
    <message>
        <source>Send desired change</source>
        <translation>Enviar cambio del estado deseado</translation>
    </message>
    <message>
        <source>These bytes are not UTF-8 text: they stay in hex.</source>
        <translation>Estos bytes no son texto UTF-8: se quedan en hexadecimal.</translation>
    </message>
    <message>
        <source>Loaded from the history; its payload was cut to %1 KiB there, so it is not the whole message that was sent.</source>
        <translation>Cargado del historial; allí su carga útil se recortó a %1 KiB, así que no es el mensaje completo que se envió.</translation>
    </message>
    <message>
        <source>Loaded from the history.</source>
        <translation>Cargado del historial.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved as favourite &quot;%1&quot;.</source>
        <translation>Guardado como favorito &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no favourite &quot;%1&quot;.</source>
        <translation>No hay ningún favorito &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Loaded favourite &quot;%1&quot;.</source>
        <translation>Favorito &quot;%1&quot; cargado.</translation>
    </message>
    <message>
        <source>Deleted favourite &quot;%1&quot;.</source>
        <translation>Favorito &quot;%1&quot; eliminado.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>Refused by the broker: %1</source>
        <translation>Rechazado por el bróker: %1</translation>
    </message>
    <message>
        <source>Handing the message to the network…</source>
        <translation>Entregando el mensaje a la red…</translation>
    </message>
    <message>
        <source>Waiting for the broker to acknowledge it (QoS %1)…</source>
        <translation>Esperando a que el bróker lo confirme (QoS %1)…</translation>
    </message>
    <message>
        <source>Sent (QoS 0: it left this client; the broker does not acknowledge QoS 0).</source>
        <translation>Enviado (QoS 0: salió de este cliente; el bróker no confirma QoS 0).</translation>
    </message>
    <message>
        <source>Sent: the broker acknowledged it (QoS %1).</source>
        <translation>Enviado: el bróker lo confirmó (QoS %1).</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 has no way for a broker to refuse a message: one its access control denies is acknowledged and dropped.</source>
        <translation>MQTT 3.1.1 no permite que un bróker rechace un mensaje: uno que su control de acceso deniega se confirma y se descarta.</translation>
    </message>
    <message>
        <source>Sending a free-form command to %1 through the command path…</source>
        <translation>Enviando un comando libre a %1 por la vía de comandos…</translation>
    </message>
    <message>
        <source>Free-form command to %1 is waiting for approval (%2).</source>
        <translation>El comando libre a %1 está pendiente de aprobación (%2).</translation>
    </message>
    <message>
        <source>Free-form command to %1 is queued, not sent (%2): %3</source>
        <translation>El comando libre a %1 está en cola, sin enviar (%2): %3</translation>
    </message>
    <message>
        <source>Free-form command to %1 handed to the command gate (%2): it sends it, or holds it for an approval.</source>
        <translation>Comando libre a %1 entregado a la pasarela de comandos (%2): ella lo envía o lo retiene hasta una aprobación.</translation>
    </message>
    <message>
        <source>Free-form command sent to %1 (%2).</source>
        <translation>Comando libre enviado a %1 (%2).</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>state, detail</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Free-form command to %1: %2 (%3).</source>
        <comment>command to device: state (id)</comment>
        <translation>Comando libre a %1: %2 (%3).</translation>
    </message>
    <message>
        <source>Held for approval by the command gate: free-form command to %1 (%2). %3</source>
        <translation>Retenido para aprobación por la pasarela de comandos: comando libre a %1 (%2). %3</translation>
    </message>
    <message>
        <source>Refused by the command gate: free-form command to %1 (%2). %3</source>
        <translation>Rechazado por la pasarela de comandos: comando libre a %1 (%2). %3</translation>
    </message>
    <message>
        <source>Free-form command to %1 approved by %2 and sent by the gate (%3).</source>
        <translation>Comando libre a %1 aprobado por %2 y enviado por la pasarela (%3).</translation>
    </message>
    <message>
        <source>Free-form command to %1 approved by %2 (%3).</source>
        <translation>Comando libre a %1 aprobado por %2 (%3).</translation>
    </message>
    <message>
        <source>Free-form command to %1 rejected by %2 (%3): %4</source>
        <translation>Comando libre a %1 rechazado por %2 (%3): %4</translation>
    </message>
    <message>
        <source>Free-form command to %1: nobody approved it in time (%2).</source>
        <translation>Comando libre a %1: nadie lo aprobó a tiempo (%2).</translation>
    </message>
    <message>
        <source>Free-form command to %1 was withdrawn (%2): %3</source>
        <translation>El comando libre a %1 se retiró (%2): %3</translation>
    </message>
    <message>
        <source>%1&apos;s shadow</source>
        <translation>la sombra de %1</translation>
    </message>
    <message>
        <source>%1&apos;s shadow &quot;%2&quot;</source>
        <translation>la sombra &quot;%2&quot; de %1</translation>
    </message>
    <message>
        <source>Sending the desired change of %1 through the command gate…</source>
        <translation>Enviando el cambio del estado deseado de %1 a través de la pasarela de comandos…</translation>
    </message>
    <message>
        <source>Desired change of %1 applied at version %2.</source>
        <translation>Cambio del estado deseado de %1 aplicado en la versión %2.</translation>
    </message>
    <message>
        <source>Desired change of %1: %2</source>
        <translation>Cambio del estado deseado de %1: %2</translation>
    </message>
    <message>
        <source>Desired change of %1 refused (%2): %3</source>
        <translation>Cambio del estado deseado de %1 rechazado (%2): %3</translation>
    </message>
    <message>
        <source>Desired change of %1 not sent: %2</source>
        <translation>Cambio del estado deseado de %1 no enviado: %2</translation>
    </message>
    <message>
        <source>a message to %1</source>
        <translation>un mensaje a %1</translation>
    </message>
</context>
<context>
    <name>fleet::RetryPolicy</name>
    <message>
        <source>&quot;attempts&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;attempts&quot; debe estar entre 1 y %1, no %2.</translation>
    </message>
    <message>
        <source>&quot;backoffBaseMs&quot; must be from 0 to %1, not %2.</source>
        <translation>&quot;backoffBaseMs&quot; debe estar entre 0 y %1, no %2.</translation>
    </message>
    <message>
        <source>&quot;backoffCapMs&quot; must be from &quot;backoffBaseMs&quot; (%1) to %2, not %3.</source>
        <translation>&quot;backoffCapMs&quot; debe estar entre &quot;backoffBaseMs&quot; (%1) y %2, no %3.</translation>
    </message>
    <message>
        <source>&quot;jitter&quot; must be a number from 0 to 1, not %1.</source>
        <translation>&quot;jitter&quot; debe ser un número de 0 a 1, no %1.</translation>
    </message>
    <message>
        <source>A retry policy must be a JSON object.</source>
        <translation>Una política de reintentos debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an integer.</source>
        <translation>&quot;%1&quot; debe ser un entero.</translation>
    </message>
    <message>
        <source>&quot;jitter&quot; must be a number from 0 to 1.</source>
        <translation>&quot;jitter&quot; debe ser un número de 0 a 1.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in a retry policy.</source>
        <translation>Clave desconocida &quot;%1&quot; en una política de reintentos.</translation>
    </message>
    <message>
        <source>&quot;schedule&quot; must be &quot;exponential&quot; or &quot;linear&quot;.</source>
        <translation>&quot;schedule&quot; debe ser &quot;exponential&quot; o &quot;linear&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::RollbackHistoryModel</name>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Desired state</source>
        <translation>Estado deseado</translation>
    </message>
    <message>
        <source>Desired state (%1)</source>
        <translation>Estado deseado (%1)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Revertido</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (%1)</source>
        <translation>
            <numerusform>%n dispositivo (%1)</numerusform>
            <numerusform>%n dispositivos (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Desired state, batch</source>
        <translation>Estado deseado, lote</translation>
    </message>
    <message>
        <source>Desired state (%1), batch</source>
        <translation>Estado deseado (%1), lote</translation>
    </message>
    <message>
        <source>desired %1 on %2</source>
        <translation>deseado %1 en %2</translation>
    </message>
    <message>
        <source>Twin, desired properties</source>
        <translation>Gemelo, propiedades deseadas</translation>
    </message>
</context>
<context>
    <name>fleet::RollbackLog</name>
    <message>
        <source>There is no change %1 to roll back.</source>
        <translation>No hay ningún cambio %1 que revertir.</translation>
    </message>
    <message>
        <source>Change %1 is a command, not a desired-state update.</source>
        <translation>El cambio %1 es un comando, no una actualización del estado deseado.</translation>
    </message>
    <message>
        <source>Change %1 is a desired-state update, not a command.</source>
        <translation>El cambio %1 es una actualización del estado deseado, no un comando.</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; is not in the catalog.</source>
        <translation>El comando &quot;%1&quot; no está en el catálogo.</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; has no inverse; it cannot be rolled back.</source>
        <translation>El comando &quot;%1&quot; no tiene inverso; no se puede revertir.</translation>
    </message>
    <message>
        <source>The inverse command &quot;%1&quot; is not in the catalog.</source>
        <translation>El comando inverso &quot;%1&quot; no está en el catálogo.</translation>
    </message>
    <message numerus="yes">
        <source>Change %1 was made on %n devices: each has its own previous values.</source>
        <translation>
            <numerusform>El cambio %1 se hizo en %n dispositivo: cada uno tiene sus propios valores anteriores.</numerusform>
            <numerusform>El cambio %1 se hizo en %n dispositivos: cada uno tiene sus propios valores anteriores.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::RollbackView</name>
    <message>
        <source>Roll back</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Select a change to see what it changed and what rolling it back sends.</source>
        <translation>Seleccione un cambio para ver qué modificó y qué enviará su reversión.</translation>
    </message>
    <message>
        <source>Entry %1 was not rolled back: %2</source>
        <translation>La entrada %1 no se revirtió: %2</translation>
    </message>
    <message>
        <source>Entry %1 rolled back: desired state restored (version %2).</source>
        <translation>Entrada %1 revertida: estado deseado restaurado (versión %2).</translation>
    </message>
    <message>
        <source>(whole value)</source>
        <translation>(valor completo)</translation>
    </message>
    <message>
        <source> (shadow %1)</source>
        <translation> (sombra %1)</translation>
    </message>
    <message>
        <source>Command %1 to %2</source>
        <translation>Comando %1 a %2</translation>
    </message>
    <message>
        <source>Desired state of %1%2</source>
        <translation>Estado deseado de %1%2</translation>
    </message>
    <message>
        <source>Entry %1, %2</source>
        <translation>Entrada %1, %2</translation>
    </message>
    <message>
        <source>Command id: %1</source>
        <translation>ID del comando: %1</translation>
    </message>
    <message>
        <source>Update token: %1</source>
        <translation>Token de actualización: %1</translation>
    </message>
    <message>
        <source>Rolled back by %1.</source>
        <translation>Revertida por %1.</translation>
    </message>
    <message>
        <source>Not rolled back.</source>
        <translation>No revertida.</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>Parámetros: %1</translation>
    </message>
    <message>
        <source>State captured before it ran</source>
        <translation>Estado capturado antes de su ejecución</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>(no change)</source>
        <translation>(sin cambios)</translation>
    </message>
    <message>
        <source>Rolling back will</source>
        <translation>La reversión va a</translation>
    </message>
    <message>
        <source>Select a change first.</source>
        <translation>Seleccione primero un cambio.</translation>
    </message>
    <message>
        <source>Undo this change.</source>
        <translation>Deshacer este cambio.</translation>
    </message>
    <message>
        <source>Entry %1: %2 is waiting for approval (%3).</source>
        <translation>Entrada %1: %2 está pendiente de aprobación (%3).</translation>
    </message>
    <message>
        <source>Entry %1: %2 sent to %3 (%4).</source>
        <translation>Entrada %1: %2 enviado a %3 (%4).</translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired state…</source>
        <translation>Entrada %1: restaurando el estado deseado…</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (group %1)</source>
        <translation>
            <numerusform>%n dispositivo (grupo %1)</numerusform>
            <numerusform>%n dispositivos (grupo %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Patch: %1</source>
        <translation>Parche: %1</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
    <message>
        <source>changed since, left as it is</source>
        <translation>cambiado desde entonces, se deja tal cual</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>antes: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired state… %2 of %3 devices</source>
        <translation>Entrada %1: restaurando el estado deseado… %2 de %3 dispositivos</translation>
    </message>
    <message numerus="yes">
        <source>Entry %1 rolled back: desired state restored on %n devices.</source>
        <translation>
            <numerusform>Entrada %1 revertida: estado deseado restaurado en %n dispositivo.</numerusform>
            <numerusform>Entrada %1 revertida: estado deseado restaurado en %n dispositivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1 was rolled back in part: %2</source>
        <translation>La entrada %1 se revirtió en parte: %2</translation>
    </message>
    <message>
        <source>Desired properties of %1 (twin)</source>
        <translation>Propiedades deseadas de %1 (gemelo)</translation>
    </message>
    <message>
        <source>Entry %1: restoring the desired properties is waiting for approval.</source>
        <translation>Entrada %1: la restauración de las propiedades deseadas espera aprobación.</translation>
    </message>
    <message>
        <source>Entry %1 rolled back: desired properties restored ($version %2).</source>
        <translation>Entrada %1 revertida: propiedades deseadas restauradas ($version %2).</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowClient</name>
    <message>
        <source>Invalid request</source>
        <translation>Solicitud no válida</translation>
    </message>
    <message>
        <source>The broker refused the subscription to the shadow&apos;s replies</source>
        <translation>El bróker rechazó la suscripción a las respuestas de la sombra</translation>
    </message>
    <message>
        <source>Malformed reply from the shadow service</source>
        <translation>Respuesta mal formada del servicio de sombras</translation>
    </message>
    <message>
        <source>Not connected to the broker</source>
        <translation>Sin conexión con el bróker</translation>
    </message>
    <message>
        <source>Timed out waiting for the shadow service</source>
        <translation>Se agotó el tiempo de espera del servicio de sombras</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name: 1 to 128 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de objeto válido: de 1 a 128 caracteres entre a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; y &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name: 1 to 64 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; and &apos;$&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de sombra válido: de 1 a 64 caracteres entre a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; y &apos;$&apos;.</translation>
    </message>
    <message>
        <source>Held for approval: %1</source>
        <translation>En espera de aprobación: %1</translation>
    </message>
    <message>
        <source>Refused by the command gate: %1</source>
        <translation>Rechazado por la pasarela de comandos: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowHistoryView</name>
    <message>
        <source>Select a version to compare it with the one before, or two versions to compare them.</source>
        <translation>Seleccione una versión para compararla con la anterior, o dos versiones para compararlas entre sí.</translation>
    </message>
    <message>
        <source>Versions received while this device was shown</source>
        <translation>Versiones recibidas mientras se mostraba este dispositivo</translation>
    </message>
    <message>
        <source>Version %1 at %2</source>
        <translation>Versión %1 a las %2</translation>
    </message>
    <message>
        <source>Version %1 is the first received.

desired: %2
reported: %3</source>
        <translation>La versión %1 es la primera recibida.

desired: %2
reported: %3</translation>
    </message>
    <message>
        <source>From version %1 to version %2:

%3</source>
        <translation>De la versión %1 a la versión %2:

%3</translation>
    </message>
    <message>
        <source>No change to desired or reported.</source>
        <translation>Sin cambios en el estado deseado ni en el notificado.</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowService</name>
    <message>
        <source>Stopping without waiting any longer for the broker to acknowledge %1 replies.</source>
        <translation>Deteniendo sin esperar más a que el bróker confirme %1 respuestas.</translation>
    </message>
    <message>
        <source>The broker refused a reply: %1</source>
        <translation>El bróker rechazó una respuesta: %1</translation>
    </message>
    <message>
        <source>Cannot subscribe to &quot;%1&quot;: %2</source>
        <translation>No se puede suscribir a &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The share group &quot;%1&quot; is not valid: it must be non-empty without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;.</source>
        <translation>El grupo compartido &quot;%1&quot; no es válido: no debe estar vacío ni contener &apos;/&apos;, &apos;+&apos; o &apos;#&apos;.</translation>
    </message>
    <message>
        <source>%1 replies were not published.</source>
        <translation>No se publicaron %1 respuestas.</translation>
    </message>
    <message>
        <source>The broker connection ended.</source>
        <translation>La conexión con el bróker terminó.</translation>
    </message>
    <message>
        <source>Giving up on the broker: %1</source>
        <translation>Abandonando la conexión con el bróker: %1</translation>
    </message>
    <message>
        <source>Connected to %1; serving shadows on %2</source>
        <translation>Conectado a %1; sirviendo sombras en %2</translation>
    </message>
    <message>
        <source>Dropped a message on &quot;%1&quot;: not a valid shadow request topic.</source>
        <translation>Mensaje descartado en &quot;%1&quot;: no es un tema de solicitud de sombra válido.</translation>
    </message>
    <message>
        <source>Ignored a retained request on &quot;%1&quot;: requests must not be retained.</source>
        <translation>Se ignoró una solicitud retenida en &quot;%1&quot;: las solicitudes no deben ser retenidas.</translation>
    </message>
    <message>
        <source>Ignored a message on the reply topic &quot;%1&quot;.</source>
        <translation>Se ignoró un mensaje en el tema de respuesta &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 answered %2 on &quot;%3&quot;: %4</source>
        <translation>%1 respondió %2 en &quot;%3&quot;: %4</translation>
    </message>
    <message>
        <source>Dropped the reply on &quot;%1&quot;: %2</source>
        <translation>Respuesta descartada en &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1 requests answered 500: %2</source>
        <translation>%1 solicitudes respondidas con 500: %2</translation>
    </message>
    <message>
        <source>A batch of %1 requests failed in the database (%2); running them one at a time.</source>
        <translation>Un lote de %1 solicitudes falló en la base de datos (%2); se ejecutan de una en una.</translation>
    </message>
</context>
<context>
    <name>fleet::ShadowStore</name>
    <message>
        <source>the classic shadow of &quot;%1&quot;</source>
        <translation>la sombra clásica de &quot;%1&quot;</translation>
    </message>
    <message>
        <source>shadow &quot;%1&quot; of &quot;%2&quot;</source>
        <translation>la sombra &quot;%1&quot; de &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as a database: %2</source>
        <translation>No se puede usar &quot;%1&quot; como base de datos: %2</translation>
    </message>
    <message>
        <source>it was written by a newer fleet-hub (schema %1; this one knows up to %2).</source>
        <translation>la escribió un fleet-hub más reciente (esquema %1; este conoce hasta el %2).</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Error al leer %1: %2</translation>
    </message>
    <message>
        <source>The stored document of %1 is damaged; it is left as it is.</source>
        <translation>El documento almacenado de %1 está dañado; se deja tal cual.</translation>
    </message>
    <message>
        <source>Cannot serialise %1: %2</source>
        <translation>No se puede serializar %1: %2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Error al escribir %1: %2</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
    <message>
        <source>Cannot start a transaction for %1: %2</source>
        <translation>No se puede iniciar una transacción para %1: %2</translation>
    </message>
    <message>
        <source>Committing %1 failed: %2</source>
        <translation>Error al confirmar %1: %2</translation>
    </message>
    <message>
        <source>Committing a batch of requests failed: %1</source>
        <translation>Error al confirmar un lote de solicitudes: %1</translation>
    </message>
    <message>
        <source>%1 lost %2 races with other hubs in a row: %3</source>
        <translation>%1 perdió %2 carreras seguidas con otros hubs: %3</translation>
    </message>
    <message>
        <source>A statement failed in the batch, which was rolled back.</source>
        <translation>Una sentencia falló en el lote, que se ha deshecho.</translation>
    </message>
    <message>
        <source>The batch was lost to a failed statement; %1 waits for it to run again.</source>
        <translation>El lote se perdió por una sentencia fallida; %1 espera a que se ejecute de nuevo.</translation>
    </message>
    <message>
        <source>Locking the batch&apos;s shadows failed: %1</source>
        <translation>No se pudieron bloquear las sombras del lote: %1</translation>
    </message>
    <message>
        <source>Writing the batch&apos;s %1 shadows failed: %2</source>
        <translation>Error al escribir las %1 sombras del lote: %2</translation>
    </message>
    <message>
        <source>Writing the batch&apos;s shadows updated %1 rows of %2.</source>
        <translation>Al escribir las sombras del lote se actualizaron %1 filas de %2.</translation>
    </message>
</context>
<context>
    <name>fleet::ShortcutsDialog</name>
    <message>
        <source>Main window</source>
        <translation>Ventana principal</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>fleet::SqlSchema</name>
    <message>
        <source>unknown database error</source>
        <translation>error de base de datos desconocido</translation>
    </message>
    <message>
        <source>it has an unknown schema version %1.</source>
        <translation>tiene una versión de esquema %1 desconocida.</translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not available</source>
        <translation>el controlador SQLite de Qt (QSQLITE) no está disponible</translation>
    </message>
    <message>
        <source>it cannot be opened: %1</source>
        <translation>no se puede abrir: %1</translation>
    </message>
    <message>
        <source>it cannot be switched to write-ahead logging (journal mode is %1)</source>
        <translation>no se puede pasar al registro de escritura anticipada (WAL) (el modo de diario es %1)</translation>
    </message>
    <message>
        <source>the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not available</source>
        <translation>el controlador PostgreSQL de Qt (QPSQL, paquete de Debian libqt6sql6-psql) no está disponible</translation>
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
        <translation>Todo</translation>
    </message>
    <message>
        <source>The time every chart shows, up to the newest point</source>
        <translation>El tiempo que muestra cada gráfico, hasta el punto más reciente</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Ventana:</translation>
    </message>
    <message>
        <source>Show all</source>
        <comment>telemetry series</comment>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <source>Hide all</source>
        <comment>telemetry series</comment>
        <translation>Ocultar todas</translation>
    </message>
    <message>
        <source>Series shown</source>
        <translation>Series mostradas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>telemetry chart title: series name, newest value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No numeric telemetry or reported field yet.</source>
        <translation>Aún no hay telemetría numérica ni campos notificados.</translation>
    </message>
    <message>
        <source>No series shown: check one in the list above.</source>
        <translation>Ninguna serie mostrada: marque una en la lista de arriba.</translation>
    </message>
</context>
<context>
    <name>fleet::TopicTreeModel</name>
    <message>
        <source>%1 bytes, of which the first %2 are kept</source>
        <translation>%1 bytes, de los que se conservan los primeros %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <comment>an empty MQTT topic level, as in a//b</comment>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>retained flag</comment>
        <translation>sí</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>Ritmo (msg/s)</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Último valor</translation>
    </message>
</context>
<context>
    <name>fleet::TopicTreeView</name>
    <message>
        <source>Plot</source>
        <translation>Trazar</translation>
    </message>
    <message>
        <source>Clear retained…</source>
        <translation>Borrar mensaje retenido…</translation>
    </message>
    <message>
        <source>Search topics</source>
        <translation>Buscar temas</translation>
    </message>
    <message>
        <source>Select a topic to see its last value</source>
        <translation>Seleccione un tema para ver su último valor</translation>
    </message>
    <message>
        <source>Select a message in the history to compare it with the one before</source>
        <translation>Seleccione un mensaje del historial para compararlo con el anterior</translation>
    </message>
    <message>
        <source>Numeric fields of the topic&apos;s JSON value</source>
        <translation>Campos numéricos del valor JSON del tema</translation>
    </message>
    <message>
        <source>Plot this field over the topic&apos;s history and as messages arrive</source>
        <translation>Trazar este campo a lo largo del historial del tema y a medida que llegan mensajes</translation>
    </message>
    <message>
        <source>Publish an empty retained message, which makes the broker forget the topic&apos;s retained value (your account must be allowed to write it)</source>
        <translation>Publicar un mensaje retenido vacío, que hace que el bróker olvide el valor retenido del tema (su cuenta debe tener permiso para escribir en él)</translation>
    </message>
    <message>
        <source>%L1 topics, %L2 messages</source>
        <translation>%L1 temas, %L2 mensajes</translation>
    </message>
    <message>
        <source>(%L1 messages on new topics not shown: the tree is full)</source>
        <translation>(%L1 mensajes en temas nuevos sin mostrar: el árbol está lleno)</translation>
    </message>
    <message>
        <source>The broker accepted the empty retained message; the marker goes when it comes back.</source>
        <translation>El bróker aceptó el mensaje retenido vacío; la marca desaparecerá cuando vuelva.</translation>
    </message>
    <message>
        <source>The broker refused to clear the retained message: %1</source>
        <translation>El bróker se negó a borrar el mensaje retenido: %1</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>Ningún tema seleccionado</translation>
    </message>
    <message>
        <source>%1: %L2 messages on this topic, %L3 in its branch</source>
        <translation>%1: %L2 mensajes en este tema, %L3 en su rama</translation>
    </message>
    <message>
        <source>(retained value)</source>
        <translation>(valor retenido)</translation>
    </message>
    <message>
        <source>%1  %2 B  %3</source>
        <translation>%1  %2 B  %3</translation>
    </message>
    <message>
        <source>The oldest message kept: nothing before it to compare.</source>
        <translation>El mensaje más antiguo conservado: no hay nada anterior con que compararlo.</translation>
    </message>
    <message>
        <source>Compared with the message before it: %1</source>
        <translation>Comparado con el mensaje anterior: %1</translation>
    </message>
    <message>
        <source>(only the beginning of the payloads was compared)</source>
        <translation>(solo se comparó el principio de las cargas útiles)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>No value of %1 in the history yet.</source>
        <translation>Aún no hay ningún valor de %1 en el historial.</translation>
    </message>
    <message>
        <source>Clear retained message</source>
        <translation>Borrar mensaje retenido</translation>
    </message>
    <message>
        <source>Make the broker forget the retained value of &quot;%1&quot;? Every client that subscribes later will no longer receive it.</source>
        <translation>¿Hacer que el bróker olvide el valor retenido de &quot;%1&quot;? Los clientes que se suscriban después ya no lo recibirán.</translation>
    </message>
    <message>
        <source>The retained message was not cleared: %1</source>
        <translation>No se borró el mensaje retenido: %1</translation>
    </message>
    <message>
        <source>Clearing the retained message of %1…</source>
        <translation>Borrando el mensaje retenido de %1…</translation>
    </message>
    <message>
        <source>%L1 topics match; the first %L2 are shown: refine the search.</source>
        <translation>Coinciden %L1 topics; se muestran los %L2 primeros: afine la búsqueda.</translation>
    </message>
    <message>
        <source>the clearing of %1&apos;s retained message</source>
        <translation>el borrado del mensaje retenido de %1</translation>
    </message>
    <message>
        <source>(the beginning of a %L1-byte value)</source>
        <translation>(el comienzo de un valor de %L1 bytes)</translation>
    </message>
</context>
<context>
    <name>fleet::TrafficCapture</name>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter: a + or # must fill a whole level, and # must be the last one.</source>
        <translation>&quot;%1&quot; no es un filtro de temas válido: un + o un # debe ocupar un nivel completo, y # debe ser el último.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a shared subscription: capturing from it would take messages away from the group&apos;s members.</source>
        <translation>&quot;%1&quot; es una suscripción compartida: capturar de ella quitaría mensajes a los miembros del grupo.</translation>
    </message>
    <message>
        <source>At most %1 topic filters can be captured at once.</source>
        <translation>Se pueden capturar como máximo %1 filtros de temas a la vez.</translation>
    </message>
</context>
<context>
    <name>fleet::TrafficModel</name>
    <message>
        <source>&quot;%1&quot; is not a valid MQTT topic filter: &apos;+&apos; and &apos;#&apos; must fill a whole level, and &apos;#&apos; must be the last level.</source>
        <translation>&quot;%1&quot; no es un filtro de temas MQTT válido: &apos;+&apos; y &apos;#&apos; deben ocupar un nivel completo, y &apos;#&apos; debe ser el último nivel.</translation>
    </message>
    <message>
        <source>yes</source>
        <comment>retained flag</comment>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <comment>retained flag</comment>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 bytes, of which the first %2 are kept</source>
        <translation>%1 bytes, de los que se conservan los primeros %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Carga útil</translation>
    </message>
    <message>
        <source>+%L1 ms</source>
        <translation>+%L1 ms</translation>
    </message>
    <message>
        <source>After request</source>
        <translation>Tras la solicitud</translation>
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
        <translation>Buscar temas</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Freeze the table; new messages are counted, not shown</source>
        <translation>Congelar la tabla; los mensajes nuevos se cuentan, pero no se muestran</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the messages shown as JSON lines</source>
        <translation>Guardar los mensajes mostrados como líneas JSON</translation>
    </message>
    <message>
        <source>Select a message to see its details</source>
        <translation>Seleccione un mensaje para ver sus detalles</translation>
    </message>
    <message>
        <source>The broker refused the subscription to &quot;%1&quot;: %2</source>
        <translation>El bróker rechazó la suscripción a &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>%L1 msg/s, %L2 received</source>
        <translation>%L1 msg/s, %L2 recibidos</translation>
    </message>
    <message>
        <source>Paused: %L1 new messages not shown</source>
        <translation>En pausa: %L1 mensajes nuevos sin mostrar</translation>
    </message>
    <message>
        <source>%L1 messages arrived while paused</source>
        <translation>%L1 mensajes llegaron durante la pausa</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Tema: %1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Recibido: %1</translation>
    </message>
    <message>
        <source>QoS: %1</source>
        <translation>QoS: %1</translation>
    </message>
    <message>
        <source>Retained: %1</source>
        <translation>Retenido: %1</translation>
    </message>
    <message>
        <source>Duplicate: %1</source>
        <translation>Duplicado: %1</translation>
    </message>
    <message>
        <source>Size: %L1 bytes</source>
        <translation>Tamaño: %L1 bytes</translation>
    </message>
    <message>
        <source>Payload format: %1</source>
        <translation>Formato de la carga útil: %1</translation>
    </message>
    <message>
        <source>UTF-8 text</source>
        <translation>texto UTF-8</translation>
    </message>
    <message>
        <source>unspecified bytes</source>
        <translation>bytes sin especificar</translation>
    </message>
    <message>
        <source>Content type: %1</source>
        <translation>Tipo de contenido: %1</translation>
    </message>
    <message>
        <source>Response topic: %1</source>
        <translation>Tema de respuesta: %1</translation>
    </message>
    <message>
        <source>Correlation data: %1</source>
        <translation>Datos de correlación: %1</translation>
    </message>
    <message>
        <source>Message expiry: %L1 s</source>
        <translation>Caducidad del mensaje: %L1 s</translation>
    </message>
    <message>
        <source>User property: %1 = %2</source>
        <translation>Propiedad de usuario: %1 = %2</translation>
    </message>
    <message>
        <source>Binary, shown as hex</source>
        <translation>Binario, mostrado en hexadecimal</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>(first %L1 of %L2 bytes)</source>
        <translation>(primeros %L1 de %L2 bytes)</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>No se puede escribir &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Export Traffic</source>
        <translation>Exportar tráfico</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>Líneas JSON (*.jsonl);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Azure IoT Hub cloud-to-device message for %1</source>
        <translation>Mensaje de la nube al dispositivo de Azure IoT Hub para %1</translation>
    </message>
    <message>
        <source>Azure IoT Hub device-to-cloud message from %1</source>
        <translation>Mensaje del dispositivo a la nube de Azure IoT Hub desde %1</translation>
    </message>
    <message>
        <source>Its properties cannot be read: %1</source>
        <translation>Sus propiedades no se pueden leer: %1</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id. del mensaje</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Id. de correlación</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Tipo de contenido</translation>
    </message>
    <message>
        <source>Content encoding</source>
        <translation>Codificación del contenido</translation>
    </message>
    <message>
        <source>System property: %1 = %2</source>
        <translation>Propiedad del sistema: %1 = %2</translation>
    </message>
    <message>
        <source>Application property: %1 = %2</source>
        <translation>Propiedad de la aplicación: %1 = %2</translation>
    </message>
    <message>
        <source>MQTT topic filters (+ and # wildcards), separated by spaces. Press Enter to capture what they match, each message once however they overlap. Empty captures %1: every topic, and the AWS IoT shadow and command topics, which # leaves out.</source>
        <translation>Filtros de temas MQTT (comodines + y #), separados por espacios. Pulse Intro para capturar lo que coincida con ellos, cada mensaje una sola vez aunque se solapen. Si está vacío, captura %1: todos los temas, y los temas de sombras y de comandos de AWS IoT, que # deja fuera.</translation>
    </message>
    <message>
        <source>Topic filters, e.g. +/dev-7/#; empty: %1</source>
        <translation>Filtros de temas, p. ej., +/dev-7/#; vacío: %1</translation>
    </message>
</context>
<context>
    <name>fleet::TwinStore</name>
    <message>
        <source>The twins database has schema %1; this fleet-hub knows up to %2.</source>
        <translation>La base de datos de gemelos tiene el esquema %1; este fleet-hub conoce hasta el %2.</translation>
    </message>
    <message>
        <source>Cannot use &quot;%1&quot; as the device twins database: %2</source>
        <translation>No se puede usar &quot;%1&quot; como base de datos de los gemelos (twins) de dispositivos: %2</translation>
    </message>
    <message>
        <source>The twins database is not open.</source>
        <translation>La base de datos de gemelos no está abierta.</translation>
    </message>
    <message>
        <source>Committing to the twins database failed: %1</source>
        <translation>Error al confirmar en la base de datos de gemelos: %1</translation>
    </message>
    <message>
        <source>The twin of &quot;%1&quot; is damaged in the twins database.</source>
        <translation>El gemelo de &quot;%1&quot; está dañado en la base de datos de gemelos.</translation>
    </message>
</context>
<context>
    <name>fleet::UserGuideDialog</name>
    <message>
        <source>Fleet Console User Guide</source>
        <translation>Guía del usuario de Fleet Console</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>Esta compilación no incluye la guía del usuario.</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchEventModel</name>
    <message>
        <source>→ device</source>
        <comment>workbench log: the cloud sent this to the device</comment>
        <translation>→ dispositivo</translation>
    </message>
    <message>
        <source>device →</source>
        <comment>workbench log: the device (the workbench) sent this</comment>
        <translation>dispositivo →</translation>
    </message>
    <message>
        <source>note</source>
        <comment>workbench log: a note about the connection, nothing on the wire</comment>
        <translation>nota</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchIdentity</name>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation>Un certificado de cliente necesita su clave privada, y una clave su certificado.</translation>
    </message>
    <message>
        <source>Paste the device&apos;s connection string (HostName=…;DeviceId=…;SharedAccessKey=…).</source>
        <translation>Pegue la cadena de conexión del dispositivo (HostName=…;DeviceId=…;SharedAccessKey=…).</translation>
    </message>
    <message>
        <source>The connection string says x509=true: choose the device&apos;s certificate and key.</source>
        <translation>La cadena de conexión indica x509=true: elija el certificado y la clave del dispositivo.</translation>
    </message>
    <message>
        <source>A certificate is chosen, but the connection string signs in with a key or token: use x509=true, or clear the certificate.</source>
        <translation>Hay un certificado elegido, pero la cadena de conexión inicia sesión con una clave o un token: use x509=true, o quite el certificado.</translation>
    </message>
    <message>
        <source>The token lifetime must be between %1 seconds and a year.</source>
        <translation>La duración del token debe estar entre %1 segundos y un año.</translation>
    </message>
    <message>
        <source>Enter the endpoint (mqtts://…-ats.iot.REGION.amazonaws.com:8883).</source>
        <translation>Introduzca el endpoint (mqtts://…-ats.iot.REGION.amazonaws.com:8883).</translation>
    </message>
    <message>
        <source>Enter the thing name.</source>
        <translation>Introduzca el nombre del thing.</translation>
    </message>
    <message>
        <source>A thing name cannot hold &apos;+&apos;, &apos;#&apos; or &apos;/&apos;: it is part of the thing&apos;s topics.</source>
        <translation>Un nombre de thing no puede contener &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;: forma parte de los temas del thing.</translation>
    </message>
    <message>
        <source>Put the user name and password in their fields, not in the endpoint&apos;s URL.</source>
        <translation>Ponga el usuario y la contraseña en sus campos, no en la URL del endpoint.</translation>
    </message>
</context>
<context>
    <name>fleet::WorkbenchWindow</name>
    <message>
        <source>Device Workbench</source>
        <translation>Banco de trabajo del dispositivo</translation>
    </message>
    <message>
        <source>Method calls</source>
        <translation>Llamadas a métodos</translation>
    </message>
    <message>
        <source>Twin</source>
        <translation>Gemelo</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Telemetría</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>Sombra</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>Iniciar sesión como</translation>
    </message>
    <message>
        <source>Azure IoT Hub device</source>
        <translation>Dispositivo de Azure IoT Hub</translation>
    </message>
    <message>
        <source>AWS IoT thing or MQTT device</source>
        <translation>Thing de AWS IoT o dispositivo MQTT</translation>
    </message>
    <message>
        <source>Identities saved on this computer; their secrets are in the system keychain</source>
        <translation>Identidades guardadas en este equipo; sus secretos están en el llavero del sistema</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Save these settings under a name; the connection string or password goes to the system keychain, never to a file</source>
        <translation>Guardar estos ajustes con un nombre; la cadena de conexión o la contraseña van al llavero del sistema, nunca a un archivo</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Olvidar</translation>
    </message>
    <message>
        <source>Remove the saved identity and its secret in the keychain</source>
        <translation>Quitar la identidad guardada y su secreto del llavero</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation>Guar&amp;dadas:</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>reveal a secret field</comment>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide what the field holds</source>
        <translation>Mostrar u ocultar el contenido del campo</translation>
    </message>
    <message>
        <source>Hide</source>
        <comment>hide a secret field</comment>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <source>The device&apos;s connection string from the Azure portal or CLI: HostName, DeviceId and SharedAccessKey, SharedAccessSignature or x509=true; GatewayHostName for a gateway</source>
        <translation>La cadena de conexión del dispositivo, del portal o la CLI de Azure: HostName, DeviceId y SharedAccessKey, SharedAccessSignature o x509=true; GatewayHostName para una puerta de enlace</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>How long each SAS token signed from the key is valid; the workbench signs a new one and reconnects before it expires</source>
        <translation>Cuánto dura cada token SAS firmado con la clave; el banco de trabajo firma uno nuevo y se reconecta antes de que caduque</translation>
    </message>
    <message>
        <source>C&amp;onnection string:</source>
        <translation>Cadena de c&amp;onexión:</translation>
    </message>
    <message>
        <source>&amp;Token lifetime:</source>
        <translation>Duración del &amp;token:</translation>
    </message>
    <message>
        <source>The thing name</source>
        <translation>El nombre del thing</translation>
    </message>
    <message>
        <source>None (certificate)</source>
        <translation>Ninguna (certificado)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Guardada en el llavero del sistema</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>T&amp;hing name:</source>
        <translation>Nombre del t&amp;hing:</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>ID de c&amp;liente:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>The system&apos;s trusted CAs</source>
        <translation>Las CA de confianza del sistema</translation>
    </message>
    <message>
        <source>The device&apos;s certificate: for an x509=true connection string or an AWS IoT thing</source>
        <translation>El certificado del dispositivo: para una cadena de conexión x509=true o un thing de AWS IoT</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificado de CA:</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificado de CA</translation>
    </message>
    <message>
        <source>Device certificate:</source>
        <translation>Certificado del dispositivo:</translation>
    </message>
    <message>
        <source>Device Certificate</source>
        <translation>Certificado del dispositivo</translation>
    </message>
    <message>
        <source>Device key:</source>
        <translation>Clave del dispositivo:</translation>
    </message>
    <message>
        <source>Device Private Key</source>
        <translation>Clave privada del dispositivo</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Select an event in the log to see its topic, properties and payload.</source>
        <translation>Seleccione un evento del registro para ver su tema, sus propiedades y su contenido.</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Properties:</source>
        <translation>Propiedades:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id de solicitud</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <source>Method calls waiting for this device&apos;s answer, oldest first</source>
        <translation>Llamadas a métodos que esperan la respuesta de este dispositivo, la más antigua primero</translation>
    </message>
    <message>
        <source>The status the caller gets, as HTTP&apos;s: 200 for success</source>
        <translation>El estado que recibe quien llama, como en HTTP: 200 si todo fue bien</translation>
    </message>
    <message>
        <source>The answer&apos;s JSON, passed to the caller as it is (empty for null)</source>
        <translation>El JSON de la respuesta, que se pasa tal cual a quien llama (vacío para null)</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Answer (JSON):</source>
        <translation>Respuesta (JSON):</translation>
    </message>
    <message>
        <source>&amp;Get Twin</source>
        <translation>&amp;Obtener gemelo</translation>
    </message>
    <message>
        <source>The twin as this device knows it: the last one IoT Hub sent, with the changes since.</source>
        <translation>El gemelo tal como lo conoce este dispositivo: el último que envió IoT Hub, con los cambios desde entonces.</translation>
    </message>
    <message>
        <source>A JSON object: the reported properties to change (null removes one)</source>
        <translation>Un objeto JSON: las propiedades notificadas que cambiar (null quita una)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Notificar</translation>
    </message>
    <message>
        <source>Reported properties to change (JSON):</source>
        <translation>Propiedades notificadas que cambiar (JSON):</translation>
    </message>
    <message>
        <source>The message, as text (JSON or anything else)</source>
        <translation>El mensaje, como texto (JSON o cualquier otra cosa)</translation>
    </message>
    <message>
        <source>Sent as the message&apos;s content type ($.ct); empty sends none</source>
        <translation>Se envía como tipo de contenido del mensaje ($.ct); vacío no envía ninguno</translation>
    </message>
    <message>
        <source>name=value, one per line</source>
        <translation>nombre=valor, uno por línea</translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>Tipo de contenido:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Mensaje:</translation>
    </message>
    <message>
        <source>Application properties:</source>
        <translation>Propiedades de aplicación:</translation>
    </message>
    <message>
        <source>The classic shadow</source>
        <translation>La sombra clásica</translation>
    </message>
    <message>
        <source>&amp;Get Shadow</source>
        <translation>&amp;Obtener sombra</translation>
    </message>
    <message>
        <source>A JSON object, sent as {&quot;state&quot;: {&quot;reported&quot;: …}}</source>
        <translation>Un objeto JSON, enviado como {&quot;state&quot;: {&quot;reported&quot;: …}}</translation>
    </message>
    <message>
        <source>Shadow name:</source>
        <translation>Nombre de la sombra:</translation>
    </message>
    <message>
        <source>Reported state (JSON):</source>
        <translation>Estado notificado (JSON):</translation>
    </message>
    <message>
        <source>0 (at most once)</source>
        <translation>0 (como mucho una vez)</translation>
    </message>
    <message>
        <source>1 (at least once)</source>
        <translation>1 (al menos una vez)</translation>
    </message>
    <message>
        <source>&amp;Reply to Selected</source>
        <translation>&amp;Responder a la seleccionada</translation>
    </message>
    <message>
        <source>Fill the topic and payload with a reply to the command request selected in the log</source>
        <translation>Rellenar el tema y el contenido con una respuesta a la solicitud de comando seleccionada en el registro</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS:</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Contenido:</translation>
    </message>
    <message>
        <source>The connection could not be started.</source>
        <translation>No se pudo iniciar la conexión.</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>No conectado: %1</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2…</source>
        <translation>Conectando a %1 como %2…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Conectado a %1 como %2</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconectando a %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1… (%2)</source>
        <translation>Reconectando a %1… (%2)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Desconectado: %1</translation>
    </message>
    <message>
        <source>token valid until %1</source>
        <translation>token válido hasta las %1</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>Device Workbench: %1</source>
        <translation>Banco de trabajo del dispositivo: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>seconds a method call has waited</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>None (a note about the connection)</source>
        <translation>Ninguno (una nota sobre la conexión)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>(The log keeps the first %L1 bytes of a message.)</source>
        <translation>(El registro guarda los primeros %L1 bytes de un mensaje.)</translation>
    </message>
    <message>
        <source>Choose the method call to answer.</source>
        <translation>Elija la llamada a método que responder.</translation>
    </message>
    <message>
        <source>Answered %1 (request %2) with status %3.</source>
        <translation>Respondido %1 (solicitud %2) con estado %3.</translation>
    </message>
    <message>
        <source>Twin requested (request %1); it shows here when IoT Hub answers.</source>
        <translation>Gemelo solicitado (solicitud %1); aparece aquí cuando IoT Hub responde.</translation>
    </message>
    <message>
        <source>Reported properties sent (request %1); the twin shows them once IoT Hub accepts them.</source>
        <translation>Propiedades notificadas enviadas (solicitud %1); el gemelo las muestra cuando IoT Hub las acepta.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Device-to-cloud message sent with %n properties.</source>
        <translation>
            <numerusform>Mensaje del dispositivo a la nube enviado con %n propiedad.</numerusform>
            <numerusform>Mensaje del dispositivo a la nube enviado con %n propiedades.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shadow requested; the answer shows in the log.</source>
        <translation>Sombra solicitada; la respuesta aparece en el registro.</translation>
    </message>
    <message>
        <source>Reported state sent; the answer shows in the log.</source>
        <translation>Estado notificado enviado; la respuesta aparece en el registro.</translation>
    </message>
    <message>
        <source>Published on %1 (QoS %2).</source>
        <translation>Publicado en %1 (QoS %2).</translation>
    </message>
    <message>
        <source>Select a command request in the log to reply to it.</source>
        <translation>Seleccione una solicitud de comando en el registro para responderla.</translation>
    </message>
    <message>
        <source>A reply is ready below; press Send to publish it.</source>
        <translation>Hay una respuesta lista abajo; pulse Enviar para publicarla.</translation>
    </message>
    <message>
        <source>New identity</source>
        <translation>Nueva identidad</translation>
    </message>
    <message>
        <source>Give the identity a name.</source>
        <translation>Dé un nombre a la identidad.</translation>
    </message>
    <message>
        <source>A name cannot hold &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Un nombre no puede contener &apos;/&apos; ni &apos;\&apos;.</translation>
    </message>
    <message>
        <source>The identity could not be written to the settings file %1.</source>
        <translation>No se pudo escribir la identidad en el archivo de ajustes %1.</translation>
    </message>
    <message>
        <source>The identity &quot;%1&quot; is saved without its connection string: %2 The connection string is kept nowhere else; paste it again next time.</source>
        <translation>La identidad &quot;%1&quot; se guardó sin su cadena de conexión: %2 La cadena de conexión no se guarda en ningún otro sitio; péguela de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>The identity &quot;%1&quot; is saved without its password: %2 The password is kept nowhere else; type it again next time.</source>
        <translation>La identidad &quot;%1&quot; se guardó sin su contraseña: %2 La contraseña no se guarda en ningún otro sitio; escríbala de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; its connection string is in the system keychain.</source>
        <translation>Se guardó &quot;%1&quot;; su cadena de conexión está en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; its password, if any, is in the system keychain.</source>
        <translation>Se guardó &quot;%1&quot;; su contraseña, si la tiene, está en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; could not be read from the keychain: %2</source>
        <translation>No se pudo leer del llavero el secreto de &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; loaded, its secret from the system keychain.</source>
        <translation>&quot;%1&quot; cargada, su secreto desde el llavero del sistema.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; loaded; the keychain holds no secret for it.</source>
        <translation>&quot;%1&quot; cargada; el llavero no guarda ningún secreto para ella.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is forgotten, but its secret is still in the keychain: %2</source>
        <translation>&quot;%1&quot; se olvidó, pero su secreto sigue en el llavero: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and its secret are forgotten.</source>
        <translation>&quot;%1&quot; y su secreto se olvidaron.</translation>
    </message>
    <message>
        <source>Save Identity</source>
        <translation>Guardar identidad</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Replace the saved identity &quot;%1&quot;?</source>
        <translation>¿Reemplazar la identidad guardada &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>Forget Identity</source>
        <translation>Olvidar identidad</translation>
    </message>
    <message>
        <source>Forget &quot;%1&quot; and its secret in the keychain?</source>
        <translation>¿Olvidar &quot;%1&quot; y su secreto en el llavero?</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Archivos PEM (*.pem *.crt *.cer *.key);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::ApprovalsCommand</name>
    <message>
        <source>approvals list|approve ID|reject ID  the shared approval queue</source>
        <translation>approvals list|approve ID|reject ID  la cola de aprobaciones compartida</translation>
    </message>
    <message>
        <source>The approval queue every console on the broker shares (docs/approvals.md).

  list            pending requests: id, requester, device, command, expiry (--all: decided too)
  approve ID      approve another user&apos;s request; the requester&apos;s console sends the command
  reject ID       reject it (--reason is required)

Your identity is your MQTT username (--username): the broker&apos;s ACL lets you decide only in your own name, and nobody can approve their own request. With --wait, approve and reject wait for the requester&apos;s console to publish the outcome.

Exit status: 0 done; 1 refused (unknown, decided or expired request, your own request, or the outcome differs from your decision); 2 usage error; 3 broker connection; 4 --timeout passed.</source>
        <translation>La cola de aprobaciones que comparten todas las consolas del bróker (docs/approvals.md).

  list            solicitudes pendientes: ID, solicitante, dispositivo, comando, caducidad (--all: también las decididas)
  approve ID      aprueba la solicitud de otro usuario; la consola del solicitante envía el comando
  reject ID       la rechaza (--reason es obligatorio)

Su identidad es su nombre de usuario MQTT (--username): la ACL del bróker solo le permite decidir en su propio nombre, y nadie puede aprobar su propia solicitud. Con --wait, approve y reject esperan a que la consola del solicitante publique el resultado.

Estado de salida: 0 hecho; 1 rechazado (solicitud desconocida, ya decidida o caducada, su propia solicitud, o el resultado difiere de su decisión); 2 error de uso; 3 conexión con el bróker; 4 se superó --timeout.</translation>
    </message>
    <message>
        <source>Why (shown to the requester; required to reject).</source>
        <translation>Motivo (se muestra al solicitante; obligatorio para rechazar).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>list: decided, expired and withdrawn requests too.</source>
        <translation>list: también las solicitudes decididas, caducadas y retiradas.</translation>
    </message>
    <message>
        <source>approve, reject: wait for the outcome.</source>
        <translation>approve, reject: esperar el resultado.</translation>
    </message>
    <message>
        <source>list, approve or reject.</source>
        <translation>list, approve o reject.</translation>
    </message>
    <message>
        <source>The request&apos;s id (the command&apos;s tid).</source>
        <translation>El ID de la solicitud (el tid del comando).</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: expected list, approve or reject.</source>
        <translation>Acción desconocida &quot;%1&quot;: se esperaba list, approve o reject.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 needs exactly one request id.</source>
        <translation>%1 requiere exactamente un ID de solicitud.</translation>
    </message>
    <message>
        <source>reject needs --reason: the requester should know why.</source>
        <translation>reject requiere --reason: el solicitante debe saber por qué.</translation>
    </message>
    <message>
        <source>  expires %1</source>
        <translation>  caduca el %1</translation>
    </message>
    <message>
        <source>  by %1</source>
        <translation>  por %1</translation>
    </message>
    <message>
        <source>fleetctl: the approval queue is empty.</source>
        <translation>fleetctl: la cola de aprobaciones está vacía.</translation>
    </message>
    <message>
        <source>fleetctl: nothing waits for approval.</source>
        <translation>fleetctl: no hay nada pendiente de aprobación.</translation>
    </message>
    <message>
        <source>approved %1</source>
        <translation>solicitud %1 aprobada</translation>
    </message>
    <message>
        <source>rejected %1</source>
        <translation>solicitud %1 rechazada</translation>
    </message>
    <message>
        <source>outcome: %1%2</source>
        <translation>resultado: %1%2</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> por %1</translation>
    </message>
    <message>
        <source>The broker refused the decision: %1 (only an approver&apos;s account may decide).</source>
        <translation>El bróker rechazó la decisión: %1 (solo la cuenta de un aprobador puede decidir).</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::AuditCommand</name>
    <message>
        <source>audit                              fleet-hub&apos;s audit log: who did what at the command gate</source>
        <translation>audit                              registro de auditoría de fleet-hub: quién hizo qué en la pasarela de comandos</translation>
    </message>
    <message>
        <source>fleet-hub&apos;s audit log, read through the broker: every step of the command gate (relayed, held, refused, approved, rejected, sent, expired, …), oldest first, with the time (local), the actor, the action, the request (requester/id), the topic and the detail.

Your identity is your MQTT username (--username): the broker lets operators, approvers and monitors read the log, devices not. The filters are applied by the gate; they are exact matches.

Exit status: 0 done; 1 no fleet-hub gate on this broker, or the gate refused the query; 2 usage error; 3 broker connection; 4 the gate did not answer within --timeout (is fleet-hub running?).</source>
        <translation>Registro de auditoría de fleet-hub, leído a través del bróker: cada paso de la pasarela de comandos (relayed, held, refused, approved, rejected, sent, expired, …), del más antiguo al más reciente, con la hora (local), el autor, la acción, la solicitud (solicitante/ID), el tema y el detalle.

Su identidad es su nombre de usuario MQTT (--username): el bróker permite leer el registro a las cuentas operator, approver y monitor, pero no a los dispositivos. Los filtros los aplica la pasarela; son coincidencias exactas.

Estado de salida: 0 hecho; 1 no hay pasarela de fleet-hub en este bróker, o la pasarela rechazó la consulta; 2 error de uso; 3 conexión con el bróker; 4 la pasarela no respondió en el plazo de --timeout (¿se está ejecutando fleet-hub?).</translation>
    </message>
    <message>
        <source>Print each entry as one JSON object per line: seq, time (ms since the epoch), actor, action, requester, id, topic, detail.</source>
        <translation>Imprimir cada entrada como un objeto JSON por línea: seq, time (ms desde el epoch), actor, action, requester, id, topic, detail.</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker, and for each answer of the gate (default 10).</source>
        <translation>Segundos de espera para el bróker y para cada respuesta de la pasarela (predeterminado: 10).</translation>
    </message>
    <message>
        <source>Only the entries about requests of this account.</source>
        <translation>Solo las entradas sobre solicitudes de esta cuenta.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <source>Only what this account did (&quot;gate&quot;: what the gate did itself).</source>
        <translation>Solo lo que hizo esta cuenta (&quot;gate&quot;: lo que hizo la propia pasarela).</translation>
    </message>
    <message>
        <source>Only the entries of this request id (the command&apos;s tid).</source>
        <translation>Solo las entradas de este ID de solicitud (el tid del comando).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Only entries from this time on: an ISO 8601 time (2024-05-01T12:00:00, local time unless it has an offset) or a duration back from now (90s, 30m, 1h, 2d, 1w, 1h30m).</source>
        <translation>Solo las entradas a partir de este momento: una hora ISO 8601 (2024-05-01T12:00:00, hora local salvo que indique un desfase horario) o una duración hacia atrás desde ahora (90s, 30m, 1h, 2d, 1w, 1h30m).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>HORA</translation>
    </message>
    <message>
        <source>Only entries after this sequence number (where an earlier run said to go on).</source>
        <translation>Solo las entradas posteriores a este número de secuencia (donde una ejecución anterior indicó continuar).</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>SEQ</translation>
    </message>
    <message>
        <source>How many entries to print at most (default 200).</source>
        <translation>Cuántas entradas imprimir como máximo (predeterminado: 200).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--limit: expected a whole number from 1 to %1.</source>
        <translation>--limit: se esperaba un número entero de 1 a %1.</translation>
    </message>
    <message>
        <source>--after: expected a sequence number, 0 or more.</source>
        <translation>--after: se esperaba un número de secuencia, 0 o más.</translation>
    </message>
    <message>
        <source>--since: expected an ISO 8601 time such as 2024-05-01T12:00:00, or a duration such as 30m, 1h or 2d, not &quot;%1&quot;.</source>
        <translation>--since: se esperaba una hora ISO 8601 como 2024-05-01T12:00:00, o una duración como 30m, 1h o 2d, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>no fleet-hub gate on this broker: there is no audit log to read</source>
        <translation>no hay pasarela de fleet-hub en este bróker: no hay registro de auditoría que leer</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>AUTOR</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACCIÓN</translation>
    </message>
    <message>
        <source>REQUEST</source>
        <translation>SOLICITUD</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>TEMA</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETALLE</translation>
    </message>
    <message>
        <source>fleetctl: no audit entries match.</source>
        <translation>fleetctl: ninguna entrada de auditoría coincide.</translation>
    </message>
    <message>
        <source>fleetctl: more entries follow: --after %1 reads on.</source>
        <translation>fleetctl: hay más entradas: --after %1 sigue leyendo.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::AzureCommand</name>
    <message>
        <source>twin get|update DEVICE …   read an Azure device twin, or change its desired properties</source>
        <translation>twin get|update DEVICE …   lee el gemelo (twin) de un dispositivo Azure, o cambia sus propiedades deseadas</translation>
    </message>
    <message>
        <source>method DEVICE NAME …      call an Azure device&apos;s direct method</source>
        <translation>method DEVICE NAME …      llama a un método directo de un dispositivo Azure</translation>
    </message>
    <message>
        <source>c2d DEVICE PAYLOAD …       send an Azure device a cloud-to-device message</source>
        <translation>c2d DEVICE PAYLOAD …       envía a un dispositivo Azure un mensaje de la nube al dispositivo</translation>
    </message>
    <message>
        <source>Calls a direct method of an Azure IoT Hub device through fleet-hub, like IoT Hub&apos;s &quot;invoke device method&quot;: the device answers with a status and a JSON body.

The call goes through fleet-hub&apos;s command gate: a method named like a sensitive catalog command (reboot, set_position, …), or one the catalog does not name, is held until another person approves it. --payload is the method&apos;s JSON argument (default null). --timeout is how long the device has to answer, from 5 to 300 seconds (default 30); fleet-hub answers 504 when it does not, and 404 at once when the device is not connected.

Exit status: 0 the device answered 2xx (or, without --wait, the call was submitted); 1 the hub refused the call (400, 403, 429); 2 usage error; 3 cannot connect; 4 no answer in time; 5 the device answered another status; 6 the device is not connected (404) or did not answer (504); 7 the gate refused it, or an approver rejected it; 8 still held for an approval when fleetctl stopped waiting.</source>
        <translation>Llama a un método directo de un dispositivo de Azure IoT Hub a través de fleet-hub, como el &quot;invoke device method&quot; de IoT Hub: el dispositivo responde con un estado y un cuerpo JSON.

La llamada pasa por la pasarela de comandos de fleet-hub: un método con el nombre de un comando sensible del catálogo (reboot, set_position, …), o uno que el catálogo no nombra, queda retenido hasta que otra persona lo apruebe. --payload es el argumento JSON del método (predeterminado: null). --timeout es el tiempo que tiene el dispositivo para responder, de 5 a 300 segundos (predeterminado: 30); fleet-hub responde 504 cuando no lo hace, y 404 de inmediato cuando el dispositivo no está conectado.

Estado de salida: 0 el dispositivo respondió 2xx (o, sin --wait, la llamada se remitió); 1 el hub rechazó la llamada (400, 403, 429); 2 error de uso; 3 no se puede conectar; 4 sin respuesta a tiempo; 5 el dispositivo respondió con otro estado; 6 el dispositivo no está conectado (404) o no respondió (504); 7 la pasarela la rechazó, o un aprobador la rechazó; 8 seguía retenida para aprobación cuando fleetctl dejó de esperar.</translation>
    </message>
    <message>
        <source>Sends an Azure IoT Hub device a cloud-to-device message through fleet-hub&apos;s command gate, which holds it for an approval when its catalog holds free-form requests sensitive (the default). The message reaches the device on devices/DEVICE/messages/devicebound/ with its properties (percent-encoded, as IoT Hub writes them), at QoS 1: a device that is offline with a persistent session gets it when it comes back, unless --expiry passed.

PAYLOAD is the message&apos;s text, or - to read it from standard input. --property K=V adds an application property (repeatable); --message-id, --correlation-id, --content-type and --content-encoding set the system properties $.mid, $.cid, $.ct and $.ce.

Exit status: 0 sent (or, without --wait, submitted); 2 usage error; 3 cannot connect; 4 not seen on the broker in time; 7 the gate refused it, or an approver rejected it.</source>
        <translation>Envía a un dispositivo de Azure IoT Hub un mensaje de la nube al dispositivo a través de la pasarela de comandos de fleet-hub, que lo retiene hasta una aprobación cuando su catálogo considera sensibles las solicitudes libres (el valor predeterminado). El mensaje llega al dispositivo en devices/DEVICE/messages/devicebound/ con sus propiedades (con codificación porcentual, como las escribe IoT Hub), con QoS 1: un dispositivo que está fuera de línea con una sesión persistente lo recibe cuando vuelve, salvo que haya vencido --expiry.

PAYLOAD es el texto del mensaje, o - para leerlo de la entrada estándar. --property K=V añade una propiedad de aplicación (repetible); --message-id, --correlation-id, --content-type y --content-encoding fijan las propiedades del sistema $.mid, $.cid, $.ct y $.ce.

Estado de salida: 0 enviado (o, sin --wait, remitido); 2 error de uso; 3 no se puede conectar; 4 no visto en el bróker a tiempo; 7 la pasarela lo rechazó, o un aprobador lo rechazó.</translation>
    </message>
    <message>
        <source>Print the result as one JSON document.</source>
        <translation>Imprimir el resultado como un único documento JSON.</translation>
    </message>
    <message>
        <source>How long the device has to answer, 5 to 300 seconds (default 30); fleetctl waits %1 s more for fleet-hub&apos;s answer or an approval.</source>
        <translation>Tiempo que tiene el dispositivo para responder, de 5 a 300 segundos (predeterminado: 30); fleetctl espera %1 s más la respuesta de fleet-hub o una aprobación.</translation>
    </message>
    <message>
        <source>Refuse the update unless desired is at this $version.</source>
        <translation>Rechazar la actualización salvo que las propiedades deseadas estén en esta $version.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Wait for an approval when the gate holds the update.</source>
        <translation>Esperar una aprobación cuando la pasarela retiene la actualización.</translation>
    </message>
    <message>
        <source>get or update.</source>
        <translation>get o update.</translation>
    </message>
    <message>
        <source>The Azure device id.</source>
        <translation>El ID del dispositivo Azure.</translation>
    </message>
    <message>
        <source>update: the desired patch as a JSON object, or -.</source>
        <translation>update: el parche de las propiedades deseadas como objeto JSON, o -.</translation>
    </message>
    <message>
        <source>The method&apos;s JSON argument (default null).</source>
        <translation>El argumento JSON del método (predeterminado: null).</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Wait for the device&apos;s answer (and an approval, when the gate holds the call).</source>
        <translation>Esperar la respuesta del dispositivo (y una aprobación, cuando la pasarela retiene la llamada).</translation>
    </message>
    <message>
        <source>The method&apos;s name.</source>
        <translation>El nombre del método.</translation>
    </message>
    <message>
        <source>An application property (repeatable).</source>
        <translation>Una propiedad de aplicación (repetible).</translation>
    </message>
    <message>
        <source>K=V</source>
        <translation>K=V</translation>
    </message>
    <message>
        <source>The message id ($.mid; default: a new id).</source>
        <translation>El ID del mensaje ($.mid; predeterminado: un ID nuevo).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The correlation id ($.cid).</source>
        <translation>El ID de correlación ($.cid).</translation>
    </message>
    <message>
        <source>The content type ($.ct), e.g. application/json.</source>
        <translation>El tipo de contenido ($.ct), p. ej., application/json.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>The content encoding ($.ce), e.g. utf-8.</source>
        <translation>La codificación del contenido ($.ce), p. ej., utf-8.</translation>
    </message>
    <message>
        <source>ENCODING</source>
        <translation>CODIFICACIÓN</translation>
    </message>
    <message>
        <source>Drop the message if the device has not taken it within S seconds.</source>
        <translation>Descartar el mensaje si el dispositivo no lo ha recogido en S segundos.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Wait until the message is on the broker (and approved, when the gate holds it).</source>
        <translation>Esperar hasta que el mensaje esté en el bróker (y aprobado, cuando la pasarela lo retiene).</translation>
    </message>
    <message>
        <source>The message&apos;s text, or -.</source>
        <translation>El texto del mensaje, o -.</translation>
    </message>
    <message>
        <source>Expected get or update, not &quot;%1&quot;.</source>
        <translation>Se esperaba get o update, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Missing the device id.</source>
        <translation>Falta el ID del dispositivo.</translation>
    </message>
    <message>
        <source>get takes a device id only.</source>
        <translation>get solo admite un ID de dispositivo.</translation>
    </message>
    <message>
        <source>update takes a device id and the desired patch.</source>
        <translation>update admite un ID de dispositivo y el parche de las propiedades deseadas.</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object such as {&quot;fan&quot;: 2}, or null.</source>
        <translation>DESIRED debe ser un objeto JSON como {&quot;fan&quot;: 2}, o null.</translation>
    </message>
    <message>
        <source>--version: expected a whole number from 1.</source>
        <translation>--version: se esperaba un número entero a partir de 1.</translation>
    </message>
    <message>
        <source>Expected DEVICE NAME.</source>
        <translation>Se esperaba DEVICE NAME.</translation>
    </message>
    <message>
        <source>--payload must be JSON, e.g. &apos;{&quot;delay&quot;: 5}&apos;.</source>
        <translation>--payload debe ser JSON, p. ej., &apos;{&quot;delay&quot;: 5}&apos;.</translation>
    </message>
    <message>
        <source>--timeout: expected seconds from 5 to 300 for a direct method.</source>
        <translation>--timeout: se esperaban segundos, de 5 a 300, para un método directo.</translation>
    </message>
    <message>
        <source>Expected DEVICE PAYLOAD.</source>
        <translation>Se esperaba DEVICE PAYLOAD.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>No se puede leer la entrada estándar.</translation>
    </message>
    <message>
        <source>The payload is larger than %1 bytes, what fleet-hub&apos;s gate takes.</source>
        <translation>La carga útil supera los %1 bytes, el máximo que admite la pasarela de fleet-hub.</translation>
    </message>
    <message>
        <source>--property: expected K=V, not &quot;%1&quot;.</source>
        <translation>--property: se esperaba K=V, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--expiry: expected whole seconds from 1.</source>
        <translation>--expiry: se esperaban segundos enteros a partir de 1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: desired properties accepted, $version %2</source>
        <translation>%1: propiedades deseadas aceptadas, $version %2</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4</source>
        <translation>%1: %3 %4 {1 %2:?}</translation>
    </message>
    <message>
        <source>%1: message %2 sent</source>
        <translation>%1: mensaje %2 enviado</translation>
    </message>
    <message>
        <source>%1 is still held for an approval.</source>
        <translation>%1 sigue retenido para aprobación.</translation>
    </message>
    <message>
        <source>No answer from fleet-hub about %1.</source>
        <translation>Sin respuesta de fleet-hub sobre %1.</translation>
    </message>
    <message>
        <source>%1: submitted as %2</source>
        <translation>%1: remitido como %2</translation>
    </message>
    <message>
        <source>fleetctl: %1 is held for an approval: %2</source>
        <translation>fleetctl: %1 está retenido para aprobación: %2</translation>
    </message>
    <message>
        <source>fleetctl: %1 was approved (%2).</source>
        <translation>fleetctl: %1 fue aprobado (%2).</translation>
    </message>
    <message>
        <source>%1 was %2 by the gate: %3</source>
        <translation>%1: la pasarela respondió %2: %3</translation>
    </message>
    <message>
        <source>%1: desired properties accepted, $version %2 (rollback entry %3)</source>
        <translation>%1: propiedades deseadas aceptadas, $version %2 (entrada de reversión %3)</translation>
    </message>
    <message>
        <source>Reads an Azure IoT Hub device twin that fleet-hub keeps, or changes its desired properties:

  get DEVICE                       the twin: desired and reported properties with their $version,
                                   and whether the device is connected
  update DEVICE DESIRED            a patch of the desired properties, a JSON object (null removes
                                   a key) or - to read it from standard input

An update goes through fleet-hub&apos;s command gate: a key its catalog lists as sensitive is held until another person approves it (--wait waits for that). --version N refuses the change (412) unless the desired properties are still at $version N. The device hears the change at once when it is connected, or reads it when it comes back. The twin is read first, so that the change, once accepted, goes into the rollback history with the properties it replaced (fleetctl rollback ID undoes it); a held change is recorded only with --wait.

Exit status: 0 read, or accepted (or held for approval, without --wait); 1 the hub refused it (unknown device, a broken rule, a stale --version); 2 usage error; 3 cannot connect; 4 no answer in time; 7 the gate refused it, or an approver rejected it.</source>
        <translation>Lee el gemelo (twin) de un dispositivo de Azure IoT Hub que guarda fleet-hub, o cambia sus propiedades deseadas:

  get DEVICE                       el gemelo: propiedades deseadas y notificadas con su $version,
                                   y si el dispositivo está conectado
  update DEVICE DESIRED            un parche de las propiedades deseadas, un objeto JSON (null elimina
                                   una clave) o - para leerlo de la entrada estándar

Una actualización pasa por la pasarela de comandos de fleet-hub: una clave que su catálogo marca como sensible queda retenida hasta que otra persona la apruebe (--wait espera a que ocurra). --version N rechaza el cambio (412) salvo que las propiedades deseadas sigan en la $version N. El dispositivo recibe el cambio de inmediato si está conectado, o lo lee cuando vuelve. El gemelo se lee primero, para que el cambio, una vez aceptado, entre en el historial de reversión con las propiedades que reemplazó (fleetctl rollback ID lo deshace); un cambio retenido solo se registra con --wait.

Estado de salida: 0 leído, o aceptado (o retenido para aprobación, sin --wait); 1 el hub lo rechazó (dispositivo desconocido, una regla incumplida, un --version obsoleto); 2 error de uso; 3 no se puede conectar; 4 sin respuesta a tiempo; 7 la pasarela lo rechazó, o un aprobador lo rechazó.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::CtlCommand</name>
    <message>
        <source>Gave up after %1 s (--timeout).</source>
        <translation>Abandonado tras %1 s (--timeout).</translation>
    </message>
    <message>
        <source>No answer from the broker at %1 within %2 s.</source>
        <translation>El bróker en %1 no respondió en %2 s.</translation>
    </message>
    <message>
        <source>Print results as JSON, one document per line.</source>
        <translation>Imprimir los resultados como JSON, un documento por línea.</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker and for the outcome (default 30).</source>
        <translation>Segundos de espera para el bróker y para el resultado (predeterminado: 30).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>The command ledger (default: %1, shared with the console).</source>
        <translation>El registro de comandos (predeterminado: %1, compartido con la consola).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>The command catalog (default: the built-in one, fleet-sim&apos;s commands).</source>
        <translation>El catálogo de comandos (predeterminado: el integrado, con los comandos de fleet-sim).</translation>
    </message>
    <message>
        <source>--timeout: expected seconds, more than 0 and at most 86400.</source>
        <translation>--timeout: se esperaban segundos, más de 0 y como máximo 86400.</translation>
    </message>
    <message>
        <source>Try &apos;fleetctl %1 --help&apos;.</source>
        <translation>Pruebe &apos;fleetctl %1 --help&apos;.</translation>
    </message>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>Se cerró la conexión con %1.</translation>
    </message>
    <message>
        <source>fleetctl: the connection to %1 was lost (%2); reconnecting…</source>
        <translation>fleetctl: se perdió la conexión con %1 (%2); reconectando…</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>fleetctl: reconnected to %1.</source>
        <translation>fleetctl: reconectado a %1.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::DevicesCommand</name>
    <message>
        <source>devices                            the fleet: connectivity, last seen, groups, shadow</source>
        <translation>devices                            la flota: conectividad, visto por última vez, grupos, sombra</translation>
    </message>
    <message>
        <source>Lists the devices the broker knows of: retained presence (presence/ID), then telemetry, command replies and shadow traffic heard within --listen seconds, as the console&apos;s device table does. --import adds a device list (a JSON array of {&quot;id&quot;, &quot;groups&quot;} or one id per line). Columns: id, connectivity, since, last seen, groups, shadow (in sync, or how many desired keys differ).</source>
        <translation>Lista los dispositivos que conoce el bróker: la presencia retenida (presence/ID) y, después, la telemetría, las respuestas a comandos y el tráfico de sombras recibidos durante --listen segundos, como hace la tabla de dispositivos de la consola. --import añade una lista de dispositivos (un array JSON de {&quot;id&quot;, &quot;groups&quot;} o un ID por línea). Columnas: ID, conectividad, desde, visto por última vez, grupos, sombra (sincronizada, o cuántas claves deseadas difieren).</translation>
    </message>
    <message>
        <source>Seconds to listen for traffic after the retained messages (default 1).</source>
        <translation>Segundos de escucha del tráfico tras los mensajes retenidos (predeterminado: 1).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>A device list to add.</source>
        <translation>Una lista de dispositivos que añadir.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Only ids containing TEXT.</source>
        <translation>Solo los ID que contienen TEXTO.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>Only members of GROUP.</source>
        <translation>Solo los miembros de GRUPO.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GRUPO</translation>
    </message>
    <message>
        <source>Only online, offline or unknown devices.</source>
        <translation>Solo los dispositivos en estado online, offline o unknown.</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--listen: expected seconds, 0 to 3600.</source>
        <translation>--listen: se esperaban segundos, de 0 a 3600.</translation>
    </message>
    <message>
        <source>--connectivity: expected online, offline or unknown.</source>
        <translation>--connectivity: se esperaba online, offline o unknown.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleet::ctl::RollbackCommand</name>
    <message>
        <source>rollback list [DEVICE] | rollback ID  the change history, and undoing one change</source>
        <translation>rollback list [DEVICE] | rollback ID  el historial de cambios y la reversión de un cambio</translation>
    </message>
    <message>
        <source>Wait for the inverse command&apos;s verdict.</source>
        <translation>Esperar el veredicto del comando inverso.</translation>
    </message>
    <message>
        <source>list [DEVICE], or an entry&apos;s id.</source>
        <translation>list [DEVICE], o el ID de una entrada.</translation>
    </message>
    <message>
        <source>Missing list or an entry&apos;s id.</source>
        <translation>Falta list o el ID de una entrada.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry id (see &apos;fleetctl rollback list&apos;).</source>
        <translation>&quot;%1&quot; no es un ID de entrada (véase &apos;fleetctl rollback list&apos;).</translation>
    </message>
    <message>
        <source>There is no rollback entry %1 in the ledger %2.</source>
        <translation>No hay ninguna entrada de reversión %1 en el registro %2.</translation>
    </message>
    <message>
        <source>rolled back entry %1: desired %2 (version %3)</source>
        <translation>entrada %1 revertida: deseado %2 (versión %3)</translation>
    </message>
    <message>
        <source>command %1 %2 (before: %3)</source>
        <translation>comando %1 %2 (antes: %3)</translation>
    </message>
    <message>
        <source>desired %1 -&gt; %2</source>
        <translation>deseado %1 -&gt; %2</translation>
    </message>
    <message>
        <source>  (rolled back by %1)</source>
        <translation>  (revertida por %1)</translation>
    </message>
    <message>
        <source>rolling back entry %1: %2</source>
        <translation>revirtiendo la entrada %1: %2</translation>
    </message>
    <message>
        <source>Every change made from the console or fleetctl that can be undone is in the ledger&apos;s rollback history: desired-state updates (before and after) and commands whose catalog entry has an inverse (with the reported state captured before they ran).

  list [DEVICE]   the history, oldest first: id, time, device, what changed, and whether it was rolled back
  ID              undo entry ID: the previous desired values (keys that were added removed), or the command&apos;s inverse, sent and tracked like any command (approved first when sensitive); a desired batch (&apos;fleetctl shadow update --group&apos;) restores every device&apos;s previous values, one line per device, and leaves alone (and reports) a device whose desired state changed since in a key the batch set; rolling it back again retries the devices that failed

Exit status: as `fleetctl send` (with --wait, the verdict of the inverse command); 1 for an unknown entry, one already rolled back, or one that cannot be undone.</source>
        <translation>Todo cambio hecho desde la consola o fleetctl que se puede deshacer está en el historial de reversión del registro: las actualizaciones del estado deseado (antes y después) y los comandos cuya entrada del catálogo tiene un inverso (con el estado notificado capturado antes de su ejecución).

  list [DEVICE]   el historial, del más antiguo al más reciente: ID, hora, dispositivo, qué cambió y si se revirtió
  ID              deshace la entrada ID: los valores deseados anteriores (las claves que se añadieron se eliminan), o el inverso del comando, enviado y seguido como cualquier comando (aprobado primero si es sensible); un lote del estado deseado (&apos;fleetctl shadow update --group&apos;) restaura los valores anteriores de cada dispositivo, una línea por dispositivo, y deja tal cual (e informa de ello) un dispositivo cuyo estado deseado cambió desde entonces en una clave que fijó el lote; revertirlo de nuevo reintenta los dispositivos que fallaron

Estado de salida: como `fleetctl send` (con --wait, el veredicto del comando inverso); 1 para una entrada desconocida, ya revertida o que no se puede deshacer.</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
    <message>
        <source>[%1/%2] %3: %4</source>
        <translation>[%1/%2] %3: %4</translation>
    </message>
    <message>
        <source>rolled back entry %1</source>
        <translation>entrada %1 revertida</translation>
    </message>
    <message>
        <source>entry %1 is rolled back in part: %2 (&apos;fleetctl rollback %1&apos; tries the remaining devices again)</source>
        <translation>la entrada %1 está revertida en parte: %2 (&apos;fleetctl rollback %1&apos; vuelve a intentarlo con los dispositivos restantes)</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n dispositivo</numerusform>
            <numerusform>%n dispositivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n devices (%1)</source>
        <translation>
            <numerusform>%n dispositivo (%1)</numerusform>
            <numerusform>%n dispositivos (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>desired %1</source>
        <translation>deseado %1</translation>
    </message>
    <message>
        <source>entry %1: restoring it is held for an approval (%2)</source>
        <translation>entrada %1: su restauración está retenida hasta una aprobación (%2)</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::SendCommand</name>
    <message>
        <source>send TARGET COMMAND [NAME=VALUE…]  send a tracked command (--raw, --group, --wait)</source>
        <translation>send TARGET COMMAND [NAME=VALUE…]  envía un comando con seguimiento (--raw, --group, --wait)</translation>
    </message>
    <message>
        <source>Send to a group&apos;s topic: every member answers on its own.</source>
        <translation>Enviar al tema de un grupo: cada miembro responde por su cuenta.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GRUPO</translation>
    </message>
    <message>
        <source>Send this payload verbatim to TARGET instead of a catalog command.</source>
        <translation>Enviar esta carga útil tal cual a TARGET en lugar de un comando del catálogo.</translation>
    </message>
    <message>
        <source>PAYLOAD</source>
        <translation>CARGA</translation>
    </message>
    <message>
        <source>The command&apos;s parameters as a JSON object.</source>
        <translation>Los parámetros del comando como objeto JSON.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Wait for every verdict (see --timeout).</source>
        <translation>Esperar todos los veredictos (véase --timeout).</translation>
    </message>
    <message>
        <source>A device id, or ids separated by commas.</source>
        <translation>Un ID de dispositivo, o varios ID separados por comas.</translation>
    </message>
    <message>
        <source>The catalog command.</source>
        <translation>El comando del catálogo.</translation>
    </message>
    <message>
        <source>NAME=VALUE pairs.</source>
        <translation>Pares NAME=VALUE.</translation>
    </message>
    <message>
        <source>--raw goes to one device, not to a group.</source>
        <translation>--raw se envía a un dispositivo, no a un grupo.</translation>
    </message>
    <message>
        <source>--group needs a group name.</source>
        <translation>--group requiere un nombre de grupo.</translation>
    </message>
    <message>
        <source>Missing the target device.</source>
        <translation>Falta el dispositivo de destino.</translation>
    </message>
    <message>
        <source>--raw goes to exactly one device.</source>
        <translation>--raw se envía a exactamente un dispositivo.</translation>
    </message>
    <message>
        <source>--raw takes no command or parameters; unexpected &quot;%1&quot;.</source>
        <translation>--raw no admite comando ni parámetros; &quot;%1&quot; inesperado.</translation>
    </message>
    <message>
        <source>--raw needs a payload.</source>
        <translation>--raw requiere una carga útil.</translation>
    </message>
    <message>
        <source>Missing the command (one of: %1).</source>
        <translation>Falta el comando (uno de: %1).</translation>
    </message>
    <message>
        <source>--params must be a JSON object such as {&quot;position&quot;: 40}.</source>
        <translation>--params debe ser un objeto JSON como {&quot;position&quot;: 40}.</translation>
    </message>
    <message>
        <source>Expected NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>Se esperaba NAME=VALUE, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>broadcast %1</source>
        <translation>difusión %1</translation>
    </message>
    <message>
        <source>Command %1 is not in the ledger.</source>
        <translation>El comando %1 no está en el registro.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) answered</source>
        <translation>
            <numerusform>%n dispositivo respondió</numerusform>
            <numerusform>%n dispositivos respondieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  (%n attempt(s))</source>
        <translation>
            <numerusform>  (%n intento)</numerusform>
            <numerusform>  (%n intentos)</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 ms</source>
        <translation>  %1 ms</translation>
    </message>
    <message>
        <source>  (waiting for another user&apos;s approval; `fleetctl status %1 --wait` sends it once approved)</source>
        <translation>  (a la espera de la aprobación de otro usuario; `fleetctl status %1 --wait` lo envía una vez aprobado)</translation>
    </message>
    <message numerus="yes">
        <source>  (%n reply(ies) could not be read: %1)</source>
        <translation>
            <numerusform>  (%n respuesta no se pudo leer: %1)</numerusform>
            <numerusform>  (%n respuestas no se pudieron leer: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>fleetctl: `fleetctl status %1 --wait` goes on from here.</source>
        <translation>fleetctl: `fleetctl status %1 --wait` continúa desde aquí.</translation>
    </message>
    <message>
        <source>Sends a command from the catalog to a device, to several (TARGET dev-1,dev-2) or to a group (--group GROUP COMMAND), or a free-form payload (--raw PAYLOAD), and tracks it like the console does: retries with the same tid, heartbeats, duplicate and late replies, the shared ledger. A sensitive command waits in the approval queue for another user&apos;s decision first (--username is the requester&apos;s identity).

Parameters are NAME=VALUE (VALUE is read as JSON when it can be: position=40, on=true, color=red) or --params with a JSON object. A command with an inverse in the catalog is recorded for `fleetctl rollback`, with the device&apos;s reported shadow captured before it runs.

Without --wait, fleetctl ends once the request (or the approval request) is on the broker and prints its id; `fleetctl status ID` follows it later. With --wait it prints each verdict. A broker restart in the middle is ridden out (reconnect, resubscribe) until --timeout; whatever happens, every verdict it has is printed before it ends, and `fleetctl status ID --wait` (ID a command&apos;s or a broadcast&apos;s) goes on from there.

Exit status: 0 sent (or succeeded, with --wait); 2 usage error or invalid parameters; 3 broker connection; 4 --timeout passed before every verdict; 5 the device answered FAILURE; 6 timed out or unreachable; 7 rejected by an approver, expired or cancelled. With several devices the worst verdict decides.</source>
        <translation>Envía un comando del catálogo a un dispositivo, a varios (TARGET dev-1,dev-2) o a un grupo (--group GRUPO COMMAND), o una carga útil libre (--raw CARGA), y lo sigue como hace la consola: reintentos con el mismo tid, latidos, respuestas duplicadas y tardías, el registro compartido. Un comando sensible espera primero en la cola de aprobaciones la decisión de otro usuario (--username es la identidad del solicitante).

Los parámetros son NAME=VALUE (VALUE se lee como JSON cuando es posible: position=40, on=true, color=red) o --params con un objeto JSON. Un comando con inverso en el catálogo se registra para `fleetctl rollback`, con el estado notificado de la sombra del dispositivo capturado antes de su ejecución.

Sin --wait, fleetctl termina en cuanto la solicitud (o la solicitud de aprobación) está en el bróker e imprime su ID; `fleetctl status ID` la sigue más tarde. Con --wait imprime cada veredicto. Si el bróker se reinicia a mitad, fleetctl lo soporta (se reconecta y vuelve a suscribirse) hasta --timeout; pase lo que pase, imprime todos los veredictos que tiene antes de terminar, y `fleetctl status ID --wait` (ID de un comando o de una difusión) continúa desde ahí.

Estado de salida: 0 enviado (o correcto, con --wait); 2 error de uso o parámetros no válidos; 3 conexión con el bróker; 4 se superó --timeout antes de todos los veredictos; 5 el dispositivo respondió FAILURE; 6 tiempo agotado o inaccesible; 7 rechazado por un aprobador, caducado o cancelado. Con varios dispositivos decide el peor veredicto.</translation>
    </message>
    <message>
        <source>  (held by fleet-hub&apos;s gate for another user&apos;s approval; it sends it once approved, and `fleetctl status %1 --wait` follows it)</source>
        <translation>  (retenido por la pasarela de fleet-hub hasta la aprobación de otro usuario; la pasarela lo envía una vez aprobado, y `fleetctl status %1 --wait` lo sigue)</translation>
    </message>
    <message>
        <source>Group request %1 was not sent: %2</source>
        <translation>La solicitud de grupo %1 no se envió: %2</translation>
    </message>
    <message>
        <source>fleetctl: warning: %1</source>
        <translation>fleetctl: advertencia: %1</translation>
    </message>
    <message>
        <source>  (retry of %1)</source>
        <translation>  (reintento de %1)</translation>
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
        <translation>Fija el estado deseado de muchos dispositivos en una sola acción:

  update --group GROUP DESIRED      todos los miembros de GROUP (presencia retenida y, después, la
                                    sombra clásica de cada dispositivo, que anuncia sus grupos)
  update --devices A,B,C DESIRED    los dispositivos indicados

DESIRED es un objeto JSON (&apos;{&quot;limit&quot;:5}&apos;), o - para leerlo de la entrada estándar. Se lee el estado deseado de cada dispositivo y se actualiza en esa versión, como máximo %1 dispositivos a la vez y como máximo %2 en total; una clave que el catálogo de la pasarela marca como sensible queda retenida por fleet-hub hasta que la apruebe un aprobador, dispositivo por dispositivo (entonces como máximo %3 dispositivos). Una línea por dispositivo a medida que termina: aceptado (con la nueva versión), retenido o rechazado (con el código y el mensaje del servicio). Los dispositivos que lo aceptaron forman UNA entrada del historial de reversión: &apos;fleetctl rollback ID&apos; restaura los valores anteriores de cada dispositivo y deja tal cual un dispositivo cuyo estado deseado cambió desde entonces.

Estado de salida: 0 todos los dispositivos lo aceptaron (o está retenido para aprobación); 1 un dispositivo lo rechazó, o se rechazó el lote entero (sin miembros, demasiados dispositivos); 2 error de uso; 3 no se puede conectar; 4 todos los fallos fueron por tiempo agotado.</translation>
    </message>
    <message>
        <source>One JSON line per device ({&quot;device&quot;, &quot;status&quot;, &quot;version&quot; or &quot;code&quot; and &quot;message&quot;}), then a summary ({&quot;entry&quot;, &quot;total&quot;, &quot;accepted&quot;, &quot;held&quot;, &quot;refused&quot;}).</source>
        <translation>Una línea JSON por dispositivo ({&quot;device&quot;, &quot;status&quot;, &quot;version&quot; o &quot;code&quot; y &quot;message&quot;}) y, después, un resumen ({&quot;entry&quot;, &quot;total&quot;, &quot;accepted&quot;, &quot;held&quot;, &quot;refused&quot;}).</translation>
    </message>
    <message>
        <source>Every member of GROUP.</source>
        <translation>Todos los miembros de GROUP.</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GRUPO</translation>
    </message>
    <message>
        <source>The devices named, comma-separated.</source>
        <translation>Los dispositivos indicados, separados por comas.</translation>
    </message>
    <message>
        <source>A,B,C</source>
        <translation>A,B,C</translation>
    </message>
    <message>
        <source>Named shadow (default: the classic shadow).</source>
        <translation>Sombra con nombre (predeterminada: la sombra clásica).</translation>
    </message>
    <message>
        <source>SHADOW</source>
        <translation>SOMBRA</translation>
    </message>
    <message>
        <source>update.</source>
        <translation>update.</translation>
    </message>
    <message>
        <source>The desired state as a JSON object, or -.</source>
        <translation>El estado deseado como objeto JSON, o -.</translation>
    </message>
    <message>
        <source>--group and --devices apply to update only.</source>
        <translation>--group y --devices solo se aplican a update.</translation>
    </message>
    <message>
        <source>Give --group GROUP or --devices A,B,C (one of them).</source>
        <translation>Indique --group GROUP o --devices A,B,C (uno de los dos).</translation>
    </message>
    <message>
        <source>--group needs a group name.</source>
        <translation>--group requiere un nombre de grupo.</translation>
    </message>
    <message>
        <source>--devices needs at least one device.</source>
        <translation>--devices requiere al menos un dispositivo.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name.</source>
        <translation>&quot;%1&quot; no es un nombre de objeto válido.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name.</source>
        <translation>&quot;%1&quot; no es un nombre de sombra válido.</translation>
    </message>
    <message>
        <source>Missing the desired state (a JSON object).</source>
        <translation>Falta el estado deseado (un objeto JSON).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--password-stdin cannot be combined with reading the state from standard input (-); use FLEET_MQTT_PASSWORD.</source>
        <translation>--password-stdin no se puede combinar con la lectura del estado desde la entrada estándar (-); use FLEET_MQTT_PASSWORD.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>No se puede leer la entrada estándar.</translation>
    </message>
    <message>
        <source>DESIRED is not valid JSON: %1</source>
        <translation>DESIRED no es JSON válido: %1</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object.</source>
        <translation>DESIRED debe ser un objeto JSON.</translation>
    </message>
    <message numerus="yes">
        <source>desired %1 on %n devices%2</source>
        <translation>
            <numerusform>deseado %1 en %n dispositivo%2</numerusform>
            <numerusform>deseado %1 en %n dispositivos%2</numerusform>
        </translation>
    </message>
    <message>
        <source> (sensitive: each device&apos;s change is held for approval)</source>
        <translation> (sensible: el cambio de cada dispositivo queda retenido para aprobación)</translation>
    </message>
    <message>
        <source>accepted (version %1)</source>
        <translation>aceptado (versión %1)</translation>
    </message>
    <message>
        <source>held for approval</source>
        <translation>retenido para aprobación</translation>
    </message>
    <message>
        <source>changed since: left as it is</source>
        <translation>cambiado desde entonces: se deja tal cual</translation>
    </message>
    <message>
        <source>refused: error %1: %2</source>
        <translation>rechazado: error %1: %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>rechazado: %1</translation>
    </message>
    <message>
        <source>[%1/%2] %3: %4</source>
        <translation>[%1/%2] %3: %4</translation>
    </message>
    <message>
        <source>%1 of %2 devices accepted, %3 held for approval, %4 refused</source>
        <translation>%1 de %2 dispositivos aceptaron, %3 retenidos para aprobación, %4 rechazados</translation>
    </message>
    <message>
        <source>rollback entry %1 (&apos;fleetctl rollback %1&apos; undoes it on every device)</source>
        <translation>entrada de reversión %1 (&apos;fleetctl rollback %1&apos; lo deshace en todos los dispositivos)</translation>
    </message>
    <message>
        <source>left out, Azure IoT Hub devices whose desired properties are in a twin (fleetctl twin update): %1</source>
        <translation>excluidos, dispositivos de Azure IoT Hub cuyas propiedades deseadas están en un gemelo (fleetctl twin update): %1</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::ShadowCommand</name>
    <message>
        <source>%1: none</source>
        <translation>%1: ninguno</translation>
    </message>
    <message>
        <source>shadow get|update|delete|watch THING   read, update, delete or follow a device shadow</source>
        <translation>shadow get|update|delete|watch THING   lee, actualiza, elimina o sigue una sombra de dispositivo</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>No se puede leer la entrada estándar.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 no es JSON válido: %2</translation>
    </message>
    <message>
        <source>Named shadow (default: the classic shadow).</source>
        <translation>Sombra con nombre (predeterminada: la sombra clásica).</translation>
    </message>
    <message>
        <source>SHADOW</source>
        <translation>SOMBRA</translation>
    </message>
    <message>
        <source>Print the service&apos;s reply as JSON on one line (watch: one line per event).</source>
        <translation>Imprimir la respuesta del servicio como JSON en una línea (watch: una línea por evento).</translation>
    </message>
    <message>
        <source>update: apply only if the shadow is at version N, else error 409.</source>
        <translation>update: aplicar solo si la sombra está en la versión N; si no, error 409.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seconds to wait for the broker, and then for the reply (default 10).</source>
        <translation>Segundos de espera para el bróker y, después, para la respuesta (predeterminado: 10).</translation>
    </message>
    <message>
        <source>update: the full state object {&quot;desired&quot;:…,&quot;reported&quot;:…} instead of DESIRED; - reads it from standard input.</source>
        <translation>update: el objeto de estado completo {&quot;desired&quot;:…,&quot;reported&quot;:…} en lugar de DESIRED; - lo lee de la entrada estándar.</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>watch: stop after N events (the initial state does not count).</source>
        <translation>watch: detenerse tras N eventos (el estado inicial no cuenta).</translation>
    </message>
    <message>
        <source>get, update, delete or watch.</source>
        <translation>get, update, delete o watch.</translation>
    </message>
    <message>
        <source>The thing name.</source>
        <translation>El nombre del objeto.</translation>
    </message>
    <message>
        <source>update: the desired state as JSON, or -.</source>
        <translation>update: el estado deseado como JSON, o -.</translation>
    </message>
    <message>
        <source>Missing the action: get, update, delete or watch.</source>
        <translation>Falta la acción: get, update, delete o watch.</translation>
    </message>
    <message>
        <source>Unknown action &quot;%1&quot;: expected get, update, delete or watch.</source>
        <translation>Acción desconocida &quot;%1&quot;: se esperaba get, update, delete o watch.</translation>
    </message>
    <message>
        <source>Missing the thing name.</source>
        <translation>Falta el nombre del objeto.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid thing name: 1 to 128 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de objeto válido: de 1 a 128 caracteres entre a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos; y &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid shadow name: 1 to 64 characters from a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; and &apos;$&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de sombra válido: de 1 a 64 caracteres entre a-z, A-Z, 0-9, &apos;:&apos;, &apos;_&apos;, &apos;-&apos; y &apos;$&apos;.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--version N only applies to update.</source>
        <translation>--version N solo se aplica a update.</translation>
    </message>
    <message>
        <source>--version: expected a whole number, 0 or more.</source>
        <translation>--version: se esperaba un número entero, 0 o más.</translation>
    </message>
    <message>
        <source>--state only applies to update.</source>
        <translation>--state solo se aplica a update.</translation>
    </message>
    <message>
        <source>--count only applies to watch.</source>
        <translation>--count solo se aplica a watch.</translation>
    </message>
    <message>
        <source>--count: expected a whole number, 1 or more.</source>
        <translation>--count: se esperaba un número entero, 1 o más.</translation>
    </message>
    <message>
        <source>update needs the desired state as JSON, or --state with a full state object (one of them, not both).</source>
        <translation>update requiere el estado deseado como JSON, o --state con un objeto de estado completo (uno de los dos, no ambos).</translation>
    </message>
    <message>
        <source>--password-stdin cannot be combined with reading the state from standard input (-); use FLEET_MQTT_PASSWORD.</source>
        <translation>--password-stdin no se puede combinar con la lectura del estado desde la entrada estándar (-); use FLEET_MQTT_PASSWORD.</translation>
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
        <translation>--state debe ser un objeto JSON como {&quot;desired&quot;:{…},&quot;reported&quot;:{…}}.</translation>
    </message>
    <message>
        <source>DESIRED must be a JSON object (or null, to clear the desired state).</source>
        <translation>DESIRED debe ser un objeto JSON (o null, para borrar el estado deseado).</translation>
    </message>
    <message>
        <source>fleetctl: cannot catch SIGINT/SIGTERM; they will end the watch abruptly.</source>
        <translation>fleetctl: no se pueden capturar SIGINT/SIGTERM; terminarán la observación de forma abrupta.</translation>
    </message>
    <message>
        <source>%1 (classic shadow)</source>
        <translation>%1 (sombra clásica)</translation>
    </message>
    <message>
        <source>%1 (shadow &quot;%2&quot;)</source>
        <translation>%1 (sombra &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 versión %2</translation>
    </message>
    <message>
        <source>%1 updated: now at version %2</source>
        <translation>%1 actualizada: ahora en la versión %2</translation>
    </message>
    <message>
        <source>%1 deleted at version %2</source>
        <translation>%1 eliminada en la versión %2</translation>
    </message>
    <message>
        <source>%1 does not exist (yet).</source>
        <translation>%1 no existe (todavía).</translation>
    </message>
    <message>
        <source>Watching %1; Ctrl+C to stop.</source>
        <translation>Observando %1; Ctrl+C para detener.</translation>
    </message>
    <message>
        <source>%1 changed: version %2</source>
        <translation>%1 cambió: versión %2</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 ya no existe.</translation>
    </message>
    <message>
        <source>%1 delta at version %2:</source>
        <translation>%1: delta en la versión %2:</translation>
    </message>
    <message>
        <source>%1 was deleted at version %2</source>
        <translation>%1 se eliminó en la versión %2</translation>
    </message>
    <message>
        <source>fleetctl: reloading %1 failed: error %2: %3</source>
        <translation>fleetctl: error al recargar %1: error %2: %3</translation>
    </message>
    <message>
        <source>%1 after %2 s: is a shadow service (fleet-hub, AWS IoT) serving this broker?</source>
        <translation>%1 tras %2 s: ¿hay un servicio de sombras (fleet-hub, AWS IoT) atendiendo a este bróker?</translation>
    </message>
    <message>
        <source>update: the ledger whose rollback history records the change (default: %1).</source>
        <translation>update: el registro en cuyo historial de reversión se anota el cambio (predeterminado: %1).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>fleetctl: the update is not in the rollback history: %1</source>
        <translation>fleetctl: la actualización no está en el historial de reversión: %1</translation>
    </message>
    <message>
        <source>rollback entry %1 (&apos;fleetctl rollback %1&apos; undoes this update)</source>
        <translation>entrada de reversión %1 (&apos;fleetctl rollback %1&apos; deshace esta actualización)</translation>
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
        <translation>Lee, actualiza, elimina o sigue una sombra de dispositivo de AWS IoT: en AWS IoT Core o en cualquier bróker atendido por fleet-hub.

  get THING                  muestra la sombra: versión, desired, reported y delta
  update THING DESIRED       fija el estado deseado: DESIRED es un objeto JSON (&apos;{&quot;color&quot;:&quot;red&quot;}&apos;),
                             null para borrarlo, o - para leer el JSON de la entrada estándar
  update THING --state JSON  envía un objeto de estado completo (&apos;{&quot;desired&quot;:{...},&quot;reported&quot;:{...}}&apos;)
  update --group GROUP DESIRED, update --devices A,B,C DESIRED
                             fija el estado deseado de muchos dispositivos en una sola acción,
                             con una sola entrada de reversión para todos (véase &apos;fleetctl shadow update --group G --help&apos;)
  delete THING               elimina la sombra (su contador de versiones se conserva)
  watch THING                muestra la sombra y después cada cambio, delta y eliminación
                             según llegan, hasta SIGINT/SIGTERM o --count eventos

Una actualización del estado deseado lee primero la sombra y anota el cambio en el historial de reversión del registro (--ledger), para que &apos;fleetctl rollback ID&apos; pueda deshacerlo.

Estado de salida: 0 hecho; 1 rechazado por el servicio de sombras (&quot;error CODE: MESSAGE&quot; en stderr);
2 error de uso; 3 no se puede conectar al bróker, o se perdió la conexión; 4 sin respuesta del servicio de sombras dentro de --timeout.</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::StatusCommand</name>
    <message>
        <source>status [ID]                        the ledger&apos;s commands, or one command&apos;s history and verdict</source>
        <translation>status [ID]                        los comandos del registro, o el historial y el veredicto de un comando</translation>
    </message>
    <message>
        <source>How many commands to list (default 20).</source>
        <translation>Cuántos comandos listar (predeterminado: 20).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Resume the command and wait for its verdict.</source>
        <translation>Reanudar el comando y esperar su veredicto.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--wait needs the command&apos;s ID.</source>
        <translation>--wait requiere el ID del comando.</translation>
    </message>
    <message>
        <source>--limit: expected a whole number, 1 or more.</source>
        <translation>--limit: se esperaba un número entero, 1 o más.</translation>
    </message>
    <message>
        <source>fleetctl: the ledger %1 has no commands yet.</source>
        <translation>fleetctl: el registro %1 aún no tiene comandos.</translation>
    </message>
    <message>
        <source>Command %1 could not be resumed.</source>
        <translation>No se pudo reanudar el comando %1.</translation>
    </message>
    <message>
        <source>%1  %2 on %3: %4</source>
        <translation>%1  %2 en %3: %4</translation>
    </message>
    <message>
        <source>  reason: %1</source>
        <translation>  motivo: %1</translation>
    </message>
    <message>
        <source>  requested by: %1</source>
        <translation>  solicitado por: %1</translation>
    </message>
    <message>
        <source>  parameters: %1</source>
        <translation>  parámetros: %1</translation>
    </message>
    <message>
        <source>  result: %1</source>
        <translation>  resultado: %1</translation>
    </message>
    <message>
        <source>  attempts: %1, heartbeats: %2</source>
        <translation>  intentos: %1, latidos: %2</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicada</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tardía</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>fuera de orden</translation>
    </message>
    <message>
        <source>  reply %1  %2%3%4</source>
        <translation>  respuesta %1  %2%3%4</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>no se pudo leer</translation>
    </message>
    <message>
        <source>Without ID: the latest commands in the ledger (--limit), newest first. With ID: that command, every state it went through and every reply, and the exit status tells its verdict. With --wait (and ID), fleetctl connects, resumes the command where the ledger left it (a crashed console&apos;s command, or one waiting for approval) and waits for its verdict.

ID may also be a broadcast&apos;s (what `fleetctl send` printed for a selection or a group): every part is listed, and with --wait the unfinished parts are resumed together and followed to their verdicts; the exit status is the worst one.

Exit status (with ID): 0 succeeded; 5 failed; 6 timed out or unreachable; 7 rejected or cancelled; 8 no verdict yet; 1 no such command; 3 broker connection; 4 --timeout passed.</source>
        <translation>Sin ID: los últimos comandos del registro (--limit), del más reciente al más antiguo. Con ID: ese comando, cada estado por el que pasó y cada respuesta, y el estado de salida indica su veredicto. Con --wait (y un ID), fleetctl se conecta, reanuda el comando donde lo dejó el registro (el comando de una consola que se cerró inesperadamente, o uno pendiente de aprobación) y espera su veredicto.

El ID también puede ser el de una difusión (lo que imprimió `fleetctl send` para una selección o un grupo): se listan todas sus partes y, con --wait, las que no han terminado se reanudan juntas y se siguen hasta sus veredictos; el estado de salida es el peor.

Estado de salida (con ID): 0 correcto; 5 fallido; 6 tiempo agotado o inaccesible; 7 rechazado o cancelado; 8 aún sin veredicto; 1 no existe ese comando; 3 conexión con el bróker; 4 se superó --timeout.</translation>
    </message>
    <message>
        <source>A command&apos;s id (its tid), or a broadcast&apos;s.</source>
        <translation>El ID de un comando (su tid) o de una difusión.</translation>
    </message>
    <message>
        <source>There is no command or broadcast %1 in the ledger %2.</source>
        <translation>No hay ningún comando ni difusión %1 en el registro %2.</translation>
    </message>
    <message>
        <source>  retry of: %1</source>
        <translation>  reintento de: %1</translation>
    </message>
    <message>
        <source>  retried as: %1</source>
        <translation>  reintentado como: %1</translation>
    </message>
</context>
<context>
    <name>fleet::ctl::TrafficCommand</name>
    <message>
        <source>traffic --filter F                 live topic traffic</source>
        <translation>traffic --filter F                 tráfico de temas en directo</translation>
    </message>
    <message>
        <source>Prints every message on the topic filters (--filter, repeatable; default #) as it arrives: time, topic, QoS, retained flag and payload (text as is, anything else in hex), or one JSON document per message with --json. Runs until --count messages, --duration seconds, or SIGINT/SIGTERM; --timeout does not apply.</source>
        <translation>Imprime cada mensaje de los filtros de temas (--filter, repetible; predeterminado: #) según llega: hora, tema, QoS, indicador de retención y carga útil (el texto tal cual, lo demás en hexadecimal), o un documento JSON por mensaje con --json. Se ejecuta hasta --count mensajes, --duration segundos o SIGINT/SIGTERM; --timeout no se aplica.</translation>
    </message>
    <message>
        <source>A topic filter (+ and # wildcards); repeatable.</source>
        <translation>Un filtro de temas (comodines + y #); repetible.</translation>
    </message>
    <message>
        <source>FILTER</source>
        <translation>FILTRO</translation>
    </message>
    <message>
        <source>Stop after N messages.</source>
        <translation>Detenerse tras N mensajes.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Stop after SECONDS.</source>
        <translation>Detenerse al cabo de SEGUNDOS.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Print every payload in hex.</source>
        <translation>Imprimir todas las cargas útiles en hexadecimal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter.</source>
        <translation>&quot;%1&quot; no es un filtro de temas válido.</translation>
    </message>
    <message>
        <source>--count: expected a whole number, 1 or more.</source>
        <translation>--count: se esperaba un número entero, 1 o más.</translation>
    </message>
    <message>
        <source>--duration: expected seconds, more than 0.</source>
        <translation>--duration: se esperaban segundos, más de 0.</translation>
    </message>
    <message>
        <source>fleetctl: cannot catch SIGINT/SIGTERM; they will end the traffic tail abruptly.</source>
        <translation>fleetctl: no se pueden capturar SIGINT/SIGTERM; terminarán el seguimiento del tráfico de forma abrupta.</translation>
    </message>
    <message>
        <source>The broker refused the subscription to %1: %2</source>
        <translation>El bróker rechazó la suscripción a %1: %2</translation>
    </message>
    <message>
        <source> retained</source>
        <translation> retenido</translation>
    </message>
</context>
<context>
    <name>fleet::sim::ExecutionLog</name>
    <message>
        <source>Cannot open the execution log &quot;%1&quot;: %2</source>
        <translation>No se puede abrir el registro de ejecución &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimConfig</name>
    <message>
        <source>Not valid JSON (at byte %1).</source>
        <translation>No es JSON válido (en el byte %1).</translation>
    </message>
    <message>
        <source>Expected a JSON object of settings, not %1.</source>
        <translation>Se esperaba un objeto JSON de ajustes, no %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected [minimum, maximum] in whole milliseconds.</source>
        <translation>&quot;%1&quot;: se esperaba [mínimo, máximo] en milisegundos enteros.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting.</source>
        <translation>&quot;%1&quot; no es un ajuste.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 does not fit 32 bits.</source>
        <translation>&quot;%1&quot;: %2 no cabe en 32 bits.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a whole number, not %2.</source>
        <translation>&quot;%1&quot;: se esperaba un número entero, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a whole number from 0 to 18446744073709551615.</source>
        <translation>&quot;%1&quot;: se esperaba un número entero de 0 a 18446744073709551615.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a number, not %2.</source>
        <translation>&quot;%1&quot;: se esperaba un número, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: expected a string, not %2.</source>
        <translation>&quot;%1&quot;: se esperaba una cadena, no %2.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>No se puede leer &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&quot;devices&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;devices&quot; debe estar entre 1 y %1, no %2.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not be empty.</source>
        <translation>&quot;prefix&quot; no debe estar vacío.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not contain &apos;+&apos;, &apos;#&apos; or &apos;/&apos;: device ids are used in topics.</source>
        <translation>&quot;prefix&quot; no debe contener &apos;+&apos;, &apos;#&apos; ni &apos;/&apos;: los ID de dispositivo se usan en los temas.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; may only contain letters, digits, &apos;:&apos;, &apos;_&apos; and &apos;-&apos; (device ids are AWS IoT thing names), not &apos;%1&apos;.</source>
        <translation>&quot;prefix&quot; solo puede contener letras, dígitos, &apos;:&apos;, &apos;_&apos; y &apos;-&apos; (los ID de dispositivo son nombres de objeto de AWS IoT), no &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; is too long: device ids such as &quot;%1&quot; must have at most %2 characters.</source>
        <translation>&quot;prefix&quot; es demasiado largo: los ID de dispositivo como &quot;%1&quot; deben tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>&quot;groups&quot; must be from 1 to %1, not %2.</source>
        <translation>&quot;groups&quot; debe estar entre 1 y %1, no %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be empty.</source>
        <translation>&quot;%1&quot; no debe estar vacío.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain the wildcards &apos;+&apos; or &apos;#&apos;: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; no debe contener los comodines &apos;+&apos; ni &apos;#&apos;: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain {id}, so that every device has its own topic: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; debe contener {id}, para que cada dispositivo tenga su propio tema: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain {group}: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; debe contener {group}: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain {id}: the whole group shares it: &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; no debe contener {id}: todo el grupo lo comparte: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too long for an MQTT topic.</source>
        <translation>&quot;%1&quot; es demasiado largo para un tema MQTT.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; must differ.</source>
        <translation>&quot;%1&quot; y &quot;%2&quot; deben ser distintos.</translation>
    </message>
    <message>
        <source>&quot;commandRequestTopic&quot; and &quot;groupRequestTopic&quot; must differ.</source>
        <translation>&quot;commandRequestTopic&quot; y &quot;groupRequestTopic&quot; deben ser distintos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be from 0 to %2 ms, not %3.</source>
        <translation>&quot;%1&quot; debe estar entre 0 y %2 ms, no %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 0 (off) or at least %2 ms, not %3.</source>
        <translation>&quot;%1&quot; debe ser 0 (desactivado) o al menos %2 ms, no %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be at least %2 ms, not %3.</source>
        <translation>&quot;%1&quot; debe ser al menos %2 ms, no %3.</translation>
    </message>
    <message>
        <source>&quot;latencyMinMs&quot; (%1) must not be above &quot;latencyMaxMs&quot; (%2).</source>
        <translation>&quot;latencyMinMs&quot; (%1) no debe ser mayor que &quot;latencyMaxMs&quot; (%2).</translation>
    </message>
    <message>
        <source>&quot;rememberedTids&quot; must be from 1 to 1000000, not %1.</source>
        <translation>&quot;rememberedTids&quot; debe estar entre 1 y 1000000, no %1.</translation>
    </message>
    <message>
        <source>&quot;connectsPerSecond&quot; must be from 1 to 1000000, not %1.</source>
        <translation>&quot;connectsPerSecond&quot; debe estar entre 1 y 1000000, no %1.</translation>
    </message>
    <message>
        <source>&quot;keepAliveSeconds&quot; must be from 5 to 65535, not %1.</source>
        <translation>&quot;keepAliveSeconds&quot; debe estar entre 5 y 65535, no %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a probability from 0 to 1, not %2.</source>
        <translation>&quot;%1&quot; es una probabilidad de 0 a 1, no %2.</translation>
    </message>
    <message>
        <source>&quot;prefix&quot; must not be &quot;%1&quot; in a fleet with %1 devices: their ids would be the same.</source>
        <translation>&quot;prefix&quot; no puede ser &quot;%1&quot; en una flota con dispositivos %1: sus ID serían los mismos.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <comment>the first and last device ids of a kind</comment>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>&quot;sampleShare&quot;, &quot;designShare&quot;, &quot;thingShare&quot; and &quot;azureShare&quot; add up to %1; together they are a share of the fleet, at most 1.</source>
        <translation>&quot;sampleShare&quot;, &quot;designShare&quot;, &quot;thingShare&quot; y &quot;azureShare&quot; suman %1; juntas son una parte de la flota, como máximo 1.</translation>
    </message>
    <message>
        <source>Of %1 devices, the shares make %2 sample, design, thing and Azure devices: more than the fleet.</source>
        <translation>De %1 dispositivos, las partes dan %2 dispositivos sample, design, thing y Azure: más que la flota.</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimDevice</name>
    <message>
        <source>%1 cannot subscribe to &quot;%2&quot;: %3</source>
        <translation>%1 no se puede suscribir a &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>%1 cannot connect: %2</source>
        <translation>%1 no se puede conectar: %2</translation>
    </message>
    <message>
        <source>%1 stopped connecting: %2</source>
        <translation>%1 dejó de intentar conectarse: %2</translation>
    </message>
    <message>
        <source>The request is larger than %1 bytes.</source>
        <translation>La solicitud supera los %1 bytes.</translation>
    </message>
    <message>
        <source>The request is not a JSON object.</source>
        <translation>La solicitud no es un objeto JSON.</translation>
    </message>
    <message>
        <source>&quot;tid&quot; must be a string.</source>
        <translation>&quot;tid&quot; debe ser una cadena.</translation>
    </message>
    <message>
        <source>&quot;tid&quot; is longer than %1 bytes.</source>
        <translation>&quot;tid&quot; supera los %1 bytes.</translation>
    </message>
    <message>
        <source>&quot;status&quot; must be &quot;REQUEST&quot;.</source>
        <translation>&quot;status&quot; debe ser &quot;REQUEST&quot;.</translation>
    </message>
    <message>
        <source>&quot;cmd&quot; must be a non-empty string.</source>
        <translation>&quot;cmd&quot; debe ser una cadena no vacía.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object.</source>
        <translation>&quot;params&quot; debe ser un objeto.</translation>
    </message>
    <message>
        <source>set_led needs a &quot;color&quot; string of 1 to %1 characters.</source>
        <translation>set_led requiere una cadena &quot;color&quot; de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>set_telemetry_interval needs &quot;ms&quot;, an integer from %1 to %2.</source>
        <translation>set_telemetry_interval requiere &quot;ms&quot;, un entero de %1 a %2.</translation>
    </message>
    <message>
        <source>set_position needs &quot;position&quot;, an integer from 0 to %1.</source>
        <translation>set_position requiere &quot;position&quot;, un entero de 0 a %1.</translation>
    </message>
    <message>
        <source>simulated failure</source>
        <translation>fallo simulado</translation>
    </message>
    <message>
        <source>%1 %2: firmware %3, group %4
</source>
        <translation>%1 %2: firmware %3, grupo %4
</translation>
    </message>
    <message>
        <source>%1 %2: led %3, motor %4, position %5
</source>
        <translation>%1 %2: led %3, motor %4, posición %5
</translation>
    </message>
    <message>
        <source>on</source>
        <translation>encendido</translation>
    </message>
    <message>
        <source>off</source>
        <translation>apagado</translation>
    </message>
    <message>
        <source>%1 %2: telemetry every %3 ms, battery %4%
</source>
        <translation>%1 %2: telemetría cada %3 ms, batería %4%
</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: %n command(s) executed
</source>
        <translation>
            <numerusform>%1 %2: %n comando ejecutado
</numerusform>
            <numerusform>%1 %2: %n comandos ejecutados
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2: link %3, replies in %4
</source>
        <translation>%1 %2: enlace %3, respuestas en %4
</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>lento</translation>
    </message>
    <message>
        <source>flaky</source>
        <translation>inestable</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>The request cannot be read: %1</source>
        <translation>No se puede leer la solicitud: %1</translation>
    </message>
    <message>
        <source>out of order: a newer %1 (%2) already ran</source>
        <translation>fuera de orden: ya se ejecutó un %1 más reciente (%2)</translation>
    </message>
    <message>
        <source>%1 was refused (%2); trying again with a new SAS token.</source>
        <translation>%1 fue rechazado (%2); se reintenta con un token SAS nuevo.</translation>
    </message>
    <message>
        <source>it has no IoT Hub host name and key.</source>
        <translation>no tiene nombre de host de IoT Hub ni clave.</translation>
    </message>
    <message>
        <source>The payload cannot be read: %1</source>
        <translation>No se puede leer la carga útil: %1</translation>
    </message>
    <message>
        <source>The payload must be a JSON object.</source>
        <translation>La carga útil debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>show_message needs a &quot;text&quot; string of 1 to %1 characters.</source>
        <translation>show_message requiere una cadena &quot;text&quot; de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>Unknown method &quot;%1&quot;.</source>
        <translation>Método desconocido &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>fleet::sim::SimFleet</name>
    <message>
        <source>%1 of %2 devices did not stop in time; stopping without them.</source>
        <translation>%1 de %2 dispositivos no se detuvieron a tiempo; deteniendo sin ellos.</translation>
    </message>
    <message>
        <source>The fleet was started already.</source>
        <translation>La flota ya se había iniciado.</translation>
    </message>
    <message>
        <source>Device %1 has no account in the accounts file.</source>
        <translation>El dispositivo %1 no tiene cuenta en el archivo de cuentas.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>No se puede leer &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 bytes.</source>
        <translation>%1: supera los %2 bytes.</translation>
    </message>
    <message>
        <source>%1: expected a JSON object with an &quot;accounts&quot; array, as `fleet-hub provision` writes.</source>
        <translation>%1: se esperaba un objeto JSON con un array &quot;accounts&quot;, como el que escribe `fleet-hub provision`.</translation>
    </message>
    <message>
        <source>%1: no device accounts in it.</source>
        <translation>%1: no contiene cuentas de dispositivo.</translation>
    </message>
    <message>
        <source>Azure device %1 has no key: Azure devices take theirs from the accounts file that `fleet-hub provision --azure-devices` writes (--accounts).</source>
        <translation>El dispositivo Azure %1 no tiene clave: los dispositivos Azure toman la suya del archivo de cuentas que escribe `fleet-hub provision --azure-devices` (--accounts).</translation>
    </message>
    <message>
        <source>Azure device %1 has no key in the accounts file.</source>
        <translation>El dispositivo Azure %1 no tiene clave en el archivo de cuentas.</translation>
    </message>
    <message>
        <source>%1: the connection string of Azure device %2 is not its own: %3</source>
        <translation>%1: la cadena de conexión del dispositivo Azure %2 no es la suya: %3</translation>
    </message>
    <message>
        <source>it names %1.</source>
        <translation>nombra a %1.</translation>
    </message>
    <message>
        <source>%1: Azure devices, but no &quot;azureHostName&quot; for their tokens.</source>
        <translation>%1: hay dispositivos Azure, pero no hay &quot;azureHostName&quot; para sus tokens.</translation>
    </message>
    <message>
        <source>%1: no device accounts or Azure devices in it.</source>
        <translation>%1: no contiene cuentas de dispositivo ni dispositivos Azure.</translation>
    </message>
</context>
<context>
    <name>fleetctl</name>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Try &apos;fleetctl --help&apos;.</source>
        <translation>Pruebe &apos;fleetctl --help&apos;.</translation>
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
        <translation>Fleet Console en la línea de comandos.

Comandos:
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

Las opciones del bróker van antes o después del comando. &apos;fleetctl COMMAND --help&apos; describe un comando.
Los comandos comparten el registro de la consola (--ledger) y su catálogo (--catalog).

Estado de salida: 0 hecho; 1 el servicio rechazó la solicitud (&quot;error CODE: MESSAGE&quot; en stderr); 2 error de uso; 3 no se puede conectar al bróker, o se perdió la conexión; 4 tiempo agotado esperando al servicio; veredictos de comandos: 5 fallido, 6 tiempo agotado o inaccesible, 7 rechazado, caducado o cancelado, 8 aún sin veredicto.</translation>
    </message>
    <message>
        <source>The command: devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method or c2d.</source>
        <translation>El comando: devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method o c2d.</translation>
    </message>
    <message>
        <source>Missing the command (devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method or c2d).</source>
        <translation>Falta el comando (devices, send, status, approvals, audit, rollback, traffic, shadow, twin, method o c2d).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>User interface language (en, es, fr).</source>
        <translation>Idioma de la interfaz de usuario (en, es, fr).</translation>
    </message>
    <message>
        <source>Try &apos;fleet-hub --help&apos;.</source>
        <translation>Pruebe &apos;fleet-hub --help&apos;.</translation>
    </message>
    <message>
        <source>Subscribe through the MQTT shared subscription $share/NAME/... so that several hubs on one database share the requests. The broker must route $aws topics to shared subscriptions (mosquitto 2.0 does not).</source>
        <translation>Suscribirse mediante la suscripción compartida MQTT $share/NOMBRE/... para que varios hubs sobre una misma base de datos se repartan las solicitudes. El bróker debe enrutar los temas $aws a suscripciones compartidas (mosquitto 2.0 no lo hace).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--share-group: &quot;%1&quot; is not a valid share group name (non-empty, without &apos;/&apos;, &apos;+&apos; or &apos;#&apos;).</source>
        <translation>--share-group: &quot;%1&quot; no es un nombre de grupo compartido válido (no vacío, sin &apos;/&apos;, &apos;+&apos; ni &apos;#&apos;).</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>No se pueden instalar los manejadores de señales.</translation>
    </message>
    <message>
        <source>fleet-hub %1 starting: broker %2, database %3, %4</source>
        <translation>fleet-hub %1 iniciándose: bróker %2, base de datos %3, %4</translation>
    </message>
    <message>
        <source>no share group</source>
        <translation>sin grupo compartido</translation>
    </message>
    <message>
        <source>share group &quot;%1&quot;</source>
        <translation>grupo compartido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Stopping at once on %1.</source>
        <translation>Deteniendo de inmediato por %1.</translation>
    </message>
    <message>
        <source>Stopping on %1.</source>
        <translation>Deteniendo por %1.</translation>
    </message>
    <message>
        <source>Desktop console for fleets of MQTT devices. Without --broker it connects with the active connection profile (File &gt; Connections), whose password is kept in the OS keychain.</source>
        <translation>Consola de escritorio para flotas de dispositivos MQTT. Sin --broker, se conecta con el perfil de conexión activo (Archivo &gt; Conexiones), cuya contraseña se guarda en el llavero del sistema operativo.</translation>
    </message>
    <message>
        <source>The command ledger (default: %1, shared with fleetctl).</source>
        <translation>El registro de comandos (predeterminado: %1, compartido con fleetctl).</translation>
    </message>
    <message>
        <source>The command catalog (default: the built-in one).</source>
        <translation>El catálogo de comandos (predeterminado: el integrado).</translation>
    </message>
    <message>
        <source>Commands are not recorded: %1</source>
        <translation>Los comandos no se registran: %1</translation>
    </message>
    <message>
        <source>Where devices announce online/offline, {id} standing for the device (default: presence/{id}).</source>
        <translation>Dónde anuncian los dispositivos su estado online/offline; {id} representa el dispositivo (predeterminado: presence/{id}).</translation>
    </message>
    <message>
        <source>Where devices send telemetry (default: telemetry/{id}).</source>
        <translation>Dónde envían los dispositivos la telemetría (predeterminado: telemetry/{id}).</translation>
    </message>
    <message>
        <source>The gate&apos;s command catalog, the authoritative one: which commands and desired keys are sensitive (default: the built-in catalog).</source>
        <translation>El catálogo de comandos de la pasarela, el que tiene autoridad: qué comandos y claves deseadas son sensibles (predeterminado: el catálogo integrado).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>How long a held request waits for a decision, in seconds (default 3600).</source>
        <translation>Cuánto tiempo espera una solicitud retenida a que se decida, en segundos (predeterminado: 3600).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>--approval-lifetime: expected seconds, from 1 to 2592000.</source>
        <translation>--approval-lifetime: se esperaban segundos, de 1 a 2592000.</translation>
    </message>
    <message numerus="yes">
        <source>command gate on: catalog of %n command(s), %1 held request(s), database %2</source>
        <translation>
            <numerusform>pasarela de comandos activa: catálogo de %n comando, %1 solicitud(es) retenida(s), base de datos %2</numerusform>
            <numerusform>pasarela de comandos activa: catálogo de %n comandos, %1 solicitud(es) retenida(s), base de datos %2</numerusform>
        </translation>
    </message>
    <message>
        <source>AWS IoT commands on: %1 command(s) (%2), %3 unfinished execution(s), database %4</source>
        <translation>Comandos de AWS IoT activos: %1 comando(s) (%2), %3 ejecución(es) sin terminar, base de datos %4</translation>
    </message>
    <message>
        <source>Azure IoT Hub devices on: %1 twin(s), database %2</source>
        <translation>Dispositivos de Azure IoT Hub activos: %1 gemelo(s), base de datos %2</translation>
    </message>
    <message>
        <source>--also-connect: unknown environment &quot;%1&quot;.</source>
        <translation>--also-connect: entorno desconocido «%1».</translation>
    </message>
    <message>
        <source>--also-connect: unknown key &quot;%1&quot; (name, url, environment, username).</source>
        <translation>--also-connect: clave desconocida «%1» (name, url, environment, username).</translation>
    </message>
    <message>
        <source>--also-connect needs name=NAME and url=URL.</source>
        <translation>--also-connect necesita name=NOMBRE y url=URL.</translation>
    </message>
    <message>
        <source>What to call the --broker connection in the window&apos;s title and badge.</source>
        <translation>Cómo llamar a la conexión de --broker en el título de la ventana y en su banda.</translation>
    </message>
    <message>
        <source>What the --broker connection serves: development, staging or production (production asks before anything is sent).</source>
        <translation>Qué sirve la conexión de --broker: development, staging o production (production pide confirmación antes de enviar nada).</translation>
    </message>
    <message>
        <source>Also open a window on another broker that needs no password, as name=NAME,url=URL[,environment=KIND][,username=USER] (./fleet demo&apos;s staging broker). For any other broker save a profile and use File &gt; Open in new window.</source>
        <translation>Abre también una ventana en otro broker que no necesita contraseña, como name=NOMBRE,url=URL[,environment=TIPO][,username=USUARIO] (el broker de preproducción de ./fleet demo). Para cualquier otro broker guarde un perfil y use Archivo &gt; Abrir en una ventana nueva.</translation>
    </message>
    <message>
        <source>--environment takes development, staging or production, not &quot;%1&quot;.</source>
        <translation>--environment admite development, staging o production, no «%1».</translation>
    </message>
    <message>
        <source>Render every main view into this folder once the fleet is in, then quit. For the demo fleet only: it sends real commands (to dev-1 to dev-8 and group-3) to have something to show.</source>
        <translation>Guarda cada vista principal en esta carpeta cuando la flota está conectada y sale. Solo para la flota de demostración: envía comandos reales (a dev-1 hasta dev-8 y a group-3) para tener algo que mostrar.</translation>
    </message>
    <message>
        <source>AWS IoT compatible device shadows (classic and named) for any MQTT broker, and the command gate: commands and desired changes that operators submit on fleet/gate/submit/USER/TOPIC are published when the catalog allows them, and sensitive ones only once an approver other than the requester approved exactly that request (docs/security.md). The gate&apos;s audit log is read over MQTT: a query on fleet/gate/audit/query/USER is answered on fleet/gate/audit/replies/USER (`fleetctl audit`, the console&apos;s audit view).
AWS IoT Device Management commands: the catalog&apos;s commands with the aws-commands dialect are started on fleet/aws-commands/start/USER/TOKEN, published to the devices on $aws/commands/things/THING/executions/ID/request/..., tracked through their lifecycle and timeout, and announced on $aws/events/commandExecution/COMMAND/STATUS (docs/aws-commands.md).
Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 1 when the database cannot be used or the broker refuses the connection for good, 2 for invalid options.
Every accepted update is on disk (SQLite WAL with fsync, or a PostgreSQL commit) before &quot;accepted&quot; is published. Several hubs may serve one fleet over one PostgreSQL database (docs/scaling.md); no version is lost or handed out twice.
With mosquitto, set &quot;set_tcp_nodelay true&quot; in its configuration: with Nagle&apos;s algorithm on (its default) replies can wait 40 ms for a delayed ACK.</source>
        <translation>Sombras de dispositivo compatibles con AWS IoT (clásicas y con nombre) para cualquier bróker MQTT, y la pasarela de comandos: los comandos y los cambios del estado deseado que los operadores envían en fleet/gate/submit/USER/TOPIC se publican cuando el catálogo los permite, y los sensibles solo cuando un aprobador distinto del solicitante ha aprobado exactamente esa solicitud (docs/security.md). El registro de auditoría de la pasarela se lee por MQTT: una consulta en fleet/gate/audit/query/USER se responde en fleet/gate/audit/replies/USER (`fleetctl audit`, la vista de auditoría de la consola).
Comandos de AWS IoT Device Management: los comandos del catálogo con el dialecto aws-commands se inician en fleet/aws-commands/start/USER/TOKEN, se publican a los dispositivos en $aws/commands/things/THING/executions/ID/request/..., se siguen a lo largo de su ciclo de vida y su plazo, y se anuncian en $aws/events/commandExecution/COMMAND/STATUS (docs/aws-commands.md).
Se detiene limpiamente con SIGTERM o SIGINT. Estado de salida: 0 tras una parada limpia, 1 cuando no se puede usar la base de datos o el bróker rechaza la conexión definitivamente, 2 para opciones no válidas.
Toda actualización aceptada está en disco (SQLite WAL con fsync, o un commit de PostgreSQL) antes de publicar &quot;accepted&quot;. Varios hubs pueden servir una flota sobre una base de datos PostgreSQL (docs/scaling.md); ninguna versión se pierde ni se entrega dos veces.
Con mosquitto, ponga &quot;set_tcp_nodelay true&quot; en su configuración: con el algoritmo de Nagle activado (su valor predeterminado) las respuestas pueden esperar 40 ms a un ACK retardado.</translation>
    </message>
    <message>
        <source>Where the shadows are kept: a SQLite file (created if missing; several hubs on one machine may share it), or a PostgreSQL database, postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=...], shared by hubs on any number of machines. Its password comes from FLEET_DB_PASSWORD, the systemd credential db-password, or PostgreSQL&apos;s own PGPASSWORD or ~/.pgpass, never from the URL.</source>
        <translation>Dónde se guardan las sombras: un archivo SQLite (se crea si no existe; varios hubs de una misma máquina pueden compartirlo) o una base de datos PostgreSQL, postgresql://[USUARIO@]HOST[:PUERTO]/BASE[?sslmode=...], compartida por hubs en cualquier número de máquinas. Su contraseña viene de FLEET_DB_PASSWORD, de la credencial de systemd db-password o de PGPASSWORD o ~/.pgpass de PostgreSQL, nunca de la URL.</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <translation>RUTA|URL</translation>
    </message>
    <message>
        <source>Database of the gate&apos;s held requests and audit log (default: the --db path with &quot;-gate&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de datos de las solicitudes retenidas y del registro de auditoría de la pasarela (predeterminada: la ruta de --db con &quot;-gate&quot; añadido, o la misma base de datos PostgreSQL).</translation>
    </message>
    <message>
        <source>Database of the AWS IoT command executions (default: the --db path with &quot;-commands&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de datos de las ejecuciones de comandos de AWS IoT (predeterminada: la ruta de --db con &quot;-commands&quot; añadido, o la misma base de datos PostgreSQL).</translation>
    </message>
    <message>
        <source>Database of the Azure IoT Hub device twins (default: the --db path with &quot;-twins&quot; appended, or the same PostgreSQL database).</source>
        <translation>Base de datos de los gemelos (twins) de los dispositivos de Azure IoT Hub (predeterminada: la ruta de --db con &quot;-twins&quot; añadido, o la misma base de datos PostgreSQL).</translation>
    </message>
    <message>
        <source>Serve shadows only, for a hub beside the one that runs the command gate, AWS IoT commands and Azure IoT Hub over the same database (docs/scaling.md).</source>
        <translation>Servir solo sombras, para un hub junto al que ejecuta la pasarela de comandos, los comandos de AWS IoT y Azure IoT Hub sobre la misma base de datos (docs/scaling.md).</translation>
    </message>
    <message>
        <source>--db PATH or --db URL is required.</source>
        <translation>--db RUTA o --db URL es obligatorio.</translation>
    </message>
    <message>
        <source>Serving shadows only: the gate, AWS IoT commands and Azure IoT Hub are left to another hub.</source>
        <translation>Solo se sirven sombras: la pasarela, los comandos de AWS IoT y Azure IoT Hub quedan para otro hub.</translation>
    </message>
    <message>
        <source>%1 request(s) ran again after losing a race with another hub.</source>
        <translation>%1 solicitud(es) se ejecutaron de nuevo tras perder una carrera con otro hub.</translation>
    </message>
</context>
</TS>

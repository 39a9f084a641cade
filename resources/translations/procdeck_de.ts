<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutBox</name>
    <message>
        <source>&lt;p&gt;Launch, watch, join and stop child processes.&lt;/p&gt;&lt;p&gt;Every verb of Python&apos;s &lt;code&gt;multiprocessing.Process&lt;/code&gt; has a button here, with the same meaning.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kindprozesse starten, beobachten, auf sie warten (join) und stoppen.&lt;/p&gt;&lt;p&gt;Für jedes Verb von Pythons &lt;code&gt;multiprocessing.Process&lt;/code&gt; gibt es hier eine Schaltfläche mit derselben Bedeutung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Free software under the GNU General Public License, version 3 or any later version (&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;). It comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Freie Software unter der GNU General Public License, Version 3 oder jeder späteren Version (&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;). Ohne jede Gewährleistung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gebaut mit Qt %1, läuft mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About ProcDeck</source>
        <translation>Über ProcDeck</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a Running ProcDeck</source>
        <translation>An ein laufendes ProcDeck anhängen</translation>
    </message>
    <message>
        <source>&amp;Running on this machine:</source>
        <translation>Auf diesem &amp;Rechner laufend:</translation>
    </message>
    <message>
        <source>Running ProcDecks</source>
        <translation>Laufende ProcDecks</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Session File</source>
        <translation>Sitzungsdatei</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>&amp;Or attach to:</source>
        <translation>&amp;Oder anhängen an:</translation>
    </message>
    <message>
        <source>Where the ProcDeck to attach to runs</source>
        <translation>Wo das ProcDeck läuft, an das angehängt werden soll</translation>
    </message>
    <message>
        <source>ssh://[user@]host[:port][/session], or a name or session file here</source>
        <translation>ssh://[user@]host[:port][/session], oder ein Name oder eine Sitzungsdatei hier</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Anhängen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Looking for running ProcDecks…</source>
        <translation>Suche nach laufenden ProcDecks…</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>headless</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
    <message>
        <source>No other ProcDeck is running on this machine. Start one that keeps running without a window with:
    procdeck --headless FILE --serve
or attach to one on another machine below.</source>
        <translation>Auf diesem Rechner läuft kein anderes ProcDeck. Eines, das ohne Fenster weiterläuft, startet:
    procdeck --headless FILE --serve
oder hängen Sie unten an eines auf einem anderen Rechner an.</translation>
    </message>
</context>
<context>
    <name>AttachTarget</name>
    <message>
        <source>“%1” is not a port: give a number from 1 to 65535</source>
        <translation>„%1“ ist kein Port: Geben Sie eine Zahl von 1 bis 65535 an</translation>
    </message>
    <message>
        <source>the IPv6 address has no closing “]”</source>
        <translation>der IPv6-Adresse fehlt die schließende „]“</translation>
    </message>
    <message>
        <source>an IPv6 address goes in brackets, as in ssh://[%1]</source>
        <translation>eine IPv6-Adresse steht in eckigen Klammern, etwa ssh://[%1]</translation>
    </message>
    <message>
        <source>the address names no host: write ssh://HOST or ssh://USER@HOST</source>
        <translation>die Adresse nennt keinen Host: Schreiben Sie ssh://HOST oder ssh://USER@HOST</translation>
    </message>
    <message>
        <source>“%1” is not a host name</source>
        <translation>„%1“ ist kein Hostname</translation>
    </message>
    <message>
        <source>“%1” after the host is neither a port nor a session (“:PORT”, “/SESSION”)</source>
        <translation>„%1“ nach dem Host ist weder ein Port noch eine Sitzung („:PORT“, „/SESSION“)</translation>
    </message>
    <message>
        <source>the port after “:” is missing</source>
        <translation>der Port nach „:“ fehlt</translation>
    </message>
    <message>
        <source>a password does not belong in the address: ssh asks for one when it needs it</source>
        <translation>ein Passwort gehört nicht in die Adresse: ssh fragt danach, wenn es eines braucht</translation>
    </message>
    <message>
        <source>the user name before “@” is empty</source>
        <translation>der Benutzername vor „@“ ist leer</translation>
    </message>
    <message>
        <source>“%1” is not a user name</source>
        <translation>„%1“ ist kein Benutzername</translation>
    </message>
    <message>
        <source>the session name has a line break in it</source>
        <translation>der Sitzungsname enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>the ProcDeck of %1 is not running any more</source>
        <translation>das ProcDeck von %1 läuft nicht mehr</translation>
    </message>
    <message>
        <source>no running ProcDeck is called %1</source>
        <translation>kein laufendes ProcDeck heißt %1</translation>
    </message>
    <message>
        <source>“%1” cannot be attached to: only ssh:// reaches another machine</source>
        <translation>mit „%1“ kann nicht verbunden werden: nur ssh:// erreicht einen anderen Rechner</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>CgroupScope</name>
    <message>
        <source>systemd did not answer within %1 ms</source>
        <translation>systemd hat nicht innerhalb von %1 ms geantwortet</translation>
    </message>
    <message>
        <source>limits not applied: %1</source>
        <translation>Grenzen nicht angewendet: %1</translation>
    </message>
    <message>
        <source>systemd&apos;s job for %1 ended with &quot;%2&quot;</source>
        <translation>Der systemd-Job für %1 endete mit „%2“</translation>
    </message>
    <message>
        <source>process %1 is not in %2</source>
        <translation>Prozess %1 ist nicht in %2</translation>
    </message>
    <message>
        <source>could not place %1 in a cgroup: %2</source>
        <translation>%1 konnte nicht in eine cgroup gelegt werden: %2</translation>
    </message>
    <message>
        <source>could not place %1 in a cgroup: %2; limits not applied</source>
        <translation>%1 konnte nicht in eine cgroup gelegt werden: %2; Grenzen nicht angewendet</translation>
    </message>
    <message>
        <source>processes left in %1 after the process tree ended: killed (cgroup.kill)</source>
        <translation>Prozesse in %1 nach dem Ende des Prozessbaums übrig: gekillt (cgroup.kill)</translation>
    </message>
    <message>
        <source>restart above %1 MB not applied: the scope&apos;s memory controller could not be watched</source>
        <translation>Neustart über %1 MB nicht angewendet: der Speicher-Controller des Scopes ließ sich nicht beobachten</translation>
    </message>
    <message>
        <source>memory went above %1 MB: restarting</source>
        <translation>Speicher über %1 MB: Neustart</translation>
    </message>
    <message>
        <source>killed by the kernel: out of memory (memory maximum %1 MB)</source>
        <translation>vom Kernel gekillt: Speicher erschöpft (Speichermaximum %1 MB)</translation>
    </message>
    <message>
        <source>killed by the kernel: out of memory</source>
        <translation>vom Kernel gekillt: Speicher erschöpft</translation>
    </message>
</context>
<context>
    <name>CgroupSupport</name>
    <message>
        <source>ProcDeck: %1</source>
        <translation>ProcDeck: %1</translation>
    </message>
    <message>
        <source>no systemd user session on the D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>keine systemd-Benutzersitzung auf dem D-Bus-Sitzungsbus (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>no systemd user session: the D-Bus session bus does not answer (%1)</source>
        <translation>keine systemd-Benutzersitzung: der D-Bus-Sitzungsbus antwortet nicht (%1)</translation>
    </message>
    <message>
        <source>no systemd user manager on the D-Bus session bus (%1)</source>
        <translation>kein systemd-Benutzermanager auf dem D-Bus-Sitzungsbus (%1)</translation>
    </message>
    <message>
        <source>limits need a cgroup per entry: %1</source>
        <translation>Grenzen brauchen eine cgroup pro Eintrag: %1</translation>
    </message>
    <message>
        <source>the kernel&apos;s memory controller is not available</source>
        <translation>der Speicher-Controller des Kernels ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>ChildProcess</name>
    <message>
        <source>procdeck-reaper, which starts every entry, is missing; reinstall ProcDeck</source>
        <translation>procdeck-reaper, der jeden Eintrag startet, fehlt; ProcDeck neu installieren</translation>
    </message>
    <message>
        <source>not running in a terminal</source>
        <translation>läuft nicht in einem Terminal</translation>
    </message>
    <message>
        <source>the terminal has no interrupt character</source>
        <translation>das Terminal hat kein Unterbrechungszeichen</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>its reaper ended before the program started</source>
        <translation>sein Reaper endete, bevor das Programm startete</translation>
    </message>
    <message>
        <source>cannot create a socket: %1</source>
        <translation>Socket kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>its reaper (PID %1) was killed from outside; ProcDeck killed what was left of its processes</source>
        <translation>sein Reaper (PID %1) wurde von außen gekillt; ProcDeck hat seine übrigen Prozesse gekillt</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>too many arguments: one FILE at most (got %1)</source>
        <translation>zu viele Argumente: höchstens eine DATEI (%1 angegeben)</translation>
    </message>
    <message>
        <source>--headless and --start-all cannot be used together</source>
        <translation>--headless und --start-all können nicht zusammen verwendet werden</translation>
    </message>
    <message>
        <source>%1 needs a FILE</source>
        <translation>%1 braucht eine DATEI</translation>
    </message>
    <message>
        <source>--timeout applies only with --headless</source>
        <translation>--timeout gilt nur zusammen mit --headless</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a positive number of seconds</source>
        <translation>--timeout: „%1“ ist keine positive Anzahl Sekunden</translation>
    </message>
    <message>
        <source>Try &apos;procdeck --help&apos;.</source>
        <translation>„procdeck --help“ liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>Qt&apos;s own options apply to the window: -style STYLE, -stylesheet FILE, -platform NAME,
-reverse (right to left), -qwindowgeometry WxH+X+Y and the others Qt documents.
</source>
        <translation>Die Optionen von Qt gelten für das Fenster: -style STIL, -stylesheet DATEI, -platform NAME,
-reverse (von rechts nach links), -qwindowgeometry BxH+X+Y und die übrigen, die Qt beschreibt.
</translation>
    </message>
    <message>
        <source>--serve applies only with --headless</source>
        <translation>--serve gilt nur mit --headless</translation>
    </message>
    <message>
        <source>Exit status (headless): 0 when every entry exited 0; otherwise the first non-zero exit
status in start order (128+N for death by signal N, %1 for a failed start, %2 for an
entry not started because a dependency failed); %3 on timeout; 128+N when ProcDeck was
stopped by signal N; %4 for a bad file or arguments.
</source>
        <translation>Exit-Status (headless): 0, wenn jeder Eintrag mit 0 endete; sonst der erste von 0
verschiedene Exit-Status in Startreihenfolge (128+N bei Tod durch Signal N, %1 bei
fehlgeschlagenem Start, %2 für einen Eintrag, der nicht gestartet wurde, weil eine
Abhängigkeit fehlschlug); %3 bei Zeitüberschreitung; 128+N, wenn ProcDeck durch Signal N
gestoppt wurde; %4 bei fehlerhafter Datei oder fehlerhaften Argumenten.
</translation>
    </message>
    <message>
        <source>--attach needs a TARGET: ssh://[user@]host[:port][/session], or a ProcDeck here as &apos;procdeck ctl instances&apos; names it</source>
        <translation>--attach braucht ein ZIEL: ssh://[user@]host[:port][/session], oder ein ProcDeck hier, wie &apos;procdeck ctl instances&apos; es nennt</translation>
    </message>
    <message>
        <source>--attach cannot be used with --headless, --start-all, --serve or --timeout</source>
        <translation>--attach kann nicht zusammen mit --headless, --start-all, --serve oder --timeout verwendet werden</translation>
    </message>
    <message>
        <source>--attach takes no FILE: the session is the attached ProcDeck&apos;s</source>
        <translation>--attach nimmt keine DATEI: Die Sitzung ist die des angehängten ProcDecks</translation>
    </message>
    <message>
        <source>Usage:
  procdeck [FILE]                  open a session file (JSON) or a Procfile in the window
  procdeck --start-all FILE        open it and start every entry (asks first if the file
                                   is not trusted)
  procdeck --headless FILE [--timeout SECONDS] [--serve]
                                   no window: start every entry and join them all;
                                   --serve: keep serving until &apos;procdeck ctl quit&apos;
  procdeck ctl [--session NAME] VERB [ARGS]
                                   drive a running ProcDeck (&apos;procdeck ctl help&apos;)
  procdeck --attach TARGET         the window, showing a running ProcDeck (its entries
                                   keep running when the window closes); TARGET is
                                   ssh://[user@]host[:port][/session] for one on another
                                   machine, or a name from &apos;procdeck ctl instances&apos;, a
                                   socket&apos;s path or a session file for one here
  procdeck --version | --help

Headless output, one line per output line of an entry:
  name | text      a line the entry wrote on stdout
  name ! text      a line the entry wrote on stderr
  name * text      ProcDeck&apos;s note about the entry (started, exited, terminate, ...)
Colours only when stdout is a terminal (and NO_COLOR is not set). On --timeout, Ctrl-C
or SIGTERM every entry is terminated (its stop signal, then SIGKILL after its grace
period); a second Ctrl-C kills at once.
</source>
        <translation>Aufruf:
  procdeck [DATEI]                 eine Sitzungsdatei (JSON) oder ein Procfile im Fenster öffnen
  procdeck --start-all DATEI       öffnen und jeden Eintrag starten (fragt vorher, wenn der
                                   Datei nicht vertraut wird)
  procdeck --headless DATEI [--timeout SEKUNDEN] [--serve]
                                   ohne Fenster: alle Einträge starten, auf alle warten (join);
                                   --serve: weiter bedienen bis &apos;procdeck ctl quit&apos;
  procdeck ctl [--session NAME] VERB [ARGUMENTE]
                                   ein laufendes ProcDeck steuern (&apos;procdeck ctl help&apos;)
  procdeck --attach ZIEL           das Fenster, das ein laufendes ProcDeck zeigt (seine
                                   Einträge laufen weiter, wenn das Fenster schließt); ZIEL
                                   ist ssh://[user@]host[:port][/session] für eines auf einem
                                   anderen Rechner, oder ein Name aus &apos;procdeck ctl instances&apos;,
                                   ein Socket-Pfad oder eine Sitzungsdatei für eines hier
  procdeck --version | --help

Ausgabe im Headless-Modus, eine Zeile je Ausgabezeile eines Eintrags:
  Name | Text      eine Zeile, die der Eintrag auf stdout geschrieben hat
  Name ! Text      eine Zeile, die der Eintrag auf stderr geschrieben hat
  Name * Text      Hinweis von ProcDeck zum Eintrag (gestartet, beendet, terminate, ...)
Farben nur, wenn stdout ein Terminal ist (und NO_COLOR nicht gesetzt ist). Bei --timeout,
Ctrl-C oder SIGTERM wird jeder Eintrag beendet (mit seinem Stoppsignal, nach seiner
Schonfrist mit SIGKILL); ein zweites Ctrl-C sendet sofort SIGKILL.
</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>%1 did not say hello</source>
        <translation>%1 hat sich nicht gemeldet (kein hello)</translation>
    </message>
    <message>
        <source>the ProcDeck closed the connection</source>
        <translation>das ProcDeck hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>a malformed answer: %1</source>
        <translation>eine fehlerhafte Antwort: %1</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
    <message>
        <source>NAME	STATE	PID	EXIT	UPTIME	RESTARTS</source>
        <translation>NAME	ZUSTAND	PID	EXIT	LAUFZEIT	NEUSTARTS</translation>
    </message>
    <message>
        <source> (gave up)</source>
        <translation> (aufgegeben)</translation>
    </message>
    <message>
        <source>%1: %2, PID %3, %4</source>
        <translation>%1: %2, PID %3, %4</translation>
    </message>
    <message>
        <source>unsaved session</source>
        <translation>nicht gespeicherte Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>the ProcDeck of %1 is not running any more (its stale socket was removed)</source>
        <translation>das ProcDeck von %1 läuft nicht mehr (sein verwaister Socket wurde entfernt)</translation>
    </message>
    <message>
        <source>no running ProcDeck is called %1 or has that session file (&apos;procdeck ctl instances&apos; lists them)</source>
        <translation>kein laufendes ProcDeck heißt %1 oder hat diese Sitzungsdatei (&apos;procdeck ctl instances&apos; listet sie auf)</translation>
    </message>
    <message>
        <source>no ProcDeck is running (no control socket in %1)</source>
        <translation>kein ProcDeck läuft (kein Steuer-Socket in %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n ProcDecks are running: choose one with --session NAME</source>
        <translation>
            <numerusform>%n ProcDeck läuft: eines mit --session NAME (Sitzung) wählen</numerusform>
            <numerusform>%n ProcDecks laufen: eines mit --session NAME (Sitzung) wählen</numerusform>
        </translation>
    </message>
    <message>
        <source>added %1
</source>
        <translation>%1 hinzugefügt
</translation>
    </message>
    <message>
        <source>the request was refused</source>
        <translation>die Anfrage wurde abgewiesen</translation>
    </message>
    <message>
        <source>Try &apos;procdeck ctl help&apos;.</source>
        <translation>Siehe &apos;procdeck ctl help&apos;.</translation>
    </message>
    <message>
        <source>no ProcDeck is running (no folder %1)</source>
        <translation>kein ProcDeck läuft (kein Ordner %1)</translation>
    </message>
    <message>
        <source>NAME	PID	MODE	ENTRIES	SESSION</source>
        <translation>NAME	PID	MODUS	EINTRÄGE	SITZUNG</translation>
    </message>
    <message>
        <source>%1 %2 needs a value</source>
        <translation>%1 %2 braucht einen Wert</translation>
    </message>
    <message>
        <source>join --timeout: &quot;%1&quot; is not a number of seconds</source>
        <translation>join --timeout: &quot;%1&quot; ist keine Anzahl Sekunden (Warten auf das Ende)</translation>
    </message>
    <message>
        <source>logs --since: &quot;%1&quot; is neither a duration (30s, 5m, 2h, 1d) nor a date and time</source>
        <translation>logs --since: &quot;%1&quot; ist weder eine Dauer (30s, 5m, 2h, 1d) noch Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>%1: unknown option %2</source>
        <translation>%1: unbekannte Option %2</translation>
    </message>
    <message>
        <source>--session needs a NAME</source>
        <translation>--session braucht einen NAME (die Sitzung)</translation>
    </message>
    <message>
        <source>no VERB given</source>
        <translation>kein VERB angegeben</translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation>%1 nimmt keine Argumente</translation>
    </message>
    <message>
        <source>add needs one JSON entry, e.g. add &apos;{&quot;name&quot;:&quot;web&quot;,&quot;program&quot;:&quot;python3&quot;,&quot;args&quot;:[&quot;-m&quot;,&quot;http.server&quot;]}&apos;</source>
        <translation>add braucht einen Eintrag als JSON, z. B. add &apos;{&quot;name&quot;:&quot;web&quot;,&quot;program&quot;:&quot;python3&quot;,&quot;args&quot;:[&quot;-m&quot;,&quot;http.server&quot;]}&apos;</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;</source>
        <translation>unbekanntes Verb &quot;%1&quot;</translation>
    </message>
    <message>
        <source>signal needs a SIGNAL and a NAME</source>
        <translation>signal braucht ein Signal (SIGNAL) und einen NAME</translation>
    </message>
    <message>
        <source>%1 needs a NAME (or several)</source>
        <translation>%1 braucht einen NAME (oder mehrere)</translation>
    </message>
    <message>
        <source>changed %1
</source>
        <translation>%1 geändert
</translation>
    </message>
    <message>
        <source>%1: not JSON (%2 at offset %3)</source>
        <translation>%1: kein JSON (%2 an Position %3)</translation>
    </message>
    <message>
        <source>%1: the entry must be a JSON object</source>
        <translation>%1: der Eintrag muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>input needs a NAME and a TEXT (sent with a newline), or --eof NAME</source>
        <translation>input braucht einen NAME und einen TEXT (mit Zeilenumbruch gesendet), oder --eof NAME</translation>
    </message>
    <message>
        <source>scale needs a NAME and a COUNT</source>
        <translation>scale braucht einen NAME und eine Anzahl COUNT</translation>
    </message>
    <message>
        <source>edit needs a NAME and one JSON entry</source>
        <translation>edit braucht einen NAME und einen Eintrag als JSON</translation>
    </message>
    <message>
        <source>scale: &quot;%1&quot; is not a number of copies</source>
        <translation>scale: &quot;%1&quot; ist keine Anzahl von Kopien</translation>
    </message>
    <message>
        <source>Usage: procdeck ctl [--session NAME] VERB [ARGS]

  instances                  the running ProcDecks: name, PID, mode, entries, session
  list [--json] [NAME...]    the entries: name, state, PID, exit, uptime, restarts
  status                     one line about the session, one counting the states
  start|stop|kill|restart NAME...
                             the toolbar&apos;s verbs (stop = terminate: the stop signal,
                             SIGKILL after the grace period)
  signal SIG NAME...         send a signal (TERM, SIGUSR1, 10, ...)
  join [--timeout S] NAME... wait for the entries to end; exit status as headless mode
                             (124 when one is still running at the timeout)
  logs [-f] [--since T] [NAME...]
                             their output as &apos;name | line&apos;; -f: then new lines until
                             Ctrl-C; T: 30s, 5m, 2h, 1d back, or a date and time
  pause|resume|interrupt NAME...
                             stop and continue them (SIGSTOP, SIGCONT); Ctrl+C in a
                             terminal entry
  input NAME TEXT            a line to the entry&apos;s standard input; --eof NAME closes it
  add JSON                   add an entry, written as in a session file
  edit NAME JSON             give the entry (or group) this entry object, as Edit does
  scale NAME COUNT           run COUNT copies of the entry (NAME-1 ... NAME-COUNT)
  remove NAME...             terminate the entries, then remove them
  quit                       stop every entry and end that ProcDeck (a window too,
                             without asking; unsaved changes are not saved)
  bridge                     join standard input and output to the socket, byte for
                             byte (ssh HOST procdeck ctl bridge: that machine&apos;s socket)

A replicated entry&apos;s group name (api) means all its copies (api-1, api-2, ...).
Without --session: the only ProcDeck running. NAME is a socket name from &apos;instances&apos;
(stack, stack-2) or a session file.
Exit status: 0; 1 when an entry refused a verb; join as headless mode; 2 for a usage
error, an unknown entry, no (or several) ProcDecks, a dead one or a refused request.
</source>
        <translation>Aufruf: procdeck ctl [--session NAME] VERB [ARGUMENTE]

  instances                  die laufenden ProcDecks: Name, PID, Modus, Einträge, Sitzung
  list [--json] [NAME...]    die Einträge: Name, Zustand, PID, Exit, Laufzeit, Neustarts
  status                     eine Zeile zur Sitzung, eine mit der Zahl je Zustand
  start|stop|kill|restart NAME...
                             die Verben der Werkzeugleiste (stop = terminate: das
                             Stoppsignal, nach der Schonfrist SIGKILL)
  signal SIG NAME...         ein Signal senden (TERM, SIGUSR1, 10, ...)
  join [--timeout S] NAME... auf das Ende der Einträge warten; Exit-Status wie im
                             Headless-Modus (124, wenn einer beim Timeout noch läuft)
  logs [-f] [--since T] [NAME...]
                             ihre Ausgabe als &apos;Name | Zeile&apos;; -f: danach neue Zeilen bis
                             Ctrl-C; T: 30s, 5m, 2h, 1d zurück, oder Datum und Uhrzeit
  pause|resume|interrupt NAME...
                             anhalten und fortsetzen (SIGSTOP, SIGCONT); Ctrl+C in einem
                             Terminal-Eintrag
  input NAME TEXT            eine Zeile an die Standardeingabe des Eintrags; --eof NAME
                             schließt sie
  add JSON                   einen Eintrag hinzufügen, geschrieben wie in einer Sitzungsdatei
  edit NAME JSON             dem Eintrag (oder der Gruppe) dieses Eintragsobjekt geben,
                             wie Bearbeiten es tut
  scale NAME COUNT           COUNT Kopien des Eintrags laufen lassen (NAME-1 ... NAME-COUNT)
  remove NAME...             die Einträge beenden (terminate), dann entfernen
  quit                       jeden Eintrag stoppen und dieses ProcDeck beenden (auch ein
                             Fenster, ohne Rückfrage; ungespeicherte Änderungen gehen verloren)
  bridge                     Standardein- und -ausgabe Byte für Byte mit dem Socket
                             verbinden (ssh HOST procdeck ctl bridge: der Socket dort)

Der Gruppenname eines vervielfachten Eintrags (api) meint alle Kopien (api-1, api-2, ...).
Ohne --session: das einzige laufende ProcDeck. NAME ist ein Socket-Name aus &apos;instances&apos;
(stack, stack-2) oder eine Sitzungsdatei.
Exit-Status: 0; 1, wenn ein Eintrag ein Verb abgelehnt hat; join wie im Headless-Modus;
2 bei einem Aufruffehler, einem unbekannten Eintrag, keinem (oder mehreren) ProcDecks,
einem beendeten oder einer abgewiesenen Anfrage.
</translation>
    </message>
</context>
<context>
    <name>ControlConnection</name>
    <message>
        <source>request longer than %1 bytes</source>
        <translation>Anfrage länger als %1 Bytes</translation>
    </message>
    <message>
        <source>no &quot;verb&quot; in the request</source>
        <translation>kein &quot;verb&quot; in der Anfrage</translation>
    </message>
    <message>
        <source>unknown verb %1</source>
        <translation>unbekanntes Verb %1</translation>
    </message>
    <message>
        <source>%1: no entry named (give one NAME or more)</source>
        <translation>%1: kein Eintrag genannt (einen NAME oder mehrere angeben)</translation>
    </message>
    <message>
        <source>no entry named %1</source>
        <translation>kein Eintrag namens %1</translation>
    </message>
    <message>
        <source>signal: no signal given</source>
        <translation>signal: kein Signal angegeben</translation>
    </message>
    <message>
        <source>no signal named %1</source>
        <translation>kein Signal namens %1</translation>
    </message>
    <message>
        <source>join: &quot;timeoutMs&quot; must be a number of milliseconds, 0 or more</source>
        <translation>join: &quot;timeoutMs&quot; muss eine Anzahl Millisekunden sein, 0 oder mehr (Warten auf das Ende)</translation>
    </message>
    <message>
        <source>an entry named %1 exists already</source>
        <translation>ein Eintrag namens %1 existiert bereits</translation>
    </message>
    <message>
        <source>this connection is already streaming (logs or watch): open another one</source>
        <translation>diese Verbindung überträgt bereits (logs oder watch): öffnen Sie eine weitere</translation>
    </message>
    <message>
        <source>%1: &quot;entry&quot; must be one entry&apos;s JSON object</source>
        <translation>%1: &quot;entry&quot; muss das JSON-Objekt eines Eintrags sein</translation>
    </message>
    <message>
        <source>input: name exactly one entry</source>
        <translation>input: nennen Sie genau einen Eintrag</translation>
    </message>
    <message numerus="yes">
        <source>input: %1 is a group of %n entries: name one of them</source>
        <translation>
            <numerusform>input: %1 ist eine Gruppe aus %n Eintrag: nennen Sie einen davon</numerusform>
            <numerusform>input: %1 ist eine Gruppe aus %n Einträgen: nennen Sie einen davon</numerusform>
        </translation>
    </message>
    <message>
        <source>input: give &quot;text&quot; (a string) or &quot;eof&quot;: true</source>
        <translation>input: geben Sie &quot;text&quot; (eine Zeichenkette) oder &quot;eof&quot;: true an</translation>
    </message>
    <message>
        <source>edit: name exactly one entry or group</source>
        <translation>edit: nennen Sie genau einen Eintrag oder eine Gruppe</translation>
    </message>
    <message>
        <source>scale: name exactly one group or entry</source>
        <translation>scale: nennen Sie genau eine Gruppe oder einen Eintrag</translation>
    </message>
    <message>
        <source>scale: &quot;count&quot; must be a whole number from 1 to %1</source>
        <translation>scale: &quot;count&quot; muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
</context>
<context>
    <name>ControlProtocol</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder: the control socket needs a folder of its own there</source>
        <translation>%1 ist kein Ordner: der Steuer-Socket braucht dort einen eigenen Ordner</translation>
    </message>
    <message>
        <source>%1 belongs to user %2, not to you (%3): refusing to put the control socket there</source>
        <translation>%1 gehört Benutzer %2, nicht Ihnen (%3): der Steuer-Socket wird dort nicht angelegt</translation>
    </message>
    <message>
        <source>%1 has mode %2, not 0700: others could reach the control socket; refusing to use it (chmod 700 it, or remove it)</source>
        <translation>%1 hat den Modus %2, nicht 0700: andere könnten den Steuer-Socket erreichen; er wird nicht benutzt (mit chmod 700 ändern oder entfernen)</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot tell which user is connecting (SO_PEERCRED): refused</source>
        <translation>unklar, welcher Benutzer sich verbindet (SO_PEERCRED): abgewiesen</translation>
    </message>
    <message>
        <source>user %1 may not control a ProcDeck of user %2: refused</source>
        <translation>Benutzer %1 darf kein ProcDeck von Benutzer %2 steuern: abgewiesen</translation>
    </message>
    <message>
        <source>not JSON (%1 at offset %2)</source>
        <translation>kein JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; version key</source>
        <translation>kein Versionsschlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>protocol version %1 is not spoken here (this ProcDeck speaks %2)</source>
        <translation>Protokollversion %1 wird hier nicht gesprochen (dieses ProcDeck spricht %2)</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot make %1 private (chmod 600): %2</source>
        <translation>%1 kann nicht privat gemacht werden (chmod 600): %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>every name from %1 to %1-%2 is taken in %3</source>
        <translation>jeder Name von %1 bis %1-%2 ist in %3 vergeben</translation>
    </message>
</context>
<context>
    <name>CronSchedule</name>
    <message>
        <source>%1 field: &quot;%2&quot; is not a number or a name</source>
        <translation>Feld %1: „%2“ ist weder eine Zahl noch ein Name</translation>
    </message>
    <message>
        <source>%1 field: %2 is out of range %3–%4</source>
        <translation>Feld %1: %2 liegt außerhalb des Bereichs %3–%4</translation>
    </message>
    <message>
        <source>%1 field: an empty item in the list</source>
        <translation>Feld %1: ein leerer Eintrag in der Liste</translation>
    </message>
    <message>
        <source>%1 field: the step &quot;%2&quot; is not a number from 1 to %3</source>
        <translation>Feld %1: die Schrittweite „%2“ ist keine Zahl von 1 bis %3</translation>
    </message>
    <message>
        <source>%1 field: the range %2 goes backwards</source>
        <translation>Feld %1: der Bereich %2 läuft rückwärts</translation>
    </message>
    <message>
        <source>unknown shortcut %1 (known: @yearly, @monthly, @weekly, @daily, @hourly)</source>
        <translation>unbekannte Abkürzung %1 (bekannt: @yearly, @monthly, @weekly, @daily, @hourly)</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <translation>Tag-des-Monats</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>expected five fields (minute hour day-of-month month day-of-week), found %1</source>
        <translation>fünf Felder erwartet (Minute Stunde Tag-des-Monats Monat Wochentag), gefunden: %1</translation>
    </message>
    <message>
        <source>day-of-month field: no day of %1 falls in the months of the month field</source>
        <translation>Feld Tag-des-Monats: kein Tag aus %1 kommt in den Monaten des Monatsfelds vor</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>last %1 min</source>
        <translation>letzte %1 min</translation>
    </message>
    <message>
        <source>last %1 s</source>
        <translation>letzte %1 s</translation>
    </message>
    <message>
        <source>CPU, %1</source>
        <translation>CPU, %1</translation>
    </message>
    <message>
        <source>Memory, %1</source>
        <translation>Speicher, %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>waiting for a sample</source>
        <translation>wartet auf eine Messung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Verzeichnis:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>PID, group:</source>
        <translation>PID, Gruppe:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>Last exit:</source>
        <translation>Letzter Exit:</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>Prozessbaum</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Kein Eintrag ausgewählt</translation>
    </message>
    <message>
        <source>sh -c %1</source>
        <translation>sh -c %1</translation>
    </message>
    <message>
        <source>inherited unchanged</source>
        <translation>unverändert geerbt</translation>
    </message>
    <message>
        <source>%1, group %1%2</source>
        <translation>%1, Gruppe %1%2</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (beendet)</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>Start fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Grenzen:</translation>
    </message>
    <message>
        <source>Memory maximum %1 MB</source>
        <translation>Speichermaximum %1 MB</translation>
    </message>
    <message>
        <source>CPU quota %1 %</source>
        <translation>CPU-Kontingent %1 %</translation>
    </message>
    <message>
        <source>restart above %1 MB</source>
        <translation>Neustart über %1 MB</translation>
    </message>
    <message>
        <source>Cgroup:</source>
        <translation>Cgroup:</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>Ausstehend:</translation>
    </message>
    <message>
        <source>Edited: the new settings apply at the next start (Restart, Ctrl+R)</source>
        <translation>Bearbeitet: die neuen Einstellungen gelten ab dem nächsten Start (Neu starten, Strg+R)</translation>
    </message>
    <message>
        <source>%1 (cannot start: %2)</source>
        <translation>%1 (kann nicht starten: %2)</translation>
    </message>
    <message>
        <source>%1 (out of memory)</source>
        <translation>%1 (Speicher erschöpft)</translation>
    </message>
    <message>
        <source>Next run:</source>
        <translation>Nächster Lauf:</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>Hängt ab von:</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <source>%1, run %2</source>
        <translation>%1, Lauf %2</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>Start fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>DialogFields</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>the ProcDeck ended</source>
        <translation>das ProcDeck wurde beendet</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 ist abgestürzt</translation>
    </message>
    <message>
        <source>the connection to %1 ended (exit code %2)</source>
        <translation>die Verbindung zu %1 ist beendet (Exit-Code %2)</translation>
    </message>
    <message>
        <source>%1 ended with exit code %2 before ProcDeck answered</source>
        <translation>%1 endete mit Exit-Code %2, bevor ProcDeck antwortete</translation>
    </message>
    <message>
        <source>a malformed message: a line longer than %1 bytes</source>
        <translation>eine fehlerhafte Nachricht: eine Zeile länger als %1 Bytes</translation>
    </message>
    <message>
        <source>a malformed message: %1</source>
        <translation>eine fehlerhafte Nachricht: %1</translation>
    </message>
    <message>
        <source>the other side is not a ProcDeck (it did not say hello)</source>
        <translation>die Gegenseite ist kein ProcDeck (kein hello)</translation>
    </message>
</context>
<context>
    <name>FileWatcher</name>
    <message>
        <source>cannot watch files: too many inotify instances are open (fs.inotify.max_user_instances)</source>
        <translation>Dateien können nicht überwacht werden: zu viele inotify-Instanzen sind offen (fs.inotify.max_user_instances)</translation>
    </message>
    <message>
        <source>cannot watch files: %1</source>
        <translation>Dateien können nicht überwacht werden: %1</translation>
    </message>
    <message>
        <source>cannot watch some folders: %1</source>
        <translation>Einige Ordner können nicht überwacht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>cannot watch %Ln folder(s): the system allows %1 inotify watches (fs.inotify.max_user_watches) for all of the user&apos;s programs; %2 are watched and changes in the others do not restart the entry. Raise the limit (sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders</source>
        <translation>
            <numerusform>%Ln Ordner kann nicht überwacht werden: das System erlaubt %1 inotify-Überwachungen (fs.inotify.max_user_watches) für alle Programme des Benutzers; %2 werden überwacht, und Änderungen in den anderen starten den Eintrag nicht neu. Heben Sie die Grenze an (sudo sysctl fs.inotify.max_user_watches=%3) oder ignorieren Sie mehr Ordner</numerusform>
            <numerusform>%Ln Ordner können nicht überwacht werden: das System erlaubt %1 inotify-Überwachungen (fs.inotify.max_user_watches) für alle Programme des Benutzers; %2 werden überwacht, und Änderungen in den anderen starten den Eintrag nicht neu. Heben Sie die Grenze an (sudo sysctl fs.inotify.max_user_watches=%3) oder ignorieren Sie mehr Ordner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>timeout after %1 s: terminating every entry</source>
        <translation>Zeitlimit nach %1 s erreicht: alle Einträge werden beendet</translation>
    </message>
    <message>
        <source>%1: terminating every entry (again to kill them at once)</source>
        <translation>%1: alle Einträge werden beendet (noch einmal für sofortiges SIGKILL)</translation>
    </message>
    <message>
        <source>%1 again: killing every entry</source>
        <translation>%1 erneut: alle Einträge erhalten SIGKILL</translation>
    </message>
    <message numerus="yes">
        <source>killed %n process(es) that the entries left behind</source>
        <translation>
            <numerusform>%n Prozess, den die Einträge zurückgelassen haben, mit SIGKILL beendet</numerusform>
            <numerusform>%n Prozesse, die die Einträge zurückgelassen haben, mit SIGKILL beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>control socket: %1</source>
        <translation>Steuer-Socket: %1</translation>
    </message>
    <message>
        <source>SIGHUP ignored: serving until &apos;procdeck ctl quit&apos;, SIGINT or SIGTERM</source>
        <translation>SIGHUP ignoriert: bedient weiter bis &apos;procdeck ctl quit&apos;, SIGINT oder SIGTERM</translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>waiting for a line matching %1</source>
        <translation>warte auf eine Zeile, die zu %1 passt</translation>
    </message>
    <message>
        <source>no line matching %1 within %2 ms</source>
        <translation>keine zu %1 passende Zeile innerhalb von %2 ms</translation>
    </message>
    <message>
        <source>no line matching %1 for %2 ms</source>
        <translation>seit %2 ms keine zu %1 passende Zeile</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>zuletzt: %1</translation>
    </message>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); restarting</source>
        <translation>
            <numerusform>Lebendigkeitsprüfung %n-mal fehlgeschlagen (%1); Neustart</numerusform>
            <numerusform>Lebendigkeitsprüfung %n-mal fehlgeschlagen (%1); Neustart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); stopping (restart policy never)</source>
        <translation>
            <numerusform>Lebendigkeitsprüfung %n-mal fehlgeschlagen (%1); wird gestoppt (Neustart-Regel never)</numerusform>
            <numerusform>Lebendigkeitsprüfung %n-mal fehlgeschlagen (%1); wird gestoppt (Neustart-Regel never)</numerusform>
        </translation>
    </message>
    <message>
        <source>line matched: %1</source>
        <translation>passende Zeile: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>failures in a row of the threshold</comment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a failed attempt and the failures in a row</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>&amp;Timeout (seconds):</source>
        <translation>&amp;Zeitlimit (Sekunden):</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <source>empty: wait until they exit</source>
        <translation>leer: warten, bis sie beendet sind</translation>
    </message>
    <message>
        <source>Enter the timeout as a number of seconds, such as 0.5 or 10, or leave it empty to wait until they exit.</source>
        <translation>Geben Sie das Zeitlimit in Sekunden ein, etwa 0,5 oder 10, oder lassen Sie das Feld leer, um bis zum Ende zu warten.</translation>
    </message>
    <message numerus="yes">
        <source>Wait for the %n selected entries to end, at most for the timeout. The window stays usable while it waits.</source>
        <translation>
            <numerusform>Auf das Ende des %n gewählten Eintrags warten, höchstens bis zur Zeitgrenze. Das Fenster bleibt währenddessen benutzbar.</numerusform>
            <numerusform>Auf das Ende der %n gewählten Einträge warten, höchstens bis zur Zeitgrenze. Das Fenster bleibt währenddessen benutzbar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinOperation</name>
    <message>
        <source>exited with %1 after %2 s</source>
        <translation>nach %2 s mit %1 beendet</translation>
    </message>
    <message>
        <source>still alive after %1 s</source>
        <translation>lebt nach %1 s noch</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>entry name: outcome</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>LaunchPlan</name>
    <message>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation>kein Verzeichnis</translation>
    </message>
    <message>
        <source>is a directory: %1</source>
        <translation>ist ein Verzeichnis: %1</translation>
    </message>
    <message>
        <source>working directory does not exist: %1</source>
        <translation>Arbeitsverzeichnis existiert nicht: %1</translation>
    </message>
    <message>
        <source>working directory is not a directory: %1</source>
        <translation>Arbeitsverzeichnis ist kein Verzeichnis: %1</translation>
    </message>
    <message>
        <source>no such file or directory: %1 (not found in PATH)</source>
        <translation>Datei oder Verzeichnis nicht gefunden: %1 (nicht im PATH)</translation>
    </message>
    <message>
        <source>too many open files (the descriptor limit is reached; Start again once other entries have ended)</source>
        <translation>zu viele offene Dateien (die Deskriptorgrenze ist erreicht; erneut starten, sobald andere Einträge beendet sind)</translation>
    </message>
    <message>
        <source>too many processes (the process limit is reached; Start again once other entries have ended)</source>
        <translation>zu viele Prozesse (die Prozessgrenze ist erreicht; erneut starten, sobald andere Einträge beendet sind)</translation>
    </message>
    <message>
        <source>no program given</source>
        <translation>kein Programm angegeben</translation>
    </message>
</context>
<context>
    <name>LogFileFields</name>
    <message>
        <source>Log file</source>
        <translation>Logdatei</translation>
    </message>
    <message>
        <source>none; such as logs/api.log</source>
        <translation>keine; etwa logs/api.log</translation>
    </message>
    <message>
        <source>The entry&apos;s output is also written to this file, each line with its time, so that it outlives the window. Relative to the session file&apos;s folder; a missing folder is created; a copy of a replicated entry writes NAME-2.log.</source>
        <translation>Die Ausgabe des Eintrags wird zusätzlich in diese Datei geschrieben, jede Zeile mit ihrer Zeit, damit sie das Fenster überdauert. Relativ zum Ordner der Sitzungsdatei; ein fehlender Ordner wird angelegt; eine Kopie eines replizierten Eintrags schreibt NAME-2.log.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the log file</source>
        <translation>Die Logdatei wählen</translation>
    </message>
    <message>
        <source>Rotate at</source>
        <translation>Rotieren bei</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>At this size the file is renamed to FILE.1 (older ones move up one) and a new one begun, between two lines</source>
        <translation>Bei dieser Größe wird die Datei in DATEI.1 umbenannt (ältere rücken eins weiter) und eine neue begonnen, zwischen zwei Zeilen</translation>
    </message>
    <message>
        <source>Rotated files kept</source>
        <translation>Aufbewahrte rotierte Dateien</translation>
    </message>
    <message>
        <source>How many rotated files (FILE.1 … FILE.N) are kept; the oldest is deleted</source>
        <translation>Wie viele rotierte Dateien (DATEI.1 … DATEI.N) aufbewahrt werden; die älteste wird gelöscht</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Rotate &amp;at:</source>
        <translation>Rotieren &amp;bei:</translation>
    </message>
    <message>
        <source>Files &amp;kept:</source>
        <translation>Aufbe&amp;wahrte Dateien:</translation>
    </message>
    <message>
        <source>Choose Log File</source>
        <translation>Logdatei wählen</translation>
    </message>
    <message>
        <source>Log file path: %1</source>
        <translation>Pfad der Logdatei: %1</translation>
    </message>
</context>
<context>
    <name>LogFileWriter</name>
    <message numerus="yes">
        <source>%n line(s) dropped by the output&apos;s bounds before they were written here</source>
        <translation>
            <numerusform>%n Zeile wurde von den Grenzen der Ausgabe verworfen, bevor sie hier geschrieben wurde</numerusform>
            <numerusform>%n Zeilen wurden von den Grenzen der Ausgabe verworfen, bevor sie hier geschrieben wurden</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>Ihr Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot open it</source>
        <translation>sie kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot write to it</source>
        <translation>in sie kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot rotate it</source>
        <translation>sie kann nicht rotiert werden</translation>
    </message>
    <message>
        <source>log file %1: %2 (%3); this run&apos;s output is not written to it</source>
        <translation>Protokolldatei %1: %2 (%3); die Ausgabe dieses Laufs wird nicht hineingeschrieben</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ProcDeck</source>
        <translation>ProcDeck</translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation>Einträge filtern</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation>&amp;Prozess</translation>
    </message>
    <message>
        <source>Send &amp;Signal</source>
        <translation>Si&amp;gnal senden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>Close this session and start an empty one</source>
        <translation>Diese Sitzung schließen und eine leere beginnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a session file or a Procfile</source>
        <translation>Eine Sitzungsdatei oder ein Procfile öffnen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>Die Sitzung speichern</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation>Die Sitzung in eine neue Datei speichern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit ProcDeck, stopping the processes it runs</source>
        <translation>ProcDeck beenden und die laufenden Prozesse stoppen</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation>Den ausgewählten Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Add copies of the selected entries</source>
        <translation>Kopien der ausgewählten Einträge hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation>Die ausgewählten Einträge entfernen</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the selected entries: start()</source>
        <translation>Die ausgewählten Einträge starten: start()</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Join…</source>
        <translation>&amp;Join…</translation>
    </message>
    <message>
        <source>Wait for the selected entries to exit, with a timeout: join(timeout)</source>
        <translation>Warten (join), bis die ausgewählten Einträge beendet sind, mit Zeitlimit: join(timeout)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation>&amp;Terminieren</translation>
    </message>
    <message>
        <source>Send the stop signal to each selected entry&apos;s process tree (the program and every process it started, daemons included), then SIGKILL after the grace period: terminate()</source>
        <translation>Das Stoppsignal an den Prozessbaum jedes ausgewählten Eintrags senden (das Programm und jeden von ihm gestarteten Prozess, Daemons eingeschlossen), nach der Schonfrist SIGKILL: terminate()</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Kill</translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process tree (the program and every process it started) now: kill()</source>
        <translation>SIGKILL sofort an den Prozessbaum jedes ausgewählten Eintrags senden (das Programm und jeden von ihm gestarteten Prozess): kill()</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Stop the selected entries if they run, then start them again</source>
        <translation>Die ausgewählten Einträge stoppen, falls sie laufen, und dann wieder starten</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select every entry</source>
        <translation>Alle Einträge auswählen</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>&amp;About ProcDeck</source>
        <translation>&amp;Über ProcDeck</translation>
    </message>
    <message>
        <source>Show the version and licence</source>
        <translation>Version und Lizenz anzeigen</translation>
    </message>
    <message>
        <source>&amp;Import Procfile…</source>
        <translation>Procfile &amp;importieren…</translation>
    </message>
    <message>
        <source>Add the entries of a Procfile (and the .env beside it) to this session</source>
        <translation>Die Einträge eines Procfiles (und der .env daneben) zu dieser Sitzung hinzufügen</translation>
    </message>
    <message>
        <source>E&amp;xport Procfile…</source>
        <translation>Procfile e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the entries as a Procfile for honcho, foreman or overmind</source>
        <translation>Die Einträge als Procfile für honcho, foreman oder overmind schreiben</translation>
    </message>
    <message>
        <source>&amp;Filter Entries</source>
        <translation>Einträge &amp;filtern</translation>
    </message>
    <message>
        <source>Show only the entries whose name, command or state matches</source>
        <translation>Nur die Einträge zeigen, deren Name, Befehl oder Zustand passt</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>SIGINT (&amp;Interrupt)</source>
        <translation>SIGINT (&amp;Unterbrechen)</translation>
    </message>
    <message>
        <source>Send SIGINT, the signal of Ctrl+C in a terminal, to each selected entry&apos;s process tree</source>
        <translation>SIGINT, das Signal von Ctrl+C in einem Terminal, an den Prozessbaum jedes ausgewählten Eintrags senden</translation>
    </message>
    <message>
        <source>SIGHUP (&amp;Hang up)</source>
        <translation>SIGHUP (&amp;Auflegen)</translation>
    </message>
    <message>
        <source>Send SIGHUP to each selected entry&apos;s process tree; many servers reload their configuration</source>
        <translation>SIGHUP an den Prozessbaum jedes ausgewählten Eintrags senden; viele Server laden dann ihre Konfiguration neu</translation>
    </message>
    <message>
        <source>SIGUSR&amp;1</source>
        <translation>SIGUSR&amp;1</translation>
    </message>
    <message>
        <source>Send SIGUSR1 to each selected entry&apos;s process tree</source>
        <translation>SIGUSR1 an den Prozessbaum jedes ausgewählten Eintrags senden</translation>
    </message>
    <message>
        <source>SIGUSR&amp;2</source>
        <translation>SIGUSR&amp;2</translation>
    </message>
    <message>
        <source>Send SIGUSR2 to each selected entry&apos;s process tree</source>
        <translation>SIGUSR2 an den Prozessbaum jedes ausgewählten Eintrags senden</translation>
    </message>
    <message>
        <source>SIG&amp;TERM</source>
        <translation>SIG&amp;TERM</translation>
    </message>
    <message>
        <source>Send SIGTERM to each selected entry&apos;s process tree, without a grace period</source>
        <translation>SIGTERM an den Prozessbaum jedes ausgewählten Eintrags senden, ohne Schonfrist</translation>
    </message>
    <message>
        <source>SIG&amp;KILL</source>
        <translation>SIG&amp;KILL</translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process tree</source>
        <translation>SIGKILL an den Prozessbaum jedes ausgewählten Eintrags senden</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Stop each selected entry&apos;s process tree with SIGSTOP</source>
        <translation>Den Prozessbaum jedes ausgewählten Eintrags mit SIGSTOP anhalten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue each selected paused entry&apos;s process tree with SIGCONT</source>
        <translation>Den Prozessbaum jedes ausgewählten pausierten Eintrags mit SIGCONT fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Notify When Entries Fail</source>
        <translation>Bei &amp;Fehlern benachrichtigen</translation>
    </message>
    <message>
        <source>A desktop notification when an entry exits with an error or is killed by a signal ProcDeck did not send</source>
        <translation>Eine Desktop-Benachrichtigung, wenn ein Eintrag mit einem Fehler endet oder durch ein Signal beendet wird, das nicht von ProcDeck kam</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show the selected entry&apos;s command, times and process tree</source>
        <translation>Befehl, Zeiten und Prozessbaum des ausgewählten Eintrags anzeigen</translation>
    </message>
    <message>
        <source>Cancel Join</source>
        <translation>Join abbrechen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message numerus="yes">
        <source>%n entries in this session</source>
        <translation>
            <numerusform>%n Eintrag in dieser Sitzung</numerusform>
            <numerusform>%n Einträge in dieser Sitzung</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove Running Entries</source>
        <translation>Laufende Einträge entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected entries are still running.</source>
        <translation>
            <numerusform>%n der ausgewählten Einträge läuft noch.</numerusform>
            <numerusform>%n der ausgewählten Einträge laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 an %2 gesendet</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>Start fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>exited with %1</source>
        <translation>beendet mit %1</translation>
    </message>
    <message numerus="yes">
        <source>Restarting in %n s.</source>
        <translation>
            <numerusform>Neustart in %n s.</numerusform>
            <numerusform>Neustart in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ended unexpectedly</source>
        <translation>%1 unerwartet beendet</translation>
    </message>
    <message>
        <source>join: %1</source>
        <translation>join: %1</translation>
    </message>
    <message>
        <source>Quit ProcDeck</source>
        <translation>ProcDeck beenden</translation>
    </message>
    <message>
        <source>Limits need a cgroup, which this system does not offer</source>
        <translation>Grenzen brauchen eine cgroup, die dieses System nicht bietet</translation>
    </message>
    <message>
        <source>Filter by name, command or state (Ctrl+L; Down enters the table)</source>
        <translation>Nach Name, Befehl oder Zustand filtern (Strg+L; Pfeil nach unten wechselt in die Tabelle)</translation>
    </message>
    <message>
        <source>Add an entry: a command to run</source>
        <translation>Einen Eintrag hinzufügen: einen Befehl, der laufen soll</translation>
    </message>
    <message>
        <source>Start &amp;All</source>
        <translation>&amp;Alle starten</translation>
    </message>
    <message>
        <source>Start every entry that is not running</source>
        <translation>Jeden Eintrag starten, der nicht läuft</translation>
    </message>
    <message>
        <source>Ctrl+F5</source>
        <translation>Ctrl+F5</translation>
    </message>
    <message>
        <source>St&amp;op All</source>
        <translation>Alle st&amp;oppen</translation>
    </message>
    <message>
        <source>Terminate every running entry (its stop signal, then SIGKILL after its grace period)</source>
        <translation>Jeden laufenden Eintrag beenden (sein Stoppsignal, nach seiner Frist SIGKILL)</translation>
    </message>
    <message>
        <source>Ctrl+F6</source>
        <translation>Ctrl+F6</translation>
    </message>
    <message>
        <source>&amp;Clear Finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove every entry that has ended and is not restarting</source>
        <translation>Jeden Eintrag entfernen, der geendet hat und nicht neu startet</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Kill Now</source>
        <translation>Jetzt killen</translation>
    </message>
    <message>
        <source>Stop waiting for the grace periods: SIGKILL to every entry that is still running, then quit</source>
        <translation>Nicht auf die Fristen warten: SIGKILL an jeden Eintrag, der noch läuft, dann beenden</translation>
    </message>
    <message>
        <source>%1 running · %2 paused · %3 ended · %4 failed</source>
        <translation>%1 laufen · %2 pausiert · %3 beendet · %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: the rows whose State says so (a start that failed, a non-zero exit, a signal ProcDeck did not send, out of memory)</source>
        <translation>Fehlgeschlagen: die Zeilen, deren Zustand es sagt (ein fehlgeschlagener Start, ein Exit-Code ungleich 0, ein Signal, das ProcDeck nicht gesendet hat, Speicher erschöpft)</translation>
    </message>
    <message>
        <source>No commands yet — Add… (Ctrl+N) or Open… (Ctrl+O)</source>
        <translation>Noch keine Befehle — Hinzufügen… (Strg+N) oder Öffnen… (Strg+O)</translation>
    </message>
    <message>
        <source>No entry matches “%1”</source>
        <translation>Kein Eintrag passt zu „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n Eintrag läuft noch.</numerusform>
            <numerusform>%n Einträge laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate them (each one&apos;s stop signal, then SIGKILL after its grace period) and quit when they have ended, or kill them now and quit?</source>
        <translation>Beenden (jeweils das Stoppsignal, nach der Frist SIGKILL) und ProcDeck verlassen, wenn sie geendet haben, oder jetzt killen und verlassen?</translation>
    </message>
    <message>
        <source>Terminate and Quit</source>
        <translation>Beenden und verlassen</translation>
    </message>
    <message>
        <source>Kill Now and Quit</source>
        <translation>Jetzt killen und verlassen</translation>
    </message>
    <message numerus="yes">
        <source>Killing %n entries before quitting…</source>
        <translation>
            <numerusform>Kille %n Eintrag vor dem Beenden…</numerusform>
            <numerusform>Kille %n Einträge vor dem Beenden…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries before quitting… (Quit again or Kill Now to kill them)</source>
        <translation>
            <numerusform>Stoppe %n Eintrag vor dem Beenden… (nochmals Beenden oder Jetzt killen killt ihn)</numerusform>
            <numerusform>Stoppe %n Einträge vor dem Beenden… (nochmals Beenden oder Jetzt killen killt sie)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Edit %1 — running: changes apply at its next start</source>
        <translation>%1 bearbeiten — läuft: Änderungen gelten ab dem nächsten Start</translation>
    </message>
    <message>
        <source>%1 changed: the changes apply at its next start (Restart, Ctrl+R); the details show what runs until then</source>
        <translation>%1 geändert: die Änderungen gelten ab dem nächsten Start (Neu starten, Strg+R); die Details zeigen bis dahin, was läuft</translation>
    </message>
    <message>
        <source>They are terminated first (each one&apos;s stop signal, then SIGKILL after its grace period) and removed when they have ended.</source>
        <translation>Sie werden zuerst beendet (jeweils das Stoppsignal, nach der Frist SIGKILL) und entfernt, wenn sie geendet haben.</translation>
    </message>
    <message>
        <source>Terminate and Remove</source>
        <translation>Beenden und entfernen</translation>
    </message>
    <message>
        <source>%1 is already running (PID %2): an entry&apos;s process is started once</source>
        <translation>%1 läuft bereits (PID %2): der Prozess eines Eintrags wird einmal gestartet</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>Starte %1</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n entries</source>
        <translation>
            <numerusform>Starte %n Eintrag</numerusform>
            <numerusform>Starte %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminating %n entries</source>
        <translation>
            <numerusform>Beende %n Eintrag</numerusform>
            <numerusform>Beende %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished entries</source>
        <translation>
            <numerusform>%n beendeten Eintrag entfernt</numerusform>
            <numerusform>%n beendete Einträge entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries…</source>
        <translation>
            <numerusform>Warte auf %n Eintrag (join)…</numerusform>
            <numerusform>Warte auf %n Einträge (join)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries, at most %1 s…</source>
        <translation>
            <numerusform>Warte auf %n Eintrag (join), höchstens %1 s…</numerusform>
            <numerusform>Warte auf %n Einträge (join), höchstens %1 s…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>The grace period of new entries, the sampling interval, the output&apos;s bounds, timestamps and font, notifications</source>
        <translation>Die Schonfrist neuer Einträge, das Messintervall, die Grenzen der Ausgabe, Zeitstempel und Schrift, Benachrichtigungen</translation>
    </message>
    <message>
        <source>S&amp;cale…</source>
        <translation>S&amp;kalieren…</translation>
    </message>
    <message>
        <source>Change how many copies of the selected replicated entry run</source>
        <translation>Ändern, wie viele Kopien des ausgewählten replizierten Eintrags laufen</translation>
    </message>
    <message>
        <source>Not scaled: %1</source>
        <translation>Nicht skaliert: %1</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>%1 skalieren</translation>
    </message>
    <message>
        <source>Copies of %1 to run (%1-1 … %1-N); new copies start at once when the others are running, removed ones are stopped first:</source>
        <translation>Anzahl der Kopien von %1 (%1-1 … %1-N); neue Kopien starten sofort, wenn die anderen laufen, entfernte werden zuerst gestoppt:</translation>
    </message>
    <message numerus="yes">
        <source>%1 scaled to %n copies</source>
        <translation>
            <numerusform>%1 auf %n Kopie skaliert</numerusform>
            <numerusform>%1 auf %n Kopien skaliert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No control socket for procdeck ctl: %1</source>
        <translation>Kein Steuer-Socket für procdeck ctl: %1</translation>
    </message>
    <message>
        <source>↓ from what is waited for to what waits</source>
        <translation>↓ von dem, worauf gewartet wird, zu dem, was wartet</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0); Ctrl+wheel zooms</source>
        <translation>Den ganzen Graphen zeigen (Strg+0); Strg+Mausrad zoomt</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Show the entries as a graph: what each one waits for, coloured by state</source>
        <translation>Die Einträge als Graph zeigen: worauf jeder wartet, nach Zustand gefärbt</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>An&amp;hängen…</translation>
    </message>
    <message>
        <source>Show a ProcDeck that runs elsewhere (headless, another window, another machine) in this window</source>
        <translation>Ein ProcDeck, das anderswo läuft (headless, in einem anderen Fenster, auf einem anderen Rechner), in diesem Fenster zeigen</translation>
    </message>
    <message>
        <source>Show a ProcDeck that runs elsewhere in this window</source>
        <translation>Ein ProcDeck, das anderswo läuft, in diesem Fenster zeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>Stop showing the attached ProcDeck; its entries keep running</source>
        <translation>Das angehängte ProcDeck nicht mehr zeigen; seine Einträge laufen weiter</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>%1 — attached — %2</source>
        <translation>%1 — angehängt — %2</translation>
    </message>
    <message>
        <source>%1 has no entries — Add… (Ctrl+N) adds one there</source>
        <translation>%1 hat keine Einträge — Hinzufügen… (Ctrl+N) fügt dort einen hinzu</translation>
    </message>
    <message>
        <source>Attaching to %1…</source>
        <translation>Anhängen an %1…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Terminate and Attach</source>
        <translation>Beenden und anhängen</translation>
    </message>
    <message>
        <source>Attached to %1: closing the window leaves its entries running</source>
        <translation>An %1 angehängt: Schließen des Fensters lässt seine Einträge weiterlaufen</translation>
    </message>
    <message>
        <source>Not while attached: the session and its file belong to the ProcDeck attached to</source>
        <translation>Nicht im angehängten Zustand: Die Sitzung und ihre Datei gehören dem angehängten ProcDeck</translation>
    </message>
    <message>
        <source>Detached from %1: its entries keep running there</source>
        <translation>Von %1 gelöst: Seine Einträge laufen dort weiter</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>Verbindung zu %1 verloren: %2</translation>
    </message>
    <message>
        <source>Attached to %1 (%2, PID %3)</source>
        <translation>Angehängt an %1 (%2, PID %3)</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>headless</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>This window shows a session run by another ProcDeck (%1). Closing the window or File › Detach leaves its entries running.</source>
        <translation>Dieses Fenster zeigt eine Sitzung, die ein anderes ProcDeck ausführt (%1). Schließen des Fensters oder Datei › Lösen lässt ihre Einträge weiterlaufen.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>attached session on a host</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Stop the entries of %1 too?</source>
        <translation>Die Einträge von %1 auch stoppen?</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are running in %1, another ProcDeck. Left running, they go on without this window (attach again to see them); stopped, each gets its stop signal, then SIGKILL after its grace period, and ProcDeck quits when they have ended.</source>
        <translation>
            <numerusform>%n Eintrag läuft in %1, einem anderen ProcDeck. Weiterlaufend geht er ohne dieses Fenster weiter (erneut anhängen, um ihn zu sehen); gestoppt bekommt er sein Stoppsignal, nach seiner Schonfrist SIGKILL, und ProcDeck wird beendet, sobald er geendet hat.</numerusform>
            <numerusform>%n Einträge laufen in %1, einem anderen ProcDeck. Weiterlaufend gehen sie ohne dieses Fenster weiter (erneut anhängen, um sie zu sehen); gestoppt bekommt jeder sein Stoppsignal, nach seiner Schonfrist SIGKILL, und ProcDeck wird beendet, sobald sie geendet haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop Them and Quit</source>
        <translation>Stoppen und verlassen</translation>
    </message>
    <message>
        <source>Leave Them Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Adding %1 there…</source>
        <translation>%1 wird dort hinzugefügt…</translation>
    </message>
</context>
<context>
    <name>ManagedProcess</name>
    <message>
        <source>still running after the grace period of %1 ms: SIGKILL to the process tree</source>
        <translation>läuft nach der Schonfrist von %1 ms noch: SIGKILL an den Prozessbaum</translation>
    </message>
    <message>
        <source>%1 is already running (PID %2)</source>
        <translation>%1 läuft bereits (PID %2)</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 läuft nicht</translation>
    </message>
    <message>
        <source>%1 has not started yet</source>
        <translation>%1 wurde noch nicht gestartet</translation>
    </message>
    <message>
        <source>terminate: %1 to the process tree of PID %2</source>
        <translation>terminate: %1 an den Prozessbaum von PID %2</translation>
    </message>
    <message>
        <source>%1 could not be signalled</source>
        <translation>%1 konnte kein Signal erhalten</translation>
    </message>
    <message>
        <source>kill: SIGKILL to the process tree of PID %1</source>
        <translation>kill: SIGKILL an den Prozessbaum von PID %1</translation>
    </message>
    <message>
        <source>%1 to the process tree of PID %2</source>
        <translation>%1 an den Prozessbaum von PID %2</translation>
    </message>
    <message>
        <source>restart: starts again when this run ends</source>
        <translation>Neustart: startet erneut, wenn dieser Lauf endet</translation>
    </message>
    <message>
        <source>started, PID %1</source>
        <translation>gestartet, PID %1</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>beendet mit Code %1</translation>
    </message>
    <message>
        <source>terminated by %1, exit %2</source>
        <translation>durch %1 beendet, Exit %2</translation>
    </message>
    <message>
        <source>gave up after %1 restarts in a row (each run ended within %2 s)</source>
        <translation>aufgegeben nach %1 Neustarts in Folge (jeder Lauf endete innerhalb von %2 s)</translation>
    </message>
    <message>
        <source>restart policy %1: next start in %2 s</source>
        <translation>Neustart-Regel %1: nächster Start in %2 s</translation>
    </message>
    <message>
        <source>pending restart cancelled</source>
        <translation>ausstehender Neustart abgebrochen</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>Start fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>input: %1</source>
        <translation>Eingabe: %1</translation>
    </message>
    <message>
        <source>%1 is not running in a terminal</source>
        <translation>%1 läuft nicht in einem Terminal</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>readiness check failed</source>
        <translation>Bereitschaftsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>readiness check failed: %1</source>
        <translation>Bereitschaftsprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
    <message>
        <source>wait for %1 cancelled</source>
        <translation>Warten auf %1 abgebrochen</translation>
    </message>
    <message>
        <source>%1 is an entry of another ProcDeck</source>
        <translation>%1 ist ein Eintrag eines anderen ProcDeck</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Selected</source>
        <comment>output view</comment>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>All</source>
        <comment>output view</comment>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Show the arrival time of each line</source>
        <translation>Die Ankunftszeit jeder Zeile zeigen</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find text in the output</source>
        <translation>Text in der Ausgabe suchen</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Go to the next match</source>
        <translation>Zum nächsten Treffer</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>Go to the previous match</source>
        <translation>Zum vorherigen Treffer</translation>
    </message>
    <message>
        <source>Aa</source>
        <comment>match case</comment>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>.*</source>
        <comment>regular expression</comment>
        <translation>.*</translation>
    </message>
    <message>
        <source>Use a regular expression</source>
        <translation>Regulären Ausdruck verwenden</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation>Nur die passenden Zeilen zeigen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Save Output…</source>
        <translation>Ausgabe speichern…</translation>
    </message>
    <message>
        <source>Save the output shown to a text file</source>
        <translation>Die angezeigte Ausgabe in eine Textdatei speichern</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Close stdin</source>
        <translation>stdin schließen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>In der Ausgabe suchen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>Standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier line(s) dropped</source>
        <translation>
            <numerusform>%n ältere Zeile verworfen</numerusform>
            <numerusform>%n ältere Zeilen verworfen</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest %1 lines (%2) were dropped to keep the memory used bounded.</source>
        <translation>Die ältesten %1 Zeilen (%2) wurden verworfen, um den Speicherverbrauch zu begrenzen.</translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation>Ungültiger Ausdruck</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Text file (*.txt *.log)</source>
        <translation>Textdatei (*.txt *.log)</translation>
    </message>
    <message>
        <source>Text file with timestamps (*.txt *.log)</source>
        <translation>Textdatei mit Zeitstempeln (*.txt *.log)</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>Ausgabe speichern</translation>
    </message>
    <message>
        <source>output.txt</source>
        <translation>ausgabe.txt</translation>
    </message>
    <message>
        <source>Saved the output to %1.</source>
        <translation>Ausgabe in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Input not sent to %1: %2</source>
        <translation>Eingabe nicht an %1 gesendet: %2</translation>
    </message>
    <message>
        <source>Input not sent: %1 is not running.</source>
        <translation>Eingabe nicht gesendet: %1 läuft nicht.</translation>
    </message>
    <message>
        <source>Input not sent: %1 are not running.</source>
        <translation>Eingabe nicht gesendet: %1 laufen nicht.</translation>
    </message>
    <message>
        <source>Could not close the input of %1: %2</source>
        <translation>Die Eingabe von %1 konnte nicht geschlossen werden: %2</translation>
    </message>
    <message>
        <source>Closed the standard input of %1.</source>
        <translation>Standardeingabe von %1 geschlossen.</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <source>%1 are not running.</source>
        <translation>%1 laufen nicht.</translation>
    </message>
    <message>
        <source>Show the output of the entries selected in the table</source>
        <translation>Die Ausgabe der in der Tabelle gewählten Einträge zeigen</translation>
    </message>
    <message>
        <source>Show the output of every entry, interleaved in arrival order</source>
        <translation>Die Ausgabe aller Einträge zeigen, in der Reihenfolge ihres Eintreffens</translation>
    </message>
    <message>
        <source>Clear the output of the selected entries</source>
        <translation>Die Ausgabe der gewählten Einträge leeren</translation>
    </message>
    <message>
        <source>Send the line to the selected entry&apos;s standard input</source>
        <translation>Die Zeile an die Standardeingabe des gewählten Eintrags senden</translation>
    </message>
    <message>
        <source>Close the selected entry&apos;s standard input (end of file)</source>
        <translation>Die Standardeingabe des gewählten Eintrags schließen (Dateiende)</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Unterbrechen</translation>
    </message>
    <message>
        <source>Send the interrupt character (Ctrl+C) to the selected entry&apos;s terminal</source>
        <translation>Das Unterbrechungszeichen (Strg+C) an das Terminal des gewählten Eintrags senden</translation>
    </message>
    <message>
        <source>Input for the selected entry (Enter sends a line, Ctrl+D closes stdin)</source>
        <translation>Eingabe für den gewählten Eintrag (Enter sendet eine Zeile, Strg+D schließt stdin)</translation>
    </message>
    <message>
        <source>No entries yet: the output of each entry shows here once it runs.</source>
        <translation>Noch keine Einträge: die Ausgabe jedes Eintrags erscheint hier, sobald er läuft.</translation>
    </message>
    <message>
        <source>Select an entry in the table to see its output, or All (Ctrl+Shift+A) for every entry&apos;s.</source>
        <translation>Einen Eintrag in der Tabelle wählen, um seine Ausgabe zu sehen, oder Alle (Strg+Umschalt+A) für die aller Einträge.</translation>
    </message>
    <message>
        <source>Select a running entry to send input to it.</source>
        <translation>Einen laufenden Eintrag wählen, um ihm eine Eingabe zu senden.</translation>
    </message>
    <message>
        <source>Select a running entry to close its input.</source>
        <translation>Einen laufenden Eintrag wählen, um seine Eingabe zu schließen.</translation>
    </message>
    <message>
        <source>Could not interrupt %1: %2</source>
        <translation>%1 konnte nicht unterbrochen werden: %2</translation>
    </message>
    <message>
        <source>Interrupted %1.</source>
        <translation>%1 unterbrochen.</translation>
    </message>
    <message>
        <source>Select an entry that runs in a terminal to interrupt it.</source>
        <translation>Einen Eintrag wählen, der in einem Terminal läuft, um ihn zu unterbrechen.</translation>
    </message>
    <message>
        <source>This Run</source>
        <translation>Dieser Lauf</translation>
    </message>
    <message>
        <source>Show only the lines of each entry&apos;s current run, not its earlier runs</source>
        <translation>Nur die Zeilen des aktuellen Laufs jedes Eintrags zeigen, nicht die früherer Läufe</translation>
    </message>
</context>
<context>
    <name>OutputPrinter</name>
    <message numerus="yes">
        <source>… %n line(s) skipped</source>
        <translation>
            <numerusform>… %n Zeile übersprungen</numerusform>
            <numerusform>… %n Zeilen übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Output of the processes: standard output, standard error and ProcDeck&apos;s messages</source>
        <translation>Ausgabe der Prozesse: Standardausgabe, Standardfehlerausgabe und Meldungen von ProcDeck</translation>
    </message>
    <message>
        <source>Jump to end</source>
        <translation>Zum Ende springen</translation>
    </message>
    <message>
        <source>Scroll to the newest output and keep following it (Ctrl+End)</source>
        <translation>Zur neuesten Ausgabe scrollen und ihr weiter folgen (Ctrl+End)</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Keine Zeile passt zum Filter.</translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation>Noch keine Ausgabe.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>How long Terminate waits after the stop signal before it sends SIGKILL. For entries added from now on; an existing entry keeps its own (Edit it to change that).</source>
        <translation>Wie lange Terminieren nach dem Stoppsignal wartet, bevor es SIGKILL sendet. Gilt für Einträge, die ab jetzt hinzugefügt werden; ein vorhandener Eintrag behält seine eigene (zum Ändern den Eintrag bearbeiten).</translation>
    </message>
    <message>
        <source>Default &amp;grace period:</source>
        <translation>Standard-&amp;Schonfrist:</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds</comment>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often the CPU, memory and process columns are measured</source>
        <translation>Wie oft die Spalten CPU, Speicher und Prozesse gemessen werden</translation>
    </message>
    <message>
        <source>&amp;Sampling interval:</source>
        <translation>&amp;Messintervall:</translation>
    </message>
    <message>
        <source>&amp;Notify when entries fail</source>
        <translation>Bei &amp;Fehlern benachrichtigen</translation>
    </message>
    <message>
        <source>A desktop notification when an entry exits with an error or is killed by a signal ProcDeck did not send</source>
        <translation>Eine Desktop-Benachrichtigung, wenn ein Eintrag mit einem Fehler endet oder durch ein Signal beendet wird, das nicht von ProcDeck kam</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Each entry keeps at most this many of its newest lines</source>
        <translation>Jeder Eintrag behält höchstens so viele seiner neuesten Zeilen</translation>
    </message>
    <message>
        <source>&amp;Lines per entry:</source>
        <translation>&amp;Zeilen je Eintrag:</translation>
    </message>
    <message>
        <source> MiB</source>
        <comment>mebibytes</comment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Each entry keeps at most this much memory of output</source>
        <translation>Jeder Eintrag behält höchstens so viel Speicher an Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Memory per entry:</source>
        <translation>Speicher &amp;je Eintrag:</translation>
    </message>
    <message>
        <source>Every entry&apos;s output together: over this, an entry that prints drops its oldest lines</source>
        <translation>Die Ausgabe aller Einträge zusammen: darüber verwirft ein Eintrag, der ausgibt, seine ältesten Zeilen</translation>
    </message>
    <message>
        <source>Memory for &amp;all entries:</source>
        <translation>Speicher für &amp;alle Einträge:</translation>
    </message>
    <message>
        <source>Show &amp;timestamps</source>
        <translation>Zeitst&amp;empel anzeigen</translation>
    </message>
    <message>
        <source>The font of the output pane</source>
        <translation>Die Schrift des Ausgabebereichs</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>Sch&amp;rift:</translation>
    </message>
    <message>
        <source>%1, %2 pt</source>
        <comment>font family, size</comment>
        <translation>%1, %2 pt</translation>
    </message>
    <message>
        <source>Output Font</source>
        <translation>Schrift der Ausgabe</translation>
    </message>
</context>
<context>
    <name>ProbeAttempt</name>
    <message>
        <source>not a check that connects or runs</source>
        <translation>keine Prüfung, die eine Verbindung aufbaut oder etwas ausführt</translation>
    </message>
    <message>
        <source>not a host:port: %1</source>
        <translation>kein host:port: %1</translation>
    </message>
    <message>
        <source>%1 accepts connections</source>
        <translation>%1 nimmt Verbindungen an</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>keine http- oder https-URL: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>durch ein Signal beendet</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>no connection within %1 ms</source>
        <translation>keine Verbindung innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>still running after %1 ms: killed</source>
        <translation>nach %1 ms noch nicht fertig: mit SIGKILL beendet</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
</context>
<context>
    <name>ProbeFields</name>
    <message>
        <source>Readiness check</source>
        <translation>Bereitschaftsprüfung</translation>
    </message>
    <message>
        <source>Liveness check</source>
        <translation>Lebendigkeitsprüfung</translation>
    </message>
    <message>
        <source>None: ready once started</source>
        <translation>Keine: bereit, sobald gestartet</translation>
    </message>
    <message>
        <source>None</source>
        <comment>liveness check</comment>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Output line matches</source>
        <translation>Ausgabezeile passt</translation>
    </message>
    <message>
        <source>TCP port accepts connections</source>
        <translation>TCP-Port nimmt Verbindungen an</translation>
    </message>
    <message>
        <source>HTTP URL answers 2xx</source>
        <translation>HTTP-URL antwortet mit 2xx</translation>
    </message>
    <message>
        <source>Command exits 0</source>
        <translation>Befehl endet mit 0</translation>
    </message>
    <message>
        <source>When the entry counts as ready: the entries that depend on it being ready wait for this check to pass</source>
        <translation>Wann der Eintrag als bereit gilt: Einträge, die davon abhängen, dass er bereit ist, warten, bis diese Prüfung besteht</translation>
    </message>
    <message>
        <source>Whether the entry still works: when this check fails as often in a row as set below, the run ends as failed and the restart policy decides what follows</source>
        <translation>Ob der Eintrag noch arbeitet: Schlägt diese Prüfung so oft in Folge fehl wie unten eingestellt, endet der Lauf als fehlgeschlagen, und die Neustart-Regel entscheidet, was folgt</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>Was geprüft wird</translation>
    </message>
    <message>
        <source>A regular expression matched against each output line, host:port, an http:// URL or a shell command, by the kind of check</source>
        <translation>Je nach Art der Prüfung ein regulärer Ausdruck, der mit jeder Ausgabezeile verglichen wird, host:port, eine http://-URL oder ein Shell-Befehl</translation>
    </message>
    <message>
        <source>Initial delay</source>
        <translation>Anfangsverzögerung</translation>
    </message>
    <message>
        <source>How long after the run starts the first check is made</source>
        <translation>Wie lange nach dem Start des Laufs die erste Prüfung erfolgt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>The time between two checks</source>
        <translation>Die Zeit zwischen zwei Prüfungen</translation>
    </message>
    <message>
        <source>The time between two checks; an output line check wants a matching line in every period</source>
        <translation>Die Zeit zwischen zwei Prüfungen; eine Prüfung auf Ausgabezeilen verlangt in jeder Periode eine passende Zeile</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>How long one attempt may take before it counts as a failure</source>
        <translation>Wie lange ein Versuch dauern darf, bevor er als Fehlschlag zählt</translation>
    </message>
    <message>
        <source>Failure threshold</source>
        <translation>Fehlerschwelle</translation>
    </message>
    <message>
        <source>How many failed checks in a row count as failed</source>
        <translation>Wie viele fehlgeschlagene Prüfungen in Folge als fehlgeschlagen gelten</translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation>&amp;Prüfung:</translation>
    </message>
    <message>
        <source>C&amp;heck:</source>
        <translation>Pr&amp;üfung:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>Zi&amp;el:</translation>
    </message>
    <message>
        <source>Initial &amp;delay:</source>
        <translation>Anfangs&amp;verzögerung:</translation>
    </message>
    <message>
        <source>I&amp;nitial delay:</source>
        <translation>A&amp;nfangsverzögerung:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Peri&amp;ode:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Zeitli&amp;mit:</translation>
    </message>
    <message>
        <source>Tim&amp;eout:</source>
        <translation>Zei&amp;tlimit:</translation>
    </message>
    <message>
        <source>&amp;Failures in a row:</source>
        <translation>&amp;Fehler in Folge:</translation>
    </message>
    <message>
        <source>Fai&amp;lures in a row:</source>
        <translation>Fehlsch&amp;läge in Folge:</translation>
    </message>
    <message>
        <source>a regular expression, such as listening on port \d+</source>
        <translation>ein regulärer Ausdruck, etwa listening on port \d+</translation>
    </message>
    <message>
        <source>host:port, such as localhost:5432</source>
        <translation>host:port, etwa localhost:5432</translation>
    </message>
    <message>
        <source>a URL, such as http://localhost:8080/health</source>
        <translation>eine URL, etwa http://localhost:8080/health</translation>
    </message>
    <message>
        <source>a shell command, such as pg_isready</source>
        <translation>ein Shell-Befehl, etwa pg_isready</translation>
    </message>
    <message>
        <source>Readiness check: %1</source>
        <translation>Bereitschaftsprüfung: %1</translation>
    </message>
    <message>
        <source>Liveness check: %1</source>
        <translation>Lebendigkeitsprüfung: %1</translation>
    </message>
    <message>
        <source>enter what to check.</source>
        <translation>geben Sie an, was geprüft wird.</translation>
    </message>
</context>
<context>
    <name>ProcessDialog</name>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Ausführen:</translation>
    </message>
    <message>
        <source>&amp;Program with arguments</source>
        <translation>&amp;Programm mit Argumenten</translation>
    </message>
    <message>
        <source>S&amp;hell command</source>
        <translation>S&amp;hell-Befehl</translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c: pipes, redirections and variables work</source>
        <translation>Die Zeile mit /bin/sh -c ausführen: Pipes, Umleitungen und Variablen funktionieren</translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation>P&amp;rogramm:</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>python3, /usr/bin/env, ./server …</source>
        <translation>python3, /usr/bin/env, ./server …</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the program file</source>
        <translation>Programmdatei auswählen</translation>
    </message>
    <message>
        <source>Choose program</source>
        <translation>Programm auswählen</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumente:</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Split like a shell would: quotes and backslashes are honoured, but no shell runs</source>
        <translation>Aufgeteilt wie von einer Shell: Anführungszeichen und Backslashes werden beachtet, aber es läuft keine Shell</translation>
    </message>
    <message>
        <source>worker.py &quot;two words&quot;</source>
        <translation>worker.py &quot;zwei Wörter&quot;</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation>Shell-Befehl</translation>
    </message>
    <message>
        <source>make watch 2&gt;&amp;1 | grep -v DEBUG</source>
        <translation>make watch 2&gt;&amp;1 | grep -v DEBUG</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>Arbeits&amp;verzeichnis:</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>the session file&apos;s folder</source>
        <translation>Ordner der Sitzungsdatei</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Arbeitsverzeichnis auswählen</translation>
    </message>
    <message>
        <source>Choose working directory</source>
        <translation>Arbeitsverzeichnis auswählen</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>KEY=VALUE to add or change a variable, -KEY to remove one; one per line</source>
        <translation>NAME=WERT fügt eine Variable hinzu oder ändert sie, -NAME entfernt eine; eine pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Stop signal:</source>
        <translation>&amp;Stoppsignal:</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>Stoppsignal</translation>
    </message>
    <message>
        <source>Sent by Terminate to the entry&apos;s whole process tree, daemons included</source>
        <translation>Wird von „Terminieren“ an den ganzen Prozessbaum des Eintrags gesendet, Daemons eingeschlossen</translation>
    </message>
    <message>
        <source>then SIGKILL after</source>
        <translation>dann SIGKILL nach</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Schonfrist</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>R&amp;estart:</source>
        <translation>N&amp;eustart:</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>Neustart-Richtlinie</translation>
    </message>
    <message>
        <source>Start when the session &amp;opens</source>
        <translation>Beim Ö&amp;ffnen der Sitzung starten</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>Bei Fehler</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Choose Program</source>
        <translation>Programm auswählen</translation>
    </message>
    <message>
        <source>Choose Working Directory</source>
        <translation>Arbeitsverzeichnis auswählen</translation>
    </message>
    <message>
        <source>Environment line %1: write KEY=VALUE to set a variable or -KEY to remove it</source>
        <translation>Umgebung, Zeile %1: NAME=WERT setzt eine Variable, -NAME entfernt sie</translation>
    </message>
    <message>
        <source>Environment line %1: &quot;%2&quot; is not a valid variable name</source>
        <translation>Umgebung, Zeile %1: „%2“ ist kein gültiger Variablenname</translation>
    </message>
    <message>
        <source>Enter the shell command to run.</source>
        <translation>Geben Sie den auszuführenden Shell-Befehl ein.</translation>
    </message>
    <message>
        <source>Enter the program to run.</source>
        <translation>Geben Sie das auszuführende Programm ein.</translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Why limits are not available</source>
        <translation>Warum Grenzen nicht verfügbar sind</translation>
    </message>
    <message>
        <source>&amp;Memory maximum:</source>
        <translation>Speicher&amp;maximum:</translation>
    </message>
    <message>
        <source>Memory maximum</source>
        <translation>Speichermaximum</translation>
    </message>
    <message>
        <source>The most memory the entry&apos;s processes may use together. Above it the kernel kills them (the entry ends as killed by SIGKILL).</source>
        <translation>Wie viel Speicher die Prozesse des Eintrags zusammen höchstens belegen dürfen. Darüber beendet der Kernel sie (der Eintrag endet durch SIGKILL).</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>CP&amp;U quota:</source>
        <translation>CPU-&amp;Kontingent:</translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation>CPU-Kontingent</translation>
    </message>
    <message>
        <source>The CPU time the entry&apos;s processes may use together, in percent of one core (200 % is two cores). At the quota they are slowed down, not stopped.</source>
        <translation>Die CPU-Zeit, die die Prozesse des Eintrags zusammen nutzen dürfen, in Prozent eines Kerns (200 % sind zwei Kerne). Am Kontingent werden sie gebremst, nicht angehalten.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Restart when memory e&amp;xceeds:</source>
        <translation>Neustart, &amp;wenn Speicher über:</translation>
    </message>
    <message>
        <source>Restart when memory exceeds</source>
        <translation>Neustart, wenn Speicher über</translation>
    </message>
    <message>
        <source>Restart the entry as soon as its processes together use more memory than this. Set it below the memory maximum.</source>
        <translation>Den Eintrag neu starten, sobald seine Prozesse zusammen mehr Speicher belegen. Unter das Speichermaximum setzen.</translation>
    </message>
    <message>
        <source>Restart when memory exceeds: %1 MB is not below the memory maximum of %2 MB.</source>
        <translation>Neustart, wenn Speicher über: %1 MB liegt nicht unter dem Speichermaximum von %2 MB.</translation>
    </message>
    <message>
        <source>Ou&amp;tput:</source>
        <translation>Aus&amp;gabe:</translation>
    </message>
    <message>
        <source>How the program&apos;s output is connected</source>
        <translation>Wie die Ausgabe des Programms angeschlossen ist</translation>
    </message>
    <message>
        <source>Each line as it is printed</source>
        <translation>Jede Zeile, sobald sie geschrieben wird</translation>
    </message>
    <message>
        <source>Standard output is a terminal, so that programs print each line at once; standard error stays apart</source>
        <translation>Die Standardausgabe ist ein Terminal, damit Programme jede Zeile sofort schreiben; die Standardfehlerausgabe bleibt getrennt</translation>
    </message>
    <message>
        <source>Run in a terminal</source>
        <translation>In einem Terminal ausführen</translation>
    </message>
    <message>
        <source>For programs that need a terminal: input, Interrupt (Ctrl+C) and the size of the output pane; standard error is merged</source>
        <translation>Für Programme, die ein Terminal brauchen: Eingabe, Unterbrechen (Ctrl+C) und die Größe des Ausgabebereichs; die Standardfehlerausgabe wird zusammengeführt</translation>
    </message>
    <message>
        <source>Plain pipes</source>
        <translation>Einfache Pipes</translation>
    </message>
    <message>
        <source>No terminal at all: many programs then print in blocks, not line by line</source>
        <translation>Gar kein Terminal: viele Programme schreiben dann blockweise, nicht Zeile für Zeile</translation>
    </message>
    <message>
        <source>A field contains a NUL character, which would cut the text short when it runs.</source>
        <translation>Ein Feld enthält ein NUL-Zeichen, das den Text beim Ausführen abschneiden würde.</translation>
    </message>
    <message>
        <source>Another entry is already called &quot;%1&quot;: names must be unique.</source>
        <translation>Ein anderer Eintrag heißt bereits „%1“: Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>This entry would fail to start: %1</source>
        <translation>Dieser Eintrag würde nicht starten: %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Auslöser</translation>
    </message>
</context>
<context>
    <name>ProcessManager</name>
    <message>
        <source>%1 is not an entry of this session</source>
        <translation>%1 ist kein Eintrag dieser Sitzung</translation>
    </message>
    <message>
        <source>%1 is already the name of an entry</source>
        <translation>%1 ist bereits der Name eines Eintrags</translation>
    </message>
</context>
<context>
    <name>ProcessStackPage</name>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Started after these entries reach their condition; stopped before them.</source>
        <translation>Startet, nachdem diese Einträge ihre Bedingung erreicht haben; stoppt vor ihnen.</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Abhängigkeiten</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>&amp;Add Dependency</source>
        <translation>Abhängigkeit &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Runs this many copies, NAME-1 … NAME-N; each sees its number in PROCDECK_REPLICA</source>
        <translation>Startet so viele Kopien, NAME-1 … NAME-N; jede sieht ihre Nummer in PROCDECK_REPLICA</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>&amp;Replikate:</translation>
    </message>
    <message>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>succeeded (exit 0)</source>
        <translation>erfolgreich (Exit 0)</translation>
    </message>
    <message>
        <source>Depends on: %1</source>
        <translation>Hängt ab von: %1</translation>
    </message>
    <message>
        <source>%1 depends on it: %2</source>
        <translation>%1 hängt davon ab: %2</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <source>Yes</source>
        <comment>alive</comment>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <comment>alive</comment>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stoppt</translation>
    </message>
    <message>
        <source>Stopping (kill in %1 s)</source>
        <translation>Stoppt (SIGKILL in %1 s)</translation>
    </message>
    <message>
        <source>Restarting in %1 s</source>
        <translation>Neustart in %1 s</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Gekillt</translation>
    </message>
    <message>
        <source>Failed to start: %1</source>
        <translation>Start fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n restart(s)</source>
        <translation>
            <numerusform>Aufgegeben nach %n Neustart</numerusform>
            <numerusform>Aufgegeben nach %n Neustarts</numerusform>
        </translation>
    </message>
    <message>
        <source>PID of the last run; the process has ended and is never signalled again</source>
        <translation>PID des letzten Laufs; der Prozess ist beendet und erhält nie wieder ein Signal</translation>
    </message>
    <message>
        <source>The last run ended unexpectedly: %1</source>
        <translation>Der letzte Lauf endete unerwartet: %1</translation>
    </message>
    <message>
        <source>Killed by signal %1 (%2)</source>
        <translation>Durch Signal %1 (%2) beendet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Lebt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Exit</source>
        <comment>exit code column</comment>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Procs</source>
        <comment>processes of the entry</comment>
        <translation>Proz.</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>is_alive(): whether the process is running now</source>
        <translation>is_alive(): ob der Prozess gerade läuft</translation>
    </message>
    <message>
        <source>exitcode: N for a normal exit, -N for death by signal N</source>
        <translation>exitcode: N bei normalem Ende, -N bei Tod durch Signal N</translation>
    </message>
    <message>
        <source>CPU use of the entry&apos;s processes (the program and all it started, daemons included), in percent of one core</source>
        <translation>CPU-Nutzung der Prozesse des Eintrags (das Programm und alles, was es gestartet hat, Daemons eingeschlossen), in Prozent eines Kerns</translation>
    </message>
    <message>
        <source>Resident memory of the entry&apos;s processes (the program and all it started, daemons included)</source>
        <translation>Residenter Speicher der Prozesse des Eintrags (das Programm und alles, was es gestartet hat, Daemons eingeschlossen)</translation>
    </message>
    <message>
        <source>Processes of the entry: the program and every process it started that is still there, daemons included</source>
        <translation>Prozesse des Eintrags: das Programm und jeder von ihm gestartete Prozess, der noch da ist, Daemons eingeschlossen</translation>
    </message>
    <message>
        <source>Restarts done by the entry&apos;s restart policy</source>
        <translation>Neustarts durch die Neustart-Richtlinie des Eintrags</translation>
    </message>
    <message>
        <source>%1 (out of memory)</source>
        <translation>%1 (Speicher erschöpft)</translation>
    </message>
    <message>
        <source>Failed: out of memory</source>
        <translation>Fehlgeschlagen: Speicher erschöpft</translation>
    </message>
    <message>
        <source>Failed: killed</source>
        <translation>Fehlgeschlagen: gekillt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminiert</translation>
    </message>
    <message>
        <source>Killed by the kernel&apos;s OOM killer: the entry&apos;s memory maximum was reached</source>
        <translation>Vom OOM-Killer des Kernels gekillt: das Speichermaximum des Eintrags war erreicht</translation>
    </message>
    <message>
        <source>Terminated by signal %1 (%2), which the user sent</source>
        <translation>Terminiert durch Signal %1 (%2), das der Benutzer gesendet hat</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>readiness</comment>
        <translation>bereit</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>readiness</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>readiness</comment>
        <translation>wartet</translation>
    </message>
    <message>
        <source>No readiness check: ready once started</source>
        <translation>Keine Bereitschaftsprüfung: bereit, sobald gestartet</translation>
    </message>
    <message>
        <source>Readiness check: %1 %2</source>
        <translation>Bereitschaftsprüfung: %1 %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>readiness column</comment>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Whether the run passes its readiness check: ready, waiting (failures in a row of the threshold) or failed; — without a check</source>
        <translation>Ob der Lauf seine Bereitschaftsprüfung besteht: bereit, wartet (Fehlschläge in Folge von der Schwelle) oder fehlgeschlagen; — ohne Prüfung</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>Nicht gestartet: %1</translation>
    </message>
    <message>
        <source>next run %1</source>
        <translation>nächster Lauf %1</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>Nächster Lauf %1</translation>
    </message>
    <message>
        <source>Scheduled: next run %1</source>
        <translation>Geplant: nächster Lauf %1</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <comment>readiness: failures in a row of the threshold, HealthCheck::failuresText()</comment>
        <translation>wartet (%1)</translation>
    </message>
</context>
<context>
    <name>ProcessTriggersPage</name>
    <message>
        <source>Restart on change</source>
        <translation>Neustart bei Änderung</translation>
    </message>
    <message>
        <source>Paths to watch</source>
        <translation>Überwachte Pfade</translation>
    </message>
    <message>
        <source>src/**/*.py
config/</source>
        <translation>src/**/*.py
config/</translation>
    </message>
    <message>
        <source>Files, folders or globs, one per line, relative to the session file&apos;s folder. A change restarts the entry, and the entries that depend on it follow.</source>
        <translation>Dateien, Ordner oder Muster, eines pro Zeile, relativ zum Ordner der Sitzungsdatei. Eine Änderung startet den Eintrag neu, und die Einträge, die von ihm abhängen, folgen.</translation>
    </message>
    <message>
        <source>Paths to ignore</source>
        <translation>Ignorierte Pfade</translation>
    </message>
    <message>
        <source>.git/
build/</source>
        <translation>.git/
build/</translation>
    </message>
    <message>
        <source>Globs, or folder names ending in /, whose changes do not count; one per line</source>
        <translation>Muster oder auf / endende Ordnernamen, deren Änderungen nicht zählen; eines pro Zeile</translation>
    </message>
    <message>
        <source>Debounce</source>
        <translation>Entprellung</translation>
    </message>
    <message>
        <source>Changes this close together are one burst: the entry restarts once, after the last</source>
        <translation>So dicht aufeinander folgende Änderungen sind ein Schub: Der Eintrag startet einmal neu, nach der letzten</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>&amp;Überwachen:</translation>
    </message>
    <message>
        <source>I&amp;gnore:</source>
        <translation>&amp;Ignorieren:</translation>
    </message>
    <message>
        <source>&amp;Debounce:</source>
        <translation>&amp;Entprellung:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Starts the entry at these times; never a second time while a run is still going</source>
        <translation>Startet den Eintrag zu diesen Zeiten; nie ein zweites Mal, solange ein Lauf noch andauert</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Kein Zeitplan</translation>
    </message>
    <message>
        <source>At the times of a cron expression</source>
        <translation>Zu den Zeiten eines cron-Ausdrucks</translation>
    </message>
    <message>
        <source>At an interval</source>
        <translation>In einem Intervall</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>cron-Ausdruck</translation>
    </message>
    <message>
        <source>*/5 * * * *</source>
        <translation>*/5 * * * *</translation>
    </message>
    <message>
        <source>Five fields, as cron reads them: minute hour day month weekday. */5 * * * * is every five minutes; 0 3 * * mon-fri is 3:00 on weekdays.</source>
        <translation>Fünf Felder, wie cron sie liest: Minute Stunde Tag Monat Wochentag. */5 * * * * ist alle fünf Minuten; 0 3 * * mon-fri ist werktags um 3:00.</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>The time from one start to the next, at least %1 ms</source>
        <translation>Die Zeit von einem Start zum nächsten, mindestens %1 ms</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>&amp;Ausführen:</translation>
    </message>
    <message>
        <source>&amp;Cron expression:</source>
        <translation>&amp;cron-Ausdruck:</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>Al&amp;le:</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Nächster Lauf: %1</translation>
    </message>
    <message>
        <source>Restart on change: %1</source>
        <translation>Neustart bei Änderung: %1</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>Zeitplan: %1</translation>
    </message>
    <message>
        <source>Schedule interval: %1</source>
        <translation>Intervall des Zeitplans: %1</translation>
    </message>
</context>
<context>
    <name>PseudoTerminal</name>
    <message>
        <source>cannot create a pseudo-terminal (%1): %2</source>
        <translation>Pseudo-Terminal kann nicht angelegt werden (%1): %2</translation>
    </message>
    <message>
        <source>the terminal is closed</source>
        <translation>das Terminal ist geschlossen</translation>
    </message>
    <message>
        <source>the program does not read its input</source>
        <translation>das Programm liest seine Eingabe nicht</translation>
    </message>
</context>
<context>
    <name>RemoteSession</name>
    <message>
        <source>not connected to the attached ProcDeck</source>
        <translation>keine Verbindung zum angehängten ProcDeck</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Could Not Open Session</source>
        <translation>Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The session that was open is unchanged.</source>
        <translation>Die zuvor geöffnete Sitzung bleibt unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n entries</source>
        <translation>
            <numerusform>%1 geöffnet: %n Eintrag</numerusform>
            <numerusform>%1 geöffnet: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>This file</source>
        <translation>Diese Datei</translation>
    </message>
    <message>
        <source>Nothing was started. Select entries and press Start to run them.</source>
        <translation>Nichts wurde gestartet. Einträge auswählen und „Starten“ drücken, um sie auszuführen.</translation>
    </message>
    <message>
        <source>New Session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n Eintrag läuft noch.</numerusform>
            <numerusform>%n Einträge laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json);;Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation>ProcDeck-Sitzungen (*.json);;Procfiles (Procfile Procfile.*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>Sitzung speichern unter</translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json)</source>
        <translation>ProcDeck-Sitzungen (*.json)</translation>
    </message>
    <message>
        <source>Could Not Save Session</source>
        <translation>Sitzung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The session has unsaved changes.</source>
        <translation>Die Sitzung hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <source>Import Procfile</source>
        <translation>Procfile importieren</translation>
    </message>
    <message>
        <source>Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation>Procfiles (Procfile Procfile.*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could Not Import Procfile</source>
        <translation>Procfile konnte nicht importiert werden</translation>
    </message>
    <message>
        <source>The session is unchanged.</source>
        <translation>Die Sitzung bleibt unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries from %1</source>
        <translation>
            <numerusform>%n Eintrag aus %1 importiert</numerusform>
            <numerusform>%n Einträge aus %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Procfile</source>
        <translation>Procfile exportieren</translation>
    </message>
    <message>
        <source>Could Not Export Procfile</source>
        <translation>Procfile konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>Terminate and Start New Session</source>
        <translation>Beenden und neue Sitzung beginnen</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>They are terminated first: each gets its stop signal, then SIGKILL after its grace period.</source>
        <translation>Sie werden zuerst beendet: jeder erhält sein Stoppsignal, nach seiner Frist SIGKILL.</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries…</source>
        <translation>
            <numerusform>Stoppe %n Eintrag…</numerusform>
            <numerusform>Stoppe %n Einträge…</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate and Open</source>
        <translation>Beenden und öffnen</translation>
    </message>
    <message>
        <source>The Procfile was written without the values of its .env.</source>
        <translation>Das Procfile wurde ohne die Werte seiner .env geschrieben.</translation>
    </message>
    <message>
        <source>Exported %1 and its .env</source>
        <translation>%1 und seine .env exportiert</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>missing: this is not a ProcDeck session (expected &quot;procdeck&quot;: 1)</source>
        <translation>fehlt: dies ist keine ProcDeck-Sitzung (erwartet &quot;procdeck&quot;: 1)</translation>
    </message>
    <message>
        <source>must be a positive integer (the format version)</source>
        <translation>muss eine positive ganze Zahl sein (die Formatversion)</translation>
    </message>
    <message>
        <source>format version %1 is newer than this ProcDeck reads (%2); update ProcDeck to open this file</source>
        <translation>Formatversion %1 ist neuer als die, die dieses ProcDeck liest (%2); aktualisieren Sie ProcDeck, um diese Datei zu öffnen</translation>
    </message>
    <message>
        <source>must be an array of entries</source>
        <translation>muss ein Array von Einträgen sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>needs &quot;program&quot; (with &quot;args&quot;) or &quot;shell&quot;</source>
        <translation>braucht &quot;program&quot; (mit &quot;args&quot;) oder &quot;shell&quot;</translation>
    </message>
    <message>
        <source>has both &quot;program&quot; and &quot;shell&quot;; use one of them</source>
        <translation>hat sowohl &quot;program&quot; als auch &quot;shell&quot;; nur eines davon verwenden</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>not allowed with &quot;shell&quot; (put the arguments in the command)</source>
        <translation>mit &quot;shell&quot; nicht erlaubt (die Argumente in den Befehl schreiben)</translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation>muss ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>must be an object of &quot;NAME&quot;: &quot;value&quot; (or null)</source>
        <translation>muss ein Objekt aus &quot;NAME&quot;: &quot;Wert&quot; sein (oder null)</translation>
    </message>
    <message>
        <source>%1 is not a valid variable name</source>
        <translation>%1 ist kein gültiger Variablenname</translation>
    </message>
    <message>
        <source>must be a string, or null to remove the variable</source>
        <translation>muss eine Zeichenkette sein, oder null, um die Variable zu entfernen</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>unknown signal %1</source>
        <translation>unbekanntes Signal %1</translation>
    </message>
    <message>
        <source>must be a signal name such as &quot;SIGTERM&quot;</source>
        <translation>muss ein Signalname wie &quot;SIGTERM&quot; sein</translation>
    </message>
    <message>
        <source>must be a positive integer</source>
        <translation>muss eine positive ganze Zahl sein</translation>
    </message>
    <message>
        <source>unknown value %1 (expected &quot;never&quot;, &quot;on-failure&quot; or &quot;always&quot;)</source>
        <translation>unbekannter Wert %1 (erwartet &quot;never&quot;, &quot;on-failure&quot; oder &quot;always&quot;)</translation>
    </message>
    <message>
        <source>%1 is already the name of %2[%3] (lines %4 and %5)</source>
        <translation>%1 ist bereits der Name von %2[%3] (Zeilen %4 und %5)</translation>
    </message>
    <message>
        <source>%1 is already the name of %2[%3]</source>
        <translation>%1 ist bereits der Name von %2[%3]</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: die Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the file is too large for a session (more than %2 MiB)</source>
        <translation>%1: die Datei ist zu groß für eine Sitzung (mehr als %2 MiB)</translation>
    </message>
    <message>
        <source>the file is empty (expected a JSON object)</source>
        <translation>die Datei ist leer (erwartet wird ein JSON-Objekt)</translation>
    </message>
    <message>
        <source>a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \uFEFF</source>
        <translation>eine Zeichenkette beginnt mit einer unsichtbaren Byte-Order-Mark (U+FEFF); entfernen Sie sie oder schreiben Sie sie als \uFEFF</translation>
    </message>
    <message>
        <source>expected KEY=VALUE</source>
        <translation>NAME=WERT erwartet</translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation>doppeltes Anführungszeichen nicht geschlossen</translation>
    </message>
    <message>
        <source>unterminated single quote</source>
        <translation>einfaches Anführungszeichen nicht geschlossen</translation>
    </message>
    <message>
        <source>unexpected text after the closing quote</source>
        <translation>unerwarteter Text nach dem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <source>expected &quot;name: command&quot;</source>
        <translation>&quot;Name: Befehl&quot; erwartet</translation>
    </message>
    <message>
        <source>%1 is not a valid name (letters, digits, &quot;_&quot; and &quot;-&quot; only)</source>
        <translation>%1 ist kein gültiger Name (nur Buchstaben, Ziffern, &quot;_&quot; und &quot;-&quot;)</translation>
    </message>
    <message>
        <source>%1 has no command</source>
        <translation>%1 hat keinen Befehl</translation>
    </message>
    <message>
        <source>no entries (expected &quot;name: command&quot; lines)</source>
        <translation>keine Einträge (erwartet werden Zeilen &quot;Name: Befehl&quot;)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;memoryMB&quot;: 512}</source>
        <translation>muss ein Objekt sein, etwa {&quot;memoryMB&quot;: 512}</translation>
    </message>
    <message>
        <source>%1 is not below %2 %3</source>
        <translation>%1 liegt nicht unter %2 %3</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>%1 is out of range: use 1 to %2 (leave the key out for no limit)</source>
        <translation>%1 liegt außerhalb des Bereichs: 1 bis %2 (für keine Grenze den Schlüssel weglassen)</translation>
    </message>
    <message>
        <source>contains a NUL byte</source>
        <translation>enthält ein NUL-Byte</translation>
    </message>
    <message>
        <source>duplicate entry name %1 (first at line %2)</source>
        <translation>doppelter Eintragsname %1 (zuerst in Zeile %2)</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>the top level is %1; it must be a JSON object with &quot;procdeck&quot;: 1</source>
        <translation>die oberste Ebene ist %1; sie muss ein JSON-Objekt mit &quot;procdeck&quot;: 1 sein</translation>
    </message>
    <message>
        <source>%1 is out of range: use %2 to %3</source>
        <translation>%1 liegt außerhalb des Bereichs: %2 bis %3 verwenden</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;db&quot;: &quot;ready&quot;}</source>
        <translation>muss ein Objekt sein, etwa {&quot;db&quot;: &quot;ready&quot;}</translation>
    </message>
    <message>
        <source>an entry name is empty</source>
        <translation>ein Eintragsname ist leer</translation>
    </message>
    <message>
        <source>unknown condition %1 (expected &quot;started&quot;, &quot;ready&quot;, &quot;completed&quot; or &quot;succeeded&quot;)</source>
        <translation>unbekannte Bedingung %1 (erwartet &quot;started&quot;, &quot;ready&quot;, &quot;completed&quot; oder &quot;succeeded&quot;)</translation>
    </message>
    <message>
        <source>one of &quot;logLine&quot;, &quot;tcp&quot;, &quot;http&quot; or &quot;command&quot;</source>
        <translation>einem von &quot;logLine&quot;, &quot;tcp&quot;, &quot;http&quot; oder &quot;command&quot;</translation>
    </message>
    <message>
        <source>must be an object with %1</source>
        <translation>muss ein Objekt mit %1 sein</translation>
    </message>
    <message>
        <source>has both %1 and %2; use one of them</source>
        <translation>hat sowohl %1 als auch %2; nur eines verwenden</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>braucht %1</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;paths&quot;: [&quot;src/&quot;]}</source>
        <translation>muss ein Objekt sein, etwa {&quot;paths&quot;: [&quot;src/&quot;]}</translation>
    </message>
    <message>
        <source>must be a cron expression such as &quot;*/5 * * * *&quot; or {&quot;everyMs&quot;: 60000}</source>
        <translation>muss ein Cron-Ausdruck wie &quot;*/5 * * * *&quot; oder {&quot;everyMs&quot;: 60000} sein</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;path&quot;: &quot;logs/api.log&quot;}</source>
        <translation>muss ein Objekt sein, etwa {&quot;path&quot;: &quot;logs/api.log&quot;}</translation>
    </message>
    <message>
        <source>%1 is already the name of a copy of %2 (replicas %3)</source>
        <translation>%1 ist bereits der Name einer Kopie von %2 (replicas %3)</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>unterminated single quote</source>
        <translation>einfaches Anführungszeichen nicht geschlossen</translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation>doppeltes Anführungszeichen nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>Last run: %1 at its end, maximum %2</source>
        <translation>Letzter Lauf: %1 am Ende, Maximum %2</translation>
    </message>
    <message>
        <source>Now %1, maximum %2</source>
        <translation>Jetzt %1, Maximum %2</translation>
    </message>
    <message>
        <source>ended at %1</source>
        <translation>am Ende %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>StackCheck</name>
    <message>
        <source>not a valid regular expression: %1 (at character %2)</source>
        <translation>kein gültiger regulärer Ausdruck: %1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>must be &quot;host:port&quot;, such as &quot;localhost:5432&quot;</source>
        <translation>muss &quot;host:port&quot; sein, etwa &quot;localhost:5432&quot;</translation>
    </message>
    <message>
        <source>%1 is not a port: use 1 to 65535</source>
        <translation>%1 ist kein Port: 1 bis 65535 verwenden</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// URL</source>
        <translation>%1 ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry of this session</source>
        <translation>&quot;%1&quot; ist kein Eintrag dieser Sitzung</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the entry itself; an entry cannot wait for itself</source>
        <translation>&quot;%1&quot; ist der Eintrag selbst; ein Eintrag kann nicht auf sich selbst warten</translation>
    </message>
    <message>
        <source>%1 is not a cron expression: it needs five fields (minute hour day month weekday)</source>
        <translation>%1 ist kein Cron-Ausdruck: er braucht fünf Felder (Minute Stunde Tag Monat Wochentag)</translation>
    </message>
    <message>
        <source>%1: field %2 (%3) is not a cron field (numbers, *, names such as mon or jan, with &quot;,&quot;, &quot;-&quot; and &quot;/&quot;)</source>
        <translation>%1: Feld %2 (%3) ist kein Cron-Feld (Zahlen, *, Namen wie mon oder jan, mit &quot;,&quot;, &quot;-&quot; und &quot;/&quot;)</translation>
    </message>
    <message>
        <source>must be a whole number of milliseconds, at least %1</source>
        <translation>muss eine ganze Zahl Millisekunden sein, mindestens %1</translation>
    </message>
    <message>
        <source>needs at least one path</source>
        <translation>braucht mindestens einen Pfad</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>contains a NUL byte</source>
        <translation>enthält ein NUL-Byte</translation>
    </message>
</context>
<context>
    <name>StackGraphEdge</name>
    <message>
        <source>started</source>
        <comment>dependency condition</comment>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>dependency condition</comment>
        <translation>bereit</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>dependency condition</comment>
        <translation>beendet</translation>
    </message>
    <message>
        <source>succeeded</source>
        <comment>dependency condition</comment>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>%1 waits until %2 has started</source>
        <translation>%1 wartet, bis %2 gestartet ist</translation>
    </message>
    <message>
        <source>%1 waits until %2 is ready</source>
        <translation>%1 wartet, bis %2 bereit ist</translation>
    </message>
    <message>
        <source>%1 waits until %2 has ended (any exit)</source>
        <translation>%1 wartet, bis %2 beendet ist (mit beliebigem Exit-Code)</translation>
    </message>
    <message>
        <source>%1 waits until %2 has exited with 0</source>
        <translation>%1 wartet, bis %2 mit 0 beendet ist</translation>
    </message>
</context>
<context>
    <name>StackGraphNode</name>
    <message numerus="yes">
        <source>%n copies (replicas)</source>
        <translation>
            <numerusform>%n Kopie (Replikat)</numerusform>
            <numerusform>%n Kopien (Replikate)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>entry: state</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>×%1</source>
        <comment>replica count badge</comment>
        <translation>×%1</translation>
    </message>
</context>
<context>
    <name>StackGraphView</name>
    <message>
        <source>Arrows lead from an entry to the entries that wait for it; the label says what they wait for</source>
        <translation>Pfeile führen von einem Eintrag zu den Einträgen, die auf ihn warten; die Beschriftung sagt, worauf sie warten</translation>
    </message>
    <message>
        <source>Dependency graph</source>
        <translation>Abhängigkeitsgraph</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n running</source>
        <comment>replicas</comment>
        <translation>
            <numerusform>%1 von %n läuft</numerusform>
            <numerusform>%1 von %n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>The session&apos;s entries show here, with an arrow to each entry from what it waits for (dependsOn)</source>
        <translation>Hier erscheinen die Einträge der Sitzung, mit einem Pfeil zu jedem Eintrag von dem, worauf er wartet (dependsOn)</translation>
    </message>
</context>
<context>
    <name>StackRunner</name>
    <message>
        <source>%1 failed its readiness check</source>
        <translation>%1 hat die Bereitschaftsprüfung nicht bestanden</translation>
    </message>
    <message>
        <source>%1 was not started</source>
        <translation>%1 wurde nicht gestartet</translation>
    </message>
    <message>
        <source>%1 failed to start</source>
        <translation>%1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 läuft nicht</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave up after %n restart(s)</source>
        <translation>
            <numerusform>%1 gab nach %n Neustart auf</numerusform>
            <numerusform>%1 gab nach %n Neustarts auf</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was stopped</source>
        <translation>%1 wurde gestoppt</translation>
    </message>
    <message>
        <source>%1 was killed by %2</source>
        <translation>%1 wurde durch %2 gekillt</translation>
    </message>
    <message>
        <source>%1 exited with %2</source>
        <translation>%1 wurde mit %2 beendet</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 wurde beendet</translation>
    </message>
    <message>
        <source>there is no entry called %1</source>
        <translation>es gibt keinen Eintrag namens %1</translation>
    </message>
    <message>
        <source>%1: met</source>
        <translation>%1: erfüllt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not yet</source>
        <translation>%1: noch nicht</translation>
    </message>
    <message>
        <source>%1: not yet (%2)</source>
        <translation>%1: noch nicht (%2)</translation>
    </message>
</context>
<context>
    <name>TriggerMonitor</name>
    <message>
        <source>restarting: %1 changed</source>
        <translation>Neustart: %1 hat sich geändert</translation>
    </message>
    <message numerus="yes">
        <source>restarting: %1 changed (%n file(s))</source>
        <translation>
            <numerusform>Neustart: %1 hat sich geändert (%n Datei)</numerusform>
            <numerusform>Neustart: %1 hat sich geändert (%n Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>schedule not armed: %1</source>
        <translation>Zeitplan nicht aktiviert: %1</translation>
    </message>
    <message>
        <source>skipped the %1 run: the %2 run is still going</source>
        <translation>Lauf um %1 übersprungen: der Lauf von %2 läuft noch</translation>
    </message>
    <message>
        <source>scheduled run (%1)</source>
        <translation>geplanter Lauf (%1)</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>unset %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Run Commands from This File?</source>
        <translation>Befehle aus dieser Datei ausführen?</translation>
    </message>
    <message numerus="yes">
        <source>%1 asks to start %n command(s) when it opens. You have not run commands from this file before, or it changed since. Run them only if you trust where it came from.</source>
        <translation>
            <numerusform>%1 möchte beim Öffnen %n Befehl starten. Sie haben noch keine Befehle aus dieser Datei ausgeführt, oder sie hat sich seitdem geändert. Führen Sie ihn nur aus, wenn Sie ihrer Herkunft vertrauen.</numerusform>
            <numerusform>%1 möchte beim Öffnen %n Befehle starten. Sie haben noch keine Befehle aus dieser Datei ausgeführt, oder sie hat sich seitdem geändert. Führen Sie sie nur aus, wenn Sie ihrer Herkunft vertrauen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Commands that would run</source>
        <translation>Befehle, die ausgeführt würden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Environment changes</source>
        <translation>Umgebungsänderungen</translation>
    </message>
    <message>
        <source>sh -c: %1</source>
        <translation>sh -c: %1</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Run</source>
        <translation>&amp;Nicht ausführen</translation>
    </message>
    <message>
        <source>%1 (cannot start: %2)</source>
        <translation>%1 (kann nicht starten: %2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>still checking whether this system gives each entry a cgroup</source>
        <translation>es wird noch geprüft, ob dieses System jedem Eintrag eine cgroup gibt</translation>
    </message>
</context>
</TS>

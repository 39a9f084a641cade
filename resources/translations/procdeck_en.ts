<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FileWatcher</name>
    <message numerus="yes">
        <source>cannot watch %Ln folder(s): the system allows %1 inotify watches (fs.inotify.max_user_watches) for all of the user's programs; %2 are watched and changes in the others do not restart the entry. Raise the limit (sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders</source>
        <translation>
            <numerusform>cannot watch %Ln folder: the system allows %1 inotify watches (fs.inotify.max_user_watches) for all of the user's programs; %2 are watched and changes in the others do not restart the entry. Raise the limit (sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders</numerusform>
            <numerusform>cannot watch %Ln folders: the system allows %1 inotify watches (fs.inotify.max_user_watches) for all of the user's programs; %2 are watched and changes in the others do not restart the entry. Raise the limit (sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message numerus="yes">
        <source>killed %n process(es) that the entries left behind</source>
        <translation>
            <numerusform>killed %n process that the entries left behind</numerusform>
            <numerusform>killed %n processes that the entries left behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); restarting</source>
        <translation>
            <numerusform>liveness check failed %n time (%1); restarting</numerusform>
            <numerusform>liveness check failed %n times (%1); restarting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); stopping (restart policy never)</source>
        <translation>
            <numerusform>liveness check failed %n time (%1); stopping (restart policy never)</numerusform>
            <numerusform>liveness check failed %n times (%1); stopping (restart policy never)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message numerus="yes">
        <source>Wait for the %n selected entries to end, at most for the timeout. The window stays usable while it waits.</source>
        <translation>
            <numerusform>Wait for the selected entry to end, at most for the timeout. The window stays usable while it waits.</numerusform>
            <numerusform>Wait for the %n selected entries to end, at most for the timeout. The window stays usable while it waits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogFileWriter</name>
    <message numerus="yes">
        <source>%n line(s) dropped by the output's bounds before they were written here</source>
        <translation>
            <numerusform>%n line dropped by the output's bounds before it was written here</numerusform>
            <numerusform>%n lines dropped by the output's bounds before they were written here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n entries in this session</source>
        <translation>
            <numerusform>%n entry in this session</numerusform>
            <numerusform>%n entries in this session</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected entries are still running.</source>
        <translation>
            <numerusform>%n of the selected entries is still running.</numerusform>
            <numerusform>%n of the selected entries are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restarting in %n s.</source>
        <translation>
            <numerusform>Restarting in %n s.</numerusform>
            <numerusform>Restarting in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n entry is still running.</numerusform>
            <numerusform>%n entries are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Killing %n entries before quitting…</source>
        <translation>
            <numerusform>Killing %n entry before quitting…</numerusform>
            <numerusform>Killing %n entries before quitting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries before quitting… (Quit again or Kill Now to kill them)</source>
        <translation>
            <numerusform>Stopping %n entry before quitting… (Quit again or Kill Now to kill it)</numerusform>
            <numerusform>Stopping %n entries before quitting… (Quit again or Kill Now to kill them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starting %n entries</source>
        <translation>
            <numerusform>Starting %n entry</numerusform>
            <numerusform>Starting %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminating %n entries</source>
        <translation>
            <numerusform>Terminating %n entry</numerusform>
            <numerusform>Terminating %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished entries</source>
        <translation>
            <numerusform>Removed %n finished entry</numerusform>
            <numerusform>Removed %n finished entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries…</source>
        <translation>
            <numerusform>Joining %n entry…</numerusform>
            <numerusform>Joining %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries, at most %1 s…</source>
        <translation>
            <numerusform>Joining %n entry, at most %1 s…</numerusform>
            <numerusform>Joining %n entries, at most %1 s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 scaled to %n copies</source>
        <translation>
            <numerusform>%1 scaled to %n copy</numerusform>
            <numerusform>%1 scaled to %n copies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message numerus="yes">
        <source>%n earlier line(s) dropped</source>
        <translation>
            <numerusform>%n earlier line dropped</numerusform>
            <numerusform>%n earlier lines dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message numerus="yes">
        <source>Gave up after %n restart(s)</source>
        <translation>
            <numerusform>Gave up after %n restart</numerusform>
            <numerusform>Gave up after %n restarts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message numerus="yes">
        <source>Opened %1: %n entries</source>
        <translation>
            <numerusform>Opened %1: %n entry</numerusform>
            <numerusform>Opened %1: %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n entry is still running.</numerusform>
            <numerusform>%n entries are still running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries from %1</source>
        <translation>
            <numerusform>Imported %n entry from %1</numerusform>
            <numerusform>Imported %n entries from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries…</source>
        <translation>
            <numerusform>Stopping %n entry…</numerusform>
            <numerusform>Stopping %n entries…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriggerMonitor</name>
    <message numerus="yes">
        <source>restarting: %1 changed (%n file(s))</source>
        <translation>
            <numerusform>restarting: %1 changed (%n file)</numerusform>
            <numerusform>restarting: %1 changed (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message numerus="yes">
        <source>%1 asks to start %n command(s) when it opens. You have not run commands from this file before, or it changed since. Run them only if you trust where it came from.</source>
        <translation>
            <numerusform>%1 asks to start a command when it opens. You have not run commands from this file before, or it changed since. Run it only if you trust where it came from.</numerusform>
            <numerusform>%1 asks to start %n commands when it opens. You have not run commands from this file before, or it changed since. Run them only if you trust where it came from.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message numerus="yes">
        <source>%n ProcDecks are running: choose one with --session NAME</source>
        <translation>
            <numerusform>%n ProcDeck is running: choose one with --session NAME</numerusform>
            <numerusform>%n ProcDecks are running: choose one with --session NAME</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputPrinter</name>
    <message numerus="yes">
        <source>… %n line(s) skipped</source>
        <translation>
            <numerusform>… %n line skipped</numerusform>
            <numerusform>… %n lines skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ControlConnection</name>
    <message numerus="yes">
        <source>input: %1 is a group of %n entries: name one of them</source>
        <translation>
            <numerusform>input: %1 is a group of %n entry: name one of them</numerusform>
            <numerusform>input: %1 is a group of %n entries: name one of them</numerusform>
        </translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>too many arguments: one FILE at most (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless and --start-all cannot be used together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout applies only with --headless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  procdeck [FILE]                  open a session file (JSON) or a Procfile in the window
  procdeck --start-all FILE        open it and start every entry (asks first if the file
                                   is not trusted)
  procdeck --headless FILE [--timeout SECONDS]
                                   no window: start every entry and join them all
  procdeck --version | --help

Headless output, one line per output line of an entry:
  name | text      a line the entry wrote on stdout
  name ! text      a line the entry wrote on stderr
  name * text      ProcDeck&apos;s note about the entry (started, exited, terminate, ...)
Colours only when stdout is a terminal (and NO_COLOR is not set). On --timeout, Ctrl-C
or SIGTERM every entry is terminated (its stop signal, then SIGKILL after its grace
period); a second Ctrl-C kills at once.

Exit status (headless): 0 when every entry exited 0; otherwise the first non-zero exit
status in start order (128+N for death by signal N, 127 for a failed start); 124 on
timeout; 128+N when ProcDeck was stopped by signal N; 2 for a bad file or arguments.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;procdeck --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID, group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last exit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sh -c %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inherited unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, group %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>timeout after %1 s: terminating every entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: terminating every entry (again to kill them at once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 again: killing every entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>killed %n process(es) that the entries left behind</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout (seconds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: wait until they exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wait for the %n selected process(es) to exit, at most for the timeout. The window stays usable while it waits.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the timeout as a number of seconds, such as 0.5 or 10, or leave it empty to wait until they exit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ProcDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, command or state (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this session and start an empty one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session file or a Procfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit ProcDeck, stopping the processes it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a process entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add copies of the selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected entries: start()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the selected entries to exit, with a timeout: join(timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the stop signal to each selected entry&apos;s process group, then SIGKILL after the grace period: terminate()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process group now: kill()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected entries if they run, then start them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ProcDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Procfile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the entries of a Procfile (and the .env beside it) to this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Procfile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the entries as a Procfile for honcho, foreman or overmind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the entries whose name, command or state matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGINT (&amp;Interrupt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGINT to each selected entry&apos;s process group, as Ctrl+C in a terminal would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGHUP (&amp;Hang up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGHUP to each selected entry&apos;s process group; many servers reload their configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGUSR&amp;1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGUSR1 to each selected entry&apos;s process group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGUSR&amp;2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGUSR2 to each selected entry&apos;s process group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIG&amp;TERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGTERM to each selected entry&apos;s process group, without a grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIG&amp;KILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop each selected entry&apos;s process group with SIGSTOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue each selected paused entry&apos;s process group with SIGCONT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify When Entries Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop notification when an entry exits with an error or is killed by a signal ProcDeck did not send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected entry&apos;s command, times and process tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running · %2 paused · %3 exited · %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries in this session</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed: the changes apply at its next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Running Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected entries are still running.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate them and remove them when they have exited?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already running (PID %2): a process is started once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restarting in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ended unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Joining %n process(es)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n process(es), at most %1 s…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>join: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit ProcDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n process(es) are still running.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate them and quit when they have exited?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n process(es) before quitting…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>About ProcDeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;ProcDeck %1&lt;/h3&gt;&lt;p&gt;Launch, watch, join and stop child processes.&lt;/p&gt;&lt;p&gt;Every verb of Python&apos;s &lt;code&gt;multiprocessing.Process&lt;/code&gt; has a button here, with the same meaning.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Selected</source>
        <comment>output view</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the output of the processes selected in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <comment>output view</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the output of every process, interleaved in arrival order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the arrival time of each line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text in the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aa</source>
        <comment>match case</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.*</source>
        <comment>regular expression</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the output of the selected processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the output shown to a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the line to the selected process&apos;s standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the selected process&apos;s standard input (end of file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input for the selected process (Enter sends a line, Ctrl+D closes stdin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No processes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a process to see its output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier line(s) dropped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest %1 lines (%2) were dropped to keep the memory used bounded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Text file (*.txt *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text file with timestamps (*.txt *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the output to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running process to send input to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input not sent to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input not sent: %1 is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input not sent: %1 are not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not close the input of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed the standard input of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 are not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running process to close its input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the processes: standard output, standard error and ProcDeck&apos;s messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to the newest output and keep following it (Ctrl+End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessDialog</name>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Program with arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hell command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c: pipes, redirections and variables work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>python3, /usr/bin/env, ./server …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the program file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split like a shell would: quotes and backslashes are honoured, but no shell runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-u worker.py &quot;two words&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make watch 2&gt;&amp;1 | grep -v DEBUG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session file&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY=VALUE to add or change a variable, -KEY to remove one; one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop signal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the whole process group by Terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then SIGKILL after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;estart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start when the session &amp;opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Working Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment line %1: write KEY=VALUE to set a variable or -KEY to remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment line %1: &quot;%2&quot; is not a valid variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory does not exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the shell command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the program to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program does not exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program is not an executable file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program named &quot;%1&quot; was found in PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <source>Yes</source>
        <comment>alive</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <comment>alive</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping (kill in %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n restart(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>PID of the last run; the process has ended and is never signalled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run ended unexpectedly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed by signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <comment>exit code column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procs</source>
        <comment>processes in the group</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is_alive(): whether the process is running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exitcode: N for a normal exit, -N for death by signal N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU use of the entry&apos;s process group, in percent of one core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident memory of the entry&apos;s process group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes in the entry&apos;s process group (the entry and its children)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts done by the entry&apos;s restart policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Could Not Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session that was open is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was started. Select entries and press Start to run them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kill them and start an empty session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json);;Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill them and open the other session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Save Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Procfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Import Procfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export Procfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Export Procfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>missing: this is not a ProcDeck session (expected &quot;procdeck&quot;: 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive integer (the format version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format version %1 is newer than this ProcDeck reads (%2); update ProcDeck to open this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs &quot;program&quot; (with &quot;args&quot;) or &quot;shell&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has both &quot;program&quot; and &quot;shell&quot;; use one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed with &quot;shell&quot; (put the arguments in the command)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object of &quot;NAME&quot;: &quot;value&quot; (or null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, or null to remove the variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a signal name such as &quot;SIGTERM&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown value %1 (expected &quot;never&quot;, &quot;on-failure&quot; or &quot;always&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is too large for a session (more than %2 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty (expected a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be a JSON object with &quot;procdeck&quot;: 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \uFEFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated single quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;name: command&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid name (letters, digits, &quot;_&quot; and &quot;-&quot; only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no entries (expected &quot;name: command&quot; lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>unterminated single quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>unset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Commands from This File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 asks to start %n command(s) when it opens. You have not run commands from this file before, or it changed since. Run them only if you trust where it came from.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Commands that would run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sh -c: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

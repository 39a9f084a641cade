<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>&lt;p&gt;Launch, watch, join and stop child processes.&lt;/p&gt;&lt;p&gt;Every verb of Python&apos;s &lt;code&gt;multiprocessing.Process&lt;/code&gt; has a button here, with the same meaning.&lt;/p&gt;</source>
        <translation>&lt;p&gt;启动、监视、等待结束和停止子进程。&lt;/p&gt;&lt;p&gt;Python 的 &lt;code&gt;multiprocessing.Process&lt;/code&gt; 的每个动词在这里都有一个按钮，含义相同。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Free software under the GNU General Public License, version 3 or any later version (&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;). It comes with no warranty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;自由软件，依据 GNU 通用公共许可证第 3 版或任何更高版本授权（&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;）。不提供任何担保。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1, running on Qt %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;基于 Qt %1 构建，运行于 Qt %2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About ProcDeck</source>
        <translation>关于 ProcDeck</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a Running ProcDeck</source>
        <translation>附加到正在运行的 ProcDeck</translation>
    </message>
    <message>
        <source>&amp;Running on this machine:</source>
        <translation>在本机运行(&amp;R)：</translation>
    </message>
    <message>
        <source>Running ProcDecks</source>
        <translation>正在运行的 ProcDeck</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Session File</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>&amp;Or attach to:</source>
        <translation>或附加到(&amp;O)：</translation>
    </message>
    <message>
        <source>Where the ProcDeck to attach to runs</source>
        <translation>要附加的 ProcDeck 在哪里运行</translation>
    </message>
    <message>
        <source>ssh://[user@]host[:port][/session], or a name or session file here</source>
        <translation>ssh://[user@]host[:port][/session]，或本机的名称或会话文件</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>附加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Looking for running ProcDecks…</source>
        <translation>正在查找运行中的 ProcDeck…</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>无窗口</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>No other ProcDeck is running on this machine. Start one that keeps running without a window with:
    procdeck --headless FILE --serve
or attach to one on another machine below.</source>
        <translation>本机没有其他 ProcDeck 在运行。用下面的命令启动一个无窗口持续运行的：
    procdeck --headless FILE --serve
或在下方附加到另一台机器上的 ProcDeck。</translation>
    </message>
</context>
<context>
    <name>AttachTarget</name>
    <message>
        <source>“%1” is not a port: give a number from 1 to 65535</source>
        <translation>“%1”不是端口：请给出 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the IPv6 address has no closing “]”</source>
        <translation>IPv6 地址缺少闭合的“]”</translation>
    </message>
    <message>
        <source>an IPv6 address goes in brackets, as in ssh://[%1]</source>
        <translation>IPv6 地址须写在方括号中，例如 ssh://[%1]</translation>
    </message>
    <message>
        <source>the address names no host: write ssh://HOST or ssh://USER@HOST</source>
        <translation>地址中没有主机：请写 ssh://HOST 或 ssh://USER@HOST</translation>
    </message>
    <message>
        <source>“%1” is not a host name</source>
        <translation>“%1”不是主机名</translation>
    </message>
    <message>
        <source>“%1” after the host is neither a port nor a session (“:PORT”, “/SESSION”)</source>
        <translation>主机后的“%1”既不是端口也不是会话（“:PORT”、“/SESSION”）</translation>
    </message>
    <message>
        <source>the port after “:” is missing</source>
        <translation>“:”后缺少端口</translation>
    </message>
    <message>
        <source>a password does not belong in the address: ssh asks for one when it needs it</source>
        <translation>密码不应写在地址中：ssh 需要时会询问</translation>
    </message>
    <message>
        <source>the user name before “@” is empty</source>
        <translation>“@”前的用户名为空</translation>
    </message>
    <message>
        <source>“%1” is not a user name</source>
        <translation>“%1”不是用户名</translation>
    </message>
    <message>
        <source>the session name has a line break in it</source>
        <translation>会话名称中含有换行符</translation>
    </message>
    <message>
        <source>the ProcDeck of %1 is not running any more</source>
        <translation>%1 的 ProcDeck 已不再运行</translation>
    </message>
    <message>
        <source>no running ProcDeck is called %1</source>
        <translation>没有名为 %1 的 ProcDeck 在运行</translation>
    </message>
    <message>
        <source>“%1” cannot be attached to: only ssh:// reaches another machine</source>
        <translation>无法附加到“%1”：只有 ssh:// 能连接另一台机器</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
</context>
<context>
    <name>CgroupScope</name>
    <message>
        <source>systemd did not answer within %1 ms</source>
        <translation>systemd 未在 %1 毫秒内应答</translation>
    </message>
    <message>
        <source>limits not applied: %1</source>
        <translation>未应用限制：%1</translation>
    </message>
    <message>
        <source>systemd&apos;s job for %1 ended with &quot;%2&quot;</source>
        <translation>systemd 为 %1 执行的作业以“%2”结束</translation>
    </message>
    <message>
        <source>process %1 is not in %2</source>
        <translation>进程 %1 不在 %2 中</translation>
    </message>
    <message>
        <source>could not place %1 in a cgroup: %2</source>
        <translation>无法将 %1 放入 cgroup：%2</translation>
    </message>
    <message>
        <source>could not place %1 in a cgroup: %2; limits not applied</source>
        <translation>无法将 %1 放入 cgroup：%2；未应用限制</translation>
    </message>
    <message>
        <source>processes left in %1 after the process tree ended: killed (cgroup.kill)</source>
        <translation>进程树结束后 %1 中仍有进程：已杀死（cgroup.kill）</translation>
    </message>
    <message>
        <source>restart above %1 MB not applied: the scope&apos;s memory controller could not be watched</source>
        <translation>未应用“内存超过 %1 MB 时重启”：无法监视该 scope 的内存控制器</translation>
    </message>
    <message>
        <source>memory went above %1 MB: restarting</source>
        <translation>内存超过 %1 MB：正在重启</translation>
    </message>
    <message>
        <source>killed by the kernel: out of memory (memory maximum %1 MB)</source>
        <translation>被内核杀死：内存不足（内存上限 %1 MB）</translation>
    </message>
    <message>
        <source>killed by the kernel: out of memory</source>
        <translation>被内核杀死：内存不足</translation>
    </message>
</context>
<context>
    <name>CgroupSupport</name>
    <message>
        <source>ProcDeck: %1</source>
        <translation>ProcDeck：%1</translation>
    </message>
    <message>
        <source>no systemd user session on the D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>D-Bus 会话总线上没有 systemd 用户会话（未设置 DBUS_SESSION_BUS_ADDRESS）</translation>
    </message>
    <message>
        <source>no systemd user session: the D-Bus session bus does not answer (%1)</source>
        <translation>没有 systemd 用户会话：D-Bus 会话总线没有应答（%1）</translation>
    </message>
    <message>
        <source>no systemd user manager on the D-Bus session bus (%1)</source>
        <translation>D-Bus 会话总线上没有 systemd 用户管理器（%1）</translation>
    </message>
    <message>
        <source>limits need a cgroup per entry: %1</source>
        <translation>限制需要每个条目有一个 cgroup：%1</translation>
    </message>
    <message>
        <source>the kernel&apos;s memory controller is not available</source>
        <translation>内核的内存控制器不可用</translation>
    </message>
</context>
<context>
    <name>ChildProcess</name>
    <message>
        <source>procdeck-reaper, which starts every entry, is missing; reinstall ProcDeck</source>
        <translation>用于启动每个条目的 procdeck-reaper 缺失；请重新安装 ProcDeck</translation>
    </message>
    <message>
        <source>not running in a terminal</source>
        <translation>未在终端中运行</translation>
    </message>
    <message>
        <source>the terminal has no interrupt character</source>
        <translation>该终端没有中断字符</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未在运行</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>its reaper ended before the program started</source>
        <translation>其收割进程在程序启动前就已结束</translation>
    </message>
    <message>
        <source>cannot create a socket: %1</source>
        <translation>无法创建套接字：%1</translation>
    </message>
    <message>
        <source>its reaper (PID %1) was killed from outside; ProcDeck killed what was left of its processes</source>
        <translation>其收割进程（PID %1）被外部杀死；ProcDeck 已杀死其余下的进程</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>too many arguments: one FILE at most (got %1)</source>
        <translation>参数过多：最多一个 FILE（收到 %1 个）</translation>
    </message>
    <message>
        <source>--headless and --start-all cannot be used together</source>
        <translation>--headless 与 --start-all 不能同时使用</translation>
    </message>
    <message>
        <source>%1 needs a FILE</source>
        <translation>%1 需要一个 FILE</translation>
    </message>
    <message>
        <source>--timeout applies only with --headless</source>
        <translation>--timeout 只能与 --headless 一起使用</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a positive number of seconds</source>
        <translation>--timeout：“%1”不是正的秒数</translation>
    </message>
    <message>
        <source>Try &apos;procdeck --help&apos;.</source>
        <translation>请尝试“procdeck --help”。</translation>
    </message>
    <message>
        <source>Qt&apos;s own options apply to the window: -style STYLE, -stylesheet FILE, -platform NAME,
-reverse (right to left), -qwindowgeometry WxH+X+Y and the others Qt documents.
</source>
        <translation>Qt 自身的选项作用于窗口：-style STYLE、-stylesheet FILE、-platform NAME、
-reverse（从右到左）、-qwindowgeometry WxH+X+Y，以及 Qt 文档中的其他选项。
</translation>
    </message>
    <message>
        <source>--serve applies only with --headless</source>
        <translation>--serve 仅与 --headless 一起使用</translation>
    </message>
    <message>
        <source>Exit status (headless): 0 when every entry exited 0; otherwise the first non-zero exit
status in start order (128+N for death by signal N, %1 for a failed start, %2 for an
entry not started because a dependency failed); %3 on timeout; 128+N when ProcDeck was
stopped by signal N; %4 for a bad file or arguments.
</source>
        <translation>退出状态（无窗口模式）：每个条目都以 0 退出时为 0；否则为按启动顺序第一个
非零退出状态（被信号 N 杀死为 128+N，启动失败为 %1，因依赖失败而未启动的条目
为 %2）；超时为 %3；ProcDeck 被信号 N 停止时为 128+N；文件或参数错误为 %4。
</translation>
    </message>
    <message>
        <source>--attach needs a TARGET: ssh://[user@]host[:port][/session], or a ProcDeck here as &apos;procdeck ctl instances&apos; names it</source>
        <translation>--attach 需要一个目标：ssh://[user@]host[:port][/session]（session：那台机器上的会话），或本机上 &apos;procdeck ctl instances&apos; 列出的某个 ProcDeck</translation>
    </message>
    <message>
        <source>--attach cannot be used with --headless, --start-all, --serve or --timeout</source>
        <translation>--attach 不能与 --headless、--start-all、--serve 或 --timeout 一起使用</translation>
    </message>
    <message>
        <source>--attach takes no FILE: the session is the attached ProcDeck&apos;s</source>
        <translation>--attach 不接受 FILE：会话属于所附加的 ProcDeck</translation>
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
        <translation>用法：
  procdeck [FILE]                  在窗口中打开会话文件（JSON）或 Procfile
  procdeck --start-all FILE        打开它并启动每个条目（若文件未受信任，
                                   先询问）
  procdeck --headless FILE [--timeout SECONDS] [--serve]
                                   不显示窗口：启动每个条目并等待全部结束；
                                   --serve：持续服务，直到 &apos;procdeck ctl quit&apos;
  procdeck ctl [--session NAME] VERB [ARGS]
                                   控制一个正在运行的 ProcDeck（&apos;procdeck ctl help&apos;）
  procdeck --attach TARGET         显示一个正在运行的 ProcDeck 的窗口（窗口关闭后其条目
                                   继续运行）；TARGET 为 ssh://[user@]host[:port][/session]
                                   表示另一台机器上的，或本机上 &apos;procdeck ctl instances&apos; 中
                                   的名称、套接字路径或会话文件
  procdeck --version | --help

无窗口模式的输出，条目的每一行输出对应一行：
  name | text      条目写到 stdout 的一行
  name ! text      条目写到 stderr 的一行
  name * text      ProcDeck 关于该条目的说明（已启动、已退出、终止……）
仅当 stdout 是终端（且未设置 NO_COLOR）时使用颜色。遇到 --timeout、Ctrl-C
或 SIGTERM 时终止每个条目（先发送其停止信号，宽限期结束后发送 SIGKILL）；
再按一次 Ctrl-C 立即杀死。
</translation>
    </message>
</context>
<context>
    <name>ControlClient</name>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not say hello</source>
        <translation>%1 没有发送 hello</translation>
    </message>
    <message>
        <source>the ProcDeck closed the connection</source>
        <translation>ProcDeck 关闭了连接</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有回答</translation>
    </message>
    <message>
        <source>a malformed answer: %1</source>
        <translation>格式错误的回答：%1</translation>
    </message>
    <message>
        <source>(unsaved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>NAME	STATE	PID	EXIT	UPTIME	RESTARTS</source>
        <translation>名称	状态	PID	退出码	运行时间	重启次数</translation>
    </message>
    <message>
        <source> (gave up)</source>
        <translation>（已放弃）</translation>
    </message>
    <message>
        <source>%1: %2, PID %3, %4</source>
        <translation>%1：%2，PID %3，%4</translation>
    </message>
    <message>
        <source>unsaved session</source>
        <translation>未保存的会话</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>the ProcDeck of %1 is not running any more (its stale socket was removed)</source>
        <translation>%1 的 ProcDeck 已不再运行（其失效的套接字已删除）</translation>
    </message>
    <message>
        <source>no running ProcDeck is called %1 or has that session file (&apos;procdeck ctl instances&apos; lists them)</source>
        <translation>没有名为 %1 或使用该会话文件的 ProcDeck 在运行（&apos;procdeck ctl instances&apos; 会列出它们）</translation>
    </message>
    <message>
        <source>no ProcDeck is running (no control socket in %1)</source>
        <translation>没有正在运行的 ProcDeck（%1 中没有控制套接字）</translation>
    </message>
    <message numerus="yes">
        <source>%n ProcDecks are running: choose one with --session NAME</source>
        <translation>
            <numerusform>有 %n 个 ProcDeck 正在运行：请用 --session NAME 选择一个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>added %1
</source>
        <translation>已添加 %1
</translation>
    </message>
    <message>
        <source>the request was refused</source>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <source>Try &apos;procdeck ctl help&apos;.</source>
        <translation>请参阅 &apos;procdeck ctl help&apos;。</translation>
    </message>
    <message>
        <source>no ProcDeck is running (no folder %1)</source>
        <translation>没有正在运行的 ProcDeck（没有文件夹 %1）</translation>
    </message>
    <message>
        <source>NAME	PID	MODE	ENTRIES	SESSION</source>
        <translation>名称	PID	模式	条目	会话</translation>
    </message>
    <message>
        <source>%1 %2 needs a value</source>
        <translation>%1 %2 需要一个值</translation>
    </message>
    <message>
        <source>join --timeout: &quot;%1&quot; is not a number of seconds</source>
        <translation>join --timeout：&quot;%1&quot; 不是秒数（等待结束）</translation>
    </message>
    <message>
        <source>logs --since: &quot;%1&quot; is neither a duration (30s, 5m, 2h, 1d) nor a date and time</source>
        <translation>logs --since：&quot;%1&quot; 既不是时长（30s、5m、2h、1d）也不是日期时间</translation>
    </message>
    <message>
        <source>%1: unknown option %2</source>
        <translation>%1：未知选项 %2</translation>
    </message>
    <message>
        <source>--session needs a NAME</source>
        <translation>--session 需要一个会话 NAME</translation>
    </message>
    <message>
        <source>no VERB given</source>
        <translation>未给出 VERB</translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation>%1 不接受参数</translation>
    </message>
    <message>
        <source>add needs one JSON entry, e.g. add &apos;{&quot;name&quot;:&quot;web&quot;,&quot;program&quot;:&quot;python3&quot;,&quot;args&quot;:[&quot;-m&quot;,&quot;http.server&quot;]}&apos;</source>
        <translation>add 需要一个 JSON 条目，例如 add &apos;{&quot;name&quot;:&quot;web&quot;,&quot;program&quot;:&quot;python3&quot;,&quot;args&quot;:[&quot;-m&quot;,&quot;http.server&quot;]}&apos;</translation>
    </message>
    <message>
        <source>unknown verb &quot;%1&quot;</source>
        <translation>未知动词 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>signal needs a SIGNAL and a NAME</source>
        <translation>signal 需要一个信号 SIGNAL 和一个 NAME</translation>
    </message>
    <message>
        <source>%1 needs a NAME (or several)</source>
        <translation>%1 需要一个 NAME（或多个）</translation>
    </message>
    <message>
        <source>changed %1
</source>
        <translation>已更改 %1
</translation>
    </message>
    <message>
        <source>%1: not JSON (%2 at offset %3)</source>
        <translation>%1：不是 JSON（%2，位于偏移 %3）</translation>
    </message>
    <message>
        <source>%1: the entry must be a JSON object</source>
        <translation>%1：条目必须是 JSON 对象</translation>
    </message>
    <message>
        <source>input needs a NAME and a TEXT (sent with a newline), or --eof NAME</source>
        <translation>input 需要 NAME 和 TEXT（发送时附加换行），或 --eof NAME</translation>
    </message>
    <message>
        <source>scale needs a NAME and a COUNT</source>
        <translation>scale 需要 NAME 和 COUNT</translation>
    </message>
    <message>
        <source>edit needs a NAME and one JSON entry</source>
        <translation>edit 需要 NAME 和一个 JSON 条目</translation>
    </message>
    <message>
        <source>scale: &quot;%1&quot; is not a number of copies</source>
        <translation>scale：“%1”不是副本数</translation>
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
        <translation>用法：procdeck ctl [--session NAME] VERB [ARGS]

  instances                  正在运行的 ProcDeck：名称、PID、模式、条目数、会话
  list [--json] [NAME...]    条目：名称、状态、PID、退出码、运行时间、重启次数
  status                     一行说明会话，一行统计各状态
  start|stop|kill|restart NAME...
                             工具栏的操作：启动、终止（停止信号，宽限期后 SIGKILL）、
                             杀死、重启
  signal SIG NAME...         发送信号（TERM、SIGUSR1、10……）
  join [--timeout S] NAME... 等待条目结束；退出状态同无窗口模式
                             （超时时仍有条目在运行则为 124）
  logs [-f] [--since T] [NAME...]
                             以 &apos;name | line&apos; 显示它们的输出；-f：之后显示新行，
                             直到 Ctrl-C；T：往前 30s、5m、2h、1d，或日期时间
  pause|resume|interrupt NAME...
                             暂停和继续它们（SIGSTOP、SIGCONT）；对终端条目发送 Ctrl+C（中断）
  input NAME TEXT            向条目的标准输入发送一行；--eof NAME 关闭标准输入
  add JSON                   添加一个条目，写法同会话文件
  edit NAME JSON             把这个条目对象交给该条目（或组），同“编辑”
  scale NAME COUNT           运行该条目的 COUNT 个副本（NAME-1 ... NAME-COUNT）
  remove NAME...             终止这些条目，然后删除
  quit                       停止每个条目并结束该 ProcDeck（窗口也一样，
                             不询问；未保存的更改不会保存）
  bridge                     把标准输入和标准输出逐字节连到套接字
                             （ssh HOST procdeck ctl bridge：那台机器的套接字）

多副本条目的组名（api）指它的所有副本（api-1、api-2……）。
不带 --session 时：唯一正在运行的 ProcDeck。NAME 是 &apos;instances&apos; 列出的套接字名
（stack、stack-2）或会话文件。
退出状态：0；条目拒绝操作时为 1；join 同无窗口模式；用法错误、未知条目、
没有（或有多个）ProcDeck、ProcDeck 已不在运行或请求被拒绝时为 2。
</translation>
    </message>
</context>
<context>
    <name>ControlConnection</name>
    <message>
        <source>request longer than %1 bytes</source>
        <translation>请求超过 %1 字节</translation>
    </message>
    <message>
        <source>no &quot;verb&quot; in the request</source>
        <translation>请求中没有 &quot;verb&quot;</translation>
    </message>
    <message>
        <source>unknown verb %1</source>
        <translation>未知动词 %1</translation>
    </message>
    <message>
        <source>%1: no entry named (give one NAME or more)</source>
        <translation>%1：未指定条目（请给出一个或多个 NAME）</translation>
    </message>
    <message>
        <source>no entry named %1</source>
        <translation>没有名为 %1 的条目</translation>
    </message>
    <message>
        <source>signal: no signal given</source>
        <translation>signal：未给出信号</translation>
    </message>
    <message>
        <source>no signal named %1</source>
        <translation>没有名为 %1 的信号</translation>
    </message>
    <message>
        <source>join: &quot;timeoutMs&quot; must be a number of milliseconds, 0 or more</source>
        <translation>join：&quot;timeoutMs&quot; 必须是毫秒数，0 或更大（等待结束）</translation>
    </message>
    <message>
        <source>an entry named %1 exists already</source>
        <translation>名为 %1 的条目已存在</translation>
    </message>
    <message>
        <source>this connection is already streaming (logs or watch): open another one</source>
        <translation>此连接已在传送（logs 或 watch）：请另开一个连接</translation>
    </message>
    <message>
        <source>%1: &quot;entry&quot; must be one entry&apos;s JSON object</source>
        <translation>%1：&quot;entry&quot; 必须是一个条目的 JSON 对象</translation>
    </message>
    <message>
        <source>input: name exactly one entry</source>
        <translation>input：请只指定一个条目</translation>
    </message>
    <message numerus="yes">
        <source>input: %1 is a group of %n entries: name one of them</source>
        <translation>
            <numerusform>input：%1 是包含 %n 个条目的组：请指定其中一个</numerusform>
        </translation>
    </message>
    <message>
        <source>input: give &quot;text&quot; (a string) or &quot;eof&quot;: true</source>
        <translation>input：请给出 &quot;text&quot;（字符串）或 &quot;eof&quot;: true</translation>
    </message>
    <message>
        <source>edit: name exactly one entry or group</source>
        <translation>edit：请只指定一个条目或组</translation>
    </message>
    <message>
        <source>scale: name exactly one group or entry</source>
        <translation>scale：请只指定一个组或条目</translation>
    </message>
    <message>
        <source>scale: &quot;count&quot; must be a whole number from 1 to %1</source>
        <translation>scale：&quot;count&quot; 必须是 1 到 %1 之间的整数</translation>
    </message>
</context>
<context>
    <name>ControlProtocol</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is not a folder: the control socket needs a folder of its own there</source>
        <translation>%1 不是文件夹：控制套接字在那里需要一个自己的文件夹</translation>
    </message>
    <message>
        <source>%1 belongs to user %2, not to you (%3): refusing to put the control socket there</source>
        <translation>%1 属于用户 %2，而不是你（%3）：拒绝在那里创建控制套接字</translation>
    </message>
    <message>
        <source>%1 has mode %2, not 0700: others could reach the control socket; refusing to use it (chmod 700 it, or remove it)</source>
        <translation>%1 的权限为 %2，而不是 0700：其他用户可能访问控制套接字；拒绝使用它（请 chmod 700 或删除它）</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>cannot tell which user is connecting (SO_PEERCRED): refused</source>
        <translation>无法判断连接的用户（SO_PEERCRED）：已拒绝</translation>
    </message>
    <message>
        <source>user %1 may not control a ProcDeck of user %2: refused</source>
        <translation>用户 %1 不能控制用户 %2 的 ProcDeck：已拒绝</translation>
    </message>
    <message>
        <source>not JSON (%1 at offset %2)</source>
        <translation>不是 JSON（%1，位于偏移 %2）</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; version key</source>
        <translation>没有 &quot;%1&quot; 版本键</translation>
    </message>
    <message>
        <source>protocol version %1 is not spoken here (this ProcDeck speaks %2)</source>
        <translation>不支持协议版本 %1（此 ProcDeck 使用 %2）</translation>
    </message>
</context>
<context>
    <name>ControlServer</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cannot make %1 private (chmod 600): %2</source>
        <translation>无法将 %1 设为私有（chmod 600）：%2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>every name from %1 to %1-%2 is taken in %3</source>
        <translation>%3 中从 %1 到 %1-%2 的名称都已被占用</translation>
    </message>
</context>
<context>
    <name>CronSchedule</name>
    <message>
        <source>%1 field: &quot;%2&quot; is not a number or a name</source>
        <translation>%1 字段：“%2”既不是数字也不是名称</translation>
    </message>
    <message>
        <source>%1 field: %2 is out of range %3–%4</source>
        <translation>%1 字段：%2 超出范围 %3–%4</translation>
    </message>
    <message>
        <source>%1 field: an empty item in the list</source>
        <translation>%1 字段：列表中有空项</translation>
    </message>
    <message>
        <source>%1 field: the step &quot;%2&quot; is not a number from 1 to %3</source>
        <translation>%1 字段：步长“%2”不是 1 到 %3 之间的数字</translation>
    </message>
    <message>
        <source>%1 field: the range %2 goes backwards</source>
        <translation>%1 字段：范围 %2 是倒序的</translation>
    </message>
    <message>
        <source>unknown shortcut %1 (known: @yearly, @monthly, @weekly, @daily, @hourly)</source>
        <translation>未知的简写 %1（可用：@yearly、@monthly、@weekly、@daily、@hourly）</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <translation>月中日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>expected five fields (minute hour day-of-month month day-of-week), found %1</source>
        <translation>应有五个字段（分钟 小时 月中日 月 星期），实际为 %1 个</translation>
    </message>
    <message>
        <source>day-of-month field: no day of %1 falls in the months of the month field</source>
        <translation>月中日字段：%1 中没有任何一天出现在月字段的月份里</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>last %1 min</source>
        <translation>最近 %1 分钟</translation>
    </message>
    <message>
        <source>last %1 s</source>
        <translation>最近 %1 秒</translation>
    </message>
    <message>
        <source>CPU, %1</source>
        <translation>CPU，%1</translation>
    </message>
    <message>
        <source>Memory, %1</source>
        <translation>内存，%1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>waiting for a sample</source>
        <translation>正在等待采样</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境变量：</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>限制：</translation>
    </message>
    <message>
        <source>PID, group:</source>
        <translation>PID，进程组：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>启动时间：</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>运行次数：</translation>
    </message>
    <message>
        <source>Last exit:</source>
        <translation>上次退出：</translation>
    </message>
    <message>
        <source>Cgroup:</source>
        <translation>Cgroup：</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>进程树</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <source>sh -c %1</source>
        <translation>sh -c %1</translation>
    </message>
    <message>
        <source>%1 (cannot start: %2)</source>
        <translation>%1（无法启动：%2）</translation>
    </message>
    <message>
        <source>inherited unchanged</source>
        <translation>继承，未更改</translation>
    </message>
    <message>
        <source>%1, group %1%2</source>
        <translation>%1，进程组 %1%2</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>启动失败：%1</translation>
    </message>
    <message>
        <source>%1 (out of memory)</source>
        <translation>%1（内存不足）</translation>
    </message>
    <message>
        <source>Memory maximum %1 MB</source>
        <translation>内存上限 %1 MB</translation>
    </message>
    <message>
        <source>CPU quota %1 %</source>
        <translation>CPU 配额 %1 %</translation>
    </message>
    <message>
        <source>restart above %1 MB</source>
        <translation>内存超过 %1 MB 时重启</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>待生效：</translation>
    </message>
    <message>
        <source>Edited: the new settings apply at the next start (Restart, Ctrl+R)</source>
        <translation>已编辑：新设置在下次启动时生效（重启，Ctrl+R）</translation>
    </message>
    <message>
        <source>Next run:</source>
        <translation>下次运行：</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>依赖于：</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>未启动：%1</translation>
    </message>
    <message>
        <source>%1, run %2</source>
        <translation>%1，第 %2 次运行</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>启动失败</translation>
    </message>
</context>
<context>
    <name>DialogFields</name>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>the ProcDeck ended</source>
        <translation>ProcDeck 已结束</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 关闭了连接</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 崩溃了</translation>
    </message>
    <message>
        <source>the connection to %1 ended (exit code %2)</source>
        <translation>与 %1 的连接已结束（退出码 %2）</translation>
    </message>
    <message>
        <source>%1 ended with exit code %2 before ProcDeck answered</source>
        <translation>%1 在 ProcDeck 回答之前以退出码 %2 结束</translation>
    </message>
    <message>
        <source>a malformed message: a line longer than %1 bytes</source>
        <translation>格式错误的消息：一行超过 %1 字节</translation>
    </message>
    <message>
        <source>a malformed message: %1</source>
        <translation>格式错误的消息：%1</translation>
    </message>
    <message>
        <source>the other side is not a ProcDeck (it did not say hello)</source>
        <translation>对方不是 ProcDeck（没有发送 hello）</translation>
    </message>
</context>
<context>
    <name>FileWatcher</name>
    <message>
        <source>cannot watch files: too many inotify instances are open (fs.inotify.max_user_instances)</source>
        <translation>无法监视文件：打开的 inotify 实例过多（fs.inotify.max_user_instances）</translation>
    </message>
    <message>
        <source>cannot watch files: %1</source>
        <translation>无法监视文件：%1</translation>
    </message>
    <message>
        <source>cannot watch some folders: %1</source>
        <translation>无法监视部分文件夹：%1</translation>
    </message>
    <message numerus="yes">
        <source>cannot watch %Ln folder(s): the system allows %1 inotify watches (fs.inotify.max_user_watches) for all of the user&apos;s programs; %2 are watched and changes in the others do not restart the entry. Raise the limit (sudo sysctl fs.inotify.max_user_watches=%3) or ignore more folders</source>
        <translation>
            <numerusform>无法监视 %Ln 个文件夹：系统只允许 %1 个 inotify 监视（fs.inotify.max_user_watches），由该用户的所有程序共用；已监视 %2 个，其余文件夹中的更改不会重启该条目。请提高上限（sudo sysctl fs.inotify.max_user_watches=%3）或忽略更多文件夹</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <source>timeout after %1 s: terminating every entry</source>
        <translation>%1 秒后超时：正在终止每个条目</translation>
    </message>
    <message>
        <source>%1: terminating every entry (again to kill them at once)</source>
        <translation>%1：正在终止每个条目（再按一次立即杀死）</translation>
    </message>
    <message>
        <source>%1 again: killing every entry</source>
        <translation>再次收到 %1：正在杀死每个条目</translation>
    </message>
    <message numerus="yes">
        <source>killed %n process(es) that the entries left behind</source>
        <translation>
            <numerusform>已杀死条目遗留的 %n 个进程</numerusform>
        </translation>
    </message>
    <message>
        <source>control socket: %1</source>
        <translation>控制套接字：%1</translation>
    </message>
    <message>
        <source>SIGHUP ignored: serving until &apos;procdeck ctl quit&apos;, SIGINT or SIGTERM</source>
        <translation>已忽略 SIGHUP：继续服务，直到 &apos;procdeck ctl quit&apos;、SIGINT 或 SIGTERM</translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>waiting for a line matching %1</source>
        <translation>等待匹配 %1 的行</translation>
    </message>
    <message>
        <source>no line matching %1 within %2 ms</source>
        <translation>%2 毫秒内没有匹配 %1 的行</translation>
    </message>
    <message>
        <source>no line matching %1 for %2 ms</source>
        <translation>已有 %2 毫秒没有匹配 %1 的行</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); restarting</source>
        <translation>
            <numerusform>存活检查失败 %n 次（%1）；正在重启</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>liveness check failed %n time(s) (%1); stopping (restart policy never)</source>
        <translation>
            <numerusform>存活检查失败 %n 次（%1）；停止（重启策略 never）</numerusform>
        </translation>
    </message>
    <message>
        <source>line matched: %1</source>
        <translation>匹配的行：%1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>failures in a row of the threshold</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a failed attempt and the failures in a row</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join</source>
        <translation>等待结束</translation>
    </message>
    <message>
        <source>&amp;Timeout (seconds):</source>
        <translation>超时（秒）(&amp;T)：</translation>
    </message>
    <message>
        <source>Timeout in seconds</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source>empty: wait until they exit</source>
        <translation>留空：一直等到它们退出</translation>
    </message>
    <message>
        <source>Enter the timeout as a number of seconds, such as 0.5 or 10, or leave it empty to wait until they exit.</source>
        <translation>请输入以秒为单位的超时，例如 0.5 或 10；或者留空，一直等到它们退出。</translation>
    </message>
    <message numerus="yes">
        <source>Wait for the %n selected entries to end, at most for the timeout. The window stays usable while it waits.</source>
        <translation>
            <numerusform>等待选中的 %n 个条目结束，至多等到超时。等待期间窗口仍可使用。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinOperation</name>
    <message>
        <source>exited with %1 after %2 s</source>
        <translation>以 %1 退出，用时 %2 秒</translation>
    </message>
    <message>
        <source>still alive after %1 s</source>
        <translation>%1 秒后仍存活</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>entry name: outcome</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>LaunchPlan</name>
    <message>
        <source>no such file or directory</source>
        <translation>没有那个文件或目录</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不够</translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation>不是目录</translation>
    </message>
    <message>
        <source>is a directory: %1</source>
        <translation>是一个目录：%1</translation>
    </message>
    <message>
        <source>working directory does not exist: %1</source>
        <translation>工作目录不存在：%1</translation>
    </message>
    <message>
        <source>working directory is not a directory: %1</source>
        <translation>工作目录不是目录：%1</translation>
    </message>
    <message>
        <source>no such file or directory: %1 (not found in PATH)</source>
        <translation>没有那个文件或目录：%1（在 PATH 中未找到）</translation>
    </message>
    <message>
        <source>too many open files (the descriptor limit is reached; Start again once other entries have ended)</source>
        <translation>打开的文件过多（已达到描述符上限；请在其他条目结束后再次启动）</translation>
    </message>
    <message>
        <source>too many processes (the process limit is reached; Start again once other entries have ended)</source>
        <translation>进程过多（已达到进程数上限；请在其他条目结束后再次启动）</translation>
    </message>
    <message>
        <source>no program given</source>
        <translation>未指定程序</translation>
    </message>
</context>
<context>
    <name>LogFileFields</name>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>none; such as logs/api.log</source>
        <translation>无；例如 logs/api.log</translation>
    </message>
    <message>
        <source>The entry&apos;s output is also written to this file, each line with its time, so that it outlives the window. Relative to the session file&apos;s folder; a missing folder is created; a copy of a replicated entry writes NAME-2.log.</source>
        <translation>条目的输出同时写入此文件，每行带时间，窗口关闭后仍在。相对于会话文件所在的文件夹；缺少的文件夹会被创建；多副本条目的副本写入 NAME-2.log。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the log file</source>
        <translation>选择日志文件</translation>
    </message>
    <message>
        <source>Rotate at</source>
        <translation>轮转大小</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>At this size the file is renamed to FILE.1 (older ones move up one) and a new one begun, between two lines</source>
        <translation>达到此大小时，在两行之间把文件改名为 FILE.1（更早的依次后移），并开始一个新文件</translation>
    </message>
    <message>
        <source>Rotated files kept</source>
        <translation>保留的轮转文件数</translation>
    </message>
    <message>
        <source>How many rotated files (FILE.1 … FILE.N) are kept; the oldest is deleted</source>
        <translation>保留多少个轮转文件（FILE.1 … FILE.N）；最旧的会被删除</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Rotate &amp;at:</source>
        <translation>轮转大小(&amp;A)：</translation>
    </message>
    <message>
        <source>Files &amp;kept:</source>
        <translation>保留文件数(&amp;K)：</translation>
    </message>
    <message>
        <source>Choose Log File</source>
        <translation>选择日志文件</translation>
    </message>
    <message>
        <source>Log file path: %1</source>
        <translation>日志文件路径：%1</translation>
    </message>
</context>
<context>
    <name>LogFileWriter</name>
    <message numerus="yes">
        <source>%n line(s) dropped by the output&apos;s bounds before they were written here</source>
        <translation>
            <numerusform>%n 行输出在写入此处之前已被输出上限丢弃</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>无法创建其所在文件夹</translation>
    </message>
    <message>
        <source>cannot open it</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>cannot write to it</source>
        <translation>无法写入</translation>
    </message>
    <message>
        <source>cannot rotate it</source>
        <translation>无法轮转</translation>
    </message>
    <message>
        <source>log file %1: %2 (%3); this run&apos;s output is not written to it</source>
        <translation>日志文件 %1：%2（%3）；本次运行的输出不会写入该文件</translation>
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
        <translation>过滤条目</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation>进程(&amp;P)</translation>
    </message>
    <message>
        <source>Send &amp;Signal</source>
        <translation>发送信号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;New Session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <source>Close this session and start an empty one</source>
        <translation>关闭此会话并开始一个空会话</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a session file or a Procfile</source>
        <translation>打开会话文件或 Procfile</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation>将会话保存到新文件</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit ProcDeck, stopping the processes it runs</source>
        <translation>退出 ProcDeck，并停止它运行的进程</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected entry</source>
        <translation>编辑选中的条目</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制条目(&amp;D)</translation>
    </message>
    <message>
        <source>Add copies of the selected entries</source>
        <translation>为选中的条目添加副本</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation>移除选中的条目</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start the selected entries: start()</source>
        <translation>启动选中的条目：start()</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Join…</source>
        <translation>等待结束(&amp;J)…</translation>
    </message>
    <message>
        <source>Wait for the selected entries to exit, with a timeout: join(timeout)</source>
        <translation>等待选中的条目退出，可设超时：join(timeout)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation>终止(&amp;T)</translation>
    </message>
    <message>
        <source>Send the stop signal to each selected entry&apos;s process tree (the program and every process it started, daemons included), then SIGKILL after the grace period: terminate()</source>
        <translation>向每个选中条目的进程树（程序及其启动的每个进程，包括守护进程）发送停止信号，宽限期结束后发送 SIGKILL：terminate()</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>杀死(&amp;K)</translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process tree (the program and every process it started) now: kill()</source>
        <translation>立即向每个选中条目的进程树（程序及其启动的每个进程）发送 SIGKILL：kill()</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>Stop the selected entries if they run, then start them again</source>
        <translation>若选中的条目正在运行则先停止，然后再次启动</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every entry</source>
        <translation>选中所有条目</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Ctrl+A</translation>
    </message>
    <message>
        <source>&amp;About ProcDeck</source>
        <translation>关于 ProcDeck(&amp;A)</translation>
    </message>
    <message>
        <source>Show the version and licence</source>
        <translation>显示版本和许可证</translation>
    </message>
    <message>
        <source>&amp;Import Procfile…</source>
        <translation>导入 Procfile(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the entries of a Procfile (and the .env beside it) to this session</source>
        <translation>将 Procfile（及其旁边的 .env）中的条目添加到此会话</translation>
    </message>
    <message>
        <source>E&amp;xport Procfile…</source>
        <translation>导出 Procfile(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the entries as a Procfile for honcho, foreman or overmind</source>
        <translation>将条目写成供 honcho、foreman 或 overmind 使用的 Procfile</translation>
    </message>
    <message>
        <source>&amp;Filter Entries</source>
        <translation>过滤条目(&amp;F)</translation>
    </message>
    <message>
        <source>Show only the entries whose name, command or state matches</source>
        <translation>只显示名称、命令或状态匹配的条目</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>SIGINT (&amp;Interrupt)</source>
        <translation>SIGINT（中断）(&amp;I)</translation>
    </message>
    <message>
        <source>Send SIGINT, the signal of Ctrl+C in a terminal, to each selected entry&apos;s process tree</source>
        <translation>向每个选中条目的进程树发送 SIGINT，即终端中 Ctrl+C 所发送的信号</translation>
    </message>
    <message>
        <source>SIGHUP (&amp;Hang up)</source>
        <translation>SIGHUP（挂断）(&amp;H)</translation>
    </message>
    <message>
        <source>Send SIGHUP to each selected entry&apos;s process tree; many servers reload their configuration</source>
        <translation>向每个选中条目的进程树发送 SIGHUP；许多服务器会因此重新加载配置</translation>
    </message>
    <message>
        <source>SIGUSR&amp;1</source>
        <translation>SIGUSR&amp;1</translation>
    </message>
    <message>
        <source>Send SIGUSR1 to each selected entry&apos;s process tree</source>
        <translation>向每个选中条目的进程树发送 SIGUSR1</translation>
    </message>
    <message>
        <source>SIGUSR&amp;2</source>
        <translation>SIGUSR&amp;2</translation>
    </message>
    <message>
        <source>Send SIGUSR2 to each selected entry&apos;s process tree</source>
        <translation>向每个选中条目的进程树发送 SIGUSR2</translation>
    </message>
    <message>
        <source>SIG&amp;TERM</source>
        <translation>SIG&amp;TERM</translation>
    </message>
    <message>
        <source>Send SIGTERM to each selected entry&apos;s process tree, without a grace period</source>
        <translation>向每个选中条目的进程树发送 SIGTERM，不留宽限期</translation>
    </message>
    <message>
        <source>SIG&amp;KILL</source>
        <translation>SIG&amp;KILL</translation>
    </message>
    <message>
        <source>Send SIGKILL to each selected entry&apos;s process tree</source>
        <translation>向每个选中条目的进程树发送 SIGKILL</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Stop each selected entry&apos;s process tree with SIGSTOP</source>
        <translation>用 SIGSTOP 暂停每个选中条目的进程树</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>Continue each selected paused entry&apos;s process tree with SIGCONT</source>
        <translation>用 SIGCONT 让每个选中的已暂停条目的进程树继续运行</translation>
    </message>
    <message>
        <source>&amp;Notify When Entries Fail</source>
        <translation>条目失败时通知(&amp;N)</translation>
    </message>
    <message>
        <source>A desktop notification when an entry exits with an error or is killed by a signal ProcDeck did not send</source>
        <translation>当条目以错误退出，或被非 ProcDeck 发送的信号杀死时，显示桌面通知</translation>
    </message>
    <message>
        <source>Limits need a cgroup, which this system does not offer</source>
        <translation>限制需要 cgroup，而此系统不提供</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Show the selected entry&apos;s command, times and process tree</source>
        <translation>显示选中条目的命令、时间和进程树</translation>
    </message>
    <message>
        <source>Cancel Join</source>
        <translation>取消等待</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message numerus="yes">
        <source>%n entries in this session</source>
        <translation>
            <numerusform>此会话共 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Remove Running Entries</source>
        <translation>移除正在运行的条目</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected entries are still running.</source>
        <translation>
            <numerusform>选中的条目中有 %n 个仍在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>已向 %2 发送 %1</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>启动失败：%1</translation>
    </message>
    <message>
        <source>exited with %1</source>
        <translation>以 %1 退出</translation>
    </message>
    <message numerus="yes">
        <source>Restarting in %n s.</source>
        <translation>
            <numerusform>%n 秒后重启。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ended unexpectedly</source>
        <translation>%1 意外结束</translation>
    </message>
    <message>
        <source>join: %1</source>
        <translation>等待结束：%1</translation>
    </message>
    <message>
        <source>Quit ProcDeck</source>
        <translation>退出 ProcDeck</translation>
    </message>
    <message>
        <source>Filter by name, command or state (Ctrl+L; Down enters the table)</source>
        <translation>按名称、命令或状态过滤（Ctrl+L；按向下键进入表格）</translation>
    </message>
    <message>
        <source>Add an entry: a command to run</source>
        <translation>添加条目：一个要运行的命令</translation>
    </message>
    <message>
        <source>Start &amp;All</source>
        <translation>全部启动(&amp;A)</translation>
    </message>
    <message>
        <source>Start every entry that is not running</source>
        <translation>启动每个未在运行的条目</translation>
    </message>
    <message>
        <source>Ctrl+F5</source>
        <translation>Ctrl+F5</translation>
    </message>
    <message>
        <source>St&amp;op All</source>
        <translation>全部停止(&amp;O)</translation>
    </message>
    <message>
        <source>Terminate every running entry (its stop signal, then SIGKILL after its grace period)</source>
        <translation>终止每个正在运行的条目（先发送其停止信号，宽限期结束后发送 SIGKILL）</translation>
    </message>
    <message>
        <source>Ctrl+F6</source>
        <translation>Ctrl+F6</translation>
    </message>
    <message>
        <source>&amp;Clear Finished</source>
        <translation>清除已结束的条目(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every entry that has ended and is not restarting</source>
        <translation>移除每个已结束且不会重启的条目</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip (shortcut)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Kill Now</source>
        <translation>立即杀死</translation>
    </message>
    <message>
        <source>Stop waiting for the grace periods: SIGKILL to every entry that is still running, then quit</source>
        <translation>不再等待宽限期：向每个仍在运行的条目发送 SIGKILL，然后退出</translation>
    </message>
    <message>
        <source>%1 running · %2 paused · %3 ended · %4 failed</source>
        <translation>运行中 %1 · 已暂停 %2 · 已结束 %3 · 失败 %4</translation>
    </message>
    <message>
        <source>Failed: the rows whose State says so (a start that failed, a non-zero exit, a signal ProcDeck did not send, out of memory)</source>
        <translation>失败：“状态”列显示为失败的行（启动失败、非零退出、非 ProcDeck 发送的信号、内存不足）</translation>
    </message>
    <message>
        <source>No commands yet — Add… (Ctrl+N) or Open… (Ctrl+O)</source>
        <translation>尚无命令——添加…（Ctrl+N）或打开…（Ctrl+O）</translation>
    </message>
    <message>
        <source>No entry matches “%1”</source>
        <translation>没有与“%1”匹配的条目</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n 个条目仍在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate them (each one&apos;s stop signal, then SIGKILL after its grace period) and quit when they have ended, or kill them now and quit?</source>
        <translation>是终止它们（先发送各自的停止信号，宽限期结束后发送 SIGKILL）并在它们结束后退出，还是立即杀死它们并退出？</translation>
    </message>
    <message>
        <source>Terminate and Quit</source>
        <translation>终止并退出</translation>
    </message>
    <message>
        <source>Kill Now and Quit</source>
        <translation>立即杀死并退出</translation>
    </message>
    <message numerus="yes">
        <source>Killing %n entries before quitting…</source>
        <translation>
            <numerusform>退出前正在杀死 %n 个条目…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries before quitting… (Quit again or Kill Now to kill them)</source>
        <translation>
            <numerusform>退出前正在停止 %n 个条目…（再次退出或点击“立即杀死”可杀死它们）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Entry</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Edit %1 — running: changes apply at its next start</source>
        <translation>编辑 %1——正在运行：更改在下次启动时生效</translation>
    </message>
    <message>
        <source>%1 changed: the changes apply at its next start (Restart, Ctrl+R); the details show what runs until then</source>
        <translation>%1 已更改：更改在下次启动时生效（重启，Ctrl+R）；在此之前，详细信息显示的是正在运行的设置</translation>
    </message>
    <message>
        <source>They are terminated first (each one&apos;s stop signal, then SIGKILL after its grace period) and removed when they have ended.</source>
        <translation>它们会先被终止（先发送各自的停止信号，宽限期结束后发送 SIGKILL），结束后再被移除。</translation>
    </message>
    <message>
        <source>Terminate and Remove</source>
        <translation>终止并移除</translation>
    </message>
    <message>
        <source>%1 is already running (PID %2): an entry&apos;s process is started once</source>
        <translation>%1 已在运行（PID %2）：一个条目的进程只启动一次</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>正在启动 %1</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n entries</source>
        <translation>
            <numerusform>正在启动 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Terminating %n entries</source>
        <translation>
            <numerusform>正在终止 %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished entries</source>
        <translation>
            <numerusform>已移除 %n 个已结束的条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries…</source>
        <translation>
            <numerusform>正在等待 %n 个条目结束…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n entries, at most %1 s…</source>
        <translation>
            <numerusform>正在等待 %n 个条目结束，最多 %1 秒…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>The grace period of new entries, the sampling interval, the output&apos;s bounds, timestamps and font, notifications</source>
        <translation>新条目的宽限期、采样间隔、输出的上限、时间戳和字体、通知</translation>
    </message>
    <message>
        <source>S&amp;cale…</source>
        <translation>缩放(&amp;C)…</translation>
    </message>
    <message>
        <source>Change how many copies of the selected replicated entry run</source>
        <translation>更改所选多副本条目运行的副本数</translation>
    </message>
    <message>
        <source>Not scaled: %1</source>
        <translation>未缩放：%1</translation>
    </message>
    <message>
        <source>Scale %1</source>
        <translation>缩放 %1</translation>
    </message>
    <message>
        <source>Copies of %1 to run (%1-1 … %1-N); new copies start at once when the others are running, removed ones are stopped first:</source>
        <translation>%1 要运行的副本数（%1-1 … %1-N）；其他副本正在运行时新副本立即启动，移除的副本先停止：</translation>
    </message>
    <message numerus="yes">
        <source>%1 scaled to %n copies</source>
        <translation>
            <numerusform>%1 已缩放为 %n 个副本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No control socket for procdeck ctl: %1</source>
        <translation>没有供 procdeck ctl 使用的控制套接字：%1</translation>
    </message>
    <message>
        <source>↓ from what is waited for to what waits</source>
        <translation>↓ 从被等待的条目指向等待的条目</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0); Ctrl+wheel zooms</source>
        <translation>显示整个依赖图（Ctrl+0）；Ctrl+滚轮缩放</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>依赖图</translation>
    </message>
    <message>
        <source>Show the entries as a graph: what each one waits for, coloured by state</source>
        <translation>以依赖图显示条目：每个条目等待什么，按状态着色</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>附加(&amp;T)…</translation>
    </message>
    <message>
        <source>Show a ProcDeck that runs elsewhere (headless, another window, another machine) in this window</source>
        <translation>在此窗口中显示在别处运行的 ProcDeck（无窗口、另一个窗口、另一台机器）</translation>
    </message>
    <message>
        <source>Show a ProcDeck that runs elsewhere in this window</source>
        <translation>在此窗口中显示在别处运行的 ProcDeck</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>分离(&amp;D)</translation>
    </message>
    <message>
        <source>Stop showing the attached ProcDeck; its entries keep running</source>
        <translation>不再显示已附加的 ProcDeck；其条目继续运行</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>%1 — attached — %2</source>
        <translation>%1 — 已附加 — %2</translation>
    </message>
    <message>
        <source>%1 has no entries — Add… (Ctrl+N) adds one there</source>
        <translation>%1 没有条目 — 添加…（Ctrl+N）会在那里添加一个</translation>
    </message>
    <message>
        <source>Attaching to %1…</source>
        <translation>正在附加到 %1…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>Terminate and Attach</source>
        <translation>终止并附加</translation>
    </message>
    <message>
        <source>Attached to %1: closing the window leaves its entries running</source>
        <translation>已附加到 %1：关闭窗口不会停止其条目</translation>
    </message>
    <message>
        <source>Not while attached: the session and its file belong to the ProcDeck attached to</source>
        <translation>附加时不可用：会话及其文件属于所附加的 ProcDeck</translation>
    </message>
    <message>
        <source>Detached from %1: its entries keep running there</source>
        <translation>已从 %1 分离：其条目在那里继续运行</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>与 %1 的连接已断开：%2</translation>
    </message>
    <message>
        <source>Attached to %1 (%2, PID %3)</source>
        <translation>已附加到 %1（%2，PID %3）</translation>
    </message>
    <message>
        <source>headless</source>
        <translation>无窗口</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>This window shows a session run by another ProcDeck (%1). Closing the window or File › Detach leaves its entries running.</source>
        <translation>此窗口显示由另一个 ProcDeck 运行的会话（%1）。关闭窗口或“文件 › 分离”不会停止其条目。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>attached session on a host</comment>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Stop the entries of %1 too?</source>
        <translation>也停止 %1 的条目吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are running in %1, another ProcDeck. Left running, they go on without this window (attach again to see them); stopped, each gets its stop signal, then SIGKILL after its grace period, and ProcDeck quits when they have ended.</source>
        <translation>
            <numerusform>%n 个条目正在另一个 ProcDeck（%1）中运行。若让它们继续运行，它们会在没有此窗口的情况下继续（再次附加即可看到）；若停止，每个条目先收到其停止信号，宽限期过后收到 SIGKILL，全部结束后 ProcDeck 退出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop Them and Quit</source>
        <translation>停止它们并退出</translation>
    </message>
    <message>
        <source>Leave Them Running</source>
        <translation>让它们继续运行</translation>
    </message>
    <message>
        <source>Adding %1 there…</source>
        <translation>正在那里添加 %1…</translation>
    </message>
</context>
<context>
    <name>ManagedProcess</name>
    <message>
        <source>still running after the grace period of %1 ms: SIGKILL to the process tree</source>
        <translation>宽限期 %1 毫秒结束后仍在运行：向进程树发送 SIGKILL</translation>
    </message>
    <message>
        <source>%1 is already running (PID %2)</source>
        <translation>%1 已在运行（PID %2）</translation>
    </message>
    <message>
        <source>terminate: %1 to the process tree of PID %2</source>
        <translation>终止：向 PID %2 的进程树发送 %1</translation>
    </message>
    <message>
        <source>%1 could not be signalled</source>
        <translation>无法向 %1 发送信号</translation>
    </message>
    <message>
        <source>kill: SIGKILL to the process tree of PID %1</source>
        <translation>杀死：向 PID %1 的进程树发送 SIGKILL</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 未在运行</translation>
    </message>
    <message>
        <source>%1 to the process tree of PID %2</source>
        <translation>向 PID %2 的进程树发送 %1</translation>
    </message>
    <message>
        <source>restart: starts again when this run ends</source>
        <translation>重启：本次运行结束后再次启动</translation>
    </message>
    <message>
        <source>input: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>%1 is not running in a terminal</source>
        <translation>%1 未在终端中运行</translation>
    </message>
    <message>
        <source>%1 has not started yet</source>
        <translation>%1 尚未启动</translation>
    </message>
    <message>
        <source>started, PID %1</source>
        <translation>已启动，PID %1</translation>
    </message>
    <message>
        <source>failed to start: %1</source>
        <translation>启动失败：%1</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>以退出码 %1 退出</translation>
    </message>
    <message>
        <source>terminated by %1, exit %2</source>
        <translation>被 %1 终止，退出码 %2</translation>
    </message>
    <message>
        <source>gave up after %1 restarts in a row (each run ended within %2 s)</source>
        <translation>连续重启 %1 次后放弃（每次运行都在 %2 秒内结束）</translation>
    </message>
    <message>
        <source>restart policy %1: next start in %2 s</source>
        <translation>重启策略 %1：%2 秒后再次启动</translation>
    </message>
    <message>
        <source>pending restart cancelled</source>
        <translation>已取消待定的重启</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>readiness check failed</source>
        <translation>就绪检查失败</translation>
    </message>
    <message>
        <source>readiness check failed: %1</source>
        <translation>就绪检查失败：%1</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation>未启动：%1</translation>
    </message>
    <message>
        <source>wait for %1 cancelled</source>
        <translation>已取消等待 %1</translation>
    </message>
    <message>
        <source>%1 is an entry of another ProcDeck</source>
        <translation>%1 是另一个 ProcDeck 的条目</translation>
    </message>
</context>
<context>
    <name>OutputPane</name>
    <message>
        <source>Selected</source>
        <comment>output view</comment>
        <translation>选中</translation>
    </message>
    <message>
        <source>All</source>
        <comment>output view</comment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Show the arrival time of each line</source>
        <translation>显示每行的到达时间</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>自动换行显示长行</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Find text in the output</source>
        <translation>在输出中查找文本</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Go to the next match</source>
        <translation>转到下一个匹配项</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>Go to the previous match</source>
        <translation>转到上一个匹配项</translation>
    </message>
    <message>
        <source>Aa</source>
        <comment>match case</comment>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>.*</source>
        <comment>regular expression</comment>
        <translation>.*</translation>
    </message>
    <message>
        <source>Use a regular expression</source>
        <translation>使用正则表达式</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>过滤</translation>
    </message>
    <message>
        <source>Show only the lines that match</source>
        <translation>只显示匹配的行</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Save Output…</source>
        <translation>保存输出…</translation>
    </message>
    <message>
        <source>Save the output shown to a text file</source>
        <translation>将显示的输出保存为文本文件</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Close stdin</source>
        <translation>关闭 stdin</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>在输出中查找</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Standard input</source>
        <translation>标准输入</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier line(s) dropped</source>
        <translation>
            <numerusform>已丢弃之前的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest %1 lines (%2) were dropped to keep the memory used bounded.</source>
        <translation>为限制内存占用，已丢弃最早的 %1 行（%2）。</translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation>无效的表达式</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>Text file (*.txt *.log)</source>
        <translation>文本文件 (*.txt *.log)</translation>
    </message>
    <message>
        <source>Text file with timestamps (*.txt *.log)</source>
        <translation>带时间戳的文本文件 (*.txt *.log)</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>output.txt</source>
        <translation>output.txt</translation>
    </message>
    <message>
        <source>Saved the output to %1.</source>
        <translation>已将输出保存到 %1。</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Input not sent to %1: %2</source>
        <translation>输入未发送到 %1：%2</translation>
    </message>
    <message>
        <source>Input not sent: %1 is not running.</source>
        <translation>输入未发送：%1 未在运行。</translation>
    </message>
    <message>
        <source>Input not sent: %1 are not running.</source>
        <translation>输入未发送：%1 未在运行。</translation>
    </message>
    <message>
        <source>Could not close the input of %1: %2</source>
        <translation>无法关闭 %1 的输入：%2</translation>
    </message>
    <message>
        <source>Closed the standard input of %1.</source>
        <translation>已关闭 %1 的标准输入。</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 未在运行。</translation>
    </message>
    <message>
        <source>%1 are not running.</source>
        <translation>%1 未在运行。</translation>
    </message>
    <message>
        <source>Could not interrupt %1: %2</source>
        <translation>无法中断 %1：%2</translation>
    </message>
    <message>
        <source>Interrupted %1.</source>
        <translation>已中断 %1。</translation>
    </message>
    <message>
        <source>Show the output of the entries selected in the table</source>
        <translation>显示表格中选中条目的输出</translation>
    </message>
    <message>
        <source>Show the output of every entry, interleaved in arrival order</source>
        <translation>显示每个条目的输出，按到达顺序交错排列</translation>
    </message>
    <message>
        <source>Clear the output of the selected entries</source>
        <translation>清空选中条目的输出</translation>
    </message>
    <message>
        <source>Send the line to the selected entry&apos;s standard input</source>
        <translation>将这一行发送到选中条目的标准输入</translation>
    </message>
    <message>
        <source>Close the selected entry&apos;s standard input (end of file)</source>
        <translation>关闭选中条目的标准输入（文件结束）</translation>
    </message>
    <message>
        <source>Send the interrupt character (Ctrl+C) to the selected entry&apos;s terminal</source>
        <translation>向选中条目的终端发送中断字符（Ctrl+C）</translation>
    </message>
    <message>
        <source>Input for the selected entry (Enter sends a line, Ctrl+D closes stdin)</source>
        <translation>选中条目的输入（Enter 发送一行，Ctrl+D 关闭 stdin）</translation>
    </message>
    <message>
        <source>No entries yet: the output of each entry shows here once it runs.</source>
        <translation>尚无条目：每个条目运行后，其输出会显示在这里。</translation>
    </message>
    <message>
        <source>Select an entry in the table to see its output, or All (Ctrl+Shift+A) for every entry&apos;s.</source>
        <translation>在表格中选中一个条目以查看其输出，或选择“全部”（Ctrl+Shift+A）查看每个条目的输出。</translation>
    </message>
    <message>
        <source>Select a running entry to send input to it.</source>
        <translation>选中一个正在运行的条目，以向其发送输入。</translation>
    </message>
    <message>
        <source>Select a running entry to close its input.</source>
        <translation>选中一个正在运行的条目，以关闭其输入。</translation>
    </message>
    <message>
        <source>Select an entry that runs in a terminal to interrupt it.</source>
        <translation>选中一个在终端中运行的条目，以中断它。</translation>
    </message>
    <message>
        <source>This Run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <source>Show only the lines of each entry&apos;s current run, not its earlier runs</source>
        <translation>只显示每个条目本次运行的输出行，不显示之前各次运行的</translation>
    </message>
</context>
<context>
    <name>OutputPrinter</name>
    <message numerus="yes">
        <source>… %n line(s) skipped</source>
        <translation>
            <numerusform>… 跳过了 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Output of the processes: standard output, standard error and ProcDeck&apos;s messages</source>
        <translation>进程的输出：标准输出、标准错误和 ProcDeck 的消息</translation>
    </message>
    <message>
        <source>Jump to end</source>
        <translation>跳到末尾</translation>
    </message>
    <message>
        <source>Scroll to the newest output and keep following it (Ctrl+End)</source>
        <translation>滚动到最新的输出并持续跟随（Ctrl+End）</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>没有与过滤条件匹配的行。</translation>
    </message>
    <message>
        <source>No output yet.</source>
        <translation>还没有输出。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long Terminate waits after the stop signal before it sends SIGKILL. For entries added from now on; an existing entry keeps its own (Edit it to change that).</source>
        <translation>终止在发送停止信号后等待多久才发送 SIGKILL。仅用于此后添加的条目；已有条目保留自己的宽限期（编辑该条目可更改）。</translation>
    </message>
    <message>
        <source>Default &amp;grace period:</source>
        <translation>默认宽限期(&amp;G)：</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds</comment>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>How often the CPU, memory and process columns are measured</source>
        <translation>CPU、内存和进程数列多久测量一次</translation>
    </message>
    <message>
        <source>&amp;Sampling interval:</source>
        <translation>采样间隔(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Notify when entries fail</source>
        <translation>条目失败时通知(&amp;N)</translation>
    </message>
    <message>
        <source>A desktop notification when an entry exits with an error or is killed by a signal ProcDeck did not send</source>
        <translation>当条目以错误退出，或被非 ProcDeck 发送的信号杀死时，显示桌面通知</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> 行</translation>
    </message>
    <message>
        <source>Each entry keeps at most this many of its newest lines</source>
        <translation>每个条目最多保留这么多最新的输出行</translation>
    </message>
    <message>
        <source>&amp;Lines per entry:</source>
        <translation>每个条目的行数(&amp;L)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <comment>mebibytes</comment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Each entry keeps at most this much memory of output</source>
        <translation>每个条目的输出最多占用这么多内存</translation>
    </message>
    <message>
        <source>&amp;Memory per entry:</source>
        <translation>每个条目的内存(&amp;M)：</translation>
    </message>
    <message>
        <source>Every entry&apos;s output together: over this, an entry that prints drops its oldest lines</source>
        <translation>所有条目的输出合计：超过此值时，正在输出的条目会丢弃自己最旧的行</translation>
    </message>
    <message>
        <source>Memory for &amp;all entries:</source>
        <translation>所有条目的内存(&amp;A)：</translation>
    </message>
    <message>
        <source>Show &amp;timestamps</source>
        <translation>显示时间戳(&amp;T)</translation>
    </message>
    <message>
        <source>The font of the output pane</source>
        <translation>输出窗格的字体</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <source>%1, %2 pt</source>
        <comment>font family, size</comment>
        <translation>%1，%2 磅</translation>
    </message>
    <message>
        <source>Output Font</source>
        <translation>输出字体</translation>
    </message>
</context>
<context>
    <name>ProbeAttempt</name>
    <message>
        <source>not a check that connects or runs</source>
        <translation>不是建立连接或运行命令的检查</translation>
    </message>
    <message>
        <source>not a host:port: %1</source>
        <translation>不是 host:port：%1</translation>
    </message>
    <message>
        <source>%1 accepts connections</source>
        <translation>%1 接受连接</translation>
    </message>
    <message>
        <source>not an http or https URL: %1</source>
        <translation>不是 http 或 https URL：%1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>ended by a signal</source>
        <translation>被信号结束</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>no connection within %1 ms</source>
        <translation>%1 毫秒内未能建立连接</translation>
    </message>
    <message>
        <source>still running after %1 ms: killed</source>
        <translation>%1 毫秒后仍在运行：已杀死</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>%1 毫秒内没有应答</translation>
    </message>
</context>
<context>
    <name>ProbeFields</name>
    <message>
        <source>Readiness check</source>
        <translation>就绪检查</translation>
    </message>
    <message>
        <source>Liveness check</source>
        <translation>存活检查</translation>
    </message>
    <message>
        <source>None: ready once started</source>
        <translation>无：启动即就绪</translation>
    </message>
    <message>
        <source>None</source>
        <comment>liveness check</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>Output line matches</source>
        <translation>输出行匹配</translation>
    </message>
    <message>
        <source>TCP port accepts connections</source>
        <translation>TCP 端口接受连接</translation>
    </message>
    <message>
        <source>HTTP URL answers 2xx</source>
        <translation>HTTP URL 返回 2xx</translation>
    </message>
    <message>
        <source>Command exits 0</source>
        <translation>命令以 0 退出</translation>
    </message>
    <message>
        <source>When the entry counts as ready: the entries that depend on it being ready wait for this check to pass</source>
        <translation>条目何时算作就绪：依赖它就绪的条目会等待此检查通过</translation>
    </message>
    <message>
        <source>Whether the entry still works: when this check fails as often in a row as set below, the run ends as failed and the restart policy decides what follows</source>
        <translation>条目是否仍在工作：此检查连续失败达到下面设置的次数时，本次运行以失败结束，之后由重启策略决定</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>A regular expression matched against each output line, host:port, an http:// URL or a shell command, by the kind of check</source>
        <translation>按检查类型：与每行输出匹配的正则表达式、host:port、http:// URL 或 shell 命令</translation>
    </message>
    <message>
        <source>Initial delay</source>
        <translation>初始延迟</translation>
    </message>
    <message>
        <source>How long after the run starts the first check is made</source>
        <translation>运行开始后多久进行第一次检查</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>The time between two checks</source>
        <translation>两次检查之间的时间</translation>
    </message>
    <message>
        <source>The time between two checks; an output line check wants a matching line in every period</source>
        <translation>两次检查之间的时间；输出行检查要求每个周期内都有匹配的行</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>How long one attempt may take before it counts as a failure</source>
        <translation>一次尝试最多可用多久，超过即算失败</translation>
    </message>
    <message>
        <source>Failure threshold</source>
        <translation>失败阈值</translation>
    </message>
    <message>
        <source>How many failed checks in a row count as failed</source>
        <translation>连续多少次检查失败算作失败</translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation>检查(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;heck:</source>
        <translation>检查(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation>目标(&amp;A)：</translation>
    </message>
    <message>
        <source>Initial &amp;delay:</source>
        <translation>初始延迟(&amp;D)：</translation>
    </message>
    <message>
        <source>I&amp;nitial delay:</source>
        <translation>初始延迟(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>周期(&amp;P)：</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>周期(&amp;O)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <source>Tim&amp;eout:</source>
        <translation>超时(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Failures in a row:</source>
        <translation>连续失败次数(&amp;F)：</translation>
    </message>
    <message>
        <source>Fai&amp;lures in a row:</source>
        <translation>连续失败次数(&amp;L)：</translation>
    </message>
    <message>
        <source>a regular expression, such as listening on port \d+</source>
        <translation>正则表达式，例如 listening on port \d+</translation>
    </message>
    <message>
        <source>host:port, such as localhost:5432</source>
        <translation>host:port，例如 localhost:5432</translation>
    </message>
    <message>
        <source>a URL, such as http://localhost:8080/health</source>
        <translation>URL，例如 http://localhost:8080/health</translation>
    </message>
    <message>
        <source>a shell command, such as pg_isready</source>
        <translation>shell 命令，例如 pg_isready</translation>
    </message>
    <message>
        <source>Readiness check: %1</source>
        <translation>就绪检查：%1</translation>
    </message>
    <message>
        <source>Liveness check: %1</source>
        <translation>存活检查：%1</translation>
    </message>
    <message>
        <source>enter what to check.</source>
        <translation>请输入检查对象。</translation>
    </message>
</context>
<context>
    <name>ProcessDialog</name>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>&amp;Program with arguments</source>
        <translation>程序和参数(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;hell command</source>
        <translation>Shell 命令(&amp;H)</translation>
    </message>
    <message>
        <source>Run the line with /bin/sh -c: pipes, redirections and variables work</source>
        <translation>用 /bin/sh -c 运行这一行：管道、重定向和变量均可使用</translation>
    </message>
    <message>
        <source>P&amp;rogram:</source>
        <translation>程序(&amp;R)：</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>python3, /usr/bin/env, ./server …</source>
        <translation>python3、/usr/bin/env、./server …</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the program file</source>
        <translation>选择程序文件</translation>
    </message>
    <message>
        <source>Choose program</source>
        <translation>选择程序</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>参数(&amp;A)：</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Split like a shell would: quotes and backslashes are honoured, but no shell runs</source>
        <translation>按 shell 的规则拆分：支持引号和反斜杠，但不会运行 shell</translation>
    </message>
    <message>
        <source>worker.py &quot;two words&quot;</source>
        <translation>worker.py &quot;two words&quot;</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation>Shell 命令</translation>
    </message>
    <message>
        <source>make watch 2&gt;&amp;1 | grep -v DEBUG</source>
        <translation>make watch 2&gt;&amp;1 | grep -v DEBUG</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>the session file&apos;s folder</source>
        <translation>会话文件所在的文件夹</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>选择工作目录</translation>
    </message>
    <message>
        <source>Choose working directory</source>
        <translation>选择工作目录</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>环境变量(&amp;E)：</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>KEY=VALUE to add or change a variable, -KEY to remove one; one per line</source>
        <translation>KEY=VALUE 添加或修改变量，-KEY 删除变量；每行一个</translation>
    </message>
    <message>
        <source>&amp;Stop signal:</source>
        <translation>停止信号(&amp;S)：</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>停止信号</translation>
    </message>
    <message>
        <source>Sent by Terminate to the entry&apos;s whole process tree, daemons included</source>
        <translation>“终止”时发送给该条目的整个进程树，包括守护进程</translation>
    </message>
    <message>
        <source>then SIGKILL after</source>
        <translation>宽限期过后发送 SIGKILL</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>R&amp;estart:</source>
        <translation>重启(&amp;E)：</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>重启策略</translation>
    </message>
    <message>
        <source>Start when the session &amp;opens</source>
        <translation>会话打开时启动(&amp;O)</translation>
    </message>
    <message>
        <source>Ou&amp;tput:</source>
        <translation>输出(&amp;T)：</translation>
    </message>
    <message>
        <source>How the program&apos;s output is connected</source>
        <translation>程序输出的连接方式</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Why limits are not available</source>
        <translation>为什么限制不可用</translation>
    </message>
    <message>
        <source>&amp;Memory maximum:</source>
        <translation>内存上限(&amp;M)：</translation>
    </message>
    <message>
        <source>Memory maximum</source>
        <translation>内存上限</translation>
    </message>
    <message>
        <source>The most memory the entry&apos;s processes may use together. Above it the kernel kills them (the entry ends as killed by SIGKILL).</source>
        <translation>该条目的所有进程合计最多可使用的内存。超过后内核会杀死它们（该条目以被 SIGKILL 杀死结束）。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>CP&amp;U quota:</source>
        <translation>CPU 配额(&amp;U)：</translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation>CPU 配额</translation>
    </message>
    <message>
        <source>The CPU time the entry&apos;s processes may use together, in percent of one core (200 % is two cores). At the quota they are slowed down, not stopped.</source>
        <translation>该条目的所有进程合计可使用的 CPU 时间，以单核的百分比计（200 % 为两个核）。达到配额时它们会被减速，而不是停止。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Restart when memory e&amp;xceeds:</source>
        <translation>内存超过此值时重启(&amp;X)：</translation>
    </message>
    <message>
        <source>Restart when memory exceeds</source>
        <translation>内存超过此值时重启</translation>
    </message>
    <message>
        <source>Restart the entry as soon as its processes together use more memory than this. Set it below the memory maximum.</source>
        <translation>该条目的所有进程合计使用的内存一超过此值就重启该条目。请设得比内存上限低。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>总是</translation>
    </message>
    <message>
        <source>Each line as it is printed</source>
        <translation>每行输出即时显示</translation>
    </message>
    <message>
        <source>Standard output is a terminal, so that programs print each line at once; standard error stays apart</source>
        <translation>标准输出是一个终端，这样程序会立即输出每一行；标准错误保持分开</translation>
    </message>
    <message>
        <source>Run in a terminal</source>
        <translation>在终端中运行</translation>
    </message>
    <message>
        <source>For programs that need a terminal: input, Interrupt (Ctrl+C) and the size of the output pane; standard error is merged</source>
        <translation>适用于需要终端的程序：输入、中断（Ctrl+C）以及输出窗格的尺寸；标准错误会合并进来</translation>
    </message>
    <message>
        <source>Plain pipes</source>
        <translation>普通管道</translation>
    </message>
    <message>
        <source>No terminal at all: many programs then print in blocks, not line by line</source>
        <translation>完全不用终端：许多程序会因此按块而不是逐行输出</translation>
    </message>
    <message>
        <source>Choose Program</source>
        <translation>选择程序</translation>
    </message>
    <message>
        <source>Choose Working Directory</source>
        <translation>选择工作目录</translation>
    </message>
    <message>
        <source>Environment line %1: write KEY=VALUE to set a variable or -KEY to remove it</source>
        <translation>环境变量第 %1 行：写 KEY=VALUE 设置变量，或写 -KEY 删除变量</translation>
    </message>
    <message>
        <source>Environment line %1: &quot;%2&quot; is not a valid variable name</source>
        <translation>环境变量第 %1 行：“%2”不是有效的变量名</translation>
    </message>
    <message>
        <source>Enter the shell command to run.</source>
        <translation>请输入要运行的 shell 命令。</translation>
    </message>
    <message>
        <source>Enter the program to run.</source>
        <translation>请输入要运行的程序。</translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>A field contains a NUL character, which would cut the text short when it runs.</source>
        <translation>某个字段包含 NUL 字符，运行时会把文本截断。</translation>
    </message>
    <message>
        <source>Another entry is already called &quot;%1&quot;: names must be unique.</source>
        <translation>已有另一个条目名为“%1”：名称必须唯一。</translation>
    </message>
    <message>
        <source>This entry would fail to start: %1</source>
        <translation>此条目将无法启动：%1</translation>
    </message>
    <message>
        <source>Restart when memory exceeds: %1 MB is not below the memory maximum of %2 MB.</source>
        <translation>内存超过此值时重启：%1 MB 不低于内存上限 %2 MB。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>依赖与副本</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发</translation>
    </message>
</context>
<context>
    <name>ProcessManager</name>
    <message>
        <source>%1 is not an entry of this session</source>
        <translation>%1 不是此会话的条目</translation>
    </message>
    <message>
        <source>%1 is already the name of an entry</source>
        <translation>%1 已是某个条目的名称</translation>
    </message>
</context>
<context>
    <name>ProcessStackPage</name>
    <message>
        <source>Depends on</source>
        <translation>依赖于</translation>
    </message>
    <message>
        <source>Started after these entries reach their condition; stopped before them.</source>
        <translation>在这些条目达到其条件后启动；在它们之前停止。</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>&amp;Add Dependency</source>
        <translation>添加依赖(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Runs this many copies, NAME-1 … NAME-N; each sees its number in PROCDECK_REPLICA</source>
        <translation>运行这么多副本：NAME-1 … NAME-N；每个副本在 PROCDECK_REPLICA 中看到自己的编号</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>副本数(&amp;R)：</translation>
    </message>
    <message>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>succeeded (exit 0)</source>
        <translation>成功（退出码 0）</translation>
    </message>
    <message>
        <source>Depends on: %1</source>
        <translation>依赖于：%1</translation>
    </message>
    <message>
        <source>%1 depends on it: %2</source>
        <translation>%1 依赖于它：%2</translation>
    </message>
</context>
<context>
    <name>ProcessTableModel</name>
    <message>
        <source>Yes</source>
        <comment>alive</comment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <comment>alive</comment>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 (out of memory)</source>
        <translation>%1（内存不足）</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Stopping (kill in %1 s)</source>
        <translation>正在停止（%1 秒后杀死）</translation>
    </message>
    <message>
        <source>Restarting in %1 s</source>
        <translation>%1 秒后重启</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>已被杀死</translation>
    </message>
    <message>
        <source>Failed to start: %1</source>
        <translation>启动失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n restart(s)</source>
        <translation>
            <numerusform>重启 %n 次后放弃</numerusform>
        </translation>
    </message>
    <message>
        <source>PID of the last run; the process has ended and is never signalled again</source>
        <translation>上次运行的 PID；该进程已结束，不会再向它发送信号</translation>
    </message>
    <message>
        <source>The last run ended unexpectedly: %1</source>
        <translation>上次运行意外结束：%1</translation>
    </message>
    <message>
        <source>Killed by the kernel&apos;s OOM killer: the entry&apos;s memory maximum was reached</source>
        <translation>被内核的 OOM killer 杀死：已达到该条目的内存上限</translation>
    </message>
    <message>
        <source>Killed by signal %1 (%2)</source>
        <translation>被信号 %1（%2）杀死</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>存活</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exit</source>
        <comment>exit code column</comment>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Procs</source>
        <comment>processes of the entry</comment>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>is_alive(): whether the process is running now</source>
        <translation>is_alive()：进程当前是否在运行</translation>
    </message>
    <message>
        <source>exitcode: N for a normal exit, -N for death by signal N</source>
        <translation>exitcode：正常退出为 N，被信号 N 杀死为 -N</translation>
    </message>
    <message>
        <source>CPU use of the entry&apos;s processes (the program and all it started, daemons included), in percent of one core</source>
        <translation>该条目的进程（程序及其启动的所有进程，包括守护进程）的 CPU 占用，以单核的百分比计</translation>
    </message>
    <message>
        <source>Resident memory of the entry&apos;s processes (the program and all it started, daemons included)</source>
        <translation>该条目的进程（程序及其启动的所有进程，包括守护进程）的常驻内存</translation>
    </message>
    <message>
        <source>Processes of the entry: the program and every process it started that is still there, daemons included</source>
        <translation>该条目的进程：程序及其启动且仍存在的每个进程，包括守护进程</translation>
    </message>
    <message>
        <source>Restarts done by the entry&apos;s restart policy</source>
        <translation>该条目的重启策略执行的重启次数</translation>
    </message>
    <message>
        <source>Failed: out of memory</source>
        <translation>失败：内存不足</translation>
    </message>
    <message>
        <source>Failed: killed</source>
        <translation>失败：已被杀死</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Terminated by signal %1 (%2), which the user sent</source>
        <translation>被用户发送的信号 %1（%2）终止</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>readiness</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>readiness</comment>
        <translation>失败</translation>
    </message>
    <message>
        <source>waiting</source>
        <comment>readiness</comment>
        <translation>等待中</translation>
    </message>
    <message>
        <source>No readiness check: ready once started</source>
        <translation>没有就绪检查：启动后即就绪</translation>
    </message>
    <message>
        <source>Readiness check: %1 %2</source>
        <translation>就绪检查：%1 %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>readiness column</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Whether the run passes its readiness check: ready, waiting (failures in a row of the threshold) or failed; — without a check</source>
        <translation>本次运行是否通过就绪检查：就绪、等待中（连续失败次数/阈值）或失败；— 表示没有检查</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <source>Not started: %1</source>
        <translation>未启动：%1</translation>
    </message>
    <message>
        <source>next run %1</source>
        <translation>下次运行 %1</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>下次运行 %1</translation>
    </message>
    <message>
        <source>Scheduled: next run %1</source>
        <translation>已计划：下次运行 %1</translation>
    </message>
    <message>
        <source>waiting (%1)</source>
        <comment>readiness: failures in a row of the threshold, HealthCheck::failuresText()</comment>
        <translation>等待中（%1）</translation>
    </message>
</context>
<context>
    <name>ProcessTriggersPage</name>
    <message>
        <source>Restart on change</source>
        <translation>变更时重启</translation>
    </message>
    <message>
        <source>Paths to watch</source>
        <translation>监视的路径</translation>
    </message>
    <message>
        <source>src/**/*.py
config/</source>
        <translation>src/**/*.py
config/</translation>
    </message>
    <message>
        <source>Files, folders or globs, one per line, relative to the session file&apos;s folder. A change restarts the entry, and the entries that depend on it follow.</source>
        <translation>文件、文件夹或通配模式，每行一个，相对于会话文件所在的文件夹。有变更时重启该条目，依赖它的条目随之重启。</translation>
    </message>
    <message>
        <source>Paths to ignore</source>
        <translation>忽略的路径</translation>
    </message>
    <message>
        <source>.git/
build/</source>
        <translation>.git/
build/</translation>
    </message>
    <message>
        <source>Globs, or folder names ending in /, whose changes do not count; one per line</source>
        <translation>通配模式或以 / 结尾的文件夹名，其变更不计；每行一个</translation>
    </message>
    <message>
        <source>Debounce</source>
        <translation>防抖</translation>
    </message>
    <message>
        <source>Changes this close together are one burst: the entry restarts once, after the last</source>
        <translation>间隔在此时间内的变更算作一批：条目只在最后一次变更后重启一次</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>监视(&amp;W)：</translation>
    </message>
    <message>
        <source>I&amp;gnore:</source>
        <translation>忽略(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Debounce:</source>
        <translation>防抖(&amp;D)：</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>Starts the entry at these times; never a second time while a run is still going</source>
        <translation>在这些时间启动条目；上一次运行仍在进行时不会再次启动</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>不定时</translation>
    </message>
    <message>
        <source>At the times of a cron expression</source>
        <translation>按 cron 表达式的时间</translation>
    </message>
    <message>
        <source>At an interval</source>
        <translation>按固定间隔</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>cron 表达式</translation>
    </message>
    <message>
        <source>*/5 * * * *</source>
        <translation>*/5 * * * *</translation>
    </message>
    <message>
        <source>Five fields, as cron reads them: minute hour day month weekday. */5 * * * * is every five minutes; 0 3 * * mon-fri is 3:00 on weekdays.</source>
        <translation>五个字段，与 cron 的读法相同：分 时 日 月 星期。*/5 * * * * 表示每五分钟；0 3 * * mon-fri 表示工作日 3:00。</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>The time from one start to the next, at least %1 ms</source>
        <translation>两次启动之间的时间，至少 %1 毫秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Cron expression:</source>
        <translation>cron 表达式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>每隔(&amp;E)：</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>下次运行：%1</translation>
    </message>
    <message>
        <source>Restart on change: %1</source>
        <translation>变更时重启：%1</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>定时：%1</translation>
    </message>
    <message>
        <source>Schedule interval: %1</source>
        <translation>定时间隔：%1</translation>
    </message>
</context>
<context>
    <name>PseudoTerminal</name>
    <message>
        <source>cannot create a pseudo-terminal (%1): %2</source>
        <translation>无法创建伪终端（%1）：%2</translation>
    </message>
    <message>
        <source>the terminal is closed</source>
        <translation>终端已关闭</translation>
    </message>
    <message>
        <source>the program does not read its input</source>
        <translation>程序没有读取其输入</translation>
    </message>
</context>
<context>
    <name>RemoteSession</name>
    <message>
        <source>not connected to the attached ProcDeck</source>
        <translation>未连接到所附加的 ProcDeck</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Could Not Open Session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>The session that was open is unchanged.</source>
        <translation>原先打开的会话未改变。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n entries</source>
        <translation>
            <numerusform>已打开 %1：%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>This file</source>
        <translation>此文件</translation>
    </message>
    <message>
        <source>Nothing was started. Select entries and press Start to run them.</source>
        <translation>没有启动任何条目。选中条目并按“启动”来运行它们。</translation>
    </message>
    <message>
        <source>New Session</source>
        <translation>新建会话</translation>
    </message>
    <message numerus="yes">
        <source>%n entries are still running.</source>
        <translation>
            <numerusform>%n 个条目仍在运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json);;Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation>ProcDeck 会话 (*.json);;Procfile (Procfile Procfile.*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Session As</source>
        <translation>会话另存为</translation>
    </message>
    <message>
        <source>ProcDeck sessions (*.json)</source>
        <translation>ProcDeck 会话 (*.json)</translation>
    </message>
    <message>
        <source>Could Not Save Session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The session has unsaved changes.</source>
        <translation>会话有未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>继续之前先保存吗？</translation>
    </message>
    <message>
        <source>Import Procfile</source>
        <translation>导入 Procfile</translation>
    </message>
    <message>
        <source>Procfiles (Procfile Procfile.*);;All files (*)</source>
        <translation>Procfile (Procfile Procfile.*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could Not Import Procfile</source>
        <translation>无法导入 Procfile</translation>
    </message>
    <message>
        <source>The session is unchanged.</source>
        <translation>会话未改变。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n entries from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Procfile</source>
        <translation>导出 Procfile</translation>
    </message>
    <message>
        <source>Could Not Export Procfile</source>
        <translation>无法导出 Procfile</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近打开的文件(&amp;C)</translation>
    </message>
    <message>
        <source>Terminate and Start New Session</source>
        <translation>终止并新建会话</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>已新建会话</translation>
    </message>
    <message>
        <source>They are terminated first: each gets its stop signal, then SIGKILL after its grace period.</source>
        <translation>它们会先被终止：每个条目先收到其停止信号，宽限期结束后收到 SIGKILL。</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n entries…</source>
        <translation>
            <numerusform>正在停止 %n 个条目…</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminate and Open</source>
        <translation>终止并打开</translation>
    </message>
    <message>
        <source>The Procfile was written without the values of its .env.</source>
        <translation>Procfile 已写入，但不含其 .env 中的值。</translation>
    </message>
    <message>
        <source>Exported %1 and its .env</source>
        <translation>已导出 %1 及其 .env</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>unterminated double quote</source>
        <translation>双引号未闭合</translation>
    </message>
    <message>
        <source>unterminated single quote</source>
        <translation>单引号未闭合</translation>
    </message>
    <message>
        <source>unexpected text after the closing quote</source>
        <translation>右引号后有多余的文本</translation>
    </message>
    <message>
        <source>contains a NUL byte</source>
        <translation>包含 NUL 字节</translation>
    </message>
    <message>
        <source>expected KEY=VALUE</source>
        <translation>应为 KEY=VALUE</translation>
    </message>
    <message>
        <source>%1 is not a valid variable name</source>
        <translation>%1 不是有效的变量名</translation>
    </message>
    <message>
        <source>expected &quot;name: command&quot;</source>
        <translation>应为“name: command”</translation>
    </message>
    <message>
        <source>%1 is not a valid name (letters, digits, &quot;_&quot; and &quot;-&quot; only)</source>
        <translation>%1 不是有效的名称（只能包含字母、数字、“_”和“-”）</translation>
    </message>
    <message>
        <source>%1 has no command</source>
        <translation>%1 没有命令</translation>
    </message>
    <message>
        <source>duplicate entry name %1 (first at line %2)</source>
        <translation>条目名称 %1 重复（首次出现在第 %2 行）</translation>
    </message>
    <message>
        <source>no entries (expected &quot;name: command&quot; lines)</source>
        <translation>没有条目（应为“name: command”形式的行）</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1：无法读取文件：%2</translation>
    </message>
    <message>
        <source>%1: the file is too large for a session (more than %2 MiB)</source>
        <translation>%1：文件过大，不能作为会话（超过 %2 MiB）</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>missing: this is not a ProcDeck session (expected &quot;procdeck&quot;: 1)</source>
        <translation>缺失：这不是 ProcDeck 会话（应有 &quot;procdeck&quot;: 1）</translation>
    </message>
    <message>
        <source>must be a positive integer (the format version)</source>
        <translation>必须是正整数（格式版本）</translation>
    </message>
    <message>
        <source>format version %1 is newer than this ProcDeck reads (%2); update ProcDeck to open this file</source>
        <translation>格式版本 %1 比此 ProcDeck 能读取的版本（%2）新；请更新 ProcDeck 以打开此文件</translation>
    </message>
    <message>
        <source>must be an array of entries</source>
        <translation>必须是条目数组</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>%1 is already the name of %2[%3]</source>
        <translation>%1 已是 %2[%3] 的名称</translation>
    </message>
    <message>
        <source>%1 is already the name of %2[%3] (lines %4 and %5)</source>
        <translation>%1 已是 %2[%3] 的名称（第 %4 行和第 %5 行）</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>needs &quot;program&quot; (with &quot;args&quot;) or &quot;shell&quot;</source>
        <translation>需要 &quot;program&quot;（及 &quot;args&quot;）或 &quot;shell&quot;</translation>
    </message>
    <message>
        <source>has both &quot;program&quot; and &quot;shell&quot;; use one of them</source>
        <translation>同时有 &quot;program&quot; 和 &quot;shell&quot;；只能用其中一个</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>必须是非空字符串</translation>
    </message>
    <message>
        <source>not allowed with &quot;shell&quot; (put the arguments in the command)</source>
        <translation>不能与 &quot;shell&quot; 同用（请把参数写进命令）</translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation>必须是字符串数组</translation>
    </message>
    <message>
        <source>must be an object of &quot;NAME&quot;: &quot;value&quot; (or null)</source>
        <translation>必须是 &quot;NAME&quot;: &quot;value&quot;（或 null）形式的对象</translation>
    </message>
    <message>
        <source>must be a string, or null to remove the variable</source>
        <translation>必须是字符串，或用 null 删除该变量</translation>
    </message>
    <message>
        <source>unknown signal %1</source>
        <translation>未知信号 %1</translation>
    </message>
    <message>
        <source>must be a signal name such as &quot;SIGTERM&quot;</source>
        <translation>必须是信号名，例如 &quot;SIGTERM&quot;</translation>
    </message>
    <message>
        <source>must be a positive integer</source>
        <translation>必须是正整数</translation>
    </message>
    <message>
        <source>unknown value %1 (expected &quot;never&quot;, &quot;on-failure&quot; or &quot;always&quot;)</source>
        <translation>未知值 %1（应为 &quot;never&quot;、&quot;on-failure&quot; 或 &quot;always&quot;）</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;memoryMB&quot;: 512}</source>
        <translation>必须是对象，例如 {&quot;memoryMB&quot;: 512}</translation>
    </message>
    <message>
        <source>%1 is not below %2 %3</source>
        <translation>%1 不低于 %2 %3</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>%1 is out of range: use 1 to %2 (leave the key out for no limit)</source>
        <translation>%1 超出范围：请使用 1 到 %2（不设限制时省略此键）</translation>
    </message>
    <message>
        <source>the file is empty (expected a JSON object)</source>
        <translation>文件为空（应为 JSON 对象）</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>the top level is %1; it must be a JSON object with &quot;procdeck&quot;: 1</source>
        <translation>顶层是%1；它必须是含有 &quot;procdeck&quot;: 1 的 JSON 对象</translation>
    </message>
    <message>
        <source>a string starts with an invisible byte order mark (U+FEFF); remove it or write it as \uFEFF</source>
        <translation>某个字符串以不可见的字节顺序标记（U+FEFF）开头；请删除它，或写成 \uFEFF</translation>
    </message>
    <message>
        <source>%1 is out of range: use %2 to %3</source>
        <translation>%1 超出范围：请使用 %2 到 %3</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;db&quot;: &quot;ready&quot;}</source>
        <translation>必须是对象，例如 {&quot;db&quot;: &quot;ready&quot;}</translation>
    </message>
    <message>
        <source>an entry name is empty</source>
        <translation>条目名称为空</translation>
    </message>
    <message>
        <source>unknown condition %1 (expected &quot;started&quot;, &quot;ready&quot;, &quot;completed&quot; or &quot;succeeded&quot;)</source>
        <translation>未知条件 %1（应为 &quot;started&quot;、&quot;ready&quot;、&quot;completed&quot; 或 &quot;succeeded&quot;）</translation>
    </message>
    <message>
        <source>one of &quot;logLine&quot;, &quot;tcp&quot;, &quot;http&quot; or &quot;command&quot;</source>
        <translation>&quot;logLine&quot;、&quot;tcp&quot;、&quot;http&quot; 或 &quot;command&quot; 之一</translation>
    </message>
    <message>
        <source>must be an object with %1</source>
        <translation>必须是包含 %1 的对象</translation>
    </message>
    <message>
        <source>has both %1 and %2; use one of them</source>
        <translation>同时有 %1 和 %2；请只用其中一个</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;paths&quot;: [&quot;src/&quot;]}</source>
        <translation>必须是对象，例如 {&quot;paths&quot;: [&quot;src/&quot;]}</translation>
    </message>
    <message>
        <source>must be a cron expression such as &quot;*/5 * * * *&quot; or {&quot;everyMs&quot;: 60000}</source>
        <translation>必须是 cron 表达式（如 &quot;*/5 * * * *&quot;）或 {&quot;everyMs&quot;: 60000}</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;path&quot;: &quot;logs/api.log&quot;}</source>
        <translation>必须是对象，例如 {&quot;path&quot;: &quot;logs/api.log&quot;}</translation>
    </message>
    <message>
        <source>%1 is already the name of a copy of %2 (replicas %3)</source>
        <translation>%1 已是 %2 的一个副本的名称（replicas %3）</translation>
    </message>
</context>
<context>
    <name>ShellWords</name>
    <message>
        <source>unterminated single quote</source>
        <translation>单引号未闭合</translation>
    </message>
    <message>
        <source>unterminated double quote</source>
        <translation>双引号未闭合</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <source>Last run: %1 at its end, maximum %2</source>
        <translation>上次运行：结束时 %1，最大 %2</translation>
    </message>
    <message>
        <source>Now %1, maximum %2</source>
        <translation>当前 %1，最大 %2</translation>
    </message>
    <message>
        <source>ended at %1</source>
        <translation>结束时 %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
</context>
<context>
    <name>StackCheck</name>
    <message>
        <source>not a valid regular expression: %1 (at character %2)</source>
        <translation>不是有效的正则表达式：%1（第 %2 个字符处）</translation>
    </message>
    <message>
        <source>must be &quot;host:port&quot;, such as &quot;localhost:5432&quot;</source>
        <translation>必须是 &quot;host:port&quot;，例如 &quot;localhost:5432&quot;</translation>
    </message>
    <message>
        <source>%1 is not a port: use 1 to 65535</source>
        <translation>%1 不是端口：请使用 1 到 65535</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// URL</source>
        <translation>%1 不是 http:// 或 https:// URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry of this session</source>
        <translation>&quot;%1&quot; 不是此会话的条目</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the entry itself; an entry cannot wait for itself</source>
        <translation>&quot;%1&quot; 就是该条目本身；条目不能等待自己</translation>
    </message>
    <message>
        <source>%1 is not a cron expression: it needs five fields (minute hour day month weekday)</source>
        <translation>%1 不是 cron 表达式：需要五个字段（分 时 日 月 星期）</translation>
    </message>
    <message>
        <source>%1: field %2 (%3) is not a cron field (numbers, *, names such as mon or jan, with &quot;,&quot;, &quot;-&quot; and &quot;/&quot;)</source>
        <translation>%1：第 %2 个字段（%3）不是 cron 字段（数字、*、mon 或 jan 等名称，可用 &quot;,&quot;、&quot;-&quot; 和 &quot;/&quot;）</translation>
    </message>
    <message>
        <source>must be a whole number of milliseconds, at least %1</source>
        <translation>必须是整数毫秒，至少 %1</translation>
    </message>
    <message>
        <source>needs at least one path</source>
        <translation>至少需要一个路径</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>必须是非空字符串</translation>
    </message>
    <message>
        <source>contains a NUL byte</source>
        <translation>包含 NUL 字节</translation>
    </message>
</context>
<context>
    <name>StackGraphEdge</name>
    <message>
        <source>started</source>
        <comment>dependency condition</comment>
        <translation>已启动</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>dependency condition</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>dependency condition</comment>
        <translation>已结束</translation>
    </message>
    <message>
        <source>succeeded</source>
        <comment>dependency condition</comment>
        <translation>成功</translation>
    </message>
    <message>
        <source>%1 waits until %2 has started</source>
        <translation>%1 等待 %2 启动</translation>
    </message>
    <message>
        <source>%1 waits until %2 is ready</source>
        <translation>%1 等待 %2 就绪</translation>
    </message>
    <message>
        <source>%1 waits until %2 has ended (any exit)</source>
        <translation>%1 等待 %2 结束（任意退出码）</translation>
    </message>
    <message>
        <source>%1 waits until %2 has exited with 0</source>
        <translation>%1 等待 %2 以退出码 0 退出</translation>
    </message>
</context>
<context>
    <name>StackGraphNode</name>
    <message numerus="yes">
        <source>%n copies (replicas)</source>
        <translation>
            <numerusform>%n 个副本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>entry: state</comment>
        <translation>%1：%2</translation>
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
        <translation>箭头从一个条目指向等待它的条目；标签说明它们等待什么</translation>
    </message>
    <message>
        <source>Dependency graph</source>
        <translation>依赖图</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n running</source>
        <comment>replicas</comment>
        <translation>
            <numerusform>%n 个中 %1 个运行中</numerusform>
        </translation>
    </message>
    <message>
        <source>The session&apos;s entries show here, with an arrow to each entry from what it waits for (dependsOn)</source>
        <translation>会话的条目显示在这里，每个条目都有一个箭头从它等待的条目指向它（dependsOn）</translation>
    </message>
</context>
<context>
    <name>StackRunner</name>
    <message>
        <source>%1 failed its readiness check</source>
        <translation>%1 未通过就绪检查</translation>
    </message>
    <message>
        <source>%1 was not started</source>
        <translation>%1 未启动</translation>
    </message>
    <message>
        <source>%1 failed to start</source>
        <translation>%1 启动失败</translation>
    </message>
    <message>
        <source>%1 is not running</source>
        <translation>%1 未在运行</translation>
    </message>
    <message numerus="yes">
        <source>%1 gave up after %n restart(s)</source>
        <translation>
            <numerusform>%1 在 %n 次重启后放弃</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was stopped</source>
        <translation>%1 已被停止</translation>
    </message>
    <message>
        <source>%1 was killed by %2</source>
        <translation>%1 被 %2 杀死</translation>
    </message>
    <message>
        <source>%1 exited with %2</source>
        <translation>%1 已退出，退出码 %2</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 已结束</translation>
    </message>
    <message>
        <source>there is no entry called %1</source>
        <translation>没有名为 %1 的条目</translation>
    </message>
    <message>
        <source>%1: met</source>
        <translation>%1：已满足</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: not yet</source>
        <translation>%1：尚未满足</translation>
    </message>
    <message>
        <source>%1: not yet (%2)</source>
        <translation>%1：尚未满足（%2）</translation>
    </message>
</context>
<context>
    <name>TriggerMonitor</name>
    <message>
        <source>restarting: %1 changed</source>
        <translation>重启：%1 已更改</translation>
    </message>
    <message numerus="yes">
        <source>restarting: %1 changed (%n file(s))</source>
        <translation>
            <numerusform>重启：%1 已更改（共 %n 个文件）</numerusform>
        </translation>
    </message>
    <message>
        <source>schedule not armed: %1</source>
        <translation>计划未启用：%1</translation>
    </message>
    <message>
        <source>skipped the %1 run: the %2 run is still going</source>
        <translation>已跳过 %1 的运行：%2 的运行仍在进行</translation>
    </message>
    <message>
        <source>scheduled run (%1)</source>
        <translation>计划运行（%1）</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>unset %1</source>
        <translation>取消设置 %1</translation>
    </message>
    <message>
        <source>Run Commands from This File?</source>
        <translation>运行此文件中的命令吗？</translation>
    </message>
    <message numerus="yes">
        <source>%1 asks to start %n command(s) when it opens. You have not run commands from this file before, or it changed since. Run them only if you trust where it came from.</source>
        <translation>
            <numerusform>%1 要求在打开时启动 %n 条命令。你以前没有运行过此文件中的命令，或者此后它已被更改。只有在你信任它的来源时才运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Commands that would run</source>
        <translation>将要运行的命令</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>Environment changes</source>
        <translation>环境变量更改</translation>
    </message>
    <message>
        <source>sh -c: %1</source>
        <translation>sh -c：%1</translation>
    </message>
    <message>
        <source>%1 (cannot start: %2)</source>
        <translation>%1（无法启动：%2）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Run</source>
        <translation>不运行(&amp;D)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>still checking whether this system gives each entry a cgroup</source>
        <translation>仍在检查此系统能否为每个条目提供 cgroup</translation>
    </message>
</context>
</TS>

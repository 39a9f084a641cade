#pragma once

#include <QByteArray>
#include <QString>

// One pseudo-terminal for one run (docs/ARCHITECTURE.md, "Output as it happens"): the master,
// which ProcDeck keeps (non-blocking, close-on-exec), and the slave, which the child gets as its
// stdout (TerminalMode::StdoutTerminal) or as stdin, stdout, stderr and controlling terminal
// (TerminalMode::Terminal) and which ProcDeck closes once the child has it. Errors are values:
// open() returns a message.
//
// The termios set-up: for OutputOnly, output processing off (no "\n" to "\r\n": headless and
// saved logs keep the bytes the program wrote) and no echo (stdin is not the terminal); for Full,
// the kernel's defaults, as a terminal emulator leaves them (echo, line editing, "\r\n", Ctrl+C
// as the interrupt character).
//
// Reading: once every process closed the slave, a read on the master returns what is left and
// then fails with EIO on Linux; EIO is the end of file.
class PseudoTerminal final
{
public:
    enum class Kind { OutputOnly, Full };

    // The size before a view says otherwise (headless runs keep it).
    static constexpr int DefaultColumns = 80;
    static constexpr int DefaultRows = 24;

    PseudoTerminal() = default;
    ~PseudoTerminal();
    PseudoTerminal(const PseudoTerminal &) = delete;
    PseudoTerminal &operator=(const PseudoTerminal &) = delete;

    // A new pair, `columns` x `rows`; an error message, or empty.
    QString open(Kind kind, int columns, int rows);
    void close();
    void closeSlave(); // after the child has its copies

    int master() const { return m_master; }
    int slave() const { return m_slave; }

    bool setWindowSize(int columns, int rows); // TIOCSWINSZ: the foreground group gets SIGWINCH
    // The terminal's interrupt character (VINTR, Ctrl+C unless the program changed it), or its end
    // of file character (VEOF, Ctrl+D); empty when disabled or when the terminal is gone.
    QByteArray interruptCharacter() const;
    QByteArray endOfFileCharacter() const;
    QString write(const QByteArray &data); // to the master (the program's input); error or empty

private:
    QByteArray controlCharacter(int index) const;

    int m_master = -1;
    int m_slave = -1;
};

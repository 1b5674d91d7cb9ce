import CSpoolSignals
import Glibc
import SpoolScreen

/// The terminal as linear mode uses it (`--linear`): no alternate screen, no cursor
/// addressing, nothing redrawn. Keys are read one at a time (the terminal's line editing
/// and echo are off while Spool runs), and what the program says is written to the normal
/// output stream as lines, so it stays in the scrollback and a screen reader reads each
/// line once.
public final class LinearTerminal {
    private var saved = termios()
    private var isOpen = false

    /// Takes the keyboard: no echo, no line editing, Ctrl-C read as a key.
    ///
    /// - Throws: ``TerminalError/notATerminal`` when standard input or output is not a
    ///   terminal; nothing is changed then.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        spool_unblock_signals()
        // A crash puts back the terminal's modes saved here.
        spool_install_crash_handlers()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw TerminalError.notATerminal }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        spool_install_exit_signals()
        isOpen = true
    }

    deinit { close() }

    /// Gives the terminal back as it was.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }

    /// The terminal's width (80 when it cannot be asked).
    public var columns: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// What reading gave: a key, the end of input, or a signal that ends the run.
    public enum Input: Equatable {
        case key(Key)
        case end
        case signal(Int32)
    }

    /// Waits for the next key. A sequence Spool does not know is read whole and dropped, so
    /// no part of it acts as a key.
    public func read() -> Input {
        var decoder = LinearKeyDecoder()
        while true {
            let pending = spool_pending_signal()
            if pending != 0 { return .signal(pending) }
            guard let byte = readByte(waitingMilliseconds: decoder.isWaiting ? 30 : -1) else {
                // A lone Esc: nothing followed it in time.
                if decoder.isWaiting, let key = decoder.finish() { return .key(key) }
                continue
            }
            if byte < 0 { return .end }
            if let key = decoder.take(UInt8(byte)) { return .key(key) }
        }
    }

    /// One byte: nil when `waitingMilliseconds` passed (or a signal came) first, -1 at the
    /// end of input.
    private func readByte(waitingMilliseconds: Int32) -> Int? {
        var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitingMilliseconds)
        guard ready > 0 else { return nil }
        var byte: UInt8 = 0
        let count = Glibc.read(STDIN_FILENO, &byte, 1)
        if count == 1 { return Int(byte) }
        return count == 0 || errno != EINTR ? -1 : nil
    }

    /// Writes what the program said: whole lines, then the echo (a prompt being typed).
    public func write(_ output: LineOutput) {
        var text = ""
        for line in output.lines { text += line + "\r\n" }
        writeAll(text + output.echo)
    }

    /// Ends a line being echoed (the prompt of a run that stops half-way).
    public func endLine() { writeAll("\r\n") }

    private func writeAll(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBufferPointer {
                Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// Turns the bytes of a terminal in raw mode into keys: UTF-8 characters, control keys,
/// and the escape sequences of cursor and function keys (through ``EscapeSequence``).
struct LinearKeyDecoder {
    private var escape: [UInt32]?
    private var utf8: [UInt8] = []
    private var utf8Length = 0

    /// Whether an Esc was read and what follows it is awaited.
    var isWaiting: Bool { escape != nil }

    /// Takes one byte; returns the key it completes, if any.
    mutating func take(_ byte: UInt8) -> Key? {
        if var following = escape {
            following.append(UInt32(byte))
            if following.count == 1 && byte == 0x1B {
                // Esc Esc: the first was a key of its own.
                escape = []
                return .escape
            }
            guard EscapeSequence.isComplete(following) || following.count >= 32 else {
                escape = following
                return nil
            }
            escape = nil
            if case .key(let key) = EscapeSequence.decode(following) { return key }
            return nil
        }
        if utf8Length > 0 {
            guard byte & 0xC0 == 0x80 else {
                utf8 = []
                utf8Length = 0
                return take(byte)
            }
            utf8.append(byte)
            guard utf8.count == utf8Length else { return nil }
            defer {
                utf8 = []
                utf8Length = 0
            }
            return String(validating: utf8, as: UTF8.self).flatMap(\.first).map(Key.character)
        }
        switch byte {
        case 0x1B:
            escape = []
            return nil
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x00: return nil
        case 0x01...0x1F: return .control(Character(Unicode.Scalar(byte + 0x60)))
        case 0x20...0x7E: return .character(Character(Unicode.Scalar(byte)))
        case 0xC2...0xDF: utf8Length = 2
        case 0xE0...0xEF: utf8Length = 3
        case 0xF0...0xF4: utf8Length = 4
        default: return nil
        }
        utf8 = [byte]
        return nil
    }

    /// The key an Esc that nothing followed stands for.
    mutating func finish() -> Key? {
        guard let following = escape else { return nil }
        escape = nil
        if following.isEmpty { return .escape }
        if case .key(let key) = EscapeSequence.decode(following) { return key }
        return nil
    }
}

import CNCursesW
import CSpoolSignals
import Glibc
import SpoolScreen

/// The only code that talks to ncurses: sets the terminal up, draws ``Screen``s cell by
/// changed cell, reads keys, and always puts the terminal back.
public final class CursesTerminal {
    private var colors: CursesColors
    private var previous: Screen?
    private var closed = false
    /// The locale is not UTF-8 (`LANG=C`): characters beyond ASCII are drawn as their
    /// ASCII look-alikes or `?`, since the terminal would show them as blanks.
    private var asciiOnly = false

    /// Takes over the terminal. `useColor` false draws with attributes only.
    ///
    /// - Throws: ``TerminalError`` when standard input or output is not a terminal, or the
    ///   terminal type is unknown; the terminal is left untouched then.
    /// `showsCursor` leaves the terminal's cursor visible (it is always placed where the
    /// screen says, for screen readers and braille displays, which follow it).
    public init(useColor: Bool, useMouse: Bool = true, showsCursor: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        spool_unblock_signals()
        // Before curses changes the terminal's modes: a crash puts back what is saved here.
        spool_install_crash_handlers()
        _ = CursesTerminal.configureLocale()
        let directTerm = CursesTerminal.directColorVariant()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            // Fully buffered: a stream on a terminal is line-buffered, and curses moves down
            // a row with a line feed, so every row was a write of its own. Curses flushes at
            // the end of each frame, which is then one write.
            setvbuf(output, nil, _IOFBF, 1 << 16) == 0,
            (directTerm.flatMap { newterm($0, output, input) } ?? newterm(nil, output, input)) != nil
        else {
            throw TerminalError.unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "(unset)")
        }
        spool_install_exit_signals()
        colors = CursesColors(useColor: false)
        asciiOnly = !CursesTerminal.localeIsUTF8
        configure(useColor: useColor, useMouse: useMouse, showsCursor: showsCursor)
    }

    /// After the discussion was read from standard input (`cat file | spool`), keys come
    /// from the controlling terminal, as `less` does: `/dev/tty` becomes standard input.
    /// Returns false when there is no controlling terminal.
    public static func readKeysFromControllingTerminal() -> Bool {
        let tty = open("/dev/tty", O_RDONLY | O_CLOEXEC)
        guard tty >= 0 else { return false }
        defer { Glibc.close(tty) }
        return dup2(tty, STDIN_FILENO) >= 0
    }

    /// A terminal of type `type` that draws into `/dev/null`, sized `columns` x `rows`, so
    /// tests can draw screens and read back what ncurses holds (tig's trick).
    init(devNullOfType type: String, columns: Int, rows: Int) throws {
        _ = CursesTerminal.configureLocale()
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r"),
            newterm(type, output, input) != nil
        else {
            throw TerminalError.unknownTerminal(type)
        }
        resizeterm(Int32(rows), Int32(columns))
        colors = CursesColors(useColor: false)
        asciiOnly = !CursesTerminal.localeIsUTF8
        configure(useColor: true, useMouse: false, showsCursor: false)
    }

    private func configure(useColor: Bool, useMouse: Bool, showsCursor: Bool) {
        cbreak()
        noecho()
        nonl()
        keypad(spool_stdscr(), true)
        curs_set(showsCursor ? 1 : 0)
        leaveok(spool_stdscr(), false)
        set_escdelay(25)
        // Frames are sent whole: curses does not look for typed keys between rows, which
        // flushed its output at every row (a frame was thirty writes instead of one).
        typeahead(-1)
        wtimeout(spool_stdscr(), 250)
        if useMouse {
            mousemask(spool_mouse_mask(), nil)
            mouseinterval(0)
        }
        colors = CursesColors(useColor: useColor)
    }

    /// What ncurses holds for row `y` (its text, trailing blanks removed), for tests. It
    /// moves ncurses' cursor: read ``drawnCursor`` first.
    func drawnText(ofRow y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: Int(spool_cols()) + 1)
        _ = mvwinnwstr(spool_stdscr(), Int32(y), 0, &buffer, Int32(buffer.count - 1))
        let scalars = buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The scalars ncurses holds in the cell at `x`, `y`, for tests.
    func drawnCell(x: Int, y: Int) -> String {
        var cell = cchar_t()
        guard mvwin_wch(spool_stdscr(), Int32(y), Int32(x), &cell) != ERR else { return "" }
        var text = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &text, &attributes, &pair, nil)
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Where ncurses has the cursor, for tests.
    var drawnCursor: Position { Position(x: Int(getcurx(spool_stdscr())), y: Int(getcury(spool_stdscr()))) }

    deinit { close() }

    /// With `COLORTERM=truecolor` (or `24bit`) on a terminal type without direct colour, the
    /// `-direct` variant of the type when this system's terminfo has it (`xterm-256color` →
    /// `xterm-direct`), so themes' `#rrggbb` colours are shown exactly; else nil.
    static func directColorVariant() -> String? {
        guard let colorterm = getenv("COLORTERM").map({ String(cString: $0).lowercased() }),
            colorterm == "truecolor" || colorterm == "24bit",
            let term = getenv("TERM").map({ String(cString: $0) }), !term.contains("direct")
        else { return nil }
        let base = term.split(separator: "-").first.map(String.init) ?? term
        let folders = [
            "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
            (getenv("HOME").map { String(cString: $0) } ?? "") + "/.terminfo",
        ]
        for candidate in [base + "-direct", "xterm-direct"] {
            let first = String(candidate.prefix(1))
            if folders.contains(where: { access("\($0)/\(first)/\(candidate)", R_OK) == 0 }) { return candidate }
        }
        return nil
    }

    /// Takes the locale from the environment; when that gives no UTF-8 character set and
    /// none was asked for (LANG, LC_ALL and LC_CTYPE unset), uses C.UTF-8, since discussions
    /// are UTF-8 text. Returns whether the locale is UTF-8, so box drawing can be used.
    public static func configureLocale() -> Bool {
        setlocale(LC_ALL, "")
        let variables: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
        let asked = variables.contains { getenv($0) != nil }
        if !localeIsUTF8 && !asked { setlocale(LC_CTYPE, "C.UTF-8") }
        return localeIsUTF8
    }

    private static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The colours this terminal shows (none after `useColor: false`).
    public var colorCapability: ColorCapability { colors.capability }

    /// The terminal size in columns and rows.
    public var size: (columns: Int, rows: Int) { (Int(spool_cols()), Int(spool_lines())) }

    /// Draws `screen`, sending only the cells that differ from the last one drawn, and puts
    /// the cursor where the screen says.
    public func draw(_ screen: Screen) {
        if ScreenDiff.needsFullRedraw(from: previous, to: screen) { wclear(spool_stdscr()) }
        for change in ScreenDiff.changes(from: previous, to: screen) { put(change.cell, x: change.x, y: change.y) }
        let cursor = screen.cursor ?? Position(x: 0, y: 0)
        wmove(spool_stdscr(), Int32(cursor.y), Int32(cursor.x))
        wnoutrefresh(spool_stdscr())
        doupdate()
        previous = screen
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = colors.attributes(for: cell.style)
        let grapheme = asciiOnly ? ASCIIFallback.text(for: cell.grapheme) : cell.grapheme
        var wide: [wchar_t] = CursesTerminal.cellScalars(grapheme).map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty { wide = [wchar_t(32)] }
        wide.append(0)
        var character = cchar_t()
        var extendedPair = pair
        setcchar(&character, wide, attributes, Int16(truncatingIfNeeded: min(pair, 32767)), &extendedPair)
        mvwadd_wch(spool_stdscr(), Int32(y), Int32(x), &character)
    }

    /// The scalars a cell can hold for `grapheme`. A curses cell is one spacing character
    /// and up to four marks that take no column; an emoji sequence joined by ZWJ (a family,
    /// a profession) or carrying a skin tone is several spacing characters, so only its
    /// first (with VS16 when it has one) is drawn: the cell keeps its two columns and no
    /// fragment such as a stray ZWJ spills into the next cell.
    static func cellScalars(_ grapheme: String) -> [Unicode.Scalar] {
        let scalars = Array(grapheme.unicodeScalars)
        guard let first = scalars.first else { return [] }
        let spacing = scalars.dropFirst().contains { scalar in
            scalar.value == 0x200D || (scalar.value != 0xFE0F && DisplayWidth.of(Character(scalar)) > 0)
        }
        if spacing { return scalars.count > 1 && scalars[1].value == 0xFE0F ? [first, scalars[1]] : [first] }
        return Array(scalars.prefix(5))
    }

    /// What reading the keyboard gave.
    public enum Input {
        case key(Key)
        /// SIGINT, SIGTERM or SIGHUP arrived.
        case signal(Int32)
        /// Nothing within the poll interval.
        case idle
    }

    /// Waits up to a quarter second for a key, or not at all when `waiting` is false.
    public func read(waiting: Bool = true) -> Input {
        wtimeout(spool_stdscr(), waiting ? 250 : 0)
        var code: wint_t = 0
        let result = wget_wch(spool_stdscr(), &code)
        let pending = spool_pending_signal()
        if pending != 0 { return .signal(pending) }
        switch result {
        case KEY_CODE_YES where Int32(bitPattern: code) == KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .idle }
            return CursesKeyDecoder.mouse(event).map(Input.key) ?? .idle
        case KEY_CODE_YES:
            return CursesKeyDecoder.functionKey(Int32(bitPattern: code), size: size).map(Input.key) ?? .idle
        case OK where code == 27: return readEscapeSequence()
        case OK: return CursesKeyDecoder.character(code).map(Input.key) ?? .idle
        default: return .idle
        }
    }

    /// After an Esc that curses left undecoded, the rest of the sequence is already waiting:
    /// it is read without waiting and decoded whole (see ``EscapeSequence``).
    private func readEscapeSequence() -> Input {
        wtimeout(spool_stdscr(), 0)
        var following: [UInt32] = []
        while following.count < 32 && !EscapeSequence.isComplete(following) {
            var code: wint_t = 0
            guard wget_wch(spool_stdscr(), &code) == OK else { break }
            following.append(code)
        }
        switch EscapeSequence.decode(following) {
        case .key(let key): return .key(key)
        case .swallowed: return .idle
        }
    }

    /// Forgets what was drawn, so the next `draw` repaints every cell (after another program
    /// had the terminal).
    func forgetDrawnScreen() {
        previous = nil
        clearok(spool_stdscr(), true)
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
    }
}

import CNCursesW
import CSpoolSignals
import Glibc
import SpoolScreen

/// Runs what a program asked for outside the screen, handing the terminal over and back.
extension CursesTerminal {
    /// Performs `command`; returns a status message when something went wrong or is worth
    /// saying. Commands that do not need the terminal are the program's: nothing happens.
    public func perform(_ command: Command) -> String? {
        switch command {
        case .copy(let text):
            // OSC 52 carries the text base64-encoded, so nothing in it can act as a sequence.
            writeToTerminal("\u{1B}]52;c;\(Base64.encode(text.utf8))\u{07}")
            return nil
        case .page(let text):
            let pager = getenv("PAGER").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "less"
            return runOutside(command: "\(pager) \"$SPOOL_FILE\"", input: Array(text.utf8), waitForEnter: false)
        case .pipe(let command, let text):
            return runOutside(command: command, input: Array(text.utf8), waitForEnter: true)
        case .open(let url):
            // The address goes in an environment variable, never through the shell's parser.
            setenv("SPOOL_URL", url, 1)
            if let browser = getenv("BROWSER").map({ String(cString: $0) }), !browser.isEmpty {
                return runOutside(command: "\(browser) \"$SPOOL_URL\"", input: [], waitForEnter: false)
            }
            guard CursesTerminal.isOnPath("xdg-open") else {
                return
                    "Nothing to open \(url) with: set $BROWSER (a terminal browser such as w3m works) or install xdg-utils."
            }
            return runDetached("xdg-open \"$SPOOL_URL\" >/dev/null 2>&1 &")
        case .writeFile(let path, let bytes, let appending):
            return FileWriter.write(bytes, to: path, appending: appending)
        case .view(let bytes, let type, let name):
            return view(bytes, type: type, name: name)
        case .saveReadMarks, .saveCollapsed, .saveHistory, .saveMutes, .saveBookmarks:
            return nil
        }
    }

    /// What to say when no mailcap viewer can be run for `type` (nil when `run-mailcap` is
    /// in a folder of `path`).
    static func missingViewer(for type: String, path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        guard !isOnPath("run-mailcap", path: path) else { return nil }
        return
            "No viewer for \(Sanitizer.strippingControls(type)): install mailcap (run-mailcap), or save it with V then s."
    }

    /// Whether an executable called `name` is in a folder of `$PATH`.
    static func isOnPath(_ name: String, path: String? = getenv("PATH").map { String(cString: $0) }) -> Bool {
        (path ?? "").split(separator: ":").contains { folder in access("\(folder)/\(name)", X_OK) == 0 }
    }

    /// Shows an attachment with the viewer mailcap gives for its type (`run-mailcap`, from
    /// Debian's mailcap package), from a temporary copy named like the attachment.
    private func view(_ bytes: [UInt8], type: String, name: String) -> String? {
        if let missing = CursesTerminal.missingViewer(for: type) { return missing }
        // The type comes from the message: it reaches run-mailcap in a variable, never parsed.
        setenv("SPOOL_TYPE", type, 1)
        // The copy keeps the extension (viewers go by it), if it is plain letters and digits.
        let pieces = name.split(separator: ".")
        let suffix =
            pieces.count > 1 && pieces.last!.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            ? "." + pieces.last! : ""
        let failure = runOutside(
            command: "run-mailcap --action=view \"$SPOOL_TYPE:$SPOOL_FILE\"", input: bytes, suffix: suffix,
            waitForEnter: false)
        return failure.map { _ in
            "No mailcap entry could show \(Sanitizer.strippingControls(type)); save it with V then s and open it elsewhere."
        }
    }

    /// Runs a command that does not need the terminal (a GUI opener) without waiting for it.
    private func runDetached(_ command: String) -> String? {
        let status = spawnShell(command, stdin: -1, file: "")
        return status == 0
            ? nil
            : "Could not open the address (\(command.split(separator: " ").first ?? "") exited with \(status)); set $BROWSER."
    }

    private func writeToTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Leaves curses, runs `sh -c command` with `input` in a temporary file (on standard input
    /// and as `$SPOOL_FILE`; its name ends with `suffix`), and comes back with a full redraw.
    private func runOutside(command: String, input: [UInt8], suffix: String = "", waitForEnter: Bool) -> String? {
        var template = Array("/tmp/spool-comment-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { return "Could not write a temporary file for the command." }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        _ = input.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        lseek(fd, 0, SEEK_SET)
        def_prog_mode()
        endwin()
        let status = spawnShell(command, stdin: fd, file: path)
        Glibc.close(fd)
        if waitForEnter {
            writeToTerminal("\n[\(command): exit status \(status)] Press Enter to return to Spool.")
            var byte: UInt8 = 0
            while Glibc.read(STDIN_FILENO, &byte, 1) == 1 && byte != 0x0A && byte != 0x0D {}
        }
        spool_forget_interrupt()
        reset_prog_mode()
        forgetDrawnScreen()
        return status == 0 ? nil : "\(command) exited with status \(status)."
    }

    private func spawnShell(_ command: String, stdin fd: Int32, file: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if fd >= 0 { posix_spawn_file_actions_adddup2(&actions, fd, STDIN_FILENO) }
        // The pager needs the terminal on standard input; the pipe reads the comment.
        if command.contains("$SPOOL_FILE") || command.contains("$SPOOL_URL") {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/tty", O_RDONLY, 0)
        }
        setenv("SPOOL_FILE", file, 1)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

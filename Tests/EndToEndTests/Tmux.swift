import Foundation
import SpoolTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with `posix_spawn`, an empty signal mask and default
/// dispositions, and returns its exit status and output.
///
/// Foundation's `Process` hangs when the child daemonises (a tmux server keeps its
/// socket), and Swift Testing's threads block most signals, which children inherit.
func spawn(_ arguments: [String], stdin: String? = nil) -> (status: Int32, output: String) {
    let outputPath = Scratch.folder.appendingPathComponent("spool-e2e-\(UUID().uuidString)")
        .path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    guard posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ) == 0 else {
        return (127, "could not start \(arguments[0])")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = readTextFile(outputPath) ?? ""
    let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, output)
}

/// A new empty folder for read state, so no test sees another's marks.
/// A file's text read with `open` and `read`, for polling a file another process is still
/// writing: Foundation's whole-file read leaks its buffer when the file grows under it
/// (LeakSanitizer in CI).
func fileText(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(descriptor, &chunk, chunk.count)
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func freshStateDir() -> String {
    let folder = Scratch.folder.appendingPathComponent("spool-e2e-state-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
}

/// The folder of the built products (`spool` sits beside the test bundle).
let productsFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
let spoolBinary = productsFolder.appendingPathComponent("spool").path

/// A tmux server of its own running one command in a pane of a fixed size.
final class TmuxSession {
    let socket: String
    let statusFile: String

    /// Starts `command` (arguments, quoted for the shell) in a `columns` x `rows` pane;
    /// when it ends, its exit status is written to a file and the pane stays open.
    /// The read-state folder of this session's program (its own, unless `environment` names one).
    let stateDir: String

    init(_ command: [String], columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) {
        socket = "spool-e2e-\(UUID().uuidString.prefix(8))"
        stateDir = environment["SPOOL_STATE_DIR"] ?? freshStateDir()
        statusFile = Scratch.folder.appendingPathComponent("\(socket).status").path
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // The shell traps SIGINT so that Ctrl-C ends only the program under test.
        // tmux sets TERM itself in a new pane (tmux-256color), so a test's TERM is exported
        // by the pane's shell instead.
        let term = environment["TERM"].map { "TERM='\($0)'; export TERM; " } ?? ""
        let shell = "trap : INT; \(term)\(quoted); echo $? > \(statusFile); echo SPOOL-EXITED; sleep 600"
        var arguments = [
            "tmux", "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)",
        ]
        let defaults = ["LANG": "C.UTF-8", "SPOOL_STATE_DIR": stateDir]
        for (name, value) in defaults.merging(environment, uniquingKeysWith: { $1 }) where name != "TERM" {
            arguments += ["-e", "\(name)=\(value)"]
        }
        arguments += ["sh", "-c", shell]
        _ = spawn(arguments)
    }

    deinit {
        _ = spawn(["tmux", "-L", socket, "kill-server"])
        unlink(statusFile)
    }

    func send(_ keys: String...) { send(contentsOf: keys) }

    func send(contentsOf keys: [String]) { _ = spawn(["tmux", "-L", socket, "send-keys"] + keys) }

    func sendLiteral(_ text: String) { _ = spawn(["tmux", "-L", socket, "send-keys", "-l", text]) }

    func resize(columns: Int, rows: Int) {
        _ = spawn(["tmux", "-L", socket, "resize-window", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The pane's text, one line a row, trailing blanks removed.
    func capture(escapes: Bool = false) -> String {
        spawn(["tmux", "-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : [])).output
    }

    /// Where tmux has the pane's cursor (0-based column and row).
    func cursor() -> (x: Int, y: Int)? {
        let text = spawn(["tmux", "-L", socket, "display-message", "-p", "#{cursor_x} #{cursor_y}"]).output
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Whether tmux shows the pane's cursor.
    func cursorIsVisible() -> Bool {
        spawn(["tmux", "-L", socket, "display-message", "-p", "#{cursor_flag}"]).output.hasPrefix("1")
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last capture.
    @discardableResult
    func waitFor(timeout: Double = 30, _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) && Date() < deadline {
            usleep(20_000)
            screen = capture()
        }
        return screen
    }

    /// The exit status of the command, once it has ended.
    func exitStatus(timeout: Double = 30) -> Int32? {
        waitFor(timeout: timeout) { $0.contains("SPOOL-EXITED") }
        return fileText(statusFile).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The pid of the process running in the pane's shell.
    func panePID() -> pid_t? {
        let shell = spawn(["tmux", "-L", socket, "display-message", "-p", "#{pane_pid}"]).output
        guard let shellPID = Int32(shell.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let children =
            fileText("/proc/\(shellPID)/task/\(shellPID)/children") ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }
}

/// The lines of a capture or of `render` output, trailing blanks and empty last lines removed.
func trimmedLines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n").map { line -> String in
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
    while lines.last == "" { lines.removeLast() }
    return lines
}

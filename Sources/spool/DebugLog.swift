import Foundation
import Logging
import SpoolView

/// The debug log: with `SPOOL_LOG=FILE` or `--log FILE`, a run appends what it did to FILE
/// (the version, the terminal, the config and theme problems, which importer read each
/// file and how long it took, the state store's errors, the first frame and the exit) for
/// bug reports. It never writes to the terminal: the reader owns it while curses runs.
enum DebugLog {
    /// This run's logger: it drops everything until ``start(path:)``.
    nonisolated(unsafe) static var logger = Logger(label: "spool") { _ in SwiftLogNoOpLogHandler() }
    nonisolated(unsafe) private static var started = false

    /// Starts appending to `path`, once; a file that cannot be opened is said on stderr and
    /// the run goes on without a log.
    static func start(path: String) {
        guard !started, !path.isEmpty else { return }
        started = true
        guard let handler = FileLogHandler(path: path) else {
            Terminal.printError(
                "spool: \(path): cannot write the debug log there (\(String(cString: strerror(errno)))).")
            return
        }
        logger = Logger(label: "spool") { _ in handler }
        logger.logLevel = .debug
        logger.info(
            "start",
            metadata: [
                "version": "\(Version.text)",
                "arguments": "\(CommandLine.arguments.dropFirst().joined(separator: " "))",
                "TERM": "\(ProcessInfo.processInfo.environment["TERM"] ?? "")",
                "LANG": "\(ProcessInfo.processInfo.environment["LANG"] ?? "")",
            ])
    }

    /// Starts the log `SPOOL_LOG` names, if any.
    static func startFromEnvironment() {
        if let path = ProcessInfo.processInfo.environment["SPOOL_LOG"] { start(path: path) }
    }

    /// Each problem of the config file and the themes.
    static func log(problems: [FileProblem]) {
        for problem in problems { logger.notice("config", metadata: ["problem": "\(problem.description)"]) }
    }

    /// How long `work` takes, logged as `what` with the seconds and the memory after it.
    static func timed<T>(_ what: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        logger.debug("\(what)", metadata: memory.merging(["seconds": "\(String(format: "%.3f", seconds))"]) { $1 })
        return result
    }

    /// The process's resident memory now and at its peak so far, in MiB (`rss_mib`,
    /// `peak_mib`, from `/proc/self/status`; empty where there is none), for the log's
    /// steps: which step made the peak.
    static var memory: Logger.Metadata {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return [:] }
        var metadata: Logger.Metadata = [:]
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { metadata["rss_mib"] = "\(kilobytes / 1024)" }
            if fields[0] == "VmHWM:" { metadata["peak_mib"] = "\(kilobytes / 1024)" }
        }
        return metadata
    }
}

/// A swift-log handler that appends one line a message to a file:
/// `2026-12-02T00:41:07.123Z debug import: seconds=0.214 comments=1145`.
final class FileLogHandler: LogHandler, @unchecked Sendable {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    private let descriptor: Int32
    private let lock = NSLock()

    init?(path: String) {
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        var line = "\(FileLogHandler.timestamp()) \(event.level) \(event.message)"
        if !fields.isEmpty { line += ": " + fields.joined(separator: " ") }
        // One line a message, whatever the text holds.
        let bytes = Array((line.replacingOccurrences(of: "\n", with: "\\n") + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private static func timestamp() -> String {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        var parts = tm()
        var seconds = time.tv_sec
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, time.tv_nsec / 1_000_000)
    }
}

import Foundation
import SpoolImport
import SpoolView

/// Finds and reads `config.toml`: `--config FILE`, else `$XDG_CONFIG_HOME/spool/config.toml`
/// (default `~/.config/spool/config.toml`).
enum ConfigFile {
    static func path(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        let home =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return home + "/spool/config.toml"
    }

    /// The settings; a file given with `--config` must exist, the default one may not.
    static func load(option: String?) throws -> (ReaderConfig, [ConfigProblem]) {
        let file = path(option: option)
        guard FileManager.default.fileExists(atPath: file) else {
            if option != nil {
                throw RuntimeFailure(message: "\(file): no such config file. Check the --config path.", status: 2)
            }
            return (ReaderConfig(), [])
        }
        guard case .success(let bytes) = DiskPath(file).contents() else {
            return (
                ReaderConfig(), [ConfigProblem(file: file, line: nil, message: "cannot be read; using the defaults")]
            )
        }
        return ReaderConfig.parse(toml: String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// One status-line message for the problems: the first, and how many more.
    static func summary(_ problems: [ConfigProblem]) -> String? {
        guard let first = problems.first else { return nil }
        return problems.count == 1
            ? first.description
            : "\(first.description) (and \(problems.count - 1) more; `spool render` prints them all)"
    }
}

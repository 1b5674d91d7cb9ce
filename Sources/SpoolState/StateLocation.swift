import Foundation

/// Where the read-state database lives: `--state-dir`, else `SPOOL_STATE_DIR`, else
/// `$XDG_STATE_HOME/spool`, else `~/.local/state/spool`.
public enum StateLocation {
    public static let fileName = "state.sqlite3"

    /// The folder for the state file.
    public static func folder(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL
    {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let variable = environment["SPOOL_STATE_DIR"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("spool")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: NSHomeDirectory())
        return home.appendingPathComponent(".local/state/spool")
    }
}

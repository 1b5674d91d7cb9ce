import Foundation

/// Where tests write their files: one folder for the test process under the system's
/// temporary folder, removed when the process ends, so a run leaves nothing behind (each
/// test that made a folder of its own there left it: thousands a run). A folder left by a
/// process that ended without cleaning up (killed) is removed by the next run.
public enum Scratch {
    private static let prefix = "spool-tests-"

    /// This process's folder, made on first use.
    public static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        removeAbandoned(in: temporary)
        let url = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.folder) }
        return url
    }()

    /// Removes the folders of test processes that are gone.
    private static func removeAbandoned(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}

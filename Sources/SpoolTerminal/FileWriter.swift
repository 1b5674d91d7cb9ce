import Glibc
import SpoolScreen

/// Writes what the reader saves (a message, a comment, an attachment) to a file the user
/// named, and says in one line where it went or why it could not.
enum FileWriter {
    /// Writes `bytes` to `path` (`~/…` is under `$HOME`): appended when `appending`, else
    /// into a new file only, never over an existing one. Returns the line to show.
    static func write(_ bytes: [UInt8], to path: String, appending: Bool) -> String {
        let fullPath = expandingHome(path)
        let shown = Sanitizer.strippingControls(path)
        var existing = stat()
        let existed = stat(fullPath, &existing) == 0
        if existed && (existing.st_mode & S_IFMT) == S_IFDIR {
            return "Nothing saved: \(shown) is a folder; give a file name in it."
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_EXCL)
        let fd = open(fullPath, flags, 0o644)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            return errno == EEXIST
                ? "Nothing saved: \(shown) already exists (an attachment never overwrites a file); give another name."
                : "Could not save to \(shown): \(reason). Check the folder exists and can be written."
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                return
                    "Could not save to \(shown): \(String(cString: strerror(errno))) after \(written) of \(bytes.count) bytes."
            }
            written += result
        }
        let size = bytes.count < 1024 ? "\(bytes.count) bytes" : "\((bytes.count + 512) / 1024) KB"
        return existed && appending ? "Appended \(size) to \(shown)." : "Saved \(size) to \(shown)."
    }

    /// `~` and `~/…` under `$HOME`; other paths as given (relative to the working folder).
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) else {
            return path
        }
        return home + path.dropFirst()
    }
}

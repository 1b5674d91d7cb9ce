import Foundation

/// How the process ends once the terminal is given back and everything is saved.
///
/// A fetch stopped with `q` is left running on its thread: libcurl has no way to stop a
/// transfer from outside it. Ending the process the ordinary way runs the libraries' exit
/// handlers (OpenSSL frees its locks) while that thread may still be inside them: a crash at
/// exit, seen once in CI (`pthread_rwlock_rdlock` on freed memory, status 139, after
/// "fetching stopped"). After such a fetch the process ends without the exit handlers, its
/// output flushed; otherwise as usual.
enum ProcessEnd {
    /// Set, on the main thread, when a fetch was stopped before its thread finished.
    nonisolated(unsafe) static var fetchLeftRunning = false

    /// Ends the process with `status`.
    static func exit(_ status: Int32) -> Never {
        guard fetchLeftRunning else { Foundation.exit(status) }
        fflush(nil)
        _exit(status)
    }
}

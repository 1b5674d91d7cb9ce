import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

extension ReaderProgram {
    /// A reader on `discussion` at 100x30 with a fixed "now", for tests that press keys
    /// one by one and choose when idle work happens.
    static func testing(_ discussion: Discussion, columns: Int = 100, rows: Int = 30) -> ReaderProgram {
        let options = ReaderOptions(now: Timestamp(year: 2026, month: 1, day: 1))
        return ReaderProgram(
            discussion: discussion, columns: columns, rows: rows, options: options,
            view: ReaderView(theme: .monochrome, options: options))
    }

    /// Handles `key` without the idle work a person's pause would give.
    mutating func press(_ key: Key) { _ = handle(.key(key)) }

    /// The idle work, all of it.
    mutating func finishPendingWork() { _ = HeadlessRunner.finishWork(&self) }
}

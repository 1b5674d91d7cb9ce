import Foundation
import SpoolTestSupport
import Testing

/// `--linear`: the reader for screen readers, in a real terminal — lines on the normal
/// stream (no alternate screen), keys as in the reader, the terminal as it was afterwards.
@Suite struct LinearModeEndToEndTests {
    static let file = Fixture.path("lobsters/lobsters-tdfoqh-2025-depth.json")

    @Test func movesPrintOneLineEachAndEnterPrintsTheComment() {
        let script =
            "'\(spoolBinary)' --linear --state-dir '\(freshStateDir())' '\(Self.file)'; "
            + "echo STTY $(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon)"
        let session = TmuxSession(["sh", "-c", script], columns: 100, rows: 40)
        let opened = session.waitFor { $0.contains("Article: Ranking comments by sum of replies' scores, 10 comments") }
        #expect(
            opened.contains("Spool, linear mode: a line a move; Enter reads, Tab: next unread, ?: keys, q quits."),
            "the first line says the mode:\n\(opened)")
        session.send("j")
        session.waitFor { $0.contains("top level, unread, dpercy, 2022-07-22, 17 points, 3 lines: Maybe take the max") }
        session.send("j")
        session.send("Enter")
        let read = session.waitFor { $0.contains("End of the comment.") }
        let lines = trimmedLines(read)
        #expect(
            lines.contains(
                "top level, unread, friendlysock, 2022-07-23, 8 points, 1 line: For better or worse, the deeper you…"),
            "one line, as wide as the terminal:\n\(read)")
        #expect(lines.contains("friendlysock"), "\(read)")
        #expect(lines.contains { $0.hasPrefix("2022-07-23 01:04:43-05:00 · #m3wyu5 · 8 points · 1 reply below") })
        session.send("/")
        session.sendLiteral("gioele")
        session.send("Enter")
        let found = session.waitFor {
            $0.contains("reply, level 2, unread, original poster, search match, gioele, 2022-07-23")
        }
        #expect(found.contains("Search: gioele\nmatch 1 of 2\n"), "the prompt echoed, then the result:\n\(found)")
        session.send("q")
        #expect(session.exitStatus() == 0)
        let after = session.waitFor { $0.contains("STTY") }
        let modes = trimmedLines(after).first { $0.hasPrefix("STTY") } ?? ""
        #expect(
            modes.contains("echo") && modes.contains("icanon") && !modes.contains("-"),
            "the terminal's modes are back:\n\(after)")
        #expect(after.contains("Spool, linear mode"), "nothing was cleared: the lines stay in the terminal")
    }
}

import Foundation
import SpoolTestSupport
import Testing

/// Folds kept between runs of the real binary: saved as differences from how the
/// discussion opened, so they come back the same on a screen of another size.
@Suite(.serialized) struct FoldsEndToEndTests {
    @Test func aThreadOpenedInTheTerminalIsTheOnlyOneOpenNextTimeAtAnySize() throws {
        let (file, folder) = (Self.file, freshStateDir())
        let session = Self.openedFolded(stateIn: folder)
        session.send("j", "Enter")
        let unfolded = session.waitFor { $0.contains("2/26") && $0.contains("└─ ● François Boulogne") }
        #expect(unfolded.contains("└─ ● François Boulogne"), "\(unfolded)")
        session.send("q")
        #expect(session.exitStatus() == 0)

        // 24 threads fit 60 rows: a first visit there folds nothing; this one keeps the
        // folds it was left with, every thread but the one opened.
        #expect((try Self.saved(file, in: freshStateDir())["collapsed"] as? [String])?.isEmpty == true)
        let reopened = try Self.saved(file, in: folder)
        #expect((reopened["collapsed"] as? [String])?.count == 14, "\(reopened)")
        #expect(reopened["visible"] as? Int == 26, "\(reopened)")
    }

    @Test func leavingWithoutAFoldChangeSavesNoFolds() throws {
        let (file, folder) = (Self.file, freshStateDir())
        let session = Self.openedFolded(stateIn: folder)
        session.send("q")
        #expect(session.exitStatus() == 0)
        // The opening folded every thread for 23 rows; nothing of that was the reader's
        // doing, so a taller screen next time opens as a first visit there would.
        let reopened = try Self.saved(file, in: folder)
        #expect((reopened["collapsed"] as? [String])?.isEmpty == true, "\(reopened)")
        #expect(reopened["visible"] as? Int == 55, "\(reopened)")
    }

    /// 24 threads: folded to one row each on 80x24, all open on 200x60.
    private static let file = Fixture.path("mbox/notmuch-list-2009.mbox")

    /// The reader on ``file`` in an 80x24 pane with its state in `folder`, its first screen shown.
    private static func openedFolded(stateIn folder: String) -> TmuxSession {
        let session = TmuxSession([spoolBinary, file, "--state-dir", folder], columns: 80, rows: 24)
        let opened = session.waitFor { $0.contains("24 threads · 53 messages") && $0.contains("53 unread") }
        #expect(opened.contains("53 unread"), "\(opened)")
        return session
    }

    /// The state `spool render` shows for `file` on a 200x60 screen with the state in `folder`.
    private static func saved(_ file: String, in folder: String) throws -> [String: Any] {
        let result = spawn([spoolBinary, "render", file, "--json", "--size", "200x60", "--state-dir", folder])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        return try #require(json["state"] as? [String: Any])
    }
}

import Foundation
import SpoolTestSupport
import Testing

/// Muting, flags, scores and the new-since baseline in the real binary, kept across runs.
@Suite struct ReadingAidsEndToEndTests {
    static let file = Fixture.path("lobsters/lobsters-tdfoqh-2025-depth.json")

    @Test func muteAndFlagAreKeptAcrossRuns() {
        let state = freshStateDir()
        let first = TmuxSession(
            [spoolBinary, Self.file], columns: 110, rows: 30, environment: ["SPOOL_STATE_DIR": state])
        let opened = first.waitFor { $0.contains("● dpercy  2022-07-22  ▲17  Maybe take the max") }
        #expect(opened.contains("● dpercy  2022-07-22  ▲17  Maybe take the max"), "\(opened)")
        first.send("j")
        first.send("m")
        let muted = first.waitFor { $0.contains("[muted: dpercy]") && $0.contains("2/11  9 unread, 1 muted") }
        #expect(muted.contains("[muted: dpercy] — x shows it") && muted.contains("2/11  9 unread, 1 muted"), "\(muted)")
        first.send("j")
        first.send("F")
        let flagged = first.waitFor {
            $0.contains("friendlysock  2022-07-23  ▲8 ⚑") && $0.contains("Flagged (1 flagged")
        }
        #expect(flagged.contains("▲8 ⚑") && flagged.contains("Flagged (1 flagged"), "\(flagged)")
        first.send("q")
        #expect(first.exitStatus() == 0)

        let second = TmuxSession(
            [spoolBinary, Self.file], columns: 110, rows: 30, environment: ["SPOOL_STATE_DIR": state])
        let reopened = second.waitFor {
            $0.contains("[muted: dpercy]") && $0.contains("▲8 ⚑") && $0.contains("1 muted")
        }
        #expect(reopened.contains("[muted: dpercy]") && reopened.contains("▲8 ⚑"), "\(reopened)")
        second.send("'")
        let limited = second.waitFor { $0.contains("[limit: flagged]") && $0.contains("Limit flagged: 1 of 10") }
        #expect(limited.contains("Limit flagged: 1 of 10"), "\(limited)")
        second.send("q")
        second.send("B")
        let prompt = second.waitFor { $0.contains("New since:") && $0.contains("before: the visit before") }
        #expect(prompt.contains("New since:"), "\(prompt)")
        second.sendLiteral("before")
        second.send("Enter")
        let said = second.waitFor { $0.contains("No visit before your last brought new comments") }
        #expect(said.contains("new is still since your last visit"), "\(said)")
        second.send("q")
        #expect(second.exitStatus() == 0)
    }
}

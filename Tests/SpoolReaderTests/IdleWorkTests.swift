import SpoolCore
import SpoolImport
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

@testable import SpoolReader

/// Counts which bodies it was asked for.
final class CountingBodies: BodySource, @unchecked Sendable {
    private(set) var asked: [Int] = []
    func text(of span: Range<Int>) -> String {
        asked.append(span.lowerBound)
        return "body \(span.lowerBound)"
    }
}

@Suite struct IdleWorkTests {
    @Test func idleTimeGetsTheNeighboursOfTheSelectionReady() {
        let source = CountingBodies()
        let comments = (0..<6).map { index in
            Comment(
                id: String(index), author: "a", date: nil, body: CommentBody(source: source, span: index..<(index + 1)))
        }
        var app = ReaderProgram.testing(Discussion(title: "T", article: nil, format: .web, comments: comments))
        #expect(!app.hasPendingWork)
        app.press(.character("j"))
        app.press(.character("j"))
        _ = app.render()
        #expect(app.hasPendingWork)
        let before = source.asked.count
        app.finishPendingWork()
        #expect(!app.hasPendingWork)
        let fetched = Set(source.asked[before...])
        #expect(fetched == [0, 2], "the rows above and below the selection (comment 1) were asked for while idle")
    }
}

import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// Where the panes go at every size.
@Suite struct PaneLayoutTests {
    @Test func stackedSplitsTheRowsAboveTheStatusLine() {
        let layout = PaneLayout(columns: 80, rows: 24, choice: nil)
        #expect(layout.orientation == .stacked)
        #expect(layout.tree == Rect(x: 0, y: 0, width: 80, height: 9))
        #expect(layout.divider == Rect(x: 0, y: 9, width: 80, height: 1))
        #expect(layout.article == Rect(x: 0, y: 10, width: 80, height: 13))
        #expect(layout.status == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func sideBySideFrom120ColumnsOrWhenAsked() {
        #expect(PaneLayout(columns: 120, rows: 30, choice: nil).orientation == .sideBySide)
        #expect(PaneLayout(columns: 119, rows: 30, choice: nil).orientation == .stacked)
        #expect(PaneLayout(columns: 80, rows: 30, choice: .sideBySide).orientation == .sideBySide)
        #expect(PaneLayout(columns: 39, rows: 30, choice: .sideBySide).orientation == .stacked, "too narrow")
        #expect(PaneLayout(columns: 200, rows: 30, choice: .stacked).orientation == .stacked)
    }

    @Test func theSplitSharesTheScreen() {
        let layout = PaneLayout(columns: 200, rows: 30, choice: .sideBySide, split: 0.25)
        #expect(
            layout.tree.width == 50 && layout.divider.x == 50 && layout.article.x == 51 && layout.article.width == 149)
        let stacked = PaneLayout(columns: 80, rows: 41, choice: .stacked, split: 0.75)
        #expect(stacked.tree.height == 30)
    }

    @Test(arguments: [(0, 0), (1, 1), (3, 2), (10, 4), (10, 5), (40, 3)])
    func tinyScreensGiveTheStatusLineFirstAndNeverOverlap(columns: Int, rows: Int) {
        let layout = PaneLayout(columns: columns, rows: rows, choice: nil)
        let panes = [layout.tree, layout.divider, layout.article, layout.status].filter { !$0.isEmpty }
        for (index, pane) in panes.enumerated() {
            #expect(pane.x >= 0 && pane.maxX <= columns && pane.y >= 0 && pane.maxY <= rows)
            for other in panes[(index + 1)...] { #expect(pane.intersection(other).isEmpty) }
        }
        if rows > 0 { #expect(layout.status == Rect(x: 0, y: rows - 1, width: columns, height: 1)) }
    }
}

/// A discussion with an article and no comments: every key has an answer.
@Suite struct EmptyDiscussionTests {
    @Test func everyKeyIsAnsweredWithoutComments() throws {
        let discussion = Discussion(title: "Alone", article: "Just the article.", format: .web, comments: [])
        var harness = ReaderHarness(discussion: discussion, columns: 80, rows: 24)
        let answers: [(String, String?)] = [
            ("j", "This is the last comment."), ("k", "This is the first row."),
            ("a", "Select a comment to follow its author."),
            ("<Tab>", "No unread comments."), ("r", "Only messages have read marks; select one."),
            ("M", "Everything in the discussion was already read."), ("p", "This is the top of the discussion."),
            ("]", "No next sibling."), ("<Enter>", "No replies to collapse."), ("l", "No replies."),
            ("u", "No web addresses in this comment."), ("n", "No search yet: / searches."),
        ]
        for (key, message) in answers {
            try harness.press(key)
            #expect(harness.message == message, "\(key)")
        }
        #expect(harness.screen.textLines[0] == "Alone  0 comments")
    }
}

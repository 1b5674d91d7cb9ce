import SpoolCore
import Testing

/// Read marks, folds and the rows they leave, on a small tree (nodes are numbered in
/// reading order):
///
///     1 a ─ 2 b ─ 3 d
///         └ 4 c
///     5 e ─ 6 f
@Suite struct ProjectionTests {
    let tree = ThreadTree(discussion([("a", nil), ("b", 0), ("c", 0), ("d", 1), ("e", nil), ("f", 4)]))

    // MARK: - Read marks

    @Test func everyCommentStartsUnreadAndTheRootIsNeverCounted() {
        let marks = ReadMarks(tree: tree)
        #expect(marks.unreadCount == 6)
        #expect(marks.unreadCount(inSubtreeOf: 1, of: tree) == 4)
        #expect(marks.unreadCount(inSubtreeOf: 5, of: tree) == 2)
        #expect(marks.unreadCount(inSubtreeOf: ThreadTree.root, of: tree) == 6)
    }

    @Test func settingAMarkReportsWhetherItChanged() {
        var marks = ReadMarks(tree: tree)
        let first = marks.setRead(2, true)
        let again = marks.setRead(2, true)
        #expect(first && !again, "the second time it was already read")
        #expect(marks.unreadCount == 5 && marks.unreadCount(inSubtreeOf: 1, of: tree) == 3)
        let back = marks.setRead(2, false)
        #expect(back && marks.unreadCount == 6)
    }

    @Test func bulkMarksReturnWhatTheyChanged() {
        var marks = ReadMarks(tree: tree)
        _ = marks.setRead(3, true)
        let read = marks.setRead(1..<5, true)
        #expect(read == [1, 2, 4])
        #expect(marks.unreadCount == 2)
        let unread = marks.setRead(0..<7, false)
        #expect(unread == [1, 2, 3, 4])
    }

    @Test func changesAreHandedOverOnceWithTheLatestMark() {
        var marks = ReadMarks(tree: tree)
        _ = marks.setRead(2, true)
        _ = marks.setRead(3, true)
        _ = marks.setRead(2, false)
        let changes = marks.takeChanges()
        #expect(changes.map(\.node) == [3, 2])
        #expect(changes.map(\.read) == [true, false])
        #expect(marks.takeChanges().isEmpty)
    }

    @Test func unreadJumpsWrapBothWays() {
        var marks = ReadMarks(tree: tree)
        _ = marks.setRead(1..<7, true)
        _ = marks.setRead(2, false)
        _ = marks.setRead(5, false)
        #expect(marks.nextUnread(after: 2) == 5)
        #expect(marks.nextUnread(after: 5) == 2, "wraps to the top")
        #expect(marks.previousUnread(before: 5) == 2)
        #expect(marks.previousUnread(before: 2) == 5, "wraps to the bottom")
        #expect(marks.nextUnread(after: ThreadTree.root) == 2)
        _ = marks.setRead(0..<7, true)
        #expect(marks.nextUnread(after: 1) == nil && marks.previousUnread(before: 1) == nil)
    }

    // MARK: - Folds

    @Test func revealOpensEveryFoldAboveANode() {
        var folds = CollapseState()
        folds.collapse(1)
        folds.collapse(2)
        folds.reveal(3, in: tree)
        #expect(!folds.isCollapsed(1) && !folds.isCollapsed(2))
        folds.collapse(3)
        folds.reveal(3, in: tree)
        #expect(folds.isCollapsed(3), "its own fold stays")
        folds.collapse(2)
        folds.reveal(4, in: tree)
        #expect(folds.isCollapsed(2), "c hangs from a, not from b")
    }

    @Test func everyChangeCountsAndNoChangeDoesNot() {
        var folds = CollapseState()
        let start = folds.version
        folds.collapse(1)
        let once = folds.version
        folds.collapse(1)
        #expect(once > start && folds.version == once)
        folds.toggle(1)
        #expect(!folds.isCollapsed(1) && folds.version > once)
    }

    @Test func collapsingToTheTopLevelFoldsOnlyThreadsWithReplies() {
        var folds = CollapseState()
        folds.collapseToTopLevel(in: tree)
        #expect(folds.nodes == [1, 5])
        folds.expandAll()
        #expect(folds.nodes.isEmpty)
    }

    /// `C`'s folds and rows, read from the list of threads, are those a walk of the tree
    /// finds: on trees of every shape (threads without replies first, between and last;
    /// the root alone).
    @Test func foldingToTheTopLevelMatchesAWalkOfTheTree() {
        var generator = SystemRandomNumberGenerator()
        var shapes: [[(String, Int?)]] = [[], [("a", nil)], [("a", nil), ("b", 0)], [("a", nil), ("b", nil)]]
        for size in [3, 10, 40, 200] {
            for _ in 0..<20 {
                shapes.append(
                    (0..<size).map { index in
                        index == 0 || Int.random(in: 0..<3, using: &generator) == 0
                            ? ("n\(index)", nil) : ("n\(index)", Int.random(in: 0..<index, using: &generator))
                    })
            }
        }
        for shape in shapes {
            let tree = ThreadTree(discussion(shape))
            var walked = CollapseState()
            var node = tree.count > 1 ? 1 : -1
            while node >= 0 {
                if tree.hasChildren(node) { walked.collapse(node) }
                node = tree.nextSibling[node]
            }
            var folds = CollapseState()
            folds.collapse(ThreadTree.root)
            folds.collapseToTopLevel(in: tree)
            #expect(folds == walked, "\(shape)")
            // Rows found thread by thread from the list of threads are those a node-by-node
            // walk finds: under C's folds, under random folds, and under a random limit.
            func walkedRows(_ folds: CollapseState, kept: [Bool]? = nil) -> [Int] {
                var rows: [Int] = []
                var node = 0
                while node < tree.count {
                    if let kept, !kept[node] {
                        node = tree.subtreeEnd[node]
                        continue
                    }
                    rows.append(node)
                    node = folds.isCollapsed(node) ? tree.subtreeEnd[node] : node + 1
                }
                return rows
            }
            #expect(VisibleRows(tree: tree, collapsed: folds).nodes == [0] + tree.topLevel, "\(shape)")
            #expect(VisibleRows(tree: tree, collapsed: walked).nodes == walkedRows(walked), "\(shape)")
            var random = CollapseState()
            for node in 0..<tree.count where Bool.random(using: &generator) { random.collapse(node) }
            let kept = (0..<tree.count).map { $0 == 0 || Int.random(in: 0..<4, using: &generator) > 0 }
            #expect(VisibleRows(tree: tree, collapsed: random).nodes == walkedRows(random), "\(shape)")
            #expect(
                VisibleRows(tree: tree, collapsed: random, kept: kept).nodes == walkedRows(random, kept: kept),
                "\(shape)")
            #expect(tree.topLevelCount == (0..<tree.count).filter { tree.depth[$0] == 1 }.count)
        }
    }

    // MARK: - Visible rows

    @Test func rowsFollowTheFolds() {
        var folds = CollapseState()
        #expect(VisibleRows(tree: tree, collapsed: folds).nodes == [0, 1, 2, 3, 4, 5, 6])
        folds.collapse(2)
        let rows = VisibleRows(tree: tree, collapsed: folds)
        #expect(rows.nodes == [0, 1, 2, 4, 5, 6])
        #expect(rows.row(of: 3) == nil && rows.row(of: 4) == 3)
        #expect(rows.nodes[rows.rowAtOrBefore(3)] == 2, "a hidden node's row is its folded ancestor's")
    }

    @Test func rowsWithNothingFoldedAnswerAsAListWould() {
        var folds = CollapseState()
        folds.collapse(2)
        var open = VisibleRows(tree: tree, collapsed: CollapseState())
        var listed = VisibleRows(tree: tree, collapsed: folds)
        listed.showReplies(of: 2, in: tree, collapsed: CollapseState())
        #expect(open == listed, "the same rows, held as a range and as a list")
        for node in -1...8 {
            #expect(open.row(of: node) == listed.row(of: node), "row of \(node)")
            #expect(open.rowAtOrBefore(node) == listed.rowAtOrBefore(node), "row at or before \(node)")
        }
        #expect((0..<open.count).map { open[$0] } == [0, 1, 2, 3, 4, 5, 6])
        open.hideReplies(of: 1, in: tree)
        listed.hideReplies(of: 1, in: tree)
        #expect(open.nodes == [0, 1, 5, 6] && open == listed)
        let narrowed = VisibleRows(tree: tree, collapsed: CollapseState(), root: 5)
        #expect(narrowed.nodes == [5, 6] && narrowed.row(of: 6) == 1 && narrowed.row(of: 4) == nil)
        #expect(narrowed.rowAtOrBefore(2) == 0 && narrowed.rowAtOrBefore(9) == 1)
    }

    @Test func aNarrowedRootShowsOnlyItsSubtree() {
        let rows = VisibleRows(tree: tree, collapsed: CollapseState(), root: 1)
        #expect(rows.nodes == [1, 2, 3, 4])
    }

    @Test func aLimitKeepsOnlyTheKeptNodes() {
        var kept = [Bool](repeating: false, count: tree.count)
        for node in [0, 5, 6] { kept[node] = true }
        let rows = VisibleRows(tree: tree, collapsed: CollapseState(), kept: kept)
        #expect(rows.nodes == [0, 5, 6])
    }

    @Test func hidingAndShowingRepliesChangesOnlyThoseRows() {
        var folds = CollapseState()
        var rows = VisibleRows(tree: tree, collapsed: folds)
        folds.collapse(1)
        rows.hideReplies(of: 1, in: tree)
        #expect(rows.nodes == VisibleRows(tree: tree, collapsed: folds).nodes)
        folds.collapse(2)
        folds.expand(1)
        rows.showReplies(of: 1, in: tree, collapsed: folds, kept: nil)
        #expect(rows.nodes == [0, 1, 2, 4, 5, 6], "2 stays folded inside the reopened 1")
    }
}

/// Keys that survive re-importing and moving a discussion.
@Suite struct StableKeyTests {
    @Test func sourceIDsAreKeptWithAPrefix() {
        #expect(StableKey.sourceID("<a@b>").rawValue == "id:<a@b>")
        #expect(StableKey.sourceID("1") != StableKey.sourceID("2"))
    }

    @Test func contentKeysDependOnTheContentNotItsSpacing() {
        let date = Timestamp(year: 2014, month: 10, day: 28)
        let a = StableKey.content(title: "T", author: "Ann", date: date, body: "Some  text\n\nhere")
        let b = StableKey.content(title: "T", author: "Ann", date: date, body: "Some text here")
        #expect(a == b)
        #expect(a != StableKey.content(title: "T", author: "Bob", date: date, body: "Some text here"))
        #expect(a != StableKey.content(title: "T", author: "Ann", date: nil, body: "Some text here"))
        #expect(a != StableKey.content(title: "U", author: "Ann", date: date, body: "Some text here"))
    }

    /// Read marks of earlier runs are found by these keys: their values may never change.
    @Test func contentKeysAreTheSameAsEveryEarlierRelease() {
        let date = Timestamp(year: 2014, month: 10, day: 28)
        let keys = [
            "Some  text\n\nhere", " leading\u{3000}and\u{A0}no-break\u{2028}spaces \u{85}", "日本語\tcafé — “q”  ",
            "", "\u{205F}\u{1680}x\u{200A}\u{202F}y\u{2029}",
        ].map { StableKey.content(title: "T", author: "Zoë", date: date, body: $0).rawValue }
        #expect(
            keys == [
                "h:5adcab2633ad4502", "h:e161e3472ef7249e", "h:a1bc73420c39eec5", "h:37494dc3042e748d",
                "h:f8eb5bbdc335119a",
            ])
    }
}

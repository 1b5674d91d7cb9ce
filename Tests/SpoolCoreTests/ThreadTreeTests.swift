import Testing

@testable import SpoolCore

/// Builds a discussion from (author, parent) pairs.
func discussion(_ shape: [(String, Int?)]) -> Discussion {
    Discussion(
        title: "T", article: nil, format: .web,
        comments: shape.enumerated().map { index, entry in
            Comment(id: String(index), author: entry.0, date: nil, body: "body \(index)", parent: entry.1)
        })
}

@Suite struct ThreadTreeTests {
    // 0 a ─ 1 b ─ 3 d
    //     └ 2 c
    // 4 e
    let tree = ThreadTree(discussion([("a", nil), ("b", 0), ("c", 0), ("d", 1), ("e", nil)]))

    @Test func nodesAreInPreOrderUnderTheRoot() {
        #expect(tree.count == 6)
        #expect(tree.commentIndex == [-1, 0, 1, 3, 2, 4])
        #expect(tree.parent == [-1, 0, 1, 2, 1, 0])
        #expect(tree.depth == [0, 1, 2, 3, 2, 1])
    }

    @Test func subtreesAreContiguousRanges() {
        #expect(tree.subtreeEnd == [6, 5, 4, 4, 5, 6])
        #expect(tree.descendantCount(of: 1) == 3)
        #expect(tree.descendantCount(of: ThreadTree.root) == 5)
        #expect(tree.contains(1, 3))
        #expect(!tree.contains(2, 4))
    }

    @Test func siblingsLinkBothWays() {
        #expect(tree.nextSibling[1] == 5)
        #expect(tree.previousSibling[5] == 1)
        #expect(tree.nextSibling[2] == 4)
        #expect(tree.nextSibling[4] == -1)
        #expect(tree.isLastChild(4))
    }

    @Test func guidesDescribeTheTreeLinesWithoutGlyphs() {
        #expect(tree.guides(for: 0) == [])
        #expect(tree.guides(for: 1) == [.tee])
        #expect(tree.guides(for: 3) == [.stem, .stem, .corner])
        #expect(tree.guides(for: 4) == [.stem, .corner])
        #expect(tree.guides(for: 5) == [.corner])
        #expect(tree.guides(for: 3, innermost: 2) == [.stem, .corner])
    }

    @Test func authorsAreInternedWithTheirNodesInReadingOrder() {
        let t = ThreadTree(discussion([("x", nil), ("y", 0), ("x", 1), ("x", nil)]))
        #expect(t.authors == ["x", "y"])
        #expect(t.nodesByAuthor[0] == [1, 3, 4])
    }

    /// Names found through the table of recent names are numbered as a dictionary of their
    /// bytes numbers them: names alike at both ends (one slot), short and long, composed and
    /// decomposed (different bytes), in a random order with repeats.
    @Test func authorsAreNumberedByTheirBytesInOrderOfComing() {
        var generator = SystemRandomNumberGenerator()
        let middles = (0..<300).map { "Anne-Marie \($0) van der Berg-Smith" } + ["Zoë", "Zoe\u{308}", "", "x", "日本 太郎"]
        let names = (0..<20_000).map { _ in middles.randomElement(using: &generator)! }
        var numbering = AuthorNumbering()
        var expected: [[UInt8]: Int] = [:]
        for name in names {
            let number = expected[Array(name.utf8)] ?? expected.count
            expected[Array(name.utf8)] = number
            #expect(numbering.number(of: name) == number, "\(name)")
        }
        #expect(numbering.names.map { Array($0.utf8) } == expected.sorted { $0.value < $1.value }.map(\.key))
    }

    @Test func cyclesAndBadParentsBecomeTopLevel() {
        let t = ThreadTree(discussion([("a", 1), ("b", 0), ("c", 99), ("d", 3)]))
        #expect(t.count == 5)
        #expect(t.depth.filter { $0 == 1 }.count == 3)
    }

    @Test func aHundredThousandDeepChainNeedsNoRecursion() {
        let n = 100_000
        let chain = discussion((0..<n).map { ("u\($0 % 7)", $0 == 0 ? nil : $0 - 1) })
        let t = ThreadTree(chain)
        #expect(t.depth[n] == n)
        #expect(t.guides(for: n).count == n)
        #expect(VisibleRows(tree: t, collapsed: CollapseState(collapsed: [1])).count == 2)
    }
}

@Suite struct VisibleRowsTests {
    let tree = ThreadTree(discussion([("a", nil), ("b", 0), ("c", 0), ("d", 1), ("e", nil)]))

    @Test func collapsingHidesDescendantsOnly() {
        let rows = VisibleRows(tree: tree, collapsed: CollapseState(collapsed: [2]))
        #expect(rows.nodes == [0, 1, 2, 4, 5])
        #expect(rows.row(of: 3) == nil)
        #expect(rows.row(of: 4) == 3)
        #expect(rows.rowAtOrBefore(3) == 2)
    }

    @Test func collapseToTopLevelKeepsTheRootOpen() {
        var state = CollapseState()
        state.collapseToTopLevel(in: tree)
        #expect(state.nodes == [1])
        #expect(VisibleRows(tree: tree, collapsed: state).nodes == [0, 1, 5])
        state.reveal(3, in: tree)
        #expect(state.nodes.isEmpty)
    }
}

@Suite struct NavigationTests {
    let tree = ThreadTree(discussion([("ann", nil), ("bob", 0), ("ann", 1), ("cy", nil), ("ann", 3)]))

    @Test func sameAuthorJumpWrapsAndCounts() throws {
        let first = try #require(tree.jumpBySameAuthor(from: 1, forward: true))
        #expect(first.node == 3 && first.ordinal == 2 && first.total == 3 && first.author == "ann")
        let wrapped = try #require(tree.jumpBySameAuthor(from: 5, forward: true))
        #expect(wrapped.node == 1 && wrapped.ordinal == 1)
        let back = try #require(tree.jumpBySameAuthor(from: 1, forward: false))
        #expect(back.node == 5 && back.ordinal == 3)
        #expect(tree.jumpBySameAuthor(from: ThreadTree.root, forward: true) == nil)
    }

    @Test func unreadSearchWrapsAndSkipsTheRoot() {
        var marks = ReadMarks(tree: tree)
        #expect(marks.unreadCount == 5)
        for node in [1, 2, 3] { marks.setRead(node, true) }
        #expect(marks.unreadCount == 2)
        #expect(marks.nextUnread(after: 0) == 4)
        #expect(marks.nextUnread(after: 5) == 4)
        #expect(marks.previousUnread(before: 4) == 5)
        let changedRoot = marks.setRead(ThreadTree.root, false)
        #expect(!changedRoot)
        #expect(marks.unreadCount(inSubtreeOf: 4, of: tree) == 2)
        #expect(marks.unreadCount(inSubtreeOf: 5, of: tree) == 1)
        #expect(marks.unreadCount(inSubtreeOf: 1, of: tree) == 0)
        #expect(marks.unreadCount(inSubtreeOf: 0, of: tree) == 2)
        marks.setRead(4, true)
        marks.setRead(5, true)
        #expect(marks.unreadCount(inSubtreeOf: 0, of: tree) == 0)
        #expect(marks.nextUnread(after: 0) == nil)
    }
}

@Suite struct ModelValueTests {
    @Test func timestampsConvertToEpochAndISO() {
        let t = Timestamp(year: 2014, month: 10, day: 29, hour: 0, minute: 2)
        #expect(t.iso8601 == "2014-10-29T00:02")
        #expect(Timestamp(secondsSinceEpoch: t.secondsSinceEpoch).iso8601 == "2014-10-29T00:02Z")
        #expect(Timestamp(year: 2024, month: 2, day: 29).isValid)
        #expect(!Timestamp(year: 2023, month: 2, day: 29).isValid)
        #expect(
            Timestamp(year: 2020, month: 1, day: 1, hour: 1, utcOffsetMinutes: 60).iso8601 == "2020-01-01T01:00+01:00")
    }

    @Test func contentKeysIgnoreWhitespaceAndSeparateDiscussions() {
        let date = Timestamp(year: 2014, month: 10, day: 28)
        let a = StableKey.content(title: "T", author: "Ann", date: date, body: "Hello  world\n\nagain")
        let b = StableKey.content(title: "T", author: "Ann", date: date, body: "Hello world again")
        let c = StableKey.content(title: "Other", author: "Ann", date: date, body: "Hello world again")
        #expect(a == b)
        #expect(a != c)
        #expect(a.rawValue.hasPrefix("h:") && a.rawValue.count == 18)
        #expect(StableKey.sourceID("<x@y>").rawValue == "id:<x@y>")
    }
}

@Suite struct PreOrderInputTests {
    @Test func commentsAlreadyInReadingOrderKeepIt() {
        // Same tree as ThreadTreeTests, listed in reading order.
        let ordered = ThreadTree(discussion([("a", nil), ("b", 0), ("d", 1), ("c", 0), ("e", nil)]))
        #expect(ordered.commentIndex == [-1, 0, 1, 2, 3, 4])
        #expect(ordered.parent == [-1, 0, 1, 2, 1, 0])
        #expect(ordered.subtreeEnd == [6, 5, 4, 4, 5, 6])
    }

    @Test func aParentAfterItsReplyIsSortedNotTrusted() {
        let tree = ThreadTree(discussion([("reply", 1), ("parent", nil)]))
        #expect(tree.commentIndex == [-1, 1, 0])
        #expect(tree.parent == [-1, 0, 1])
    }
}

@Suite struct CompactTimestampTests {
    @Test func outOfRangeFieldsStayInvalidAndInRangeOnesRoundTrip() {
        #expect(!Timestamp(year: 2020, month: 300, day: 1).isValid)
        #expect(!Timestamp(year: 2020, month: 1, day: 1, hour: 1000).isValid)
        let date = Timestamp(year: 2019, month: 1, day: 5, hour: 19, minute: 13, second: 12, utcOffsetMinutes: -240)
        #expect(date.iso8601 == "2019-01-05T19:13:12-04:00")
        #expect(Timestamp(secondsSinceEpoch: date.secondsSinceEpoch).secondsSinceEpoch == date.secondsSinceEpoch)
        #expect(Timestamp(year: Int.max, month: 1, day: 1).year == Int(Int32.max))
    }
}

@Suite struct IncrementalRowsTests {
    /// Folding and unfolding random nodes one at a time gives the rows a full rebuild gives.
    @Test(arguments: [false, true])
    func togglesMatchAFullRebuild(withLimit: Bool) {
        var seed: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let shape: [(String, Int?)] = (0..<400).map { index in
            ("a\(index % 9)", index == 0 || next(5) == 0 ? nil : index - 1 - next(min(index, 12)))
        }
        let tree = ThreadTree(discussion(shape))
        let kept: [Bool]? =
            withLimit ? (0..<tree.count).map { node in node == 0 || tree.parent[node] == 0 || next(3) > 0 } : nil
        // A limit keeps every ancestor of what it keeps.
        var closedKept = kept
        if var k = closedKept {
            for node in stride(from: tree.count - 1, through: 1, by: -1) where k[node] { k[tree.parent[node]] = true }
            closedKept = k
        }
        var collapse = CollapseState()
        var rows = VisibleRows(tree: tree, collapsed: collapse, kept: closedKept)
        for _ in 0..<600 {
            let node = rows[next(rows.count)]
            guard tree.hasChildren(node) else { continue }
            collapse.toggle(node)
            if collapse.isCollapsed(node) {
                rows.hideReplies(of: node, in: tree)
            } else {
                rows.showReplies(of: node, in: tree, collapsed: collapse, kept: closedKept)
            }
            #expect(rows == VisibleRows(tree: tree, collapsed: collapse, kept: closedKept))
        }
    }

    @Test func collapseStateBitsRoundTrip() {
        var state = CollapseState(collapsed: [3, 64, 200])
        #expect(state.nodes == [3, 64, 200])
        state.expand(64)
        state.toggle(5)
        #expect(state.nodes == [3, 5, 200])
        #expect(!state.isCollapsed(100_000) && !state.isCollapsed(-1))
        #expect(state == CollapseState(collapsed: [200, 5, 3]))
        state.expandAll()
        #expect(state == CollapseState())
    }
}

@Suite struct ReadMarksIndexTests {
    /// Next/previous unread through the counts agree with a plain scan, wrapping, for
    /// marks set one by one and in bulk.
    @Test func unreadJumpsAgreeWithAScan() {
        let tree = ThreadTree(discussion((0..<300).map { ("a", $0 == 0 ? nil : $0 - 1 - $0 % 3) }))
        var marks = ReadMarks(tree: tree)
        var seed: UInt64 = 99
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<40 {
            if round % 5 == 4 {
                let start = next(tree.count)
                _ = marks.setRead(start..<min(tree.count, start + next(200)), round % 2 == 0)
            } else {
                for _ in 0..<20 { marks.setRead(1 + next(tree.count - 1), next(3) > 0) }
            }
            let unread = (1..<tree.count).filter { !marks.isRead($0) }
            #expect(marks.unreadCount == unread.count)
            #expect(marks.unreadCount(inSubtreeOf: 0, of: tree) == unread.count)
            for node in [0, 1, next(tree.count), tree.count - 1] {
                #expect(marks.nextUnread(after: node) == (unread.first { $0 > node } ?? unread.first))
                #expect(marks.previousUnread(before: node) == (unread.last { $0 < node } ?? unread.last))
            }
        }
    }
}

import Foundation
import GRDB
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolState
import SpoolTestSupport
import SpoolView
import Testing

/// A fresh folder for one test's state file.
func temporaryFolder() throws -> URL {
    let folder = Scratch.folder.appendingPathComponent("spool-state-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

func page(_ comments: [(String, String)], title: String = "A title") throws -> Discussion {
    var text = "\(title)\n\nArticle.\n\n\(comments.count) Comments\n"
    for (index, comment) in comments.enumerated() {
        text += "\n  \(index + 1). \(comment.0) March \(index + 1), 2024 at 9:00 am #\n\n    \(comment.1)\n"
    }
    return try Fixture.web(text)
}

@Suite struct SQLiteStateStoreTests {
    @Test func mutesBookmarksAndTheVisitBeforeRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite3").path
        let a = StableKey(rawValue: "h:a")
        let b = StableKey(rawValue: "h:b")
        let c = StableKey(rawValue: "h:c")
        do {
            let store = try SQLiteStateStore(path: path)
            try store.setMuted([("Ann", true), ("Bob", true)])
            try store.setMuted([("Bob", false)])
            try store.setBookmarked([(a, true), (b, true)], in: "d")
            try store.setBookmarked([(a, false)], in: "d")
            try store.recordVisit(discussion: "d", title: "T", seen: [a])
            #expect(try store.load(discussion: "d").seenBeforeLastVisit == nil, "one visit: nothing before it")
            try store.recordVisit(discussion: "d", title: "T", seen: [a, b])
            try store.recordVisit(discussion: "d", title: "T", seen: [a, b])
        }
        let store = try SQLiteStateStore(path: path)
        let saved = try store.load(discussion: "d")
        #expect(saved.mutedAuthors == ["Ann"])
        #expect(try store.load(discussion: "other").mutedAuthors == ["Ann"], "muting holds in every discussion")
        #expect(saved.bookmarks == [b])
        #expect(try store.load(discussion: "other").bookmarks.isEmpty)
        #expect(saved.previouslySeen == KeyFingerprints([a, b]))
        #expect(
            saved.seenBeforeLastVisit == KeyFingerprints([a]),
            "the visit that brought b is the last; one that brought nothing does not move it")
        try store.recordVisit(discussion: "d", title: "T", seen: [a, b, c])
        #expect(try store.load(discussion: "d").seenBeforeLastVisit == KeyFingerprints([a, b]))
    }

    @Test func marksFoldsAndVisitsRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite3").path
        let a = StableKey(rawValue: "h:a")
        let b = StableKey(rawValue: "h:b")
        do {
            let store = try SQLiteStateStore(path: path)
            #expect(try store.load(discussion: "d") == SavedState())
            try store.recordVisit(discussion: "d", title: "T", seen: [a, b])
            try store.setRead([(a, true), (b, true)], in: "d")
            try store.setRead([(b, false)], in: "d")
            try store.setFolds([(a, true), (b, true), (.articleRoot, true)], default: .open, in: "d")
            try store.setFolds([(b, nil)], default: .open, in: "d")
        }
        let reopened = try SQLiteStateStore(path: path)
        var expected = SavedState(readKeys: [a], collapsedKeys: [a, .articleRoot], previouslySeen: [a, b])
        expected.foldDefault = .open
        #expect(try reopened.load(discussion: "d") == expected)
        #expect(try reopened.load(discussion: "other") == SavedState(), "discussions never share marks")
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func keysWithQuotesBackslashesControlsAndUnicodeRoundTrip() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStateStore(path: folder.appendingPathComponent("state.sqlite3").path)
        let odd = [
            "id:<a\"b@x>", "id:<back\\slash>", "id:line\nbreak\ttab\u{1}\u{1F}", "id:<café 日本語 🧵>",
            "id:/slash/", "id:\u{7F}del", "id:",
        ].map(StableKey.init(rawValue:))
        try store.setFolds(odd.map { ($0, true) }, default: .open, in: "d")
        try store.setRead(odd.map { ($0, true) }, in: "d")
        let loaded = try store.load(discussion: "d")
        #expect(loaded.collapsedKeys == Set(odd))
        #expect(loaded.readKeys == Set(odd))
        try store.setFolds(odd.dropFirst().map { ($0, nil) }, default: .open, in: "d")
        try store.setRead(odd.dropLast().map { ($0, false) }, in: "d")
        let after = try store.load(discussion: "d")
        #expect(after.collapsedKeys == [odd[0]], "each unfold found its own key")
        #expect(after.readKeys == [odd[odd.count - 1]])
    }

    @Test func foldsAreKeptAsDifferencesFromTheirDefault() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStateStore(path: folder.appendingPathComponent("state.sqlite3").path)
        let (a, b, c) = (StableKey(rawValue: "h:a"), StableKey(rawValue: "h:b"), StableKey(rawValue: "h:c"))
        #expect(try store.load(discussion: "d").foldDefault == nil, "nothing saved: the opening chooses")
        try store.setFolds([(a, true), (b, false), (c, false)], default: .threads, in: "d")
        try store.setFolds([(c, nil), (a, false)], default: .threads, in: "d")
        let loaded = try store.load(discussion: "d")
        #expect(loaded.foldDefault == .threads)
        #expect(loaded.collapsedKeys.isEmpty)
        #expect(loaded.expandedKeys == [a, b])
        #expect(try store.load(discussion: "e").foldDefault == nil)
    }

    /// A state file at schema `version` with `rows` written into it, as an older Spool left it.
    private func olderFile(at version: String, in folder: URL, _ rows: String) throws -> String {
        let path = folder.appendingPathComponent("state.sqlite3").path
        let old = try DatabaseQueue(path: path)
        try SQLiteStateStore.migrator.migrate(old, upTo: version)
        try old.write { try $0.execute(sql: rows) }
        return path
    }

    @Test func foldsOfAnOlderFileAreEveryFoldOverNothingFolded() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try olderFile(at: "v5", in: folder, "INSERT INTO fold VALUES ('d', 'h:a'), ('d', 'h:b')")
        let store = try SQLiteStateStore(path: path)
        let loaded = try store.load(discussion: "d")
        #expect(loaded.foldDefault == .open)
        #expect(loaded.collapsedKeys == [StableKey(rawValue: "h:a"), StableKey(rawValue: "h:b")])
        #expect(loaded.expandedKeys.isEmpty)
        #expect(try store.load(discussion: "e").foldDefault == nil, "a discussion without folds chooses")
    }

    @Test func foldValuesOfAnyTypeInAStateFileAreReadNotFatal() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try olderFile(
            at: "v6", in: folder,
            "INSERT INTO fold VALUES ('d', 'h:a', 'yes'), ('d', 'h:b', 0), ('d', 'h:c', x'00');"
                + " INSERT INTO foldDefault VALUES ('d', 'threads')")
        let loaded = try SQLiteStateStore(path: path).load(discussion: "d")
        #expect(loaded.foldDefault == .threads)
        #expect(loaded.collapsedKeys == [StableKey(rawValue: "h:a"), StableKey(rawValue: "h:c")])
        #expect(loaded.expandedKeys == [StableKey(rawValue: "h:b")])
    }

    @Test func migratingFromTheFirstSchemaKeepsMarks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try olderFile(at: "v1", in: folder, "INSERT INTO readMark VALUES ('d', 'h:a', 1.0)")
        #expect(try DatabaseQueue(path: path).read { try $0.tableExists("visit") } == false)
        let store = try SQLiteStateStore(path: path)
        #expect(try store.load(discussion: "d").readKeys == [StableKey(rawValue: "h:a")])
        #expect(try store.load(discussion: "d").previouslySeen == nil)
        let applied = try DatabaseQueue(path: path).read { try SQLiteStateStore.migrator.appliedIdentifiers($0) }
        #expect(Set(applied) == ["v1", "v2", "v3", "v4", "v5", "v6"])
    }

    @Test func theSeenCommentsOfAnOlderFileBecomeFingerprints() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite3").path
        do {
            let old = try DatabaseQueue(path: path)
            try SQLiteStateStore.migrator.migrate(old, upTo: "v3")
            try old.write {
                try $0.execute(
                    sql: """
                        INSERT INTO visit VALUES ('d', 'T', 1.0);
                        INSERT INTO seenComment VALUES ('d', 'h:a'), ('d', 'h:b'), ('e', 'h:c');
                        """)
            }
        }
        let store = try SQLiteStateStore(path: path)
        let seen = try #require(try store.load(discussion: "d").previouslySeen)
        #expect(seen == [StableKey(rawValue: "h:a"), StableKey(rawValue: "h:b")])
        try store.recordVisit(discussion: "d", title: "T", seen: [StableKey(rawValue: "h:z")])
        let after = try #require(try store.load(discussion: "d").previouslySeen)
        #expect(after.count == 3 && after.contains(StableKey(rawValue: "h:a")), "earlier visits stay seen")
        let tables = try DatabaseQueue(path: path).read { try $0.tableExists("seenComment") }
        #expect(!tables, "the old table is gone")
    }

    @Test func aVisitOfAHundredThousandCommentsIsEightBytesEach() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite3").path
        let store = try SQLiteStateStore(path: path)
        let keys = (0..<100_000).map { StableKey(rawValue: "id:<\($0)@example.org>") }
        try store.recordVisit(discussion: "d", title: "T", seen: KeyFingerprints(keys))
        let size = try DatabaseQueue(path: path).read {
            try Int.fetchOne($0, sql: "SELECT length(fingerprints) FROM seenSet WHERE discussion = 'd'")
        }
        #expect(size == 800_000)
        let seen = try #require(try store.load(discussion: "d").previouslySeen)
        #expect(keys.allSatisfy(seen.contains))
        #expect(!seen.contains(StableKey(rawValue: "id:<x@example.org>")))
    }

    @Test func twoWritersOnOneFileKeepEachOthersMarks() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite3").path
        _ = try SQLiteStateStore(path: path)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try! SQLiteStateStore(path: path)
                    for n in 0..<150 { try! store.setRead([(StableKey(rawValue: "h:\(writer)-\(n)"), true)], in: "d") }
                }
            }
        }
        #expect(try SQLiteStateStore(path: path).load(discussion: "d").readKeys.count == 300)
    }
}

@Suite struct StableIdentityTests {
    @Test func anUpdatedCopyKeepsMarksAndItsNewCommentsAreNew() throws {
        let first = try page([("Ann", "One."), ("Bob", "Two.")])
        let updated = try page([("Ann", "One."), ("Bob", "Two."), ("Cy", "Three.")])
        #expect(first.identity == updated.identity)
        let keeper = StateKeeper(store: InMemoryStateStore(), discussionID: first.identity)
        keeper.recordVisit(title: first.title, seen: KeyFingerprints(first.comments.map(\.key)))
        keeper.save(readChanges: [(first.comments[0].key, true)])
        let saved = keeper.load()
        #expect(saved.readKeys == [updated.comments[0].key])
        let harness = ReaderHarness(discussion: updated, columns: 80, rows: 24, saved: saved)
        #expect(harness.reader.marks.unreadCount == 2)
        #expect(harness.reader.newCount == 1)
        #expect(harness.reader.isNew[3], "Cy's comment is new")
        #expect(harness.screen.textLines.contains { $0.contains("N Cy") })
        #expect(harness.screen.textLines.last?.contains("2 unread, 1 new") == true)
    }

    @Test func aRenamedOrMovedFileIsTheSameDiscussion() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let moved = folder.appendingPathComponent("renamed-copy.txt")
        try FileManager.default.copyItem(atPath: Fixture.path(Fixture.seed), toPath: moved.path)
        let original = try Fixture.discussion(Fixture.seed)
        let copy = try DiscussionFile.load(path: moved.path)
        #expect(copy.identity == original.identity)
        #expect(copy.comments.map(\.key) == original.comments.map(\.key))
        let archive = try Fixture.discussion("mbox/notmuch-list-2009.mbox")
        let other = try Fixture.discussion("mbox/notmuch-threading-and-duplicates.mbox")
        #expect(archive.identity != other.identity)
        #expect(try page([("A", "x")], title: "One").identity != page([("A", "x")], title: "Two").identity)
    }
}

@Suite struct StateKeeperTests {
    @Test func aCorruptStoreIsLeftUntouchedAndTheReaderGoesOn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(StateLocation.fileName)
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: file)
        let keeper = StateKeeper(folder: folder, discussionID: "d")
        #expect(keeper.warning?.contains("is not a readable Spool database") == true)
        keeper.save(readChanges: [(StableKey(rawValue: "h:a"), true)])
        #expect(keeper.load().readKeys == [StableKey(rawValue: "h:a")], "kept in memory")
        #expect(try Data(contentsOf: file) == garbage, "the file is not touched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [StateLocation.fileName])
    }

    @Test func anUnwritableFolderGivesAWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let keeper = StateKeeper(folder: blocker.appendingPathComponent("spool"), discussionID: "d")
        #expect(keeper.warning?.hasPrefix("Read state not saved: ") == true)
        keeper.save(foldChanges: [(StableKey(rawValue: "h:a"), true)], default: .open)
        #expect(keeper.load().collapsedKeys == [StableKey(rawValue: "h:a")])
    }

    @Test func theStateFolderFollowsOptionEnvironmentAndXDG() {
        #expect(StateLocation.folder(option: "/tmp/x", environment: ["SPOOL_STATE_DIR": "/y"]).path == "/tmp/x")
        #expect(
            StateLocation.folder(option: nil, environment: ["SPOOL_STATE_DIR": "/y", "XDG_STATE_HOME": "/z"]).path
                == "/y")
        #expect(StateLocation.folder(option: nil, environment: ["XDG_STATE_HOME": "/z"]).path == "/z/spool")
        #expect(
            StateLocation.folder(option: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/spool")
    }

    @Test func foldsComeBackAndNestedFoldsSurviveTheirParent() throws {
        let d = try Fixture.discussion(Fixture.seed)
        var harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try harness.press("jjjjj<Enter>")  // nothing to fold on 4.1 (a leaf)
        try harness.press("k<Enter>")  // fold 4
        let folds = harness.reader.collapsedKeys
        #expect(folds == [d.comments[3].key])
        let reopened = ReaderHarness(discussion: d, columns: 80, rows: 24, saved: SavedState(collapsedKeys: folds))
        #expect(reopened.reader.rows.count == 15)
        var nested = ReaderHarness(
            discussion: d, columns: 80, rows: 24, saved: SavedState(collapsedKeys: [d.comments[3].key, .articleRoot]))
        #expect(nested.reader.rows.count == 1, "the article folded hides everything")
        try nested.press("<Enter>")
        #expect(nested.reader.rows.count == 15, "re-expanding the article keeps comment 4 folded")
    }

    @Test func collapseReadFoldsSubtreesWithNothingUnread() throws {
        let d = try Fixture.discussion(Fixture.seed)
        let read = Set(d.comments.filter { $0.id.hasPrefix("4") }.map(\.key))
        let harness = ReaderHarness(
            discussion: d, columns: 80, rows: 24, saved: SavedState(readKeys: read),
            options: ReaderOptions(now: ReaderHarness.now, collapsesReadSubtrees: true))
        #expect(harness.reader.collapse.nodes == [4], "only comment 4's subtree is all read")
    }
}

/// What was typed at the prompts, kept across runs and shared by every discussion.
@Suite struct PromptHistoryStoreTests {
    @Test func entriesComeBackOldestFirstForEveryDiscussion() throws {
        let path = try temporaryFolder().appendingPathComponent("state.sqlite3").path
        let store = try SQLiteStateStore(path: path)
        try store.addHistory([("search", "edna"), ("pipe", "wc -l"), ("search", "Vera")])
        try store.addHistory([("search", "edna")])
        let again = try SQLiteStateStore(path: path)
        #expect(try again.load(discussion: "other").promptHistory == ["search": ["Vera", "edna"], "pipe": ["wc -l"]])
    }

    @Test func twoInstancesKeepBothHistories() throws {
        let path = try temporaryFolder().appendingPathComponent("state.sqlite3").path
        let first = try SQLiteStateStore(path: path)
        let second = try SQLiteStateStore(path: path)
        try first.addHistory([("limit", "unread")])
        try second.addHistory([("limit", "author:edna")])
        #expect(try first.load(discussion: "d").promptHistory["limit"] == ["unread", "author:edna"])
    }

    @Test func eachPromptKeepsItsNewestEntriesOnly() throws {
        let path = try temporaryFolder().appendingPathComponent("state.sqlite3").path
        let store = try SQLiteStateStore(path: path)
        let many = (0..<(SQLiteStateStore.historyLoaded + 10)).map { (kind: "search", entry: "q\($0)") }
        try store.addHistory(many)
        try store.addHistory([("pipe", "cat")])
        let history = try store.load(discussion: "d").promptHistory
        #expect(history["search"]?.count == SQLiteStateStore.historyLoaded)
        #expect(history["search"]?.last == "q\(SQLiteStateStore.historyLoaded + 9)")
        #expect(history["pipe"] == ["cat"])
    }
}

/// Where the reader left each discussion.
@Suite struct PlaceStoreTests {
    @Test func thePlaceComesBackForItsDiscussionOnly() throws {
        let path = try temporaryFolder().appendingPathComponent("state.sqlite3").path
        let store = try SQLiteStateStore(path: path)
        let place = SavedPlace(selected: StableKey(rawValue: "h:1"), rowOnScreen: 4, articleScroll: 7)
        try store.setPlace(place, in: "d")
        try store.setPlace(SavedPlace(selected: .articleRoot, rowOnScreen: 0, articleScroll: 0), in: "e")
        let again = try SQLiteStateStore(path: path)
        #expect(try again.load(discussion: "d").place == place)
        #expect(try again.load(discussion: "e").place?.selected == .articleRoot)
        #expect(try again.load(discussion: "f").place == nil)
    }
}

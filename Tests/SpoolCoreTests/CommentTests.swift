import Testing

@testable import SpoolCore

/// A comment's compact fields read back as they were set.
@Suite struct CommentTests {
    @Test func parentAndScoreReadBackAsSet() {
        var comment = SpoolCore.Comment(id: "a", author: "Ann", date: nil, body: "hi", parent: 7)
        #expect(comment.parent == 7 && comment.score == nil)
        comment.parent = nil
        comment.score = 0
        #expect(comment.parent == nil && comment.score == 0)
        comment.parent = Int(Int32.max)
        comment.score = -12
        #expect(comment.parent == Int(Int32.max) && comment.score == -12)
        comment.score = nil
        #expect(comment.score == nil)
        #expect(SpoolCore.Comment(id: "a", author: "Ann", date: nil, body: "hi", parent: 0).parent == 0)
    }

    @Test func aCommentTakesNoPadding() {
        // A million-message archive holds a million comments: every 8 bytes here is 8 MB.
        #expect(MemoryLayout<SpoolCore.Comment>.stride <= 136)
    }
}

/// Ids kept together in a ``SourceIDList`` act as the same ids held as strings.
@Suite struct SourceIDListTests {
    static let texts = ["<a@example.org>", "", "<ü@x>", "<a@example.org>", "<tail-id>"]

    static func list() -> SourceIDList {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for text in texts {
            bytes += Array(text.utf8)
            ends.append(bytes.count)
        }
        return SourceIDList(bytes: bytes, ends: ends)
    }

    @Test func idsReadBackAsTheyWereWritten() {
        let list = Self.list()
        #expect((0..<list.count).map { list[$0] } == Self.texts)
        #expect((0..<list.count).map { list.isEmpty(at: $0) } == [false, true, false, false, false])
    }

    @Test func aListedKeyIsTheSameKeyAsItsTextHeldAlone() {
        let list = Self.list()
        for (index, text) in Self.texts.enumerated() {
            let listed = StableKey.sourceID(in: list, at: index)
            let alone = StableKey.sourceID(text)
            #expect(listed == alone && alone == listed)
            #expect(listed.hashValue == alone.hashValue)
            #expect(listed.rawValue == alone.rawValue && listed.rawValue == "id:" + text)
            #expect(listed.fingerprint == alone.fingerprint)
            #expect(listed == StableKey(rawValue: "id:" + text))
            #expect(listed.sourceID == text)
            for tail in ["", "g>", "d:" + text, "id:" + text, "xid:" + text, "<a"] {
                #expect(listed.textEnds(with: tail) == alone.textEnds(with: tail), "\(text) \(tail)")
            }
            var pieces = ""
            listed.forEachTextPiece { pieces += $0 }
            #expect(pieces == alone.rawValue)
        }
        #expect(StableKey.sourceID(in: list, at: 0) == StableKey.sourceID(in: list, at: 3), "the same id twice")
        #expect(StableKey.sourceID(in: list, at: 0) != StableKey.sourceID(in: list, at: 2))
        #expect(StableKey.sourceID(in: list, at: 1) != StableKey(rawValue: ""), "an id key is never a text key")
        #expect(Set([StableKey.sourceID(in: list, at: 0), StableKey.sourceID("<a@example.org>")]).count == 1)
    }

    @Test func aCommentWithAListedIdKeepsItWhenItsKeyChanges() {
        let list = Self.list()
        var listed = SpoolCore.Comment(id: 2, of: list, author: "Ann", date: nil, body: "hi")
        let alone = SpoolCore.Comment(id: "<ü@x>", author: "Ann", date: nil, body: "hi")
        #expect(listed.id == "<ü@x>" && listed.key == .sourceID("<ü@x>"))
        #expect(listed == alone && listed.hashValue == alone.hashValue)
        listed.key = StableKey(rawValue: listed.key.rawValue + "#2")
        #expect(listed.id == "<ü@x>" && listed.key.rawValue == "id:<ü@x>#2")
        listed.id = "<other>"
        #expect(listed.id == "<other>" && listed.key.rawValue == "id:<ü@x>#2")
    }
}

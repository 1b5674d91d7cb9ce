import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Hostile and extreme input: bounded time and memory, no crash, no recursion.
@Suite struct PathologicalInputTests {
    private func mbox(_ messages: [(id: String, headers: String, body: String)]) -> [UInt8] {
        var out = ""
        for message in messages {
            out +=
                "From x Mon Jan  1 00:00:00 2024\nFrom: a@x\nMessage-ID: <\(message.id)>\n\(message.headers)\n\n\(message.body)\n\n"
        }
        return Array(out.utf8)
    }

    @Test func aReplyChainOneHundredThousandDeepGoesThroughEveryLayer() throws {
        let n = 100_000
        var text = ""
        text.reserveCapacity(n * 90)
        for i in 0..<n {
            text += "From x Mon Jan  1 00:00:00 2024\nFrom: u\(i % 50)@x\nMessage-ID: <\(i)@x>\n"
            if i > 0 { text += "In-Reply-To: <\(i - 1)@x>\n" }
            text += "\nm\(i)\n\n"
        }
        let d = try MboxImporter().parse(Array(text.utf8), file: "chain.mbox")
        #expect(d.comments.count == n)
        let tree = ThreadTree(d)
        #expect(tree.depth.max() == n)
        let json = d.exportJSON()
        #expect(json.utf8.count < 100_000_000, "export stays linear in size")
        var harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try harness.press("G<Tab>aA<PgUp>pC<resize:1x1>E<resize:80x24>G")
        #expect(harness.screen.textLines.contains { $0.contains("‹") }, "deep rows show their depth")
    }

    @Test func aMillionSiblings() throws {
        let comments = (0..<1_000_000).map {
            Comment(id: "\($0)", author: "a\($0 % 1000)", date: nil, body: "x", parent: nil)
        }
        let d = Discussion(title: "Wide", article: nil, format: .web, comments: comments)
        var harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        try harness.press("GajjCE<Tab>")
        #expect(harness.reader.rows.count == 1_000_001)
        #expect(!harness.screen.textLines.isEmpty)
    }

    @Test func aHundredMegabyteLine() throws {
        var bytes = Array("Title\n\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "w"), count: 100_000_000)
        let d = try DiscussionFile.parse(bytes: bytes, file: "huge.txt")
        #expect(d.article?.utf8.count == 100_000_000)
        let harness = ReaderHarness(discussion: d, columns: 80, rows: 24)
        #expect(!harness.screen.textLines.isEmpty)
        #expect(
            harness.articleLines.suffix(6).contains { $0.text.contains("KB more not shown") },
            "the pane wraps a bounded start")
    }

    @Test func mailEdgeCasesImportWithoutFailing() throws {
        let bytes = mbox([
            ("nul@x", "Subject: has NUL", "before\u{0}after"),
            (
                "mime@x", "Content-Type: multipart/mixed; boundary=\"b\"",
                "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nnot base64 at all!!\n--b\nContent-Type: text/pl"
            ),
            ("big@x", "Subject: " + String(repeating: "s", count: 1_000_000), "big header"),
            ("loop-a@x", "In-Reply-To: <loop-b@x>", "a"),
            ("loop-b@x", "In-Reply-To: <loop-a@x>", "b"),
            ("b64@x", "Content-Transfer-Encoding: base64", "%%% this is not base64 %%%"),
        ])
        let d = try MboxImporter().parse(bytes, file: "edge.mbox")
        #expect(d.comments.filter { !$0.isPlaceholder }.count == 6)
        #expect(d.comments.contains { $0.body.text.contains("after") })
        #expect(
            d.comments.contains { $0.body.text.contains("not base64 at all") }, "an undecodable part shows as it is")
        #expect(d.notices.contains { $0.contains("reference loop") }, "the loop is cut and reported")
        let tree = ThreadTree(d)
        #expect(tree.count == d.comments.count + 1)
        let harness = ReaderHarness(discussion: d, columns: 60, rows: 20)
        #expect(!harness.screen.textLines.isEmpty)
    }

    @Test func jsonNestedOneHundredThousandDeepIsRefusedClearly() throws {
        let depth = 100_000
        let bytes = Array(
            ("{\"children\": [" + String(repeating: "{\"children\": [", count: depth)
                + String(repeating: "]}", count: depth) + "]}").utf8)
        do {
            _ = try DiscussionFile.parse(bytes: bytes, file: "deep.json")
            Issue.record("parsed")
        } catch let error as ImportError {
            #expect(error.description.hasPrefix("deep.json:1: nests JSON deeper than 512 levels"))
        }
    }

    @Test func jsonJustPastFoundationsLimitGetsSpoolsMessage() throws {
        let bytes = Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        #expect(throws: ImportError.self) { try DiscussionFile.parse(bytes: bytes, file: "deep.json") }
        do {
            _ = try DiscussionFile.parse(bytes: bytes, file: "deep.json")
        } catch let error as ImportError {
            #expect(
                error.description
                    == "deep.json:1: nests JSON deeper than 512 levels (513 here); no discussion export does, so the file is refused."
            )
        }
        let fine = Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)
        #expect(throws: ImportError.self) { try DiscussionFile.parse(bytes: fine, file: "ok.json") }
        do {
            _ = try DiscussionFile.parse(bytes: fine, file: "ok.json")
        } catch let error as ImportError {
            #expect(!error.description.contains("nests JSON"), "512 levels parse; the file is refused for its shape")
        }
    }

    @Test func hostileTextIsNeutralisedOnScreen() throws {
        let d = try Fixture.discussion("hostile.txt")
        let harness = ReaderHarness(discussion: d, columns: 120, rows: 40)
        var screen = harness.screen
        var all = screen.textDump
        var h = harness
        try h.press("jj")
        screen = h.screen
        all += screen.textDump
        for scalar in all.unicodeScalars {
            #expect(
                !Sanitizer.isUnsafe(scalar) || scalar == "\n", "U+\(String(scalar.value, radix: 16)) reached the screen"
            )
        }
        #expect(all.contains("^[[2J"))
        #expect(all.contains("^[]52;c;"))
        #expect(all.contains("^[]8;;http://evil.example/^[\\"))
        #expect(all.contains("^G"))
        #expect(all.contains("<U+009B>"))
        #expect(all.contains("<U+202E>"))
        #expect(all.contains("<U+2066>"))
    }
}

@Suite struct ReviewRegressionTests {
    @Test func textFullOfLessThanSignsAndOpenEncodedWordsStaysText() {
        let html = String(repeating: "a < b ", count: 20_000)
        #expect(HTMLText.plainText(html).hasPrefix("a < b a < b"))
        let header = String(repeating: "=?utf-8?q?a b ", count: 20_000)
        #expect(EncodedWords.decode(header) == header)
    }

    @Test func itemsWithoutIdsGetStableDistinctKeys() throws {
        let json = #"[{"author": "a", "text": "one"}, {"author": "b", "text": "two"}]"#
        let first = try DiscussionFile.parse(bytes: Array(json.utf8), file: "flat.json")
        let again = try DiscussionFile.parse(bytes: Array(json.utf8), file: "flat.json")
        #expect(first.comments.map(\.key) == again.comments.map(\.key), "the same file gives the same keys")
        #expect(Set(first.comments.map(\.key)).count == 2)
    }
}

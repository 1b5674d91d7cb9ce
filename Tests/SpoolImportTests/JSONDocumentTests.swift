import Foundation
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// The tape parser behind every JSON importer: what it accepts, what it refuses (with the
/// line and column), and that its values are Foundation's.
struct JSONDocumentTests {
    private func document(_ text: String) throws -> JSONDocument {
        try JSONDocument(Array(text.utf8), file: "t.json")
    }

    private func refusal(_ text: String) -> String? {
        do {
            _ = try document(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Every JSON file among the fixtures reads as `JSONSerialization` reads it.
    @Test func everyFixtureGivesFoundationsValues() throws {
        let files = FileManager.default.enumerator(atPath: Fixture.folder.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") }
        #expect(files.count >= 20)
        for file in files {
            let data = try Data(contentsOf: Fixture.folder.appendingPathComponent(file))
            let expected = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            let ours = try JSONDocument(Array(data), file: file)
            #expect(Self.same(ours.foundationValue(ours.root), expected), "\(file)")
        }
    }

    @Test func nodesSkipWholeContainers() throws {
        let json = try document(#" {"a": [1, 2, {"b": null}], "c": "d"} "#)
        #expect(json.nodes.count == 10)
        let members = Array(json.children(json.root))
        #expect(members.count == 4)
        #expect(json.string(members[0]) == "a" && json.kind(members[1]) == .array)
        #expect(json.string(members[2]) == "c" && json.string(members[3]) == "d")
        let list = try #require(json.member(json.root, "a"))
        #expect(Array(json.children(list)).map { json.kind($0) } == [.number, .number, .object])
        #expect(json.objects(list) == nil)
        #expect(json.text(json.root, "c") == "d")
        #expect(json.member(json.root, "b") == nil)
    }

    @Test func stringsDecodeEscapesAndSurrogates() throws {
        let json = try document(
            #"["caf\u00e9 \ud83d\ude00", "a\"b\\c\/d\n\t", "lone \ud800 x", "\udc00", "plain résumé"]"#)
        let texts = Array(json.children(json.root)).map { json.string($0) }
        #expect(texts == ["café 😀", "a\"b\\c/d\n\t", "lone \u{FFFD} x", "\u{FFFD}", "plain résumé"])
    }

    @Test func keysCompareAsTextAndTheLastRepeatWins() throws {
        let json = try document(#"{"a\u0062": 1, "id": 2, "id": 3}"#)
        #expect(json.int(json.root, "ab") == 1)
        #expect(json.int(json.root, "id") == 3)
        #expect((json.foundationValue(json.root) as? [String: Any])?["id"] as? Int == 3)
    }

    @Test func numbersReadAsFoundationReadsThem() throws {
        let json = try document(#"[0, -12, 18446744073709551615, 1.5, -2e3, 1E2, 40000001]"#)
        let numbers = Array(json.children(json.root)).compactMap { json.number($0) }
        #expect(numbers.map(\.doubleValue) == [0, -12, 18_446_744_073_709_551_616, 1.5, -2000, 100, 40_000_001])
        #expect(numbers[2].uint64Value == UInt64.max)
        #expect(numbers.last?.stringValue == "40000001")
        let item = try document(#"{"id": 7, "dead": true, "deleted": 0, "time": "1700000000", "flag": false}"#)
        #expect(item.text(item.root, "id") == "7")
        #expect(item.bool(item.root, "dead") && !item.bool(item.root, "deleted") && !item.bool(item.root, "flag"))
        #expect(item.text(item.root, "dead") == nil)
        #expect(item.unixDate(item.root, "time")?.secondsSinceEpoch == 1_700_000_000)
    }

    @Test func aByteOrderMarkAndUTF16AreReadAsFoundationReadsThem() throws {
        let text = #"{"a": "café"}"#
        let marked = try JSONDocument([0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "t.json")
        #expect(marked.text(marked.root, "a") == "café")
        for encoding in [String.Encoding.utf16, .utf16LittleEndian, .utf16BigEndian, .utf32] {
            let data = try #require(text.data(using: encoding))
            let document = try JSONDocument(Array(data), file: "t.json")
            #expect(document.text(document.root, "a") == "café", "\(encoding)")
        }
    }

    @Test func scalarsAtTheTopAreValues() throws {
        #expect(try document(" \"x\" ").string(0) == "x")
        #expect(try document("null").kind(0) == .null)
        #expect(try document("[]").children(0).map { $0 }.isEmpty)
    }

    @Test func malformedTextIsRefusedWithItsLineAndColumn() {
        let cases: [(String, String)] = [
            ("", "the text ends where a value was expected at line 1, column 1"),
            ("{\"a\": 1,\n  \"b\": }", "expected a value at line 2, column 8"),
            ("[1, 2", "the text ends inside an array at line 1, column 6"),
            ("{\"a\" 1}", "expected : after a member name at line 1, column 6"),
            ("[1,]", "expected a value at line 1, column 4"),
            ("{\"a\": 1,}", "expected a member name in double quotes at line 1, column 9"),
            ("[01]", "a number with a leading zero at line 1, column 2"),
            ("[1.]", "a number without digits after its point at line 1, column 2"),
            ("[-]", "a number without digits at line 1, column 2"),
            ("[\"a\tb\"]", "a control character inside a string (escape it as \\u00XX) at line 1, column 4"),
            ("[\"\\x\"]", "an unknown escape at line 1, column 3"),
            ("[\"\\u12g4\"]", "\\u without four hexadecimal digits at line 1, column 3"),
            ("[\"open", "a string that is never closed at line 1, column 2"),
            ("[tru]", "expected a value at line 1, column 2"),
            ("{} {}", "unexpected text after the JSON value at line 1, column 4"),
            ("[1 2]", "expected , or ] after a value at line 1, column 4"),
            ("[\"é\", x]", "expected a value at line 1, column 7"),
        ]
        for (text, problem) in cases {
            let line = problem.split(separator: " line ").last.flatMap { $0.split(separator: ",").first } ?? "?"
            #expect(
                refusal(text)
                    == "t.json:\(line): is not valid JSON (\(problem)). Check that the export is complete.",
                "\(text)")
        }
    }

    @Test func nestingPastTheLimitIsRefusedInItsOwnWords() {
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(refusal(deep)?.hasPrefix("t.json:1: nests JSON deeper than 512 levels (513 here)") == true)
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(refusal(fine) == nil)
    }

    /// Structural equality of two Foundation JSON values (numbers by value, as Foundation compares them).
    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let a as [String: Any], let b as [String: Any]):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        case (let a as [Any], let b as [Any]):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (let a as String, let b as String): return a == b
        case (let a as NSNumber, let b as NSNumber): return a == b
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }
}

import Foundation
import SpoolScreen
import SpoolTestSupport
import Testing

@testable import SpoolView

/// The canonical form both parsers' results are compared in: type-tagged, floats by their
/// bits, tables with sorted keys, dates by kind only.
func canonical(_ value: TOMLValue) -> String {
    switch value {
    case .boolean(let flag): return "b:" + (flag ? "true" : "false")
    case .integer(let number): return "i:\(number)"
    case .float(let number):
        if number.isNaN { return "f:nan" }
        let hex = String(number.bitPattern, radix: 16)
        return "f:" + String(repeating: "0", count: 16 - hex.count) + hex
    case .string(let text): return "s:" + jsonASCII(text)
    case .dateTime: return "d"
    case .array(let values): return "[" + values.map(canonical).joined(separator: ",") + "]"
    case .table(let table):
        return "{" + table.keys.sorted().map { jsonASCII($0) + "=" + canonical(table[$0]!) }.joined(separator: ",")
            + "}"
    }
}

/// A string as Python's `json.dumps(ensure_ascii=True)` writes it.
private func jsonASCII(_ text: String) -> String {
    var out = "\""
    for unit in text.utf16 {
        switch unit {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
        default:
            let hex = String(unit, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
    return out + "\""
}

/// Python's `tomllib` (the standard library's TOML 1.0 parser) reads the same documents.
let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The parser against Python's `tomllib` on thousands of documents made by mutating valid
/// ones: the same documents are accepted, with the same values, and the same are refused.
@Suite(.enabled(if: python != nil, "python3 with tomllib is needed to compare")) struct TOMLDifferentialTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("toml_canonical.py").path

    static let seeds = [
        "theme = \"nord\"\nlayout = \"side-by-side\"\nsplit = 0.35\n[keys]\nnext-comment = [\"j\", \"<C-n>\"]\nquit = 'Q'\n",
        "a.b.c = 1\na.d = 'x'\n[e]\nf = { g = 1, h.i = [1, 2.5, -3e2] }\n[[t]]\nx = 1\n[[t]]\ny = true\n",
        "s = \"\"\"\nline \\\n  two\\u00e9\\U0001F600\"\"\"\nl = '''\nraw \\n'''\nd = 1979-05-27T07:32:00Z\nt = 07:32:00.5\n",
        "n = [ # comment\n  1, # one\n  2,\n]\nhex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101\nf = +inf\ng = -nan\nh = 1_000\n",
        "\"quoted key\" = 1\n'literal key' = 2\nbare-key_1 = 3\n[a . b]\nc = \"\\t\\\"\"\n[a.\"b c\"]\n",
    ]

    static let alphabet = Array("[]{}=,.\"'\n #\\a1_-+e:TZxu\t0")

    /// Deterministic mutations of the seeds (a small linear congruential generator).
    static func documents(count: Int) -> [String] {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var documents = seeds
        while documents.count < count {
            var text = Array(seeds[next(seeds.count)])
            for _ in 0..<(1 + next(4)) {
                let at = text.isEmpty ? 0 : next(text.count)
                switch next(3) {
                case 0 where !text.isEmpty: text.remove(at: at)
                case 1: text.insert(alphabet[next(alphabet.count)], at: at)
                default:
                    if !text.isEmpty { text[at] = alphabet[next(alphabet.count)] }
                }
            }
            documents.append(String(text))
        }
        return documents
    }

    @Test func tomllibAndSpoolAgreeOnMutatedDocuments() throws {
        let documents = Self.documents(count: 10000)
        let input = Scratch.folder.appendingPathComponent("toml-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        try JSONSerialization.data(withJSONObject: documents).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [Self.script, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = try #require(try JSONSerialization.jsonObject(with: output) as? [String])
        #expect(expected.count == documents.count)
        var agreed = 0
        var refusedByBoth = 0
        for (document, theirs) in zip(documents, expected) {
            let ours: String
            do {
                ours = canonical(.table(try TOMLParser.parse(document)))
            } catch {
                ours = "ERROR"
            }
            if theirs == "BIGINT" { continue }  // Python's integers are unbounded; TOML's are 64 bits
            #expect(ours == theirs, "\(document.debugDescription)")
            if ours == theirs { agreed += 1 }
            if ours == "ERROR" && theirs == "ERROR" { refusedByBoth += 1 }
        }
        #expect(refusedByBoth > 500 && agreed - refusedByBoth > 500, "both kinds of document were tried")
    }
}

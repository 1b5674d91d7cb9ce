import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// A page left in its file, split in parts that begin at blank lines: the lines, comments,
/// keys and bodies of reading it whole in one pass.
@Suite struct WebPagePartsTests {
    /// Over 12 MB, with CRLF, lone CR and LF line ends, tabs, trailing blanks, blank lines of
    /// spaces and tabs, and sequences cut or invalid next to line ends.
    private static let mixedPage: [UInt8] = {
        var bytes: [UInt8] = []
        var line = 0
        while bytes.count < 12 << 20 {
            bytes += Array("\t  \(line). Zoë café \u{A0}body ".utf8)
            if line % 7 == 0 { bytes += [0xE2, 0x80] }
            if line % 11 == 0 { bytes += [0xFF] }
            bytes += line % 3 == 0 ? [0x0D, 0x0A] : line % 5 == 0 ? [0x0D] : [0x0A]
            if line % 13 == 0 { bytes += [0x20, 0x09, 0x0A] }
            if line % 17 == 0 { bytes += [0x0D, 0x0D, 0x0A] }
            line += 1
        }
        return bytes
    }()

    @Test(arguments: [1, 4096, 2 << 20])
    func aPageReadInPartsHasTheLinesOfOnePass(partSize: Int) throws {
        let page = try PageFile(
            store: ByteStore(bytes: Self.mixedPage, path: "big.txt"), file: "big.txt", partSize: partSize)
        let expected = Self.linesInOnePass(Self.mixedPage)
        #expect(page.partCount > (partSize < 12 << 20 ? 4 : 0))
        var byParts: [String] = []
        for part in 0..<page.partCount {
            let lines = try #require(page.lines(ofPart: part))
            #expect(lines.indices == page.lineNumbers(ofPart: part))
            if part > 0 { #expect(lines[lines.startIndex].isBlank, "a part begins at a blank line") }
            byParts += lines.map { "\($0.indent)|\($0.text)" }
            // What the scans read of a line without making it is what the line holds.
            let differing = lines.indices.filter { index in
                let line = lines[index]
                return !lines.withBytes(of: index) { $0.elementsEqual(line.text.utf8) }
                    || lines.firstByte(index) != line.text.utf8.first || lines.indent(index) != line.indent
                    || lines.isBlank(index) != line.isBlank
            }
            #expect(differing.isEmpty, "lines read in place unlike the lines made: \(differing.prefix(3))")
        }
        #expect(byParts == expected)
        // Any run of lines read alone: across parts, from and to blank lines, a single line.
        for range in [0..<page.lineCount, 5..<9, 12..<13, 1000..<250_000, (page.lineCount - 3)..<page.lineCount] {
            let lines = try #require(page.lines(range))
            #expect(lines.indices == range)
            #expect(lines.map { "\($0.indent)|\($0.text)" } == Array(expected[range]), "\(range)")
        }
    }

    @Test func aPageIsItsPartsEndToEndWhateverItsLastBytes() throws {
        for text in ["a\n", "a", "a\n\n", "a\r", "a\r\n\r\n  ", "a\n \n\tb\r\r\n\nc", "\n\nx\n \n"] {
            let page = try PageFile(store: ByteStore(bytes: Array(text.utf8), path: "p"), file: "p", partSize: 1)
            let lines = try #require(page.lines(0..<page.lineCount))
            #expect(
                lines.map { "\($0.indent)|\($0.text)" } == Self.linesInOnePass(Array(text.utf8)),
                "\(text.debugDescription)")
        }
    }

    @Test func aNulByteIsReportedAtItsOffsetWhicheverPartHoldsIt() {
        var bytes = Array(String(repeating: "line\n\n", count: 1000).utf8)
        bytes[4321] = 0
        #expect(throws: ImportError(file: "p.txt", reason: .binary(offset: 4321))) {
            try PageFile(store: ByteStore(bytes: bytes, path: "p.txt"), file: "p.txt", partSize: 64)
        }
    }

    /// Every web text the tests hold, split at every blank line, imports as it does whole.
    @Test(arguments: [
        "community-care-baby-p.txt", "gduarte-blog-comments-anatomy.md", "gduarte-blog-comments-cache.md",
        "hostile.txt",
    ])
    func aPageSplitAtEveryBlankLineImportsAsWhole(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let whole = try WebPageImporter(partSize: Int.max / 2).parse(bytes, file: name)
        let parts = try WebPageImporter(partSize: 1).parse(bytes, file: name)
        Self.expectSame(parts, whole)
    }

    /// Pages built to put count lines, unmarked headers, mentions and bodies running over
    /// many parts at the part bounds.
    @Test(arguments: [
        "Title\n\nIntro.\n\n3 Responses to “Title”\n\n1. Ann March 2, 2024 at 9:38 am #\n\nbody\n\nmore\n\n\n2. Bob March 3, 2024 at 9:38 am #\n\n@Ann: yes\n\n3. Cy March 4, 2024 at 9:38 am #\n\nlast\n",
        "Title\n\n3 Responses\n\nAnn March 2, 2024 at 9:38 am\n\nbody\n\nBob March 3, 2024 at 9:38 am\n\n@ann, right\n\nmore\n",
        "2 Comments on “Title”\n\n  • Ann March 2, 2024 at 9:38 am #\n\n    text\n\n      • Bob March 3, 2024\n        at 9:38 am #\n\n        reply\n",
        "---\ntitle: x\n---\n\n# Title\n\nArticle [link](http://a.b) text\nwrapped.\n\n**2 Responses to “Title”**\n\n1. Ann on March 2, 2024 at 9:38 am\n\n   soft\n   wrapped\n\n2. Bob on March 3, 2024 at 9:38 am\n\n   @Ann: see [it](http://c.d)\n",
        "Title\n\nno comments here\n\n\nat all\n",
    ])
    func pagesSplitAtEveryBlankLineImportAsWhole(text: String) throws {
        let bytes = Array(text.utf8)
        let whole = try WebPageImporter(partSize: Int.max / 2).parse(bytes, file: "p.txt")
        for size in [1, 8, 30] {
            let parts = try WebPageImporter(partSize: size).parse(bytes, file: "p.txt")
            Self.expectSame(parts, whole)
        }
    }

    /// A search reads bodies by whole parts, kept for the next; shown bodies are read alone.
    @Test func bodiesReadByTheirPartAreTheBodiesReadAlone() throws {
        let bytes = try Fixture.bytes("community-care-baby-p.txt")
        let alone = try WebPageImporter(partSize: 256).parse(bytes, file: "page.txt").comments.map(\.body.text)
        // Another import, so that nothing is kept from the reads above.
        let comments = try WebPageImporter(partSize: 256).parse(bytes, file: "page.txt").comments
        #expect(comments.indices.map { comments[$0].body.textOnce } == alone)
        #expect(comments.indices.reversed().map { comments[$0].body.textOnce } == alone.reversed())
        #expect(alone.allSatisfy { !$0.isEmpty })
    }

    @Test func aPageIsReadFromItsFileAndItsBodiesFromThereWhenShown() throws {
        let path = Scratch.folder.appendingPathComponent("page-\(UUID().uuidString).txt").path
        let text =
            "Title\n\n2 Responses\n\n1. Ann March 2, 2024 at 9:38 am #\n\nfirst body\n\n2. Bob March 3, 2024 at 9:38 am #\n\nsecond\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let discussion = try DiscussionFile.load(path: path)
        #expect(discussion.comments.map(\.author) == ["Ann", "Bob"])
        #expect(discussion.comments[0].body.text == "first body")
        #expect(discussion.comments[0].body.span != nil, "left in the file")
        // Changed under the reader: a body says so instead of showing other bytes.
        try Data("short".utf8).write(to: URL(fileURLWithPath: path))
        #expect(discussion.comments[1].body.text.contains("changed since it was opened"))
    }

    private static func expectSame(_ a: Discussion, _ b: Discussion, sourceLocation: SourceLocation = #_sourceLocation)
    {
        #expect(a.title == b.title, sourceLocation: sourceLocation)
        #expect(a.article == b.article, sourceLocation: sourceLocation)
        #expect(a.notices == b.notices, sourceLocation: sourceLocation)
        #expect(a.authorLinks == b.authorLinks, sourceLocation: sourceLocation)
        #expect(a.comments.count == b.comments.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.comments, b.comments) {
            #expect(
                [
                    x.id, x.author, x.key.rawValue, x.body.text, "\(String(describing: x.parent))",
                    "\(String(describing: x.date))",
                ]
                    == [
                        y.id, y.author, y.key.rawValue, y.body.text, "\(String(describing: y.parent))",
                        "\(String(describing: y.date))",
                    ],
                sourceLocation: sourceLocation)
        }
    }

    /// The lines as a plain reading makes them: the whole decoded, then split at each line
    /// end, indentation counted (a tab to the next multiple of four) and blanks trimmed.
    private static func linesInOnePass(_ bytes: [UInt8]) -> [String] {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var lines: [String] = []
        var current: [Unicode.Scalar] = []
        func close() {
            var indent = 0
            var start = 0
            while start < current.count, current[start] == " " || current[start] == "\t" {
                indent = current[start] == " " ? indent + 1 : indent + 4 - indent % 4
                start += 1
            }
            var end = current.count
            while end > start, current[end - 1] == " " || current[end - 1] == "\t" { end -= 1 }
            var text = ""
            text.unicodeScalars.append(contentsOf: current[start..<end])
            lines.append("\(indent)|\(text)")
            current = []
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r" || scalar == "\n" {
                close()
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else {
                current.append(scalar)
            }
            index += 1
        }
        if !current.isEmpty { close() }
        return lines
    }
}

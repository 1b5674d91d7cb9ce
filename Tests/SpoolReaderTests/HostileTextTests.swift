import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolTestSupport
import SpoolView
import Testing

/// Text from a discussion never reaches a cell as a control character, whatever pane or
/// mode draws it.
@Suite struct HostileTextTests {
    static let nasty = "\u{1B}]52;c;ZXZpbA==\u{7}\u{1B}[2J\u{9B}31m\u{202E}evil\u{0}\u{8}\r"

    static var discussion: Discussion {
        Discussion(
            title: "Title " + nasty, article: "Article " + nasty, articleAuthor: "Writer" + nasty, format: .web,
            comments: [
                Comment(
                    id: "1", author: "Ann" + nasty, date: nil, body: "Body " + nasty + " https://x.example/" + nasty),
                Comment(id: "1.1", author: nasty, date: nil, subject: "Re: " + nasty, body: nasty, parent: 0),
            ])
    }

    static let scripts = ["", "j", "jj", "?", "/ann", "Lann", "i", "ijj", "jz", "jw", "ju", "jjv", "jj<Enter>"]

    @Test(arguments: scripts)
    func noCellHoldsAControlCharacter(script: String) throws {
        for options in [ReaderOptions(now: ReaderHarness.now), ReaderOptions(now: ReaderHarness.now, plain: true)] {
            var harness = ReaderHarness(discussion: Self.discussion, columns: 90, rows: 20, options: options)
            try harness.press(script)
            let screen = harness.screen
            for cell in screen.cells {
                #expect(
                    !cell.grapheme.unicodeScalars.contains(where: Sanitizer.isUnsafe), "\(script): \(cell.grapheme)")
            }
        }
    }

    @Test func warningsAndPromptsAreCleanedToo() throws {
        var harness = ReaderHarness(discussion: Self.discussion, columns: 90, rows: 20)
        harness.notice("state: " + Self.nasty)
        try harness.press("/")
        for key in Self.nasty.map({ Key.character($0) }) { _ = harness.runner.handle(.key(key)) }
        for cell in harness.screen.cells {
            #expect(!cell.grapheme.unicodeScalars.contains(where: Sanitizer.isUnsafe))
        }
    }

    @Test func theAddressListShowsAddressesCleaned() throws {
        var harness = ReaderHarness(discussion: Self.discussion, columns: 90, rows: 20)
        try harness.press("ju")
        guard case .choosingURL(let urls) = harness.reader.mode else {
            Issue.record("the address list did not open")
            return
        }
        #expect(urls == ["https://x.example/"], "the address ends at the first control character")
        try harness.press("1")
        #expect(harness.takeCommands() == [.open("https://x.example/")])
    }

    @Test func copiedAndPagedTextCarriesNoControls() throws {
        var harness = ReaderHarness(discussion: Self.discussion, columns: 90, rows: 20)
        try harness.press("jye|cat<Enter>")
        let commands = harness.takeCommands()
        #expect(commands.count == 3)
        for command in commands {
            switch command {
            case .copy(let text), .page(let text):
                #expect(!text.unicodeScalars.contains { Sanitizer.isUnsafe($0) && $0 != "\n" }, "\(command)")
                #expect(text.contains("Ann]52;c;ZXZpbA==[2J31mevil"))
            case .pipe(_, let text):
                #expect(text == harness.reader.selectedText, "a command reading the pipe gets the text exactly")
            default: Issue.record("unexpected \(command)")
            }
        }
    }
}

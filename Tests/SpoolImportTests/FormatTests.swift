import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// One name for each format, one importer protocol, and the content that picks it.
@Suite struct FormatTests {
    @Test func theNamesAreTheExportsAndFromsNames() {
        #expect(
            Format.allCases.map(\.rawValue) == [
                "web", "mbox", "hn", "reddit", "lobsters", "discourse", "github", "mastodon", "bluesky", "discord",
                "disqus",
                "wordpress", "stackexchange", "slack", "html",
            ])
    }

    @Test(arguments: [
        (Format.web, Fixture.seed), (.mbox, "mbox/mbox_single.mbox"), (.hn, "json/hn-17-algolia-items-api.json"),
        (.reddit, "json/reddit-Python-2xmo63.json"), (.lobsters, "lobsters/lobsters-tdfoqh-2025-depth.json"),
        (.discourse, "discourse/discourse-api-gem-topic.json"),
        (.github, "github/github-pr-review-comments-in-reply-to.json"),
        (.mastodon, "mastodon/mastodon-tchncs-109303266941599451-context-2022.json"),
    ])
    func eachFormatsImporterReadsItsFiles(format: Format, file: String) throws {
        let discussion = try format.importer().parse(try Fixture.bytes(file), file: file)
        #expect(discussion.format == format)
        #expect(!discussion.comments.isEmpty)
        #expect(try DiscussionFile.parse(bytes: Fixture.bytes(file), file: file, format: format).format == format)
    }

    @Test(arguments: [
        (Fixture.seed, Format.web), ("mbox/mbox_single.mbox", .mbox), ("mbox/nntp_1.txt", .mbox),
        ("json/hn-17-algolia-items-api.json", .hn), ("json/reddit-LifeProTips-441hsf-context-czmp112.json", .reddit),
    ])
    func sniffingNamesTheFormatFromTheContent(file: String, format: Format) throws {
        #expect(try DiscussionFile.parse(bytes: Fixture.bytes(file), file: file).format == format)
    }

    @Test func theSnifferLooksPastWhiteSpaceAndAByteOrderMark() {
        #expect(FormatSniffer.isJSON(Array("\u{FEFF}  \n {\"a\": 1}".utf8)))
        #expect(!FormatSniffer.isJSON(Array("Title\n{not json".utf8)))
        #expect(
            FormatSniffer.textFormat(Array("\n\nFrom someone@example.org Sat Jan  3 01:05:34 1996\nSubject: x\n".utf8))
                == .mbox)
        #expect(
            FormatSniffer.textFormat(Array("From: Ann <a@example.org>\nSubject: Hi\nDate: x\n\nbody\n".utf8)) == .mbox,
            "a single message")
        #expect(FormatSniffer.textFormat(Array("From here on it is a web page\n\nwith text".utf8)) == .web)
        #expect(FormatSniffer.textFormat(Array("Title: a blog post\nAuthor: me\nno blank line".utf8)) == .web)
    }

    @Test func aForcedFormatThatDoesNotFitSaysSo() throws {
        #expect(throws: ImportError.self) {
            try DiscussionFile.parse(bytes: Fixture.bytes(Fixture.seed), file: "seed.txt", format: .hn)
        }
        let error = try #require(
            throws: ImportError.self,
            performing: { try DiscussionFile.parse(bytes: Array("[1, 2, 3]".utf8), file: "numbers.json") })
        #expect(error.description.contains("numbers.json"))
        #expect(error.description.contains("Pass --from"))
    }

    @Test func anEmptyFileIsAnErrorWhateverTheFormat() {
        for format in [nil] + Format.allCases.map(Optional.some) {
            #expect(throws: ImportError.self) { try DiscussionFile.parse(bytes: [], file: "empty", format: format) }
        }
    }
}

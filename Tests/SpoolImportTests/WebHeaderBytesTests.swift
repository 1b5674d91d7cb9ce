import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Web page headers read as bytes, and bodies kept as the page's lines: the same dates,
/// names, texts and keys as reading them as characters and copying each body out.
@Suite struct WebHeaderBytesTests {
    /// A header's text, the author text before its date, and the date's fields.
    struct DatedHeader: CustomStringConvertible, Sendable {
        let text: String
        let before: String
        let fields: [Int]?
        var description: String { text }
    }

    @Test(arguments: [
        DatedHeader(
            text: "Ruth Smith October 28, 2014 at 5:07 pm #", before: "Ruth Smith", fields: [2014, 10, 28, 17, 7, 0]),
        DatedHeader(text: "Ann on January 27th, 2009 9:00 PM", before: "Ann", fields: [2009, 1, 27, 21, 0, 0]),
        DatedHeader(text: "Bo 28 October 2014 at 14:05", before: "Bo", fields: [2014, 10, 28, 14, 5, 0]),
        DatedHeader(text: "Cy 2014-10-28T11:24", before: "Cy", fields: [2014, 10, 28, 11, 24, 0]),
        DatedHeader(text: "Di - 2014-10-28 11:24:05", before: "Di -", fields: [2014, 10, 28, 11, 24, 5]),
        DatedHeader(text: "Ed Sept 3, 2014 11.24am", before: "Ed", fields: [2014, 9, 3, 11, 24, 0]),
        DatedHeader(text: "Fay 28th Oct. 2014 12:10 a.m.", before: "Fay", fields: [2014, 10, 28, 0, 10, 0]),
        DatedHeader(
            text: "Gus\u{A0}October\u{A0}28,\u{A0}2014\u{A0}at\u{A0}5:07\u{A0}pm", before: "Gus",
            fields: [2014, 10, 28, 17, 7, 0]),
        DatedHeader(text: "Zoë Ünal\tMarch 2, 2024 at 9:38 am #", before: "Zoë Ünal", fields: [2024, 3, 2, 9, 38, 0]),
        DatedHeader(text: "Ivy October 32, 2014 at 5:07 pm", before: "Ivy", fields: nil),
    ])
    func datesAreReadFromTheEnd(header: DatedHeader) throws {
        let text = header.text[...]
        let (date, end) = try #require(WebCommentHeader.trailingDate(in: text))
        #expect(String(text[..<end]) == header.before)
        let fields = date.map { [$0.year, $0.month, $0.day, $0.hour, $0.minute, $0.second] }
        #expect(fields == header.fields)
    }

    @Test(arguments: [
        "Hal October 28, 2014 at 13:07 pm",  // a 12-hour clock has no 13
        "Jo October 28, 2014 at 11:24٣am",  // a digit of another script
        "Kim 2014-10-28T11:24pm",  // an ISO time takes no am/pm
        "Lia 3 März 2014 11:24",  // not an English month
        "Mo 28 October 14 11:24",  // a year of two digits
        "Ned 11:24",  // no date
        "Ola October 28, 2014 at 11:2",  // minutes of one digit
    ])
    func whatIsNoDateIsNone(text: String) {
        #expect(WebCommentHeader.trailingDate(in: text[...]) == nil)
    }

    @Test func monthNamesAndTheirAbbreviationsInAnyCase() {
        #expect(WebCommentHeader.monthNumber("SEPT") == 9)
        #expect(WebCommentHeader.monthNumber("dec") == 12)
        #expect(WebCommentHeader.monthNumber("May") == 5)
        #expect(WebCommentHeader.monthNumber("ma") == nil)
        #expect(WebCommentHeader.monthNumber("Octobers") == nil)
        #expect(WebCommentHeader.monthNumber("Окт") == nil)
    }

    @Test func namesAreTrimmedAsCharacters() {
        #expect("  José\u{A0} ".trimmingSpaces() == "José")
        #expect("\t \u{A0}".trimmingSpaces() == "")
        #expect("Ann".trimmingSpaces() == "Ann")
        // A space with a combining mark is one character, and not a space.
        #expect(" \u{301}Ann ".trimmingSpaces() == " \u{301}Ann")
        #expect(WebCommentHeader.cleanAuthor("**Ann Lee** says") == "Ann Lee")
        #expect(WebCommentHeader.cleanAuthor("[Bo](https://b.example)") == "Bo")
        #expect(WebCommentHeader.cleanAuthor("Cy —") == "Cy")
        #expect(WebCommentHeader.cleanAuthor(" , ") == nil)
    }

    /// Count lines are looked for on every line of a page, most told apart by their first
    /// byte or scalar: numbers of any script still open one, other characters do not.
    @Test func countLinesOpenWithANumberOfAnyScript() throws {
        let text = [
            "日本語 the archive", "“quoted” 12 Responses", "Café 3 Comments", "\u{301}12 Comments", "*\u{301}12 Comments",
            "١٢ Comments", "  ** 12 Responses to “Hello”**", "# 3 replies", "12,000 Comments", "12x Comments",
        ].joined(separator: "\n")
        var bytes = Array(text.utf8)
        let lines = bytes.withUnsafeMutableBufferPointer { buffer in
            SourceText.Lines(
                decoding: UnsafeRawBufferPointer(buffer), places: SourceText.places(in: UnsafeBufferPointer(buffer)),
                startIndex: 0)
        }
        let counts = lines.indices.map { CountLine(lines, at: $0)?.count }
        #expect(counts == [nil, nil, nil, nil, nil, 0, 12, 3, 12000, nil])
        #expect(CountLine.first(in: lines, from: 0)?.index == 5)
        #expect(CountLine.first(in: lines, from: 6)?.line.title == "Hello")
    }

    @Test func bodiesKeptAsLinesReadAndHashAsTheTextTheyStandFor() throws {
        let page = """
            T

            4 Comments

              1. Ann January 2, 2020 at 9:00 am #

                    indented first line
                  then less

                \u{A0}a no-break space opens this paragraph


                  and   a   gap


              2. Bob January 2, 2020 at 10:00 am #

                Same.

              3. Bob January 2, 2020 at 10:00 am #

                Same.

              4. Cy January 2, 2020 at 11:00 am #
            """
        let d = try Fixture.web(page)
        #expect(d.comments.map(\.body.isDeferred) == [true, true, true, true])
        #expect(
            d.comments[0].body.text
                == "    indented first line\n  then less\n\n\u{A0}a no-break space opens this paragraph\n\n  and   a   gap"
        )
        #expect(d.comments[3].body.text == "")
        let keys = d.comments.map {
            StableKey.content(title: d.title, author: $0.author, date: $0.date, body: $0.body.text)
        }
        #expect(d.comments.map(\.key) == [keys[0], keys[1], StableKey(rawValue: keys[2].rawValue + "#2"), keys[3]])
    }

    /// Read marks are kept by key: the keys of a real page are those of its bodies' texts.
    @Test func theKeysOfARealPageAreThoseOfItsTexts() throws {
        let d = try Fixture.discussion("community-care-baby-p.txt")
        #expect(d.comments.count > 10)
        for comment in d.comments {
            let key = StableKey.content(
                title: d.title, author: comment.author, date: comment.date, body: comment.body.text)
            #expect(comment.key.rawValue.hasPrefix(key.rawValue), "\(comment.id)")
        }
    }
}

import Foundation
import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

/// Inputs built to be quadratic: each is sized so that quadratic work would take minutes;
/// the time limit is the hang guard, the assertions are on what comes out.
@Suite(.timeLimit(.minutes(1))) struct LinearTimeTests {
    private func message(_ body: String, headers: String = "") -> [UInt8] {
        Array(
            ("From a@x Mon Jan  1 00:00:00 2024\nFrom: a@x\nMessage-ID: <m@x>\nSubject: s\n\(headers)\n" + body).utf8)
    }

    @Test func aBodyOfAMillionNewlinesIsTrimmedInOnePass() throws {
        let bytes = message(
            String(repeating: "\n", count: 1_000_000) + "the text\n" + String(repeating: "\n", count: 1000))
        let discussion = try MboxImporter().parse(bytes, file: "newlines.mbox")
        #expect(discussion.comments.first?.body.text == "the text")
    }

    @Test func trimmingKeepsTheMiddleAndLeadingSpaces() {
        #expect("\n\n  text \n more  \n\n".trimmingTrailingNewlines() == "  text \n more")
        #expect("\r\n\r\nbody\r\n".trimmingTrailingNewlines() == "body")
        #expect("   ".trimmingTrailingNewlines() == "")
        #expect("\n \n".trimmingTrailingNewlines() == "")
        #expect("".trimmingTrailingNewlines() == "")
    }

    @Test func deeplyNestedBlockquotesComeOutBounded() throws {
        let depth = 20_000
        let html =
            "<p>" + String(repeating: "<blockquote>", count: depth) + "deep"
            + String(repeating: "</blockquote>", count: depth) + "</p>"
        let discussion = try MboxImporter().parse(
            message(html + "\n", headers: "Content-Type: text/html\n"), file: "quotes.mbox")
        let text = try #require(discussion.comments.first?.body.text)
        #expect(text.contains("deep"))
        #expect(text.utf8.count < 100_000, "the quote marks are capped, not one per level: \(text.utf8.count) bytes")
    }
}

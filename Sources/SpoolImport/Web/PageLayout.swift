/// The parts of a web page before its comments: front matter, title, article, count line.
///
/// Made from the page's first lines; the count line after the title is looked for by the
/// importer, part by part (`CountLine`), and given to ``found(_:at:)``.
struct PageLayout {
    /// True for a Markdown export (it opened with front matter).
    private(set) var isMarkdown = false
    private(set) var title: String?
    private(set) var statedCount: Int?
    /// Where the scan for comment headers starts.
    private(set) var commentsStart = 0
    /// Where a count line is looked for from, when the title is not one.
    private(set) var countSearchStart: Int?
    /// The article's lines.
    private(set) var articleRange: Range<Int> = 0..<0
    private var countLine: Int?

    /// The layout of a page of `lineCount` lines whose first lines are `lines` (numbered
    /// from 0); nil when they end before it can be told.
    init?(firstLines lines: SourceText.Lines, lineCount: Int) {
        let isWhole = lines.endIndex >= lineCount
        guard var index = skipFrontMatter(lines, isWhole: isWhole, lineCount: lineCount) else { return nil }
        while index < lines.endIndex && lines[index].isBlank { index += 1 }
        guard index < lines.endIndex else {
            if isWhole { return }
            return nil
        }
        guard isWhole || lines.endIndex >= min(index + 4, lineCount) else { return nil }
        if let count = CountLine(lines, at: index) {
            title = count.title
            statedCount = count.count
            countLine = index
            commentsStart = count.end
            articleRange = count.end..<count.end
            return
        }
        title = PageLayout.cleanTitle(lines[index].text, markdown: isMarkdown)
        let afterTitle = index + 1
        commentsStart = afterTitle
        countSearchStart = afterTitle
        articleRange = afterTitle..<lineCount
    }

    /// Takes the first count line after the title, at `index`: the article ends before it
    /// and the comments begin after it.
    mutating func found(_ count: CountLine, at index: Int) {
        statedCount = count.count
        countLine = index
        articleRange = articleRange.lowerBound..<index
        commentsStart = count.end
    }

    /// Ends the article at the first comment header when the page has no count line.
    mutating func settleArticle(firstHeader: Int?) {
        if countLine == nil, let firstHeader { articleRange = articleRange.lowerBound..<firstHeader }
    }

    /// Where the title is looked for: after front matter, when the page opens with it; nil
    /// when `lines` end before its end can be told.
    private mutating func skipFrontMatter(_ lines: SourceText.Lines, isWhole: Bool, lineCount: Int) -> Int? {
        guard let first = lines.first, first.text == "---", first.indent == 0 else { return 0 }
        let end = min(lineCount, 80)
        guard isWhole || lines.endIndex >= end else { return nil }
        for index in 1..<end where lines[index].text == "---" || lines[index].text == "..." {
            isMarkdown = true
            return index + 1
        }
        return 0
    }

    private static func cleanTitle(_ text: Substring, markdown: Bool) -> String {
        guard markdown else { return String(text) }
        var title = String(text.drop(while: { $0 == "#" })).trimmingSpaces()
        if title.hasPrefix("**") && title.hasSuffix("**") && title.count > 4 {
            title = String(title.dropFirst(2).dropLast(2))
        }
        return title
    }
}

/// A count line ("16 Responses to …"), which may wrap when it is bold Markdown: the count
/// it states, the title it names, and the line after it.
struct CountLine {
    let count: Int
    let title: String?
    let end: Int

    /// The count line at `index` of `lines`, if that is one.
    init?(_ lines: SourceText.Lines, at index: Int) {
        // A count line is short; long lines (a 10 MB one) never reach the regex.
        let line = lines[index].text
        guard line.utf8.count < 1000, CountLine.mayOpenCountLine(line),
            line.drop(while: { $0 == "*" || $0 == "#" || $0 == " " }).first?.isNumber == true
        else {
            return nil
        }
        var text = String(line)
        var end = index + 1
        if text.hasPrefix("**") && !text.dropFirst(2).contains("**") {
            while end < lines.endIndex, end < index + 4, !lines[end].isBlank {
                text += " " + lines[end].text
                end += 1
                if text.hasSuffix("**") { break }
            }
        }
        let pattern =
            /^(?:\*\*|#{1,6}[ \t]+)?[ \t]*(\d[\d,]*)[ \t]+(?i:responses?|comments?|replies|reply|thoughts?)(?:[ \t]+(?i:to|on)[ \t]+(.+?))?[ \t]*(?:\*\*)?[ \t]*:?$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        count = Int(match.1.replacing(",", with: "")) ?? 0
        title = match.2.map { CountLine.unquote(String($0)) }
        self.end = end
    }

    /// The first count line among `lines` from `start` on.
    static func first(in lines: SourceText.Lines, from start: Int) -> (index: Int, line: CountLine)? {
        for index in max(start, lines.startIndex)..<lines.endIndex {
            // The test `mayOpenCountLine` begins with, on the first byte alone: most lines
            // are not made at all (it is run on every line of the page).
            guard let first = lines.firstByte(index),
                first == UInt8(ascii: "*") || first == UInt8(ascii: "#") || first >= 0x80 || isDigit(first)
            else { continue }
            if let count = CountLine(lines, at: index) { return (index, count) }
        }
        return nil
    }

    /// False when `text` surely does not open a count line: the first character after `*`,
    /// `#` and spaces is a number, and after its digits and commas come a space, a tab or
    /// the line's end. An ASCII byte is a character of its own (anything joining it is not
    /// ASCII), so only numbers past ASCII are left for characters and the pattern to judge.
    private static func mayOpenCountLine(_ text: Substring) -> Bool {
        var bytes = text.utf8.drop { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") || $0 == 0x20 }
        guard let first = bytes.first, first >= 0x80 || isDigit(first) else { return false }
        // Past ASCII, a character is a number when its first scalar is (`Character.isNumber`),
        // told without making characters (a page of text in Japanese opens many lines so).
        if first >= 0x80 { return text.unicodeScalars[bytes.startIndex].properties.numericType != nil }
        bytes = bytes.drop { isDigit($0) || $0 == UInt8(ascii: ",") }
        guard let after = bytes.first else { return true }
        return after == 0x20 || after == 0x09 || after >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func unquote(_ title: String) -> String {
        let pairs: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("«", "»")]
        for (open, close) in pairs where title.count >= 2 && title.first == open && title.last == close {
            return String(title.dropFirst().dropLast())
        }
        return title
    }
}

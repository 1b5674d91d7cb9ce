/// The parts of a web page before its comments: front matter, title, article, count line.
struct PageLayout {
    let lines: SourceText.Lines
    /// True for a Markdown export (it opened with front matter).
    private(set) var isMarkdown = false
    private(set) var title: String?
    private(set) var statedCount: Int?
    /// Where the scan for comment headers starts.
    private(set) var commentsStart = 0
    private(set) var article: String?
    private var articleRange: Range<Int> = 0..<0
    private var countLine: Int?

    init(lines: SourceText.Lines) {
        self.lines = lines
        var index = skipFrontMatter()
        while index < lines.count && lines[index].isBlank { index += 1 }
        guard index < lines.count else { return }
        if let count = countLine(at: index) {
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
        articleRange = afterTitle..<lines.count
        for candidate in afterTitle..<lines.count where !lines[candidate].isBlank {
            if let count = countLine(at: candidate) {
                statedCount = count.count
                countLine = candidate
                articleRange = afterTitle..<candidate
                commentsStart = count.end
                break
            }
        }
    }

    /// Ends the article at the first comment header when the page has no count line.
    mutating func settleArticle(firstHeader: Int?) {
        if countLine == nil, let firstHeader { articleRange = articleRange.lowerBound..<firstHeader }
        let text = BodyText.normalise(lines[articleRange], markdown: isMarkdown)
        article = text.isEmpty ? nil : text
    }

    private mutating func skipFrontMatter() -> Int {
        guard let first = lines.first, first.text == "---", first.indent == 0 else { return 0 }
        for index in 1..<min(lines.count, 80) where lines[index].text == "---" || lines[index].text == "..." {
            isMarkdown = true
            return index + 1
        }
        return 0
    }

    /// A count line at `index` ("16 Responses to …"), which may wrap when it is bold Markdown.
    private func countLine(at index: Int) -> (count: Int, title: String?, end: Int)? {
        // A count line is short; long lines (a 10 MB one) never reach the regex.
        guard lines[index].text.utf8.count < 1000,
            lines[index].text.drop(while: { $0 == "*" || $0 == "#" || $0 == " " }).first?.isNumber == true
        else {
            return nil
        }
        var text = String(lines[index].text)
        var end = index + 1
        if text.hasPrefix("**") && !text.dropFirst(2).contains("**") {
            while end < lines.count, end < index + 4, !lines[end].isBlank {
                text += " " + lines[end].text
                end += 1
                if text.hasSuffix("**") { break }
            }
        }
        let pattern =
            /^(?:\*\*|#{1,6}[ \t]+)?[ \t]*(\d[\d,]*)[ \t]+(?i:responses?|comments?|replies|reply|thoughts?)(?:[ \t]+(?i:to|on)[ \t]+(.+?))?[ \t]*(?:\*\*)?[ \t]*:?$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let count = Int(match.1.replacing(",", with: ""))
        return (count ?? 0, match.2.map { PageLayout.unquote(String($0)) }, end)
    }

    private static func unquote(_ title: String) -> String {
        let pairs: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("«", "»")]
        for (open, close) in pairs where title.count >= 2 && title.first == open && title.last == close {
            return String(title.dropFirst().dropLast())
        }
        return title
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

import SpoolReader
import SpoolScreen

/// The article or the selected comment, wrapped and scrolled, with URLs and quotes styled.
struct ArticlePane {
    let theme: Theme

    /// Draws `lines` from `scroll` on, with `query`'s matches highlighted; the cursor goes
    /// to the first line when the pane `hasFocus`.
    func render(
        _ lines: [ArticleLine], scroll: Int, hasFocus: Bool, query: String, in area: Rect, on screen: inout Screen
    ) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.articleText])
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        if hasFocus { screen.placeCursor(x: inner.x, y: inner.y) }
        let last = min(lines.count, scroll + area.height)
        guard scroll < last else { return }
        let matcher = query.isEmpty ? nil : TextMatcher(query)
        for index in scroll..<last {
            let y = area.y + index - scroll
            drawLine(lines[index], y: y, in: inner, on: &screen)
            // A byte search first: most lines have no match and cost no more.
            if let matcher, matcher.matches(lines[index].text) {
                highlight(query, in: lines[index].text, y: y, area: inner, on: &screen)
            }
        }
    }

    /// Restyles every occurrence of `query` (smart case) in a drawn line as a search match.
    private func highlight(_ query: String, in text: String, y: Int, area: Rect, on screen: inout Screen) {
        let caseSensitive = Reader.isCaseSensitive(query)
        let haystack = Array(caseSensitive ? text : text.lowercased())
        let needle = Array(caseSensitive ? query : query.lowercased())
        guard !needle.isEmpty, haystack.count >= needle.count, haystack.count == text.count else { return }
        var columns: [Int] = []
        var column = area.x
        for character in text {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        columns.append(column)
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) {
                let from = columns[start]
                let to = columns[start + needle.count]
                screen.restyle(Rect(x: from, y: y, width: to - from, height: 1).intersection(area)) { _ in
                    theme[.searchMatch]
                }
                start += needle.count
            } else {
                start += 1
            }
        }
    }

    /// What every URL has; a byte search, as this runs for every line drawn.
    private static let urlMark = TextMatcher("://")

    private func drawLine(_ line: ArticleLine, y: Int, in area: Rect, on screen: inout Screen) {
        let style = theme[line.role]
        guard [.articleText, .articleQuote, .articleQuote2, .articleQuote3].contains(line.role),
            Self.urlMark.matches(line.text)
        else {
            screen.put(line.text, x: area.x, y: y, style: style, clip: area)
            return
        }
        var x = area.x
        for (index, word) in line.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { x = screen.put(" ", x: x, y: y, style: style, clip: area) }
            let isURL =
                word.contains("://") && (word.hasPrefix("http") || word.hasPrefix("<http") || word.hasPrefix("(http"))
            x = screen.put(word, x: x, y: y, style: isURL ? theme[.articleURL] : style, clip: area)
        }
    }
}

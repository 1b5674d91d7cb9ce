/// The article or the selected comment, wrapped and scrolled, with URLs and quotes styled.
struct ArticlePane {
    let theme: Theme

    func render(_ app: App, in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: theme[.articleText])
        let lines = app.articleLines
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        let last = min(lines.count, app.articleScroll + area.height)
        guard app.articleScroll < last else { return }
        for index in app.articleScroll..<last {
            drawLine(lines[index], y: area.y + index - app.articleScroll, in: inner, on: &screen)
        }
    }

    private func drawLine(_ line: ArticleLine, y: Int, in area: Rect, on screen: inout Screen) {
        let style = theme[line.role]
        guard [.articleText, .articleQuote, .articleQuote2, .articleQuote3].contains(line.role), line.text.contains("://") else {
            screen.put(line.text, x: area.x, y: y, style: style, clip: area)
            return
        }
        var x = area.x
        for (index, word) in line.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { x = screen.put(" ", x: x, y: y, style: style, clip: area) }
            let isURL = word.contains("://") && (word.hasPrefix("http") || word.hasPrefix("<http") || word.hasPrefix("(http"))
            x = screen.put(word, x: x, y: y, style: isURL ? theme[.articleURL] : style, clip: area)
        }
    }
}

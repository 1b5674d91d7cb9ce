import SpoolCore
import SpoolScreen

/// Scrolling the article pane and the inline scroll, by the lines the view measured.
extension Reader {
    /// The article pane's lines for the selection, as the view wraps them.
    var articleLineCount: Int { viewport.measure.articleLineCount(of: selected, in: self) }

    /// Space, b, J and K: the article pane, or in inline mode the whole scroll.
    mutating func scrollArticle(_ action: Action) {
        let page = max(1, viewport.article.height - 1)
        switch action {
        case .articlePageDown where isInline: scrollInline(by: page)
        case .articlePageUp where isInline: scrollInline(by: -page)
        case .articleLineDown where isInline: scrollInline(by: 1)
        case .articleLineUp where isInline: scrollInline(by: -1)
        case .articlePageDown: pageArticleDown()
        case .articlePageUp: scrollArticle(by: -page)
        case .articleLineDown: scrollArticle(by: 1)
        default: scrollArticle(by: -1)
        }
    }

    mutating func scrollArticle(by delta: Int) {
        let before = articleScroll
        articleScroll += delta
        clampArticleScroll()
        if articleScroll == before {
            messages.say(delta > 0 ? "End of this comment." : "Top of this comment.")
        }
    }

    mutating func clampArticleScroll() {
        guard !isInline else { return }
        let maximum = max(0, articleLineCount - max(1, viewport.article.height))
        articleScroll = max(0, min(articleScroll, maximum))
    }

    /// Space: a page down, or at the end of the comment the next unread one.
    private mutating func pageArticleDown() {
        let height = max(1, viewport.article.height)
        if articleScroll + height >= articleLineCount {
            guard let next = unread(from: selected, forward: true) else {
                messages.say("End of the comment, and no unread comments left.")
                return
            }
            select(next)
        } else {
            articleScroll += max(1, height - 1)
            clampArticleScroll()
        }
    }

    // MARK: - Inline mode

    private func inlineLines(_ row: Int) -> Int { viewport.measure.inlineLineCount(of: rows[row], in: self) }

    /// The inline scroll position that keeps the selected comment's header on screen,
    /// starting from `top` and `offset`; the article stays the first block.
    func inlinePlacement(top: Int, offset: Int) -> Presentation {
        guard let row = rows.row(of: selected) else { return .inline(top: 0, offset: 0) }
        let top = min(top, max(0, rows.count - 1))
        let height = max(1, viewport.article.height)
        // The top row may be scrolled part way (the wheel, Space); a key that selects it
        // shows its header (see ``select(_:marking:)``).
        if row < top { return .inline(top: row, offset: 0) }
        // Is the header within the screen from the current top?
        var y = -offset
        var current = top
        while current < row && y < height {
            y += inlineLines(current)
            current += 1
        }
        return y >= height ? .inline(top: row, offset: 0) : .inline(top: top, offset: offset)
    }

    /// Scrolls the inline view by `delta` lines; the comment at the top becomes the
    /// selection, and is read when `marking` (keys read; the wheel only looks).
    mutating func scrollInline(by delta: Int, marking: Bool = true) {
        guard case .inline(var top, var offset) = presentation, rows.count > 0 else { return }
        top = min(top, rows.count - 1)
        offset += delta
        while offset < 0 && top > 0 {
            top -= 1
            offset += inlineLines(top)
        }
        offset = max(0, offset)
        while top < rows.count - 1 && offset >= inlineLines(top) {
            offset -= inlineLines(top)
            top += 1
        }
        if top == rows.count - 1 { offset = min(offset, max(0, inlineLines(top) - 1)) }
        presentation = .inline(top: top, offset: offset)
        if rows[top] != selected {
            selected = rows[top]
            articleScroll = 0
            if marking && settings.marksReadOnSelect { marks.setRead(selected, true) }
        }
    }
}

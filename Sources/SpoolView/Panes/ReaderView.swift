import SpoolCore
import SpoolReader
import SpoolScreen

/// Renders a ``Reader`` into a ``Screen``: tree, divider, article, status line, overlays;
/// and measures the screen for the reader (``viewport(for:columns:rows:)``). It owns the
/// caches of what it wrapped, shared by copies of the view.
public struct ReaderView: Sendable {
    /// The themes the reader's `themeIndex` chooses from (`t` cycles).
    public var themes: [Theme]
    public var options: ReaderOptions
    let caches: ViewCaches

    public init(themes: [Theme], options: ReaderOptions) {
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.options = options
        caches = ViewCaches(options: options)
    }

    public init(theme: Theme, options: ReaderOptions) { self.init(themes: [theme], options: options) }

    /// The same view with colour removed from every theme (attributes only).
    public var withoutColor: ReaderView { ReaderView(themes: themes.map(\.withoutColor), options: options) }

    /// No terminal is larger; a scripted `<resize:…>` must not allocate a gigantic screen.
    static func bounded(columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        (min(max(0, columns), 4000), min(max(0, rows), 2000))
    }

    /// The panes for `reader` on a `columns` x `rows` screen.
    func layout(for reader: Reader, columns: Int, rows: Int) -> PaneLayout {
        if reader.isInline {
            // One scroll takes every row but the status line.
            var layout = PaneLayout(columns: columns, rows: rows, choice: .stacked, split: options.split)
            let body = Rect(x: 0, y: 0, width: columns, height: max(0, rows - 1))
            layout.article = body
            layout.tree = body
            layout.divider = Rect(x: 0, y: 0, width: 0, height: 0)
            return layout
        }
        var layout = PaneLayout(columns: columns, rows: rows, choice: reader.settings.orientation, split: options.split)
        if reader.narrowedTo != nil && layout.tree.height > 1 {
            // The breadcrumb of the narrowed subtree takes the tree pane's first row.
            layout.breadcrumb = layout.tree.row(0)
            layout.tree = Rect(
                x: layout.tree.x, y: layout.tree.y + 1, width: layout.tree.width, height: layout.tree.height - 1)
        }
        return layout
    }

    /// What the reader needs to know of the screen it is drawn on.
    public func viewport(for reader: Reader, columns: Int, rows: Int) -> Viewport {
        viewport(layout(for: reader, columns: columns, rows: rows), columns: columns, rows: rows)
    }

    /// The viewport of a reader about to open (panes, nothing narrowed).
    func openingViewport(columns: Int, rows: Int, settings: Reader.Settings) -> Viewport {
        let layout = PaneLayout(columns: columns, rows: rows, choice: settings.orientation, split: options.split)
        return viewport(layout, columns: columns, rows: rows)
    }

    private func viewport(_ layout: PaneLayout, columns: Int, rows: Int) -> Viewport {
        Viewport(
            columns: columns, rows: rows, tree: layout.tree, article: layout.article, orientation: layout.orientation,
            measure: caches)
    }

    /// The whole screen for `reader` at the size it was last measured for.
    public func render(_ reader: Reader) -> Screen {
        let theme = themes[reader.themeIndex % themes.count]
        let columns = reader.viewport.columns
        let rows = reader.viewport.rows
        var screen = Screen(width: columns, height: rows, style: theme[.treeText])
        let layout = layout(for: reader, columns: columns, rows: rows)
        if reader.isInline {
            InlinePane(theme: theme, glyphs: options.glyphs, caches: caches).render(
                reader, in: layout.article, on: &screen)
        } else {
            TreePane(theme: theme, options: options, rowText: caches.rowText, threads: caches.threads)
                .render(reader, in: layout.tree, breadcrumb: layout.breadcrumb, on: &screen)
            drawDivider(layout, on: &screen, theme: theme)
            ArticlePane(theme: theme).render(
                caches.articleLines(reader), scroll: reader.articleScroll, hasFocus: reader.paneFocus == .article,
                query: reader.search.query, in: layout.article, on: &screen)
        }
        let shown = reader.isInline ? nil : shownPercent(reader, layout: layout)
        StatusLine(theme: theme).render(
            StatusLine.content(for: reader, shownPercent: shown), in: layout.status, on: &screen)
        if case .help(let help) = reader.mode {
            HelpOverlay(theme: theme, glyphs: options.glyphs).render(reader, help: help, on: &screen)
        }
        if case .choosingURL(let choices) = reader.mode {
            ChoiceOverlay(theme: theme).render(urls: choices, on: &screen)
        }
        if case .choosingAttachment(let list) = reader.mode {
            ChoiceOverlay(theme: theme).render(attachments: list, on: &screen)
        }
        return screen
    }

    /// The article pane's lines for the selection, as drawn.
    public func articleLines(for reader: Reader) -> [ArticleLine] { caches.articleLines(reader) }

    /// The key list as text lines at `width` columns (linear mode prints it).
    func helpText(for reader: Reader, width: Int) -> [String] {
        HelpOverlay.lines(for: reader.keyMap, glyphs: options.glyphs, width: width).map(\.text)
    }

    /// The article pane's lines for `node` wrapped at `width` (linear mode prints them).
    func articleLines(of node: Int, width: Int, in reader: Reader) -> [ArticleLine] {
        caches.article.lines(for: node, width: max(1, min(width, options.wrapWidth)), in: reader, options: options)
    }

    /// The lines `node` takes in the inline scroll, as drawn.
    public func inlineLines(of node: Int, for reader: Reader) -> [ArticleLine] {
        InlinePane.lines(of: node, in: reader, width: reader.viewport.article.width, caches: caches)
    }

    /// How far down a long article pane is shown ("article 40%", "article end"), or nil
    /// when it all fits.
    private func shownPercent(_ reader: Reader, layout: PaneLayout) -> String? {
        let total = caches.articleLines(reader).count
        let height = layout.article.height
        guard height > 0, total > height else { return nil }
        let bottom = min(total, reader.articleScroll + height)
        return bottom >= total ? "article end" : "article \(bottom * 100 / total)%"
    }

    private func drawDivider(_ layout: PaneLayout, on screen: inout Screen, theme: Theme) {
        let area = layout.divider
        guard !area.isEmpty else { return }
        let style = theme[.divider]
        if layout.orientation == .stacked {
            let line = String(repeating: options.glyphs.horizontal, count: area.width)
            screen.put(line, x: area.x, y: area.y, style: style, clip: area)
        } else {
            for y in area.y..<area.maxY {
                screen.put(options.glyphs.vertical, x: area.x, y: y, style: style, clip: area)
            }
        }
    }
}

/// What the view keeps of what it wrapped (the selected article's lines, tree row texts),
/// and the line counts it reports to the reader. A reference, shared by copies of the view.
final class ViewCaches: TextMeasure, @unchecked Sendable {
    let options: ReaderOptions
    let article = ArticleText()
    let rowText = RowTextCache()
    let threads = ThreadSummaries()

    init(options: ReaderOptions) { self.options = options }

    /// The article pane's text width for `reader`'s layout.
    private func articleWidth(_ reader: Reader) -> Int {
        max(1, min(reader.viewport.article.width - 2, options.wrapWidth))
    }

    /// The article pane's lines for the selection.
    func articleLines(_ reader: Reader) -> [ArticleLine] {
        article.lines(for: reader.selected, width: articleWidth(reader), in: reader, options: options)
    }

    func articleLineCount(of node: Int, in reader: Reader) -> Int {
        article.lines(for: node, width: articleWidth(reader), in: reader, options: options).count
    }

    func isFoldLine(_ line: Int, of node: Int, in reader: Reader) -> Bool {
        let lines = article.lines(for: node, width: articleWidth(reader), in: reader, options: options)
        return lines.indices.contains(line) && lines[line].isFold
    }

    func nextNewText(of node: Int, from line: Int, in reader: Reader) -> Int? {
        ArticleText.nextNewText(
            in: article.lines(for: node, width: articleWidth(reader), in: reader, options: options), from: line)
    }

    func foldZoneWidth(of node: Int, in reader: Reader) -> Int {
        guard node != ThreadTree.root, !options.plain else { return 2 }
        let focusDepth = reader.narrowedTo.map { reader.tree.depth[$0] } ?? 0
        let elision = GuideElision(reader, width: reader.viewport.tree.width, height: reader.viewport.tree.height)
        let parts = TreePane.guideParts(
            of: node, reader.tree, focusDepth: focusDepth, elision: elision, glyphs: options.glyphs)
        // The tree lines and the read marker after them.
        return parts.reduce(0) { $0 + DisplayWidth.of($1.text) } + 2
    }

    func helpLineCount(in reader: Reader) -> Int {
        guard case .help(let help) = reader.mode else { return 0 }
        return HelpOverlay.lines(
            for: reader.keyMap, glyphs: options.glyphs, width: reader.viewport.columns, filter: help.filter.text
        ).count
    }

    func inlineLineCount(of node: Int, in reader: Reader) -> Int {
        InlinePane.lines(of: node, in: reader, width: reader.viewport.article.width, caches: self).count
    }
}

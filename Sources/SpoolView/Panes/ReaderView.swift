/// Renders an ``App`` into a ``Screen``: tree, divider, article, status line, help.
public struct ReaderView: Sendable {
    /// The themes the App's `themeIndex` chooses from (`t` cycles).
    public var themes: [Theme]

    public init(theme: Theme) { themes = [theme] }

    public init(themes: [Theme]) { self.themes = themes.isEmpty ? [.monochrome] : themes }

    /// The same view with colour removed from every theme (attributes only).
    public var withoutColour: ReaderView { ReaderView(themes: themes.map(\.withoutColour)) }

    /// The whole screen for `app` at its current size.
    public func render(_ app: App) -> Screen {
        let theme = themes[app.themeIndex % themes.count]
        return render(app, theme: theme)
    }

    private func render(_ app: App, theme: Theme) -> Screen {
        var screen = Screen(width: app.columns, height: app.screenRows, style: theme[.treeText])
        let layout = app.layout
        if app.isInline {
            InlinePane(theme: theme, glyphs: app.options.glyphs).render(app, in: layout.article, on: &screen)
            StatusLine(theme: theme).render(app, in: layout.status, on: &screen)
            if app.isShowingHelp { HelpOverlay(theme: theme).render(app, on: &screen) }
            if let choices = app.urlChoices { URLOverlay(theme: theme).render(choices, on: &screen) }
            return screen
        }
        TreePane(theme: theme, glyphs: app.options.glyphs).render(app, in: layout.tree, on: &screen)
        drawDivider(layout, on: &screen, glyphs: app.options.glyphs, theme: theme)
        ArticlePane(theme: theme).render(app, in: layout.article, on: &screen)
        StatusLine(theme: theme).render(app, in: layout.status, on: &screen)
        if app.isShowingHelp { HelpOverlay(theme: theme).render(app, on: &screen) }
        if let choices = app.urlChoices { URLOverlay(theme: theme).render(choices, on: &screen) }
        return screen
    }

    private func drawDivider(_ layout: PaneLayout, on screen: inout Screen, glyphs: GlyphSet, theme: Theme) {
        let area = layout.divider
        guard !area.isEmpty else { return }
        let style = theme[.divider]
        if layout.orientation == .stacked {
            let line = String(repeating: glyphs.horizontal, count: area.width)
            screen.put(line, x: area.x, y: area.y, style: style, clip: area)
        } else {
            for y in area.y..<area.maxY { screen.put(glyphs.vertical, x: area.x, y: y, style: style, clip: area) }
        }
    }
}

import SpoolReader
import SpoolScreen

/// Where each pane goes on a screen of a given size.
public struct PaneLayout: Equatable, Sendable {
    public var tree: Rect
    public var article: Rect
    public var divider: Rect
    public var status: Rect
    /// The row above the tree that names the ancestors of a focused subtree (empty otherwise).
    public var breadcrumb = Rect(x: 0, y: 0, width: 0, height: 0)
    public var orientation: Orientation

    /// The width from which `nil` (automatic) orientation puts the panes side by side.
    public static let sideBySideMinimumWidth = 120

    /// Lays out `columns` x `rows`, the tree taking `split` of it; `choice` nil picks by width. Any size works, down to 0x0:
    /// the status line gets the last row first, then the tree, then the article.
    public init(columns: Int, rows: Int, choice: Orientation?, split: Double = 0.4) {
        let body = max(0, rows - 1)
        status = Rect(x: 0, y: body, width: columns, height: rows > 0 ? 1 : 0)
        var orientation = choice ?? (columns >= PaneLayout.sideBySideMinimumWidth ? .sideBySide : .stacked)
        if columns < 40 { orientation = .stacked }
        self.orientation = orientation
        switch orientation {
        case .stacked:
            let treeHeight = body < 4 ? body : max(2, Int(Double(body) * split))
            tree = Rect(x: 0, y: 0, width: columns, height: treeHeight)
            let rest = body - treeHeight
            divider = Rect(x: 0, y: treeHeight, width: columns, height: rest >= 2 ? 1 : 0)
            article = Rect(x: 0, y: treeHeight + divider.height, width: columns, height: rest - divider.height)
        case .sideBySide:
            let treeWidth = max(10, Int(Double(columns) * split))
            tree = Rect(x: 0, y: 0, width: treeWidth, height: body)
            divider = Rect(x: treeWidth, y: 0, width: 1, height: body)
            article = Rect(x: treeWidth + 1, y: 0, width: columns - treeWidth - 1, height: body)
        }
    }
}

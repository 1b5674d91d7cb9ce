import SpoolReader
import SpoolScreen

/// Work on another thread (fetching a discussion) as the loading screen sees it: whether
/// it has reported something, its latest progress line and whether it is done, and a way to
/// stop it. Implementations lock: the screen and the work run on different threads.
public protocol LoadingSource: AnyObject, Sendable {
    /// Something was reported since the last ``take()``.
    var hasNews: Bool { get }
    /// The latest progress line and whether the work is done; the news is then taken.
    func take() -> (detail: String, finished: Bool)
    /// The user stopped the work (`q`, `Esc`).
    func cancel()
}

/// The screen shown while a discussion is fetched: what, how far, and how to stop. It asks
/// for idle time only when the fetch has reported something, so it never spins; the loop's
/// wait for a key (a quarter of a second) paces it.
public struct LoadingProgram: Program {
    public let title: String
    public let status: any LoadingSource
    private let theme: Theme
    private var columns: Int
    private var rows: Int
    private var detail = "connecting…"

    public init(title: String, status: any LoadingSource, theme: Theme, columns: Int, rows: Int) {
        self.title = title
        self.status = status
        self.theme = theme
        self.columns = columns
        self.rows = rows
    }

    public mutating func handle(_ input: Input) -> Effects {
        guard case .key(let key) = input else { return .none }
        switch key {
        case .resize(let newColumns, let newRows):
            columns = newColumns
            rows = newRows
            return .redraw
        case .character("q"), .escape:
            status.cancel()
            return .quit
        default: return .none
        }
    }

    public var hasPendingWork: Bool { status.hasNews }

    public mutating func work(budget: Int) -> Effects {
        let (text, finished) = status.take()
        if !text.isEmpty { detail = text }
        return finished ? .quit : .redraw
    }

    public mutating func render() -> Screen {
        var screen = Screen(width: columns, height: rows, style: theme[.treeText])
        let area = Rect(x: 0, y: 0, width: columns, height: rows)
        let lines: [(String, ThemeRole)] = [
            ("Fetching " + title, .articleTitle), (detail, .articleMeta), ("", .treeText),
            ("q stops; nothing is kept from a fetch that does not finish", .treeDate),
        ]
        let top = max(0, (rows - lines.count) / 2)
        for (offset, (text, role)) in lines.enumerated() {
            let width = DisplayWidth.of(text)
            screen.put(text, x: max(0, (columns - width) / 2), y: top + offset, style: theme[role], clip: area)
        }
        return screen
    }
}

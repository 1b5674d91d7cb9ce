/// A key press (or a resize) as the App sees it; integer key codes stay in the backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter: `.control("d")` is Ctrl-D.
    case control(Character)
    case enter, tab, backTab, escape, backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// The terminal now has this size.
    case resize(columns: Int, rows: Int)
}

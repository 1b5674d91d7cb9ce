/// A key press, a resize or a mouse event as a program sees it; integer key codes stay in
/// the terminal target.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter: `.control("d")` is Ctrl-D.
    case control(Character)
    /// Alt (Meta) with a key: `.meta("x")` is Alt-x, which a terminal sends as Esc then x.
    case meta(Character)
    case enter, tab, backTab, escape, backspace
    case up, down, left, right
    case pageUp, pageDown, home, end
    case insert, delete
    /// A function key: `.function(1)` is F1 (1 to 12).
    case function(Int)
    /// The terminal now has this size.
    case resize(columns: Int, rows: Int)
    /// A mouse event at a screen cell (0-based).
    case mouse(MouseButton, column: Int, row: Int)
}

/// What the mouse did.
public enum MouseButton: String, Hashable, Sendable {
    case click
    case wheelUp = "wheelup"
    case wheelDown = "wheeldown"
}

/// The cells that differ between two screens: what a backend has to send to turn the
/// screen it drew last into the new one. Pure, so it is tested without a terminal.
public enum ScreenDiff {
    /// One cell to draw.
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
    }

    /// Whether going from `old` to `new` needs the whole screen drawn (first frame or a new size).
    public static func needsFullRedraw(from old: Screen?, to new: Screen) -> Bool {
        guard let old else { return true }
        return old.width != new.width || old.height != new.height
    }

    /// The cells of `new` to draw over `old` (every cell when the size changed or there is
    /// no old screen). Continuation cells are never drawn: the wide cell before covers them;
    /// a cell is drawn again when the cell after it changed, since a wide character there
    /// may have covered it.
    public static func changes(from old: Screen?, to new: Screen) -> [Change] {
        let full = needsFullRedraw(from: old, to: new)
        var changes: [Change] = []
        for y in 0..<new.height {
            for x in 0..<new.width {
                let cell = new[x, y]
                if cell.isContinuation { continue }
                if !full, let old, old[x, y] == cell, x + 1 >= new.width || old[x + 1, y] == new[x + 1, y] {
                    continue
                }
                changes.append(Change(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}

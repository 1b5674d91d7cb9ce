import SpoolCore
import SpoolReader

/// How many outer tree levels every row on the screen leaves out, so that the deepest row
/// fits in half the pane and all rows keep their tree lines in the same columns (a row
/// drops no more and no fewer levels than the one above it).
struct GuideElision: Equatable {
    /// Outer levels not drawn; 0 when every level fits.
    var hiddenLevels = 0
    /// The columns of the widest depth marker on the screen (`‹12›` is 4).
    var markerWidth = 0

    /// The elision for the tree rows `reader` shows in a pane `width` x `height`.
    init(_ reader: Reader, width: Int, height: Int) {
        let tree = reader.tree
        let focusDepth = reader.narrowedTo.map { tree.depth[$0] } ?? 0
        let room = max(1, width / 2 / 3)
        let last = min(reader.rows.count, reader.treeTop + max(0, height))
        var deepestLevels = 0
        var deepest = 0
        for row in min(reader.treeTop, last)..<last {
            let node = reader.rows[row]
            deepestLevels = max(deepestLevels, tree.depth[node] - focusDepth)
            deepest = max(deepest, tree.depth[node])
        }
        guard deepestLevels > room else { return }
        // The deepest row keeps room - 1 levels beside its marker.
        hiddenLevels = deepestLevels - (room - 1)
        markerWidth = String(deepest).count + 2
    }
}

/// Finds the links that close loops in a forest given as parent pointers.
public enum ParentCycles {
    /// For each loop among `count` nodes whose parents `parent` gives, the node whose parent
    /// link closes it; cutting those links leaves a forest. One pass, no recursion: O(n).
    public static func closingNodes(count: Int, parent: (Int) -> Int?) -> [Int] {
        var closing: [Int] = []
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the current path, 2 done
        var path: [Int] = []  // reused: one array for every walk
        for start in 0..<count where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let node = current, state[node] == 0 {
                state[node] = 1
                path.append(node)
                current = parent(node)
            }
            if let node = current, state[node] == 1, let last = path.last { closing.append(last) }
            for node in path { state[node] = 2 }
        }
        return closing
    }
}

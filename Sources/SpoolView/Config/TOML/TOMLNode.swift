/// A table being built by ``TOMLParser``: values, sub-tables and arrays of tables, in the
/// order they were written. A reference, so a header can reopen a table deep in the tree.
final class TOMLNode {
    enum Entry {
        case value(TOMLValue)
        case table(TOMLNode)
        /// An array of tables (`[[name]]`); a header's table is the last.
        case tables([TOMLNode])
    }

    private(set) var order: [String] = []
    private(set) var entries: [String: Entry] = [:]

    func set(_ key: String, _ entry: Entry) {
        if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
    }

    /// The table at `path` below this one, made where missing; with `intoLastOfArrays`, an
    /// array of tables on the way stands for its last table. Nil when a value is in the way.
    func nest(_ path: [String], intoLastOfArrays: Bool) -> TOMLNode? {
        var node = self
        for key in path {
            switch node.entries[key] {
            case nil:
                let child = TOMLNode()
                node.set(key, .table(child))
                node = child
            case .table(let child): node = child
            case .tables(let children):
                guard intoLastOfArrays, let last = children.last else { return nil }
                node = last
            case .value: return nil
            }
        }
        return node
    }

    /// Appends a new table to the array of tables `key` (made if missing); false when `key`
    /// holds something else.
    func appendTable(to key: String) -> Bool {
        switch entries[key] {
        case nil: set(key, .tables([TOMLNode()]))
        case .tables(let children): set(key, .tables(children + [TOMLNode()]))
        default: return false
        }
        return true
    }

    /// The finished table.
    var table: TOMLTable {
        var table = TOMLTable()
        for key in order {
            switch entries[key]! {
            case .value(let value): table.set(key, value)
            case .table(let child): table.set(key, .table(child.table))
            case .tables(let children): table.set(key, .array(children.map { .table($0.table) }))
            }
        }
        return table
    }
}

/// What headers and dotted keys have declared, and which values are frozen: the rules that
/// make a TOML table definable once.
struct TOMLFlags {
    enum Flag {
        /// Declared by a header or by dotted keys: not to be declared again.
        case declared
        /// An inline table or an array value: nothing may be added to it.
        case frozen
    }

    private final class Node {
        var flags: Set<Flag> = []
        var recursive: Set<Flag> = []
        var nested: [String: Node] = [:]
    }

    private let root = Node()
    private var pending: [([String], Flag)] = []

    /// Whether `key` has `flag`, or an ancestor has it for everything below.
    func has(_ key: [String], _ flag: Flag) -> Bool {
        guard let stem = key.last else { return false }
        var node = root
        for part in key.dropLast() {
            guard let next = node.nested[part] else { return false }
            if next.recursive.contains(flag) { return true }
            node = next
        }
        guard let last = node.nested[stem] else { return false }
        return last.flags.contains(flag) || last.recursive.contains(flag)
    }

    mutating func set(_ key: [String], _ flag: Flag, recursive: Bool) {
        var node = root
        for part in key {
            if node.nested[part] == nil { node.nested[part] = Node() }
            node = node.nested[part]!
        }
        if recursive { node.recursive.insert(flag) } else { node.flags.insert(flag) }
    }

    /// Forgets every flag at and below `key` (a new table of an array of tables).
    mutating func unsetAll(_ key: [String]) {
        var node = root
        for part in key.dropLast() {
            guard let next = node.nested[part] else { return }
            node = next
        }
        if let stem = key.last { node.nested[stem] = nil }
    }

    /// A flag that takes effect at the next header (dotted keys may reuse their tables
    /// until then).
    mutating func addPending(_ key: [String], _ flag: Flag) { pending.append((key, flag)) }

    mutating func finalizePending() {
        for (key, flag) in pending { set(key, flag, recursive: false) }
        pending.removeAll()
    }
}

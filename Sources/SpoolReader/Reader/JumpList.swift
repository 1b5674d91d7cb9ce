/// The comments left by jumps (parent, sibling, thread, first and last, same author, unread,
/// search match), for `,` (back) and `.` (forward), as vim's jump list: moving a row or a
/// page is no jump. Node numbers hold for one layout of the tree (`O` starts a new list).
struct JumpList: Sendable {
    /// The most comments kept to go back to.
    static let capacity = 100

    private(set) var back: [Int] = []
    private(set) var forward: [Int] = []

    /// A jump leaves `node`: it is where `,` goes back to; what `.` could go forward to is gone.
    mutating func leave(_ node: Int) {
        if back.last != node { back.append(node) }
        if back.count > JumpList.capacity { back.removeFirst(back.count - JumpList.capacity) }
        forward.removeAll()
    }

    /// The comment to go back to from `current`, which `.` then returns to.
    mutating func goBack(from current: Int) -> Int? {
        guard let target = back.popLast() else { return nil }
        forward.append(current)
        return target
    }

    /// The comment to go forward to again from `current`.
    mutating func goForward(from current: Int) -> Int? {
        guard let target = forward.popLast() else { return nil }
        back.append(current)
        return target
    }
}

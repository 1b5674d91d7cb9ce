import Foundation
import SpoolCore

/// What a reader is laid out from: the tree and every comment's key fingerprint. For a
/// large discussion both are made at once on two threads (they only read it): each is
/// tens of milliseconds at 100,000 comments, before the first frame.
enum TreeAndFingerprints {
    /// Below this many comments one thread does both sooner than two start.
    static let parallelFrom = 20_000

    static func make(_ discussion: Discussion) -> (ThreadTree, [UInt64]) {
        guard discussion.comments.count >= parallelFrom else {
            return (ThreadTree(discussion), discussion.keyFingerprints)
        }
        let made = Made()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { made.tree = ThreadTree(discussion) } else { made.fingerprints = discussion.keyFingerprints }
        }
        return (made.tree!, made.fingerprints)
    }

    /// Each thread writes its own field; both are read after both threads are done.
    private final class Made: @unchecked Sendable {
        var tree: ThreadTree?
        var fingerprints: [UInt64] = []
    }
}

import Foundation
import SpoolCore

/// What a reader is laid out from: the tree and every comment's key fingerprint. For a
/// large discussion both are made at once on two threads (they only read it): each is
/// tens of milliseconds at 100,000 comments, before the first frame (the fingerprints are
/// at hand when the importer kept them: a mail archive's are made as it is scanned).
enum TreeAndFingerprints {
    /// Below this many comments one thread does both sooner than two start.
    static let parallelFrom = 20_000

    /// The tree and the fingerprints; `then` is called with the fingerprints as soon as they
    /// are made (on the thread that made them, maybe while the tree is still being built).
    static func make(
        _ discussion: Discussion, then fingerprinted: (@Sendable ([UInt64]) -> Void)? = nil
    ) -> (ThreadTree, [UInt64]) {
        guard discussion.comments.count >= parallelFrom else {
            let fingerprints = discussion.keyFingerprints
            fingerprinted?(fingerprints)
            return (ThreadTree(discussion), fingerprints)
        }
        let made = Made()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                made.tree = ThreadTree(discussion)
            } else {
                made.fingerprints = discussion.keyFingerprints
                fingerprinted?(made.fingerprints)
            }
        }
        return (made.tree!, made.fingerprints)
    }

    /// Each thread writes its own field; both are read after both threads are done.
    private final class Made: @unchecked Sendable {
        var tree: ThreadTree?
        var fingerprints: [UInt64] = []
    }
}

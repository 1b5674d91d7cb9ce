import Foundation

/// Work on every index of a large list shared out over the cores, for per-item work with no
/// order between items (hashing each comment's text, say).
enum ParallelMap {
    /// `transform` of each index in `0..<count`, in order. Below `minimumPerPart` items a
    /// part, or on one core, it runs on the calling thread alone.
    static func map<T: Sendable>(
        count: Int, minimumPerPart: Int = 4096, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(minimumPerPart, 1)))
        guard parts > 1 else { return (0..<count).map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = ParallelSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                // Each part writes only its own slots.
                for index in (count * part / parts)..<(count * (part + 1) / parts) {
                    (slots.base + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }
}

/// An array's storage while it is filled, written by parts on several threads at disjoint
/// indices.
struct ParallelSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Moves an archive's comments from the order they are made in (the messages in file
/// order, then the placeholders in row order) into reading order, in place.
enum ReadingOrder {
    /// For each row, where its comment is made: the message's index in the file, or after
    /// the `messageCount` messages, the placeholder's place among the placeholders.
    static func sources(of rows: [MailThreader.Row], messageCount: Int) -> [Int] {
        var placeholders = 0
        let sources = rows.map { row in
            guard let message = row.message else {
                placeholders += 1
                return messageCount + placeholders - 1
            }
            return message
        }
        var seen = [Bool](repeating: false, count: rows.count)
        for source in sources {
            precondition(source < rows.count && !seen[source], "every message in one row")
            seen[source] = true
        }
        return sources
    }

    /// Puts the element at `sources[position]` at `position` for every position, moving
    /// each element once along the cycles of the permutation: no second array, as the
    /// elements are the largest thing an import holds.
    static func arrange<Element>(_ buffer: UnsafeMutableBufferPointer<Element>, sources: consuming [Int]) {
        precondition(sources.count == buffer.count, "a source for every position")
        guard let base = buffer.baseAddress else { return }
        for start in buffer.indices where sources[start] != start {
            // The element at `start` is lifted out; each hole is filled from its source
            // until the source is `start` itself, whose element is the one lifted. A filled
            // position is marked as its own source.
            let lifted = (base + start).move()
            var hole = start
            var source = sources[start]
            repeat {
                (base + hole).moveInitialize(from: base + source, count: 1)
                sources[hole] = hole
                hole = source
                source = sources[hole]
            } while source != start
            sources[hole] = hole
            (base + hole).initialize(to: lifted)
        }
    }
}

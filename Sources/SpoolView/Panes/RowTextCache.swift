import SpoolReader
import SpoolScreen

/// The text a tree row shows after its header (a changed subject, or the start of the
/// body), kept per node so moving by a row computes one new row, not forty; bodies of
/// archives are decoded and subjects compared only when a row first comes on screen.
final class RowTextCache: @unchecked Sendable {
    private struct Entry {
        let room: Int
        let text: String
        let isSubject: Bool
    }

    private var entries: [Int: Entry] = [:]
    /// The reader's layout the entries belong to (see ``Reader/layoutGeneration``).
    private var generation = 0
    private static let limit = 4096

    /// The text for `node` in `room` columns: `(text, true)` for a subject to show.
    func text(for node: Int, room: Int, in reader: Reader) -> (text: String, isSubject: Bool) {
        if generation != reader.layoutGeneration {
            entries.removeAll()
            generation = reader.layoutGeneration
        }
        if let entry = entries[node], entry.room == room { return (entry.text, entry.isSubject) }
        let subject = TreePane.subjectToShow(node, reader)
        let text = subject ?? TreePane.preview(of: reader.comment(at: node).body.text, columns: room)
        if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
        entries[node] = Entry(room: room, text: text, isSubject: subject != nil)
        return (text, subject != nil)
    }
}

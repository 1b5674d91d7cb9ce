import Foundation
import SpoolCore
import SpoolReader
import SpoolScreen
import SpoolState
import SpoolView

/// Times the read-state store: catching up (`M`) on a large discussion and saving every
/// mark, then reopening it (loading marks and building the reader).
struct PersistenceMeasurement {
    let comments: Int
    /// The `M` key itself, in the reader.
    let markAllSeconds: Double
    /// Writing the 100,000 marks to the database.
    let saveSeconds: Double
    let reopenSeconds: Double
    let databaseBytes: Int

    static func run(_ discussion: Discussion) throws -> PersistenceMeasurement {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keeper = StateKeeper(folder: folder, discussionID: discussion.identity)
        if let warning = keeper.warning {
            throw NSError(domain: "spool-bench", code: 1, userInfo: [NSLocalizedDescriptionKey: warning])
        }
        var program = Measurement.program(discussion, saved: keeper.load())
        var changes: [(key: StableKey, read: Bool)] = []
        let markAll = Measurement.elapsed {
            _ = program.handle(.key(.character("M")))
            var reader = program.reader
            changes = reader.takeReadChanges()
        }
        let save = Measurement.elapsed { keeper.save(readChanges: changes) }
        var reopened: ReaderProgram?
        let reopen = Measurement.elapsed {
            let again = StateKeeper(folder: folder, discussionID: discussion.identity)
            reopened = Measurement.program(discussion, saved: again.load())
        }
        guard reopened?.reader.marks.unreadCount == 0 else {
            throw NSError(
                domain: "spool-bench", code: 2, userInfo: [NSLocalizedDescriptionKey: "marks did not come back"])
        }
        let size =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.reduce(0) { total, name in
                total
                    + ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[
                        .size] as? Int) ?? 0)
            } ?? 0
        return PersistenceMeasurement(
            comments: discussion.comments.count, markAllSeconds: markAll, saveSeconds: save, reopenSeconds: reopen,
            databaseBytes: size)
    }
}

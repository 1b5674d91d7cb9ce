import Foundation
import SpoolCore
import SpoolImport
import SpoolView

/// Times of one scenario: import, first frame, and each key through the headless App.
struct Measurement {
    let name: String
    let bytes: Int
    let comments: Int
    let importSeconds: Double?
    let firstFrameSeconds: Double
    /// Per action: (median, p99) seconds for handling the key and rendering the screen.
    let keys: [(name: String, median: Double, p99: Double)]

    var megabytesPerSecond: Double? {
        guard let importSeconds, importSeconds > 0, bytes > 0 else { return nil }
        return Double(bytes) / 1_048_576 / importSeconds
    }

    /// The keys timed, in DESIGN.md's notation (search comes with its issue).
    static let keyNames = ["j", "k", "<PgDn>", "G", "g", "C", "E", "o", "a", "<Tab>", "M"]

    static func elapsed(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Imports `text` (when given), then measures the reader on the result at 120x40.
    static func run(name: String, text: [UInt8]?, discussion given: Discussion? = nil, repeats: Int = 30) throws -> Measurement {
        var discussion = given
        var importTime: Double?
        let firstFrame = try elapsed {
            if let text {
                importTime = try elapsed { discussion = try DiscussionFile.parse(bytes: text, file: name) }
            }
            let app = App(discussion: discussion!, columns: 120, rows: 40, options: ReaderOptions(now: now))
            _ = ReaderView(theme: .monochrome).render(app)
        }
        let base = App(discussion: discussion!, columns: 120, rows: 40, options: ReaderOptions(now: now))
        var keys: [(String, Double, Double)] = []
        for notation in keyNames {
            let key = try KeyNotation.parse(notation)[0]
            var samples: [Double] = []
            var app = base
            let view = ReaderView(theme: .monochrome)
            for _ in 0..<repeats {
                samples.append(elapsed {
                    app.handle(key)
                    _ = view.render(app)
                })
            }
            samples.sort()
            keys.append((notation, samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)]))
        }
        return Measurement(
            name: name, bytes: text?.count ?? 0, comments: discussion!.comments.count, importSeconds: importTime,
            firstFrameSeconds: firstFrame, keys: keys)
    }

    static let now = Timestamp(year: 2026, month: 1, day: 1, utcOffsetMinutes: 0)
}

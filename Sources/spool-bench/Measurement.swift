import CSpoolMalloc
import Foundation
import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolView

/// Times of one scenario: import, first frame, each key through the headless reader, and the
/// process's peak memory when the first frame was drawn and at the end.
struct Measurement: Codable {
    struct KeyTiming: Codable {
        let name: String
        let median: Double
        let p99: Double
    }

    let name: String
    let bytes: Int
    let comments: Int
    let importSeconds: Double?
    let firstFrameSeconds: Double
    let keys: [KeyTiming]
    /// Time to search every comment for a word (the whole search, not one key's share).
    let fullSearchSeconds: Double
    let firstFramePeakRSSKilobytes: Int
    let peakRSSKilobytes: Int

    var megabytesPerSecond: Double? {
        guard let importSeconds, importSeconds > 0, bytes > 0 else { return nil }
        return Double(bytes) / 1_048_576 / importSeconds
    }

    /// The keys timed, in DESIGN.md's notation; `/` stands for typing a search.
    static let keyNames = ["j", "k", "<PgDn>", "G", "g", "C", "E", "o", "a", "<Tab>", "/", "M"]

    /// The keys pressed for each `/` sample: open the prompt, type a word, run it.
    static let searchKeys = ["/", "c", "a", "c", "h", "e", "<Enter>", "n"]

    static func elapsed(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The process's peak resident memory: `VmHWM` where /proc has it (Linux keeps
    /// getrusage's figure across exec, so a child would report its parent's), else getrusage.
    static func peakRSSKilobytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        {
            return kilobytes
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static let now = Timestamp(year: 2026, month: 1, day: 1, utcOffsetMinutes: 0)
}

/// The scenarios, each run in its own process by ``SpoolBench``.
enum Scenario {
    static let deepChain = "chain 100000 deep"
    static let wideThread = "50000 direct replies"

    static func run(name: String, path: String?) throws -> Measurement {
        var discussion: Discussion?
        var importTime: Double?
        var bytes = 0
        var firstFrame = 0.0
        switch name {
        case deepChain:
            discussion = Generators.deepChain(100_000)
        case wideThread:
            discussion = Generators.wideThread(50_000)
        default:
            guard let path else { throw ValidationErrorText("scenario \(name) needs --path") }
            bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            firstFrame = try Measurement.elapsed {
                importTime = try Measurement.elapsed { discussion = try DiscussionFile.load(path: path) }
                var program = Measurement.program(discussion!)
                spool_keep_freed_blocks()  // as `spool` does once its reader is built
                _ = program.render()
            }
        }
        let loaded = discussion!
        if importTime == nil {
            firstFrame = Measurement.elapsed {
                var program = Measurement.program(loaded)
                spool_keep_freed_blocks()
                _ = program.render()
            }
        }
        let firstFrameRSS = Measurement.peakRSSKilobytes()
        let repeats = loaded.comments.count >= 50_000 ? 40 : 100
        let base = Measurement.program(loaded)
        var keys: [Measurement.KeyTiming] = []
        for notation in Measurement.keyNames {
            let presses = try (notation == "/" ? Measurement.searchKeys : [notation]).flatMap {
                try KeyNotation.parse($0)
            }
            var samples: [Double] = []
            var program = base
            for _ in 0..<repeats {
                for key in presses {
                    samples.append(
                        Measurement.elapsed {
                            _ = program.handle(.key(key))
                            _ = program.render()
                        })
                }
            }
            samples.sort()
            keys.append(
                .init(
                    name: notation, median: samples[samples.count / 2],
                    p99: samples[min(samples.count - 1, samples.count * 99 / 100)]))
        }
        // Typed as fast as keys come (each key starts the search again and looks at a few
        // comments), then the whole search done at once.
        var searching = base
        let fullSearch = try Measurement.elapsed {
            for key in try Measurement.searchKeys.flatMap({ try KeyNotation.parse($0) }) {
                _ = searching.handle(.key(key))
            }
            _ = HeadlessRunner.finishWork(&searching)
        }
        return Measurement(
            name: name, bytes: bytes, comments: loaded.comments.count, importSeconds: importTime,
            firstFrameSeconds: firstFrame,
            keys: keys, fullSearchSeconds: fullSearch, firstFramePeakRSSKilobytes: firstFrameRSS,
            peakRSSKilobytes: Measurement.peakRSSKilobytes())
    }
}

extension Measurement {
    /// The reader on `discussion` at 120x40, as every scenario measures it.
    static func program(_ discussion: Discussion, saved: SavedState = SavedState()) -> ReaderProgram {
        let options = ReaderOptions(now: Measurement.now)
        return ReaderProgram(
            discussion: discussion, columns: 120, rows: 40, options: options, saved: saved,
            view: ReaderView(theme: .monochrome, options: options))
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

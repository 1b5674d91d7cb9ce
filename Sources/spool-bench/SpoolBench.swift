import ArgumentParser
import Foundation
import SpoolImport
import SpoolCore

/// `spool-bench [--json] [FILE ...]`: import throughput, time to first frame and per-key
/// times on generated discussions (and on any files named), with peak memory.
@main
struct SpoolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spool-bench",
        abstract: "Time import, first frame and key presses on generated discussions and on FILEs.")

    @Flag(help: "Print JSON for scripts instead of the table.")
    var json = false

    @Option(help: "The largest generated web discussion (comments); 1k and 10k are always run.")
    var largest: Int = 100_000

    @Argument(help: "Discussion files to measure as well.")
    var files: [String] = []

    func run() throws {
        var results: [Measurement] = []
        var persistence: PersistenceMeasurement?
        for count in Set([1_000, 10_000, largest]).sorted() where count <= largest {
            let text = Array(Generators.webPage(comments: count).utf8)
            results.append(try Measurement.run(name: "web \(count)", text: text, repeats: count >= 100_000 ? 15 : 30))
            if count == largest { persistence = try PersistenceMeasurement.run(try DiscussionFile.parse(bytes: text, file: "web \(count)")) }
        }
        results.append(try Measurement.run(name: "chain 100000 deep", text: nil, discussion: Generators.deepChain(100_000), repeats: 10))
        results.append(try Measurement.run(name: "50000 direct replies", text: nil, discussion: Generators.wideThread(50_000), repeats: 10))
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot be read; name a discussion file")
            }
            results.append(try Measurement.run(name: URL(fileURLWithPath: file).lastPathComponent, text: [UInt8](data)))
        }
        print(json ? Report.json(results, persistence: persistence, peakRSS: peakRSSKilobytes()) : Report.table(results, persistence: persistence, peakRSS: peakRSSKilobytes()))
    }

    private func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

import Foundation
import SpoolImport

/// `spool-bench [--json] [FILE ...]`: import throughput, time to first frame and per-key
/// times on generated discussions (and on any files named), with peak memory.
@main
enum SpoolBench {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let json = arguments.contains("--json")
        let files = arguments.filter { $0 != "--json" }
        var results: [Measurement] = []
        for count in [1_000, 10_000, 100_000] {
            let text = Array(Generators.webPage(comments: count).utf8)
            results.append(try Measurement.run(name: "web \(count)", text: text, repeats: count >= 100_000 ? 15 : 30))
        }
        results.append(try Measurement.run(name: "chain 100000 deep", text: nil, discussion: Generators.deepChain(100_000), repeats: 10))
        results.append(try Measurement.run(name: "50000 direct replies", text: nil, discussion: Generators.wideThread(50_000), repeats: 10))
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            results.append(try Measurement.run(name: URL(fileURLWithPath: file).lastPathComponent, text: bytes))
        }
        print(json ? Report.json(results, peakRSS: peakRSSKilobytes()) : Report.table(results, peakRSS: peakRSSKilobytes()))
    }

    static func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

import ArgumentParser
import CSpoolMalloc
import Foundation
import SpoolCore
import SpoolImport

/// `spool-bench [--json] [--largest N] [--million] [FILE ...]`: import throughput, time to first
/// frame, per-key times and peak memory on generated discussions (web text and mbox at 1k, 10k
/// and `--largest` comments, Hacker News JSON at 10k and `--largest`, with `--million` a
/// 1,000,000-message mbox, a 100,000-deep chain, 50,000 direct replies) and on any files named.
///
/// Each scenario runs in a child process of its own, so its peak RSS is its own.
@main
struct SpoolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spool-bench",
        abstract: "Time import, first frame and key presses on generated discussions and on FILEs.")

    @Flag(help: "Print JSON for scripts instead of the table.")
    var json = false

    @Option(help: "The largest generated discussions (comments); 1k and 10k are always run.")
    var largest: Int = 100_000

    @Flag(help: "Also run a 1,000,000-message mbox archive (about 2 GB of temporary disk).")
    var million = false

    @Option(help: ArgumentHelp("Run one scenario in this process and print its JSON.", visibility: .private))
    var scenario: String?

    @Option(help: ArgumentHelp("The file the scenario reads.", visibility: .private))
    var path: String?

    @Option(
        help: "Only write a generated mbox archive of this many messages to --output (for Scripts/compare-mutt.sh).")
    var generateMbox: Int?

    @Option(help: "Only write a generated Hacker News thread (Algolia JSON) of this many comments to --output.")
    var generateHn: Int?

    @Option(help: "Only write a generated web page's text of this many comments to --output.")
    var generateWeb: Int?

    @Option(help: "Where --generate-mbox, --generate-hn or --generate-web writes.")
    var output: String?

    @Argument(help: "Discussion files to measure as well (any format Spool reads, e.g. gen_mbox.py output).")
    var files: [String] = []

    func run() throws {
        spool_return_large_blocks_at_once()  // as `spool` does, so the peaks measured are its peaks
        if let generateMbox {
            guard let output, generateMbox > 0 else {
                throw ValidationError("--generate-mbox N needs a positive N and --output FILE")
            }
            var generator = MboxGenerator(messages: generateMbox)
            try generator.write(to: URL(fileURLWithPath: output))
            return
        }
        for (option, count, text) in [
            ("--generate-hn", generateHn, Generators.hackerNews), ("--generate-web", generateWeb, Generators.webPage),
        ] {
            guard let count else { continue }
            guard let output, count > 0 else {
                throw ValidationError("\(option) N needs a positive N and --output FILE")
            }
            try Data(text(count, 7).utf8).write(to: URL(fileURLWithPath: output))
            return
        }
        if let scenario {
            let result = try Scenario.run(name: scenario, path: path)
            print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
            return
        }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("\(file): cannot be read; name a discussion file")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spool-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [(name: String, path: String?)] = []
        for count in Set([1_000, 10_000, largest]).sorted() where count <= largest {
            let web = folder.appendingPathComponent("web-\(count).txt")
            try Data(Generators.webPage(comments: count).utf8).write(to: web)
            runs.append(("web \(count)", web.path))
        }
        for count in Set([1_000, 10_000, largest]).sorted() where count <= largest {
            let mbox = folder.appendingPathComponent("list-\(count).mbox")
            var generator = MboxGenerator(messages: count)
            try generator.write(to: mbox)
            runs.append(("mbox \(count)", mbox.path))
        }
        if million {
            let mbox = folder.appendingPathComponent("list-1000000.mbox")
            var generator = MboxGenerator(messages: 1_000_000)
            try generator.write(to: mbox)
            runs.append(("mbox 1000000", mbox.path))
        }
        for count in Set([10_000, largest]).sorted() where count <= largest {
            let hn = folder.appendingPathComponent("hn-\(count).json")
            try Data(Generators.hackerNews(comments: count).utf8).write(to: hn)
            runs.append(("hn \(count)", hn.path))
        }
        runs.append((Scenario.deepChain, nil))
        runs.append((Scenario.wideThread, nil))
        runs += files.map { (URL(fileURLWithPath: $0).lastPathComponent, $0) }
        var results: [Measurement] = []
        for run in runs {
            FileHandle.standardError.write(Data("spool-bench: \(run.name)…\n".utf8))
            results.append(try child(run.name, path: run.path))
        }
        let persistence = try PersistenceMeasurement.run(
            DiscussionFile.load(path: folder.appendingPathComponent("web-\(largest).txt").path))
        print(json ? Report.json(results, persistence: persistence) : Report.table(results, persistence: persistence))
    }

    /// Runs one scenario in a fresh copy of this program and reads its result.
    private func child(_ name: String, path: String?) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if let executable = Bundle.main.executableURL { process.executableURL = executable }
        process.arguments = ["--scenario", name] + (path.map { ["--path", $0] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("scenario \(name) failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(Measurement.self, from: data)
    }
}

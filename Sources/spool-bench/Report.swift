import Foundation

/// The benchmark's output: two tables for people (opening, then keys), or JSON for scripts.
enum Report {
    static func table(_ results: [Measurement], persistence: PersistenceMeasurement?) -> String {
        var out =
            "scenario                comments      MB  import MB/s  first frame  RSS at frame  peak RSS  full search\n"
        for r in results {
            out += r.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            out += pad(String(r.comments), 10)
            out += pad(String(format: "%.1f", Double(r.bytes) / 1_048_576), 8)
            out += pad(r.megabytesPerSecond.map { String(format: "%.1f", $0) } ?? "-", 13)
            out += pad(milliseconds(r.firstFrameSeconds), 13)
            out += pad("\(r.firstFramePeakRSSKilobytes / 1024) MiB", 14)
            out += pad("\(r.peakRSSKilobytes / 1024) MiB", 10)
            out += pad(milliseconds(r.fullSearchSeconds), 13)
            out += "\n"
        }
        out +=
            "\nper key, median/p99 (handling the key and rendering a 120x40 screen; / = each key of \"/cache<Enter>n\")\n"
        out += "scenario              "
        for key in Measurement.keyNames { out += pad(key, 14) }
        out += "\n"
        for r in results {
            out += r.name.padding(toLength: 22, withPad: " ", startingAt: 0)
            for key in r.keys { out += pad("\(milliseconds(key.median))/\(milliseconds(key.p99))", 14) }
            out += "\n"
        }
        if let p = persistence {
            out +=
                "\nread state (SQLite, WAL): M on \(p.comments) comments \(milliseconds(p.markAllSeconds)), saving them \(milliseconds(p.saveSeconds)); "
            out +=
                "reopen (load marks + build reader): \(milliseconds(p.reopenSeconds)); database \(p.databaseBytes / 1024) KiB\n"
        }
        return out
    }

    static func json(_ results: [Measurement], persistence: PersistenceMeasurement?) -> String {
        let entries: [[String: Any]] = results.map { r in
            [
                "scenario": r.name, "comments": r.comments, "bytes": r.bytes,
                "importMBps": r.megabytesPerSecond ?? NSNull(), "firstFrameSeconds": r.firstFrameSeconds,
                "firstFramePeakRSSKilobytes": r.firstFramePeakRSSKilobytes, "peakRSSKilobytes": r.peakRSSKilobytes,
                "fullSearchSeconds": r.fullSearchSeconds,
                "keys": Dictionary(
                    uniqueKeysWithValues: r.keys.map { ($0.name, ["median": $0.median, "p99": $0.p99]) }),
            ]
        }
        var object: [String: Any] = ["results": entries]
        if let p = persistence {
            object["readState"] = [
                "comments": p.comments, "markAllSeconds": p.markAllSeconds, "saveSeconds": p.saveSeconds,
                "reopenSeconds": p.reopenSeconds,
                "databaseBytes": p.databaseBytes,
            ]
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.001 ? String(format: "%.3fms", seconds * 1000) : String(format: "%.1fms", seconds * 1000)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width - text.count)) + text
    }
}

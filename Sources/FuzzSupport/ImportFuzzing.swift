import SpoolCore
import SpoolImport
import SpoolReader
import SpoolScreen
import SpoolView

/// What the importer fuzz targets run on each input: the import, and for every discussion
/// that imports, threading, layout, rendering at two sizes, a few keys and both exports, so
/// the whole path from bytes to screen is fuzzed. Failing imports must only throw.
public enum ImportFuzzing {
    public static func run(_ data: UnsafePointer<UInt8>, _ size: Int, format: Format?) {
        let bytes = Array(UnsafeBufferPointer(start: data, count: size))
        guard let discussion = try? DiscussionFile.parse(bytes: bytes, file: "fuzz", format: format) else { return }
        let options = ReaderOptions(now: Timestamp(year: 2026, month: 1, day: 1))
        var program = ReaderProgram(
            discussion: discussion, columns: 60, rows: 12, options: options,
            view: ReaderView(theme: .monochrome, options: options))
        _ = program.render()
        for key in [
            Key.character("G"), .tab, .character("a"), .character("C"), .resize(columns: 7, rows: 3), .character(" "),
        ] {
            _ = program.handle(.key(key))
            _ = program.render()
        }
        _ = discussion.exportJSON()
        _ = discussion.exportPageText()
    }
}

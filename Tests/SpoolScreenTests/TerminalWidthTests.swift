import Foundation
import SpoolScreen
import Testing

/// Spool measures each scalar as the C library's `wcwidth` does, which is what terminals
/// ask: a row drawn in the terminal never shifts against what Spool laid out.
@Suite(.serialized) struct TerminalWidthTests {
    @Test func everyScalarMeasuresAsWcwidthDoes() throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else {
            print("skipped: no C.UTF-8 locale")
            return
        }
        defer { _ = previous.map { setlocale(LC_CTYPE, $0) } }
        // `wcwidth` is not in Swift's Glibc module (it needs _XOPEN_SOURCE): found by name.
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
        var differing: [String] = []
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = wcwidth(wchar_t(bitPattern: value))
            guard expected >= 0 else { continue }  // controls: the sanitiser removes them
            let measured = DisplayWidth.of(Character(scalar))
            if measured != Int(expected) { differing.append(String(format: "U+%04X %d/%d", value, measured, expected)) }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.prefix(10))")
    }

    @Test func theCasesTheTerminalShowedDifferently() {
        #expect(DisplayWidth.of(Character("\u{1F321}")) == 1, "a thermometer: text presentation, one column")
        #expect(DisplayWidth.of(Character("\u{1F321}\u{FE0F}")) == 2, "with VS16: emoji presentation, two")
        #expect(DisplayWidth.of(Character("\u{16FF0}")) == 2)
    }
}

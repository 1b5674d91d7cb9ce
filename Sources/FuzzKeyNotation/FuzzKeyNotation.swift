import SpoolReader
import SpoolView

/// libFuzzer entry point for the key notation parser and the config file parser (which
/// reads key notation too): any text, both parsers, no crash. Build and run with `Scripts/fuzz.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyNotation(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let keys = try? KeyNotation.parse(text) {
        for key in keys { _ = KeyNotation.name(of: key) }
    }
    _ = ReaderConfig.parse(toml: text, file: "fuzz.toml")
    _ = try? Theme.parse(toml: text, file: "fuzz.toml")
    return 0
}

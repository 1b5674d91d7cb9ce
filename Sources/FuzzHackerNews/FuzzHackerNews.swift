import FuzzSupport

/// libFuzzer target for the hn importer; `Scripts/fuzz.sh` builds and runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHackerNews(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ImportFuzzing.run(data, size, format: .hn)
    return 0
}

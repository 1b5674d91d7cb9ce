import FuzzSupport

/// libFuzzer target for the web importer; `Scripts/fuzz.sh` builds and runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWeb(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ImportFuzzing.run(data, size, format: .web)
    return 0
}

import FuzzSupport

/// libFuzzer target for the reddit importer; `Scripts/fuzz.sh` builds and runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReddit(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ImportFuzzing.run(data, size, format: .reddit)
    return 0
}

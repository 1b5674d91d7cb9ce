import FuzzSupport

/// libFuzzer target for the mbox importer; `Scripts/fuzz.sh` builds and runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ImportFuzzing.run(data, size, format: .mbox)
    return 0
}

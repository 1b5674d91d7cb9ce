import FuzzSupport

/// libFuzzer target for the flat-record sources (Lobsters, Discourse, GitHub, Mastodon,
/// Bluesky, Discord), picked by sniffing as for any file; `Scripts/fuzz.sh` runs it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ImportFuzzing.run(data, size, format: nil)
    return 0
}

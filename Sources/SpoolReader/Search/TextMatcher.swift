import Foundation
import SpoolScreen

/// A search query prepared once and matched against many texts under smart case: a
/// query with a capital letter matches exactly, else letters match in either case.
///
/// ASCII queries (and any case-sensitive one) are matched on UTF-8 bytes without copying
/// the text; a lower-case query with other letters compares lower-cased text.
public struct TextMatcher: Sendable, Equatable {
    private let needle: [UInt8]
    private let foldsASCII: Bool
    private let lowercasedQuery: String?

    public init(_ query: String) {
        let sensitive = Reader.isCaseSensitive(query)
        if sensitive || query.allSatisfy(\.isASCII) {
            needle = Array((sensitive ? query : query.lowercased()).utf8)
            foldsASCII = !sensitive
            lowercasedQuery = nil
        } else {
            needle = []
            foldsASCII = false
            lowercasedQuery = query.lowercased()
        }
    }

    public func matches(_ text: String) -> Bool {
        if let lowercasedQuery { return text.lowercased().contains(lowercasedQuery) }
        guard !needle.isEmpty else { return false }
        var text = text
        return text.withUTF8 { bytes in
            needle.withUnsafeBufferPointer { needle in
                Self.search(UnsafeRawBufferPointer(bytes), for: needle, foldsASCII: foldsASCII)
            }
        }
    }

    private static func search(
        _ haystack: UnsafeRawBufferPointer, for needle: UnsafeBufferPointer<UInt8>, foldsASCII: Bool
    ) -> Bool {
        let count = haystack.count
        let length = needle.count
        guard length <= count else { return false }
        let first = needle[0]
        var index = 0
        while index <= count - length {
            let byte = haystack[index]
            if (foldsASCII ? fold(byte) : byte) == first {
                var offset = 1
                while offset < length {
                    let candidate = haystack[index + offset]
                    if (foldsASCII ? fold(candidate) : candidate) != needle[offset] { break }
                    offset += 1
                }
                if offset == length { return true }
            }
            index += 1
        }
        return false
    }

    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

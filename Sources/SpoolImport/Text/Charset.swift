import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns bytes in a named character set into a String, never failing.
///
/// UTF-8 and US-ASCII are decoded directly; every other charset goes through iconv, which
/// knows the ISO-8859 family, Windows code pages, KOI8-R, GB2312, Big5, ISO-2022-JP,
/// EUC-KR and more. Bytes that do not convert, and unknown charsets, are decoded as UTF-8
/// when they are valid UTF-8 and as Windows-1252 otherwise: shown best-effort, never dropped.
public enum Charset {
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let name = (charset ?? "us-ascii").trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased()
        if bytes.allSatisfy({ $0 < 0x80 }) && !name.contains("2022") && !name.hasPrefix("utf-16")
            && !name.hasPrefix("utf-7")
        {
            return String(decoding: bytes, as: UTF8.self)
        }
        if name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" {
            return bestEffort(Array(bytes))
        }
        if let converted = iconvDecode(Array(bytes), from: alias(name)) { return converted }
        return bestEffort(Array(bytes))
    }

    /// UTF-8 if the bytes are valid UTF-8, else Windows-1252.
    public static func bestEffort(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return iconvDecode(bytes, from: "WINDOWS-1252") ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func alias(_ name: String) -> String {
        switch name {
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1": return "ISO-8859-1"
        case "gb2312", "gbk", "x-gbk", "euc-cn": return "GB18030"
        case "ks_c_5601-1987": return "CP949"
        case "x-mac-roman": return "MACINTOSH"
        default: return name.uppercased()
        }
    }

    private static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        var result: [UInt8] = []
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    var outLeft = outBuffer.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let produced = outBuffer.count - outLeft
                    result.append(contentsOf: UnsafeRawBufferPointer(start: outBuffer.baseAddress, count: produced))
                    if status == -1 {
                        if errno == E2BIG { continue }
                        // An invalid or cut-off byte: show U+FFFD for it and go on.
                        guard inLeft > 0 else { break }
                        result.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPointer = inPointer?.advanced(by: 1)
                        inLeft -= 1
                    }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

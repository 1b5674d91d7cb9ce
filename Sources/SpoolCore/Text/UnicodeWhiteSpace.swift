/// Unicode's White_Space characters found in UTF-8 bytes without decoding them: the ASCII
/// ones (space, tab, line feed, vertical tab, form feed, carriage return) and U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
public enum UnicodeWhiteSpace {
    /// The length in bytes of the white space character that starts at `index`, or 0.
    /// `noBreakSpace: false` does not count U+00A0 (HTML keeps `&nbsp;` as it is).
    @inlinable
    public static func length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, noBreakSpace: Bool = true) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let rest = bytes.count - index
        switch byte {
        case 0xC2:
            guard rest >= 2 else { return 0 }
            return bytes[index + 1] == 0x85 || (noBreakSpace && bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1: return rest >= 3 && bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard rest >= 3 else { return 0 }
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF) {
                return 3
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return rest >= 3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Whether `byte` can start a white space character (every other byte never does).
    @inlinable
    public static func canStart(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }
}

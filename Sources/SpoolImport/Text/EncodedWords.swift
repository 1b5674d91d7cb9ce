import Foundation

/// RFC 2047 encoded words in header text (`=?ISO-8859-1?Q?Andr=E9?=`), decoded; white
/// space between two encoded words is dropped as the RFC says.
public enum EncodedWords {
    public static func decode(_ text: String) -> String {
        guard mayHoldEncodedWord(text) else { return text }
        var out = ""
        var rest = Substring(text)
        // Adjacent words in one charset are decoded together: a character may be split
        // between two of them (a UTF-8 sequence across two base64 words).
        var pending: (charset: String, bytes: [UInt8])?
        func flush() {
            if let word = pending { out += Charset.decode(word.bytes, charset: word.charset) }
            pending = nil
        }
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let word = encodedWord(at: rest[start.lowerBound...]) else {
                flush()
                out += before + "=?"
                rest = rest[start.upperBound...]
                continue
            }
            let isOnlySpace = before.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            if pending != nil && isOnlySpace && pending?.charset.lowercased() == word.charset.lowercased() {
                pending?.bytes += word.bytes
            } else {
                // White space between two encoded words is dropped, as the RFC says.
                let keepsSpace = !(pending != nil && isOnlySpace)
                flush()
                if keepsSpace { out += before }
                pending = (word.charset, word.bytes)
            }
            rest = rest[word.end...]
        }
        flush()
        return out + rest
    }

    /// Whether `=?` occurs in `text`: a byte scan, as nearly every header has no encoded word.
    private static func mayHoldEncodedWord(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "?") && previous == UInt8(ascii: "=") { return true }
            previous = byte
        }
        return false
    }

    private static func encodedWord(at text: Substring) -> (charset: String, bytes: [UInt8], end: Substring.Index)? {
        let parts = text.dropFirst(2)
        guard let q1 = parts.prefix(80).firstIndex(of: "?") else { return nil }
        let charset = parts[..<q1].split(separator: "*").first.map(String.init) ?? ""
        let afterCharset = parts[parts.index(after: q1)...]
        guard let encoding = afterCharset.first, afterCharset.dropFirst().first == "?" else { return nil }
        let payloadStart = afterCharset.index(afterCharset.startIndex, offsetBy: 2)
        // An encoded word is at most 75 characters (RFC 2047); look no further than 1,000, so
        // a header full of unterminated `=?` stays linear.
        guard let close = afterCharset[payloadStart...].prefix(1000).range(of: "?=") else { return nil }
        let payload = afterCharset[payloadStart..<close.lowerBound]
        guard !payload.contains(" "), payload.count < 1000 else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B", "b":
            var padded = String(payload)
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded, options: .ignoreUnknownCharacters) else { return nil }
            bytes = [UInt8](data)
        case "Q", "q":
            bytes = QuotedPrintable.decode(Array(payload.utf8), underscoreIsSpace: true)
        default:
            return nil
        }
        return (charset, bytes, close.upperBound)
    }
}

/// Quoted-printable (RFC 2045) decoding, tolerant of bad escapes (kept as they are).
public enum QuotedPrintable {
    public static func decode(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 2
                    continue
                }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                    index += 3
                    continue
                }
                if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                out.append(byte)
            } else if underscoreIsSpace && byte == UInt8(ascii: "_") {
                out.append(0x20)
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// MIME parameters as RFC 2231 extends them: a value in a charset
/// (`filename*=UTF-8''na%C3%AFve.txt`) and a long value split in numbered sections
/// (`filename*0*=…; filename*1*=…`), which are joined and decoded.
enum RFC2231 {
    /// The parameters by lower-case name, sections joined and encoded values decoded; a
    /// plain value stands when no extended one is given.
    static func parameters(_ raw: [(name: String, value: String)]) -> [String: String] {
        var plain: [String: String] = [:]
        // Sections by base name: (number, value, whether it is percent-encoded).
        var sections: [String: [(number: Int, value: String, encoded: Bool)]] = [:]
        for (name, value) in raw {
            guard let star = name.firstIndex(of: "*") else {
                plain[name] = value
                continue
            }
            let base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            let encoded = rest.hasSuffix("*") || rest.isEmpty
            let number = Int(rest.hasSuffix("*") ? rest.dropLast() : rest) ?? 0
            sections[base, default: []].append((number, value, encoded))
        }
        for (base, parts) in sections {
            var charset: String?
            var bytes: [UInt8] = []
            for (index, part) in parts.sorted(by: { $0.number < $1.number }).enumerated() {
                var value = Substring(part.value)
                if part.encoded && index == 0 {
                    // `charset'language'value`.
                    let fields = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if fields.count == 3 {
                        charset = fields[0].isEmpty ? nil : String(fields[0])
                        value = fields[2]
                    }
                }
                bytes += part.encoded ? percentDecoded(value) : Array(value.utf8)
            }
            plain[base] = Charset.decode(bytes, charset: charset ?? "utf-8")
        }
        return plain
    }

    /// `%C3%AF` as its bytes; anything else as it is.
    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        var out: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                out.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                out.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return out
    }
}

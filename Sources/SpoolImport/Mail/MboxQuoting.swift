/// The `From ` line that starts an mbox message, and the quoting of body lines that
/// look like one (``MboxScanner`` finds the messages).
enum MboxQuoting {
    static let fromPrefix: [UInt8] = Array("From ".utf8)

    /// Whether some line starts with `>From ` (after any number of `>`): a plain byte scan.
    private static func containsEscapedFrom(_ body: ArraySlice<UInt8>) -> Bool {
        var index = body.startIndex
        while let found = body[index...].firstIndex(of: UInt8(ascii: ">")) {
            let atLineStart = found == body.startIndex || body[found - 1] == 0x0A
            if atLineStart {
                let rest = body[found...].drop { $0 == UInt8(ascii: ">") }
                if rest.starts(with: fromPrefix) { return true }
            }
            index = found + 1
        }
        return false
    }

    /// Undoes mboxo/mboxrd quoting: a line `>From ` (any number of `>`) loses one `>`.
    static func unescape(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard containsEscapedFrom(body) else { return body }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let end = body[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.endIndex
            let line = body[index..<end]
            let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
            if quotes > 0 && line.dropFirst(quotes).starts(with: fromPrefix) {
                out.append(contentsOf: line.dropFirst())
            } else {
                out.append(contentsOf: line)
            }
            index = end
        }
        return out[...]
    }

    /// mboxrd quoting, the inverse of ``unescape(_:)``: every line that starts with `From `
    /// after any number of `>` gets one more `>`.
    static func escape(_ message: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var index = message.startIndex
        while index < message.endIndex {
            let end = message[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? message.endIndex
            let line = message[index..<end]
            if line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: fromPrefix) { out.append(UInt8(ascii: ">")) }
            out.append(contentsOf: line)
            index = end
        }
        return out
    }
}

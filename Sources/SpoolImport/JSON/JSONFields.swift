import Foundation
import SpoolCore

/// Typed reads of the loosely typed values `JSONSerialization` gives.
enum JSONFields {
    static func string(_ object: [String: Any], _ key: String) -> String? {
        if let text = object[key] as? String { return text }
        if let number = object[key] as? NSNumber, !(object[key] is Bool) { return number.stringValue }
        return nil
    }

    static func int(_ object: [String: Any], _ key: String) -> Int? {
        if let number = object[key] as? NSNumber { return number.intValue }
        if let text = object[key] as? String { return Int(text) }
        return nil
    }

    static func bool(_ object: [String: Any], _ key: String) -> Bool {
        (object[key] as? Bool) ?? ((object[key] as? NSNumber)?.boolValue ?? false)
    }

    /// Where nesting first passes ``maximumNesting``, scanning bytes outside strings.
    static func excessiveNesting(_ bytes: [UInt8]) -> (offset: Int, depth: Int)? {
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumNesting { return (offset, depth) }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return nil
    }

    /// A date from Unix seconds (number or numeric string).
    static func unixDate(_ object: [String: Any], _ key: String) -> Timestamp? {
        guard let seconds = (object[key] as? NSNumber)?.doubleValue ?? (object[key] as? String).flatMap(Double.init),
            seconds > 0, seconds < 1e11
        else { return nil }
        return Timestamp(secondsSinceEpoch: Int64(seconds))
    }

    /// A date from ISO 8601 text (`2006-10-09T19:51:01.000Z`).
    static func isoDate(_ text: String?) -> Timestamp? {
        guard let text else { return nil }
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 5 else { return nil }
        let date = Timestamp(
            year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4],
            second: digits.count > 5 ? digits[5] : 0, utcOffsetMinutes: 0)
        return date.isValid ? date : nil
    }

    /// The deepest nesting parsed; Foundation's parser recurses, so deeper input is refused
    /// with a clear error instead of risking the stack. Real threads nest a few dozen deep.
    static let maximumNesting = 1_000

    static func parse(_ bytes: [UInt8], file: String) throws -> Any {
        if let (offset, depth) = excessiveNesting(bytes) {
            let line = bytes.prefix(offset).filter { $0 == 0x0A }.count + 1
            throw ImportError(
                file: file, line: line,
                reason: .malformed(
                    "nests JSON deeper than \(maximumNesting) levels (\(depth) here); no discussion export does, so the file is refused."
                ))
        }
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            // Foundation says "… around character N." in its debug description.
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? error.localizedDescription
            let offset = detail.split(separator: " ").last.flatMap {
                Int($0.trimmingCharacters(in: .punctuationCharacters))
            }
            let line = offset.map { offset in bytes.prefix(offset).filter { $0 == 0x0A }.count + 1 }
            throw ImportError(
                file: file, line: line,
                reason: .malformed("is not valid JSON (\(detail)). Check that the export is complete."))
        }
    }
}

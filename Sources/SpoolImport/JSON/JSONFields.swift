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

    /// A date from ISO 8601 text (`2006-10-09T19:51:01.000Z`, `2022-07-22T14:04:36.000-05:00`),
    /// keeping the offset it gives (UTC when it gives none).
    static func isoDate(_ text: String?) -> Timestamp? {
        guard let text, let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) else { return nil }
        let time = text[text.index(after: t)...]
        // The time ends where the zone begins: `Z`, or a sign and `HH:MM`.
        let zoneStart = time.firstIndex { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" } ?? time.endIndex
        let day = text[..<t].split(separator: "-").compactMap { Int($0) }
        let clock = time[..<zoneStart].split(whereSeparator: { $0 == ":" || $0 == "." }).compactMap { Int($0) }
        guard day.count == 3, clock.count >= 2 else { return nil }
        var offset = 0
        if zoneStart < time.endIndex, let sign = time[zoneStart...].first, sign == "+" || sign == "-" {
            let zone = time[time.index(after: zoneStart)...]
            let parts =
                zone.contains(":")
                ? zone.split(separator: ":").compactMap { Int($0) }
                : [Int(zone.prefix(2)), Int(zone.dropFirst(2).prefix(2))].compactMap { $0 }
            if let hours = parts.first, hours <= 14 {
                offset = (hours * 60 + (parts.count > 1 ? parts[1] : 0)) * (sign == "-" ? -1 : 1)
            }
        }
        let date = Timestamp(
            year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1],
            second: clock.count > 2 ? clock[2] : 0, utcOffsetMinutes: offset)
        return date.isValid ? date : nil
    }

    /// The first of `keys` that holds a string, or an object's `username`/`login`/`name`.
    static func name(_ object: [String: Any], _ keys: String...) -> String? {
        for key in keys {
            if let text = string(object, key), !text.isEmpty { return text }
            if let user = object[key] as? [String: Any] {
                if let text = string(user, "username") ?? string(user, "login") ?? string(user, "name"), !text.isEmpty {
                    return text
                }
            }
        }
        return nil
    }

    /// The deepest nesting parsed; Foundation's parser recurses, so deeper input is refused
    /// with a clear error instead of risking the stack. Real threads nest a few dozen deep.
    static let maximumNesting = 512

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

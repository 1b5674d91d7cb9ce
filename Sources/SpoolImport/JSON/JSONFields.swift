import Foundation
import SpoolCore

/// Typed reads of the loosely typed Foundation values a JSON text becomes.
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

    /// The value of a JSON text as `JSONSerialization` gives it, parsed by ``JSONDocument``
    /// (errors name the line and column).
    static func parse(_ bytes: [UInt8], file: String) throws -> Any {
        let document = try JSONDocument(bytes, file: file)
        return document.foundationValue(document.root)
    }
}

/// The typed reads of ``JSONFields`` on a ``JSONDocument``'s nodes, with the same answers
/// the Foundation values would give.
extension JSONDocument {
    /// A string member, or a number's decimal text (not `true`/`false`).
    func text(_ object: Int, _ key: String) -> String? {
        guard let value = member(object, key) else { return nil }
        switch kind(value) {
        case .string: return string(value)
        case .number: return number(value)?.stringValue
        default: return nil
        }
    }

    func int(_ object: Int, _ key: String) -> Int? {
        guard let value = member(object, key) else { return nil }
        switch kind(value) {
        case .number: return number(value)?.intValue
        case .string: return string(value).flatMap { Int($0) }
        case .true: return 1
        case .false: return 0
        default: return nil
        }
    }

    /// `true`, or a number other than zero.
    func bool(_ object: Int, _ key: String) -> Bool {
        guard let value = member(object, key) else { return false }
        switch kind(value) {
        case .true: return true
        case .number: return number(value)?.boolValue ?? false
        default: return false
        }
    }

    /// A date from Unix seconds (number or numeric string).
    func unixDate(_ object: Int, _ key: String) -> Timestamp? {
        guard let value = member(object, key) else { return nil }
        let seconds: Double?
        switch kind(value) {
        case .number: seconds = number(value)?.doubleValue
        case .string: seconds = string(value).flatMap { Double($0) }
        case .true: seconds = 1
        default: seconds = nil
        }
        guard let seconds, seconds > 0, seconds < 1e11 else { return nil }
        return Timestamp(secondsSinceEpoch: Int64(seconds))
    }

    /// The elements of an array whose elements are all objects (as `as? [[String: Any]]`).
    func objects(_ array: Int?) -> [Int]? {
        guard let array, kind(array) == .array else { return nil }
        let elements = Array(children(array))
        return elements.allSatisfy { kind($0) == .object } ? elements : nil
    }
}

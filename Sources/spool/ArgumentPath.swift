import Foundation
import SpoolImport

/// File arguments as the shell passed them: a name that is not UTF-8 reaches Swift's
/// `CommandLine.arguments` with U+FFFD in place of its odd bytes, so its exact bytes are
/// found again in the raw `argv`.
enum ArgumentPath {
    /// The path the user meant by `argument`.
    static func diskPath(_ argument: String) -> DiskPath {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return DiskPath(argument) }
        for index in 0..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == argument {
                return DiskPath(bytes: bytes)
            }
        }
        return DiskPath(argument)
    }
}

/// Why a file could not be imported: names the file, the line where known, and what to do.
public struct ImportError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Reason: Equatable, Sendable {
        case notFound
        case unreadable(String)
        case empty
        case binary(offset: Int)
        case unsupportedFormat(String)
        case malformed(String)
    }

    public let file: String
    public let line: Int?
    public let reason: Reason

    public init(file: String, line: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch reason {
        case .notFound:
            return "\(place): no such file. Check the path, or run `spool` with no file for the demo."
        case .unreadable(let why):
            return "\(place): cannot be read (\(why)). Check its permissions."
        case .empty:
            return "\(place): is empty. Save the discussion's text into it first."
        case .binary(let offset):
            return "\(place): looks like a binary file (a NUL byte at offset \(offset)), not discussion text. "
                + "Copy the page's text into a plain .txt file."
        case .unsupportedFormat(let why):
            return "\(place): \(why)"
        case .malformed(let why):
            return "\(place): \(why)"
        }
    }
}

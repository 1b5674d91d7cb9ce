import SpoolReader
import SpoolScreen

/// A problem in a file the user wrote (config or theme): the file, the line where known, and
/// what to do, printed as `FILE:LINE: message`.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

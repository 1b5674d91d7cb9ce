import Foundation

/// A page's text left in its ``ByteStore``: split into lines once, in parts that begin at
/// blank lines (read and split on the cores, a part at a time on each), and any run of its
/// lines read and decoded again when wanted. What is held is 12 bytes a line, not the text.
///
/// No comment header spans a blank line, so each part can be scanned for headers alone and
/// finds what one scan of the page would.
final class PageFile: @unchecked Sendable {
    // Immutable after init but for `lastPart`, guarded by `lock`.
    private let store: ByteStore
    /// Where each part begins in the store, and the store's end.
    private let partStarts: [Int]
    /// Each part's lines, placed from the part's first byte.
    private let partPlaces: [[SourceText.Place]]
    /// The number of each part's first line, and then the number of lines.
    private let partFirstLines: [Int]

    private let lock = NSLock()
    /// The part read whole last, for reads in order (a search through every body).
    private var lastPart: (part: Int, lines: SourceText.Lines)?

    /// Where the page came from, for messages.
    var path: String { store.path }
    /// How many lines the page has.
    var lineCount: Int { partFirstLines[partFirstLines.count - 1] }
    /// How many parts it was split in.
    var partCount: Int { partPlaces.count }

    /// Splits the page in `store` into lines; a NUL byte means it is not text, and a page
    /// with nothing but blanks is empty. `partSize` is how far apart the parts begin at least.
    init(store: ByteStore, file: String, partSize: Int) throws {
        // Places are 32-bit offsets, in a part and in any run of lines read again.
        guard store.count <= UInt32.max else {
            throw ImportError(
                file: file, reason: .malformed("more than 4 GiB; Spool reads a web page's text up to 4 GiB"))
        }
        let partStarts = PageFile.partStarts(of: store, partSize: partSize)
        let parts = ParallelMap.map(count: partStarts.count - 1, minimumPerPart: 1) { part -> PartLines in
            let range = partStarts[part]..<partStarts[part + 1]
            let split = store.withBytes(range) { bytes -> PartLines in
                let bytes = bytes.bindMemory(to: UInt8.self)
                if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                    return .binary(offset: range.lowerBound + UnsafeRawPointer(base).distance(to: nul))
                }
                var places = SourceText.places(in: bytes)
                // The empty line after a closing line end is the next part's first line, or
                // no line at the page's end (every part but the last ends with a line end).
                if bytes.last == 0x0A || bytes.last == 0x0D { places.removeLast() }
                return .lines(places)
            }
            return split ?? .unread
        }
        var partPlaces: [[SourceText.Place]] = []
        partPlaces.reserveCapacity(parts.count)
        for part in parts {
            switch part {
            case .lines(let places): partPlaces.append(places)
            case .binary(let offset): throw ImportError(file: file, reason: .binary(offset: offset))
            case .unread: throw ImportError(file: file, reason: .unreadable(PageFile.changed))
            }
        }
        guard partPlaces.contains(where: { $0.contains { !$0.isBlank } }) else {
            throw ImportError(file: file, reason: .empty)
        }
        var firstLines = [0]
        for places in partPlaces { firstLines.append(firstLines[firstLines.count - 1] + places.count) }
        self.store = store
        self.partStarts = partStarts
        self.partPlaces = partPlaces
        partFirstLines = firstLines
    }

    /// A part's split, or why it has none.
    private enum PartLines {
        case lines([SourceText.Place])
        case binary(offset: Int)
        case unread
    }

    static let changed = "it changed while it was read; open it again"

    /// The numbers of part `part`'s lines.
    func lineNumbers(ofPart part: Int) -> Range<Int> { partFirstLines[part]..<partFirstLines[part + 1] }

    /// The part that holds line `line`.
    func part(holding line: Int) -> Int {
        var (low, high) = (0, partPlaces.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if partFirstLines[middle] <= line { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The lines of part `part`, read and decoded; nil when the file no longer holds them.
    func lines(ofPart part: Int) -> SourceText.Lines? {
        store.withBytes(partStarts[part]..<partStarts[part + 1]) { bytes in
            SourceText.Lines(decoding: bytes, places: partPlaces[part], startIndex: partFirstLines[part])
        }
    }

    /// The lines `range`, read and decoded from their bytes alone; nil when the file no
    /// longer holds them.
    func lines(_ range: Range<Int>) -> SourceText.Lines? {
        guard let first = range.first, let last = range.last else {
            return SourceText.Lines(
                decoding: UnsafeRawBufferPointer(start: nil, count: 0), places: [], startIndex: range.lowerBound)
        }
        let from = offset(of: first).start
        let to = offset(of: last).end
        var places: [SourceText.Place] = []
        places.reserveCapacity(range.count)
        var part = self.part(holding: first)
        for line in range {
            while line >= partFirstLines[part + 1] { part += 1 }
            let place = partPlaces[part][line - partFirstLines[part]]
            places.append(place.moved(by: from - partStarts[part]))
        }
        return store.withBytes(from..<to) { SourceText.Lines(decoding: $0, places: places, startIndex: first) }
    }

    /// The lines `range`, as slices of the whole part that holds them, read and decoded
    /// once for the reads that follow: many bodies read in order cost a read of each part,
    /// not of each body. `wholePartOnly`: nil unless that part is the one read last.
    func linesReadByPart(_ range: Range<Int>, wholePartOnly: Bool = false) -> SourceText.Lines? {
        let part = self.part(holding: range.lowerBound)
        guard range.upperBound <= partFirstLines[part + 1] else { return wholePartOnly ? nil : lines(range) }
        if let last = lock.withLock({ lastPart }), last.part == part { return last.lines }
        guard !wholePartOnly, let lines = lines(ofPart: part) else { return nil }
        lock.withLock { lastPart = (part, lines) }
        return lines
    }

    /// Where line `line`'s text begins and ends in the store.
    private func offset(of line: Int) -> (start: Int, end: Int) {
        let part = self.part(holding: line)
        let place = partPlaces[part][line - partFirstLines[part]]
        return (partStarts[part] + Int(place.start), partStarts[part] + Int(place.end))
    }

    /// Where the parts begin: the first at 0, each other at the first blank line at least
    /// `partSize` bytes after the one before; then the store's end.
    private static func partStarts(of store: ByteStore, partSize: Int) -> [Int] {
        var starts = [0]
        let reader = store.reader(chunk: 64 << 10)
        while let next = blankLineStart(in: store, reader: reader, from: starts[starts.count - 1] + max(partSize, 1)) {
            starts.append(next)
        }
        starts.append(store.count)
        return starts
    }

    /// Where the first blank line that begins after `offset` begins, if there is one.
    private static func blankLineStart(in store: ByteStore, reader: ChunkReader, from offset: Int) -> Int? {
        enum State {
            case inLine
            case afterCarriageReturn
            /// At the start of a line, among its leading blanks.
            case lineStart(Int)
        }
        var state = State.inLine
        var position = offset
        while position < store.count {
            let window = reader.window(at: position)
            var index = position - window.base
            while index < window.bytes.count {
                let byte = window.bytes[index]
                let at = window.base + index
                switch state {
                case .inLine:
                    if byte == 0x0A { state = .lineStart(at + 1) } else if byte == 0x0D { state = .afterCarriageReturn }
                case .afterCarriageReturn:
                    if byte == 0x0A {
                        state = .lineStart(at + 1)
                    } else {
                        state = .lineStart(at)
                        continue  // This byte begins the line: look at it again.
                    }
                case .lineStart(let start):
                    if byte == 0x0A || byte == 0x0D { return start }
                    if byte != 0x20 && byte != 0x09 { state = .inLine }
                }
                index += 1
            }
            guard !window.reachesEnd, window.end > position else { return nil }
            position = window.end
        }
        return nil
    }
}

import Foundation
import SpoolCore

/// A 64-bit hash of a Message-ID's bytes, which threading numbers ids by (so the id table
/// compares integers, not strings). Eight bytes at a step, each word multiplied in and
/// shifted down, the length in the seed: FNV-1a's byte at a time (a multiply's wait per
/// byte) took a fifth of a million-message scan, whose References name ten ids a message.
/// Two ids of one length that differ in one word never collide (each step is one-to-one).
/// The hashes live only while an archive is read, except in the made-up id of a missing
/// message whose id's text is not found again (`<hash@missing>`), which changed with them.
enum MessageIDHash {
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            hash =
                (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << UInt64((index - offset) * 8) }
            hash = (hash ^ tail) &* multiplier
            hash ^= hash >> 29
        }
        hash = (hash ^ hash >> 32) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ hash >> 32
    }
}

/// What a scan keeps of one message until its comment is made (64 bytes; its Message-ID is
/// kept apart, in ``ScannedMessages``' one array of ids).
struct ScannedMessage {
    var author: String
    var subject: String?
    /// Where the message lies in the file (its headers and body), set once its end is found.
    var span: Range<Int>
    var date: Timestamp?
    var isReadAtSource: Bool

    /// What a run holds where a message has been taken out: nothing to release.
    static let vacant = ScannedMessage(author: "", subject: nil, span: 0..<0, date: nil, isReadAtSource: false)

    /// The comment of message `index`, whose id is that of `ids` (no parent yet), its
    /// strings handed over rather than shared.
    consuming func comment(index: Int, ids: SourceIDList, bodies: MailBodies) -> Comment {
        var comment = Comment(
            id: index, of: ids, author: author, date: date, subject: subject,
            body: CommentBody(source: bodies, span: span))
        comment.isReadAtSource = isReadAtSource
        return comment
    }
}

/// A run of scanned messages handed out to be made into comments (see
/// ``ScannedMessages/consumeRuns(width:_:)``); its messages are taken out one by one.
final class ScannedRun: @unchecked Sendable {
    /// The index of the run's first message.
    let start: Int
    private var messages: [ScannedMessage]

    init(start: Int, messages: consuming [ScannedMessage]) {
        self.start = start
        self.messages = messages
    }

    /// Calls `body` with each message's index and the message, taken out of the run (left
    /// vacant, so nothing is retained twice); the run is empty afterwards.
    func takeEach(_ body: (Int, consuming ScannedMessage) -> Void) {
        for index in messages.indices {
            var message = ScannedMessage.vacant
            swap(&message, &messages[index])
            body(start + index, message)
        }
        messages = []
    }
}

/// The messages ``MboxScanner`` found, in file order: each message's headers, the hash of
/// its own Message-ID, and the hashes of the ids it replies to, every message's in one
/// array (their text is read again only for a missing message's placeholder). No message
/// owns an array of its own, so a scan allocates little more than the headers' strings.
///
/// The messages are kept in runs of at most ``runLength``: their comments are made in
/// file order a run at a time, each run let go once made, so the scan and the comments
/// are not both held whole (at a million messages they are 64 and 136 MB).
struct ScannedMessages {
    /// The most messages a run holds (2 MiB of them).
    static let runLength = 1 << 15
    private var runs: [[ScannedMessage]] = []
    /// The index of each run's first message.
    private var runStarts: [Int] = []
    /// Each message's Message-ID hash (``MessageIDHash``); unused where the message has
    /// no id.
    private(set) var ownHashes: [UInt64] = []
    /// The fingerprint of the read-state key each message's id gives
    /// (`StableKey.sourceID(id)`), made while the id was at hand; 0 without an id.
    private(set) var keyFingerprints: [UInt64] = []
    /// Every message's Message-ID as written (none: empty), one after the other, and
    /// where each ends: the ``SourceIDList`` the comments' ids are kept in.
    private var idBytes: [UInt8] = []
    private var idEnds: [Int] = []
    /// Every message's References hashes, then its In-Reply-To hashes, message after message.
    private var linkHashes: [UInt64] = []
    /// Where each message's References and In-Reply-To hashes end in ``linkHashes``.
    private var linkEnds: [(references: Int, inReplyTo: Int)] = []

    private(set) var count = 0
    var isEmpty: Bool { count == 0 }

    /// The message at `index` (in file order).
    subscript(index: Int) -> ScannedMessage {
        let run = run(holding: index)
        return runs[run][index - runStarts[run]]
    }

    /// The subject of the message at `index`, read in place (not through a copy of the
    /// message, which would retain its author too).
    func subject(of index: Int) -> String? {
        let run = run(holding: index)
        return runs[run][index - runStarts[run]].subject
    }

    /// The run that holds message `index`: the last whose start is at or before it.
    private func run(holding index: Int) -> Int {
        precondition(index >= 0 && index < count, "a scanned message's index")
        var (low, high) = (0, runStarts.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if runStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Whether the message carries a Message-ID.
    func hasMessageID(_ message: Int) -> Bool { idEnds[message] > (message == 0 ? 0 : idEnds[message - 1]) }

    /// Every message's date in seconds, in file order (``MailLinks/noDate`` without one).
    var dates: [Int64] {
        var dates: [Int64] = []
        dates.reserveCapacity(count)
        // Each date read in place (a `map` over the runs copied every message, retaining
        // its strings, for its date).
        for run in runs.indices {
            for index in runs[run].indices {
                dates.append(runs[run][index].date?.secondsSinceEpoch ?? MailLinks.noDate)
            }
        }
        return dates
    }

    /// Adds a message with the Message-ID `id` (empty: none); `references` and `inReplyTo`
    /// append its hashes to the array they are given (the message's own id is left out of
    /// both).
    mutating func append(
        _ message: ScannedMessage, id: UnsafeRawBufferPointer, ownHash: UInt64?, keyFingerprint: UInt64 = 0,
        references: (inout [UInt64]) -> Void, inReplyTo: (inout [UInt64]) -> Void
    ) {
        idBytes.append(contentsOf: id)
        idEnds.append(idBytes.count)
        let start = linkHashes.count
        references(&linkHashes)
        if let ownHash { Self.remove(ownHash, from: &linkHashes, after: start) }
        let referencesEnd = linkHashes.count
        inReplyTo(&linkHashes)
        if let ownHash { Self.remove(ownHash, from: &linkHashes, after: referencesEnd) }
        if runs.last.map({ $0.count >= Self.runLength }) ?? true {
            runs.append([])
            runs[runs.count - 1].reserveCapacity(Self.runLength)
            runStarts.append(count)
        }
        runs[runs.count - 1].append(message)
        count += 1
        ownHashes.append(ownHash ?? 0)
        keyFingerprints.append(keyFingerprint)
        linkEnds.append((referencesEnd, linkHashes.count))
    }

    /// Removes every `hash` at or after `start`, in place.
    private static func remove(_ hash: UInt64, from hashes: inout [UInt64], after start: Int) {
        var kept = start
        for index in start..<hashes.count where hashes[index] != hash {
            hashes[kept] = hashes[index]
            kept += 1
        }
        hashes.removeSubrange(kept...)
    }

    /// The last message.
    var last: ScannedMessage? { runs.last?.last }

    /// Changes the last message (its span and date, known once its end is found).
    mutating func updateLast(_ change: (inout ScannedMessage) -> Void) {
        let run = runs.count - 1
        change(&runs[run][runs[run].count - 1])
    }

    /// Reserves room for the messages of `bytes` of archive, a message a KiB and four ids
    /// named by each (more than archives hold): the columns that grew by doubling copied
    /// themselves and touched fresh pages at each step, and room never written is never
    /// made resident (the allocator maps large blocks, the kernel fills pages when written).
    mutating func reserveCapacity(forArchiveBytes bytes: Int) {
        let estimate = bytes / 1024 + 16
        ownHashes.reserveCapacity(estimate)
        keyFingerprints.reserveCapacity(estimate)
        linkEnds.reserveCapacity(estimate)
        linkHashes.reserveCapacity(estimate * 4)
        idEnds.reserveCapacity(estimate)
        idBytes.reserveCapacity(estimate * 48)
    }

    /// Reserves exactly the room to append `others` (growing would double the largest
    /// arrays of the import).
    mutating func reserveCapacity(toAppend others: [ScannedMessages]) {
        let total = others.reduce(count) { $0 + $1.count }
        ownHashes.reserveCapacity(total)
        keyFingerprints.reserveCapacity(total)
        linkEnds.reserveCapacity(total)
        linkHashes.reserveCapacity(others.reduce(linkHashes.count) { $0 + $1.linkHashes.count })
        idEnds.reserveCapacity(total)
        idBytes.reserveCapacity(others.reduce(idBytes.count) { $0 + $1.idBytes.count })
    }

    /// Appends `other`'s messages after these (its runs are taken over, not copied).
    mutating func append(contentsOf other: consuming ScannedMessages) {
        let offset = linkHashes.count
        for (run, start) in zip(other.runs, other.runStarts) {
            runs.append(run)
            runStarts.append(start + count)
        }
        count += other.count
        ownHashes.append(contentsOf: other.ownHashes)
        keyFingerprints.append(contentsOf: other.keyFingerprints)
        linkHashes.append(contentsOf: other.linkHashes)
        let idOffset = idBytes.count
        idBytes.append(contentsOf: other.idBytes)
        idEnds.append(contentsOf: other.idEnds.lazy.map { $0 + idOffset })
        for end in other.linkEnds { linkEnds.append((end.references + offset, end.inReplyTo + offset)) }
    }

    /// The link hashes and where each message's links end in them, taken out for threading
    /// to number in place; the own-id hashes, numbered by then, are let go too.
    mutating func takeLinks() -> (hashes: [UInt64], ends: [(references: Int, inReplyTo: Int)]) {
        defer { (linkHashes, linkEnds, ownHashes) = ([], [], []) }
        return (linkHashes, linkEnds)
    }

    /// The messages' ids, taken out for their comments to keep.
    mutating func takeIDs() -> SourceIDList {
        defer { (idBytes, idEnds) = ([], []) }
        return SourceIDList(bytes: idBytes, ends: idEnds)
    }

    /// Calls `body` with up to `width` runs at a time, in file order, each run let go once
    /// `body` returns: the messages are given up as they are used. The list is left empty.
    mutating func consumeRuns(width: Int, _ body: ([ScannedRun]) -> Void) {
        var next = 0
        while next < runs.count {
            let group = next..<min(next + max(width, 1), runs.count)
            var taken: [ScannedRun] = []
            for run in group {
                var messages: [ScannedMessage] = []
                swap(&messages, &runs[run])
                taken.append(ScannedRun(start: runStarts[run], messages: messages))
            }
            body(taken)
            next = group.upperBound
        }
        (runs, runStarts, count) = ([], [], 0)
    }
}

/// Finds the messages of an mbox file in one pass over its bytes, window by window.
///
/// A message starts at a `From ` line whose next line is a header field (which tells
/// separators from body lines that happen to start with "From "). Only the header block
/// is parsed, and only the fields named in ``wanted``; bodies are skipped with a byte
/// search for the next separator. Two scanners can share a file: one stops at the
/// first separator at or after `limit`, where the other starts.
struct MboxScanner {
    private let reader: ChunkReader
    private var window: ByteWindow
    private let count: Int
    /// Decoded `From:` and `Subject:` values by their raw bytes: archives repeat both.
    private var authors = InternedValues()
    private var subjects = InternedValues()
    /// The joined bytes of the current message's folded header values (kept between
    /// messages, so a folded References costs no allocation).
    private var folds: [UInt8] = []
    /// The current message's Message-ID (kept between messages, as `folds`).
    private var messageID: [UInt8] = []

    /// A line break and `From `: how far back a window is re-read so none is missed.
    private static let separatorPattern: [UInt8] = Array("\nFrom ".utf8)

    /// `chunk` is the size of the windows a file is read in.
    init(store: ByteStore, chunk: Int = 1 << 20) {
        reader = store.reader(chunk: chunk)
        // Empty until the first read: a scanner for a later part never reads offset 0.
        window = ByteWindow(base: 0, bytes: UnsafeRawBufferPointer(start: nil, count: 0), reachesEnd: store.count == 0)
        count = store.count
    }

    /// The messages that start in `start..<limit`. `start` must be 0 or the start of a
    /// separator line.
    mutating func messages(from start: Int, to limit: Int) -> ScannedMessages {
        var found = ScannedMessages()
        // The first part's columns take the other parts' in when they are joined: room for
        // the whole file (never written, never resident) spares a copy of them all then.
        found.reserveCapacity(forArchiveBytes: start == 0 ? count : min(limit, count) - start)
        var position = start
        while position < count && position < limit {
            let headerStart = startOfHeaders(at: position)
            let (values, bodyStart) = headers(at: headerStart)
            if let values { append(values, to: &found) }
            let end = nextSeparator(atOrAfter: bodyStart) ?? count
            if values != nil {
                finishLast(&found, span: headerStart..<end, separator: headerStart > position ? position : nil)
            }
            position = max(end, position + 1)
        }
        return found
    }

    /// Adds the one message in `range` (a Maildir file), however its body reads, to
    /// `found`, unless it has no header fields.
    mutating func message(in range: Range<Int>, isReadAtSource: Bool, to found: inout ScannedMessages) {
        let headerStart = startOfHeaders(at: range.lowerBound)
        guard let values = headers(at: headerStart).0 else { return }
        append(values, to: &found)
        finishLast(
            &found, span: headerStart..<range.upperBound,
            separator: headerStart > range.lowerBound ? range.lowerBound : nil)
        if isReadAtSource { found.updateLast { $0.isReadAtSource = true } }
    }

    /// Gives the last message its span and, without a Date header, the separator's date.
    private mutating func finishLast(_ found: inout ScannedMessages, span: Range<Int>, separator: Int?) {
        let date = found.last?.date == nil ? separator.flatMap { separatorDate(at: $0) } : nil
        found.updateLast { message in
            message.span = span
            if let date { message.date = date }
        }
    }

    /// The first separator line at or after `offset` (a line start or any byte: a partial
    /// line is skipped), nil at the end of the file.
    mutating func nextSeparator(atOrAfter offset: Int) -> Int? {
        var from = offset
        if from == 0, isSeparator(at: 0) { return 0 }
        if from > 0 { from -= 1 }  // the line break before a line start at `offset`
        while from < count {
            ensure(from, room: 1 << 12)
            let local = from - window.base
            guard let hit = Self.fromLine(in: window.bytes, from: local) else {
                if window.reachesEnd { return nil }
                from = max(from + 1, window.end - Self.separatorPattern.count)
                window = reader.window(at: from)
                continue
            }
            let candidate = window.base + hit
            if isSeparator(at: candidate) { return candidate }
            from = candidate
        }
        return nil
    }

    /// The start of the first line after `index` (which is at or before a line break)
    /// that begins with `From `: memchr for the `F`, far rarer in mail than line breaks
    /// (a call per line took a tenth of a million-message open), then the line break
    /// before it and `rom ` after it.
    private static func fromLine(in bytes: UnsafeRawBufferPointer, from index: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = index + 1
        while position < bytes.count {
            guard let found = memchr(base + position, 0x46, bytes.count - position) else { return nil }
            let start = base.distance(to: UnsafeRawPointer(found))
            if start + 5 > bytes.count { return nil }
            if bytes[start - 1] == 0x0A, bytes[start + 1] == 0x72, bytes[start + 2] == 0x6F, bytes[start + 3] == 0x6D,
                bytes[start + 4] == 0x20
            {
                return start
            }
            position = start + 1
        }
        return nil
    }

    /// The index of the line break at or after `index`, or the end of `bytes`.
    private static func lineEnd(in bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        guard index < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + index, 0x0A, bytes.count - index)
        else {
            return bytes.count
        }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Whether a `From ` line starts at `offset` and the next line is a header field.
    private mutating func isSeparator(at offset: Int) -> Bool {
        ensure(offset, room: 1 << 12)
        return Self.isSeparatorLine(window.bytes, at: offset - window.base)
    }

    /// Whether a `From ` line starts at `index` of `bytes` and the next line, as far as
    /// `bytes` hold it, is a header field.
    private static func isSeparatorLine(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var index = start
        guard index >= 0, index + 5 <= bytes.count, bytes[index] == 0x46, bytes[index + 1] == 0x72,
            bytes[index + 2] == 0x6F,
            bytes[index + 3] == 0x6D, bytes[index + 4] == 0x20
        else { return false }
        while index < bytes.count && bytes[index] != 0x0A { index += 1 }
        return index + 1 < bytes.count && MailHeaders.looksLikeHeaderLine(bytes[(index + 1)...])
    }

    /// Where the headers of the message at `position` start: after its separator line.
    private mutating func startOfHeaders(at position: Int) -> Int {
        guard isSeparator(at: position) else { return position }
        let local = position - window.base
        var index = local
        while index < window.bytes.count && window.bytes[index] != 0x0A { index += 1 }
        return window.base + min(index + 1, window.bytes.count)
    }

    /// The date on the separator line at `position` (`From sender Tue Nov 17 15:28:37 2009`).
    private mutating func separatorDate(at position: Int) -> Timestamp? {
        ensure(position, room: 1 << 12)
        let local = position - window.base
        var end = local
        while end < window.bytes.count && window.bytes[end] != 0x0A { end += 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: window.bytes[(local + 5)..<end]), as: UTF8.self)
        return MailDate.parse(line)
    }

    /// Makes the window hold `offset` and, unless the file ends sooner, `room` bytes after it.
    private mutating func ensure(_ offset: Int, room: Int) {
        if offset >= window.base && (offset + room <= window.end || window.reachesEnd) { return }
        window = reader.window(at: offset)
    }

    private static let wanted: [(name: [UInt8], field: Field)] = [
        (Array("from".utf8), Field.from), (Array("date".utf8), Field.date), (Array("subject".utf8), Field.subject),
        (Array("message-id".utf8), Field.messageID), (Array("in-reply-to".utf8), Field.inReplyTo),
        (Array("references".utf8), Field.references), (Array("status".utf8), Field.status),
    ]

    fileprivate enum Field: Int, CaseIterable {
        case from, date, subject, messageID, inReplyTo, references
        /// mbox's `Status:` (`R` read, `O` old), as mutt and other readers write it.
        case status
    }

    /// Parses the header block at `start`: the wanted values, in the window as it is left
    /// (nil when there are no header fields), and where the body starts.
    private mutating func headers(at start: Int) -> (HeaderValues?, Int) {
        ensure(start, room: 1 << 16)
        var parsed = parseHeaders(at: start)
        // A header block longer than the window: read it again in a window twice as large.
        var size = window.bytes.count
        while !parsed.complete && !window.reachesEnd && size < 1 << 26 {
            size *= 2
            window = reader.window(at: start, atLeast: size)
            parsed = parseHeaders(at: start)
        }
        return (parsed.values, parsed.bodyStart)
    }

    /// The header block at `start` as far as the window holds it, and whether it ended
    /// inside the window (or the file ends with it).
    private mutating func parseHeaders(at start: Int) -> (values: HeaderValues?, bodyStart: Int, complete: Bool) {
        let bytes = window.bytes
        var values = HeaderValues()
        folds.removeAll(keepingCapacity: true)
        var current: Field?
        var fields = 0
        var index = start - window.base
        var bodyStart = window.end
        var complete = window.reachesEnd
        while index < bytes.count {
            let end = Self.lineEnd(in: bytes, from: index)
            if end == bytes.count && !window.reachesEnd { break }  // the line goes on past the window
            var lineEnd = end
            if lineEnd > index && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = min(end + 1, bytes.count)
            if lineEnd == index {
                bodyStart = window.base + next
                complete = true
                break
            }
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                if let field = current {
                    var start = index
                    while start < lineEnd && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
                    values.append(
                        UnsafeRawBufferPointer(rebasing: bytes[start..<lineEnd]), to: field, in: bytes, folds: &folds)
                }
            } else if let colon = Self.colon(in: bytes, index..<lineEnd) {
                if first == 0x46, Self.isSeparatorLine(bytes, at: index) {
                    bodyStart = window.base + index
                    complete = true
                    break
                }
                fields += 1
                current = Self.field(named: UnsafeRawBufferPointer(rebasing: bytes[index..<colon]))
                if let field = current {
                    if !values.has(field) {
                        values.set(field, (colon + 1)..<lineEnd)
                    } else {
                        current = nil  // the first of a repeated field counts
                    }
                }
            } else if fields == 0 {
                // Not a header at all: the message has no header block.
                bodyStart = window.base + index
                complete = true
                break
            } else {
                current = nil
            }
            index = next
        }
        guard fields > 0 else { return (nil, max(bodyStart, start), complete) }
        return (values, bodyStart, complete)
    }

    private static func colon(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index > range.lowerBound ? index : nil }
            index += 1
        }
        return nil
    }

    private static func field(named name: UnsafeRawBufferPointer) -> Field? {
        var trimmedEnd = name.count
        while trimmedEnd > 0 && (name[trimmedEnd - 1] == 0x20 || name[trimmedEnd - 1] == 0x09) { trimmedEnd -= 1 }
        outer: for (wanted, field) in wanted where wanted.count == trimmedEnd {
            for i in 0..<trimmedEnd where name[i] | 0x20 != wanted[i] { continue outer }
            return field
        }
        return nil
    }

    /// Adds the message whose header values `values` found in the window to `found`.
    private mutating func append(_ values: HeaderValues, to found: inout ScannedMessages) {
        let bytes = window.bytes
        func text(_ raw: UnsafeRawBufferPointer) -> String { Charset.bestEffort(Array(raw)).trimmingWhitespace() }
        func appendHashes(_ field: Field, to hashes: inout [UInt64]) {
            values.with(field, in: bytes, folds: folds) { raw in
                guard let raw, !MailHeaderBytes.appendMessageIDHashes(raw, to: &hashes) else { return }
                hashes.append(contentsOf: MessageIDs.all(in: text(raw)).map { MessageIDHash.of($0) })
            }
        }
        // The id's bytes as the header has them, else the parsed id's (empty: none).
        messageID.removeAll(keepingCapacity: true)
        values.with(.messageID, in: bytes, folds: folds) { raw in
            guard let raw else { return }
            if let id = MailHeaderBytes.firstMessageID(raw) {
                messageID.append(contentsOf: id)
            } else if let id = MessageIDs.all(in: text(raw)).first {
                messageID.append(contentsOf: id.utf8)
            }
        }
        let author = values.with(.from, in: bytes, folds: folds) { raw in
            guard let raw else { return "(no sender)" }
            return authors.value(for: raw) {
                let name = MailAddress.displayName(plainBytes: raw) ?? MailAddress.displayName(text(raw))
                return name.isEmpty ? "(no sender)" : name
            }
        }
        let subject = values.with(.subject, in: bytes, folds: folds) { raw in
            raw.map { raw in
                subjects.value(for: raw) { MailHeaderBytes.plainText(raw) ?? EncodedWords.decode(text(raw)) }
            }
        }
        let date = values.with(.date, in: bytes, folds: folds) { raw in
            raw.flatMap { MailHeaderBytes.date($0) ?? MailDate.parse(text($0)) }
        }
        let isRead = values.with(.status, in: bytes, folds: folds) { raw in raw?.contains(UInt8(ascii: "R")) ?? false }
        // An id-less message is named by its place in the file once all parts are joined.
        let message = ScannedMessage(author: author, subject: subject, span: 0..<0, date: date, isReadAtSource: isRead)
        messageID.withUnsafeBytes { id in
            found.append(
                message, id: id, ownHash: id.isEmpty ? nil : MessageIDHash.of(id),
                keyFingerprint: id.isEmpty ? 0 : StableKey.sourceIDFingerprint(id),
                references: { appendHashes(.references, to: &$0) }, inReplyTo: { appendHashes(.inReplyTo, to: &$0) })
        }
    }
}

/// The wanted header values of one message: where each lies in the window, or, for a value
/// folded over several lines, where its joined bytes lie in the scanner's `folds`.
private struct HeaderValues {
    private enum Value {
        case span(Range<Int>)
        case folded(Range<Int>)
    }

    private var slots: (Value?, Value?, Value?, Value?, Value?, Value?, Value?) = (nil, nil, nil, nil, nil, nil, nil)

    private subscript(field: MboxScanner.Field) -> Value? {
        get {
            switch field {
            case .from: return slots.0
            case .date: return slots.1
            case .subject: return slots.2
            case .messageID: return slots.3
            case .inReplyTo: return slots.4
            case .references: return slots.5
            case .status: return slots.6
            }
        }
        set {
            switch field {
            case .from: slots.0 = newValue
            case .date: slots.1 = newValue
            case .subject: slots.2 = newValue
            case .messageID: slots.3 = newValue
            case .inReplyTo: slots.4 = newValue
            case .references: slots.5 = newValue
            case .status: slots.6 = newValue
            }
        }
    }

    func has(_ field: MboxScanner.Field) -> Bool { self[field] != nil }

    mutating func set(_ field: MboxScanner.Field, _ span: Range<Int>) { self[field] = .span(span) }

    /// A continuation line: the value becomes its own bytes in `folds`, joined by one space
    /// (appended in place: a header folded over 100,000 lines costs its length, not its
    /// length squared).
    mutating func append(
        _ line: UnsafeRawBufferPointer, to field: MboxScanner.Field, in bytes: UnsafeRawBufferPointer,
        folds: inout [UInt8]
    ) {
        var start = folds.count
        switch self[field] {
        case .span(let span):
            folds.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span]))
        case .folded(let range):
            // Only the field on the line above is continued (a repeated field is not), so
            // its bytes are the last in `folds`.
            assert(range.upperBound == folds.count)
            start = range.lowerBound
        case nil: return
        }
        folds.append(0x20)
        folds.append(contentsOf: line)
        self[field] = .folded(start..<folds.count)
    }

    func with<R>(
        _ field: MboxScanner.Field, in bytes: UnsafeRawBufferPointer, folds: [UInt8],
        _ body: (UnsafeRawBufferPointer?) -> R
    ) -> R {
        switch self[field] {
        case .span(let span): return body(UnsafeRawBufferPointer(rebasing: bytes[span]))
        case .folded(let range): return folds.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        case nil: return body(nil)
        }
    }
}

/// Decoded header values by their raw bytes, found without copying the bytes.
private struct InternedValues {
    private var entries: [Int: [(raw: [UInt8], value: String)]] = [:]

    mutating func value(for raw: UnsafeRawBufferPointer, decode: () -> String) -> String {
        var hasher = Hasher()
        hasher.combine(bytes: raw)
        let hash = hasher.finalize()
        if let bucket = entries[hash], let hit = bucket.first(where: { $0.raw.elementsEqual(raw) }) { return hit.value }
        let value = decode()
        entries[hash, default: []].append((Array(raw), value))
        return value
    }
}

import SpoolScreen

/// The text of a one-line prompt (search, limit, pipe) and its caret, edited with the keys
/// readline, mutt and less share; `Up` and `Down` step through the prompt's history.
///
/// | Keys | Edit |
/// | --- | --- |
/// | `Left` `C-b`, `Right` `C-f` | caret a character left, right |
/// | `M-b`, `M-f` | caret a word left, right |
/// | `Home` `C-a`, `End` `C-e` | caret to the start, the end |
/// | `Backspace`, `Delete` `C-d` | erase before, at the caret |
/// | `C-w`, `C-u`, `C-k` | erase the word before the caret, all before it, all after it |
/// | `Up` `C-p`, `Down` `C-n` | an older, a newer history entry (past the newest: what was typed) |
/// | `Enter`; `Esc` `C-c` `C-g` | submit; cancel |
public struct PromptLine: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Where the caret is: the index of the character it stands before.
    public private(set) var caret: Int
    /// Which history entry is shown (nil: the line being typed), and that line meanwhile.
    private var recalled: Int?
    private var draft: [Character] = []

    /// A line holding `text`, the caret after it.
    public init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    public var text: String { String(characters) }

    /// The text before the caret (what the caret's column is measured by).
    public var textBeforeCaret: String { String(characters[..<caret]) }

    /// What a key did to the line.
    public enum Outcome: Equatable, Sendable {
        /// The text changed.
        case edited
        /// Only the caret moved.
        case moved
        /// Enter: the text is done.
        case submitted
        /// Esc, Ctrl-C or Ctrl-G.
        case cancelled
        /// A key lines do not use.
        case ignored
    }

    /// Applies `key`; `history` is the prompt's earlier entries, oldest first.
    public mutating func apply(_ key: Key, history: [String] = []) -> Outcome {
        switch key {
        case .character(let c): return insert(c)
        case .backspace, .control("h"): return erase(caret > 0 ? caret - 1..<caret : caret..<caret)
        case .delete, .control("d"): return erase(caret < characters.count ? caret..<caret + 1 : caret..<caret)
        case .control("w"): return erase(wordStart(before: caret)..<caret)
        case .control("u"): return erase(0..<caret)
        case .control("k"): return erase(caret..<characters.count)
        case .left, .control("b"): return move(to: caret - 1)
        case .right, .control("f"): return move(to: caret + 1)
        case .meta("b"): return move(to: wordStart(before: caret))
        case .meta("f"): return move(to: wordEnd(after: caret))
        case .home, .control("a"): return move(to: 0)
        case .end, .control("e"): return move(to: characters.count)
        case .up, .control("p"): return recall(older: true, from: history)
        case .down, .control("n"): return recall(older: false, from: history)
        case .enter: return .submitted
        case .escape, .control("c"), .control("g"): return .cancelled
        default: return .ignored
        }
    }

    private mutating func insert(_ character: Character) -> Outcome {
        characters.insert(character, at: caret)
        caret += 1
        return .edited
    }

    private mutating func erase(_ range: Range<Int>) -> Outcome {
        guard !range.isEmpty else { return .ignored }
        characters.removeSubrange(range)
        caret = range.lowerBound
        return .edited
    }

    private mutating func move(to index: Int) -> Outcome {
        let index = min(max(index, 0), characters.count)
        guard index != caret else { return .ignored }
        caret = index
        return .moved
    }

    /// The start of the word before `index` (spaces before it skipped first), as `C-w` and
    /// `M-b` take it.
    private func wordStart(before index: Int) -> Int {
        var start = index
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    /// The end of the word after `index`.
    private func wordEnd(after index: Int) -> Int {
        var end = index
        while end < characters.count && characters[end].isWhitespace { end += 1 }
        while end < characters.count && !characters[end].isWhitespace { end += 1 }
        return end
    }

    private mutating func recall(older: Bool, from history: [String]) -> Outcome {
        guard !history.isEmpty else { return .ignored }
        let next: Int?
        switch (recalled, older) {
        case (nil, true): next = history.count - 1
        case (nil, false): return .ignored
        case (let index?, true): next = max(index - 1, 0)
        case (let index?, false): next = index + 1 < history.count ? index + 1 : nil
        }
        if recalled == nil { draft = characters }
        recalled = next
        characters = next.map { Array(history[$0]) } ?? draft
        caret = characters.count
        return .edited
    }
}

/// Which prompt a line belongs to; each keeps its own history.
public enum PromptKind: String, CaseIterable, Sendable {
    case search, limit, pipe, save
    /// `B`: what counts as new.
    case since
}

/// A prompt being typed: what it is for and its line.
public struct Prompt: Equatable, Sendable {
    public let kind: PromptKind
    public var line: PromptLine
    /// Why the last submitted text could not be used, shown beside the line until it changes.
    public var note: String?
    /// For a save prompt: the attachment to save (its number in the `V` list, from 0), or
    /// nil for the comment itself.
    public var attachment: Int?

    public init(_ kind: PromptKind, text: String = "") {
        self.kind = kind
        line = PromptLine(text)
    }
}

/// Each prompt's submitted entries, oldest first: what `Up` steps back through, kept
/// across runs by the store.
public struct PromptHistory: Equatable, Sendable {
    /// How many entries a prompt keeps.
    public static let capacity = 200
    private var entries: [PromptKind: [String]] = [:]
    /// Entries added since the last ``takeAdded()``, for saving.
    private var added: [(kind: PromptKind, entry: String)] = []

    /// A history holding `saved` (by kind name, oldest first; unknown kinds are ignored).
    public init(saved: [String: [String]] = [:]) {
        for (name, list) in saved {
            if let kind = PromptKind(rawValue: name) { entries[kind] = Array(list.suffix(PromptHistory.capacity)) }
        }
    }

    public subscript(kind: PromptKind) -> [String] { entries[kind] ?? [] }

    /// Adds `entry` as the newest of `kind` (an earlier copy moves up); blank entries are not kept.
    public mutating func add(_ entry: String, to kind: PromptKind) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        var list = entries[kind] ?? []
        list.removeAll { $0 == entry }
        list.append(entry)
        entries[kind] = Array(list.suffix(PromptHistory.capacity))
        added.append((kind, entry))
    }

    /// How many entries were added since the last ``takeAdded()``.
    public var unsavedCount: Int { added.count }

    /// The entries added since the last call, oldest first.
    public mutating func takeAdded() -> [(kind: PromptKind, entry: String)] {
        defer { added = [] }
        return added
    }

    public static func == (a: PromptHistory, b: PromptHistory) -> Bool { a.entries == b.entries }
}

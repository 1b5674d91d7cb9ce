import SpoolScreen

/// What a key does to a one-line prompt (search, limit, pipe): the editing every prompt
/// shares, so each prompt only says what submitting or cancelling means.
enum PromptEdit: Equatable {
    /// The text changed (a character typed or one erased).
    case edited
    /// Enter: the text is done.
    case submitted
    /// Esc, Ctrl-C or Ctrl-G.
    case cancelled
    /// A key prompts do not use.
    case ignored

    /// Applies `key` to `text`.
    static func apply(_ key: Key, to text: inout String) -> PromptEdit {
        switch key {
        case .character(let c):
            text.append(c)
            return .edited
        case .backspace:
            if !text.isEmpty { text.removeLast() }
            return .edited
        case .enter: return .submitted
        case .escape, .control("c"), .control("g"): return .cancelled
        default: return .ignored
        }
    }
}

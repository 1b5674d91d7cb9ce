import SpoolScreen

/// Which key does what.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [Key: Action]

    public init(bindings: [Key: Action]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? { bindings[key] }

    /// The keys bound to `action`, in a stable order for display.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.value == action }.map(\.key).sorted {
            KeyNotation.name(of: $0).count < KeyNotation.name(of: $1).count
                || (KeyNotation.name(of: $0).count == KeyNotation.name(of: $1).count
                    && KeyNotation.name(of: $0) < KeyNotation.name(of: $1))
        }
    }

    /// The bindings of DESIGN.md's key table.
    public static let standard = KeyMap(bindings: [
        .character("j"): .nextComment, .down: .nextComment,
        .character("k"): .previousComment, .up: .previousComment,
        .enter: .toggleCollapse, .character("o"): .toggleCollapse,
        .character("h"): .collapseOrParent, .left: .collapseOrParent,
        .character("l"): .expandOrChild, .right: .expandOrChild,
        .character("p"): .parent,
        .character("]"): .nextSibling, .character("["): .previousSibling,
        .control("n"): .nextThread, .control("p"): .previousThread, .character("^"): .threadRoot,
        .control("r"): .markThreadRead,
        .character("C"): .collapseAll, .character("E"): .expandAll,
        .character("g"): .first, .home: .first, .character("G"): .last, .end: .last,
        .pageDown: .pageDown, .control("d"): .pageDown, .pageUp: .pageUp, .control("u"): .pageUp,
        .character(" "): .articlePageDown, .character("b"): .articlePageUp,
        .character("J"): .articleLineDown, .character("K"): .articleLineUp,
        .character("a"): .nextSameAuthor, .character("A"): .previousSameAuthor,
        .tab: .nextUnread, .backTab: .previousUnread,
        .character(","): .jumpBack, .character("."): .jumpForward,
        .character("r"): .toggleRead, .character("R"): .markSubtreeRead,
        .character("M"): .markAllRead, .character("U"): .undoBulkMark,
        .character("F"): .toggleBookmark, .character("B"): .newSince, .character("'"): .listBookmarks,
        .character("m"): .muteAuthor, .character("x"): .showMuted,
        .character("/"): .search, .character("n"): .nextMatch, .character("N"): .previousMatch,
        .character("u"): .openURL, .character("y"): .copy, .character("|"): .pipe, .character("e"): .viewInPager,
        .character("L"): .limit, .character("f"): .limitToAuthor, .character("z"): .focusSubtree,
        .character("Z"): .leaveFocus, .character("t"): .nextTheme, .character("i"): .inlineMode,
        .character("v"): .switchLayout, .character("w"): .switchFocus,
        .character("H"): .toggleHeaders, .character("V"): .viewAttachments, .character("s"): .save,
        .character("O"): .toggleThreadOrder, .character("T"): .toggleQuotes, .character("S"): .skipQuoted,
        .character("?"): .help, .character("q"): .quit, .escape: .close, .character("$"): .refresh,
    ])
}

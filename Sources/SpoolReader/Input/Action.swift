import SpoolScreen

/// Everything a key can do, named as in the config file and the help overlay.
public enum Action: String, CaseIterable, Sendable {
    case nextComment = "next-comment"
    case previousComment = "previous-comment"
    case toggleCollapse = "toggle-collapse"
    case collapseOrParent = "collapse-or-parent"
    case expandOrChild = "expand-or-child"
    case parent
    case nextSibling = "next-sibling"
    case previousSibling = "previous-sibling"
    case nextThread = "next-thread"
    case previousThread = "previous-thread"
    case threadRoot = "thread-root"
    case collapseAll = "collapse-all"
    case expandAll = "expand-all"
    case first
    case last
    case pageDown = "page-down"
    case pageUp = "page-up"
    case articlePageDown = "article-page-down"
    case articlePageUp = "article-page-up"
    case articleLineDown = "article-line-down"
    case articleLineUp = "article-line-up"
    case nextSameAuthor = "next-same-author"
    case previousSameAuthor = "previous-same-author"
    case nextUnread = "next-unread"
    case previousUnread = "previous-unread"
    case jumpBack = "jump-back"
    case jumpForward = "jump-forward"
    case toggleRead = "toggle-read"
    case markSubtreeRead = "mark-subtree-read"
    case markThreadRead = "mark-thread-read"
    case markAllRead = "mark-all-read"
    case undoBulkMark = "undo-bulk-mark"
    case newSince = "new-since"
    case toggleBookmark = "toggle-flag"
    case listBookmarks = "list-flagged"
    case muteAuthor = "mute-author"
    case showMuted = "show-muted"
    case search
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case limit
    case limitToAuthor = "limit-to-author"
    case openURL = "open-url"
    case copy
    case pipe
    case viewInPager = "view-in-pager"
    case toggleHeaders = "toggle-headers"
    case toggleQuotes = "toggle-quotes"
    case skipQuoted = "skip-quoted"
    case viewAttachments = "view-attachments"
    case save
    case toggleThreadOrder = "toggle-thread-order"
    case focusSubtree = "focus-subtree"
    case leaveFocus = "leave-focus"
    case nextTheme = "next-theme"
    case inlineMode = "inline-mode"
    case switchLayout = "switch-layout"
    case switchFocus = "switch-focus"
    case refresh
    case help
    case close
    case quit

    /// One line for the help overlay.
    public var summary: String {
        switch self {
        case .nextComment: return "next comment (scroll the article when it has focus)"
        case .previousComment: return "previous comment (scroll the article when it has focus)"
        case .toggleCollapse: return "collapse or expand the selected subtree"
        case .collapseOrParent: return "collapse; on a collapsed node or a leaf, go to the parent"
        case .expandOrChild: return "expand; on an expanded node, go to its first reply"
        case .parent: return "go to the parent"
        case .nextSibling: return "next sibling"
        case .previousSibling: return "previous sibling"
        case .nextThread: return "next thread (top-level comment)"
        case .previousThread: return "previous thread (from inside one: its start)"
        case .threadRoot: return "go to the start of this thread"
        case .collapseAll: return "collapse all to the top level"
        case .expandAll: return "expand all"
        case .first: return "first row (the article)"
        case .last: return "last comment"
        case .pageDown: return "page the tree down (the article when it has focus)"
        case .pageUp: return "page the tree up (the article when it has focus)"
        case .articlePageDown: return "page the article down; at its end, next unread"
        case .articlePageUp: return "page the article up"
        case .articleLineDown: return "scroll the article a line down"
        case .articleLineUp: return "scroll the article a line up"
        case .nextSameAuthor: return "next comment by the same author"
        case .previousSameAuthor: return "previous comment by the same author"
        case .nextUnread: return "next unread comment"
        case .previousUnread: return "previous unread comment"
        case .jumpBack:
            return "back to the comment the last jump left (parent, thread, author, unread, match)"
        case .jumpForward: return "forward again after going back"
        case .toggleRead: return "toggle read on the selected comment"
        case .markSubtreeRead: return "mark the selected subtree read"
        case .markThreadRead: return "mark this thread read and go to the next"
        case .markAllRead: return "mark the whole discussion read (catch up)"
        case .undoBulkMark: return "undo the last bulk mark"
        case .newSince: return "choose what is new: since your last visit, the visit before, or a date or an age"
        case .toggleBookmark:
            return "flag the selected comment to come back to, or take the flag off (kept across runs)"
        case .listBookmarks: return "limit the tree to the flagged comments; again to show everything"
        case .muteAuthor:
            return "mute the selected comment's author in every discussion (one line each, replies stay); again unmutes"
        case .showMuted: return "show the selected muted comment, or mute it again"
        case .search: return "search authors and text (smart case; Enter keeps, Esc cancels)"
        case .nextMatch: return "next search match"
        case .previousMatch: return "previous search match"
        case .limit:
            return
                "limit to comments matching a pattern: words that must all hold (text, author:, subject:, before:, after:, score:>N, unread, new, flagged, muted), -word to exclude, a | b for either"
        case .limitToAuthor: return "limit to the selected comment's author"
        case .openURL: return "list the comment's web addresses and open one"
        case .copy: return "copy the comment to the terminal's clipboard (OSC 52)"
        case .pipe: return "pipe the comment to a shell command"
        case .viewInPager: return "view the comment in $PAGER"
        case .toggleHeaders: return "show or hide a message's full headers (From with address, To, Cc, Message-ID…)"
        case .toggleQuotes: return "show or fold quoted blocks longer than three lines, and signatures"
        case .skipQuoted: return "scroll the article to the new text after the next quote"
        case .viewAttachments: return "list the message's attachments to view (a digit) or save (s, then a digit)"
        case .save: return "save the comment to a file (a message is appended as mbox, other comments as text)"
        case .toggleThreadOrder:
            return
                "sort threads newest first, oldest first, replies by score (where the source has scores), or as the source has them"
        case .focusSubtree: return "focus on the selected subtree (full width, ancestors above)"
        case .leaveFocus: return "leave the focused subtree"
        case .nextTheme: return "next colour theme"
        case .inlineMode: return "inline mode: every comment under its header in one scroll"
        case .switchLayout: return "tree above article / tree beside article"
        case .switchFocus: return "move focus between tree and article"
        case .refresh:
            return "fetch a discussion opened by its address again (what came since is marked new)"
        case .help: return "show or hide this help"
        case .close: return "close the help, give focus back to the tree, or leave a focused subtree"
        case .quit: return "close the help, leave a focus or a limit, else quit"
        }
    }
}

/// The groups of the key list (`?`), in the order it shows them.
public enum ActionTopic: String, CaseIterable, Sendable {
    case moving = "Moving"
    case folding = "Folding"
    case article = "The article"
    case marks = "Read marks"
    case finding = "Search, limit, focus"
    case muting = "Muting"
    case views = "Views"
    case handover = "Other programs"
    case leaving = "Help and leaving"
}

extension Action {
    /// Whether the action jumps (``JumpList``): a move that is not one row or one page.
    var isJump: Bool {
        switch self {
        case .parent, .nextSibling, .previousSibling, .nextThread, .previousThread, .threadRoot, .first, .last,
            .nextSameAuthor, .previousSameAuthor, .nextUnread, .previousUnread, .nextMatch, .previousMatch,
            .markThreadRead, .collapseOrParent:
            return true
        default: return false
        }
    }

    /// The group the key list shows the action in.
    public var topic: ActionTopic {
        switch self {
        case .nextComment, .previousComment, .parent, .nextSibling, .previousSibling, .nextThread, .previousThread,
            .threadRoot, .first, .last, .pageDown, .pageUp, .nextSameAuthor, .previousSameAuthor, .nextUnread,
            .previousUnread, .jumpBack, .jumpForward:
            return .moving
        case .toggleCollapse, .collapseOrParent, .expandOrChild, .collapseAll, .expandAll: return .folding
        case .articlePageDown, .articlePageUp, .articleLineDown, .articleLineUp, .switchFocus, .toggleQuotes,
            .skipQuoted:
            return .article
        case .toggleRead, .markSubtreeRead, .markThreadRead, .markAllRead, .undoBulkMark, .newSince, .toggleBookmark,
            .listBookmarks:
            return .marks
        case .muteAuthor, .showMuted: return .muting
        case .search, .nextMatch, .previousMatch, .limit, .limitToAuthor, .focusSubtree, .leaveFocus: return .finding
        case .inlineMode, .switchLayout, .nextTheme, .toggleHeaders, .toggleThreadOrder: return .views
        case .openURL, .copy, .pipe, .viewInPager, .viewAttachments, .save: return .handover
        case .refresh, .help, .close, .quit: return .leaving
        }
    }
}

import SpoolReader
import SpoolScreen

/// A semantic part of the screen that a theme styles; the raw value is its key in a theme file.
///
/// Tree guides cycle through `tree.guide`, `.2`, `.3` by depth; quoted lines use
/// `article.quote`, `.2`, `.3` by how many `>` they start with.
public enum ThemeRole: String, CaseIterable, Sendable {
    case treeText = "tree.text"
    case treeGuide = "tree.guide"
    case treeGuide2 = "tree.guide.2"
    case treeGuide3 = "tree.guide.3"
    case treeAuthor = "tree.author"
    /// The original poster: the article's author, or the thread starter in an archive.
    case treeOP = "tree.op"
    case treeDate = "tree.date"
    case treeUnread = "tree.unread"
    case treeNew = "tree.new"
    case treeCount = "tree.count"
    case treePreview = "tree.preview"
    case treeRoot = "tree.root"
    /// A row a limit keeps only as context for a match below it.
    case treeContext = "tree.context"
    case treeSelected = "tree.selected"
    case treeSelectedUnfocused = "tree.selected.unfocused"
    case articleText = "article.text"
    case articleTitle = "article.title"
    case articleAuthor = "article.author"
    case articleMeta = "article.meta"
    case articleQuote = "article.quote"
    case articleQuote2 = "article.quote.2"
    case articleQuote3 = "article.quote.3"
    case articleURL = "article.url"
    case searchMatch = "search.match"
    case divider = "divider"
    case status = "status"
    case statusMessage = "status.message"
    case help = "help"
    case helpKey = "help.key"
    case helpTitle = "help.title"

    /// What the role styles, for spool-themes(7).
    public var summary: String {
        switch self {
        case .treeText: return "tree rows: the text no other tree role styles"
        case .treeGuide: return "tree lines of the outermost level, and every third level in from it"
        case .treeGuide2: return "tree lines of the second level, and every third in from it"
        case .treeGuide3: return "tree lines of the third level, and every third in from it"
        case .treeAuthor: return "authors in the tree"
        case .treeOP: return "the original poster's name (the article's author, or the thread starter in an archive)"
        case .treeDate: return "ages and dates in the tree"
        case .treeUnread: return "the unread mark"
        case .treeNew: return "the mark of a comment new since the last visit"
        case .treeCount: return "hidden-reply counts of folded rows ([+N, U unread])"
        case .treePreview: return "the first words of each comment"
        case .treeRoot: return "the article's row (the discussion's title)"
        case .treeContext: return "rows a limit keeps only as context for a match below them"
        case .treeSelected: return "the selected row while the tree has focus"
        case .treeSelectedUnfocused: return "the selected row while the article pane has focus"
        case .articleText: return "the comment's text"
        case .articleTitle: return "the title over the article"
        case .articleAuthor: return "the author over a comment"
        case .articleMeta: return "date, position, reply-to and header lines over a comment"
        case .articleQuote: return "quoted lines (one >)"
        case .articleQuote2: return "quoted lines (two >)"
        case .articleQuote3: return "quoted lines (three or more >)"
        case .articleURL: return "web addresses in the text"
        case .searchMatch: return "search matches"
        case .divider: return "the line between the panes"
        case .status: return "the status line"
        case .statusMessage: return "messages on the status line"
        case .help: return "the key list (?) and other overlays"
        case .helpKey: return "keys in the key list"
        case .helpTitle: return "titles in the key list"
        }
    }

    /// The role whose style stands in when a theme leaves this one out (newer roles, so
    /// older user themes still draw them distinctly).
    var fallback: ThemeRole? {
        switch self {
        case .treeContext: return .treeDate
        default: return nil
        }
    }
}

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

    /// The role whose style stands in when a theme leaves this one out (newer roles, so
    /// older user themes still draw them distinctly).
    var fallback: ThemeRole? {
        switch self {
        case .treeContext: return .treeDate
        default: return nil
        }
    }
}

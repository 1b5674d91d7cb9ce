import SpoolReader
import SpoolScreen

/// One setting of `config.toml`: its name, default (as TOML), the values it takes and what
/// it does. `spool --print-config`, the spool-config(5) manual and "did you mean" all read
/// ``ReaderConfig/settings``, so none of them can miss a setting the parser knows.
public struct ConfigSetting: Sendable, Equatable {
    public let name: String
    /// The value when the file leaves the setting out, written as TOML.
    public let defaultValue: String
    /// The values it takes, in words.
    public let values: String
    public let summary: String
}

extension ReaderConfig {
    /// Every top-level setting, in the order a config file is best read in. (`[keys]` is
    /// the one table; see ``commentedDefault``.)
    public static let settings: [ConfigSetting] = [
        .init(
            name: "theme", defaultValue: "\"default\"", values: "a theme name (spool themes lists them)",
            summary: "The colour theme; t cycles through the others while reading."),
        .init(
            name: "layout", defaultValue: "\"auto\"", values: "auto, stacked, side-by-side",
            summary: "Where the article pane goes: beside the tree from 120 columns (auto), below it, or beside it."),
        .init(
            name: "split", defaultValue: "0.4", values: "a number from 0.2 to 0.8",
            summary: "The tree's share of the screen."),
        .init(
            name: "tree", defaultValue: "\"unicode\"", values: "unicode, ascii",
            summary: "Tree lines in box-drawing characters or in ASCII (also chosen when the terminal is not UTF-8)."),
        .init(
            name: "date", defaultValue: "\"relative\"", values: "relative, absolute, custom",
            summary: "Dates in the tree: 3h and Oct 28, the full date, or date_format's."),
        .init(
            name: "date_format", defaultValue: "\"%e %b %Y\"", values: "%Y %y %m %d %e %H %M %S %b %%",
            summary: "The date's pattern with date = \"custom\"."),
        .init(
            name: "mark_read", defaultValue: "\"on-select\"", values: "on-select, manual",
            summary: "Whether selecting a comment marks it read, or only r, R, C-r and M do."),
        .init(
            name: "collapse_read", defaultValue: "false", values: "true, false",
            summary: "Fold every subtree with nothing unread when a discussion opens."),
        .init(
            name: "mouse", defaultValue: "true", values: "true, false",
            summary: "Clicks select and fold, the wheel scrolls."),
        .init(
            name: "plain", defaultValue: "false", values: "true, false",
            summary: "The accessible mode: no box drawing, depth and read state in words (as --plain)."),
        .init(
            name: "cursor", defaultValue: "\"hidden\"", values: "hidden, visible",
            summary: "Show the terminal's cursor on the selection (for screen readers and magnifiers)."),
        .init(
            name: "wrap_width", defaultValue: "100", values: "columns from 20 up, or 0",
            summary: "The longest article line however wide the pane; 0 wraps at the pane's width."),
        .init(
            name: "group_by_subject", defaultValue: "\"replies\"", values: "replies, all, off",
            summary:
                "Archives: a Re: with no threading headers joins its subject's thread (replies), every thread root joins the first with its subject (all), or headers alone thread (off)."
        ),
        .init(
            name: "oldest_first", defaultValue: "false", values: "true, false",
            summary: "Archives: threads oldest first (newest first otherwise)."),
        .init(
            name: "resume", defaultValue: "true", values: "true, false",
            summary: "Reopen a discussion where the last visit left it (selection and scroll)."),
        .init(
            name: "collapse_seen", defaultValue: "false", values: "true, false",
            summary: "Fold every subtree with nothing new since your last visit when a discussion opens."),
        .init(
            name: "fold_quotes", defaultValue: "true", values: "true, false",
            summary:
                "Quoted blocks of more than three lines show as one line \"[> 14 quoted lines]\" until T shows them."),
        .init(
            name: "fold_signatures", defaultValue: "true", values: "true, false",
            summary: "A signature (after a \"-- \" line) folds with them; it is dimmed either way."),
        .init(
            name: "show_scores", defaultValue: "true", values: "true, false",
            summary: "Show a comment's score in its row (Hacker News points, Reddit, Lobsters, Stack Exchange)."),
        .init(
            name: "mute", defaultValue: "[]", values: "a list of author names",
            summary:
                "Authors whose comments show as one line \"[muted: NAME]\" (x shows one); their replies stay. m mutes more."
        ),
        .init(
            name: "mute_words", defaultValue: "[]", values: "a list of words",
            summary: "Comments whose text holds one of these words (any case) are muted the same way."),
        .init(
            name: "news_articles", defaultValue: "1000", values: "a number of articles from 1 up",
            summary: "News addresses (news://HOST/GROUP): how many of the group's newest articles are read."),
        .init(
            name: "news_user", defaultValue: "\"\"", values: "text",
            summary: "The user name given to a news server that asks for a login (AUTHINFO USER)."),
        .init(
            name: "news_password", defaultValue: "\"\"", values: "text",
            summary: "Its password (AUTHINFO PASS); keep the config file readable by you only."),
    ]

    /// The settings every config file may hold, for "did you mean".
    public static let settingNames = settings.map(\.name) + ["keys"]

    /// A config file that changes nothing: every setting and every action's keys at their
    /// defaults, commented out, each with what it does (`spool --print-config`).
    public static func commentedDefault(path: String) -> String {
        var out = """
            # Spool's configuration: \(path)
            # Every entry is optional and command-line flags win. Remove the # before a line to
            # change it; `man 5 spool-config` describes each setting.

            """
        for setting in settings {
            out += "\n" + comment("\(setting.summary) Values: \(setting.values).")
            out += "#\(setting.name) = \(setting.defaultValue)\n"
        }
        out += """

            # Keys: an action listed here gets exactly the keys given. Names of keys as in
            # "j", "G", "<C-n>", "<Down>", "<PgDn>", "<Enter>", "<Tab>", "<S-Tab>", "<M-x>", "<F1>".
            [keys]

            """
        for topic in ActionTopic.allCases {
            out += "\n# \(topic.rawValue)\n"
            for action in Action.allCases where action.topic == topic {
                let keys = KeyMap.standard.keys(for: action).map { "\"\(tomlEscaped(KeyNotation.notation(of: $0)))\"" }
                out += "#\(action.rawValue) = [\(keys.joined(separator: ", "))]  # \(action.summary)\n"
            }
        }
        return out
    }

    /// `text` as comment lines of at most 88 columns, broken at spaces.
    private static func comment(_ text: String) -> String {
        var out = ""
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 88 && line != "#" {
                out += line + "\n"
                line = "#"
            }
            line += " " + word
        }
        return out + line + "\n"
    }

    private static func tomlEscaped(_ text: String) -> String {
        String(text.flatMap { $0 == "\\" || $0 == "\"" ? ["\\", $0] : [$0] })
    }
}

import ArgumentParser
import Foundation
import SpoolReader
import SpoolScreen
import SpoolView

/// The manual pages, written from the tables the program itself runs on: options from the
/// command-line parser, keys from the action table and the standard key map, settings from
/// ``ReaderConfig/settings``, theme roles from ``ThemeRole``. They cannot drift from the
/// code; a test checks that every option, action, setting and role appears.
enum ManualPages {
    static let names = ["spool.1", "spool-config.5", "spool-themes.7"]

    static func page(named name: String) throws -> String? {
        switch name {
        case "spool.1": return try spool()
        case "spool-config.5": return config()
        case "spool-themes.7": return themes()
        default: return nil
        }
    }

    // MARK: spool(1)

    static func spool() throws -> String {
        let root = try JSONDecoder().decode(ToolInfo.self, from: Data(SpoolCommand._dumpHelp().utf8)).command
        let commands = (root.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        var out = header(name: "SPOOL", section: 1, title: "User Commands")
        let abstract = SpoolCommand.configuration.abstract.lowercasedFirst
        out += ".SH NAME\nspool \\- \(roff(abstract.hasSuffix(".") ? String(abstract.dropLast()) : abstract))\n"
        out += ".SH SYNOPSIS\n.B spool\n[\\fIOPTIONS\\fR] [\\fIFILE\\fR ...]\n"
        for command in commands where command.commandName != "read" {
            out += ".br\n.B spool \(command.commandName)\n[\\fIOPTIONS\\fR]"
            if let file = (command.arguments ?? []).first(where: { $0.kind == "positional" }) {
                out += file.isOptional ? " [\\fIFILE\\fR]\n" : " \\fIFILE\\fR\n"
            } else {
                out += "\n"
            }
        }
        out += """
            .SH DESCRIPTION
            Spool shows a threaded discussion full screen: a reply tree (tree lines, author, age,
            unread marks, hidden-reply counts) beside or above an article pane with the selected
            comment. It reads comment threads copied from web pages, mailing-list archives (mbox,
            Maildir, pipermail, public-inbox's t.mbox.gz; gzip or not), single mail and news messages, Hacker
            News, Reddit, Lobsters, Discourse, GitHub, Mastodon, Bluesky and Discord JSON, Disqus
            and WordPress exports, Stack Exchange dumps, Slack exports and saved HTML pages of
            Hacker News, Lobsters and WordPress. The content decides the format; \\fB\\-\\-from\\fR
            forces one. \\fB\\-\\fR reads standard input, as does a pipe with no FILE.
            .PP
            Several files or a folder open a library: a list of discussions with their unread
            counts, where Enter opens one and q in the reader comes back.
            .PP
            Comments are marked read as they are selected; read marks, folds and the place you
            left are kept across runs in a SQLite database, and comments new since the last visit
            are marked.

            """
        let reader = commands.first { $0.commandName == "read" }
        out += ".SH OPTIONS\n" + options(reader?.arguments ?? [])
        out += ".SH COMMANDS\n"
        for command in commands where command.commandName != "read" {
            out += ".SS \"spool \(command.commandName)\"\n\(roff(command.abstract ?? ""))\n"
            out += options((command.arguments ?? []).filter { $0.valueName != "version" })
        }
        out += ".SH KEYS\nThe standard keys; a config file's \\fB[keys]\\fR table changes them (see\n"
        out += ".BR spool-config (5)),\nand ? in the reader lists them as they are bound.\n"
        for topic in ActionTopic.allCases {
            out += ".SS \"\(roff(topic.rawValue))\"\n"
            for action in Action.allCases where action.topic == topic {
                let keys = keys(action)
                out += ".TP\n\(keys.isEmpty ? "(no key)" : keys)\n"
                out += "\(roff(action.summary)) [\(roff(action.rawValue))]\n"
            }
        }
        for (title, items) in HelpOverlay.legend(.unicode) {
            out += ".SS \"\(roff(title))\"\n"
            for (mark, meaning) in items { out += ".TP\n\\fB\(roff(mark))\\fR\n\(roff(meaning))\n" }
        }
        out += """
            .SH FILES
            .TP
            .I $XDG_CONFIG_HOME/spool/config.toml
            Settings and keys (default \\fI~/.config/spool/config.toml\\fR); see
            .BR spool-config (5).
            .TP
            .I $XDG_CONFIG_HOME/spool/themes/NAME.toml
            Your themes; see
            .BR spool-themes (7).
            .TP
            .I PREFIX/share/spool/Themes/
            The shipped themes, also built into the program.
            .TP
            .I $XDG_STATE_HOME/spool/state.sqlite3
            Read marks, folds, visits and prompt history (default \\fI~/.local/state/spool/\\fR, or
            \\fB$SPOOL_STATE_DIR\\fR, or \\fB\\-\\-state\\-dir\\fR). Spool opens no database but its
            own for writing.
            .SH ENVIRONMENT
            .TP
            .B XDG_CONFIG_HOME, XDG_STATE_HOME, SPOOL_STATE_DIR
            Where the files above are.
            .TP
            .B PAGER
            The pager for \(keys(.viewInPager)) (default less).
            .TP
            .B BROWSER
            The program \(keys(.openURL)) opens addresses with (default xdg-open).
            .TP
            .B TERM, COLORTERM, NO_COLOR
            Colours: direct colour with COLORTERM=truecolor and a \\fI\\-direct\\fR terminfo entry, else
            the nearest of 256, 16 or 8; NO_COLOR means attributes only.
            .TP
            .B LANG, LC_ALL
            A locale that is not UTF-8 draws ASCII tree lines and look-alikes for other text.
            .SH EXIT STATUS
            .TP
            .B 0
            Done.
            .TP
            .B 1
            A file could not be read or imported; the message names it, the line where known, and
            what to do.
            .TP
            .B 2
            A usage error: an unknown option or value, or no terminal for the reader.
            .TP
            .B 128+N
            The reader ended by signal N (SIGINT, SIGTERM, SIGHUP), with the terminal restored and
            the state saved.
            .SH EXAMPLES
            .TP
            .B spool archive.mbox
            Read a mailing-list archive.
            .TP
            .B curl \\-s https://lore.kernel.org/lkml/ID/t.mbox.gz | spool
            Read a thread from a pipe.
            .TP
            .B spool ~/Mail/lists/
            A library of every discussion in a folder.
            .TP
            .B spool render \\-\\-size 100x30 \\-\\-keys 'jj<Tab>' thread.json
            Print the screen after three keys, for scripts and bug reports.
            .TP
            .B spool export \\-\\-format text comments.html > comments.txt
            The discussion as indented text, which Spool reads back.
            .SH SEE ALSO
            .BR spool-config (5),
            .BR spool-themes (7),
            .BR mutt (1),
            .BR slrn (1)

            """
        return out
    }

    /// Each displayed option and argument as a tagged paragraph.
    private static func options(_ arguments: [ArgumentInfo]) -> String {
        var out = ""
        for argument in arguments where argument.shouldDisplay && argument.valueName != "help" {
            let names = (argument.names ?? []).map { ($0.kind == "short" ? "\\-" : "\\-\\-") + roff($0.name) }
            var tag = names.map { "\\fB\($0)\\fR" }.joined(separator: ", ")
            if argument.kind == "positional" {
                tag = "\\fI\(roff((argument.valueName ?? "").uppercased()))\\fR" + (argument.isRepeating ? " ..." : "")
            } else if argument.kind == "option" {
                tag += " \\fI\(roff(argument.valueName ?? "value"))\\fR"
            }
            var text = roff(argument.abstract ?? "")
            if let values = argument.allValues, !values.isEmpty, !(argument.abstract ?? "").contains(values[0]) {
                text += " Values: \(roff(values.joined(separator: ", ")))."
            }
            out += ".TP\n\(tag)\n\(text)\n"
        }
        return out
    }

    // MARK: spool-config(5)

    static func config() -> String {
        var out = header(name: "SPOOL-CONFIG", section: 5, title: "File Formats")
        out += """
            .SH NAME
            spool-config \\- settings and keys of the Spool reader
            .SH SYNOPSIS
            .I $XDG_CONFIG_HOME/spool/config.toml
            (default \\fI~/.config/spool/config.toml\\fR, or \\fB\\-\\-config\\fR \\fIFILE\\fR)
            .SH DESCRIPTION
            A TOML file. Every entry is optional and command-line flags win. An unknown setting or
            action, a bad value, a bad key name or a key given to two actions is reported as
            \\fIFILE\\fR:\\fILINE\\fR: what is wrong and the nearest valid name, in the reader's
            status line (all of them by \\fBspool render\\fR), and that entry keeps its default:
            Spool never refuses to start over its config.
            \\fBspool \\-\\-print\\-config\\fR writes a file with every setting and key commented out.
            .SH SETTINGS

            """
        for setting in ReaderConfig.settings {
            out += ".TP\n\\fB\(roff(setting.name))\\fR = \(roff(setting.defaultValue))\n"
            out += "\(roff(setting.summary)) Values: \(roff(setting.values)).\n"
        }
        out += """
            .SH KEYS
            The \\fB[keys]\\fR table binds actions to keys: \\fIaction\\fR = "\\fIkey\\fR" or
            [ "\\fIkey\\fR", ... ]. An action listed there gets exactly the keys given, taken from any
            action that had them by default. Keys are written as in \\fBj\\fR, \\fBG\\fR, \\fB<C\\-n>\\fR
            (Control), \\fB<M\\-x>\\fR (Alt), \\fB<S\\-Tab>\\fR, \\fB<Up> <Down> <Left> <Right>\\fR,
            \\fB<PgUp> <PgDn> <Home> <End>\\fR, \\fB<Enter> <Tab> <Esc> <Space> <BS>\\fR,
            \\fB<Ins> <Del>\\fR and \\fB<F1>\\fR to \\fB<F12>\\fR. Whatever the table says, some key
            quits and some key lists the keys (q and ? come back when nothing else is left), and
            Ctrl-C always ends the reader.
            .PP
            The actions, with their standard keys:

            """
        for action in Action.allCases {
            let keys = KeyMap.standard.keys(for: action).map { "\"\(roff(KeyNotation.notation(of: $0)))\"" }
            out +=
                ".TP\n\\fB\(roff(action.rawValue))\\fR = [\(keys.joined(separator: ", "))]\n\(roff(action.summary))\n"
        }
        out += """
            .SH EXAMPLE
            .nf
            theme = "nord"
            layout = "side\\-by\\-side"
            date = "custom"
            date_format = "%Y\\-%m\\-%d %H:%M"
            mark_read = "manual"

            [keys]
            next\\-comment = ["j", "<Down>", "<C\\-n>"]
            parent = "P"
            .fi
            .SH SEE ALSO
            .BR spool (1),
            .BR spool-themes (7)

            """
        return out
    }

    // MARK: spool-themes(7)

    static func themes() -> String {
        var out = header(name: "SPOOL-THEMES", section: 7, title: "Miscellaneous")
        out += """
            .SH NAME
            spool-themes \\- colour themes of the Spool reader
            .SH DESCRIPTION
            A theme is a TOML file that styles the semantic roles of Spool's screen, with an
            optional palette of named colours. Spool looks for \\fINAME\\fR.toml in
            \\fI$XDG_CONFIG_HOME/spool/themes/\\fR (a theme of yours wins over a shipped one of the
            same name), then in the shipped themes. Choose one with \\fB\\-\\-theme\\fR \\fINAME\\fR or
            \\fBtheme = "\\fINAME\\fB"\\fR in
            .BR spool-config (5);
            \\fBt\\fR cycles through them while reading, and \\fBspool themes\\fR lists them.
            .PP
            Shipped themes:
            \(ShippedThemes.all.map { roff($0.name) }.joined(separator: ", ")).
            .SH FORMAT
            .nf
            name = "mine"
            background = "#1c1c1c"    # optional: every role that sets no bg
            foreground = "252"        # optional: every role that sets no fg

            [palette]
            accent = "#5fafff"        # names to use below

            [roles]
            "tree.unread"   = { fg = "yellow", bold = true }
            "tree.selected" = { fg = "black", bg = "accent" }
            "article.quote" = { fg = "108", italic = true }
            .fi
            .SH COLOURS
            \\fBdefault\\fR (the terminal's own), the names \\fBblack red green yellow blue magenta
            cyan white\\fR and \\fBbright\\-\\fR\\fIname\\fR, numbers \\fB0\\fR to \\fB255\\fR,
            \\fB#rrggbb\\fR, or a palette name. Attributes: \\fBbold dim italic underline
            reverse\\fR, each \\fBtrue\\fR or \\fBfalse\\fR. Spool uses what the terminal has: direct
            colour, else the nearest of 256, 16 or 8 colours, else attributes only (also with
            \\fBNO_COLOR\\fR). The selection and the status line stay visible in reverse video
            without colour.
            .SH ROLES

            """
        for role in ThemeRole.allCases {
            out += ".TP\n\\fB\(roff(role.rawValue))\\fR\n\(roff(role.summary))\n"
        }
        out += """
            .SH ERRORS
            Each unknown role or bad colour is reported with the file, the line and the nearest
            valid name, and the theme's other roles are kept. A theme the config names that does
            not exist falls back to \\fBdefault\\fR with a message; \\fB\\-\\-theme\\fR with an
            unknown name is an error.
            .SH WRITING ONE
            Start from a shipped theme: copy it from \\fIPREFIX/share/spool/Themes/\\fR to
            \\fI~/.config/spool/themes/\\fR under a new name, change its roles, and try it with
            \\fBspool render \\-\\-theme\\fR \\fINAME\\fR, which prints every problem.
            .SH SEE ALSO
            .BR spool (1),
            .BR spool-config (5)

            """
        return out
    }

    /// The standard keys of `action`, in bold.
    private static func keys(_ action: Action) -> String {
        KeyMap.standard.keys(for: action).map { "\\fB\(roff(KeyNotation.name(of: $0)))\\fR" }.joined(separator: ", ")
    }

    // MARK: roff

    private static func header(name: String, section: Int, title: String) -> String {
        ".\\\" Written by `spool manual`; generated from the program's own tables.\n"
            + ".TH \(name) \(section) \"\" \"\(roff(Version.text))\" \"\(title)\"\n"
    }

    /// Text as roff shows it literally: backslashes and hyphens escaped, and a line never
    /// starting with a control character.
    static func roff(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case "\n": out += "\n\\&"
            default: out.append(character)
            }
        }
        return out.first == "." || out.first == "'" ? "\\&" + out : out
    }

    private struct ToolInfo: Decodable { let command: CommandInfo }

    private struct CommandInfo: Decodable {
        let commandName: String
        let abstract: String?
        let shouldDisplay: Bool?
        let subcommands: [CommandInfo]?
        let arguments: [ArgumentInfo]?
    }

    private struct ArgumentInfo: Decodable {
        struct Name: Decodable {
            let kind: String
            let name: String
        }
        let kind: String
        let names: [Name]?
        let valueName: String?
        let abstract: String?
        let allValues: [String]?
        let shouldDisplay: Bool
        let isRepeating: Bool
        let isOptional: Bool
    }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

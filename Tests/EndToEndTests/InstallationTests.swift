import Foundation
import SpoolReader
import SpoolTestSupport
import SpoolView
import Testing

/// What a new user sees of the installed program: `--help`, `--version`, the manual pages
/// and the completion scripts, each from the binary itself.
@Suite struct InstallationTests {
    @Test func helpShowsTheReadersUsageAndOptionsBeforeTheSubcommands() {
        let help = spawn([spoolBinary, "--help"])
        #expect(help.status == 0)
        let lines = help.output.components(separatedBy: "\n")
        #expect(lines.first == "OVERVIEW: A full-screen terminal reader for threaded discussions.")
        let usage = lines.firstIndex(of: "USAGE: spool [<options>] [<files> ...]")
        let theme = lines.firstIndex { $0.hasPrefix("  --theme <theme>") }
        let subcommands = lines.firstIndex(of: "SUBCOMMANDS:")
        #expect(usage != nil && theme != nil && subcommands != nil, "\(help.output)")
        if let usage, let theme, let subcommands { #expect(usage < theme && theme < subcommands) }
        #expect(lines.contains { $0.hasPrefix("  export ") } && lines.contains { $0.hasPrefix("  render ") })
        #expect(!lines.contains { $0.hasPrefix("  manual") }, "the manual writer is for the installer")
        #expect(
            spawn([spoolBinary, "-h"]).output == help.output && spawn([spoolBinary, "help"]).output == help.output)
    }

    @Test func versionNamesTheNumberAndTheCommitOfAGitCheckout() throws {
        let version = spawn([spoolBinary, "--version"])
        #expect(version.status == 0)
        let text = version.output.trimmingCharacters(in: .newlines)
        let pattern = try Regex(#"^spool [0-9]+\.[0-9]+\.[0-9]+( \(commit [0-9a-f]{12}(\+changes)?\))?$"#)
        #expect(text.wholeMatch(of: pattern) != nil, "\(text)")
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.git")
        if FileManager.default.fileExists(atPath: checkout.path) {
            #expect(text.contains("(commit "), "built from a git checkout: \(text)")
        }
    }

    @Test func theManualNamesEveryOptionActionSettingAndRole() throws {
        let spool = spawn([spoolBinary, "manual", "spool.1"]).output
        let config = spawn([spoolBinary, "manual", "spool-config.5"]).output
        let themes = spawn([spoolBinary, "manual", "spool-themes.7"]).output
        let roff = { (text: String) in text.replacingOccurrences(of: "-", with: "\\-") }
        for option in try displayedLongOptions() where option != "help" {
            #expect(spool.contains("\\fB\\-\\-\(roff(option))\\fR"), "spool.1 has --\(option)")
        }
        for action in Action.allCases {
            #expect(spool.contains("[\(roff(action.rawValue))]"), "spool.1 has \(action.rawValue)")
            #expect(config.contains("\\fB\(roff(action.rawValue))\\fR"), "spool-config.5 has \(action.rawValue)")
        }
        for setting in ReaderConfig.settings {
            #expect(config.contains("\\fB\(roff(setting.name))\\fR"), "spool-config.5 has \(setting.name)")
        }
        for role in ThemeRole.allCases {
            #expect(themes.contains("\\fB\(roff(role.rawValue))\\fR"), "spool-themes.7 has \(role.rawValue)")
        }
        for page in [spool, config, themes] {
            #expect(page.hasPrefix(".\\\" Written by `spool manual`"))
            #expect(!page.components(separatedBy: "\n").contains { $0.hasPrefix(".") && $0.contains("\\e\\e") })
        }
        #expect(spawn([spoolBinary, "manual", "spool.9"]).status == 2)
    }

    @Test(.enabled(if: isOnPath("man"), "man is not installed"))
    func everyManualPageRendersWithMan() throws {
        let folder = Scratch.folder.appendingPathComponent("spool-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for page in ["spool.1", "spool-config.5", "spool-themes.7"] {
            let file = folder.appendingPathComponent(page).path
            #expect(
                FileManager.default.createFile(
                    atPath: file, contents: Data(spawn([spoolBinary, "manual", page]).output.utf8)))
            let shown = spawn(["sh", "-c", "MANWIDTH=80 man -l \"$0\" 2>&1", file])
            #expect(shown.status == 0)
            #expect(shown.output.contains("NAME") && shown.output.contains("SEE ALSO"), "\(page):\n\(shown.output)")
            #expect(!shown.output.contains("warning"), "\(page):\n\(shown.output)")
        }
    }

    @Test func completionsKnowWhatEachOptionTakes() {
        let bash = spawn([spoolBinary, "--generate-completion-script", "bash"]).output
        #expect(bash.contains("---completion read -- --theme"), "--theme asks spool for its theme names")
        #expect(bash.contains("mastodon") && bash.contains("stackexchange"), "--from lists the formats")
        #expect(bash.contains("'--state-dir')\n        __spool_add_completions -d"), "--state-dir completes folders")
        let zsh = spawn([spoolBinary, "--generate-completion-script", "zsh"]).output
        #expect(zsh.contains("_files -g") && zsh.contains("toml"), "--config completes TOML files")
        let themes = spawn([spoolBinary, "---completion", "read", "--", "--theme", "1", "0"])
        #expect(themes.output.components(separatedBy: "\n").contains("solarized-light"), "\(themes.output)")
    }

    @Test func printConfigWritesAConfigThatChangesNothing() {
        let printed = spawn([spoolBinary, "--print-config"])
        #expect(printed.status == 0)
        let (asIs, problems) = ReaderConfig.parse(toml: printed.output, file: "printed")
        #expect(problems.isEmpty && asIs == ReaderConfig())
        // Every line uncommented still changes nothing: the values are the defaults.
        let uncommented = printed.output.components(separatedBy: "\n").map {
            $0.range(of: #"^#[a-z_-]+ = "#, options: .regularExpression) != nil ? String($0.dropFirst()) : $0
        }.joined(separator: "\n")
        let (explicit, explicitProblems) = ReaderConfig.parse(toml: uncommented, file: "uncommented")
        #expect(explicitProblems.isEmpty, "\(explicitProblems)")
        #expect(explicit.keyMap == KeyMap.standard)
        #expect(explicit.theme == "default" && explicit.split == 0.4 && explicit.wrapWidth == 100)
        #expect(explicit.marksReadOnSelect == true && explicit.resumes == true && explicit.groupBySubject == "replies")
        #expect(
            uncommented.components(separatedBy: "\n").filter { $0.contains(" = ") && !$0.hasPrefix("#") }.count
                == ReaderConfig.settings.count + Action.allCases.count)
    }

    @Test func theDebugLogGoesToItsFileNeverToTheTerminal() throws {
        let log = Scratch.folder.appendingPathComponent("spool-log-\(UUID().uuidString)").path
        defer { unlink(log) }
        let state = freshStateDir()
        let session = TmuxSession(
            [spoolBinary, Fixture.path(Fixture.seed)], columns: 100, rows: 30,
            environment: ["SPOOL_LOG": log, "SPOOL_STATE_DIR": state])
        let first = session.waitFor { $0.contains("16 unread") }
        #expect(first.contains("16 unread") && !first.contains("debug"), "\(first)")
        session.send("q")
        #expect(session.exitStatus() == 0)
        let text = try #require(readTextFile(log))
        for expected in [
            "info start: ", "debug imported: chosen=by content comments=16 format=web", "debug state: ", "info exit: ",
        ] {
            #expect(text.contains(expected), "\(expected) in:\n\(text)")
        }
        let rendered = spawn([spoolBinary, "render", "--log", log, "--theme", "default", "/no/such/file"])
        #expect(rendered.status == 1 && !rendered.output.contains("error failed"))
        #expect(try #require(readTextFile(log)).contains("error failed: message="), "a failure is logged too")
        let refused = spawn([spoolBinary, "render", "--log", "/no/such/folder/log", Fixture.path(Fixture.seed)])
        #expect(refused.output.contains("cannot write the debug log there"), "\(refused.output)")
    }

    @Test func atOpensTheReaderAtAComment() {
        let file = Fixture.path("json/hn-17-algolia-items-api.json")
        let session = TmuxSession(
            [spoolBinary, "--at", "454426", "--state-dir", freshStateDir(), file], columns: 100, rows: 20)
        let screen = session.waitFor { $0.contains(" 4/4  3 unread") && $0.contains("#454426 · 1 point · reply to pg") }
        #expect(screen.contains(" 4/4  3 unread") && screen.contains("#454426 · 1 point · reply to pg"), "\(screen)")
        session.send("q")
        #expect(session.exitStatus() == 0)
    }

    /// The long options every visible command shows, from the parser's own description.
    private func displayedLongOptions() throws -> Set<String> {
        let json = spawn([spoolBinary, "--experimental-dump-help"]).output
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var names: Set<String> = []
        for sub in (command["subcommands"] as? [[String: Any]]) ?? [] where sub["shouldDisplay"] as? Bool != false {
            for argument in (sub["arguments"] as? [[String: Any]]) ?? []
            where argument["shouldDisplay"] as? Bool == true {
                for name in (argument["names"] as? [[String: Any]]) ?? [] where name["kind"] as? String == "long" {
                    if let text = name["name"] as? String { names.insert(text) }
                }
            }
        }
        #expect(names.contains("theme") && names.contains("size") && names.contains("format"))
        return names
    }
}

/// Whether `program` is on PATH.
func isOnPath(_ program: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
    }
}

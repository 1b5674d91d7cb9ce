import ArgumentParser
import Foundation
import SpoolCore
import SpoolImport
import SpoolView

/// `spool export`: the imported model as JSON or as the plain-text form.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the imported discussion as JSON or text.")

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "The discussion file or address (- is standard input).", completion: .file())
    var file: String

    @Option(
        help: ArgumentHelp(
            "json or text (the indented page form, which Spool reads back).",
            discussion:
                "JSON: {\"title\", \"article\", \"format\", \"comments\": [{\"id\", \"key\", \"author\", \"date\", \"body\", \"replies\": [...]}]}, dates in ISO 8601, keys as read marks store them."
        ))
    var format: Output = .json

    @Option(help: Wiring.fromHelp)
    var from = "auto"

    /// The importer `--from` names; nil sniffs the content.
    var fromFormat: Format? { (try? Wiring.format(named: from)) ?? nil }

    func validate() throws { _ = try Wiring.format(named: from) }

    @OptionGroup var archive: ArchiveArguments

    @OptionGroup var remote: RemoteArguments

    func run() throws {
        let opened = try remote.open([file], config: (try? ConfigFile.load(option: nil).0) ?? ReaderConfig())
        var discussion = try Wiring.discussion(at: opened[0].path, format: fromFormat, archive: archive.options())
        RemoteArguments.label(&discussion, opened)
        Terminal.printOutput(format == .json ? discussion.exportJSON() : discussion.exportPageText(), terminator: "")
    }
}

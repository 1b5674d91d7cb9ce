import ArgumentParser
import SpoolImport

/// `spool export`: the imported model as JSON or as the plain-text form.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the imported discussion as JSON or text.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "The discussion file.")
    var file: String

    @Option(help: "json (DESIGN.md's schema) or text (the indented page form, which re-imports).")
    var format: Format = .json

    @Option(help: "Importer to use: auto (sniff the content), web, mbox, hn or reddit.")
    var from: InputFormatArgument = .auto

    @OptionGroup var archive: ArchiveArguments

    func run() throws {
        let discussion = try Wiring.discussion(at: file, format: from, archive: archive.options)
        print(format == .json ? discussion.exportJSON() : discussion.exportPageText(), terminator: "")
    }
}

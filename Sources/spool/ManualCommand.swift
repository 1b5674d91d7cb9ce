import ArgumentParser

/// `spool manual PAGE`: writes a manual page in roff (for `Scripts/install.sh`, which
/// installs spool.1, spool-config.5 and spool-themes.7). Hidden from help.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Write a manual page (spool.1, spool-config.5, spool-themes.7) in roff.",
        shouldDisplay: false)

    @Argument(help: "The page: spool.1, spool-config.5 or spool-themes.7.", completion: .list(ManualPages.names))
    var page: String

    func run() throws {
        guard let text = try ManualPages.page(named: page) else {
            throw ValidationError("no manual page \(page); the pages are \(ManualPages.names.joined(separator: ", "))")
        }
        print(text, terminator: "")
    }
}

import ArgumentParser

/// `spool themes`: the themes Spool can find.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List shipped and user themes.")

    func run() throws {
        let themes = ThemeCatalog().available
        guard !themes.isEmpty else {
            throw RuntimeFailure(message: "no themes found; looked in \(ThemeCatalog().folders.map(\.path).joined(separator: ", ")).")
        }
        for theme in themes { print("\(theme.name)\t\(theme.file.path)") }
    }
}

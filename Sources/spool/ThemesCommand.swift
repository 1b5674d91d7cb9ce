import ArgumentParser

/// `spool themes`: the themes Spool can find.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List shipped and user themes.")

    func run() throws {
        for theme in ThemeCatalog().available { Terminal.printOutput("\(theme.name)\t\(theme.source.description)") }
    }
}

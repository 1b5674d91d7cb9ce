import Foundation
import SpoolImport
import SpoolView

/// Finds themes: the user's `$XDG_CONFIG_HOME/spool/themes/` first (a user theme wins over
/// a shipped one of the same name), then a `Themes/` folder on disk (beside an installed
/// binary in `../share/spool/Themes`, or the source checkout it was built in), then the
/// shipped themes built into the binary, so every shipped theme is found wherever Spool runs.
struct ThemeCatalog {
    let folders: [URL]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders: [URL] = []
        let configHome =
            environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".config")
        folders.append(configHome.appendingPathComponent("spool/themes"))
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        folders.append(folder.appendingPathComponent("../share/spool/Themes").standardized)
        for _ in 0..<6 {
            folders.append(folder.appendingPathComponent("Themes"))
            folder = folder.deletingLastPathComponent()
        }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        self.folders = folders
    }

    /// Where a theme comes from: a file, or the copy built into the binary.
    enum Source {
        case file(URL)
        case builtIn(String)

        var description: String {
            switch self {
            case .file(let url): return url.path
            case .builtIn: return "(built in)"
            }
        }
    }

    /// Every theme name found, with where it comes from, user themes first.
    var available: [(name: String, source: Source)] {
        var seen: Set<String> = []
        var result: [(String, Source)] = []
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if seen.insert(name).inserted { result.append((name, .file(folder.appendingPathComponent(file)))) }
            }
        }
        for shipped in ShippedThemes.all where seen.insert(shipped.name).inserted {
            result.append((shipped.name, .builtIn(shipped.toml)))
        }
        return result
    }

    /// Loads the theme called `name`: its valid roles, and a problem for each that is not.
    /// Throws when there is no such theme or its file is not TOML.
    func theme(named name: String) throws -> (Theme, [ThemeError]) {
        try theme(named: name, among: available)
    }

    /// Loads `name` from an already listed `available` (the folders are read once).
    private func theme(named name: String, among available: [(name: String, source: Source)]) throws -> (
        Theme, [ThemeError]
    ) {
        guard let entry = available.first(where: { $0.name == name }) else {
            let names = available.map(\.name)
            let nearest = names.min { nearness($0, name) < nearness($1, name) } ?? "default"
            throw RuntimeFailure(
                message:
                    "no theme named \"\(name)\" (did you mean \"\(nearest)\"?). Available: \(names.joined(separator: ", "))."
            )
        }
        switch entry.source {
        case .builtIn(let text):
            return (try Theme.parse(toml: text, file: "built-in \(name)"), [])
        case .file(let url):
            guard case .success(let bytes) = DiskPath(url.path).contents(),
                let text = String(validating: bytes, as: UTF8.self)
            else {
                throw RuntimeFailure(message: "\(url.path): cannot be read as UTF-8 text. Check the theme file.")
            }
            return try Theme.parseKeepingValid(toml: text, file: url.path)
        }
    }

    /// All themes, for cycling with `t`; a user theme that fails to parse is left out.
    func allThemes() -> [Theme] {
        let listed = available
        return listed.compactMap { try? theme(named: $0.name, among: listed).0 }
    }

    private func nearness(_ a: String, _ b: String) -> Int {
        a.hasPrefix(b) || b.hasPrefix(a) ? 0 : abs(a.count - b.count) + Set(a).symmetricDifference(Set(b)).count
    }
}

import Foundation
import SpoolView

/// Finds theme files: the user's `$XDG_CONFIG_HOME/spool/themes/` first, then the
/// shipped `Themes/` folder (beside an installed binary in `../share/spool/Themes`, or in
/// the source checkout the binary was built in).
struct ThemeCatalog {
    let folders: [URL]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders: [URL] = []
        let configHome = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
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

    /// Every theme name found, with the file that provides it.
    var available: [(name: String, file: URL)] {
        var seen: Set<String> = []
        var result: [(String, URL)] = []
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if seen.insert(name).inserted { result.append((name, folder.appendingPathComponent(file))) }
            }
        }
        return result
    }

    /// Loads the theme called `name`.
    func theme(named name: String) throws -> Theme {
        guard let entry = available.first(where: { $0.name == name }) else {
            let names = available.map(\.name)
            if name == "default" && names.isEmpty {
                throw RuntimeFailure(message: "no Themes/ folder was found (looked in \(folders.map(\.path).joined(separator: ", "))). Reinstall Spool with its Themes/ folder, or pass --theme with a file in \(folders[0].path).")
            }
            throw RuntimeFailure(message: "no theme named \"\(name)\". Available: \(names.joined(separator: ", ")).")
        }
        guard let text = try? String(contentsOf: entry.file, encoding: .utf8) else {
            throw RuntimeFailure(message: "\(entry.file.path): cannot be read as UTF-8 text. Check the theme file.")
        }
        return try Theme.parse(toml: text, file: entry.file.path)
    }
}

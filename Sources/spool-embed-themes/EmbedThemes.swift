import Foundation

/// `spool-embed-themes OUTPUT THEME.toml …`: writes the Swift source of `ShippedThemes`, the
/// shipped themes' TOML built into the binary, so `--theme NAME` works from any installed
/// binary. The `EmbedThemes` build plugin runs it on `Themes/*.toml` at every build.
@main
struct EmbedThemes {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: spool-embed-themes OUTPUT THEME.toml ...\n".utf8))
            exit(2)
        }
        let themes = try arguments.dropFirst().sorted().map { path in
            let url = URL(fileURLWithPath: path)
            return (
                name: url.deletingPathExtension().lastPathComponent, toml: try String(contentsOf: url, encoding: .utf8)
            )
        }
        try source(for: themes).write(toFile: output, atomically: true, encoding: .utf8)
    }

    /// The Swift file: one entry a theme, its text in a raw string literal with enough `#`s
    /// that nothing in the text can end it or start an escape.
    static func source(for themes: [(name: String, toml: String)]) -> String {
        var lines = [
            "// Generated at build time by spool-embed-themes from Themes/*.toml; do not edit.",
            "",
            "/// The shipped themes' TOML, built into the binary so they are found wherever Spool is installed.",
            "public enum ShippedThemes {",
            "    /// Theme name and file text, in name order.",
            "    public static let all: [(name: String, toml: String)] = [",
        ]
        for theme in themes {
            var hashes = "#"
            while theme.toml.contains("\"" + hashes) || theme.toml.contains("\\" + hashes) { hashes += "#" }
            let name = theme.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\"")
            lines.append("        (\"\(name)\", \(hashes)\"\"\"")
            lines += theme.toml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            lines.append("\"\"\"\(hashes)),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }
}

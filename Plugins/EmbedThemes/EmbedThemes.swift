import Foundation
import PackagePlugin

/// Builds `ShippedThemes+Generated.swift` from the package's `Themes/*.toml` with the
/// `spool-embed-themes` tool, before the target that uses it compiles; a changed theme
/// file rebuilds it.
@main
struct EmbedThemesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Themes")
        let themes = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedThemes+Generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(themes.count) themes",
                executable: try context.tool(named: "spool-embed-themes").url,
                arguments: [output.path] + themes.map(\.path),
                inputFiles: themes,
                outputFiles: [output])
        ]
    }
}

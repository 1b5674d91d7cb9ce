import Foundation
import PackagePlugin

/// Before every build of `spool`, writes `BuildCommit.swift` with the git commit the sources
/// are at (and a release tag on it), so `spool --version` names the build. Outside a git
/// checkout both are empty. The file is rewritten only when its text changes, so an
/// unchanged checkout compiles nothing again.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let script = #"""
            package="$1"; file="$2/BuildCommit.swift"
            mkdir -p "$2"
            commit=$(git -C "$package" rev-parse --short=12 HEAD 2>/dev/null || true)
            if [ -n "$commit" ] && [ -n "$(git -C "$package" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit+changes"
            fi
            tag=$(git -C "$package" describe --tags --exact-match --match 'v[0-9]*' HEAD 2>/dev/null || true)
            text=$(printf '/// Written by the BuildCommit plugin before each build.\nenum BuildCommit {\n    static let commit = "%s"\n    static let releaseTag = "%s"\n}' "$commit" "$tag")
            [ "$(cat "$file" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" > "$file"
            """#
        return [
            .prebuildCommand(
                displayName: "Reading the git commit for spool --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, folder.path],
                outputFilesDirectory: folder)
        ]
    }
}

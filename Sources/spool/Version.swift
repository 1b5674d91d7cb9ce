/// Spool's version: the number in this file, or a release tag `vX.Y.Z` on the commit it was
/// built from, then the commit when built from a git checkout (`+changes` when the checkout
/// had uncommitted changes).
enum Version {
    /// The next release's number; a tag `vX.Y.Z` on the built commit overrides it.
    static let number = "0.1.0"

    /// `spool 0.1.0 (commit 1a2b3c4d5e6f)`, as `spool --version` prints it.
    static var text: String {
        let release = BuildCommit.releaseTag.hasPrefix("v") ? String(BuildCommit.releaseTag.dropFirst()) : number
        return BuildCommit.commit.isEmpty ? "spool \(release)" : "spool \(release) (commit \(BuildCommit.commit))"
    }
}

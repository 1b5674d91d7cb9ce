import SpoolCore

extension Discussion {
    /// The plain-text form: the discussion written back as the web page text the web
    /// importer reads, an indented outline with bodies.
    ///
    /// ```
    /// Title
    ///
    /// Article text
    ///
    /// 2 Responses to Title
    ///
    ///   1. Alice 2014-10-28T11:24 #
    ///
    ///     Body
    ///
    ///     • Bob 2014-10-28T12:00 #
    ///
    ///       Reply body
    /// ```
    /// Importing it with ``WebPageImporter`` gives the same title, article, authors, dates,
    /// bodies and tree (tested as a round trip) for replies up to 500 deep; deeper ones are
    /// indented as if 500 deep, which keeps the text's size linear in a pathological chain.
    public func exportPageText() -> String {
        let tree = ThreadTree(self)
        let heading = title ?? "Untitled discussion"
        var out = heading + "\n\n"
        if let article, !article.isEmpty { out += indented(article, by: 0) + "\n\n" }
        out += "\(comments.count) Responses to \(heading)\n"
        var topLevel = 0
        for node in 1..<max(tree.count, 1) {
            let comment = comments[tree.commentIndex[node]]
            let depth = tree.depth[node]
            let headerIndent = String(repeating: " ", count: 2 * min(depth, PageTextLimits.depth))
            let marker: String
            if depth == 1 {
                topLevel += 1
                marker = "\(topLevel)."
            } else {
                marker = "•"
            }
            let date = comment.date?.iso8601 ?? "1970-01-01T00:00"
            out += "\n\(headerIndent)\(marker) \(comment.author) \(date) #\n"
            if !comment.body.text.isEmpty {
                out += "\n" + indented(comment.body.text, by: 2 * min(depth, PageTextLimits.depth) + 2) + "\n"
            }
        }
        return out
    }

    private func indented(_ text: String, by columns: Int) -> String {
        let pad = String(repeating: " ", count: columns)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }
}

/// Limits of the page-text export.
enum PageTextLimits {
    /// Indentation stops growing at this depth.
    static let depth = 500
}

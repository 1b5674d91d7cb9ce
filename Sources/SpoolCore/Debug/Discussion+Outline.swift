extension Discussion {
    /// A one-line-a-comment outline with tree lines, for tests and quick inspection:
    ///
    /// ```
    /// Baby P: The Untold Story
    /// ├─ Philip Measures  2014-10-28T11:24
    /// └─ Sharon Shoesmith  2014-10-28T12:33
    ///    └─ Edna  2014-10-29T00:02
    /// ```
    public var outline: String {
        let tree = ThreadTree(self)
        var lines = [title ?? "(untitled)"]
        for node in 1..<max(tree.count, 1) {
            let comment = comments[tree.commentIndex[node]]
            let prefix = tree.guides(for: node).map { guide -> String in
                switch guide {
                case .blank: return "   "
                case .stem: return "│  "
                case .tee: return "├─ "
                case .corner: return "└─ "
                }
            }.joined()
            var line = prefix + comment.author
            if let date = comment.date { line += "  " + date.iso8601 }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

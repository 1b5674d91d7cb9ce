import CCMark

/// Markdown bodies (Reddit, GitHub, Stack Exchange, Lobsters sources) as text: cmark, the
/// CommonMark reference library, writes them as HTML (raw HTML in them left out), which is
/// then rendered as every HTML body is (``HTMLText``): emphasis marks gone, `> ` quotes,
/// `• ` items, code blocks kept line for line, links as `text <address>`.
enum MarkdownBody {
    static func plainText(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        var markdown = markdown
        let html: String? = markdown.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                let rendered = base.withMemoryRebound(
                    to: CChar.self, capacity: bytes.count,
                    { cmark_markdown_to_html($0, bytes.count, spool_cmark_options()) })
            else { return nil }
            defer { spool_cmark_free(rendered) }
            return String(cString: rendered)
        }
        return html.map(HTMLText.plainText) ?? markdown
    }
}

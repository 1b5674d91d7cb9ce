import SpoolCore

/// Spool's rendering of HTML as text, fed by element and text events (from libxml2's HTML
/// parser, or from a walk over a parsed page): paragraphs, headings and `<br>` break lines,
/// list items get `• `, table cells are parted by ` | `, `<a href>` keeps its address
/// (`text <url>`), `<blockquote>` (and vBulletin's `div.bbcode_quote`, which has none inside)
/// gives its lines `> `, `<pre>` keeps its lines, and `<script>`,
/// `<style>`, `<head>` and `<title>` are dropped. White space folds outside `<pre>`.
struct HTMLRenderer {
    /// The most quote marks a line gets, however deep the quotes nest.
    static let maximumQuoteMarks = 32

    /// Finished lines, then the one being written.
    private var lines: [[UInt8]] = []
    private var current: [UInt8] = []
    /// Whether `current` holds text beyond the quote marks this wrote (a `>` of the text's
    /// own counts: `&gt; quoted` keeps its space).
    private var currentHasText = false
    private var quoteDepth = 0
    private var preDepth = 0
    private var skipping = 0
    private var pendingHref: [String?] = []
    /// For each open `div`: whether it is a quote.
    private var quotingBlocks: [Bool] = []
    private var lastWasSpace = true
    /// A list item's bullet is the line so far: a paragraph inside it (a loose list)
    /// starts on the bullet's line.
    private var bulletOnly = false

    /// Attributes a renderer reads, for producers that only hand those over.
    static func wantsAttributes(of element: String) -> Bool {
        element == "a" || element == "div"
    }

    mutating func open(_ element: String, attribute: (String) -> String?) {
        switch element {
        case "script", "style", "head", "title": skipping += 1
        case "br": newLine()
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "dl", "aside": paragraph()
        case "div":
            paragraph()
            let isQuote = (attribute("class") ?? "").split(separator: " ").contains("bbcode_quote")
            quotingBlocks.append(isQuote)
            if isQuote { quoteDepth += 1 }
        case "tr", "li", "dt", "dd":
            if !current.isEmpty { newLine() }
            if element == "li" {
                text("• ")
                bulletOnly = true
            }
        case "td", "th":
            if currentHasText { text(" | ") }
        case "blockquote":
            paragraph()
            quoteDepth += 1
        case "pre":
            paragraph()
            preDepth += 1
        case "a":
            let href = attribute("href").map(HTMLText.plainTextEntities)
            pendingHref.append(href.flatMap { $0.isEmpty || $0.hasPrefix("javascript:") ? nil : $0 })
        default: break
        }
    }

    mutating func close(_ element: String) {
        switch element {
        case "script", "style", "head", "title": skipping = max(0, skipping - 1)
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "dl", "aside": paragraph()
        case "div":
            paragraph()
            if quotingBlocks.popLast() == true { quoteDepth = max(0, quoteDepth - 1) }
        case "tr", "li", "dt", "dd":
            if !current.isEmpty { newLine() }
        case "blockquote":
            paragraph()
            quoteDepth = max(0, quoteDepth - 1)
        case "pre":
            paragraph()
            preDepth = max(0, preDepth - 1)
        case "a":
            if let href = pendingHref.popLast() ?? nil { text(" <\(href)>") }
        default: break
        }
    }

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { self.text($0) }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skipping == 0 else { return }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if preDepth > 0 {
                if byte == UInt8(ascii: "\n") {
                    newLine()
                } else if byte != UInt8(ascii: "\r") {
                    append(byte)
                }
                index += 1
                continue
            }
            // Printable ASCII and the bytes of other characters go on the line as a run.
            var runEnd = index
            while runEnd < bytes.count && HTMLRenderer.isPlainRunByte(bytes[runEnd]) { runEnd += 1 }
            if runEnd > index {
                append(run: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                lastWasSpace = false
                index = runEnd
                continue
            }
            // Source white space folds; a no-break space (from &nbsp;) is kept.
            let spaceLength = UnicodeWhiteSpace.length(bytes, at: index, noBreakSpace: false)
            if spaceLength > 0 {
                if !lastWasSpace {
                    append(UInt8(ascii: " "))
                    lastWasSpace = true
                }
                index += spaceLength
            } else {
                append(byte)
                lastWasSpace = false
                index += 1
            }
        }
    }

    /// The text: lines without trailing spaces, runs of empty (or quote-mark-only) lines as
    /// one, none at the ends.
    var result: String {
        var out: [UInt8] = []
        var lastWasBlank = true
        var blankPending = false
        for line in lines + [current] {
            var end = line.count
            while end > 0 && line[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if !line[..<end].contains(where: { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: " ") }) {
                if !lastWasBlank { blankPending = true }
                lastWasBlank = true
            } else {
                if blankPending { out.append(UInt8(ascii: "\n")) }
                if !out.isEmpty { out.append(UInt8(ascii: "\n")) }
                out.append(contentsOf: line[..<end])
                blankPending = false
                lastWasBlank = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes with no space among them, as `append` would add them one by one.
    private mutating func append(run: UnsafeBufferPointer<UInt8>) {
        startLine()
        bulletOnly = false
        current.append(contentsOf: run)
        currentHasText = true
    }

    private mutating func append(_ byte: UInt8) {
        startLine()
        if preDepth == 0 && byte == UInt8(ascii: " ") && !currentHasText { return }
        if byte != UInt8(ascii: " ") { bulletOnly = false }
        current.append(byte)
        if byte != UInt8(ascii: " ") { currentHasText = true }
    }

    /// Quote marks open a line inside a quote.
    private mutating func startLine() {
        guard current.isEmpty && quoteDepth > 0 else { return }
        for _ in 0..<min(quoteDepth, HTMLRenderer.maximumQuoteMarks) {
            current.append(contentsOf: [UInt8(ascii: ">"), UInt8(ascii: " ")])
        }
    }

    private mutating func newLine() {
        bulletOnly = false
        lines.append(current)
        current = []
        currentHasText = false
        lastWasSpace = true
    }

    private mutating func paragraph() {
        if bulletOnly { return }
        if !current.isEmpty { newLine() }
        if let previous = lines.last, !previous.isEmpty { newLine() }
    }

    /// A byte that is never white space nor the start of it: printable ASCII but the space,
    /// and any byte of a character outside ASCII but the first bytes white space can start with.
    private static func isPlainRunByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0x7F && !UnicodeWhiteSpace.canStart(byte)
    }
}

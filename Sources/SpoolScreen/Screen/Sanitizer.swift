/// The one place where untrusted text is made safe to put on a screen.
///
/// C0 controls (but newline, handled by callers), DEL, C1 controls and the bidirectional
/// overrides and isolates become visible placeholders (`^[`, `^?`, `<U+009B>`,
/// `<U+202E>`), so no byte of a discussion can act as a terminal escape sequence. Tabs
/// become spaces. Everything else passes unchanged.
public enum Sanitizer {
    /// `text` with every unsafe scalar replaced by its placeholder.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` made safe line by line: every unsafe scalar but the line breaks replaced, for
    /// text printed to a terminal outside the screen (messages on stderr, an export read on
    /// a terminal). Any line break (CR LF, CR, U+2028…) becomes a newline.
    public static func cleanLines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { clean(String($0)) }
            .joined(separator: "\n")
    }

    /// `text` with control characters removed and tabs and line breaks kept: for text
    /// handed to another program that shows it (the clipboard, a pager, a browser).
    public static func strippingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `scalar` must never reach the terminal as itself.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }

    /// The visible stand-in for an unsafe scalar.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v == 0x09 { return " " }
        if v < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(v + 0x40)))) }
        if v == 0x7F { return "^?" }
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}

import Foundation

/// What to draw for a character on a terminal whose locale is not UTF-8 (`LANG=C`): typographic
/// punctuation becomes its ASCII look-alike, an accented Latin letter its base letter, and
/// anything else `?` — never a blank, which would hide that something is there.
public enum ASCIIFallback {
    /// The ASCII text for `grapheme` (itself when it is ASCII; `?` at the most one column).
    public static func text(for grapheme: String) -> String {
        if grapheme.allSatisfy(\.isASCII) { return grapheme }
        if let scalar = grapheme.unicodeScalars.first, let mapped = punctuation[scalar] { return mapped }
        let folded = grapheme.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, folded.allSatisfy({ $0.isASCII && !$0.isWhitespace }) { return folded }
        return "?"
    }

    /// Punctuation people type or word processors make, and its ASCII form.
    private static let punctuation: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"", "\u{2039}": "<", "\u{203A}": ">",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
        "\u{2212}": "-", "\u{2026}": ".", "\u{2022}": "*", "\u{00B7}": ".", "\u{00A0}": " ", "\u{2009}": " ",
        "\u{202F}": " ", "\u{00D7}": "x", "\u{00A9}": "c", "\u{00AE}": "r", "\u{2122}": "t",
        // Box drawing and the reader's own marks, when the ASCII tree was not chosen.
        "\u{2500}": "-", "\u{2502}": "|", "\u{251C}": "|", "\u{2514}": "`", "\u{25CF}": "*",
    ]
}

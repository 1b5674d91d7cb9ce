/// Wraps text at word boundaries by display width.
public enum WordWrap {
    /// The lines of `text` wrapped to `width` columns.
    ///
    /// Newlines end lines, tabs advance to the next multiple of four, a word longer than
    /// the width is broken, and leading spaces of a source line are kept on its first row.
    public static func lines(of text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for sourceLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(Sanitizer.clean(expandingTabs(sourceLine)), width: width, into: &result)
        }
        return result
    }

    static func expandingTabs(_ line: Substring) -> Substring {
        guard line.contains("\t") else { return line }
        var out = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += DisplayWidth.of(character)
            }
        }
        return out[...]
    }

    private static func wrap(_ line: String, width: Int, into result: inout [String]) {
        var current = ""
        var currentWidth = 0
        var pendingSpace = ""
        var word = ""
        var wordWidth = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            let spaceWidth = pendingSpace.count
            if currentWidth + spaceWidth + wordWidth <= width {
                current += pendingSpace + word
                currentWidth += spaceWidth + wordWidth
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                currentWidth = 0
                for character in word {
                    let w = DisplayWidth.of(character)
                    if currentWidth + w > width {
                        result.append(current)
                        current = ""
                        currentWidth = 0
                    }
                    current.append(character)
                    currentWidth += w
                }
            }
            pendingSpace = ""
            word = ""
            wordWidth = 0
        }
        for character in line {
            if character == " " {
                flushWord()
                pendingSpace.append(" ")
            } else {
                word.append(character)
                wordWidth += DisplayWidth.of(character)
            }
        }
        flushWord()
        result.append(current)
    }
}

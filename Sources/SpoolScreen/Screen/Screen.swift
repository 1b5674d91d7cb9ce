/// An in-memory grid of cells that the view renders into and the backend draws.
///
/// All text enters through ``put(_:x:y:style:clip:)``, which sanitises it, measures each
/// grapheme's display width and clips to a rectangle, so nothing is ever drawn outside a
/// pane and a wide character is never split.
///
/// ```swift
/// var screen = Screen(width: 20, height: 2)
/// screen.put("語 text", x: 0, y: 0, style: .plain, clip: screen.bounds)
/// screen.textLines  // ["語 text", ""]
/// ```
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor goes after this screen is drawn: the selected row, the
    /// first article line with focus, or a prompt's caret. Screen readers and braille
    /// displays follow it. Nil leaves it at the top-left corner.
    public var cursor: Position?

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// Places the cursor at (`x`, `y`) when that cell is on the screen.
    public mutating func placeCursor(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cursor = Position(x: x, y: y)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills `rect` with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x] = .blank(style) }
        }
    }

    /// Writes `text` at (`x`, `y`) in `style`, clipped to `clip`; returns the column after it.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        write(text, x: x, y: y, style: style, clip: clip)
    }

    /// Writes part of a string; see ``put(_:x:y:style:clip:)-(String,_,_,_,_)``.
    @discardableResult
    public mutating func put(_ text: Substring, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        write(text, x: x, y: y, style: style, clip: clip)
    }

    /// The one text path behind `put`. Generic inside this module only, where it is
    /// specialised for `String` and `Substring`: a generic called from another module would
    /// go through protocol witnesses for every byte (that cost 0.1 ms a frame).
    private mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style, clip: Rect) -> Int {
        let area = clip.intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x }
        var column = x
        // Printable ASCII (most text) goes cell by cell from the bytes, without grapheme
        // breaking; the first other byte hands the rest to the character walk below.
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            guard byte >= 0x20 && byte < 0x7F, next == utf8.endIndex || utf8[next] < 0x80 else { break }
            if column + 1 > area.maxX { return column }
            if column >= area.x { setCell(Cell(scalar: Unicode.Scalar(byte), width: 1, style: style), x: column, y: y) }
            column += 1
            index = next
        }
        guard index < utf8.endIndex else { return column }
        // Characters are sanitised one by one and the walk stops at the clip edge, so a
        // 10 MB title costs what fits on screen, not its length.
        for character in text[index...] {
            if character.unicodeScalars.contains(where: Sanitizer.isUnsafe) {
                for safe in Sanitizer.clean(String(character)) where !place(safe, &column, y, style, area) {
                    return column
                }
            } else if !place(character, &column, y, style, area) {
                return column
            }
        }
        return column
    }

    /// Puts one safe character at `column`; false once the clip edge is reached.
    private mutating func place(_ character: Character, _ column: inout Int, _ y: Int, _ style: Style, _ area: Rect)
        -> Bool
    {
        let w = DisplayWidth.of(character)
        if w == 0 { return true }
        if column + w > area.maxX { return false }
        if column >= area.x {
            setCell(Cell(grapheme: String(character), width: UInt8(w), style: style), x: column, y: y)
            if w == 2 { setCell(Cell(grapheme: "", width: 0, style: style), x: column + 1, y: y) }  // continuation
        }
        column += w
        return true
    }

    /// Changes the style of the cells in `rect`, keeping their text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { cells[y * width + x].style = transform(cells[y * width + x].style) }
        }
    }

    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = .blank(cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < width, cell.width != 2 { cells[index + 1] = .blank(cells[index + 1].style) }
        cells[index] = cell
    }

    /// The text of each row with trailing blanks removed.
    public var textLines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].grapheme }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The styles of the screen as text, for style snapshots: one letter per cell (the same
    /// letter for the same style, lettered in order of first appearance), then a legend.
    public var styleDump: String {
        var letters: [Style: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var rows: [String] = []
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let style = self[x, y].style
                if letters[style] == nil {
                    let letter = letters.count < alphabet.count ? alphabet[letters.count] : "?"
                    letters[style] = letter
                    legend.append("\(letter): \(style.legendDescription)")
                }
                row.append(letters[style]!)
            }
            rows.append(row)
        }
        return (rows + [""] + legend).joined(separator: "\n")
    }

    /// The rows joined by newlines, as `spool render` prints them.
    public var textDump: String { textLines.joined(separator: "\n") }
}

/// A cell's column and row on a screen (0-based).
public struct Position: Equatable, Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// How many terminal columns text takes, as the terminal counts them: each scalar by the
/// C library's `wcwidth` (its tables, generated into ``zeroWidthRanges`` and ``wideRanges``
/// by `Scripts/gen-width-tables.py`), so a row the terminal draws never shifts; clusters by
/// Spool's own rules: an emoji presentation selector (VS16) or a flag makes two columns.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster (controls must be sanitised first).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return 1 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) && scalars.count > 1 { return 2 }
        if isIn(zeroWidthRanges, first.value) { return 0 }
        return isIn(wideRanges, first.value) ? 2 : 1
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// `text` in at most `width` columns, ending with `…` when it had to be cut.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var out = ""
        var used = 1
        for character in text {
            let next = used + of(character)
            if next > width { break }
            out.append(character)
            used = next
        }
        return out + "…"
    }

    /// Whether `value` is in one of `ranges` (sorted, apart): a binary search.
    private static func isIn(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}

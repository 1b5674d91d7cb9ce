/// Where an archive's comments land in reading order: each is made straight at its row
/// (the messages are made in file order, on the cores, then the placeholders in row order).
enum ReadingOrder {
    /// For each comment in the order it is made (the message's index in the file, then after
    /// the `messageCount` messages the placeholder's place among the placeholders), the row
    /// it lands at.
    static func destinations(of rows: [MailThreader.Row], messageCount: Int) -> [Int] {
        var destinations = [Int](repeating: -1, count: rows.count)
        var placeholders = 0
        for (position, row) in rows.enumerated() {
            var source = messageCount + placeholders
            if let message = row.message {
                source = message
            } else {
                placeholders += 1
            }
            precondition(source < rows.count && destinations[source] < 0, "every message in one row")
            destinations[source] = position
        }
        return destinations
    }
}

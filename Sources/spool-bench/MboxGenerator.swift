import Foundation
import SpoolCore

/// A deterministic mailing-list archive for the benchmark: threads with References and
/// In-Reply-To, RFC 2047 names and subjects from many scripts, and bodies of about 2 KB
/// that quote their parent, in the encodings real lists carry (8-bit UTF-8,
/// quoted-printable Latin-1, base64, multipart/alternative with HTML, attachments).
struct MboxGenerator {
    private var random: SeededRandom
    private let count: Int
    private var subjects: [String] = []
    /// Per message: its parent, thread root, depth, author and first lines (for quoting).
    private var parentIndex: [Int?] = []
    private var roots: [Int] = []
    private var depths: [Int] = []
    private var authorOf: [Int] = []
    private var openings: [[String]] = []

    init(messages count: Int, seed: UInt64 = 7) {
        self.count = count
        random = SeededRandom(seed: seed)
    }

    static let names: [String] = [
        "Ada Moreau", "Björn Halvorsen", "Chidi Okafor", "Dana Kowalski", "Élodie Núñez", "Farah Haddad",
        "Gustavo Duarte", "Hiro Sato", "Ines Ferreira", "Jonas Lund", "Zoë Müller", "Łukasz Wiśniewski",
        "Дмитрий Иванов", "Ольга Смирнова", "Αλέξανδρος Παππάς", "田中 太郎", "李 小龍", "김 민준", "שרה כהן",
        "محمد علي", "Nguyễn Văn An", "Søren Kierkegaard", "Çağla Öztürk", "Priya Raman", "Mateo Rossi",
    ]
    static let topics = [
        "parser", "thread view", "index redraw", "mbox loader", "header cache", "wide characters", "terminal resize",
        "scrolling", "sort order", "References handling", "memory usage", "startup time", "date parsing",
        "Überarbeitung des Parsers", "Problème d'affichage", "Ошибка сортировки", "スレッド表示",
    ]
    static let words = """
        the a patch series commit tree branch merge rebase parser buffer cache index thread mailbox header body \
        quote reply message archive terminal screen window cursor scroll render layout width column unicode \
        locale ncurses build test crash leak memory pointer string regression benchmark latency startup sort \
        order date subject reference chain depth should could would might really probably because however \
        naïve café résumé déjà Grüße straße ошибка スレッド 線程 — “quoted” version config option encoding
        """.split(separator: " ").map(String.init)

    /// Writes the archive to `url`, a thousand messages at a time.
    mutating func write(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var batch = ""
        for index in 0..<count {
            batch += message(index)
            if index % 1000 == 999 || index == count - 1 {
                try handle.write(contentsOf: Data(batch.utf8))
                batch = ""
            }
        }
    }

    private mutating func message(_ index: Int) -> String {
        let startsThread = index == 0 || random.below(10) == 0
        let parent = startsThread ? nil : index - 1 - random.below(min(index, random.below(4) == 0 ? 2 : 300))
        let author = random.below(Self.names.count)
        let root = parent.map { roots[$0] } ?? index
        parentIndex.append(parent)
        roots.append(root)
        depths.append(parent.map { depths[$0] + 1 } ?? 0)
        authorOf.append(author)
        if startsThread {
            subjects.append(
                "[dev] \(["Fix", "Rework", "Question about", "RFC:", "Crash in", "Speed up"][random.below(6)]) \(Self.topics[random.below(Self.topics.count)])"
            )
        } else {
            subjects.append(subjects[root])
        }
        let seconds = 1_546_300_800 + index * 97 + random.below(60)
        var out = "From \(address(author)) \(asctime(seconds))\n"
        out += "From: \(Self.encodedPhrase(Self.names[author])) <\(address(author))>\n"
        out += "To: dev@lists.example.org\n"
        out += "Subject: \(parent == nil ? "" : "Re: ")\(Self.encodedPhrase(subjects[root]))\n"
        out += "Date: \(rfc2822(seconds, offsetMinutes: [0, 60, -300, 330, 540, -420][author % 6]))\n"
        out += "Message-ID: <\(index).\(root)@bench.example.org>\n"
        if let parent {
            out += "In-Reply-To: <\(parent).\(roots[parent])@bench.example.org>\n"
            var chain: [Int] = []
            var current: Int? = parent
            while let c = current, chain.count < 10 {
                chain.append(c)
                current = parentIndex[c]
            }
            if chain.last != root { chain.append(root) }
            out +=
                "References:" + chain.reversed().map { " <\($0).\(root)@bench.example.org>" }.joined(separator: "\n")
                + "\n"
        }
        out += "MIME-Version: 1.0\n"
        let lines = bodyLines(index, parent: parent)
        openings.append(Array(lines.filter { !$0.hasPrefix(">") && !$0.isEmpty }.prefix(3)))
        out += encodedBody(lines)
        return out + "\n"
    }

    private mutating func bodyLines(_ index: Int, parent: Int?) -> [String] {
        var lines: [String] = []
        if let parent {
            lines.append("On \(asctime(1_546_300_800 + parent * 97)), \(Self.names[authorOf[parent]]) wrote:")
            for line in openings[parent] { lines.append("> " + line) }
            if depths[parent] > 0 && random.below(2) == 0 { lines.append("> > " + sentence(8)) }
            lines.append("")
        }
        for _ in 0..<(3 + random.below(5)) {
            for _ in 0..<(2 + random.below(4)) { lines.append(sentence(11)) }
            lines.append("")
        }
        if random.below(50) == 0 { lines.append("From my testing this still fails.") }  // escaped as >From
        lines.append("-- ")
        lines.append(Self.names[authorOf[index]])
        return lines
    }

    private mutating func sentence(_ words: Int) -> String {
        (0..<(words - 3 + random.below(6))).map { _ in Self.words[random.below(Self.words.count)] }.joined(
            separator: " ")
    }

    /// The body in one of the encodings lists carry, with its Content-Type headers.
    private mutating func encodedBody(_ lines: [String]) -> String {
        let text = lines.map { $0.hasPrefix("From ") ? ">" + $0 : $0 }.joined(separator: "\n") + "\n"
        switch random.below(20) {
        case 0, 1:
            return "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + Self.quotedPrintableLatin1(text)
        case 2, 3:
            return "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
                + Self.base64Lines(Data(text.utf8))
        case 4, 5:
            let html =
                "<html><body><p>" + lines.map(Self.escapeHTML).joined(separator: "<br>\n") + "</p></body></html>\n"
            return
                "Content-Type: multipart/alternative; boundary=\"alt-b\"\n\n--alt-b\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                + text + "\n--alt-b\nContent-Type: text/html; charset=UTF-8\n\n" + html + "--alt-b--\n"
        case 6:
            let blob = Data((0..<600).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            return
                "Content-Type: multipart/mixed; boundary=\"mix-b\"\n\n--mix-b\nContent-Type: text/plain; charset=UTF-8\n\n"
                + text
                + "\n--mix-b\nContent-Type: application/octet-stream; name=\"trace.bin\"\nContent-Disposition: attachment; filename=\"trace.bin\"\nContent-Transfer-Encoding: base64\n\n"
                + Self.base64Lines(blob) + "--mix-b--\n"
        default:
            return "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + text
        }
    }

    private func address(_ author: Int) -> String { "user\(author)@example.org" }

    private static func encodedPhrase(_ text: String) -> String {
        guard !text.allSatisfy(\.isASCII) else { return text }
        return "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    private static func quotedPrintableLatin1(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\n"
            case 0x20...0x3C, 0x3E...0x7E: out.unicodeScalars.append(scalar)
            case 0x80...0xFF, 0x3D: out += String(format: "=%02X", scalar.value)
            default: out += "?"
            }
        }
        return out
    }

    private static func base64Lines(_ data: Data) -> String {
        let encoded = data.base64EncodedString()
        var out = ""
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[index..<end] + "\n"
            index = end
        }
        return out
    }

    private static func escapeHTML(_ line: String) -> String {
        line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The calendar fields of a UTC moment (``Timestamp`` does the calendar), and the
    /// weekday as an index into ``days`` (1970-01-01 was a Thursday).
    private func civil(_ seconds: Int) -> (
        year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int
    ) {
        let t = Timestamp(secondsSinceEpoch: Int64(seconds))
        return (t.year, t.month, t.day, (seconds / 86_400) % 7, t.hour, t.minute, t.second)
    }

    private func asctime(_ seconds: Int) -> String {
        let t = civil(seconds)
        return
            "\(Self.days[t.weekday]) \(Self.months[t.month - 1]) \(t.day < 10 ? " " : "")\(t.day) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) \(t.year)"
    }

    private func rfc2822(_ seconds: Int, offsetMinutes: Int) -> String {
        let t = civil(seconds + offsetMinutes * 60)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return
            "\(Self.days[t.weekday]), \(t.day) \(Self.months[t.month - 1]) \(t.year) \(two(t.hour)):\(two(t.minute)):\(two(t.second)) \(sign)\(two(offset / 60))\(two(offset % 60))"
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

import SpoolCore

/// A small deterministic random source (SplitMix64), so every run benchmarks the same text.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

/// Discussions generated for the benchmark: web-page text of a given size, and trees of
/// extreme shapes built directly in memory.
enum Generators {
    static let authors: [String] = {
        let first = [
            "Ada", "Björn", "Chidi", "Dana", "Élodie", "Farah", "Gustavo", "Hiro", "Ines", "Jonas", "田中", "Zoë",
        ]
        let last = [
            "Moreau", "Halvorsen", "Okafor", "Kowalski", "Núñez", "Haddad", "Duarte", "Sato", "Ferreira", "Lund",
        ]
        return first.flatMap { f in last.map { "\(f) \($0)" } }
    }()

    static let words = """
        the a reader thread comment reply tree memory kernel cache page article think agree point read \
        because however terminal quote later earlier question answer example bytes line screen fast \
        slow width 日本語 naïve café résumé — “quoted” mutt slrn archive
        """.split(separator: " ").map(String.init)

    /// Web-page text with `count` comments; replies nest by indentation (depth capped at 12).
    static func webPage(comments count: Int, seed: UInt64 = 42) -> String {
        var random = SeededRandom(seed: seed)
        var parent = [Int](repeating: -1, count: count)
        var depth = [Int](repeating: 0, count: count)
        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for index in 0..<count {
            if index > 0 && random.below(10) < 7 {
                let candidate = index - 1 - random.below(min(index, 40))
                if depth[candidate] < 12 {
                    parent[index] = candidate
                    depth[index] = depth[candidate] + 1
                    children[candidate].append(index)
                    continue
                }
            }
            roots.append(index)
        }
        var out =
            "Generated discussion of \(count) comments\n\nAn article for the benchmark.\n\n\(count) Responses to Generated\n"
        var stack: [Int] = roots.reversed()
        var number = 0
        while let node = stack.popLast() {
            let indent = String(repeating: "  ", count: depth[node] + 1)
            let marker: String
            if parent[node] < 0 {
                number += 1
                marker = "\(number)."
            } else {
                marker = "•"
            }
            let author = authors[random.below(authors.count)]
            let day = 1 + random.below(28)
            let hour = 1 + random.below(12)
            let minute = random.below(60)
            let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
            out +=
                "\n\(indent)\(marker) \(author) March \(day), 2024 at \(hour):\(minuteText) \(random.below(2) == 0 ? "am" : "pm") #\n\n"
            out += body(&random, indent: indent + "  ")
            stack.append(contentsOf: children[node].reversed())
        }
        return out
    }

    /// A Hacker News thread of `count` comments in the Algolia items API's nested form, with
    /// comment HTML as HN writes it (paragraphs, links, italics, code, `&#x27;` entities).
    static func hackerNews(comments count: Int, seed: UInt64 = 7) -> String {
        var random = SeededRandom(seed: seed)
        var children = [[Int]](repeating: [], count: count)
        var depth = [Int](repeating: 0, count: count)
        var roots: [Int] = []
        for index in 0..<count {
            if index > 0 && random.below(10) < 8 {
                let candidate = index - 1 - random.below(min(index, 60))
                if depth[candidate] < 30 {
                    depth[index] = depth[candidate] + 1
                    children[candidate].append(index)
                    continue
                }
            }
            roots.append(index)
        }
        var out =
            #"{"id":40000000,"type":"story","author":"generator","title":"Generated thread of \#(count) comments","#
        out += #""url":"https://example.com/article","points":512,"created_at_i":1700000000,"children":["#
        // Each open comment's remaining replies; an item is closed when its list runs out.
        var stack: [(node: Int, next: Int)] = []
        var pendingRoots = roots[...]
        var needsComma = false
        while true {
            let node: Int
            if let top = stack.last, top.next < children[top.node].count {
                node = children[top.node][top.next]
                stack[stack.count - 1].next += 1
            } else if stack.popLast() != nil {
                out += "]}"
                needsComma = true
                continue
            } else if let root = pendingRoots.popFirst() {
                node = root
            } else {
                break
            }
            if needsComma { out += "," }
            let author = "user\(random.below(5_000))"
            out += #"{"id":\#(40_000_001 + node),"type":"comment","author":"\#(author)","#
            out += #""created_at_i":\#(1_700_000_000 + node * 7),"text":"\#(hackerNewsText(&random))","children":["#
            stack.append((node, 0))
            needsComma = false
        }
        return out + "]}"
    }

    private static func hackerNewsText(_ random: inout SeededRandom) -> String {
        var paragraphs: [String] = []
        for paragraph in 0..<(1 + random.below(3)) {
            var words = (0..<(8 + random.below(60))).map { _ in Generators.words[random.below(Generators.words.count)] }
            if random.below(3) == 0 { words[random.below(words.count)] = "isn&#x27;t" }
            if random.below(6) == 0 { words[random.below(words.count)] = "<i>really</i>" }
            if random.below(8) == 0 {
                words.append(
                    #"<a href=\"https:&#x2F;&#x2F;example.com&#x2F;page?id=\#(random.below(99_999))\" rel=\"nofollow\">https:&#x2F;&#x2F;example.com&#x2F;page</a>"#
                )
            }
            let text = words.joined(separator: " ")
            if paragraph == 0 && random.below(5) == 0 {
                paragraphs.append("&gt; " + text)
            } else if random.below(12) == 0 {
                paragraphs.append("<pre><code>  let x = \(random.below(100))\\n  print(x)\\n</code></pre>")
            } else {
                paragraphs.append(text)
            }
        }
        return paragraphs.joined(separator: "<p>")
    }

    private static func body(_ random: inout SeededRandom, indent: String) -> String {
        var out = ""
        for paragraph in 0..<(1 + random.below(3)) {
            let quote = paragraph == 0 && random.below(4) == 0 ? "> " : ""
            let wordCount = 8 + random.below(60)
            let text = (0..<wordCount).map { _ in words[random.below(words.count)] }.joined(separator: " ")
            out += indent + quote + text + "\n\n"
        }
        return out
    }

    /// A single reply chain `depth` comments deep.
    static func deepChain(_ depth: Int) -> Discussion {
        discussion(count: depth) { $0 == 0 ? nil : $0 - 1 }
    }

    /// One comment with `replies` direct replies.
    static func wideThread(_ replies: Int) -> Discussion {
        discussion(count: replies + 1) { $0 == 0 ? nil : 0 }
    }

    private static func discussion(count: Int, parent: (Int) -> Int?) -> Discussion {
        let comments = (0..<count).map { index in
            Comment(
                id: String(index), author: authors[index % authors.count],
                date: Timestamp(year: 2024, month: 3, day: 1 + index % 28), body: "Comment \(index) body text.",
                parent: parent(index))
        }
        return Discussion(title: "Generated", article: "Article.", format: .web, comments: comments)
    }
}

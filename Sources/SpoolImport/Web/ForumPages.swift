import Foundation
import SpoolCore

/// Forum topic pages, saved from a browser: their posts in page order, as a flat discussion
/// (forums do not thread; a post's quotes of others stay in its text as quotes).
extension SavedPageImporter {
    /// phpBB 3: `div.post` with the author in `.username` and the text in `div.content`.
    func phpBB(_ page: HTMLDocument) -> Discussion {
        let records = page.nodes("//div[contains(concat(' ', @class, ' '), ' post ') and starts-with(@id, 'p')]").map {
            post in
            FlatRecord(
                id: String((post.attribute("id") ?? "p?").dropFirst()), depth: 0,
                author: page.node(
                    "(.//p[contains(@class, 'author')]//*[contains(@class, 'username')] | .//*[contains(@class, 'username')])[1]",
                    in: post)?.plainText ?? "(guest)",
                date: postDate(page.node(".//p[contains(@class, 'author')]", in: post), in: page),
                body: page.node(".//div[@class='content']", in: post)?.renderedInnerText ?? "")
        }
        return forum(page, title: page.node("//h2[contains(@class, 'topic-title')]"), records: records, site: "phpbb")
    }

    /// vBulletin 3 and 4: the text in `div#post_message_N` (inside vBulletin 4's
    /// `blockquote.postcontent`, which is no quote), the author in `a.username`/`a.bigusername`,
    /// the date in `span.postdate` when the page has it.
    func vBulletin(_ page: HTMLDocument) -> Discussion {
        let records = page.nodes("//div[starts-with(@id, 'post_message_')]").map { message in
            let id = String((message.attribute("id") ?? "").dropFirst("post_message_".count))
            // The post around the message: vBulletin 4's li.postcontainer, or 3's table#postN
            // (ids are numbers; anything else never reaches the XPath expression).
            let post =
                id.isEmpty || !id.allSatisfy(\.isASCIIDigit)
                ? nil : page.node("ancestor::*[@id='post_\(id)' or @id='post\(id)'][1]", in: message)
            let author = post.flatMap {
                page.node(
                    "(.//a[contains(concat(' ', normalize-space(@class), ' '), ' username ')] | .//a[@class='bigusername'])[1]",
                    in: $0)
            }
            let text = page.node(".//blockquote[contains(@class, 'postcontent')]", in: message)?.renderedInnerText
            let date = post.flatMap { page.node(".//span[contains(@class, 'postdate')]", in: $0)?.plainText }
            return FlatRecord(
                id: id, depth: 0, author: author?.plainText ?? "(guest)",
                date: date.flatMap(forumDate), body: text ?? message.renderedInnerText)
        }
        return forum(
            page, title: page.node("//h1//span[@class='threadtitle']") ?? page.node("//h1"), records: records,
            site: "vbulletin")
    }

    /// XenForo 1 and 2: `article.message--post` or `li.message` with `data-author`, the
    /// text in `.bbWrapper` or `blockquote.messageText` (a wrapper, not a quote).
    func xenForo(_ page: HTMLDocument) -> Discussion {
        let posts = page.nodes(
            "//article[contains(@class, 'message--post')] | //li[contains(concat(' ', @class, ' '), ' message ') and @data-author]"
        )
        let records = posts.map { post in
            let body =
                page.node(".//div[contains(@class, 'bbWrapper')]", in: post)?.renderedInnerText
                ?? page.node(".//blockquote[contains(@class, 'messageText')]", in: post)?.renderedInnerText ?? ""
            let time = page.node(".//time[@datetime or @data-time]", in: post)
            let unix = time?.attribute("data-time").flatMap { Int64($0) }.map { Timestamp(secondsSinceEpoch: $0) }
            let id = post.attribute("data-content") ?? post.attribute("id") ?? "?"
            return FlatRecord(
                id: id.split(separator: "-").last.map(String.init) ?? id, depth: 0,
                author: post.attribute("data-author") ?? "(guest)",
                date: unix ?? JSONFields.isoDate(time?.attribute("datetime")), body: body)
        }
        return forum(
            page, title: page.node("//h1[contains(@class, 'p-title-value')]") ?? page.node("//h1"), records: records,
            site: "xenforo")
    }

    /// A phpBB post's date: its `time` element, else the text after `»`.
    private func postDate(_ line: HTMLNode?, in page: HTMLDocument) -> Timestamp? {
        guard let line else { return nil }
        if let date = JSONFields.isoDate(page.node(".//time", in: line)?.attribute("datetime")) { return date }
        return forumDate(line.plainText.split(separator: "»").last.map(String.init) ?? "")
    }

    /// A date as forums write it: `Sat Jan 21, 2009 5:42 am`, `21.01.2009, 05:42`.
    private func forumDate(_ raw: String) -> Timestamp? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let (date, _) = WebCommentHeader.trailingDate(in: Substring(text)), let date { return date }
        let numbers = text.split { !$0.isNumber }.compactMap { Int($0) }
        guard numbers.count >= 5, (1...31).contains(numbers[0]), (1...12).contains(numbers[1]), numbers[2] > 1900 else {
            return nil
        }
        let date = Timestamp(year: numbers[2], month: numbers[1], day: numbers[0], hour: numbers[3], minute: numbers[4])
        return date.isValid ? date : nil
    }

    private func forum(_ page: HTMLDocument, title: HTMLNode?, records: [FlatRecord], site: String) -> Discussion {
        Discussion(
            title: (title ?? page.node("//title"))?.plainText, article: nil, format: .html,
            comments: FlatRecords.comments(records, keyPrefix: "\(site):"),
            notices: records.isEmpty ? ["This \(site) page has no posts Spool could find."] : [])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension [UInt8] {
    /// Whether `text`'s UTF-8 bytes occur in these bytes.
    func containsBytes(of text: String) -> Bool {
        firstRange(of: Array(text.utf8)) != nil
    }
}

import SpoolCore

/// Imports a saved discussion page (`--from html`): a Hacker News item page (current and
/// 2012–13 markup, and its "more comments" pages), a Lobsters story page, a WordPress
/// comment list (`ol.commentlist`/`ol.comment-list`, `li.depth-N`), or a forum topic page
/// (phpBB, vBulletin, XenForo) as a flat discussion. The page is parsed by libxml2
/// (``HTMLDocument``); replies nest by the depth the page gives each comment.
public struct SavedPageImporter: Sendable {
    public init() {}

    /// Which site's markup a page has, by markers in it.
    enum Site {
        case hackerNews, lobsters, wordPress, phpBB, vBulletin, xenForo
    }

    /// The site of `bytes`, or nil when it is not a discussion page Spool knows.
    static func site(of bytes: [UInt8]) -> Site? {
        let head = bytes.prefix(1024).drop {
            $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
        }
        guard head.first == UInt8(ascii: "<") else { return nil }
        let has = { (marker: String) in bytes.containsBytes(of: marker) }
        if has("class=\"athing comtr") || (has("class=\"comhead\"") && has("s.gif")) { return .hackerNews }
        if has("class=\"comments_subtree\"") && has("data-shortid") { return .lobsters }
        if has("depth-1") && (has("commentlist") || has("comment-list")) { return .wordPress }
        if has("class=\"postbody\"") && (has("viewtopic.php") || has("phpBB")) { return .phpBB }
        if has("id=\"post_message_") { return .vBulletin }
        if has("data-author=") && (has("message--post") || has("messageText")) { return .xenForo }
        return nil
    }

    public func parse(_ bytes: [UInt8], file: String) throws -> Discussion {
        guard let site = SavedPageImporter.site(of: bytes), let page = HTMLDocument(bytes) else {
            throw ImportError(
                file: file, line: 1,
                reason: .unsupportedFormat(
                    "is not a discussion page Spool knows: a Hacker News item page, a Lobsters story page, a WordPress comment list or a phpBB, vBulletin or XenForo topic page."
                ))
        }
        switch site {
        case .hackerNews: return hackerNews(page)
        case .lobsters: return lobsters(page)
        case .wordPress: return wordPress(page)
        case .phpBB: return phpBB(page)
        case .vBulletin: return vBulletin(page)
        case .xenForo: return xenForo(page)
        }
    }

    // MARK: - Hacker News

    private func hackerNews(_ page: HTMLDocument) -> Discussion {
        var records: [FlatRecord] = []
        let current = page.nodes("//tr[contains(concat(' ', @class, ' '), ' comtr ')]")
        if !current.isEmpty {
            for row in current {
                let depth = page.node(".//td[@class='ind']", in: row)?.attribute("indent").flatMap { Int($0) } ?? 0
                let age = page.node(".//span[@class='age']", in: row)?.attribute("title") ?? ""
                let seconds = age.split(separator: " ").last.flatMap { Int64($0) }
                let body = page.node(".//div[contains(@class, 'commtext')]", in: row)?.renderedText
                records.append(
                    FlatRecord(
                        id: row.attribute("id") ?? "?", depth: depth,
                        author: page.node(".//a[contains(@class, 'hnuser')]", in: row)?.plainText ?? "[deleted]",
                        date: seconds.map { Timestamp(secondsSinceEpoch: $0) } ?? JSONFields.isoDate(age),
                        body: body ?? "(deleted)"))
            }
        } else {
            // 2012–13 markup: the indent is the width of a spacer image, 40 pixels a level.
            for cell in page.nodes("//td[@class='default'][.//span[@class='comhead']]") {
                let width = page.node("../td/img[contains(@src, 's.gif')]", in: cell)?.attribute("width")
                let link = page.node(".//span[@class='comhead']/a[contains(@href, 'item?id=')]", in: cell)
                let id = link?.attribute("href")?.split(separator: "=").last.map(String.init) ?? "?"
                records.append(
                    FlatRecord(
                        id: id, depth: (width.flatMap { Int($0) } ?? 0) / 40,
                        author: page.node(".//span[@class='comhead']/a[1]", in: cell)?.plainText ?? "[deleted]",
                        date: nil, body: page.node(".//span[@class='comment']", in: cell)?.renderedText ?? "(deleted)"))
            }
        }
        let titleLink =
            page.node("//span[@class='titleline']/a")
            ?? page.node("//td[@class='title']/a[not(contains(@href, 'fnid')) and normalize-space(.) != 'More']")
        let story = page.node("//tr[contains(concat(' ', @class, ' '), ' athing ') and not(contains(@class, 'comtr'))]")
        var article: [String] = []
        if let href = titleLink?.attribute("href"), href.hasPrefix("http") { article.append(href) }
        if let text = page.node("//div[@class='toptext']")?.renderedText, !text.isEmpty { article.append(text) }
        return Discussion(
            title: titleLink?.plainText ?? page.node("//title")?.plainText, sourceID: story?.attribute("id"),
            article: article.isEmpty ? nil : article.joined(separator: "\n\n"),
            articleAuthor: page.node("//span[@class='subline']//a[contains(@class, 'hnuser')]")?.plainText,
            format: .html, comments: FlatRecords.comments(records, keyPrefix: "hn:"))
    }

    // MARK: - Lobsters

    private func lobsters(_ page: HTMLDocument) -> Discussion {
        let comments = page.nodes("//div[starts-with(@id, 'c_') and @data-shortid and @data-shortid != '']")
        let records = comments.map { comment -> FlatRecord in
            // Each level of replies is one more `ol.comments` around the comment.
            let depth = page.nodes("ancestor::ol[contains(concat(' ', @class, ' '), ' comments ')]", in: comment).count
            let unix = page.node(".//div[@class='byline']//time", in: comment)?.attribute("data-at-unix")
            return FlatRecord(
                id: comment.attribute("data-shortid") ?? "?", depth: max(0, depth - 2),
                author: page.node(
                    ".//div[@class='byline']//a[starts-with(@href, '/~') and not(@tabindex)]", in: comment)?
                    .plainText ?? "(unknown)",
                date: unix.flatMap { Int64($0) }.map { Timestamp(secondsSinceEpoch: $0) },
                body: page.node(".//div[contains(@class, 'comment_text')]", in: comment)?.renderedText ?? "")
        }
        let link = page.node("//li[contains(@class, 'story')]//span[contains(@class, 'link')]/a")
        let story = page.node("//li[contains(@class, 'story')]")
        return Discussion(
            title: link?.plainText, sourceID: story?.attribute("data-shortid"),
            article: link?.attribute("href"),
            articleAuthor: page.node(
                "//li[contains(@class, 'story')]//div[@class='byline']/a[starts-with(@href, '/~') and not(@tabindex)]")?
                .plainText,
            format: .html, comments: FlatRecords.comments(records, keyPrefix: "lobsters:"))
    }

    // MARK: - WordPress

    private func wordPress(_ page: HTMLDocument) -> Discussion {
        let items = page.nodes("//li[contains(@class, 'depth-')]")
        var links: [String: String] = [:]
        let records = items.map { item -> FlatRecord in
            let depth = item.classes.first { $0.hasPrefix("depth-") }.flatMap { Int($0.dropFirst(6)) } ?? 1
            let id = item.attribute("id")?.split(separator: "-").last.map(String.init) ?? "?"
            let isPing = item.classes.contains("pingback") || item.classes.contains("trackback")
            if isPing {
                let source = page.node(".//a", in: item)
                return FlatRecord(
                    id: id, depth: depth - 1, author: source?.plainText ?? "(pingback)", date: nil,
                    body: "(pingback) " + (source?.attribute("href") ?? ""))
            }
            let name = page.node("(.//*[contains(concat(' ', @class, ' '), ' fn ')])[1]", in: item)
            let author = name?.plainText ?? "(anonymous)"
            if let site = page.node(".//a", in: name ?? item)?.attribute("href"), site.hasPrefix("http"),
                name != nil, links[author] == nil
            {
                links[author] = site
            }
            let body = page.node("(.//*[contains(concat(' ', @class, ' '), ' comment-content ')])[1]", in: item)
            return FlatRecord(
                id: id, depth: depth - 1, author: author,
                date: JSONFields.isoDate(page.node("(.//time)[1]", in: item)?.attribute("datetime")),
                body: body?.renderedText ?? "")
        }
        let title = page.node("//h1[contains(@class, 'entry-title')]") ?? page.node("//title")
        var discussion = Discussion(
            title: title.map { HTMLText.plainTextEntities($0.plainText) }, article: nil, format: .html,
            comments: FlatRecords.comments(records, keyPrefix: "wordpress-page:"))
        discussion.authorLinks = links
        return discussion
    }
}

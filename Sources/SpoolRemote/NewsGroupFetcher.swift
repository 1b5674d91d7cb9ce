import Foundation

/// The newest articles of a news group, read from an NNTP server (RFC 3977) and kept as an
/// mbox, which Spool threads like mail: CAPABILITIES, MODE READER when the server asks for
/// it, AUTHINFO USER/PASS when it needs them, GROUP, OVER for the range's article numbers,
/// then ARTICLE for each, pipelined 100 at a time, so a thousand articles cost a few round
/// trips. An article that is gone (423, 430) is left out.
struct NewsGroupFetcher {
    let host: String
    let port: Int
    let group: String
    let newest: Int
    let credentials: NewsCredentials?
    let timeout: TimeInterval
    /// Articles fetched and bytes read, as they come.
    let progress: (_ articles: Int, _ bytes: Int) -> Void

    /// Articles asked for in one pipelined batch.
    static let batch = 100

    func fetch() throws(RemoteError) -> [UInt8] {
        let connection = try NNTPConnection(host: host, port: port, timeout: timeout)
        let server = connection.server
        let greeting = try connection.status()
        guard greeting.code == 200 || greeting.code == 201 else {
            throw .newsServer(server, "refused to serve (\(greeting.code) \(greeting.text))")
        }
        try connection.send(["CAPABILITIES"])
        var capabilities: Set<String> = []
        if try connection.status().code == 101 {
            capabilities = Set(try connection.block().map { String(decoding: $0, as: UTF8.self).uppercased() })
        }
        if capabilities.contains("MODE-READER") && !capabilities.contains("READER") {
            try connection.send(["MODE READER"])
            _ = try connection.status()
        }
        var (code, text) = try command(connection, "GROUP \(group)")
        if code == 480 {
            try authenticate(connection)
            (code, text) = try command(connection, "GROUP \(group)")
        }
        switch code {
        case 211: break
        case 411:
            throw .newsServer(server, "has no group \(group) (411). Check the name; `spool` reads one group at a time.")
        default: throw .newsServer(server, "refused GROUP \(group) (\(code) \(text))")
        }
        let numbers = text.split(separator: " ").compactMap { Int($0) }
        guard numbers.count >= 3, numbers[0] > 0, numbers[2] >= numbers[1] else {
            throw .newsServer(server, "has no articles in \(group).")
        }
        let last = numbers[2]
        let first = max(numbers[1], last - newest + 1)
        let articles = try overview(connection, first...last)
        var mbox: [UInt8] = []
        var fetched = 0
        var start = 0
        while start < articles.count {
            let batch = articles[start..<min(start + Self.batch, articles.count)]
            start = batch.endIndex
            try connection.send(batch.map { "ARTICLE \($0)" })
            for _ in batch {
                let (code, _) = try connection.status()
                switch code {
                case 220:
                    Self.append(try connection.block(), to: &mbox)
                    fetched += 1
                    progress(fetched, connection.received)
                case 423, 430: continue
                case 480: throw .newsServer(server, Self.needsLogin)
                default: throw .newsServer(server, "refused an article (\(code)).")
                }
            }
        }
        try? connection.send(["QUIT"])
        guard fetched > 0 else { throw .newsServer(server, "gave none of the articles of \(group).") }
        return mbox
    }

    /// The article numbers in `range` that exist, from the overview (OVER, else XOVER).
    private func overview(_ connection: NNTPConnection, _ range: ClosedRange<Int>) throws(RemoteError) -> [Int] {
        var (code, text) = try command(connection, "OVER \(range.lowerBound)-\(range.upperBound)")
        if code == 500 { (code, text) = try command(connection, "XOVER \(range.lowerBound)-\(range.upperBound)") }
        switch code {
        case 224:
            return try connection.block().compactMap { line in
                line.split(separator: 0x09, maxSplits: 1).first.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
            }
        case 423: return []
        default: throw .newsServer(connection.server, "gave no overview of \(group) (\(code) \(text)).")
        }
    }

    private func command(_ connection: NNTPConnection, _ line: String) throws(RemoteError) -> (Int, String) {
        try connection.send([line])
        return try connection.status()
    }

    private func authenticate(_ connection: NNTPConnection) throws(RemoteError) {
        guard let credentials else { throw .newsServer(connection.server, Self.needsLogin) }
        let (code, _) = try command(connection, "AUTHINFO USER \(credentials.user)")
        if code == 381 {
            let (pass, _) = try command(connection, "AUTHINFO PASS \(credentials.password)")
            guard pass == 281 else {
                throw .newsServer(connection.server, "did not accept the user and password (\(pass)).")
            }
        } else if code != 281 {
            throw .newsServer(connection.server, "did not accept the user (\(code)).")
        }
    }

    static let needsLogin =
        "asks for a login (480): set news_user and news_password in the config file, or give news://USER:PASSWORD@HOST/GROUP."

    /// One article as an mbox message: a `From ` line, its lines, `From ` lines in it quoted.
    static func append(_ lines: [[UInt8]], to mbox: inout [UInt8]) {
        mbox += Array("From news@spool Thu Jan  1 00:00:00 1970\n".utf8)
        for line in lines {
            var rest = line[...]
            while rest.first == 0x3E { rest = rest.dropFirst() }
            if rest.starts(with: Array("From ".utf8)) { mbox.append(0x3E) }
            mbox += line
            mbox.append(0x0A)
        }
        mbox.append(0x0A)
    }
}

/// The login a news server asks for (`AUTHINFO USER` and `PASS`).
public struct NewsCredentials: Sendable, Equatable {
    public let user: String
    public let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

import Foundation

/// A line-oriented TCP connection to a news server (RFC 3977): commands out, status lines
/// and dot-terminated blocks in, with timeouts on every read and write.
final class NNTPConnection {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes read so far, for progress.
    private(set) var received = 0
    let server: String
    /// The most a server may send (as HTTP answers are capped), and the longest line.
    static let maximumBytes = 256 * 1_048_576
    static let maximumLine = 1_048_576

    /// Connects to `host:port` (every address DNS gives, in turn).
    init(host: String, port: Int, timeout: TimeInterval) throws(RemoteError) {
        server = "news://\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .network(url: "news://\(host):\(port)", "no such host in DNS")
        }
        defer { freeaddrinfo(list) }
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        var connected: Int32 = -1
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry, connected < 0 {
            let candidate = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if candidate >= 0 {
                // On Linux the send timeout also bounds connect().
                setsockopt(candidate, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(candidate, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
                if connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = candidate
                } else {
                    close(candidate)
                }
            }
            entry = info.pointee.ai_next
        }
        guard connected >= 0 else {
            throw .network(
                url: "news://\(host):\(port)",
                errno == EINPROGRESS || errno == EAGAIN ? "no answer in time" : "the connection was refused")
        }
        socket = connected
    }

    deinit { close(socket) }

    /// Sends command lines (several at once are pipelined).
    func send(_ lines: [String]) throws(RemoteError) {
        var bytes = Array(lines.joined(separator: "\r\n").utf8) + [13, 10]
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(socket, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { throw .network(url: server, "the connection was lost") }
            offset += written
        }
    }

    /// One status line: its code and the rest.
    func status() throws(RemoteError) -> (code: Int, text: String) {
        let line = String(decoding: try line(), as: UTF8.self)
        guard line.count >= 3, let code = Int(line.prefix(3)) else {
            throw .newsServer(server, "answered \"\(line.prefix(80))\", not an NNTP status line")
        }
        return (code, String(line.dropFirst(4)))
    }

    /// The lines of a multi-line answer up to the `.` line, dot-stuffing undone.
    func block() throws(RemoteError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while true {
            var line = try line()
            if line == [0x2E] { return lines }
            if line.first == 0x2E { line.removeFirst() }
            lines.append(line)
        }
    }

    /// One line without its CR LF.
    private func line() throws(RemoteError) -> [UInt8] {
        var searched = start
        while true {
            if let end = buffer[searched...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<end])
                if line.last == 0x0D { line.removeLast() }
                start = end + 1
                if start > 65536 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            searched = buffer.count
            guard buffer.count - start <= Self.maximumLine else {
                throw .newsServer(server, "sent a line over \(Self.maximumLine / 1_048_576) MiB; stopped.")
            }
            guard received <= Self.maximumBytes else {
                throw .newsServer(
                    server,
                    "sent over \(Self.maximumBytes / 1_048_576) MiB, more than a group's articles should be; stopped.")
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(socket, &chunk, chunk.count)
            if count == 0 { throw .network(url: server, "the server closed the connection") }
            if count < 0 {
                throw .network(
                    url: server,
                    errno == EAGAIN || errno == EWOULDBLOCK ? "no answer in time" : "the connection was lost")
            }
            received += count
            buffer += chunk[0..<count]
        }
    }
}

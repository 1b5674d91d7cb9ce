import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for tests: fixed answers by request target, one
/// request per connection, every request recorded. No test reaches the internet.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// One answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        /// Send only this many bytes of the body (with the full Content-Length), then close.
        public var cutAfter: Int?
        /// Seconds to wait before answering (a slow server).
        public var delay: Double
        /// Whether the answer says its length; without it the body ends when the connection does.
        public var sendsLength: Bool
        /// How many requests for this target are read and then closed without an answer.
        public var unansweredFirst: Int

        public init(
            status: Int = 200, headers: [String: String] = [:], body: [UInt8], cutAfter: Int? = nil, delay: Double = 0,
            sendsLength: Bool = true, unansweredFirst: Int = 0
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.cutAfter = cutAfter
            self.delay = delay
            self.sendsLength = sendsLength
            self.unansweredFirst = unansweredFirst
        }

        public static func json(_ text: String) -> Reply {
            Reply(headers: ["Content-Type": "application/json"], body: Array(text.utf8))
        }

        public static func file(_ path: String, type: String = "application/json") throws -> Reply {
            Reply(headers: ["Content-Type": type], body: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    /// A request as received: its target (path and query) and headers (names lowercased).
    public struct Request: Sendable {
        public let target: String
        public let headers: [String: String]
    }

    private let listener: LoopbackListener
    private var routes: [String: Reply]
    private let lock = NSLock()
    private var received: [Request] = []

    /// Starts serving `routes` (request target → answer; others get 404).
    public init(routes: [String: Reply]) throws {
        self.routes = routes
        listener = try LoopbackListener()
        listener.start { [weak self] connection in self?.answer(connection) }
    }

    public var port: UInt16 { listener.port }

    /// `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    /// Answers `target` with `reply` from now on.
    public func serve(_ target: String, _ reply: Reply) { lock.withLock { routes[target] = reply } }

    /// Every request so far, in order.
    public var requests: [Request] { lock.withLock { received } }

    /// Why connections ended before their request was read (`errno` names, or `closed`).
    public var unreadConnections: [String] { lock.withLock { unread } }
    private var unread: [String] = []

    public func stop() { listener.stop() }

    private func answer(_ connection: Int32) {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let count = read(connection, &buffer, buffer.count)
            // A signal to the test process (a child ending) interrupts a read: read again.
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let why = count == 0 ? "closed" : String(cString: strerror(errno))
                lock.withLock { unread.append(why) }
                return
            }
            head += buffer[0..<count]
            if head.count > 65536 { return }
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let target = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let asked = lock.withLock {
            received.append(Request(target: target, headers: headers))
            return received.filter { $0.target == target }.count
        }
        let reply = lock.withLock { routes[target] } ?? Reply(status: 404, body: Array("not found".utf8))
        if asked <= reply.unansweredFirst { return }
        if reply.delay > 0 { usleep(UInt32(reply.delay * 1_000_000)) }
        var text = "HTTP/1.1 \(reply.status) \(reply.status < 400 ? "OK" : "Error")\r\n"
        if reply.sendsLength { text += "Content-Length: \(reply.body.count)\r\n" }
        text += "Connection: close\r\n"
        for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        LoopbackListener.write(connection, Array(text.utf8))
        LoopbackListener.write(connection, Array(reply.body.prefix(reply.cutAfter ?? reply.body.count)))
    }
}

/// A TCP listener on 127.0.0.1 (a free port) that hands each connection to a handler on a
/// thread of its own, one connection at a time.
final class LoopbackListener: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32

    init() throws {
        // Close-on-exec: a process another test starts (tmux's server lives on) must not
        // hold the listening socket or a connection open after this server closes them.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.socket = socket
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts connections until ``stop()``, each handled then closed.
    ///
    /// The loop closes the listening socket itself, after its last `accept`: closed by
    /// `stop()` while the loop was between two accepts, its number could be given to another
    /// test's listener at once, and this loop would take that listener's connections and
    /// close them unanswered (a redirect test saw its third connection lost so, now and then).
    func start(_ handle: @escaping @Sendable (Int32) -> Void) {
        let socket = socket
        lock.withLock { started = true }
        Thread {
            defer { close(socket) }
            while true {
                // Close-on-exec from the start: a process started between an accept and a
                // later fcntl would hold the connection open.
                let connection = Self.accept4(socket, nil, nil, Int32(SOCK_CLOEXEC.rawValue))
                if connection < 0 && (errno == EINTR || errno == ECONNABORTED) { continue }
                guard connection >= 0 else { return }
                handle(connection)
                close(connection)
            }
        }.start()
    }

    /// glibc's `accept4`, which the Glibc module leaves out (it is a GNU extension).
    private static let accept4 = unsafeBitCast(
        dlsym(nil, "accept4"),
        to: (@convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32)
            .self)

    private let lock = NSLock()
    private var stopped = false
    private var started = false

    /// Stops listening, once: the shutdown wakes the accept loop, which closes the socket
    /// (a listener never started closes it here). A second `close` could close a
    /// descriptor another test's listener has been given since.
    func stop() {
        let (first, loopCloses) = lock.withLock {
            defer { stopped = true }
            return (!stopped, started)
        }
        guard first else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        if !loopCloses { close(socket) }
    }

    deinit { stop() }

    /// Writes all of `bytes`, or stops at the first failure.
    static func write(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that went away must not end the test process with SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}

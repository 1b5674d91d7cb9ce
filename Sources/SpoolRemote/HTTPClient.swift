import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What has been fetched so far, for a progress line.
public struct FetchProgress: Sendable, Equatable {
    public var requests: Int
    public var bytes: Int
    /// The address being fetched now.
    public var current: String

    /// `2 requests done · 340 KB · ADDRESS`, for a progress line.
    public var summary: String {
        "\(requests) request\(requests == 1 ? "" : "s") done · \((bytes + 1023) / 1024) KB · \(current)"
    }
}

/// Blocking HTTP GETs through URLSession: an honest `User-Agent`, a timeout, a size cap,
/// redirects only to http(s), and every failure as a ``RemoteError`` naming the address.
public final class HTTPClient: @unchecked Sendable {
    public let userAgent: String
    public let timeout: TimeInterval
    public let maximumBytes: Int
    private let lock = NSLock()
    private var progress = FetchProgress(requests: 0, bytes: 0, current: "")
    private let onProgress: @Sendable (FetchProgress) -> Void
    /// Each request's transfer, by task, for the one session's delegate.
    private let transfers = Transfers()
    /// One session for every request (libcurl's handles are made once, not per request).
    private var openSession: URLSession?

    public init(
        version: String, timeout: TimeInterval = 30, maximumBytes: Int = 256 * 1_048_576,
        onProgress: @escaping @Sendable (FetchProgress) -> Void = { _ in }
    ) {
        userAgent = "spool/\(version) (a terminal reader for discussions)"
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.onProgress = onProgress
    }

    deinit { openSession?.finishTasksAndInvalidate() }

    private func session() -> URLSession {
        lock.withLock {
            if let openSession { return openSession }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout * 4
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            let session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: nil)
            openSession = session
            return session
        }
    }

    /// The body of `url`, or a ``RemoteError``. `headers` are added to the request
    /// (`Accept`, `Authorization`).
    public func get(_ url: URL, headers: [String: String] = [:]) throws(RemoteError) -> [UInt8] {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        report { $0.current = url.absoluteString }
        let transfer = Transfer(limit: maximumBytes) { [weak self] count in
            self?.report { $0.bytes += count }
        }
        let task = session().dataTask(with: request)
        transfers.start(task, transfer)
        transfer.done.wait()
        transfers.end(task)
        report { $0.requests += 1 }
        let address = url.absoluteString
        if let target = transfer.refusedRedirect { throw .redirect(url: address, to: target) }
        if transfer.overLimit { throw .tooLarge(url: address, limit: maximumBytes) }
        if let error = transfer.error {
            // A connection closed before the promised length is a cut-off answer, not a network failure.
            if let response = transfer.response as? HTTPURLResponse, (200..<300).contains(response.statusCode),
                response.expectedContentLength > transfer.data.count
            {
                throw .truncated(
                    url: address, received: transfer.data.count, expected: Int(response.expectedContentLength))
            }
            throw .network(url: address, Self.reason(error))
        }
        guard let response = transfer.response as? HTTPURLResponse else {
            throw .network(url: address, "no HTTP answer")
        }
        guard (200..<300).contains(response.statusCode) else {
            throw .status(
                url: address, code: response.statusCode, retryAfter: response.value(forHTTPHeaderField: "Retry-After"))
        }
        let expected = response.expectedContentLength
        // A body shorter than its Content-Length (when not compressed in transit) was cut off.
        if expected > 0, response.value(forHTTPHeaderField: "Content-Encoding") == nil, transfer.data.count < expected {
            throw .truncated(url: address, received: transfer.data.count, expected: Int(expected))
        }
        return transfer.data
    }

    /// Counts work done outside HTTP (a news server's articles) in the same progress.
    func report(_ change: (inout FetchProgress) -> Void) {
        let now = lock.withLock {
            change(&progress)
            return progress
        }
        onProgress(now)
    }

    /// A failure in a few plain words.
    private static func reason(_ error: Error) -> String {
        guard let error = error as? URLError else { return error.localizedDescription }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: return "no such host in DNS"
        case .cannotConnectToHost: return "the connection was refused"
        case .timedOut: return "no answer in time"
        case .networkConnectionLost: return "the connection was lost"
        case .notConnectedToInternet: return "not connected to a network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "the secure connection (TLS) failed"
        case .cancelled: return "cancelled"
        default: return error.localizedDescription
        }
    }
}

/// One request's transfer: the body up to a limit, the answer, how it ended.
private final class Transfer: @unchecked Sendable {
    let limit: Int
    let received: (Int) -> Void
    let done = DispatchSemaphore(value: 0)
    var data: [UInt8] = []
    var response: URLResponse?
    var error: Error?
    var overLimit = false
    var refusedRedirect: String?

    init(limit: Int, received: @escaping (Int) -> Void) {
        self.limit = limit
        self.received = received
    }
}

/// The session's delegate: hands each task's events to its ``Transfer``, refuses redirects
/// to anything but http(s), and stops a body over its limit.
private final class Transfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var byTask: [Int: Transfer] = [:]

    func start(_ task: URLSessionDataTask, _ transfer: Transfer) {
        lock.withLock { byTask[task.taskIdentifier] = transfer }
        task.resume()
    }

    func end(_ task: URLSessionTask) { _ = lock.withLock { byTask.removeValue(forKey: task.taskIdentifier) } }

    private func transfer(_ task: URLSessionTask) -> Transfer? { lock.withLock { byTask[task.taskIdentifier] } }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        transfer(dataTask)?.response = response
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask), !transfer.overLimit else { return }
        if transfer.data.count + data.count > transfer.limit {
            transfer.overLimit = true
            dataTask.cancel()
            return
        }
        transfer.data.append(contentsOf: data)
        transfer.received(data.count)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let scheme = request.url?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else {
            transfer(task)?.refusedRedirect = request.url?.absoluteString ?? "?"
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let transfer = transfer(task) else { return }
        if transfer.response == nil { transfer.response = task.response }
        if let error, !transfer.overLimit, transfer.refusedRedirect == nil { transfer.error = error }
        transfer.done.signal()
    }
}

import CSpoolCurl
import Foundation

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

/// Blocking HTTP GETs through libcurl (loaded on the first request, see `spool_curl.h`):
/// an honest `User-Agent`, a timeout, a size cap, redirects followed only to http(s), and
/// every failure as a ``RemoteError`` naming the address.
public final class HTTPClient: @unchecked Sendable {
    public let userAgent: String
    public let timeout: TimeInterval
    public let maximumBytes: Int
    /// Redirects followed for one request before it fails.
    static let maximumRedirects = 10
    private let lock = NSLock()
    private var progress = FetchProgress(requests: 0, bytes: 0, current: "")
    private let onProgress: @Sendable (FetchProgress) -> Void
    /// One handle for every request, so that a connection to the same server is reused;
    /// requests take turns on it.
    private let handleLock = NSLock()
    private var handle: UnsafeMutableRawPointer?

    public init(
        version: String, timeout: TimeInterval = 30, maximumBytes: Int = 256 * 1_048_576,
        onProgress: @escaping @Sendable (FetchProgress) -> Void = { _ in }
    ) {
        userAgent = "spool/\(version) (a terminal reader for discussions)"
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.onProgress = onProgress
    }

    deinit { if let handle { spool_curl_easy_cleanup(handle) } }

    /// The body of `url`, or a ``RemoteError``. `headers` are added to the request
    /// (`Accept`, `Authorization`).
    public func get(_ url: URL, headers: [String: String] = [:]) throws(RemoteError) -> [UInt8] {
        let address = url.absoluteString
        report { $0.current = address }
        defer { report { $0.requests += 1 } }
        var target = address
        for _ in 0...Self.maximumRedirects {
            let answer = try perform(target, headers: headers, reportingAs: address)
            guard let location = answer.redirect else { return try answer.body(for: address) }
            guard let scheme = URL(string: location)?.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else { throw .redirect(url: address, to: location) }
            target = location
        }
        throw .network(url: address, "more than \(Self.maximumRedirects) redirects")
    }

    /// Counts work done outside HTTP (a news server's articles) in the same progress.
    func report(_ change: (inout FetchProgress) -> Void) {
        let now = lock.withLock {
            change(&progress)
            return progress
        }
        onProgress(now)
    }

    /// One request without following redirects.
    private func perform(_ target: String, headers: [String: String], reportingAs address: String)
        throws(RemoteError) -> Answer
    {
        if let failure = spool_curl_load() {
            throw .unsupported(
                address,
                "fetching an address needs \(String(cString: failure)). Install it (Debian: apt-get install libcurl4), or save the page and open the file."
            )
        }
        handleLock.lock()
        defer { handleLock.unlock() }
        guard let handle = handle ?? spool_curl_easy_init() else {
            throw .network(url: address, "libcurl could not start a transfer")
        }
        self.handle = handle
        var list: UnsafeMutablePointer<curl_slist>?
        for line in ["User-Agent: \(userAgent)"] + headers.sorted(by: { $0.key < $1.key }).map({ "\($0): \($1)" }) {
            list = spool_curl_slist_append(list, line)
        }
        defer { spool_curl_slist_free_all(list) }
        var (code, transfer) = attempt(target, headers: list, on: handle, freshConnection: false)
        // A connection that closed before a byte of the answer (a kept-alive one the server
        // had dropped, say) is tried once more on a new connection: a GET can be repeated.
        if [CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR].contains(code), transfer.receivedNothing {
            (code, transfer) = attempt(target, headers: list, on: handle, freshConnection: true)
        }
        var status = 0
        spool_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var expected: curl_off_t = -1
        spool_curl_getinfo_off(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected)
        var redirect: UnsafeMutablePointer<CChar>?
        spool_curl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &redirect)
        var osError = 0
        spool_curl_getinfo_long(handle, CURLINFO_OS_ERRNO, &osError)
        if transfer.overLimit || code == CURLE_FILESIZE_EXCEEDED {
            throw .tooLarge(url: address, limit: maximumBytes)
        }
        guard code == CURLE_OK else {
            // A connection closed before the promised length is a cut-off answer.
            if code == CURLE_PARTIAL_FILE, (200..<300).contains(status), expected > transfer.data.count {
                throw .truncated(url: address, received: transfer.data.count, expected: Int(expected))
            }
            throw .network(url: address, Self.reason(code, osError: Int32(osError)))
        }
        return Answer(
            status: status, headers: transfer.headers, data: transfer.data, expected: Int(expected),
            redirect: (300..<400).contains(status) && status != 304 ? redirect.map { String(cString: $0) } : nil)
    }

    /// One transfer of `target` on `handle`, its options set afresh.
    private func attempt(
        _ target: String, headers: UnsafeMutablePointer<curl_slist>?, on handle: UnsafeMutableRawPointer,
        freshConnection: Bool
    ) -> (CURLcode, Transfer) {
        let transfer = Transfer(limit: maximumBytes) { [weak self] count in self?.report { $0.bytes += count } }
        spool_curl_easy_reset(handle)
        let code = withExtendedLifetime(transfer) { () -> CURLcode in
            let user = Unmanaged.passUnretained(transfer).toOpaque()
            spool_curl_setopt_string(handle, CURLOPT_URL, target)
            spool_curl_setopt_list(handle, CURLOPT_HTTPHEADER, headers)
            spool_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            spool_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
            spool_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            spool_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
            spool_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, freshConnection ? 1 : 0)
            spool_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, Int(timeout.rounded(.up)))
            // No byte for `timeout` seconds, or four times that in all, is no answer in time.
            spool_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            spool_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, Int(timeout.rounded(.up)))
            spool_curl_setopt_long(handle, CURLOPT_TIMEOUT, Int((timeout * 4).rounded(.up)))
            spool_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maximumBytes))
            spool_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, receiveBody)
            spool_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, user)
            spool_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, receiveHeader)
            spool_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, user)
            return spool_curl_easy_perform(handle)
        }
        return (code, transfer)
    }

    /// A failure in a few plain words.
    private static func reason(_ code: CURLcode, osError: Int32) -> String {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return "no such host in DNS"
        case CURLE_COULDNT_CONNECT:
            switch osError {
            case ENETUNREACH, EHOSTUNREACH: return "not connected to a network"
            case ETIMEDOUT: return "no answer in time"
            default: return "the connection was refused"
            }
        case CURLE_OPERATION_TIMEDOUT: return "no answer in time"
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE: return "the connection was lost"
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return "the secure connection (TLS) failed"
        default: return String(cString: spool_curl_easy_strerror(code))
        }
    }
}

/// One finished request: its status, headers and body, and where a redirect points.
private struct Answer {
    let status: Int
    let headers: [String: String]
    let data: [UInt8]
    let expected: Int
    let redirect: String?

    /// The body, when the status says it is the answer and it arrived whole.
    func body(for address: String) throws(RemoteError) -> [UInt8] {
        guard status != 0 else { throw .network(url: address, "no HTTP answer") }
        guard (200..<300).contains(status) else {
            throw .status(url: address, code: status, retryAfter: headers["retry-after"])
        }
        // A body shorter than its Content-Length (when not compressed in transit) was cut off.
        if expected > 0, headers["content-encoding"] == nil, data.count < expected {
            throw .truncated(url: address, received: data.count, expected: expected)
        }
        return data
    }
}

/// One request's transfer: the body up to a limit and the last response's headers
/// (names in lower case), filled by libcurl's callbacks.
private final class Transfer {
    let limit: Int
    let received: (Int) -> Void
    var data: [UInt8] = []
    var headers: [String: String] = [:]
    var overLimit = false
    /// Whether a status line has arrived (headers follow one).
    var sawStatusLine = false
    /// Whether nothing of an answer arrived: no status line, no body byte.
    var receivedNothing: Bool { !sawStatusLine && data.isEmpty }

    init(limit: Int, received: @escaping (Int) -> Void) {
        self.limit = limit
        self.received = received
    }
}

/// libcurl's body callback: appends to the ``Transfer``, or stops it (a count other than
/// the one given) once it would pass its limit.
private func receiveBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
)
    -> Int
{
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    guard transfer.data.count + length <= transfer.limit else {
        transfer.overLimit = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        transfer.data.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    transfer.received(length)
    return length
}

/// libcurl's header callback: one header line at a time; a status line starts a new
/// response (an interim `100 Continue` has headers of its own).
private func receiveHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    let length = size * count
    guard let data, let user else { return length }
    let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        transfer.sawStatusLine = true
        transfer.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        transfer.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return length
}

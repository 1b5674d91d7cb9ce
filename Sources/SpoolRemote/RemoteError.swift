import Foundation

/// Why an address could not be read, in words that say what to do.
public enum RemoteError: Error, CustomStringConvertible, Equatable, Sendable {
    case badAddress(String, String)
    case unsupported(String, String)
    /// The server answered with an error status (`retryAfter` from a 429 or 503).
    case status(url: String, code: Int, retryAfter: String?)
    /// No answer: DNS, TLS, a refused connection, a timeout.
    case network(url: String, String)
    case truncated(url: String, received: Int, expected: Int)
    case tooLarge(url: String, limit: Int)
    /// The answer is not what the address gives (an HTML page where JSON was expected).
    case unexpected(url: String, expected: String, got: String)
    case redirect(url: String, to: String)
    case notCached(String)
    /// A news server's refusal, in words (`server` is `news://HOST:PORT`).
    case newsServer(String, String)

    public var description: String {
        switch self {
        case .badAddress(let address, let why): return "\(address): not an address Spool reads: \(why)"
        case .unsupported(let address, let why): return "\(address): \(why)"
        case .status(let url, let code, let retryAfter):
            switch code {
            case 404, 410:
                return
                    "\(url): not found (HTTP \(code)). Check the address; the item may have been deleted or made private."
            case 401, 403:
                return
                    "\(url): access refused (HTTP \(code)). The item may be private; for GitHub set GITHUB_TOKEN; some sites refuse automated readers."
            case 429:
                let wait = retryAfter.map { " The server asks to wait \(Self.waitText($0))." } ?? ""
                return
                    "\(url): too many requests (HTTP 429).\(wait) Try again later, or open the cached copy with --offline."
            case 500...599:
                let wait = retryAfter.map { " The server asks to wait \(Self.waitText($0))." } ?? ""
                return
                    "\(url): the server failed (HTTP \(code)).\(wait) Try again later, or open the cached copy with --offline."
            default:
                return "\(url): the server answered HTTP \(code), not the discussion."
            }
        case .network(let url, let why):
            return
                "\(url): could not be reached (\(why)). Check the address and the network, or open the cached copy with --offline."
        case .truncated(let url, let received, let expected):
            return
                "\(url): the answer was cut short (\(received) of \(expected) bytes). Try again; nothing was saved."
        case .tooLarge(let url, let limit):
            return "\(url): the answer is over \(limit / 1_048_576) MiB, more than a discussion should be; stopped."
        case .unexpected(let url, let expected, let got):
            return
                "\(url): expected \(expected) but got \(got). The site may be showing a login or bot check; save the page from a browser and open the file."
        case .redirect(let url, let target):
            return "\(url): redirected to \(target), which is not an http or https address; stopped."
        case .notCached(let address):
            return "\(address): --offline, and there is no cached copy. Open it once while online."
        case .newsServer(let server, let what): return "\(server) \(what)"
        }
    }

    /// `Retry-After` as seconds or an HTTP date, said plainly.
    private static func waitText(_ value: String) -> String {
        if let seconds = Int(value.trimmingCharacters(in: .whitespaces)) {
            return seconds == 1 ? "1 second" : "\(seconds) seconds"
        }
        return "until \(value)"
    }
}

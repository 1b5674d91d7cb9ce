import CSpoolSignals
import Glibc

/// How a crash ends on a terminal.
public enum CrashBacktrace {
    /// Lets a crash print its backtrace and end at once. On a terminal, Swift's backtracer
    /// asks for a key and waits up to 30 s before the process ends; unless `SWIFT_BACKTRACE`
    /// chooses `interactive=` itself, a crash answers that prompt (standard input becomes a
    /// pipe holding one key). Call at start, before anything can crash; the reader's terminal
    /// restore (``CursesTerminal``) runs first when the reader has the terminal.
    public static func neverWaitForAKey() {
        if let settings = getenv("SWIFT_BACKTRACE"), String(cString: settings).contains("interactive=") { return }
        spool_answer_backtrace_prompt_on_crash()
    }
}

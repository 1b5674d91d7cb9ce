import CNCursesW
import Glibc

/// Sends each frame to the terminal in one `write`. ncurses flushes its output after every
/// cursor move, so a frame would reach the terminal as a write per changed row (and tmux
/// or a slow link would redraw each); while a frame is drawn, ncurses' output descriptor
/// points at a memory file instead, whose content is then written in one go.
final class FrameBuffer {
    /// The descriptor to give ncurses: a copy of standard output.
    let outputFD: Int32
    /// Another copy of standard output, to point `outputFD` back at the terminal.
    private let terminalFD: Int32
    private let memoryFD: Int32
    private var bytes = [UInt8](repeating: 0, count: 1 << 16)

    /// Nil when the descriptors cannot be made; ncurses then writes straight to the terminal.
    init?() {
        let output = dup(STDOUT_FILENO)
        let terminal = dup(STDOUT_FILENO)
        let memory = spool_frame_file()
        guard output >= 0, terminal >= 0, memory >= 0 else {
            for fd in [output, terminal, memory] where fd >= 0 { Glibc.close(fd) }
            return nil
        }
        _ = fcntl(output, F_SETFD, FD_CLOEXEC)
        _ = fcntl(terminal, F_SETFD, FD_CLOEXEC)
        outputFD = output
        terminalFD = terminal
        memoryFD = memory
    }

    /// Runs `draw` with ncurses' output going to memory, then writes what it wrote to the
    /// terminal. Returns false when the frame could not be passed on whole (the caller then
    /// redraws everything next time, so the screen is never left half drawn).
    func frame(_ draw: () -> Void) -> Bool {
        guard dup2(memoryFD, outputFD) >= 0 else {
            draw()
            return true
        }
        draw()
        _ = dup2(terminalFD, outputFD)
        defer {
            _ = ftruncate(memoryFD, 0)
            _ = lseek(memoryFD, 0, SEEK_SET)
        }
        let length = Int(lseek(memoryFD, 0, SEEK_CUR))
        guard length > 0 else { return length == 0 }
        if length > bytes.count { bytes = [UInt8](repeating: 0, count: length) }
        var filled = 0
        while filled < length {
            let got = bytes.withUnsafeMutableBytes {
                pread(memoryFD, $0.baseAddress! + filled, length - filled, filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            filled += got
        }
        var sent = 0
        while sent < length {
            let result = bytes.withUnsafeBytes { write(terminalFD, $0.baseAddress! + sent, length - sent) }
            if result < 0 && (errno == EINTR || errno == EAGAIN) {
                if errno == EAGAIN { usleep(1000) }
                continue
            }
            guard result > 0 else { return false }
            sent += result
        }
        return true
    }
}

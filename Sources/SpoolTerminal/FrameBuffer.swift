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

    /// Runs `draw` with ncurses' output going to memory, then writes what it wrote to the terminal.
    func frame(_ draw: () -> Void) {
        guard dup2(memoryFD, outputFD) >= 0 else {
            draw()
            return
        }
        draw()
        _ = dup2(terminalFD, outputFD)
        let length = Int(lseek(memoryFD, 0, SEEK_CUR))
        if length > bytes.count { bytes = [UInt8](repeating: 0, count: length) }
        let read = bytes.withUnsafeMutableBytes { pread(memoryFD, $0.baseAddress, length, 0) }
        var sent = 0
        while sent < read {
            let result = bytes.withUnsafeBytes { write(terminalFD, $0.baseAddress! + sent, read - sent) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { break }
            sent += result
        }
        _ = ftruncate(memoryFD, 0)
        _ = lseek(memoryFD, 0, SEEK_SET)
    }
}

#ifndef SPOOL_CNCURSESW_SHIM_H
#define SPOOL_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here,
   before any libc header is read. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <locale.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncurses.h>

/* Accessors for globals and macros that Swift cannot import or use safely. */
static inline WINDOW *spool_stdscr(void) { return stdscr; }
static inline int spool_lines(void) { return LINES; }
static inline int spool_cols(void) { return COLS; }
static inline int spool_colors(void) { return COLORS; }
static inline int spool_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t spool_a_bold(void) { return A_BOLD; }
static inline attr_t spool_a_dim(void) { return A_DIM; }
static inline attr_t spool_a_italic(void) { return A_ITALIC; }
static inline attr_t spool_a_underline(void) { return A_UNDERLINE; }
static inline attr_t spool_a_reverse(void) { return A_REVERSE; }

/* Mouse masks are macros built from NCURSES_MOUSE_MASK, which Swift cannot import. */
static inline mmask_t spool_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t spool_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t spool_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t spool_wheel_down(void) { return BUTTON5_PRESSED; }

/* Signals that end the reader: the handler only records the signal; the key loop sees
   get_wch return ERR (EINTR or timeout), restores the terminal and exits. */
static volatile sig_atomic_t spool_pending_signal_value = 0;

static inline void spool_record_signal(int signal_number) { spool_pending_signal_value = signal_number; }

static inline void spool_install_exit_signals(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = spool_record_signal;
    sigaction(SIGINT, &action, 0);
    sigaction(SIGTERM, &action, 0);
    sigaction(SIGHUP, &action, 0);
    signal(SIGPIPE, SIG_IGN);
}

static inline int spool_pending_signal(void) { return spool_pending_signal_value; }

/* After a program run from the reader: a Ctrl-C typed in it reached us too; forget it. */
static inline void spool_forget_interrupt(void) {
    if (spool_pending_signal_value == SIGINT) spool_pending_signal_value = 0;
}

/* Clears a signal mask inherited from the parent (test runners block nearly all),
   so that SIGWINCH reaches ncurses and SIGTERM reaches us. */
static inline void spool_unblock_signals(void) {
    sigset_t empty;
    sigemptyset(&empty);
    sigprocmask(SIG_SETMASK, &empty, 0);
}

/* A crash must not leave the terminal in the reader's modes: the terminal's settings are
   saved before curses starts, and a crash signal puts them back (with the escape sequences
   that leave the alternate screen, show the cursor and stop mouse reports) before the
   runtime's own handler prints its backtrace. Only async-signal-safe calls are made. */
struct spool_crash_state {
    struct termios termios;
    int termios_saved;
    struct sigaction previous[NSIG];
};

/* The state lives in a function so that the one copy is emitted with the code using it. */
static inline struct spool_crash_state *spool_crash_state(void) {
    static struct spool_crash_state state;
    return &state;
}

static inline void spool_restore_terminal_now(void) {
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t written = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)written;
    if (spool_crash_state()->termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &spool_crash_state()->termios);
}

static void spool_crash_handler(int signal_number) {
    spool_restore_terminal_now();
    sigaction(signal_number, &spool_crash_state()->previous[signal_number], 0);
    raise(signal_number);
}

static inline void spool_install_crash_handlers(void) {
    if (tcgetattr(STDIN_FILENO, &spool_crash_state()->termios) == 0) spool_crash_state()->termios_saved = 1;
    const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        action.sa_handler = spool_crash_handler;
        sigaction(signals[i], &action, &spool_crash_state()->previous[signals[i]]);
    }
}

#endif

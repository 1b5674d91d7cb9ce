#include "spool_signals.h"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

static void record_signal(int signal_number) { pending_signal = signal_number; }

void spool_install_exit_signals(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = record_signal;
    sigaction(SIGINT, &action, 0);
    sigaction(SIGTERM, &action, 0);
    sigaction(SIGHUP, &action, 0);
    signal(SIGPIPE, SIG_IGN);
}

int spool_pending_signal(void) { return pending_signal; }

void spool_forget_interrupt(void) {
    if (pending_signal == SIGINT) pending_signal = 0;
}

void spool_unblock_signals(void) {
    sigset_t empty;
    sigemptyset(&empty);
    sigprocmask(SIG_SETMASK, &empty, 0);
}

/* What a crash needs, set before it can happen; the handler makes only async-signal-safe
   calls. */
static struct termios saved_termios;
static volatile sig_atomic_t termios_saved = 0;
static volatile sig_atomic_t answer_backtrace_prompt = 0;
static int crash_handlers_installed = 0;
static struct sigaction previous_actions[NSIG];

static void restore_terminal_now(void) {
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t written = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)written;
    tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

/* Standard input becomes a pipe holding one key that is none of the backtracer's commands:
   its prompt reads it and ends at once, after the whole backtrace is printed. */
static void answer_backtrace_prompt_now(void) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) return;
    ssize_t written = write(pipe_ends[1], "q", 1);
    (void)written;
    close(pipe_ends[1]);
    dup2(pipe_ends[0], STDIN_FILENO);
    close(pipe_ends[0]);
}

/* The runtime's handler (the backtrace) is called from here, and then the signal's default
   action ends the process: a crash signal sent by another process, after which the
   runtime's handler returns, ends it too instead of leaving the reader running. */
static void crash_handler(int signal_number, siginfo_t *info, void *context) {
    if (termios_saved) restore_terminal_now();
    if (answer_backtrace_prompt) answer_backtrace_prompt_now();
    struct sigaction *previous = &previous_actions[signal_number];
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(signal_number, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(signal_number);
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/* Once per process: a second install would record this handler as the one to call. */
static void install_crash_signals_once(void) {
    if (crash_handlers_installed) return;
    crash_handlers_installed = 1;
    const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        /* On the runtime's alternate stack when there is one: a stack overflow is a crash too. */
        action.sa_flags = SA_ONSTACK | SA_SIGINFO;
        action.sa_sigaction = crash_handler;
        sigaction(signals[i], &action, &previous_actions[signals[i]]);
    }
}

void spool_install_crash_handlers(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) termios_saved = 1;
    install_crash_signals_once();
}

void spool_answer_backtrace_prompt_on_crash(void) {
    answer_backtrace_prompt = 1;
    install_crash_signals_once();
}

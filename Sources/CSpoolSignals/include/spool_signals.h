#ifndef SPOOL_SIGNALS_H
#define SPOOL_SIGNALS_H

/* Signal handling for the terminal target, in one C file so that its state exists once in
   the process (a header's static state would be copied into every Swift file using it). */

/* Signals that end the reader (SIGINT, SIGTERM, SIGHUP): the handler only records the
   signal; the key loop sees its read return early, restores the terminal and exits.
   SIGPIPE is ignored. */
void spool_install_exit_signals(void);

/* The signal recorded by the exit handler, or 0. */
int spool_pending_signal(void);

/* After a program run from the reader: a Ctrl-C typed in it reached us too; forget it. */
void spool_forget_interrupt(void);

/* Clears a signal mask inherited from the parent (test runners block nearly all), so that
   SIGWINCH reaches ncurses and SIGTERM reaches us. */
void spool_unblock_signals(void);

/* Called as the reader takes the terminal, before it changes the terminal's modes: a crash
   from then on puts back the settings saved here (and leaves the alternate screen, shows
   the cursor, stops mouse reports) before the runtime's backtrace. */
void spool_install_crash_handlers(void);

/* Called at start: a crash from then on answers the prompt of Swift's backtracer, which on
   a terminal would wait 30 s for a key before the process ends. */
void spool_answer_backtrace_prompt_on_crash(void);

#endif

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

#endif

#ifndef ATTNVIEW_CNCURSES_SHIM_H
#define ATTNVIEW_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags: ask for the wide-character API here, before curses.h.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *attnview_stdscr(void) { return stdscr; }
static inline int attnview_lines(void) { return LINES; }
static inline int attnview_cols(void) { return COLS; }
static inline int attnview_colors(void) { return COLORS; }
static inline int attnview_color_pairs(void) { return COLOR_PAIRS; }
#endif

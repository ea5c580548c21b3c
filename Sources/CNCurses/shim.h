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
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// C globals: Swift 6's strict concurrency rejects them, so read them through functions.
static inline WINDOW *attnview_stdscr(void) { return stdscr; }
static inline WINDOW *attnview_curscr(void) { return curscr; }
static inline int attnview_lines(void) { return LINES; }
static inline int attnview_cols(void) { return COLS; }
static inline int attnview_colors(void) { return COLORS; }
static inline int attnview_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *attnview_stdin(void) { return stdin; }
static inline FILE *attnview_stdout(void) { return stdout; }

// Attribute macros built from NCURSES_BITS, which Swift cannot import.
static inline attr_t attnview_a_normal(void) { return A_NORMAL; }
static inline attr_t attnview_a_bold(void) { return A_BOLD; }
static inline attr_t attnview_a_dim(void) { return A_DIM; }
static inline attr_t attnview_a_underline(void) { return A_UNDERLINE; }
static inline attr_t attnview_a_reverse(void) { return A_REVERSE; }
static inline attr_t attnview_a_italic(void) { return A_ITALIC; }

/// Puts a whole grapheme (a base character and its combining marks, at most CCHARW_MAX wide
/// characters, NUL-terminated in `text`) at (y, x); the pair travels in setcchar's `opts` so
/// pairs above 32767 work.
static inline int attnview_put_cluster(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// The most wide characters one cell holds (a base and its combining marks).
static inline int attnview_cell_characters(void) { return CCHARW_MAX; }

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's (char *)-1 included).
static inline const char *attnview_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return NULL;
    return value;
}
#endif

/*
 * CNcursesw: the parts of ncursesw that RNN Lab's CursesTerminal needs.
 *
 * Swift imports plain functions and integer-literal macros (KEY_UP, KEY_F0,
 * KEY_CODE_YES, OK, ERR) from <ncursesw/ncurses.h> directly. What does not
 * import is wrapped here in `static inline` helpers:
 *   - the C globals stdscr, curscr, LINES, COLS, COLORS, COLOR_PAIRS, stdin,
 *     stdout (Swift 6 rejects mutable C globals as not concurrency-safe);
 *   - function-like macros (A_BOLD and friends are NCURSES_BITS(...));
 *   - building a cchar_t (setcchar with an extended colour pair) and drawing it.
 */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Wide-character API (cchar_t, wget_wch, setcchar, mvwadd_wch). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* ---- globals ----------------------------------------------------------- */

static inline WINDOW *rnn_stdscr(void) { return stdscr; }
static inline WINDOW *rnn_curscr(void) { return curscr; }
static inline int rnn_lines(void) { return LINES; }
static inline int rnn_cols(void) { return COLS; }
static inline int rnn_colors(void) { return COLORS; }
static inline int rnn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rnn_stdin(void) { return stdin; }
static inline FILE *rnn_stdout(void) { return stdout; }

/* ---- attributes (function-like macros in curses.h) ---------------------- */

static inline attr_t rnn_a_normal(void) { return A_NORMAL; }
static inline attr_t rnn_a_bold(void) { return A_BOLD; }
static inline attr_t rnn_a_dim(void) { return A_DIM; }
static inline attr_t rnn_a_italic(void) { return A_ITALIC; }
static inline attr_t rnn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rnn_a_reverse(void) { return A_REVERSE; }

/* ---- keys --------------------------------------------------------------- */

/* KEY_F(n) is a function-like macro. */
static inline int rnn_key_f(int n) { return KEY_F(n); }

/* ---- mouse (the button masks are function-like macros) ------------------ */

static inline mmask_t rnn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rnn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t rnn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rnn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rnn_button5_pressed(void) { return BUTTON5_PRESSED; }
/* Reads the mouse event curses decoded after KEY_MOUSE: OK and x, y (0-based cells), bstate. */
static inline int rnn_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *bstate = event.bstate;
    return OK;
}

/* ---- drawing ------------------------------------------------------------ */

/* Longest grapheme (spacing char + combining chars) a cchar_t holds. */
static inline int rnn_ccharw_max(void) { return CCHARW_MAX; }

/*
 * Draws one grapheme at (y, x) of `win`.
 *
 * `wch` is a NUL-terminated wide string: one spacing character followed by at
 * most CCHARW_MAX - 1 combining characters. `pair` may exceed 32767; it is
 * passed through setcchar's `opts` argument (ncurses >= 6.1 extension).
 * Returns OK or ERR (ERR also when setcchar rejects the string).
 */
static inline int rnn_mvwadd_grapheme(WINDOW *win, int y, int x, const wchar_t *wch,
                                      attr_t attrs, int pair) {
    cchar_t cc;
    int ext = pair;
    if (setcchar(&cc, wch, attrs, (NCURSES_PAIRS_T)(pair > 0x7fff ? 0 : pair), &ext) == ERR)
        return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

/* ---- terminal description ---------------------------------------------- */

/*
 * Looks `name` up in terminfo without touching the screen or the tty modes,
 * and says whether curses can draw on it:
 *    1  it can move the cursor anywhere (has `cup`, not hardcopy or generic);
 *    0  it cannot (`dumb`, hardcopy, generic, or no `cup`);
 *   -1  terminfo does not know it (or has no database).
 * The description loaded for the probe is freed; `cur_term` is left as it was.
 */
static inline int rnn_probe_terminal(const char *name) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(name, 1, &err) != OK) {
        set_curterm(saved);
        return -1;
    }
    const char *cup = tigetstr("cup");
    int hardcopy = tigetflag("hc");
    int generic = tigetflag("gn");
    TERMINAL *probe = set_curterm(saved);
    if (probe != saved) del_curterm(probe);
    if (cup == NULL || cup == (const char *)-1) return 0;
    if (hardcopy > 0 || generic > 0) return 0;
    return 1;
}

#endif /* CNCURSESW_SHIM_H */

/// One input event read by ``CursesTerminal/readKey(timeoutMilliseconds:)``.
///
/// Keys come from `wget_wch`; ``interrupt`` and ``terminate`` come from the
/// signal handlers (SIGINT; SIGTERM or SIGHUP), which only set a flag that the
/// next `readKey` reports, so the run loop can quit cleanly.
public enum KeyEvent: Hashable, Sendable {
    /// A printable character (any Unicode scalar that is not a control character).
    case character(Character)
    /// A control key not listed below, as its lowercase letter: Ctrl-L is `.control("l")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case insert, delete
    /// Return / Enter (CR, LF or the keypad Enter key).
    case enter
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (DEL, Ctrl-H or curses' KEY_BACKSPACE).
    case backspace
    case escape
    /// The terminal changed size; draw a buffer of ``CursesTerminal/size()`` next.
    case resize
    /// Function key F`n` (1…63).
    case function(Int)
    /// Ctrl-C: SIGINT arrived (or the byte 0x03 was read, should ISIG be off).
    case interrupt
    /// SIGTERM or SIGHUP arrived: save what must be saved and quit.
    case terminate
    /// A click or a turn of the wheel (``MouseDecoder``).
    case mouse(MouseEvent)
}

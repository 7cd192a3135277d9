/// A key or terminal event as the lab sees it. The run loop translates the
/// backend's events into these, so `LabApp` never depends on a terminal.
public enum AppKey: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// A control key, as its lowercase letter: Ctrl-L is `.control("l")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    /// Ctrl-C.
    case interrupt
    /// SIGTERM or SIGHUP: leave now, saving what must be saved.
    case terminate
    /// A press of the left mouse button on the cell (`x`, `y`), 0-based.
    case click(x: Int, y: Int)
    /// A turn of the mouse wheel over the cell (`x`, `y`): up (away from the user) or down.
    case wheel(up: Bool, x: Int, y: Int)
}

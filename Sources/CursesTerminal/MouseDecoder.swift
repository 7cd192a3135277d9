import CNcursesw

/// A mouse event the lab uses: a press of the left button, or a turn of the
/// wheel, at a cell (0-based column `x`, row `y`).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Maps what curses' `getmouse` reported to a ``MouseEvent``. Pure: no terminal needed.
///
/// The lab asks curses for the left button's presses and releases and the
/// wheel (buttons 4 and 5), with no click interval, so a press is reported at
/// once; releases and everything else are dropped.
public enum MouseDecoder {
    /// The buttons the lab asks curses to report (`mousemask`).
    public static var mask: mmask_t {
        rnn_button1_pressed() | rnn_button1_released() | rnn_button1_clicked() | rnn_button4_pressed() | rnn_button5_pressed()
    }

    /// The event for a `getmouse` result: `bstate` and the cell.
    public static func decode(bstate: mmask_t, x: Int, y: Int) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        if bstate & rnn_button4_pressed() != 0 { return MouseEvent(.wheelUp, x: x, y: y) }
        if bstate & rnn_button5_pressed() != 0 { return MouseEvent(.wheelDown, x: x, y: y) }
        if bstate & (rnn_button1_pressed() | rnn_button1_clicked()) != 0 { return MouseEvent(.click, x: x, y: y) }
        return nil
    }
}

import CNcursesw

/// Maps what `wget_wch` returned to a ``KeyEvent``. Pure: no terminal needed.
///
/// `wget_wch` returns `OK` with a wide character, `KEY_CODE_YES` with one of
/// curses' `KEY_*` codes, or `ERR` when no key came before the timeout.
public enum KeyDecoder {
    /// The `wget_wch` status codes.
    public enum Status {
        /// A character was read (`OK`).
        public static let character = Int32(OK)
        /// A function key was read (`KEY_CODE_YES`).
        public static let functionKey = Int32(KEY_CODE_YES)
        /// Nothing was read (`ERR`).
        public static let none = Int32(ERR)
    }

    /// The event for a `wget_wch` result, or `nil` for `ERR` and for keys the
    /// lab does not use.
    public static func decode(status: Int32, code: UInt32) -> KeyEvent? {
        switch status {
        case Status.character: return character(code)
        case Status.functionKey: return functionKey(Int32(bitPattern: code))
        default: return nil
        }
    }

    /// The event for a wide character (`wget_wch` returned `OK`). Full-width
    /// keys from an input method in Chinese mode come out as the ASCII key
    /// they stand for (see ``FullWidthKeys``).
    public static func character(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 0x03: return .interrupt
        case 0x08, 0x7F: return .backspace
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x01...0x1A:
            // Ctrl-A … Ctrl-Z (less the ones above) as their letter.
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0x00, 0x1C...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(FullWidthKeys.folded(scalar)))
        }
    }

    /// The event for a curses key code (`wget_wch` returned `KEY_CODE_YES`).
    public static func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case Int32(KEY_UP): return .up
        case Int32(KEY_DOWN): return .down
        case Int32(KEY_LEFT): return .left
        case Int32(KEY_RIGHT): return .right
        case Int32(KEY_PPAGE): return .pageUp
        case Int32(KEY_NPAGE): return .pageDown
        case Int32(KEY_HOME), Int32(KEY_A1): return .home
        case Int32(KEY_END), Int32(KEY_C1): return .end
        case Int32(KEY_IC): return .insert
        case Int32(KEY_DC): return .delete
        case Int32(KEY_ENTER): return .enter
        case Int32(KEY_BTAB): return .backTab
        case Int32(KEY_BACKSPACE): return .backspace
        case Int32(KEY_RESIZE): return .resize
        case Int32(KEY_F0) + 1 ... Int32(KEY_F0) + 63: return .function(Int(code - Int32(KEY_F0)))
        default: return nil
        }
    }
}

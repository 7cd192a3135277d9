import CNcursesw

/// What an ESC read on its own starts: the Esc key, or a sequence curses did
/// not recognise (a function key its terminfo entry lacks, Alt+key, a
/// terminal's report). Curses hands such a sequence over as ESC followed by
/// its remaining characters, all already read; taken one by one they would act
/// as Esc (which leaves a screen, or quits the lab on the home screen) and
/// then as stray keys. Pure: no terminal needed.
public enum EscapeSequence {
    /// One `wget_wch` result: its status (``KeyDecoder/Status``) and code.
    public typealias Read = (status: Int32, code: UInt32)

    /// Decides what the ESC just read was, given `next`, which returns the
    /// next result already waiting (nil when nothing waits: `wget_wch` with no
    /// timeout gave `ERR`).
    ///
    /// - A lone ESC, or ESC followed by another ESC, is ``KeyEvent/escape``.
    /// - ESC `[` … (CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, up to
    ///   a final byte 0x40–0x7E), ESC `O` and one character (SS3), ESC `]`,
    ///   `P`, `_` or `^` … up to BEL or ESC `\` (a string), ESC with any other
    ///   character (Alt+key) or with a function key (Alt+arrow): consumed and
    ///   ignored, the event is nil.
    ///
    /// `unread` is a result read while looking that belongs to what comes
    /// after (the second ESC, a resize, a click, a character that cannot be
    /// part of the sequence): the caller decodes it next.
    public static func decode(next: () -> Read?) -> (event: KeyEvent?, unread: Read?) {
        guard let first = next() else { return (.escape, nil) }
        if first.status == KeyDecoder.Status.functionKey {
            let code = Int32(bitPattern: first.code)
            // A resize or a click is its own event, not part of a key.
            if code == Int32(KEY_RESIZE) || code == Int32(KEY_MOUSE) { return (.escape, first) }
            return (nil, nil)
        }
        guard first.status == KeyDecoder.Status.character else { return (.escape, nil) }
        switch first.code {
        case 0x1B:
            return (.escape, first)
        case 0x5B:  // "[": CSI
            while let read = next() {
                guard read.status == KeyDecoder.Status.character else { return (nil, read) }
                switch read.code {
                case 0x20...0x3F: continue
                case 0x40...0x7E: return (nil, nil)
                default: return (nil, read)
                }
            }
            return (nil, nil)  // Alt+[ , or a sequence cut short
        case 0x4F:  // "O": SS3, one more character
            guard let read = next() else { return (nil, nil) }  // Alt+O
            if read.status == KeyDecoder.Status.character, (0x20...0x7E).contains(read.code) { return (nil, nil) }
            return (nil, read)
        case 0x5D, 0x50, 0x5F, 0x5E:  // "]" "P" "_" "^": a string up to BEL or ESC \
            var afterEscape = false
            while let read = next() {
                guard read.status == KeyDecoder.Status.character else { return (nil, read) }
                if read.code == 0x07 || (afterEscape && read.code == 0x5C) { return (nil, nil) }
                afterEscape = read.code == 0x1B
            }
            return (nil, nil)
        default:
            return (nil, nil)  // Alt+key
        }
    }
}

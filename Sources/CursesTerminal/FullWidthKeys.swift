/// Keys typed with a Chinese (or Japanese) input method left in its native
/// mode arrive as full-width characters: `？` for `?`, `。` for `.`, `１` for
/// `1`, `【` for `[`. The lab's keys and the knob editor's digits are ASCII, so
/// the decoder folds these back to the key the student pressed.
///
/// Folded: the full-width forms U+FF01–FF5E (`！`–`～`, digits and letters
/// included) to ASCII U+0021–007E; the ideographic space U+3000 to a space;
/// `。` (U+3002, what `.` types) to `.`; `【】` and `「」` (what `[` `]` type in
/// Pinyin and Japanese IMEs) to `[` `]`; `《》` (what `<` `>` type) to `<` `>`.
/// Not folded: `、` (U+3001), which different IMEs put on `\` or `/`, neither a
/// lab key, and which would be a guess; `，` is full-width (U+FF0C) and folds
/// to `,` like the rest of the block.
public enum FullWidthKeys {
    /// The ASCII key `scalar` stands for, or `scalar` itself.
    public static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        switch v {
        case 0xFF01...0xFF5E: return Unicode.Scalar(v - 0xFEE0) ?? scalar
        case 0x3000: return " "
        case 0x3002: return "."
        case 0x3010, 0x300C: return "["
        case 0x3011, 0x300D: return "]"
        case 0x300A: return "<"
        case 0x300B: return ">"
        default: return scalar
        }
    }
}

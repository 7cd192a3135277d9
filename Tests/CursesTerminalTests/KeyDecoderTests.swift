import Testing
@testable import CursesTerminal

@Suite("KeyDecoder")
struct KeyDecoderTests {
    private func char(_ code: UInt32) -> KeyEvent? {
        KeyDecoder.decode(status: KeyDecoder.Status.character, code: code)
    }
    private func key(_ code: UInt32) -> KeyEvent? {
        KeyDecoder.decode(status: KeyDecoder.Status.functionKey, code: code)
    }

    @Test func statusCodesAreCursesValues() {
        #expect(KeyDecoder.Status.character == 0)
        #expect(KeyDecoder.Status.functionKey == 0o400)
        #expect(KeyDecoder.Status.none == -1)
    }

    @Test func nothingReadIsNil() {
        #expect(KeyDecoder.decode(status: -1, code: 0) == nil)
        #expect(KeyDecoder.decode(status: -1, code: 0x71) == nil)
    }

    @Test func printableCharacters() {
        #expect(char(0x71) == .character("q"))
        #expect(char(0x20) == .character(" "))
        #expect(char(0x7E) == .character("~"))
        #expect(char(0xE9) == .character("é"))
        #expect(char(0x2801) == .character("⠁"))
        #expect(char(0x4E2D) == .character("中"))
        #expect(char(0x1F600) == .character("😀"))
    }

    @Test func controlCharacters() {
        #expect(char(0x03) == .interrupt)
        #expect(char(0x09) == .tab)
        #expect(char(0x0D) == .enter)
        #expect(char(0x0A) == .enter)
        #expect(char(0x1B) == .escape)
        #expect(char(0x7F) == .backspace)
        #expect(char(0x08) == .backspace)
        #expect(char(0x0C) == .control("l"))
        #expect(char(0x01) == .control("a"))
        #expect(char(0x1A) == .control("z"))
        #expect(char(0x00) == nil)
        #expect(char(0x1C) == nil)
        #expect(char(0x85) == nil)
    }

    @Test func invalidScalarsAreDropped() {
        #expect(char(0xD800) == nil)
        #expect(char(0x110000) == nil)
    }

    /// Literal values from `curses.h`, so a change in the header shows up here.
    @Test(arguments: [
        (UInt32(0o403), KeyEvent.up), (0o402, .down), (0o404, .left), (0o405, .right),
        (0o523, .pageUp), (0o522, .pageDown), (0o406, .home), (0o550, .end),
        (0o513, .insert), (0o512, .delete), (0o527, .enter), (0o541, .backTab),
        (0o407, .backspace), (0o632, .resize),
    ])
    func functionKeys(code: UInt32, event: KeyEvent) {
        #expect(key(code) == event)
    }

    @Test func functionKeyNumbers() {
        #expect(key(0o410 + 1) == .function(1))
        #expect(key(0o410 + 12) == .function(12))
        #expect(key(0o410 + 63) == .function(63))
        #expect(key(0o410) == nil)  // KEY_F0 is not a real key
    }

    @Test func unknownFunctionKeysAreNil() {
        #expect(key(0o631) == nil)  // KEY_MOUSE: mouse is off
        #expect(key(0o777) == nil)
    }

    @Test func sameCodeMeansDifferentThingsByStatus() {
        // 0o403 (259) as a character is U+0103 'ă', as a key code KEY_UP.
        #expect(char(0o403) == .character("ă"))
        #expect(key(0o403) == .up)
    }

    @Test func fullWidthKeysFromAnInputMethodFoldToASCII() {
        #expect(char(0xFF1F) == .character("?"))   // ？
        #expect(char(0x3002) == .character("."))   // 。
        #expect(char(0xFF0E) == .character("."))   // ．
        #expect(char(0x3000) == .character(" "))   // ideographic space
        #expect(char(0x3010) == .character("["))   // 【
        #expect(char(0x3011) == .character("]"))   // 】
        #expect(char(0x300C) == .character("["))   // 「
        #expect(char(0xFF51) == .character("q"))   // ｑ
        #expect(char(0xFF2C) == .character("L"))   // Ｌ
        #expect(char(0xFF0D) == .character("-"))   // －
        #expect(char(0xFF0C) == .character(","))   // ，
        for d in 0..<10 {
            #expect(char(0xFF10 + UInt32(d)) == .character(Character(String(d))), "full-width \(d)")
        }
    }

    @Test func foldingCoversTheWholeFullWidthBlockAndNothingElse() {
        for v in UInt32(0xFF01)...0xFF5E {
            let folded = FullWidthKeys.folded(Unicode.Scalar(v)!)
            #expect(folded.value == v - 0xFEE0)
        }
        // Characters with no single key they stand for stay as they are.
        #expect(char(0x3001) == .character("、"))
        #expect(char(0x4E2D) == .character("中"))
        #expect(char(0xFF5F) == .character("｟"))
    }
}

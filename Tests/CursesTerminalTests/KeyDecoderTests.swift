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

    // MARK: What an ESC begins (``EscapeSequence``)

    /// Decodes an ESC followed by `rest` (characters, or function-key codes
    /// written as negative numbers), as the terminal reads it: the event, what
    /// was left unread, and how many results it took.
    private func afterEscape(_ rest: [Int]) -> (event: KeyEvent?, unread: EscapeSequence.Read?, taken: Int) {
        var queue = rest.map { $0 < 0 ? (status: KeyDecoder.Status.functionKey, code: UInt32(-$0))
                                      : (status: KeyDecoder.Status.character, code: UInt32($0)) }
        var taken = 0
        let (event, unread) = EscapeSequence.decode(next: {
            guard !queue.isEmpty else { return nil }
            taken += 1
            return queue.removeFirst()
        })
        return (event, unread, taken)
    }
    private func codes(_ text: String) -> [Int] { text.unicodeScalars.map { Int($0.value) } }

    @Test func aLoneEscIsEsc() {
        let r = afterEscape([])
        #expect(r.event == .escape && r.unread == nil)
    }

    @Test func anUnknownFunctionKeyIsIgnoredWhole() {
        // F13 as xterm sends it (ESC [ 2 5 ~), a key curses' terminfo may lack: not Esc, and no stray "[", "2", "5", "~".
        let f13 = afterEscape(codes("[25~"))
        #expect(f13.event == nil && f13.unread == nil && f13.taken == 4)
        // Shift+F5 with a modifier parameter, and an SS3 key (ESC O P is F1 in some modes).
        #expect(afterEscape(codes("[15;2~")).event == nil)
        #expect(afterEscape(codes("[15;2~")).taken == 6)
        let ss3 = afterEscape(codes("OP"))
        #expect(ss3.event == nil && ss3.taken == 2)
        // A sequence stops at its final byte: what follows is the next key, not read here.
        let then = afterEscape(codes("[1;5Dq"))
        #expect(then.event == nil && then.taken == 5)
    }

    @Test func altKeyIsIgnored() {
        // Alt+q arrives as ESC q: it must neither act as Esc (quit on the home screen) nor as q.
        let altQ = afterEscape(codes("q"))
        #expect(altQ.event == nil && altQ.unread == nil && altQ.taken == 1)
        // Alt+[ (nothing after the "[") and Alt+O likewise.
        #expect(afterEscape(codes("[")).event == nil)
        #expect(afterEscape(codes("O")).event == nil)
        // Alt+arrow as ESC then the arrow's key code.
        let altUp = afterEscape([-0o403])
        #expect(altUp.event == nil && altUp.unread == nil)
    }

    @Test func escThenEscIsEscAndTheSecondComesNext() {
        let r = afterEscape([0x1B, 0x71])
        #expect(r.event == .escape && r.taken == 1)
        #expect(r.unread.map { $0.status == KeyDecoder.Status.character && $0.code == 0x1B } == true)
    }

    @Test func aResizeOrClickAfterEscIsKept() {
        for code in [0o632, 0o631] {  // KEY_RESIZE, KEY_MOUSE
            let r = afterEscape([-code, 0x71])
            #expect(r.event == .escape && r.taken == 1)
            #expect(r.unread.map { $0.status == KeyDecoder.Status.functionKey && $0.code == UInt32(code) } == true)
        }
    }

    @Test func aControlCharacterInsideASequenceEndsItAndIsKept() {
        // ESC [ 1 then Enter: the broken sequence is dropped, Enter is still Enter.
        let r = afterEscape([0x5B, 0x31, 0x0D])
        #expect(r.event == nil && r.taken == 3)
        #expect(r.unread.map { KeyDecoder.decode(status: $0.status, code: $0.code) } == .enter)
    }

    @Test func aTerminalReportStringIsIgnoredUpToItsEnd() {
        // An OSC reply ending in BEL, then one ending in ESC \ (string terminator).
        let bel = afterEscape(codes("]11;rgb:0/0/0") + [0x07, 0x71])
        #expect(bel.event == nil && bel.taken == codes("]11;rgb:0/0/0").count + 1)
        let st = afterEscape(codes("]0;x") + [0x1B, 0x5C, 0x71])
        #expect(st.event == nil && st.taken == codes("]0;x").count + 2)
    }
}


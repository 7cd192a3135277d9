import Testing
@testable import TerminalUI

/// The text field keeps at most `maxLength` graphemes and edits in place, so
/// a 50,000-character paste is cut, not a freeze.
@Suite("TextInput limits")
struct TextInputTests {
    @Test func insertStopsAtTheCapAndSaysSo() {
        var t = TextInput(maxLength: 5)
        for c in "12345" { let ok = t.insert(c); #expect(ok) }
        do { let ok = t.insert("6"); #expect(!ok) }
        #expect(t.text == "12345" && t.cursor == 5)
        // Room again after a delete, in the middle too.
        t.moveLeft(); t.moveLeft(); t.deleteBackward()
        #expect(t.text == "1245" && t.cursor == 2)
        do { let ok = t.insert("x"); #expect(ok) }
        #expect(t.text == "12x45" && t.cursor == 3)
        do { let ok = t.insert("y"); #expect(!ok) }
        #expect(t.text == "12x45")
    }

    @Test func insertingAStringKeepsWhatFits() {
        var t = TextInput(text: "ab", maxLength: 6)
        do { let ok = t.insert("cdefgh"); #expect(!ok) }
        #expect(t.text == "abcdef" && t.cursor == 6)
        var roomy = TextInput(maxLength: 6)
        do { let ok = roomy.insert("0.5"); #expect(ok) }
        #expect(roomy.text == "0.5")
    }

    @Test func initialAndAssignedTextAreCut() {
        var t = TextInput(text: String(repeating: "9", count: 100), maxLength: 64)
        #expect(t.characters.count == 64 && t.cursor == 64)
        t.text = "1e-3"
        #expect(t.text == "1e-3" && t.cursor == 4)
    }

    @Test func aLongPasteIsCutAndTheEditsStayRight() {
        var t = TextInput(text: "0.", maxLength: 64)
        var refused = 0
        for _ in 0..<50_000 where !t.insert("7") { refused += 1 }
        #expect(t.characters.count == 64)
        #expect(refused == 50_000 - 62)
        #expect(t.text == "0." + String(repeating: "7", count: 62))
        t.moveToStart(); t.deleteForward(); t.deleteForward()
        #expect(t.text == String(repeating: "7", count: 62) && t.cursor == 0)
    }

    @Test func graphemesCountAsOne() {
        var t = TextInput(maxLength: 3)
        do { let ok = t.insert(Character("e\u{301}")); #expect(ok) }  // e + combining acute: one grapheme
        do { let ok = t.insert("中"); #expect(ok) }
        do { let ok = t.insert("👍🏽"); #expect(ok) }
        do { let ok = t.insert("x"); #expect(!ok) }
        #expect(t.characters == [Character("e\u{301}"), "中", "👍🏽"])
        t.moveLeft(); t.deleteBackward()
        #expect(t.text == "e\u{301}👍🏽" && t.cursor == 1)
    }

    @Test func aFullFieldStillDrawsTheCursorEnd() {
        var b = Buffer(width: 12, height: 1)
        let t = TextInput(text: String(repeating: "5", count: 64), prompt: "> ", maxLength: 64)
        b.render(t, in: b.bounds)
        // Scrolled to the end: the last cell is the cursor after the text.
        #expect(b.textLines()[0].hasPrefix("> 555555555"))
        #expect(b[11, 0].style.attributes.contains(.reverse))
        #expect(!b[10, 0].style.attributes.contains(.reverse))
    }
}

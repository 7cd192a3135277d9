import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func writesAreClippedToBufferAndClipRect() {
        var b = Buffer(width: 5, height: 2)
        b.write("hello world", x: -2, y: 0)
        #expect(b.textLines() == ["llo w", "     "])
        b.withClip(Rect(x: 1, y: 1, width: 2, height: 1)) { $0.write("abcd", x: 0, y: 1) }
        #expect(b.textLines()[1] == " bc  ")
        b.write("zz", x: 0, y: 5)
        b.write("zz", x: 0, y: -1)
        #expect(b.textLines() == ["llo w", " bc  "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var b = Buffer(width: 8, height: 1)
        let used = b.write("中文ab", x: 0, y: 0)
        #expect(used == 6)
        #expect(b[0, 0].isWide && b[1, 0].isContinuation)
        #expect(b.textLines() == ["中文ab  "])
        // Overwriting the right half of a wide character blanks the left half.
        b.write("x", x: 1, y: 0)
        #expect(b.textLines() == [" x文ab  "])
        // Overwriting the left half blanks the right half.
        b.write("y", x: 2, y: 0)
        #expect(b.textLines() == [" xy ab  "])
        #expect(!b[3, 0].isContinuation)
    }

    @Test func wideCharacterAtClipEdgeBecomesSpace() {
        var b = Buffer(width: 3, height: 1)
        b.write("ab中", x: 0, y: 0)
        #expect(b.textLines() == ["ab "])
        #expect(b.cells.allSatisfy { $0.width == 1 })
    }

    @Test func noColorDropsColoursButKeepsAttributes() {
        var b = Buffer(width: 2, height: 1, capabilities: .monochrome)
        b.write("a", x: 0, y: 0, style: Style(foreground: .red, background: .blue, attributes: .bold))
        #expect(b[0, 0].style == Style(attributes: .bold))
    }

    @Test func asciiModeReplacesNonASCII() {
        var b = Buffer(width: 8, height: 1, capabilities: .ascii)
        b.write("a→b┤中", x: 0, y: 0)
        #expect(b.textLines() == ["a->b+?? "])
        #expect(b.cells.allSatisfy { $0.symbol.isASCII })
    }

    /// LANG=C: a met check reads `[x]` (not `?`, the help key, nor a bare `v`),
    /// ▶ and › `>`, ρ `rho`, … `...`; in a rectangle too, before it is cut.
    @Test func asciiModeSpellsOutMeaningfulSymbols() {
        var b = Buffer(width: 40, height: 2, capabilities: .ascii)
        let used = b.write("✓ met ▶ running › ρ(W_hh) 1, …, T", x: 0, y: 0)
        #expect(b.textLines()[0] == "[x] met > running > rho(W_hh) 1, ..., T ")
        #expect(used == 39)
        b.write("○ ρ…", in: Rect(x: 0, y: 1, width: 40, height: 1), alignment: .right)
        #expect(b.textLines()[1] == String(repeating: " ", count: 32) + "o rho...")
        #expect(b.cells.allSatisfy { $0.symbol.isASCII })
        // A text cut to fit ends in `...`, whole.
        var cut = Buffer(width: 10, height: 1, capabilities: .ascii)
        cut.write("abcdefghijklmno", in: cut.bounds, alignment: .left)
        #expect(cut.textLines() == ["abcdefg..."])
        var u = Buffer(width: 12, height: 1, capabilities: .monochrome)
        u.write("✓ ρ …", x: 0, y: 0)
        #expect(u.textLines() == ["✓ ρ …       "])
    }

    @Test func displayWidths() {
        #expect("hello".displayWidth == 5)
        #expect("中文".displayWidth == 4)
        #expect("日本語のテキスト".displayWidth == 16)
        #expect("한국어".displayWidth == 6)
        #expect("ＡＢ".displayWidth == 4)
        #expect("😀".displayWidth == 2)
        #expect("👍🏽".displayWidth == 2)
        #expect("👨‍👩‍👧".displayWidth == 2)
        #expect("🇫🇷".displayWidth == 2)
        #expect("❤️".displayWidth == 2)
        #expect("e\u{301}".displayWidth == 1)
        #expect("⣿▁█─│".displayWidth == 5)
        #expect("α∂→".displayWidth == 3)
        #expect("\u{200B}".displayWidth == 0)
    }

    @Test func truncation() {
        #expect("abcdef".truncated(toDisplayWidth: 4) == "abc…")
        #expect("abc".truncated(toDisplayWidth: 4) == "abc")
        #expect("中文字".truncated(toDisplayWidth: 4) == "中…")
        #expect("abc".truncated(toDisplayWidth: 0) == "")
    }

    @Test func rectGeometry() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
        #expect(r.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inset(by: 9).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
    }
}

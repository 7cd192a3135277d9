import Testing
@testable import TerminalUI

/// Long text is wrapped once per width, not on every frame, and plain wraps
/// stop at the lines that are shown.
@Suite("Layout cache", .serialized)
struct LayoutCacheTests {
    @Test func aPageIsLaidOutOncePerWidth() {
        let cache = LayoutCache<LayoutKey<MarkdownTheme>, [StyledLine]>(capacity: 8)
        let page = "# Title\n\n" + String(repeating: "a recurrent network keeps a state ", count: 2_000)
        func layout(_ width: Int) -> [StyledLine] {
            cache.value(for: LayoutKey(text: page, width: width, extra: .standard)) {
                Markdown.layout(MarkdownParser.parse(page), width: width, theme: .standard)
            }
        }
        let first = layout(40)
        for _ in 0..<20 { #expect(layout(40) == first) }
        #expect(cache.missCount == 1)
        // Another width is another layout, and both stay cached.
        let narrow = layout(30)
        #expect(cache.missCount == 2 && narrow.count > first.count)
        _ = layout(40)
        #expect(cache.missCount == 2)
    }

    @Test func markdownLayoutKeepsItsResult() {
        let page = "A page only this test lays out: " + String(repeating: "h_t depends on h_{t-1} ", count: 500)
        let lines = Markdown.layout(page, width: 33)
        let kept = Markdown.cache.cached(LayoutKey(text: page, width: 33, extra: MarkdownTheme.standard))
        #expect(kept == lines)
    }

    @Test func theCacheGivesWhatAFreshLayoutGives() {
        let page = "Some **bold** text and `code` in a list:\n\n- one\n- two, longer than the line is wide"
        let cached = Markdown.layout(page, width: 20)
        let fresh = Markdown.layout(MarkdownParser.parse(page), width: 20, theme: .standard)
        #expect(cached == fresh)
    }

    @Test func theLeastRecentlyUsedEntryGoesFirst() {
        let cache = LayoutCache<Int, Int>(capacity: 2)
        _ = cache.value(for: 1) { 10 }
        _ = cache.value(for: 2) { 20 }
        _ = cache.value(for: 1) { 99 }  // hit: 1 is now the most recent
        _ = cache.value(for: 3) { 30 }  // evicts 2
        #expect(cache.value(for: 1) { 99 } == 10)
        #expect(cache.value(for: 2) { 21 } == 21)
        #expect(cache.missCount == 4)
    }

    @Test func plainWrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextWrap.plainLines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.plainLines("abcdefghij kl", width: 4) == ["abcd", "efgh", "ij", "kl"])
        #expect(TextWrap.plainLines("中文字符", width: 5) == ["中文", "字符"])
        #expect(TextWrap.plainLines("  spaced   out  ", width: 20) == ["spaced out"])
        #expect(TextWrap.plainLines("", width: 10).isEmpty)
        #expect(TextWrap.plainLines("word", width: 0).isEmpty)
    }

    @Test func plainWrapStopsAtMaxLines() {
        let words = String(repeating: "step ", count: 100_000)
        #expect(TextWrap.plainLines(words, width: 10, maxLines: 4) == Array(repeating: "step step", count: 4))
        let oneWord = String(repeating: "x", count: 1_000_000)
        let lines = TextWrap.plainLines(oneWord, width: 8, maxLines: 3)
        #expect(lines == Array(repeating: "xxxxxxxx", count: 3))
    }

    @Test func asciiLookAlikesForMarksThatCarryMeaning() {
        let expected: [Character: Character] = ["✓": "v", "✔": "v", "✗": "x", "✖": "x", "▶": ">", "›": ">", "ρ": "p", "⚠": "!"]
        for (symbol, ascii) in expected {
            #expect(ASCIIFallback.character(for: symbol) == ascii, "\(symbol)")
        }
        // Written as text, the clearer spelled-out forms come first.
        var b = Buffer(width: 10, height: 1, capabilities: .ascii)
        b.write("✓▶ρ›", x: 0, y: 0)
        #expect(b.textLines() == ["[x]>rho>  "])
    }
}

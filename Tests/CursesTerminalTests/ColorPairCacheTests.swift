import Testing
import TerminalUI
@testable import CursesTerminal

@Suite("ColorPairCache")
struct ColorPairCacheTests {
    @Test func defaultColoursArePairZero() {
        var cache = ColorPairCache(capacity: 10, paletteSize: 256, defaultColors: true)
        let lookup = cache.pair(foreground: nil, background: nil)
        #expect(lookup.pair == 0)
        #expect(!lookup.isNew)
        #expect(lookup.colors == .init(foreground: -1, background: -1))
        #expect(cache.count == 0)
    }

    @Test func pairsAreAllocatedInOrderAndReused() {
        var cache = ColorPairCache(capacity: 10, paletteSize: 256, defaultColors: true)
        let a = cache.pair(foreground: .red, background: nil)
        #expect(a.pair == 1 && a.isNew)
        #expect(a.colors == .init(foreground: 1, background: -1))
        let b = cache.pair(foreground: Color(200), background: .gray(3))
        #expect(b.pair == 2 && b.isNew)
        #expect(b.colors == .init(foreground: 200, background: 235))
        let again = cache.pair(foreground: .red, background: nil)
        #expect(again.pair == 1 && !again.isNew)
        #expect(cache.count == 2)
    }

    @Test func withoutDefaultColoursNilIsWhiteOnBlack() {
        var cache = ColorPairCache(capacity: 10, paletteSize: 8, defaultColors: false)
        let l = cache.pair(foreground: .green, background: nil)
        #expect(l.colors == .init(foreground: 2, background: 0))
        #expect(cache.pair(foreground: nil, background: .blue).colors == .init(foreground: 7, background: 4))
    }

    @Test func downgradedColoursSharePairs() {
        var cache = ColorPairCache(capacity: 10, paletteSize: 16, defaultColors: true)
        let bright = cache.pair(foreground: .brightRed, background: nil)
        let cubeRed = cache.pair(foreground: .cube(5, 0, 0), background: nil)
        #expect(bright.pair == cubeRed.pair)
        #expect(!cubeRed.isNew)
        #expect(cache.count == 1)
    }

    @Test func fullCacheFallsBackToPairZero() {
        var cache = ColorPairCache(capacity: 2, paletteSize: 256, defaultColors: true)
        #expect(cache.pair(foreground: Color(1), background: nil).pair == 1)
        #expect(cache.pair(foreground: Color(2), background: nil).pair == 2)
        let over = cache.pair(foreground: Color(3), background: nil)
        #expect(over.pair == 0 && !over.isNew)
        #expect(cache.overflowCount == 1)
        // Known pairs still resolve.
        #expect(cache.pair(foreground: Color(2), background: nil).pair == 2)
    }

    @Test func zeroCapacityNeverAllocates() {
        var cache = ColorPairCache(capacity: 0, paletteSize: 8, defaultColors: true)
        #expect(cache.pair(foreground: .red, background: .blue).pair == 0)
        #expect(cache.count == 0)
    }
}

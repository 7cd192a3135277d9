import Testing
import TerminalUI
@testable import CursesTerminal

@Suite("ColorDowngrade")
struct ColorDowngradeTests {
    @Test func fullPaletteKeepsEveryIndex() {
        for i in 0..<256 {
            #expect(ColorDowngrade.index(i, paletteSize: 256) == i)
        }
    }

    @Test func basicColoursKeepTheirIndex() {
        for i in 0..<16 { #expect(ColorDowngrade.index(i, paletteSize: 16) == i) }
        for i in 0..<8 { #expect(ColorDowngrade.index(i, paletteSize: 8) == i) }
    }

    @Test func resultStaysInsideThePalette() {
        for i in 0..<256 {
            #expect((0..<16).contains(ColorDowngrade.index(i, paletteSize: 16)))
            #expect((0..<8).contains(ColorDowngrade.index(i, paletteSize: 8)))
        }
    }

    @Test func cubeCornersTo16() {
        #expect(ColorDowngrade.index(Color.cube(0, 0, 0), paletteSize: 16) == 0)
        #expect(ColorDowngrade.index(Color.cube(5, 5, 5), paletteSize: 16) == 15)
        #expect(ColorDowngrade.index(Color.cube(5, 0, 0), paletteSize: 16) == 9)
        #expect(ColorDowngrade.index(Color.cube(0, 5, 0), paletteSize: 16) == 10)
        #expect(ColorDowngrade.index(Color.cube(5, 5, 0), paletteSize: 16) == 11)
        #expect(ColorDowngrade.index(Color.cube(0, 5, 5), paletteSize: 16) == 14)
        #expect(ColorDowngrade.index(Color.cube(5, 0, 5), paletteSize: 16) == 13)
        #expect(ColorDowngrade.index(Color.cube(3, 0, 0), paletteSize: 16) == 1)  // (175,0,0) → (205,0,0)
    }

    @Test func greyRampTo16() {
        #expect(ColorDowngrade.index(Color.gray(0), paletteSize: 16) == 0)    // 8
        #expect(ColorDowngrade.index(Color.gray(12), paletteSize: 16) == 8)   // 128
        #expect(ColorDowngrade.index(Color.gray(22), paletteSize: 16) == 7)   // 228
        #expect(ColorDowngrade.index(Color.gray(23), paletteSize: 16) == 7)   // 238
    }

    @Test func greysStayGrey() {
        for level in 0..<24 {
            #expect([0, 7, 8, 15].contains(ColorDowngrade.index(Color.gray(level), paletteSize: 16)))
            #expect([0, 7].contains(ColorDowngrade.index(Color.gray(level), paletteSize: 8)))
        }
        #expect(ColorDowngrade.index(Color.gray(10), paletteSize: 8) == 0)   // 108: nearer black
        #expect(ColorDowngrade.index(Color.gray(11), paletteSize: 8) == 7)   // 118: nearer white (229)
        #expect(ColorDowngrade.index(Color.cube(2, 2, 2), paletteSize: 16) == 8)  // (135,135,135)
    }

    @Test func brightColoursTo8() {
        #expect(ColorDowngrade.index(9, paletteSize: 8) == 1)
        #expect(ColorDowngrade.index(10, paletteSize: 8) == 2)
        #expect(ColorDowngrade.index(12, paletteSize: 8) == 4)
        #expect(ColorDowngrade.index(15, paletteSize: 8) == 7)
        #expect(ColorDowngrade.index(196, paletteSize: 8) == 1)
        #expect(ColorDowngrade.index(Color.gray(23), paletteSize: 8) == 7)
        #expect(ColorDowngrade.index(Color.gray(0), paletteSize: 8) == 0)
    }

    @Test func paletteRGB() {
        #expect(ColorDowngrade.rgb(of: 16) == (0, 0, 0))
        #expect(ColorDowngrade.rgb(of: 231) == (255, 255, 255))
        #expect(ColorDowngrade.rgb(of: 16 + 36 * 1 + 6 * 2 + 3) == (95, 135, 175))
        #expect(ColorDowngrade.rgb(of: 232) == (8, 8, 8))
        #expect(ColorDowngrade.rgb(of: 255) == (238, 238, 238))
        #expect(ColorDowngrade.rgb(of: 4) == (0, 0, 238))
    }
}

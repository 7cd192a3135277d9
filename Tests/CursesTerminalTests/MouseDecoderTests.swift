import Testing
@testable import CursesTerminal

/// Mouse reports as curses decodes them (`getmouse`: a button state and a
/// cell), turned into the lab's clicks and wheel turns.
@Suite("MouseDecoder")
struct MouseDecoderTests {
    // ncurses 6 (mouse version 2): five bits per button, released/pressed/clicked/double/triple.
    static let button1Released: UInt = 0x1, button1Pressed: UInt = 0x2, button1Clicked: UInt = 0x4
    static let button4Pressed: UInt = 0x2 << 15, button5Pressed: UInt = 0x2 << 20

    @Test func theMaskAsksForTheLeftButtonAndTheWheel() {
        let mask = UInt(MouseDecoder.mask)
        for bit in [Self.button1Pressed, Self.button1Released, Self.button4Pressed, Self.button5Pressed] {
            #expect(mask & bit != 0, "bit \(bit)")
        }
        // No motion reports: a moving mouse must not flood the loop.
        #expect(mask & (1 << 28) == 0 && mask & (1 << 27) == 0)
    }

    @Test func aPressOrAClickOfTheLeftButtonIsAClickAtItsCell() {
        #expect(MouseDecoder.decode(bstate: .init(Self.button1Pressed), x: 7, y: 3) == MouseEvent(.click, x: 7, y: 3))
        #expect(MouseDecoder.decode(bstate: .init(Self.button1Clicked), x: 0, y: 0) == MouseEvent(.click, x: 0, y: 0))
    }

    @Test func theWheelIsButtonsFourAndFive() {
        #expect(MouseDecoder.decode(bstate: .init(Self.button4Pressed), x: 5, y: 9) == MouseEvent(.wheelUp, x: 5, y: 9))
        #expect(MouseDecoder.decode(bstate: .init(Self.button5Pressed), x: 5, y: 9) == MouseEvent(.wheelDown, x: 5, y: 9))
    }

    @Test func releasesOtherButtonsAndCellsOffTheScreenAreDropped() {
        #expect(MouseDecoder.decode(bstate: .init(Self.button1Released), x: 1, y: 1) == nil)
        #expect(MouseDecoder.decode(bstate: .init(0x2 << 5), x: 1, y: 1) == nil, "the middle button")
        #expect(MouseDecoder.decode(bstate: .init(Self.button1Pressed), x: -1, y: 1) == nil)
    }
}

import Foundation
import TestTiers
import Testing

/// The guidance keys as a learner uses them, in the built program: `s` sets up
/// the selected check, `d` puts the knobs back, PgDn reads a page to its end
/// before turning it.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct GuideEndToEndTests {
    /// Opens lesson 1 at `width`×`height` and waits for it, paused at step 0.
    static func openLessonOne(width: Int, height: Int) throws -> (TmuxSession, URL) {
        let (lab, state) = try TmuxSession.launchLab(width: width, height: height)
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused at step 0") { $0.contains("paused") && LabEndToEndTests.step($0) == 0 }
        return (lab, state)
    }

    /// The row of the knob list that names `knob`, if shown.
    static func knobRow(_ screen: String, _ knob: String) -> String? {
        screen.split(separator: "\n").first { $0.range(of: "[▸ ] \(knob) ", options: .regularExpression) != nil }.map(String.init)
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func sSetsUpTheSelectedCheckAndDPutsTheKnobsBack(width: Int, height: Int) throws {
        let (lab, state) = try Self.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        // Tab twice: the checks; ↓ ↓: memory-probe, which asks for k = 3 (the lesson's k is 5).
        try lab.send("Tab", "Tab", "Down", "Down")
        try lab.waitFor("memory-probe selected") { $0.contains("k=3") }
        try lab.send("s")
        try lab.waitFor("the set-up message") { $0.contains("set up for memory-probe: k 5→3") }
        // The knob shows the new value, marked as changed from the lesson's.
        try lab.send("Tab", "Tab")
        let knobs = try lab.waitFor("k = 3 in the knobs") { Self.knobRow($0, "k")?.contains("3*") ?? false }
        #expect(Self.knobRow(knobs, "k")?.contains("5") == false, "\(knobs)")
        // d: back to the lesson's k = 5, unmarked.
        try lab.send("d")
        try lab.waitFor("the defaults message") { $0.contains("the lesson's defaults restored: k 3→5") }
        // Once the trainer has rebuilt with it, the knob reads 5, unmarked.
        try lab.waitFor("k = 5 in the knobs") { Self.knobRow($0, "k").map { $0.contains(" 5") && !$0.contains("*") } ?? false }
        // d again: nothing left to restore, and it says so.
        try lab.send("d")
        try lab.waitFor("already at the defaults") { $0.contains("the knobs are at the lesson's defaults") }
    }

    /// "page 2/9" of the prose frame's footer: the page and the number of pages.
    static func page(_ screen: String) -> (Int, Int)? {
        guard let r = screen.range(of: #"page \d+/\d+"#, options: .regularExpression) else { return nil }
        let parts = screen[r].dropFirst(5).split(separator: "/")
        return (Int(parts[0])!, Int(parts[1])!)
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func pgDnScrollsWithinAPageThenTurnsIt(width: Int, height: Int) throws {
        let (lab, state) = try Self.openLessonOne(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        let top = try lab.screen()
        #expect(top.contains("more below ↓"), "page 1 is longer than the frame at \(width)×\(height):\n\(top)")
        #expect(Self.page(top)?.0 == 1)
        // The first PgDn stays on page 1 and shows other lines of it.
        try lab.send("PageDown")
        let second = try lab.waitFor("the page to scroll") { $0 != top }
        #expect(Self.page(second)?.0 == 1, "\(second)")
        // PgDn until the end of page 1 shows: no more-below marker, still page 1.
        var screen = second
        var presses = 1
        while screen.contains("more below ↓") && presses < 40 {
            let before = screen
            try lab.send("PageDown")
            presses += 1
            screen = try lab.waitFor("PgDn \(presses)") { $0 != before }
            #expect(Self.page(screen)?.0 == 1 || !screen.contains("more below ↓"), "\(screen)")
        }
        #expect(Self.page(screen)?.0 == 1 && !screen.contains("more below ↓"), "the end of page 1 after \(presses) presses:\n\(screen)")
        // Only now does PgDn turn the page.
        try lab.send("PageDown")
        try lab.waitFor("page 2") { Self.page($0)?.0 == 2 }
        // PgUp goes back to page 1.
        try lab.send("PageUp")
        try lab.waitFor("page 1 again") { Self.page($0)?.0 == 1 }
    }
}

import Foundation
import Testing
import TestTiers

/// The real program in tmux: the mouse left to the terminal on request, and
/// key sequences the terminal sends that the lab does not know (a function
/// key missing from terminfo, Alt+key) ignored rather than taken for Esc,
/// which quits on the home screen.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct KeysAndMouseEndToEndTests {
    /// Whether the program in the pane asked the terminal for mouse reports (any mode tmux tracks).
    func mouseReporting(_ lab: TmuxSession) throws -> Bool {
        try lab.format("#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}").contains("1")
    }

    func homeScreen(_ lab: TmuxSession) throws {
        try lab.waitFor("the home screen", timeout: 60) { $0.contains("Sequences and the simple RNN") && $0.contains("checks met") }
    }

    @Test func theMouseIsOnByDefaultAndOffWithNoMouseOrTheVariable() throws {
        for (prefix, arguments, expected) in [([String](), [String](), true), ([], ["--no-mouse"], false),
                                              (["/usr/bin/env", "RNNLAB_MOUSE=0"], [], false)] {
            let (lab, state) = try TmuxSession.launchLab(prefix: prefix, arguments: arguments)
            defer { lab.close(); try? FileManager.default.removeItem(at: state) }
            try homeScreen(lab)
            #expect(try mouseReporting(lab) == expected, "\(prefix) \(arguments)")
            // The keyboard still does everything: open a lesson, back, quit.
            try lab.send("Enter")
            try lab.waitFor("the lesson", timeout: 60) { $0.contains("paused") }
            try lab.send("q")
            try homeScreen(lab)
            try lab.send("q")
            try lab.waitForExit(timeout: 30)
        }
    }

    @Test func aBadMouseVariableIsRefusedByName() throws {
        let (lab, state) = try TmuxSession.launchLab(prefix: ["/usr/bin/env", "RNNLAB_MOUSE=maybe"])
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitForExit(timeout: 30)
        let printed = try lab.tmux(["capture-pane", "-p", "-J", "-S", "-50", "-t", lab.name])
        #expect(printed.contains("RNNLAB_MOUSE must be 0 (no mouse) or 1, got \"maybe\""), "\(printed)")
    }

    @Test func unknownSequencesAndAltKeysDoNotActAsEsc() throws {
        let (lab, state) = try TmuxSession.launchLab()
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try homeScreen(lab)
        let before = try lab.screen()
        // ESC [ 9 9 ~: a function key no terminfo entry names; then Alt+q (ESC q) and Alt+[.
        try lab.tmux(["send-keys", "-t", lab.name, "-H", "1b", "5b", "39", "39", "7e"])
        try lab.send("M-q")
        try lab.send("M-[")
        Thread.sleep(forTimeInterval: 1)
        #expect(try lab.format("#{pane_dead}") == "0", "an unknown sequence quit the lab")
        // Nothing else happened either: no stray "q", "[" or "~" acted (the selection did not move).
        #expect(try lab.screen() == before)
        // Esc itself still quits from the home screen.
        try lab.send("Escape")
        try lab.waitForExit(timeout: 30)
    }
}

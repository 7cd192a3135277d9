import Foundation
import TestTiers
import Testing

/// As a learner and a teacher use them, in the built program: the lab reopens
/// where it was left (the lesson and its page; `--fresh` ignores it), and `f`
/// shows the dashboard alone for a projector.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct PlaceAndPresentationEndToEndTests {
    /// The lab on the package's lessons with the state folder `state`, and `arguments` after the program.
    static func relaunch(state: URL, width: Int = 100, height: Int = 30, arguments: [String] = []) throws -> TmuxSession {
        try TmuxSession(width: width, height: height,
                        environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "RNNLAB_STATE_DIR": state.path],
                        command: [LabBinary.url.path, "--lessons-dir", LabBinary.lessonsDirectory.path] + arguments,
                        directory: LabBinary.packageRoot.path)
    }

    static func isLesson2(_ screen: String) -> Bool { screen.contains("BPTT and RTRL") && screen.contains("checks ") }

    @Test func theLabReopensAtTheLessonAndPageItWasLeftAt() throws {
        let (first, state) = try TmuxSession.launchLab(width: 100, height: 30)
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            defer { first.close() }
            try first.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
            try first.send("Down", "Enter")
            try first.waitFor("lesson 2 on its first page") { Self.isLesson2($0) && $0.contains("page 1/") }
            try first.send("Right")
            try first.waitFor("lesson 2 on page 2") { Self.isLesson2($0) && $0.contains("page 2/") }
            try first.send("C-c")  // leaves with the lesson open
            try first.waitForExit()
        }
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("place.json").path))

        // Reopened: straight into lesson 2 at page 2, no key pressed.
        let second = try Self.relaunch(state: state)
        do {
            defer { second.close() }
            try second.waitFor("lesson 2 reopened at page 2") { Self.isLesson2($0) && $0.contains("page 2/") }
            try second.send("q")  // back to the list, then quit from there
            try second.waitFor("the home screen") { $0.contains("lessons ·") }
            try second.send("q")
            try second.waitForExit()
        }

        // Left from the list: the list opens with lesson 2 selected, and it opens at page 2.
        let third = try Self.relaunch(state: state)
        do {
            defer { third.close() }
            try third.waitFor("the home screen") { $0.contains("lessons ·") }
            try third.send("Enter")  // no arrow key: the selection is already on lesson 2
            try third.waitFor("lesson 2 at page 2") { Self.isLesson2($0) && $0.contains("page 2/") }
            try third.send("C-c")
            try third.waitForExit()
        }

        // A classroom start ignores it: the list, and lesson 1 at its first page.
        let fresh = try Self.relaunch(state: state, arguments: ["--fresh"])
        defer { fresh.close() }
        try fresh.waitFor("the home screen") { $0.contains("lessons ·") }
        try fresh.send("Enter")
        try fresh.waitFor("lesson 1 at page 1") { $0.contains("Sequences and the simple RNN") && $0.contains("page 1/") }
    }

    @Test(arguments: [(80, 24), (100, 30)])
    func presentationShowsTheDashboardAlone(width: Int, height: Int) throws {
        let (lab, state) = try TmuxSession.launchLab(width: width, height: height)
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try lab.send("Enter")
        try lab.waitFor("the lesson") { $0.contains("paused") && $0.contains("Knobs") }
        try lab.send("f")
        let shown = try lab.waitFor("the dashboard alone") { !$0.contains("Knobs") && $0.contains("lesson text") }
        let rows = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // No prose frame; the loss plot's legend starts at the left edge, not beside the prose.
        #expect(!shown.contains("┏ Lesson") && !shown.contains("page 1/"), "\(shown)")
        let legend = rows.first { $0.contains("train loss") } ?? ""
        #expect(legend.distance(from: legend.startIndex, to: legend.range(of: "train loss")?.lowerBound ?? legend.endIndex) < 16, "\(shown)")
        // Training runs in it, and `f` brings the lesson text back.
        try lab.play()
        try lab.waitFor("the run to go on") { (LabEndToEndTests.step($0) ?? 0) > 0 && !$0.contains("Knobs") }
        try lab.send("f")
        try lab.waitFor("the lesson text again") { $0.contains("Knobs") && $0.contains("page 1/") }
    }

    /// LANG=C: a met check reads `[x]` and every cell is ASCII; NO_COLOR: the
    /// loss plot's series have their own glyphs in the legend.
    @Test func plainTerminalsReadAsTheyShould() throws {
        let (ascii, state) = try TmuxSession.launchLab(width: 100, height: 30, prefix: ["env", "LANG=C", "LC_ALL=C"])
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            defer { ascii.close() }
            try ascii.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
            try ascii.send("Enter")
            try ascii.waitFor("the lesson") { $0.contains("paused") && $0.contains("Knobs") }
            try ascii.play()
            let met = try ascii.waitFor("a met check as [x]") { $0.contains("[x] A tanh RNN") }
            let allASCII = met.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(allASCII, "\(met)")
            #expect(met.contains("RNN Lab > 1. Foundations >") && met.contains("** train loss  ++ validation"), "\(met)")
        }
        let (mono, folder) = try TmuxSession.launchLab(width: 100, height: 30, prefix: ["env", "NO_COLOR=1"])
        defer { mono.close(); try? FileManager.default.removeItem(at: folder) }
        try mono.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try mono.send("Enter")
        try mono.waitFor("the legend with a glyph per series") { $0.contains("━━ train loss  ++ validation  oo chance") }
    }
}

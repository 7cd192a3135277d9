import Foundation
import TestTiers
import Testing

/// Issue 19 (ux19b): at 80 columns the run's status line keeps its steps/s
/// once the accuracy joins it, in the built program, in English and in Chinese
/// (the state shrinks to its symbol first).
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct StatusLineEndToEndTests {
    /// The status line (the row with the step counter), trailing spaces removed.
    static func statusLine(_ screen: String, step: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(step + " ") && ($0.contains("▶") || $0.contains("‖")) }
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test(arguments: [("en", "step", "acc", "/s"), ("zh-Hans", "步", "准确率", "/秒")])
    func rateStaysAtEightyColumns(language: String, step: String, accuracy: String, perSecond: String) throws {
        let (lab, state) = try TmuxSession.launchLab(width: 80, height: 24, arguments: ["--lang", language])
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("1.") }
        try lab.send("Enter")
        try lab.waitFor("the lesson, paused") { Self.statusLine($0, step: step) != nil }
        try lab.send("Space")
        // The predict-then-run question, if it comes, waits for later; then the run starts.
        Thread.sleep(forTimeInterval: 1)
        if try lab.screen().contains("Esc") {
            try lab.send("Escape")
            Thread.sleep(forTimeInterval: 0.5)
            try lab.send("Space")
        }
        // From step 1000 on, with the accuracy shown, the words "▶ running" would push the rate off an 80-column line.
        let screen = try lab.waitFor("the accuracy and the rate on the status line past step 1000", timeout: 300) {
            guard let line = Self.statusLine($0, step: step),
                  line.range(of: step + " [0-9]{4,}", options: .regularExpression) != nil else { return false }
            return line.contains(accuracy) && line.range(of: "[0-9.k]+" + perSecond + "$", options: .regularExpression) != nil
        }
        let line = Self.statusLine(screen, step: step)!
        #expect(line.contains("▶"), "\(line)")
        // Not just once: every frame for a few seconds keeps the rate whole (a short loss could make it fit by chance).
        for _ in 0..<8 {
            Thread.sleep(forTimeInterval: 0.4)
            let later = try lab.screen()
            guard let now = Self.statusLine(later, step: step), now.contains(accuracy) else { continue }
            #expect(now.range(of: "[0-9.k]+" + perSecond + "$", options: .regularExpression) != nil, "\(now)")
        }
        try lab.send("Space")
    }
}

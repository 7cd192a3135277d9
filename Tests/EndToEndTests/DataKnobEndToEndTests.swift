import Foundation
import TestTiers
import Testing

/// A set imported with `rnnlab data import` before the lab starts is a choice
/// of the forecasting lesson's `data` knob: choosing it rebuilds the model on
/// the learner's series, and the lesson's baselines are then its baselines.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct DataKnobEndToEndTests {
    @Test func anImportedSeriesIsChosenWithTheDataKnobAndTrainedOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-data-knob-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("waves.csv")
        try Data(ImportedDataSeries.series(400).utf8).write(to: csv)
        // The import runs in the lab's own environment (its state folder), then the lab starts.
        let importThenLab = "\"$0\" data import '\(csv.path)' --kind regression --name waves >/dev/null && exec \"$0\" \"$@\""
        let (lab, state) = try TmuxSession.launchLab(width: 100, height: 30, prefix: ["sh", "-c", importThenLab])
        defer { lab.close(); try? FileManager.default.removeItem(at: state) }
        try lab.waitFor("the home screen") { $0.contains("Sequences and the simple RNN") }
        try lab.tmux(["send-keys", "-t", lab.name] + Array(repeating: "Down", count: 11) + ["Enter"])
        try lab.waitFor("the forecasting lesson") { $0.contains("Forecasting") && $0.contains("paused") }
        try lab.send("Tab")
        try lab.waitFor("the knobs, the data knob on the lesson's own") { GuideEndToEndTests.knobRow($0, "data")?.contains("lesson") ?? false }
        try lab.tmux(["send-keys", "-t", lab.name] + Array(repeating: "Down", count: 8))
        try lab.waitFor("the data knob selected, its choices named") { $0.contains("lesson|waves") }
        try lab.send("Right")
        try lab.waitFor("the change, which rebuilds") { $0.contains("data lesson → waves (rebuilds the model)") }
        try ExploreEndToEndTests.run(lab, steps: 100, until: 100)  // the lesson evaluates every 100 steps
        // The forecast panel's last-value baseline is the imported series' (as `rnnlab run` computes
        // it on the same state folder), not the sunspots'.
        let screen = try lab.waitFor("the first evaluation") { $0.contains("last value") }
        #expect(GuideEndToEndTests.knobRow(screen, "data")?.contains("waves") ?? false, "\(screen)")
        let shown = try #require(Self.number(after: "last value ", in: screen), "\(screen)")
        let theirs = try #require(try Self.lastValueMSE(state: state, data: "waves"))
        let sunspots = try #require(try Self.lastValueMSE(state: state, data: "lesson"))
        #expect(abs(shown - theirs) <= 0.005 * theirs, "panel \(shown), rnnlab run \(theirs)")
        #expect(abs(sunspots - theirs) > 0.05 * theirs, "the two series' baselines should differ: \(sunspots), \(theirs)")
    }

    /// The first number after `label` on the screen ("last value 686" → 686).
    static func number(after label: String, in text: String) -> Double? {
        guard let r = text.range(of: label) else { return nil }
        return Double(text[r.upperBound...].prefix { "0123456789.e+-".contains($0) })
    }

    /// The validation MSE of last-value persistence that `rnnlab run forecasting-dropout` prints for `data`.
    static func lastValueMSE(state: URL, data: String) throws -> Double? {
        let out = state.appendingPathComponent("run-\(data).txt").path
        _ = try Spawn.run("/usr/bin/env", ["RNNLAB_STATE_DIR=\(state.path)", LabBinary.url.path, "run", "forecasting-dropout", "--steps", "1",
                                           "--set", "data=\(data)", "--lessons-dir", LabBinary.lessonsDirectory.path,
                                           "--data-dir", LabBinary.packageRoot.appendingPathComponent("datasets").path],
                          stdout: out, stderr: out)
        return number(after: "baseline last value (validation): MSE ", in: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }
}

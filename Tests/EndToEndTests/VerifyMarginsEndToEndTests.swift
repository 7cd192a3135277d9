import Foundation
import Testing

/// `rnnlab verify --seeds … --margins` on a tiny lesson whose verdict flips
/// with the seed: the table marks the failing clause, the thin one and the
/// roomy one, counts every verdict, and trains a run its checks share once.
@Suite struct VerifyMarginsEndToEndTests {
    /// Three checks on one run per seed. After 10 steps accuracy is 0.70, 0.51,
    /// 0.50 at seeds 1–3 (this engine): `flips` holds at seed 1 only, `thin`
    /// holds at all three by under 10% of its threshold at seed 3, `roomy`
    /// (parameters, which no seed changes) holds with room.
    static let lesson = """
    ---
    id: flip
    title: Flip
    chapter: Test
    summary: A claim that holds at some seeds only.
    experiment:
      task: echo
      T: 8
      k: 1
      hidden: 4
      batch: 8
      learning_rate: 0.05
      eval_every: 5
    checks:
      - id: flips
        title: Ten steps reach 60%
        steps: 10
        when: end
        expect: accuracy > 0.6
      - id: thin
        title: Ten steps reach 48%
        steps: 10
        when: end
        expect: accuracy > 0.48
      - id: roomy
        title: Under a thousand parameters
        steps: 1
        when: end
        expect: parameters < 1000
    ---
    # Page
    """

    @Test func theTableMarksAFlipAThinPassAndRoom() throws {
        let (root, lessons) = try LintVerifyEndToEndTests.folder(["01-flip.md": Self.lesson])
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try LintVerifyEndToEndTests.run(["verify", "flip", "--seeds", "1-3", "--margins", "--lessons-dir", lessons.path], in: root)
        #expect(r.status == 1, "\(r.out) \(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "| check | clause | value at seeds 1,2,3 | worst margin | |", "\(r.out)")
        func row(_ check: String) -> String { lines.first { $0.hasPrefix("| flip/\(check) |") } ?? "" }
        #expect(row("flips").hasSuffix("| **fails** |"), "\(r.out)")
        #expect(row("flips").contains("`accuracy > 0.6`") && row("flips").contains("| -"))
        #expect(row("thin").hasSuffix("| **thin** (< 10%) |"), "\(r.out)")
        #expect(row("roomy").hasSuffix("| +94.0% | ok |"), "\(r.out)")   // (1000 − 60) / 1000
        // Each check's values, one per seed, in seed order.
        #expect(row("roomy").contains("| 60, 60, 60 |"))
        // The three checks of a seed share its one run.
        #expect(lines.contains { $0.hasPrefix("9 training runs needed, 3 trained (") }, "\(r.out)")
        #expect(lines.last == "7 passed, 2 failed", "\(r.out)")
    }

    @Test func withoutMarginsEachSeedHasItsLinesAndChineseHasItsTable() throws {
        let (root, lessons) = try LintVerifyEndToEndTests.folder(["01-flip.md": Self.lesson])
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = try LintVerifyEndToEndTests.run(["verify", "flip/roomy", "--seeds", "2,5", "--lessons-dir", lessons.path], in: root)
        #expect(plain.status == 0, "\(plain.out) \(plain.err)")
        let lines = plain.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5 && lines[0] == "seed 2:" && lines[2] == "seed 5:" && lines[1].hasPrefix("PASS  flip/roomy"), "\(plain.out)")
        let zh = try LintVerifyEndToEndTests.run(["verify", "flip/thin", "--seeds", "1-3", "--margins", "--lang", "zh-Hans",
                                                  "--lessons-dir", lessons.path], in: root)
        #expect(zh.status == 0 && zh.out.contains("最差余量") && zh.out.contains("**余量小**"), "\(zh.out) \(zh.err)")
        let bad = try LintVerifyEndToEndTests.run(["verify", "flip", "--seeds", "5-1", "--lessons-dir", lessons.path], in: root)
        #expect(bad.status == 2 && bad.err.contains("--seeds takes seeds as 1-5 or 1,2,7") && bad.err.contains("\"5-1\""), "\(bad.err)")
        let jobs = try LintVerifyEndToEndTests.run(["verify", "flip", "--jobs", "0", "--lessons-dir", lessons.path], in: root)
        #expect(jobs.status == 2 && jobs.err.contains("--jobs must be between 1 and"), "\(jobs.err)")
    }
}

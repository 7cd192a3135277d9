import Foundation
import Testing
import TestTiers

/// Every claim a lesson makes is a check, and `rnnlab verify --all` proves
/// them all headlessly at the lessons' own seeds: the program itself, as a
/// learner or CI runs it.
@Suite(.enabled(if: TestTier.slow, "the slow tier: trains every lesson claim")) struct VerifyEndToEndTests {
    @Test func everyLessonClaimHolds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-verify-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (out, err) = (dir.appendingPathComponent("out").path, dir.appendingPathComponent("err").path)
        let status = try Spawn.run(LabBinary.url.path, [
            "verify", "--all", "--lessons-dir", LabBinary.lessonsDirectory.path,
            "--data-dir", LabBinary.packageRoot.appendingPathComponent("datasets").path,
        ], stdout: out, stderr: err)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        let failures = lines.filter { $0.hasPrefix("FAIL") }
        let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        #expect(status == 0, "rnnlab verify --all exited \(status): \(failures.joined(separator: "\n")) \(errors)")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // Every check of every lesson file ran: count their `- id:` lines under `checks:`.
        var declared = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: LabBinary.lessonsDirectory.path) where file.hasSuffix(".md") {
            let text = try String(contentsOf: LabBinary.lessonsDirectory.appendingPathComponent(file), encoding: .utf8)
            var inChecks = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "---" && inChecks { break }
                if line.hasPrefix("checks:") { inChecks = true }
                if inChecks && line.hasPrefix("  - id: ") { declared += 1 }
            }
        }
        #expect(lines.filter { $0.hasPrefix("PASS") }.count == declared)
        #expect(declared >= 15)
    }
}

import Foundation
import Testing

/// `rnnlab lint` and `rnnlab verify` as a learner runs them, on crafted lesson
/// folders: exit statuses and the lines they print (reliability review D14, D15).
@Suite struct LintVerifyEndToEndTests {
    /// A lesson whose one check holds after a single step.
    static let quick = """
    ---
    id: quick
    title: Quick
    chapter: Test
    summary: One step.
    experiment:
      task: echo
      T: 6
      k: 1
      hidden: 4
    checks:
      - id: one-step
        title: It takes a step
        steps: 1
        when: end
        expect: step >= 1
    ---
    # Page
    """

    struct Output { var status: Int32; var out: String; var err: String }

    /// Runs rnnlab with its output in files under `folder`.
    static func run(_ arguments: [String], in folder: URL) throws -> Output {
        let (out, err) = (folder.appendingPathComponent("stdout").path, folder.appendingPathComponent("stderr").path)
        let status = try Spawn.run(LabBinary.url.path, arguments, stdout: out, stderr: err)
        return Output(status: status, out: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      err: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    static func folder(_ files: [String: String]) throws -> (root: URL, lessons: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-lint-\(UUID().uuidString)")
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return (root, lessons)
    }

    @Test func verifyOfAPassingCheckIgnoresAnUnrelatedBrokenLesson() throws {
        let (root, lessons) = try Self.folder(["01-quick.md": Self.quick, "02-broken.md": "---\nid: broken\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try Self.run(["verify", "quick/one-step", "--lessons-dir", lessons.path], in: root)
        #expect(one.status == 0, "\(one.out) \(one.err)")
        #expect(one.out.contains("PASS  quick/one-step"))
        #expect(one.err.contains("02-broken.md:3:"), "\(one.err)")  // says which lesson did not load
        let all = try Self.run(["verify", "--all", "--lessons-dir", lessons.path], in: root)
        #expect(all.status == 1, "\(all.out) \(all.err)")
        #expect(all.out.contains("PASS  quick/one-step") && all.err.contains("02-broken.md"))
    }

    @Test func lintReportsEveryProblemAndCountsFiles() throws {
        let bad = Self.quick.replacingOccurrences(of: "id: quick", with: "id: bad")
            .replacingOccurrences(of: "  hidden: 4", with: "  hidden: 4x")
            .replacingOccurrences(of: "expect: step >= 1", with: "expect: stpe >= 1 and step > nan")
        let (root, lessons) = try Self.folder(["01-quick.md": Self.quick, "02-bad.md": bad])
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try Self.run(["lint", lessons.path], in: root)
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(r.out)")
        #expect(lines[0].hasSuffix("02-bad.md:10: hidden takes a number in 1…512, not \"4x\""), "\(r.out)")
        #expect(lines[1].contains("02-bad.md:16:") && lines[1].contains("unknown metric \"stpe\""), "\(r.out)")
        #expect(lines[2].contains("02-bad.md:16:") && lines[2].contains("can never hold"), "\(r.out)")
        #expect(lines[3] == "2 lesson files, 3 problems")
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try Self.run(["lint", empty.path], in: root)
        #expect(none.status == 1 && none.out.contains("no lesson files"), "\(none.out)")
    }
}

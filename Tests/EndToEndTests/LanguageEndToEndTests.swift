import Foundation
import TestTiers
import Testing

/// The language, in the built program: `--lang` refuses a code it does not
/// know; `t` switches the lab and its lesson to 简体中文, the next launch opens
/// in it, and `--lang` / `$RNNLAB_LANG` win over the saved choice.
@Suite(.serialized, .enabled(if: TestTier.slow, "the slow tier"),
       .enabled(if: TmuxSession.executable != nil, "tmux is not installed; the end-to-end tests need it"))
struct LanguageEndToEndTests {
    /// A lessons folder: one small lesson and its translation in `zh-Hans/`.
    static func lessonsFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("zh-Hans"), withIntermediateDirectories: true)
        let english = """
        ---
        id: echo-lab
        title: Echoes of the past
        chapter: 1. Foundations
        summary: A network with a loop in it.
        experiment:
          task: echo
          k: 2
          hidden: 8
        knobs:
          - name: learning_rate
            range: [0.0001, 1]
            scale: log
        panels: [loss]
        checks:
          - id: echo-2
            title: The RNN echoes the symbol from 2 steps back
            steps: 400
            expect: accuracy > 0.9
        ---

        # Echoes of the past

        The English page one.

        ---

        The English page two.
        """
        let chinese = """
        ---
        translation_of: echo-lab
        language: zh-Hans
        title: 往昔的回声
        chapter: 1. 基础
        summary: 一个带环的网络。
        checks:
          echo-2:
            title: 循环神经网络复述 2 步之前的符号
        ---

        # 往昔的回声

        中文的第一页。

        ---

        中文的第二页。
        """
        try english.write(to: root.appendingPathComponent("01-echo-lab.md"), atomically: true, encoding: .utf8)
        try chinese.write(to: root.appendingPathComponent("zh-Hans/01-echo-lab.md"), atomically: true, encoding: .utf8)
        return root
    }

    /// `rnnlab arguments…` with `environment`; its exit status and output.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-lang-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path, err = folder.appendingPathComponent("err").path
        var env = ["LANG": "C.UTF-8", "RNNLAB_STATE_DIR": folder.path]
        for (k, v) in environment { env[k] = v }
        let command = ["/usr/bin/env"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [LabBinary.url.path] + arguments
        let status = try Spawn.run(command[0], Array(command.dropFirst()), stdout: out, stderr: err)
        return (status, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Whether the built program has the zh-Hans table (the Chinese catalogue is its own piece of work).
    static var hasChinese: Bool {
        guard let lessons = try? lessonsFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: lessons) }
        return (try? run(["list", "--lang", "zh-Hans", "--lessons-dir", lessons.path]).status) == 0
    }

    @Test func anUnknownLanguageIsRefusedWithTheCodesThereAre() throws {
        let lessons = try Self.lessonsFolder()
        defer { try? FileManager.default.removeItem(at: lessons) }
        let refused = try Self.run(["list", "--lang", "fr", "--lessons-dir", lessons.path])
        #expect(refused.status == 2 && refused.out.isEmpty)
        #expect(refused.err.contains("unknown language “fr” (from --lang); the lab has: en (English)"), "\(refused.err)")
        let variable = try Self.run(["verify", "echo-lab", "--lessons-dir", lessons.path], environment: ["RNNLAB_LANG": "xx"])
        #expect(variable.status == 2 && variable.err.contains("(from $RNNLAB_LANG)"), "\(variable.err)")
        // The locale alone does not change what scripts read.
        let lint = try Self.run(["lint", lessons.path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(lint.status == 0 && lint.out.contains("2 lesson files, 0 problems"), "\(lint.out)\(lint.err)")
    }

    @Test(.enabled(if: LanguageEndToEndTests.hasChinese, "the zh-Hans catalogue is not in this build yet"))
    func theToggleSwitchesTheLabAndTheNextLaunchOpensInIt() throws {
        let lessons = try Self.lessonsFolder()
        defer { try? FileManager.default.removeItem(at: lessons) }
        let listed = try Self.run(["list", "--lang", "zh-Hans", "--lessons-dir", lessons.path])
        #expect(listed.out.contains("1. 基础") && listed.out.contains("往昔的回声"), "\(listed.out)")

        let (lab, state) = try TmuxSession.launchLab(width: 100, height: 30, lessons: lessons)
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            defer { lab.close() }
            try lab.waitFor("the English home screen") { $0.contains("Echoes of the past") }
            try lab.send("t")
            try lab.waitFor("the home screen in Chinese") { $0.contains("往昔的回声") && $0.contains("1. 基础") }
            try lab.send("Enter")
            try lab.waitFor("the lesson in Chinese") { $0.contains("中文的第一页") }
            try lab.send("Right")
            try lab.waitFor("its second page") { $0.contains("中文的第二页") }
            try lab.send("F2")
            try lab.waitFor("F2: the same page in English") { $0.contains("The English page two.") }
            try lab.send("t")
            try lab.waitFor("Chinese again") { $0.contains("中文的第二页") }
            try lab.send("C-c")
            try lab.waitForExit()
        }
        func relaunch(_ arguments: [String], _ environment: [String: String] = [:]) throws -> TmuxSession {
            var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "RNNLAB_STATE_DIR": state.path]
            for (k, v) in environment { env[k] = v }
            return try TmuxSession(width: 100, height: 30, environment: env,
                                   command: [LabBinary.url.path, "--lessons-dir", lessons.path] + arguments,
                                   directory: LabBinary.packageRoot.path)
        }
        // The next launch opens in Chinese, on the page it was left at.
        let second = try relaunch([])
        do {
            defer { second.close() }
            try second.waitFor("reopened in Chinese") { $0.contains("中文的第二页") }
            try second.send("C-c")
            try second.waitForExit()
        }
        // --lang and $RNNLAB_LANG win over the saved choice, and do not replace it.
        for (arguments, environment) in [(["--lang", "en"], [:]), ([], ["RNNLAB_LANG": "en"])] as [([String], [String: String])] {
            let english = try relaunch(arguments, environment)
            defer { english.close() }
            try english.waitFor("English by request") { $0.contains("The English page two.") }
            try english.send("C-c")
            try english.waitForExit()
        }
        let third = try relaunch([])
        defer { third.close() }
        try third.waitFor("still Chinese") { $0.contains("中文的第二页") }
    }
}

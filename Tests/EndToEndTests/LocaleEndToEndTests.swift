import Foundation
import Testing

/// The lab under a GBK or GB18030 locale (issue 21): it refuses at launch
/// with the bilingual message, exits non-zero and writes nothing to the
/// terminal. No terminal is needed: the check comes before any.
@Suite struct LocaleEndToEndTests {
    struct Output { var status: Int32; var out: Data; var err: Data; var folder: URL }

    static func launch(locale: String, arguments: [String] = []) throws -> Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-locale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (out, err) = (folder.appendingPathComponent("stdout").path, folder.appendingPathComponent("stderr").path)
        let status = try Spawn.run("/usr/bin/env", ["-u", "LC_ALL", "-u", "LC_CTYPE", "LANG=\(locale)", "TERM=xterm-256color",
                                                    "HOME=\(folder.path)", LabBinary.url.path] + arguments,
                                   stdout: out, stderr: err)
        return Output(status: status, out: (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data(),
                      err: (try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data(), folder: folder)
    }

    /// Standard error decoded from `codeset` with the system's iconv, or as
    /// UTF-8 when there is no iconv program (the lab then writes UTF-8 too).
    static func decoded(_ output: Output, from codeset: String) throws -> String {
        let iconv = "/usr/bin/iconv"
        guard FileManager.default.isExecutableFile(atPath: iconv) else { return String(decoding: output.err, as: UTF8.self) }
        let source = output.folder.appendingPathComponent("stderr").path
        let target = output.folder.appendingPathComponent("stderr.utf8").path
        let status = try Spawn.run(iconv, ["-f", codeset, "-t", "UTF-8", source], stdout: target,
                                   stderr: output.folder.appendingPathComponent("iconv.err").path)
        #expect(status == 0, "standard error is not valid \(codeset)")
        return (try? String(contentsOfFile: target, encoding: .utf8)) ?? ""
    }

    @Test(arguments: [("zh_CN.GBK", "GBK"), ("zh_CN.GB18030", "GB18030")])
    func aChineseLocaleThatIsNotUTF8IsRefusedInBothLanguages(locale: String, codeset: String) throws {
        let output = try Self.launch(locale: locale)
        defer { try? FileManager.default.removeItem(at: output.folder) }
        #expect(output.status == 1)
        // Nothing on standard output: no escape sequence, the terminal untouched.
        #expect(output.out.isEmpty, "\(String(decoding: output.out, as: UTF8.self))")
        let text = try Self.decoded(output, from: codeset)
        #expect(text.contains("rnnlab: This terminal's locale (\(locale)) is not UTF-8"), "\(text)")
        #expect(text.contains("export LANG=zh_CN.UTF-8"))
        #expect(text.contains("请使用 UTF-8 终端：export LANG=zh_CN.UTF-8"), "\(text)")
        // Written in the terminal's own codeset, so a GBK terminal can read the Chinese line.
        #expect(!String(decoding: output.err, as: UTF8.self).contains("请使用"))
    }

    @Test func aBadAmbiguousWidthIsRefusedBeforeTheTerminal() throws {
        let output = try Self.launch(locale: "zh_CN.UTF-8", arguments: ["--ambiguous-width", "3"])
        defer { try? FileManager.default.removeItem(at: output.folder) }
        #expect(output.status == 2)
        #expect(output.out.isEmpty)
        #expect(String(decoding: output.err, as: UTF8.self).contains("--ambiguous-width must be 1 or 2"))
    }
}

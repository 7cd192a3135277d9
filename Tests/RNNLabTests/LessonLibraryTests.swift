import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RNNLab

/// Finding lessons by name, duplicate ids, and files that are not lesson files.
@Suite struct LessonLibraryTests {
    static func lessonText(id: String) -> String {
        "---\nid: \(id)\ntitle: Data \(id)\nchapter: Data\nsummary: s\nexperiment:\n  task: echo\n---\n# x\n\ntext\n"
    }

    static func folder(_ files: [String: String]) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-lessons-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try! text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    /// Reliability review D8: `d-names-gender.md` sorts first and starts with `d-names-`.
    @Test func exactIdsComeBeforePrefixes() throws {
        let library = LessonLibrary.load(Self.folder(["d-names.md": Self.lessonText(id: "d-names"),
                                                      "d-names-gender.md": Self.lessonText(id: "d-names-gender")]))
        #expect(library.problems.isEmpty)
        #expect(try library.find("d-names").get().id == "d-names")
        #expect(try library.find("d-names-gender").get().id == "d-names-gender")
        #expect(try library.find("d-names-gender.md").get().id == "d-names-gender")
        if case .failure(let r) = library.find("d-na") {
            #expect(r.message.contains("d-names") && r.message.contains("d-names-gender"))
        } else { Issue.record("an ambiguous prefix was accepted") }
        #expect(try library.find("d-names-g").get().id == "d-names-gender")  // unique prefix
        #expect(library.lesson(named: "nothing") == nil)
    }

    @Test func numbersFindTheirLesson() throws {
        let library = LessonLibrary.load(Self.folder(["01-first.md": Self.lessonText(id: "first"),
                                                      "02-second.md": Self.lessonText(id: "second"),
                                                      "12-twelfth.md": Self.lessonText(id: "twelfth")]))
        #expect(try library.find("1").get().id == "first")
        #expect(try library.find("01").get().id == "first")
        #expect(try library.find("2").get().id == "second")
        #expect(try library.find("12").get().id == "twelfth")
        #expect(try library.find("02-second").get().id == "second")
        #expect(library.fileCount == 3)
    }

    @Test func aDuplicateIdIsBlamedOnTheLaterFile() {
        let library = LessonLibrary.load(Self.folder(["01-a.md": Self.lessonText(id: "same"), "02-b.md": Self.lessonText(id: "same")]))
        #expect(library.lessons.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["01-a.md"])
        #expect(library.problems.count == 1)
        #expect(library.problems.first?.file.hasSuffix("02-b.md") == true && library.problems.first?.line == 2)
        #expect(library.problems.first?.message.contains("01-a.md") == true)
    }

    /// Reliability review D20: plain messages for a folder and a FIFO, and no blocking on the FIFO.
    @Test func foldersAndFIFOsAreNotLessonFiles() throws {
        let folder = Self.folder(["01-ok.md": Self.lessonText(id: "ok")])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("02-dir.md"), withIntermediateDirectories: false)
        #expect(mkfifo(folder.appendingPathComponent("03-fifo.md").path, 0o600) == 0)
        let library = LessonLibrary.load(folder)  // returns: reading the FIFO would block forever
        #expect(library.lessons.map(\.id) == ["ok"])
        #expect(library.fileCount == 3)
        let messages = library.problems.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("is a folder, not a lesson file") })
        #expect(messages.contains { $0.contains("is a FIFO (named pipe), not a lesson file") })
        #expect(!messages.contains { $0.contains("NSCocoaErrorDomain") || $0.contains("permission") })
    }

    @Test func aMissingFolderIsReported() {
        let library = LessonLibrary.load(URL(fileURLWithPath: "/nonexistent/lessons"))
        #expect(library.lessons.isEmpty && library.problems.count == 1)
        #expect(library.problems.first?.message.contains("cannot list the folder") == true)
    }
}

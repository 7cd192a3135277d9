import ArgumentParser
import Foundation
import RNNLab

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check lesson files; report each problem with its file and line.")

    @Argument(help: "Lesson files or folders (default: lessons/).")
    var paths: [String] = []

    func run() throws {
        let targets = paths.isEmpty ? ["lessons"] : paths
        var problems: [LessonError] = []
        var count = 0
        for path in targets {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { fail("no such file or folder: \(path)") }
            if isDir.boolValue {
                let library = LessonLibrary.load(URL(fileURLWithPath: path))
                count += library.lessons.count + Set(library.problems.map(\.file)).count
                problems += library.problems
            } else {
                count += 1
                do { _ = try LessonParser.load(URL(fileURLWithPath: path)) } catch let e as LessonError { problems.append(e) }
            }
        }
        for p in problems { print(p.description) }
        print("\(count) lesson file\(count == 1 ? "" : "s"), \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

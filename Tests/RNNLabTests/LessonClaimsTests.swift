import Foundation
import Testing
import RNNLab

/// Every claim a lesson makes is a check, and every check holds: the same runs
/// `rnnlab verify --all` makes, at the lessons' own seeds.
@Suite struct LessonClaimsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = LessonLibrary.load(root.appendingPathComponent("lessons"))
    static let checks: [(String, String)] = library.lessons.flatMap { l in l.checks.map { (l.id, $0.id) } }

    @Test(arguments: checks)
    func checkHolds(_ ids: (String, String)) {
        let lesson = Self.library.lesson(named: ids.0)!
        let check = lesson.checks.first { $0.id == ids.1 }!
        let r = CheckRunner.run(check, of: lesson, dataDirectory: DataDirectory(path: Self.root.appendingPathComponent("datasets").path))
        #expect(r.passed, "\(ids.0)/\(ids.1): \(r.detail)")
    }
}

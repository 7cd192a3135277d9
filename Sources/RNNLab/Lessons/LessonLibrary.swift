import LabText
import Foundation

/// Every lesson in a folder, in file-name order (`01-…`, `02-…`).
public struct LessonLibrary: Sendable {
    public var lessons: [Lesson]
    /// Files that did not parse, with why; the rest still load.
    public var problems: [LessonError]
    /// The lesson files found (`*.md` except README.md), loaded or not.
    public var fileCount = 0
    /// The translations in the folder's language subfolders (`zh-Hans/`), and
    /// those that did not load (kept apart: a lesson still loads without them).
    public var translations = LessonTranslations()

    public init(lessons: [Lesson], problems: [LessonError], fileCount: Int = 0) {
        self.lessons = lessons
        self.problems = problems
        self.fileCount = fileCount
    }

    /// The lesson files of `folder`: `*.md` except README.md, sorted by name.
    public static func files(in folder: URL) throws -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw LessonError(file: folder.path, line: 1, .cannotListFolder, ["reason": .text((error as NSError).localizedFailureReason ?? "\(error)")])
        }
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Reads every lesson file of `folder`. A lesson whose id an earlier file
    /// already uses is left out, and the problem is put on it, naming the first.
    public static func load(_ folder: URL) -> LessonLibrary {
        var library = LessonLibrary(lessons: [], problems: [])
        let files: [URL]
        do { files = try Self.files(in: folder) } catch let e as LessonError {
            library.problems.append(e)
            return library
        } catch { return library }
        library.fileCount = files.count
        for f in files {
            do { library.add(try LessonParser.load(f)) } catch let e as LessonError { library.problems.append(e) } catch {
                library.problems.append(LessonError(file: f.path, line: 1, Phrase.describing(error)))
            }
        }
        library.translations = loadTranslations(folder)
        return library
    }

    /// Adds `lesson` unless its id is taken, in which case the problem is recorded on it.
    public mutating func add(_ lesson: Lesson) {
        if let first = lessons.first(where: { $0.id == lesson.id }) {
            problems.append(LessonError(file: lesson.file, line: lesson.idLine, .idUsedTwice, ["id": .text(lesson.id), "other": .text(first.file)]))
        } else {
            lessons.append(lesson)
        }
    }

    /// A lesson by name, trying in order: its exact id; its exact file name (with
    /// or without `.md`); its number (`1` and `01` find `01-…`); a unique prefix of
    /// an id or file name. An ambiguous prefix is refused with the candidates.
    public func find(_ name: String) -> Result<Lesson, Reason> {
        func file(_ l: Lesson) -> String { URL(fileURLWithPath: l.file).lastPathComponent }
        if let l = lessons.first(where: { $0.id == name }) { return .success(l) }
        if let l = lessons.first(where: { file($0) == name || file($0) == name + ".md" }) { return .success(l) }
        if let n = Int(name), n >= 0, !name.hasPrefix("-") {
            let numbered = lessons.filter { $0.number == n }
            if numbered.count == 1 { return .success(numbered[0]) }
            if numbered.count > 1 { return .failure(Reason(.lessonFile(.ambiguousNumber), ["number": .text(name), "files": .list(numbered.map { file($0) })])) }
        }
        let prefixed = lessons.filter { $0.id.hasPrefix(name) || file($0).hasPrefix(name) }
        if prefixed.count == 1 { return .success(prefixed[0]) }
        if prefixed.count > 1 {
            return .failure(Reason(.lessonFile(.ambiguousPrefix), ["name": .text(name), "lessons": .list(prefixed.map(\.id))]))
        }
        return .failure(Reason(.lessonFile(.noLesson), ["name": .text(name), "lessons": .list(lessons.map(\.id))]))
    }

    /// `find`, as an optional.
    public func lesson(named name: String) -> Lesson? { try? find(name).get() }

    /// The lessons grouped by chapter, chapters in order of first appearance.
    public var chapters: [(chapter: String, lessons: [Lesson])] {
        var order: [String] = []
        var groups: [String: [Lesson]] = [:]
        for l in lessons {
            if groups[l.chapter] == nil { order.append(l.chapter) }
            groups[l.chapter, default: []].append(l)
        }
        return order.map { ($0, groups[$0]!) }
    }
}

extension Lesson {
    /// The number at the front of the lesson's file name (`3` for `03-….md`), the
    /// number `rnnlab run 3` and the lesson list use; nil when the name has none.
    public var number: Int? {
        let digits = URL(fileURLWithPath: file).lastPathComponent.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}

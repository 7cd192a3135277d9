import Foundation

/// Every lesson in a folder, in file-name order (`01-…`, `02-…`).
public struct LessonLibrary: Sendable {
    public var lessons: [Lesson]
    /// Files that did not parse, with why; the rest still load.
    public var problems: [LessonError]

    /// Reads every `*.md` file of `folder` except README.md.
    public static func load(_ folder: URL) -> LessonLibrary {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        var library = LessonLibrary(lessons: [], problems: [])
        for f in files {
            do { library.lessons.append(try LessonParser.load(folder.appendingPathComponent(f))) }
            catch let e as LessonError { library.problems.append(e) }
            catch { library.problems.append(LessonError(file: f, line: 1, "\(error)")) }
        }
        var seen: [String: String] = [:]
        for l in library.lessons {
            if let other = seen[l.id] {
                library.problems.append(LessonError(file: l.file, line: 1, "lesson id \"\(l.id)\" is also used by \(other)"))
            }
            seen[l.id] = l.file
        }
        return library
    }

    /// A lesson by id, by file name (with or without `.md`) or by number prefix (`01`).
    public func lesson(named name: String) -> Lesson? {
        lessons.first { l in
            let file = URL(fileURLWithPath: l.file).lastPathComponent
            return l.id == name || file == name || file == name + ".md" || file.hasPrefix(name + "-")
        }
    }

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

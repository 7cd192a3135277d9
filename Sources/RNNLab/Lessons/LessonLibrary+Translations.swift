import Foundation
import LabText

extension LessonLibrary {
    /// The translation folders of a lessons folder: its subfolders named like a
    /// language code (`zh-Hans`: letters, then letters or digits after `-`), by name.
    public static func translationFolders(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { name in
            var isDir: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            return isLanguageCode(name) && FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }.map { folder.appendingPathComponent($0) }
    }

    /// `en`, `zh-Hans`, `pt-BR`: a BCP 47-like tag, as folder names of translations are.
    static func isLanguageCode(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads every translation under `folder` (`folder/<code>/*.md`). A file
    /// that does not parse is left out with its first problem; a second
    /// translation of one lesson is left out, naming the first.
    public static func loadTranslations(_ folder: URL) -> LessonTranslations {
        var out = LessonTranslations()
        for sub in translationFolders(in: folder) {
            let code = sub.lastPathComponent
            let files: [URL]
            do { files = try Self.files(in: sub) } catch let e as LessonError {
                out.problems.append(e)
                continue
            } catch { continue }
            for f in files {
                let (translation, problems) = TranslationParser.check(f, folderLanguage: code)
                if let first = problems.first {
                    out.problems.append(first)
                    continue
                }
                guard let translation else { continue }
                if let other = out.byLanguage[code]?[translation.lessonId] {
                    out.problems.append(LessonError(file: f.path, line: translation.line(of: "translation_of"),
                                                    Phrase(.language(.translatedTwice), ["id": .text(translation.lessonId), "other": .text(other.file)])))
                    continue
                }
                out.byLanguage[code, default: [:]][translation.lessonId] = translation
            }
        }
        return out
    }

    /// The library with every lesson in `language` where it has a translation
    /// (``Lesson/translated(by:)``); English lessons as they are.
    public func localized(to language: String) -> LessonLibrary {
        var out = self
        out.lessons = translations.localize(lessons, to: language)
        return out
    }

    /// The lessons grouped by chapter as ``chapters`` groups them, each group
    /// named by its first lesson's chapter in `localized` (same lessons, same order,
    /// translated): lessons translated apart stay under one heading.
    public static func chapters(of english: [Lesson], shownAs localized: [Lesson]) -> [(chapter: String, lessons: [Lesson])] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (i, l) in english.enumerated() {
            if groups[l.chapter] == nil { order.append(l.chapter) }
            groups[l.chapter, default: []].append(i)
        }
        return order.map { key in
            let members = groups[key]!.map { localized.indices.contains($0) ? localized[$0] : english[$0] }
            return (members[0].chapter, members)
        }
    }
}

import LabText
@testable import RNNLab

/// Refusals written out in English, to compare with what a loader threw:
/// `DataError` and `TaskError` are equal when their place and English text are.
extension DataError {
    init(path: String, line: Int? = nil, reason: String) {
        self.init(path: path, line: line, problem: .verbatim(reason))
    }
}

extension TaskError {
    init(_ english: String) { self.init(Phrase.verbatim(english)) }
}

extension Reason {
    init(english: String) { self.init(Phrase.verbatim(english)) }
}

extension LessonError {
    init(file: String = "", line: Int, english: String) { self.init(file: file, line: line, Phrase.verbatim(english)) }
}

/// The English text of a phrase (what the tests compare with).
func english(_ phrase: Phrase?) -> String? { phrase.map(Language.english.render) }

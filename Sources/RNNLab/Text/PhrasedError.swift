import LabText

/// An error that says what went wrong as a message of the catalogue, so the
/// lab and the command line write it in the learner's language.
public protocol PhrasedError: Error {
    /// The whole message, with its place (file and line) where it has one.
    var phrase: Phrase { get }
}

extension Reason: PhrasedError {}
extension LessonError: PhrasedError {}
extension DataError: PhrasedError {}
extension TaskError: PhrasedError {}
extension SafeFile.Failure: PhrasedError {}
extension SafeFile.Refusal: PhrasedError {}

extension Phrase {
    /// What `error` says: its own phrase, or — for an error from outside the
    /// lab (the system's, Foundation's) — its text as it is.
    public static func describing(_ error: any Error) -> Phrase {
        (error as? PhrasedError)?.phrase ?? .verbatim("\(error)")
    }
}

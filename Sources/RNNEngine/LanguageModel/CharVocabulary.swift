/// The characters of a text as token ids 0..<V, for a character language model:
/// the distinct characters (extended grapheme clusters) in order of first
/// appearance, so a prime string and sampled ids convert both ways.
public struct CharVocabulary: Sendable, Equatable {
    /// Token id → character.
    public let characters: [Character]
    private let ids: [Character: Int]

    /// Every distinct character of `text`, in order of first appearance.
    public init(_ text: String) {
        var characters: [Character] = [], ids: [Character: Int] = [:]
        for c in text where ids[c] == nil {
            ids[c] = characters.count
            characters.append(c)
        }
        self.characters = characters
        self.ids = ids
    }

    /// V.
    public var count: Int { characters.count }

    /// The ids of `text`; nil if it holds a character the vocabulary lacks.
    public func encode(_ text: String) -> [Int]? {
        var out: [Int] = []
        for c in text {
            guard let id = ids[c] else { return nil }
            out.append(id)
        }
        return out
    }

    /// The text of `tokens` (each in 0..<V).
    public func decode(_ tokens: [Int]) -> String {
        String(tokens.map { characters[$0] })
    }
}

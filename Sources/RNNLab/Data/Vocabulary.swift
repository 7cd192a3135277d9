import LabText

/// A character vocabulary with four reserved symbols: `<pad>` = 0, `<unk>` = 1,
/// `<bos>` = 2, `<eos>` = 3, then the characters seen in the training text,
/// in code-point order. A character never seen in training maps to `<unk>`.
public struct Vocabulary: Sendable, Equatable {
    public static let pad = 0, unknown = 1, begin = 2, end = 3
    public static let reserved = ["<pad>", "<unk>", "<bos>", "<eos>"]

    /// Symbol names by id: the four reserved ones, then single characters.
    public let symbols: [String]
    private let scalars: [Unicode.Scalar]
    private let ascii: [Int]
    private let others: [Unicode.Scalar: Int]

    /// Builds the vocabulary of `text`; characters seen fewer than `minCount`
    /// times are left out (they read as `<unk>`).
    public init<S: Sequence>(training texts: S, minCount: Int = 1) where S.Element == String {
        var counts: [Unicode.Scalar: Int] = [:]
        for text in texts { for s in text.unicodeScalars { counts[s, default: 0] += 1 } }
        self.init(characters: counts.filter { $0.value >= minCount }.map(\.key))
    }

    /// A vocabulary of exactly these characters (plus the reserved symbols).
    public init(characters: [Unicode.Scalar]) {
        let sorted = Array(Set(characters)).sorted { $0.value < $1.value }
        scalars = sorted
        symbols = Vocabulary.reserved + sorted.map { String($0) }
        var ascii = [Int](repeating: Vocabulary.unknown, count: 128)
        var others: [Unicode.Scalar: Int] = [:]
        for (i, s) in sorted.enumerated() {
            if s.value < 128 { ascii[Int(s.value)] = i + 4 } else { others[s] = i + 4 }
        }
        self.ascii = ascii
        self.others = others
    }

    /// V, the number of ids.
    public var count: Int { symbols.count }

    public func id(_ s: Unicode.Scalar) -> Int {
        s.value < 128 ? ascii[Int(s.value)] : others[s] ?? Vocabulary.unknown
    }

    /// The ids of a text, one per Unicode scalar.
    public func encode(_ text: String) -> [Int] { text.unicodeScalars.map(id) }

    /// Text from ids; reserved symbols other than `<unk>` (shown as `�`) are dropped.
    public func decode<S: Sequence>(_ ids: S) -> String where S.Element == Int {
        var out = String.UnicodeScalarView()
        for i in ids {
            if i >= 4 && i < count { out.append(scalars[i - 4]) }
            else if i == Vocabulary.unknown { out.append("\u{FFFD}") }
        }
        return String(out)
    }

    /// The display name of one id (`<eos>` for a reserved id).
    public func symbol(_ id: Int) -> String { id >= 0 && id < count ? symbols[id] : "<?>" }
}

extension Vocabulary {
    /// The most distinct characters a data set's vocabulary may hold: 512. A
    /// character is an input and an output of the model, so the one-hot inputs
    /// (B, T, V), the logits (B, T, V) and the input and output weights (H × V
    /// each) all grow with V; at 512 a batch of 32 windows of 100 characters is
    /// 6.5 MB per tensor. The shipped corpora use at most 80 characters, and an
    /// alphabetic text with accents and punctuation fits in a few hundred; a
    /// text with thousands (a CJK corpus) needs words or subwords, not characters.
    public static let maxCharacters = 512

    /// Refuses `count` distinct characters from `source` when over `maxCharacters`.
    static func checkSize(_ count: Int, source path: String) throws {
        guard count <= maxCharacters else {
            throw DataError(path: path, .tooManyCharacters, ["count": .integer(count), "limit": .integer(maxCharacters)])
        }
    }

    /// The vocabulary of `texts` (see `init(training:)`), refused with `source`
    /// (the file or folder the texts come from) when it has too many characters.
    static func limited(training texts: [String], source path: String) throws -> Vocabulary {
        var seen = Set<Unicode.Scalar>()
        for text in texts { seen.formUnion(text.unicodeScalars) }
        try checkSize(seen.count, source: path)
        return Vocabulary(characters: Array(seen))
    }
}

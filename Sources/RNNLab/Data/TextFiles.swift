import LabText

/// Plain-text corpora and word lists.
public enum TextFiles {
    /// Reads a UTF-8 text file. Invalid UTF-8 is refused with the line where it starts.
    public static func load(path: String) throws -> String {
        let file = try DataFile(path: path)
        if let text = String(validating: file.bytes, as: UTF8.self) { return text }
        var badLine = 1
        file.forEachLine { line, range in
            if badLine == 1 && String(validating: file.bytes[range], as: UTF8.self) == nil { badLine = line }
        }
        throw DataError(path: path, line: badLine, .notUTF8)
    }
}

extension TextFiles {
    /// Reads a corpus (UTF-8 text a character vocabulary is built from) and
    /// refuses it when it holds more distinct characters than a vocabulary may
    /// (`Vocabulary.maxCharacters`), before any one-hot input is built.
    public static func loadCorpus(path: String) throws -> String {
        let text = try load(path: path)
        try Vocabulary.checkSize(Set(text.unicodeScalars).count, source: path)
        return text
    }
}

/// One first name from the 1990 US census lists, with its frequency.
public struct CensusName: Sendable, Equatable {
    /// Upper-case, as in the file ("MARY").
    public var name: String
    /// Percent of people of that sex with this first name.
    public var percent: Double
}

extension TextFiles {
    /// Reads a census first-name list: lines of `NAME percent cumulative rank` in
    /// fixed-width columns. Names must be letters A–Z, the numbers non-negative,
    /// and ranks must run 1, 2, 3, ….
    public static func loadCensusNames(path: String) throws -> [CensusName] {
        let file = try DataFile(path: path)
        var names: [CensusName] = []
        var blankLine: Int? = nil
        try file.forEachLine { line, range in
            let text = file.text(range)
            let fields = text.split(separator: " ", omittingEmptySubsequences: true)
            if fields.isEmpty { blankLine = blankLine ?? line; return }
            if let blankLine { throw DataError(path: path, line: blankLine, .blankLine) }
            guard fields.count == 4 else {
                throw DataError(path: path, line: line, .censusColumns, ["found": .integer(fields.count)])
            }
            let name = String(fields[0])
            guard name.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
                throw DataError(path: path, line: line, .censusName, ["text": .text(DataFile.excerpt(name))])
            }
            guard let percent = decimal(fields[1]), percent >= 0 else {
                throw DataError(path: path, line: line, .censusPercent, ["text": .text(DataFile.excerpt(fields[1]))])
            }
            guard let cumulative = decimal(fields[2]), cumulative >= 0 else {
                throw DataError(path: path, line: line, .censusCumulative, ["text": .text(DataFile.excerpt(fields[2]))])
            }
            guard let rank = Int(fields[3]), rank == names.count + 1 else {
                throw DataError(path: path, line: line, .censusRank, ["text": .text(DataFile.excerpt(fields[3])), "rank": .integer(names.count + 1)])
            }
            names.append(CensusName(name: name, percent: percent))
        }
        guard !names.isEmpty else { throw DataError(path: path, .empty) }
        return names
    }

    /// A field as a finite decimal number (`Double(_:)` alone would also take
    /// hex, "inf", and text cut at an embedded NUL).
    private static func decimal(_ field: Substring) -> Double? {
        let bytes = Array(field.utf8)
        return bytes.isEmpty ? nil : DataFile.parseNumber(bytes, 0..<bytes.count)
    }
}

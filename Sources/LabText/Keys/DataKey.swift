/// Why a data file or data set is refused. Each is shown after its file, and line when it has one (`atLine`, `inFile`).
public enum DataKey: String, CaseIterable, Sendable {
    case atLine
    case inFile
    case notFound
    case cannotRead
    case isFolder
    case notRegularFile
    case fileTooLarge
    case notGzip
    case empty
    case gzipEndsEarly
    case gzipCRC
    case gzipLength
    /// zlib's own words in `reason`.
    case gzipDamaged
    case gzipCouldNotStart
    case gzipOutOfMemory
    case gzipStatus
    case inflatesTooLarge
    /// The field a number was read for.
    case timeField
    case valueField
    case dimensionField
    case notANumber
    case tooLarge
    case blankLine
    case columnCount
    case header
    case timeNotIncreasing
    case missingValue
    case noRows
    case allMissing
    case dataBeforeSection
    case badDimensions
    case badClassLabel
    case dataBeforeDimensions
    case dataBeforeClassLabel
    case fieldCount
    case undeclaredLabel
    case dimensionLength
    case noDataSection
    case noSeries
    case notUTF8
    case censusColumns
    case censusName
    case censusPercent
    case censusCumulative
    case censusRank
    case notWholeNumber
    case notWholeNumberCharacter
    case pixelRange
    case labelRange
    case numberTooLong
    case imageColumns
    case tooFewImages
    case tooManyImages
    case tooManyCharacters
    case windowDoesNotFit
    case windowsAllMissing
    case differsFromTrain
    case tooFewSeries
    case textTooShort
    case tooFewNames
    case noLongLinesInFiles
    case noLongLines
    case tooFewLines
    /// `rnnlab data import`: a row of the classification layout, and the whole set.
    case labelTextRow
    case emptyLabel
    case emptyText
    case oneLabel
    case tooFewExamples

    public var placeholders: Set<String> {
        switch self {
        case .atLine: return ["file", "line", "problem"]
        case .inFile: return ["file", "problem"]
        case .labelTextRow, .emptyLabel, .emptyText: return []
        case .oneLabel: return ["label"]
        case .tooFewExamples: return ["count", "least"]
        case .notFound, .cannotRead, .isFolder, .notRegularFile, .notGzip, .empty, .gzipEndsEarly, .gzipCRC, .gzipLength, .gzipCouldNotStart, .gzipOutOfMemory, .timeField, .valueField, .blankLine, .missingValue, .noRows, .allMissing, .dataBeforeSection, .badDimensions, .badClassLabel, .dataBeforeDimensions, .dataBeforeClassLabel, .noDataSection, .noSeries, .notUTF8, .differsFromTrain, .noLongLines: return []
        case .fileTooLarge: return ["limit", "size"]
        case .gzipDamaged: return ["reason"]
        case .gzipStatus: return ["status"]
        case .inflatesTooLarge: return ["limit"]
        case .dimensionField: return ["dimension"]
        case .notANumber: return ["field", "text"]
        case .tooLarge: return ["field", "limit", "text"]
        case .columnCount, .header, .tooFewImages, .tooManyImages: return ["expected", "found"]
        case .timeNotIncreasing: return ["time"]
        case .fieldCount: return ["dimensions", "fields", "found"]
        case .undeclaredLabel: return ["label"]
        case .dimensionLength: return ["dimension", "first", "steps"]
        case .censusColumns: return ["found"]
        case .censusName, .censusPercent, .censusCumulative: return ["text"]
        case .censusRank: return ["rank", "text"]
        case .notWholeNumber, .numberTooLong: return ["column"]
        case .notWholeNumberCharacter: return ["character", "column"]
        case .pixelRange: return ["column", "max", "value"]
        case .labelRange: return ["max", "value"]
        case .imageColumns: return ["columns", "found", "pixels"]
        case .tooManyCharacters: return ["count", "limit"]
        case .windowDoesNotFit: return ["held", "horizon", "split", "total", "values", "window"]
        case .windowsAllMissing: return ["horizon", "split", "window"]
        case .tooFewSeries, .tooFewNames, .tooFewLines: return ["count", "split"]
        case .textTooShort: return ["files", "length", "share", "split", "window"]
        case .noLongLinesInFiles: return ["files"]
        }
    }
}

import LabText

/// Images stored one per line as comma-separated pixel values followed by the
/// label (the layout of `digits.csv.gz` and `mnist_5k.csv.gz`).
public struct ImageSet: Sendable {
    /// Pixels of image n at `pixels[n·H·W ..< (n+1)·H·W]`, row-major, in the file's units.
    public let pixels: [Float]
    public let labels: [Int]
    public let height: Int
    public let width: Int
    public var count: Int { labels.count }

    /// Reads an image file; every line must hold exactly H·W + 1 integers,
    /// pixels in 0…`maxPixel` and labels in 0..<`classes`. Blank lines are
    /// allowed only at the end; any other problem refuses the file.
    public static func load(path: String, height: Int, width: Int, maxPixel: Int, classes: Int = 10,
                            expectedRows: Int? = nil) throws -> ImageSet {
        let file = try DataFile(path: path)
        let p = height * width
        var pixels: [Float] = []
        var labels: [Int] = []
        pixels.reserveCapacity((expectedRows ?? 0) * p)
        var blankSeen: Int? = nil
        try file.bytes.withUnsafeBufferPointer { b in
            try file.forEachLine { line, range in
                if range.isEmpty { blankSeen = blankSeen ?? line; return }
                if let blank = blankSeen { throw DataError(path: path, line: blank, .blankLine) }
                var column = 0
                var value = 0
                var digits = 0
                var i = range.lowerBound
                func finish() throws {
                    guard digits > 0 else {
                        throw DataError(path: path, line: line, .notWholeNumber, ["column": .integer(column + 1)])
                    }
                    if column < p {
                        guard value <= maxPixel else {
                            throw DataError(path: path, line: line, .pixelRange, ["value": .integer(value), "column": .integer(column + 1), "max": .integer(maxPixel)])
                        }
                        pixels.append(Float(value))
                    } else if column == p {
                        guard value < classes else {
                            throw DataError(path: path, line: line, .labelRange, ["value": .integer(value), "max": .integer(classes - 1)])
                        }
                        labels.append(value)
                    }
                    column += 1
                    value = 0
                    digits = 0
                }
                while i < range.upperBound {
                    let c = b[i]
                    if c >= 0x30 && c <= 0x39 {
                        value = value * 10 + Int(c - 0x30)
                        digits += 1
                        if digits > 6 { throw DataError(path: path, line: line, .numberTooLong, ["column": .integer(column + 1)]) }
                    } else if c == 0x2C {
                        try finish()
                    } else if c == 0x2E && digits > 0 {  // "12.0" is accepted when the fraction is zero
                        var j = i + 1
                        while j < range.upperBound && b[j] == 0x30 { j += 1 }
                        guard j == range.upperBound || b[j] == 0x2C else {
                            throw DataError(path: path, line: line, .notWholeNumber, ["column": .integer(column + 1)])
                        }
                        i = j
                        continue
                    } else {
                        throw DataError(path: path, line: line,
                                        .notWholeNumberCharacter, ["column": .integer(column + 1), "character": .text(String(Character(UnicodeScalar(c))))])
                    }
                    i += 1
                }
                try finish()
                guard column == p + 1 else {
                    throw DataError(path: path, line: line, .imageColumns, ["columns": .integer(p + 1), "pixels": .integer(p), "found": .integer(column)])
                }
            }
        }
        if let expectedRows, labels.count != expectedRows {
            throw DataError(path: path, labels.count < expectedRows ? .tooFewImages : .tooManyImages,
                            ["expected": .integer(expectedRows), "found": .integer(labels.count)])
        }
        return ImageSet(pixels: pixels, labels: labels, height: height, width: width)
    }
}

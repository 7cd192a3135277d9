/// A DEFLATE decoder (RFC 1951), so the lab can read the gzipped data sets it
/// ships without linking zlib.
///
/// Huffman codes are decoded through one lookup table per code, indexed by the
/// next `maxLength` input bits (DEFLATE sends codes most-significant bit first
/// inside a least-significant-bit-first stream, so the table is indexed by the
/// bit-reversed code). Every malformed input raises `InflateError`; nothing
/// reads past the end of the input.
struct InflateError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Reads bits least-significant first, as DEFLATE packs them.
struct BitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var buffer: UInt64 = 0
    var count = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// Tops the buffer up to at least 57 bits while input remains.
    @inline(__always) mutating func refill() {
        while count <= 56 && position < bytes.count {
            buffer |= UInt64(bytes[position]) << UInt64(count)
            position += 1
            count += 8
        }
    }

    @inline(__always) mutating func bits(_ n: Int) throws -> Int {
        if n == 0 { return 0 }
        if count < n { refill() }
        guard count >= n else { throw InflateError(reason: "compressed data ends early") }
        let value = Int(buffer & ((1 << UInt64(n)) - 1))
        buffer >>= UInt64(n)
        count -= n
        return value
    }

    /// Drops the bits left in the current byte (before a stored block).
    mutating func alignToByte() {
        let drop = count % 8
        buffer >>= UInt64(drop)
        count -= drop
    }

    /// The byte offset of the next unread byte, once aligned.
    var bytePosition: Int { position - count / 8 }

    mutating func reset(toByte offset: Int) {
        position = offset
        buffer = 0
        count = 0
    }
}

/// A canonical Huffman code as a direct lookup table: entry = symbol << 4 | length.
struct HuffmanTable {
    var table: [UInt16]
    var maxLength: Int

    init(lengths: [Int]) throws {
        maxLength = lengths.max() ?? 0
        guard maxLength > 0 else {
            // A code with no symbols: legal for an unused distance code.
            table = []
            return
        }
        var lengthCount = [Int](repeating: 0, count: 16)
        for l in lengths { lengthCount[l] += 1 }
        lengthCount[0] = 0
        var left = 1
        for l in 1...15 {
            left = (left << 1) - lengthCount[l]
            guard left >= 0 else { throw InflateError(reason: "over-subscribed Huffman code") }
        }
        var nextCode = [Int](repeating: 0, count: 16)
        var code = 0
        for l in 1...15 {
            code = (code + lengthCount[l - 1]) << 1
            nextCode[l] = code
        }
        let size = 1 << maxLength
        table = [UInt16](repeating: 0, count: size)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            let c = nextCode[l]
            nextCode[l] += 1
            var reversed = 0
            for b in 0..<l where c & (1 << b) != 0 { reversed |= 1 << (l - 1 - b) }
            let entry = UInt16(symbol << 4 | l)
            var j = reversed
            while j < size {
                table[j] = entry
                j += 1 << l
            }
        }
    }

    /// Decodes one symbol. Incomplete codes leave zero entries, which are refused.
    @inline(__always) func decode(_ reader: inout BitReader) throws -> Int {
        if reader.count < maxLength { reader.refill() }
        let peek = Int(reader.buffer & ((1 << UInt64(maxLength)) - 1))
        let entry = table.isEmpty ? 0 : Int(table[peek])
        let length = entry & 15
        guard length > 0, length <= reader.count else {
            throw InflateError(reason: length == 0 ? "invalid Huffman code" : "compressed data ends early")
        }
        reader.buffer >>= UInt64(length)
        reader.count -= length
        return entry >> 4
    }
}

private let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                          35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
private let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                           3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
private let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                            257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                            8193, 12289, 16385, 24577]
private let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                             7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
/// The order in which code-length code lengths are sent.
private let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

/// Inflates one raw DEFLATE stream starting at `reader`'s position, appending to `output`.
/// On return the reader sits just after the final block.
func inflate(_ reader: inout BitReader, into output: inout [UInt8]) throws {
    let fixedLiteral = try HuffmanTable(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    let fixedDistance = try HuffmanTable(lengths: [Int](repeating: 5, count: 30))
    var last = false
    while !last {
        last = try reader.bits(1) == 1
        switch try reader.bits(2) {
        case 0: try storedBlock(&reader, into: &output)
        case 1: try codedBlock(&reader, literal: fixedLiteral, distance: fixedDistance, into: &output)
        case 2:
            let (literal, distance) = try dynamicTables(&reader)
            try codedBlock(&reader, literal: literal, distance: distance, into: &output)
        default: throw InflateError(reason: "invalid block type 3")
        }
    }
}

private func storedBlock(_ reader: inout BitReader, into output: inout [UInt8]) throws {
    reader.alignToByte()
    let start = reader.bytePosition
    reader.reset(toByte: start)
    guard start + 4 <= reader.bytes.count else { throw InflateError(reason: "compressed data ends early") }
    let b = reader.bytes
    let length = Int(b[start]) | Int(b[start + 1]) << 8
    let complement = Int(b[start + 2]) | Int(b[start + 3]) << 8
    guard length == ~complement & 0xFFFF else { throw InflateError(reason: "stored block length check fails") }
    guard start + 4 + length <= b.count else { throw InflateError(reason: "compressed data ends early") }
    output.append(contentsOf: b[(start + 4)..<(start + 4 + length)])
    reader.reset(toByte: start + 4 + length)
}

private func dynamicTables(_ reader: inout BitReader) throws -> (HuffmanTable, HuffmanTable) {
    let literalCount = try reader.bits(5) + 257
    let distanceCount = try reader.bits(5) + 1
    let codeLengthCount = try reader.bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else { throw InflateError(reason: "too many codes") }
    var codeLengthLengths = [Int](repeating: 0, count: 19)
    for i in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[i]] = try reader.bits(3) }
    let codeLengthCode = try HuffmanTable(lengths: codeLengthLengths)
    var lengths: [Int] = []
    lengths.reserveCapacity(literalCount + distanceCount)
    while lengths.count < literalCount + distanceCount {
        let symbol = try codeLengthCode.decode(&reader)
        switch symbol {
        case 0...15: lengths.append(symbol)
        case 16:
            guard let previous = lengths.last else { throw InflateError(reason: "repeat with no previous length") }
            lengths += [Int](repeating: previous, count: 3 + (try reader.bits(2)))
        case 17: lengths += [Int](repeating: 0, count: 3 + (try reader.bits(3)))
        default: lengths += [Int](repeating: 0, count: 11 + (try reader.bits(7)))
        }
    }
    guard lengths.count == literalCount + distanceCount else { throw InflateError(reason: "code lengths overrun") }
    guard lengths[256] > 0 else { throw InflateError(reason: "no end-of-block code") }
    return (try HuffmanTable(lengths: Array(lengths[0..<literalCount])),
            try HuffmanTable(lengths: Array(lengths[literalCount...])))
}

private func codedBlock(_ reader: inout BitReader, literal: HuffmanTable, distance: HuffmanTable,
                        into output: inout [UInt8]) throws {
    while true {
        let symbol = try literal.decode(&reader)
        if symbol < 256 {
            output.append(UInt8(symbol))
        } else if symbol == 256 {
            return
        } else {
            let index = symbol - 257
            guard index < 29 else { throw InflateError(reason: "invalid length symbol \(symbol)") }
            let length = lengthBase[index] + (try reader.bits(lengthExtra[index]))
            let d = try distance.decode(&reader)
            guard d < 30 else { throw InflateError(reason: "invalid distance symbol \(d)") }
            let back = distanceBase[d] + (try reader.bits(distanceExtra[d]))
            guard back <= output.count else { throw InflateError(reason: "distance reaches before the start") }
            // Byte by byte: the source may overlap what is being written (back < length),
            // and appending a slice of `output` to itself would copy the whole array.
            let from = output.count - back
            for k in 0..<length { output.append(output[from + k]) }
        }
    }
}

/// Reads gzip files (RFC 1952) with the lab's own DEFLATE decoder, checking each
/// member's CRC-32 and length so a truncated or damaged file is refused.
enum Gzip {
    /// True when the bytes start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of every member, concatenated.
    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        try bytes.withUnsafeBufferPointer { b in
            var output: [UInt8] = []
            if b.count >= 4 {  // The last member's ISIZE: a good guess of the size.
                let n = b.count
                output.reserveCapacity(Int(b[n - 4]) | Int(b[n - 3]) << 8 | Int(b[n - 2]) << 16 | Int(b[n - 1]) << 24)
            }
            var offset = 0
            repeat {
                offset = try member(b, at: offset, into: &output)
            } while offset < b.count && b[offset] == 0x1F
            return output
        }
    }

    /// Decodes one member starting at `offset`; returns the offset after it.
    private static func member(_ b: UnsafeBufferPointer<UInt8>, at offset: Int, into output: inout [UInt8]) throws -> Int {
        func need(_ n: Int, _ at: Int) throws {
            guard at + n <= b.count else { throw InflateError(reason: "gzip header ends early") }
        }
        try need(10, offset)
        guard b[offset] == 0x1F, b[offset + 1] == 0x8B else { throw InflateError(reason: "not a gzip file") }
        guard b[offset + 2] == 8 else { throw InflateError(reason: "unknown compression method \(b[offset + 2])") }
        let flags = b[offset + 3]
        var p = offset + 10
        if flags & 4 != 0 {  // FEXTRA
            try need(2, p)
            p += 2 + (Int(b[p]) | Int(b[p + 1]) << 8)
        }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            while true {
                try need(1, p)
                p += 1
                if b[p - 1] == 0 { break }
            }
        }
        if flags & 2 != 0 { p += 2 }  // FHCRC
        try need(0, p)
        let start = output.count
        var reader = BitReader(b, position: p)
        try inflate(&reader, into: &output)
        reader.alignToByte()
        let end = reader.bytePosition
        try need(8, end)
        func word(_ i: Int) -> UInt32 {
            UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
        }
        let crc = output.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard crc == word(end) else { throw InflateError(reason: "CRC-32 check fails (damaged file)") }
        guard UInt32(truncatingIfNeeded: output.count - start) == word(end + 4) else {
            throw InflateError(reason: "length check fails (damaged file)")
        }
        return end + 8
    }
}

/// CRC-32 (the polynomial 0xEDB88320, reflected) as gzip uses it.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for byte in bytes { c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}

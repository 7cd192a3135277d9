import LabText
import CZlib

/// Why a gzip stream was refused. The phrase is the whole reason, ready
/// to follow a file's path in a `DataError`.
enum GzipError: Error, Equatable, CustomStringConvertible {
    /// The input stops inside a member (its data or trailer is cut off).
    case endsEarly
    /// A member's CRC-32 does not match its data.
    case crcFails
    /// A member's ISIZE field does not match its data.
    case lengthFails
    /// zlib found the stream malformed in another way; its own words (header, …).
    case damaged(String)
    /// zlib could not start, or ran out of memory.
    case couldNotStart
    case outOfMemory
    /// Another zlib status.
    case zlibStatus(Int32)
    /// The output grew past `limit` bytes; decompression stopped there.
    case tooLarge(limit: Int)

    var phrase: Phrase {
        switch self {
        case .endsEarly: return Phrase(.data(.gzipEndsEarly))
        case .crcFails: return Phrase(.data(.gzipCRC))
        case .lengthFails: return Phrase(.data(.gzipLength))
        case .damaged(let zlibSays): return Phrase(.data(.gzipDamaged), ["reason": .text(zlibSays)])
        case .couldNotStart: return Phrase(.data(.gzipCouldNotStart))
        case .outOfMemory: return Phrase(.data(.gzipOutOfMemory))
        case .zlibStatus(let status): return Phrase(.data(.gzipStatus), ["status": .integer(Int(status))])
        case .tooLarge(let limit): return Phrase(.data(.inflatesTooLarge), ["limit": .integer(limit >> 20)])
        }
    }

    var description: String { Language.english.render(phrase) }
}

/// Reads gzip files (RFC 1952) with the system's zlib, streaming into a buffer
/// that may never grow past a cap: a decompression bomb is stopped as soon as
/// its output passes the cap, and nothing is allocated from the untrusted
/// ISIZE field. zlib checks every member's CRC-32 and ISIZE.
enum Gzip {
    /// The most a data file may inflate to: 64 MiB, about seven times the
    /// largest shipped file inflated (mnist_5k.csv.gz, 9.1 MB).
    static let outputLimit = 64 << 20

    /// Output is produced in pieces of this size, checked against the cap after each.
    static let chunkSize = 1 << 16

    /// True when the bytes start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of every member, concatenated, as `gzip -d`
    /// gives them; bytes after the last member that do not start another
    /// member are ignored, as gzip ignores them. Throws `GzipError`.
    static func decompress(_ bytes: [UInt8], limit: Int = outputLimit) throws -> [UInt8] {
        var stream = z_stream()
        guard rnn_inflate_init_gzip(&stream) == Z_OK else { throw GzipError.couldNotStart }
        defer { inflateEnd(&stream) }
        // Pieces of output, joined once the whole stream is read: nothing is sized
        // from the untrusted ISIZE field, and a bomb never holds more than the cap.
        var pieces: [[UInt8]] = []
        var total = 0
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try bytes.withUnsafeBufferPointer { input in
            var fed = 0  // input bytes handed to zlib so far
            while true {
                if stream.avail_in == 0 && fed < input.count {
                    let n = min(input.count - fed, 1 << 30)
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + fed)
                    stream.avail_in = UInt32(n)
                    fed += n
                }
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard total + produced <= limit else { throw GzipError.tooLarge(limit: limit) }
                if produced > 0 {
                    pieces.append(Array(chunk[0..<produced]))
                    total += produced
                }
                let inputLeft = input.count - fed + Int(stream.avail_in)
                switch status {
                case Z_STREAM_END:
                    let next = input.count - inputLeft
                    guard inputLeft >= 2, input[next] == 0x1F, input[next + 1] == 0x8B else { return }
                    inflateReset(&stream)  // another member follows
                case Z_OK, Z_BUF_ERROR:
                    // No progress with all input given: the member is cut off.
                    if inputLeft == 0 && produced == 0 { throw GzipError.endsEarly }
                case Z_DATA_ERROR:
                    throw reason(stream.msg)
                case Z_MEM_ERROR:
                    throw GzipError.outOfMemory
                default:
                    throw GzipError.zlibStatus(status)
                }
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(total)
        for piece in pieces { output += piece }
        return output
    }

    /// zlib's message, typed for the two trailer checks the lab explains.
    private static func reason(_ message: UnsafePointer<CChar>?) -> GzipError {
        let text = message.map { String(cString: $0) } ?? "invalid compressed data"
        switch text {
        case "incorrect data check": return .crcFails
        case "incorrect length check": return .lengthFails
        default: return .damaged(text)
        }
    }
}

import CZlib
import Foundation
import Testing
@testable import RNNLab

/// The zlib-backed gzip reader against files made by the system's `gzip`, and
/// against damaged, lying and explosive input.
@Suite struct GzipTests {
    static let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Compresses with `gzip -<level>` and returns the compressed bytes.
    func gzipped(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        let folder = DataFixture.temporaryFolder()
        let file = folder.appendingPathComponent("data")
        try Data(bytes).write(to: file)
        return [UInt8](try DataFixture.run(Self.gzip!, ["-\(level)", "-c", "-n", file.path]))
    }

    /// Some lines of numbers, gzipped by zlib (so the test needs no gzip program).
    func sample() throws -> (plain: [UInt8], packed: [UInt8]) {
        var text: [UInt8] = []
        for i in 0..<5000 { text += Array("\(i),\(i * i)\n".utf8) }
        return (text, try GzipBomb.member(text))
    }

    @Test(.enabled(if: gzip != nil)) func roundTripsStoredFixedAndDynamicBlocks() throws {
        var rng = UInt64(12345)
        func next() -> UInt8 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return UInt8(rng >> 56) }
        let random = (0..<200_000).map { _ in next() }  // incompressible: stored blocks
        let short = Array("hello, hello, hello world".utf8)  // short: fixed Huffman codes
        var text: [UInt8] = []  // long and repetitive: dynamic codes and long matches
        for i in 0..<20_000 { text += Array("line \(i % 97), value \(i * 7 % 13)\n".utf8) }
        let runs = [UInt8](repeating: 65, count: 100_000)  // overlapping copies (distance 1)
        for (name, input) in [("random", random), ("short", short), ("text", text), ("runs", runs), ("empty", [])] {
            for level in [1, 9] {
                let out = try Gzip.decompress(try gzipped(input, level: level))
                #expect(out == input, "\(name) at level \(level)")
            }
        }
    }

    @Test(.enabled(if: gzip != nil)) func concatenatedMembersAreJoinedAsGzipDoes() throws {
        let a = Array("first member\n".utf8), b = Array("second member\n".utf8)
        #expect(try Gzip.decompress(try gzipped(a) + gzipped(b)) == a + b)
        // Bytes after the last member that do not start a member are ignored, as `gzip -d` ignores them.
        #expect(try Gzip.decompress(try gzipped(a) + [0, 0, 0, 0]) == a)
        // A second member that is cut off is refused.
        let cut = try gzipped(b)
        #expect(throws: GzipError.endsEarly) { try Gzip.decompress(try gzipped(a) + cut.prefix(cut.count - 3)) }
    }

    @Test(.enabled(if: gzip != nil)) func shippedFilesMatchGzip() throws {
        for name in ["digits.csv.gz", "mnist_5k.csv.gz"] {
            let path = DataFixture.datasets.file(name)
            let expected = [UInt8](try DataFixture.run(Self.gzip!, ["-dc", path]))
            #expect(try DataFile(path: path).bytes == expected, "\(name)")
            // The cap leaves room: the largest shipped file inflates to well under it.
            #expect(expected.count * 7 < Gzip.outputLimit, "\(name)")
        }
    }

    @Test func damagedStreamsAreRefused() throws {
        let (_, good) = try sample()
        #expect(throws: GzipError.endsEarly) { try Gzip.decompress(Array(good.prefix(good.count / 2))) }
        #expect(throws: GzipError.endsEarly) { try Gzip.decompress(Array(good.prefix(good.count - 1))) }
        var badCRC = good
        badCRC[badCRC.count - 8] ^= 0xFF
        #expect(throws: GzipError.crcFails) { try Gzip.decompress(badCRC) }
        var badData = good
        badData[12] ^= 0xFF
        #expect(throws: (any Error).self) { try Gzip.decompress(badData) }
        #expect(GzipError.endsEarly.description == "damaged gzip file: it ends early")
    }

    @Test func anISIZEThatLiesIsRefusedAndNeverAllocatedFrom() throws {
        let (plain, good) = try sample()
        // One more than the real length.
        var lying = good
        let n = lying.count
        lying[n - 4] &+= 1
        #expect(throws: GzipError.lengthFails) {
            try Gzip.decompress(lying)
        }
        // Truncated data whose last four bytes claim 4 GiB − 1: refused as cut off, with
        // no allocation of that size (the old reader reserved it from these bytes).
        let claim = Array(good.prefix(good.count / 2)) + [0xFF, 0xFF, 0xFF, 0xFF]
        #expect(throws: GzipError.endsEarly) { try Gzip.decompress(claim) }
        // The honest stream still reads.
        #expect(try Gzip.decompress(good) == plain)
    }

    @Test func theCapCountsEveryMember() throws {
        let piece = [UInt8](repeating: 7, count: 600_000)
        let two = try GzipBomb.member(piece) + GzipBomb.member(piece)
        #expect(throws: GzipError.tooLarge(limit: 1 << 20)) { try Gzip.decompress(two, limit: 1 << 20) }
        #expect(try Gzip.decompress(two, limit: 2 << 20) == piece + piece)
        // Exactly at the cap is allowed; one byte past it is not.
        let exact = try GzipBomb.member([UInt8](repeating: 1, count: 1 << 20))
        #expect(try Gzip.decompress(exact, limit: 1 << 20).count == 1 << 20)
        #expect(throws: GzipError.tooLarge(limit: (1 << 20) - 1)) { try Gzip.decompress(exact, limit: (1 << 20) - 1) }
    }

    @Test func theBombBuilderMakesAValidGzipFile() throws {
        // Small enough to inflate: 5 MiB of zeros, checked by our reader (CRC and ISIZE) and by gzip.
        let bomb = try GzipBomb.zeros(mebibytes: 5)
        #expect(try Gzip.decompress(bomb) == [UInt8](repeating: 0, count: 5 << 20))
        if let gzip = Self.gzip {
            let file = DataFixture.temporaryFolder().appendingPathComponent("zeros.gz")
            try Data(bomb).write(to: file)
            #expect(try DataFixture.run(gzip, ["-dc", file.path]).count == 5 << 20)
        }
    }

    /// D6 (d): a 3 GiB gzip bomb is refused as soon as the output passes the cap,
    /// without inflating the rest, and memory stays bounded.
    @Test func aThreeGiBBombIsRefusedAtTheCap() throws {
        let bomb = try GzipBomb.zeros(mebibytes: 3 << 10)
        #expect(bomb.count < 4 << 20)  // a few MB of compressed data
        let folder = DataFixture.temporaryFolder()
        let path = folder.appendingPathComponent("digits.csv.gz").path
        try Data(bomb).write(to: URL(fileURLWithPath: path))
        let before = GzipBomb.peakResidentBytes()
        let error = DataFixture.dataError { _ = try TaskCatalog.make("digits", dataDirectory: DataDirectory(path: folder.path)) }
        #expect(error?.path == path)
        #expect(error?.reason.hasPrefix("inflates past the 64 MiB limit for a data file") == true)
        // 3 GiB of output would raise the peak by 3 GiB; the cap keeps it near 64 MiB.
        #expect(GzipBomb.peakResidentBytes() - before < 1 << 30)
    }

    /// D6 (d): the shipped digits file cut in half is refused with its path.
    @Test func aTruncatedShippedFileIsRefusedWithItsPath() throws {
        let folder = DataFixture.temporaryFolder()
        let whole = try Data(contentsOf: URL(fileURLWithPath: DataFixture.datasets.file("digits.csv.gz")))
        let path = folder.appendingPathComponent("digits.csv.gz").path
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(DataFixture.dataError { _ = try TaskCatalog.make("digits", dataDirectory: DataDirectory(path: folder.path)) }
                == DataError(path: path, reason: "damaged gzip file: it ends early"))
        // A `.gz` that is not gzip is refused with its path.
        let plain = DataFixture.write("0,1,2\n", to: "plain.csv.gz")
        #expect(DataFixture.dataError { _ = try DataFile(path: plain) }
                == DataError(path: plain, reason: "not a gzip file (no gzip magic number)"))
    }

    @Test func onlyRegularFilesUnderTheCapAreRead() throws {
        let folder = DataFixture.temporaryFolder()
        let fifo = folder.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(DataFixture.dataError { _ = try DataFile(path: fifo) } == DataError(path: fifo, reason: "is not a regular file"))
        #expect(DataFixture.dataError { _ = try DataFile(path: folder.path) }
                == DataError(path: folder.path, reason: "is a folder, not a file"))
        // A sparse file of 65 MiB: refused from its size, before it is read.
        let big = folder.appendingPathComponent("big.csv").path
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(65 << 20)) == 0)
        #expect(DataFixture.dataError { _ = try DataFile(path: big) }
                == DataError(path: big, reason: "is 65 MiB, over the 64 MiB limit for a data file"))
    }
}

/// Crafted gzip input for the tests, built with zlib's deflate.
enum GzipBomb {
    /// One gzip member holding `bytes`, compressed at level 9.
    static func member(_ bytes: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard rnn_deflate_init_gzip(&stream, 9) == Z_OK else { throw TaskError("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: bytes.count + bytes.count / 100 + 1024)
        let status = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o -> Int32 in
                stream.next_in = i.baseAddress
                stream.avail_in = UInt32(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw TaskError("deflate returned \(status)") }
        return Array(out[0..<(out.count - Int(stream.avail_out))])
    }

    /// A valid gzip file of `mebibytes` MiB of zeros, made without compressing
    /// them all: a full flush resets deflate's state, so every MiB after the
    /// first compresses to the same block (about 1 KB), which is repeated. The
    /// trailer's CRC-32 is combined from the CRC of one MiB.
    static func zeros(mebibytes: Int) throws -> [UInt8] {
        precondition(mebibytes >= 3)
        var stream = z_stream()
        guard rnn_deflate_init_raw(&stream, 9) == Z_OK else { throw TaskError("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var mebibyte = [UInt8](repeating: 0, count: 1 << 20)
        func step(_ flush: Int32, input: Bool) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 1 << 16)
            mebibyte.withUnsafeMutableBufferPointer { i in
                out.withUnsafeMutableBufferPointer { o in
                    stream.next_in = input ? i.baseAddress : nil
                    stream.avail_in = input ? UInt32(i.count) : 0
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    _ = deflate(&stream, flush)
                }
            }
            return Array(out[0..<(out.count - Int(stream.avail_out))])
        }
        let first = step(Z_FULL_FLUSH, input: true)
        let block = step(Z_FULL_FLUSH, input: true)
        guard step(Z_FULL_FLUSH, input: true) == block else { throw TaskError("deflate blocks differ") }
        var bytes: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 3]  // gzip header: deflate, no name, level 9, Unix
        bytes.reserveCapacity(first.count + block.count * mebibytes + 64)
        bytes += first
        for _ in 1..<mebibytes { bytes += block }
        bytes += step(Z_FINISH, input: false)
        let one = mebibyte.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        var crc: UInt = 0
        for _ in 0..<mebibytes { crc = crc32_combine(crc, one, off_t(1 << 20)) }
        let size = UInt32(truncatingIfNeeded: mebibytes << 20)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: UInt32(crc) >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return bytes
    }

    /// The process's peak resident set size so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

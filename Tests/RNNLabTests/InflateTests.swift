import Foundation
import Testing
@testable import RNNLab

/// Our DEFLATE decoder against files made by the system's `gzip`.
@Suite struct InflateTests {
    static let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Compresses with `gzip -<level>` and returns the compressed bytes.
    func gzipped(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        let folder = DataFixture.temporaryFolder()
        let file = folder.appendingPathComponent("data")
        try Data(bytes).write(to: file)
        return [UInt8](try DataFixture.run(Self.gzip!, ["-\(level)", "-c", "-n", file.path]))
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

    @Test(.enabled(if: gzip != nil)) func concatenatedMembersAreJoined() throws {
        let a = Array("first member\n".utf8), b = Array("second member\n".utf8)
        #expect(try Gzip.decompress(try gzipped(a) + gzipped(b)) == a + b)
    }

    @Test(.enabled(if: gzip != nil)) func shippedDigitsMatchGzip() throws {
        let path = DataFixture.datasets.file("digits.csv.gz")
        let expected = [UInt8](try DataFixture.run(Self.gzip!, ["-dc", path]))
        #expect(try DataFile(path: path).bytes == expected)
    }

    @Test(.enabled(if: gzip != nil)) func damagedFilesAreRefused() throws {
        var text: [UInt8] = []
        for i in 0..<5000 { text += Array("\(i),\(i * i)\n".utf8) }
        let good = try gzipped(text)
        // Truncated: the end of the stream and the trailer are missing.
        #expect(throws: InflateError.self) { try Gzip.decompress(Array(good.prefix(good.count / 2))) }
        // Trailer CRC changed.
        var badCRC = good
        badCRC[badCRC.count - 8] ^= 0xFF
        #expect(throws: InflateError.self) { try Gzip.decompress(badCRC) }
        // A `.gz` that is not gzip is refused with its path.
        let path = DataFixture.write("0,1,2\n", to: "plain.csv.gz")
        #expect(DataFixture.dataError { _ = try DataFile(path: path) }?.reason == "not a gzip file (no gzip magic number)")
        // A truncated gzip file on disk is refused with its path.
        let cut = DataFixture.temporaryFolder().appendingPathComponent("cut.csv.gz")
        try Data(good.prefix(good.count - 20)).write(to: cut)
        let error = DataFixture.dataError { _ = try DataFile(path: cut.path) }
        #expect(error?.path == cut.path)
        #expect(error?.reason.hasPrefix("damaged gzip file") == true)
    }
}

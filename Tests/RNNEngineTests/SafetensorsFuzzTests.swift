import Foundation
import Testing
@testable import RNNEngine

/// The reader must never crash: any byte string either parses or throws a
/// `SafetensorsError`. Seeded, so a failure reproduces.
@Suite struct SafetensorsFuzzTests {
    /// What came of decoding one input.
    struct Tally { var parsed = 0, refused = 0 }

    /// Decodes `bytes`; when it parses, the result must survive a re-encode.
    static func check(_ bytes: [UInt8], _ tally: inout Tally) {
        do {
            let file = try SafetensorsFile.decode(bytes)
            tally.parsed += 1
            let again = try SafetensorsFile.decode(try file.encode())
            #expect(again == file, "re-encoding changed \(bytes)")
        } catch {
            tally.refused += 1
            #expect(!"\(error)".isEmpty)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(seed: 2024)
        var tally = Tally()
        for _ in 0..<3000 {
            let count = Int(rng.next() % 48)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if count >= 8, rng.next() % 2 == 0 {
                // A plausible header length, so the JSON parser sees the rest.
                let n = UInt64(rng.next() % UInt64(count - 7))
                withUnsafeBytes(of: n.littleEndian) { bytes.replaceSubrange(0..<8, with: $0) }
            }
            Self.check(bytes, &tally)
        }
        #expect(tally.refused > 0)
    }

    @Test func mutatedValidFiles() throws {
        var rng = SplitMix64(seed: 7)
        let seeds: [[UInt8]] = [
            [UInt8](try SafetensorsRoundTripTests.sampleFile().encode()),
            [UInt8](try SafetensorsFile(tensors: ["a": .float(.scalar(1))], metadata: ["k": "v"]).encode()),
            [UInt8](try SafetensorsFile().encode()),
        ]
        // Bytes that steer the JSON parser into its less travelled paths.
        let jsonish = Array(#"{}[]",:0123456789-+.eE \u\"tfn"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        var tally = Tally()
        for i in 0..<6000 {
            var bytes = seeds[i % seeds.count]
            let headerEnd = min(bytes.count, 8 + Int(bytes[0]) + Int(bytes[1]) << 8)
            switch rng.next() % 6 {
            case 0:  // flip a few bits anywhere
                for _ in 0...(rng.next() % 4) {
                    bytes[Int(rng.next() % UInt64(bytes.count))] ^= 1 << (rng.next() % 8)
                }
            case 1:  // replace a few header bytes with JSON punctuation
                for _ in 0...(rng.next() % 3) where headerEnd > 8 {
                    bytes[8 + Int(rng.next() % UInt64(headerEnd - 8))] = jsonish[Int(rng.next() % UInt64(jsonish.count))]
                }
            case 2:  // truncate
                bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1))))
            case 3:  // extend with random bytes
                bytes += (0..<(1 + rng.next() % 16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case 4:  // delete or duplicate a span inside the header
                guard headerEnd > 9 else { break }
                let start = 8 + Int(rng.next() % UInt64(headerEnd - 8))
                let end = min(headerEnd, start + 1 + Int(rng.next() % 6))
                if rng.next() % 2 == 0 { bytes.removeSubrange(start..<end) } else { bytes.insert(contentsOf: bytes[start..<end], at: start) }
            default:  // change a digit inside the header (shapes and offsets)
                let digits = (8..<headerEnd).filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
                if !digits.isEmpty { bytes[digits[Int(rng.next() % UInt64(digits.count))]] = 0x30 + UInt8(rng.next() % 10) }
            }
            Self.check(bytes, &tally)
        }
        #expect(tally.parsed > 0 && tally.refused > 0)
    }
}

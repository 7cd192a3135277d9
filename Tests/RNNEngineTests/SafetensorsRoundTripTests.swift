import Foundation
import Testing
@testable import RNNEngine

/// Writing then reading gives back the same tensors, bit for bit, and the bytes
/// are laid out as the reference writer lays them out.
@Suite struct SafetensorsRoundTripTests {
    /// F32, F64 and I64 tensors, including rank 0, zero-sized, NaN and infinities.
    static func sampleFile() -> SafetensorsFile {
        var rng = SplitMix64(seed: 42)
        var specials = Tensor(zeros: [4])
        for (i, v) in [Double.nan, .infinity, -.infinity, -0.0].enumerated() { specials[flat: i] = v }
        return SafetensorsFile(tensors: [
            "weight_ih_l0": .float(.normal([8, 3], rng: &rng)),
            "weight_hh_l0": .float(.normal([8, 2], rng: &rng)),
            "bias_ih_l0": .float(.normal([8], rng: &rng)),
            "double": .float(.normal([2, 3], rng: &rng, dtype: .float64)),
            "scalar32": .float(.scalar(0.25)),
            "scalar64": .float(.scalar(-1.5, dtype: .float64)),
            "empty": .float(Tensor(zeros: [0, 5])),
            "empty64": .float(Tensor(zeros: [3, 0], dtype: .float64)),
            "specials": .float(specials),
            "step": .int64(shape: [], values: [Int64.max]),
            "ids": .int64(shape: [2, 2], values: [Int64.min, -1, 0, 1 << 53 + 1]),
            "no_ids": .int64(shape: [0], values: []),
        ], metadata: ["format": "pt", "note": "ünïcode \"quoted\"\n\u{1}"])
    }

    @Test func roundTripInMemory() throws {
        let file = Self.sampleFile()
        let decoded = try SafetensorsFile.decode(try file.encode())
        #expect(decoded == file)
        #expect(decoded.tensors["scalar64"]?.shape == [])
        #expect(decoded.tensors["empty"]?.shape == [0, 5])
        #expect(decoded.tensors["double"]?.floatTensor?.dtype == .float64)
    }

    @Test func roundTripThroughDisk() throws {
        let dir = try safetensorsTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("model.safetensors")
        let file = Self.sampleFile()
        try file.encode().write(to: url)
        #expect(try SafetensorsFile.read(from: url) == file)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["model.safetensors"])
    }

    @Test func stateDictRoundTrip() throws {
        let dir = try safetensorsTestDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("lstm.safetensors")
        var rng = SplitMix64(seed: 3)
        let dict = ["weight_ih_l0": Tensor.normal([12, 4], rng: &rng), "bias_hh_l0": .normal([12], rng: &rng)]
        try SafetensorsFile(stateDict: dict).encode().write(to: url)
        #expect(try SafetensorsFile.readStateDict(from: url) == dict)
        #expect(try SafetensorsFile.read(from: url).metadata.isEmpty)
    }

    @Test func stateDictRefusesIntegerTensors() {
        let file = SafetensorsFile(tensors: ["step": .int64(shape: [], values: [3])])
        #expect(throws: SafetensorsError.notAFloatTensor(tensor: "step", dtype: "I64")) { try file.stateDict() }
    }

    /// The exact bytes of a small file, checked by hand against the format.
    @Test func layoutOfASmallFile() throws {
        let file = SafetensorsFile(tensors: [
            "b": .float(Tensor(shape: [1], scalars: [1])),
            "a": .float(Tensor(shape: [1], scalars: [2])),
            "n": .int64(shape: [], values: [5]),
        ])
        let bytes = [UInt8](try file.encode())
        let header = #"{"n":{"dtype":"I64","shape":[],"data_offsets":[0,8]},"#
            + #""a":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},"#
            + #""b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}}"#
        let padded = header + String(repeating: " ", count: (8 - header.utf8.count % 8) % 8)
        #expect(padded.utf8.count % 8 == 0)
        var expected = withUnsafeBytes(of: UInt64(padded.utf8.count).littleEndian) { Array($0) }
        expected += Array(padded.utf8)
        expected += [5, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0x3F]
        #expect(bytes == expected)
    }

    @Test func emptyFileMatchesTheReference() throws {
        // The reference serializes an empty dict as {} padded to 8 bytes.
        #expect([UInt8](try SafetensorsFile().encode()) == [8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32])
        #expect(try SafetensorsFile.decode([8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32]) == SafetensorsFile())
    }

    @Test func everyTensorIsAlignedToItsElementSize() throws {
        var rng = SplitMix64(seed: 9)
        let file = SafetensorsFile(tensors: [
            "odd": .float(.normal([3], rng: &rng)),
            "wide": .float(.normal([3], rng: &rng, dtype: .float64)),
            "ids": .int64(shape: [1], values: [7]),
        ], metadata: ["k": "v"])
        let bytes = [UInt8](try file.encode())
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(headerLength % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"k":"v"},"ids":"#))
        #expect(header.contains(#""wide":{"dtype":"F64","shape":[3],"data_offsets":[8,32]}"#))
        #expect(header.contains(#""odd":{"dtype":"F32","shape":[3],"data_offsets":[32,44]}"#))
    }

    @Test func writerRefusesTheReservedName() {
        let file = SafetensorsFile(tensors: ["__metadata__": .float(.scalar(1))])
        #expect(throws: SafetensorsError.reservedName("__metadata__")) { try file.encode() }
    }

    @Test func writerRefusesIntegerValuesThatDoNotFillTheShape() {
        let file = SafetensorsFile(tensors: ["ids": .int64(shape: [2, 2], values: [1, 2, 3])])
        #expect(throws: SafetensorsError.valueCountMismatch(tensor: "ids", shape: [2, 2], count: 3)) {
            try file.encode()
        }
    }

    @Test func errorMessagesNameTheTensorAndTheNumbers() {
        let e = SafetensorsError.byteCountMismatch(tensor: "weight_ih_l0", dtype: "F32", shape: [4, 3],
                                                   expected: 48, actual: 44)
        #expect(e.description.contains("weight_ih_l0"))
        #expect(e.description.contains("[4, 3]") && e.description.contains("48") && e.description.contains("44"))
    }
}

/// A fresh empty directory under the system's temporary directory.
func safetensorsTestDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("rnnengine-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

import Foundation
import Testing
@testable import RNNEngine

/// Reads a file written by PyTorch (`safetensors.torch.save_file`), made by
/// `Tests/scripts/make_safetensors_fixture.py --seed 7 --out
/// Tests/RNNEngineTests/Fixtures/safetensors`, and checks every value against
/// the sidecar the script wrote next to it.
///
/// To re-check by hand that PyTorch reads our files, run these tests with
/// `SAFETENSORS_EXPORT_DIR=/some/dir`; they then also write `ours.safetensors`
/// (the fixture re-encoded by us) there, and
/// `make_safetensors_fixture.py --check /some/dir/ours.safetensors --expected
/// Tests/RNNEngineTests/Fixtures/safetensors/pytorch_expected.json` loads it
/// with `load_file` and compares.
@Suite struct SafetensorsPyTorchFixtureTests {
    struct Expected: Decodable {
        struct Entry: Decodable {
            var dtype: String
            var shape: [Int]
            var values: [String]
        }
        var seed: Int
        var metadata: [String: String]
        var tensors: [String: Entry]
    }

    static func fixtureURL(_ name: String) throws -> URL {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1],
                                       subdirectory: "Fixtures/safetensors") {
            return url
        }
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures/safetensors/\(name)")
    }

    static func loadExpected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixtureURL("pytorch_expected.json")))
    }

    @Test func readsEveryTensorWithTheRightValues() throws {
        let expected = try Self.loadExpected()
        let file = try SafetensorsFile.read(from: try Self.fixtureURL("pytorch.safetensors"))
        #expect(file.metadata == expected.metadata)
        #expect(Set(file.tensors.keys) == Set(expected.tensors.keys))
        #expect(file.tensors.count == 11)
        for (name, want) in expected.tensors {
            let got = try #require(file.tensors[name], "missing \(name)")
            #expect(got.dtype.rawValue == want.dtype, "\(name)")
            #expect(got.shape == want.shape, "\(name)")
            switch got {
            case .int64(_, let values):
                #expect(values == want.values.map { Int64($0)! }, "\(name)")
            case .float(let t):
                let wantBits = want.values.map { Double($0)! }
                let gotValues = t.doubles
                #expect(gotValues.count == wantBits.count, "\(name)")
                for (g, w) in zip(gotValues, wantBits) {
                    // Bitwise equal, except that any NaN matches any NaN.
                    #expect(g.bitPattern == w.bitPattern || (g.isNaN && w.isNaN), "\(name): \(g) vs \(w)")
                }
            }
        }
        // Spot checks that do not rely on the sidecar.
        #expect(file.tensors["step"] == .int64(shape: [], values: [1 << 62 + 1]))
        #expect(file.tensors["empty"]?.shape == [0, 4])
        #expect(file.tensors["weight_ih_l0"]?.floatTensor?.dtype == .float32)
        #expect(file.tensors["head.weight"]?.floatTensor?.dtype == .float64)
    }

    /// Our writer follows the reference's layout, so re-encoding PyTorch's file
    /// reproduces it byte for byte.
    @Test func reEncodingGivesPyTorchsBytes() throws {
        let original = try Data(contentsOf: try Self.fixtureURL("pytorch.safetensors"))
        let file = try SafetensorsFile.decode(original)
        let ours = try file.encode()
        #expect(ours == original)

        if let dir = ProcessInfo.processInfo.environment["SAFETENSORS_EXPORT_DIR"] {
            try file.encode().write(to: URL(fileURLWithPath: dir).appendingPathComponent("ours.safetensors"))
            try SafetensorsRoundTripTests.sampleFile().encode()
                .write(to: URL(fileURLWithPath: dir).appendingPathComponent("sample.safetensors"))
        }
    }
}

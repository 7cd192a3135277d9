import Foundation
import Testing
import RNNEngine

/// Pins the fused recurrent kernel's results bit for bit: outputs, final states,
/// probes and every gradient of seeded configurations (every cell, float32 and
/// float64, two layers, both directions, padding, all three dropouts, given initial
/// states, probes on), as digests of their exact bit patterns, recorded from the
/// kernel before the readability refactor (issue 15). A refactor that changes one
/// bit of one number fails here and names the tensor.
///
/// The committed digests were computed by the unrefactored engine (commit 0560605's
/// `Sources/RNNEngine` compiled with -O together with `digests` below); the
/// refactored kernel reproduced every one. Re-record (only after a deliberate
/// change of results) with `RNNLAB_RECORD_SNAPSHOTS=1`.
@Suite struct RecurrentKernelPinTests {
    struct Case: CustomStringConvertible, Sendable {
        var kind: CellKind
        var dtype: DType
        var description: String { "\(kind.rawValue) \(dtype)" }
    }

    static let cases = CellKind.allCases.flatMap { k in [Case(kind: k, dtype: .float32), Case(kind: k, dtype: .float64)] }

    /// Runs the configuration and returns a digest per named result.
    static func digests(_ c: Case) -> [String: String] {
        let (B, T, I, H) = (3, 5, 3, 4)
        let options = RecurrentOptions(layers: 2, bidirectional: true, dropoutBetweenLayers: 0.3,
                                       inputDropout: 0.2, recurrentDropout: 0.4)
        var rng = SplitMix64(seed: 15)
        let layer = RecurrentLayer(c.kind, inputSize: I, hiddenSize: H, options: options, rng: &rng, dtype: c.dtype)
        layer.probeSample = 1
        func input(_ shape: [Int], _ seed: UInt64) -> Variable {
            var r = SplitMix64(seed: seed)
            return Variable(.normal(shape, std: 0.7, rng: &r, dtype: c.dtype), requiresGrad: true)
        }
        let x = input([B, T, I], 1), h0 = input([4, B, H], 2), c0 = input([4, B, H], 3)
        let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) }   // rows of 5, 4 and 3 real steps
        let out = layer(x, initialHidden: h0, initialCell: c.kind.hasCellState ? c0 : nil, mask: mask)
        var loss = weightedSum(out.output, seed: 7) + weightedSum(out.finalHidden, seed: 8)
        if let cell = out.finalCell { loss = loss + weightedSum(cell, seed: 9) }
        loss.backward()
        var results: [(String, [Double])] = [("output", out.output.value.doubles),
                                              ("finalHidden", out.finalHidden.value.doubles),
                                              ("x.grad", x.grad!.doubles), ("h0.grad", h0.grad!.doubles)]
        if let cell = out.finalCell { results += [("finalCell", cell.value.doubles), ("c0.grad", c0.grad!.doubles)] }
        for (name, p) in layer.namedParameters { results.append((name + ".grad", p.grad!.doubles)) }
        for (i, probe) in layer.probes.enumerated() {
            results += [("probe\(i).hidden", probe.hidden.doubles), ("probe\(i).gates", probe.gates.doubles),
                        ("probe\(i).cell", probe.cell.doubles), ("probe\(i).gradientNorms", probe.gradientNorms),
                        ("probe\(i).initial", [probe.initialStateGradientNorm])]
        }
        return Dictionary(uniqueKeysWithValues: results.map { ($0.0, digest($0.1)) })
    }

    /// FNV-1a over the bit patterns, with the count: equal digests mean equal bits.
    static func digest(_ values: [Double]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 { h = (h ^ (bits & 0xff)) &* 0x100000001b3; bits >>= 8 }
        }
        return "\(values.count):" + String(h, radix: 16)
    }

    static let path = "recurrent/kernel_pins.json"

    @Test func kernelResultsArePinnedBitForBit() throws {
        let now = Dictionary(uniqueKeysWithValues: Self.cases.map { ($0.description, Self.digests($0)) })
        if ProcessInfo.processInfo.environment["RNNLAB_RECORD_SNAPSHOTS"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(Self.path)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(now).write(to: source)
            return
        }
        let pinned = try loadFixture([String: [String: String]].self, Self.path)
        #expect(Set(pinned.keys) == Set(now.keys))
        for (name, results) in now {
            for (result, value) in results {
                #expect(pinned[name]?[result] == value, "\(name) \(result) changed")
            }
        }
    }
}

import Foundation
import Testing
import RNNEngine

/// Truncated BPTT (`gradientWindow` τ) against PyTorch, float64: the fixtures of
/// `Tests/scripts/make_truncated_fixtures.py --seed N --out DIR` (seeds 0 and 1
/// committed) build the truncated sum in PyTorch by rerunning the module on every
/// window from the detached state before it. All inputs, weights and loss weights
/// come from the files, so any seed must pass: set `RNNLAB_TRUNCATED_FIXTURES=DIR`
/// to run against a folder the script wrote instead of the committed ones.
@Suite struct TruncatedBPTTParityTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var kind: String
        var window: Int
        var directory = ""
        var description: String { "\(URL(fileURLWithPath: directory).lastPathComponent)/\(name)" }
        enum CodingKeys: String, CodingKey { case name, file, kind, window }
    }

    struct Index: Decodable { var cases: [Case] }

    static var directories: [URL] {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_TRUNCATED_FIXTURES"], !dir.isEmpty {
            return [URL(fileURLWithPath: dir, isDirectory: true)]
        }
        return ["seed0", "seed1"].map { fixture("truncated").appendingPathComponent($0) }
    }

    static var cases: [Case] {
        directories.flatMap { dir in
            let index = try! JSONDecoder().decode(Index.self, from: Data(contentsOf: dir.appendingPathComponent("cases.json")))
            return index.cases.map { var c = $0; c.directory = dir.path; return c }
        }
    }

    @Test(arguments: cases)
    func matchesPyTorch(_ c: Case) throws {
        let t = try SafetensorsFile.readStateDict(from: URL(fileURLWithPath: c.directory).appendingPathComponent(c.file))
        let kind = try #require(CellKind(rawValue: c.kind))
        let x = Variable(t["input"]!, requiresGrad: true)
        let (B, T, I) = (x.shape[0], x.shape[1], x.shape[2])
        let H = t["weight_hh_l0"]!.shape[1]
        var rng = SplitMix64(seed: 1)
        let layer = RecurrentLayer(kind, inputSize: I, hiddenSize: H, options: .init(gradientWindow: c.window),
                                   rng: &rng, dtype: .float64)
        try layer.loadStateDict(t.filter { $0.key.hasPrefix("weight_") || $0.key.hasPrefix("bias_") })
        let h0 = Variable(t["h0"]!, requiresGrad: true)
        let c0 = kind.hasCellState ? Variable(t["c0"]!, requiresGrad: true) : nil
        let out = layer(x, initialHidden: h0, initialCell: c0)
        var loss = (out.output * Variable(t["loss_w_output"]!)).sum()
        if let cell = out.finalCell { loss = loss + (cell * Variable(t["loss_w_c_n"]!)).sum() }
        loss.backward()
        var compared: [(String, Tensor?)] = [("grad.input", x.grad), ("grad.h0", h0.grad)]
        if let c0 { compared.append(("grad.c0", c0.grad)) }
        for (name, p) in layer.namedParameters { compared.append(("grad." + name, p.grad)) }
        #expect(compared.count == t.keys.filter { $0.hasPrefix("grad.") }.count)
        for (name, ours) in compared {
            let theirs = try #require(t[name], "\(c): no \(name)")
            let d = maxRelativeDifference(try #require(ours, "\(c): no gradient for \(name)").doubles, theirs.doubles)
            #expect(d < 1e-10, "\(c) \(name): \(d)")
        }
        // With τ < T the truncated gradient differs from full BPTT's: the fixture has teeth.
        #expect(c.window < T && B > 0)
        layer.zeroGrad()
        layer.gradientWindow = nil
        let full = layer(x, initialHidden: h0, initialCell: c0)
        var fullLoss = (full.output * Variable(t["loss_w_output"]!)).sum()
        if let cell = full.finalCell { fullLoss = fullLoss + (cell * Variable(t["loss_w_c_n"]!)).sum() }
        fullLoss.backward()
        let whh = try #require(t["grad.weight_hh_l0"])
        #expect(maxRelativeDifference(layer.weights[0].weightHH.grad!.doubles, whh.doubles) > 1e-6)
    }
}

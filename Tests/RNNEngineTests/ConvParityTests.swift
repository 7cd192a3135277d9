import Foundation
import Testing
import RNNEngine

/// Conv1d, pooling, global masked pooling, per-position dense, embeddings and
/// the RCNN context concatenation against PyTorch: outputs and the gradient of
/// a fixed weighted-sum loss with respect to every input and parameter.
///
/// The numbers come from `Tests/scripts/make_conv_fixtures.py --seed N --out
/// Tests/RNNEngineTests/Fixtures/conv/seedN` (seeds 0 and 1 committed; PyTorch,
/// float64). Every input, weight and loss weight is read from the files and the
/// cases are whatever each `cases.json` lists, so a folder written with any other
/// seed must pass too: set `RNNLAB_CONV_FIXTURES=/some/dir` to run against it.
///
/// Error per tensor: max_i |a_i − b_i| / max(max_i |b_i|, 1e-12), b PyTorch's;
/// a shape mismatch or a gradient PyTorch wrote but we did not compute counts as
/// infinite. Bounds: 1e-9 in float64, 1e-4 in float32.
@Suite struct ConvParityTests {
    struct Case: Decodable, Sendable {
        var name: String
        var file: String
        var op: String
        var kernel: Int?
        var stride: Int?
        var dilation: Int?
        var padding: String?
        var bias: Bool?
        var size: Int?
        var vocab: Int?
        var dim: Int?
        var padding_idx: Int?
    }

    struct StateDictCase: Decodable, Sendable {
        var file: String
        var io: String
        var input_channels: Int
        var output_channels: Int
        var kernel: Int
        var padding: String
    }

    struct Index: Decodable, Sendable {
        var seed: Int
        var cases: [Case]
        var state_dict: StateDictCase
    }

    /// One case of one fixture folder.
    struct Located: Sendable, CustomStringConvertible {
        var directory: URL
        var seed: Int
        var c: Case
        var description: String { "seed \(seed) \(c.name)" }
    }

    struct MissingTensor: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture has no tensor \"\(name)\"" }
    }

    /// The committed seed folders, or the one folder named by `RNNLAB_CONV_FIXTURES`.
    static let directories: [URL] = {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_CONV_FIXTURES"], !dir.isEmpty {
            return [URL(fileURLWithPath: dir, isDirectory: true)]
        }
        return [fixture("conv/seed0"), fixture("conv/seed1")]
    }()

    static let indices: [(URL, Index)] = directories.map { dir in
        (dir, try! JSONDecoder().decode(Index.self, from: Data(contentsOf: dir.appendingPathComponent("cases.json"))))
    }

    static let cases: [Located] = indices.flatMap { dir, index in
        index.cases.map { Located(directory: dir, seed: index.seed, c: $0) }
    }

    /// The recurrent suite's measure; a missing tensor counts as infinite.
    static func relativeError(_ a: Tensor?, _ b: Tensor) -> Double {
        a.map { RecurrentParityTests.relativeError($0, b) } ?? .infinity
    }

    /// B·T flags from a (B, T) 0/1 tensor.
    static func flags(_ t: Tensor) -> [Bool] { t.doubles.map { $0 != 0 } }

    /// Runs one case in `dtype`; the error of every compared tensor by name.
    static func errors(_ l: Located, dtype: DType, tamper: (String, Variable) -> Void = { _, _ in })
        throws -> [(name: String, error: Double)] {
        let c = l.c
        let t = try SafetensorsFile.readStateDict(from: l.directory.appendingPathComponent(c.file))
        func get(_ name: String) throws -> Tensor {
            guard let v = t[name] else { throw MissingTensor(name: "\(c.file): \(name)") }
            return v
        }
        func input(_ name: String) throws -> Variable {
            Variable(try get(name).converted(to: dtype), requiresGrad: true, name: name)
        }
        var rng = SplitMix64(seed: 3)
        var leaves: [String: Variable] = [:]
        let out: Variable
        switch c.op {
        case "conv1d":
            let x = try input("input")
            let w = try get("weight")
            let conv = try Conv1d(w.shape[1], w.shape[0], kernelSize: c.kernel!, stride: c.stride!,
                                  dilation: c.dilation!, padding: try #require(Conv1dPadding(rawValue: c.padding!)),
                                  bias: c.bias!, rng: &rng, dtype: dtype)
            try conv.loadStateDict(t.filter { $0.key == "weight" || $0.key == "bias" })
            leaves = ["input": x]
            for (n, p) in conv.namedParameters { leaves[n] = p }
            for (n, v) in leaves { tamper(n, v) }
            out = conv(x)
        case "maxpool1d", "avgpool1d":
            let x = try input("input")
            leaves = ["input": x]
            tamper("input", x)
            out = c.op == "maxpool1d" ? x.maxPool1d(size: c.size!, stride: c.stride!)
                                      : x.avgPool1d(size: c.size!, stride: c.stride!)
        case "global_max", "global_mean":
            let x = try input("input")
            leaves = ["input": x]
            tamper("input", x)
            let mask = flags(try get("mask"))
            out = c.op == "global_max" ? x.globalMaxOverTime(mask: mask) : x.globalMeanOverTime(mask: mask)
        case "dense":
            let x = try input("input")
            let w = try get("weight")
            let dense = Linear(w.shape[1], w.shape[0], rng: &rng, dtype: dtype)
            try dense.loadStateDict(t.filter { $0.key == "weight" || $0.key == "bias" })
            leaves = ["input": x, "weight": dense.weight, "bias": dense.bias!]
            for (n, v) in leaves { tamper(n, v) }
            out = dense(x)
        case "embedding":
            let ids = try get("ids")
            let emb = Embedding(c.vocab!, c.dim!, paddingIndex: c.padding_idx, rng: &rng, dtype: dtype)
            try emb.loadStateDict(["weight": try get("weight")])
            leaves = ["weight": emb.weight]
            for (n, v) in leaves { tamper(n, v) }
            out = emb(ids.doubles.map { Int($0) }, shape: ids.shape)
        case "rcnn_context":
            for n in ["forward", "embedded", "backward", "initial_left", "initial_right"] { leaves[n] = try input(n) }
            for (n, v) in leaves { tamper(n, v) }
            out = Variable.rcnnContext(forward: leaves["forward"]!, embedded: leaves["embedded"]!,
                                       backward: leaves["backward"]!, initialLeft: leaves["initial_left"]!,
                                       initialRight: leaves["initial_right"]!, mask: flags(try get("mask")))
        default:
            Issue.record("unknown op \(c.op) in \(c.file)")
            return [("op", .infinity)]
        }
        let lossWeight = try get("loss_w")
        let loss = (out * Variable(lossWeight.converted(to: dtype))).sum()
        loss.backward()

        var result: [(String, Double)] = [("output", relativeError(out.value, try get("output")))]
        for (name, v) in leaves.sorted(by: { $0.key < $1.key }) {
            // A leaf PyTorch gives no gradient (none here) would have no grad.<name>.
            guard let theirs = t["grad." + name] else { result.append(("grad." + name + " missing", .infinity)); continue }
            result.append(("grad." + name, relativeError(v.grad ?? Tensor(zeros: v.shape, dtype: dtype), theirs)))
        }
        let compared = Set(result.map(\.0))
        for k in t.keys.sorted() where k.hasPrefix("grad.") && !compared.contains(k) { result.append((k, .infinity)) }
        // Measured against Σ|output ⊙ loss_w| since the terms have both signs.
        let magnitude = zip(try get("output").doubles, lossWeight.doubles).reduce(0) { $0 + abs($1.0 * $1.1) }
        let lossError = abs(loss.value.item - (try get("loss")).item) / max(magnitude, 1e-12)
        return result + [("loss", lossError.isNaN ? .infinity : lossError)]
    }

    static func describe(_ errors: [(name: String, error: Double)]) -> String {
        errors.map { "\($0.name) \($0.error)" }.joined(separator: ", ")
    }

    /// Every padding mode with strides and dilations, all pool kinds, masked
    /// global pooling, dense, embedding (with and without padding_idx) and RCNN.
    @Test func fixturesCoverEveryConfiguration() {
        for (_, index) in Self.indices {
            let convs = index.cases.filter { $0.op == "conv1d" }
            for padding in Conv1dPadding.allCases {
                let mine = convs.filter { $0.padding == padding.rawValue }
                #expect(mine.contains { $0.dilation! > 1 }, "seed \(index.seed): no dilated \(padding) case")
                if padding != .same { #expect(mine.contains { $0.stride! > 1 }, "seed \(index.seed): no strided \(padding) case") }
            }
            #expect(convs.contains { $0.padding == "same" && ($0.kernel! - 1) * $0.dilation! % 2 == 1 },
                    "seed \(index.seed): no same case with an odd total padding")
            for op in ["maxpool1d", "avgpool1d", "global_max", "global_mean", "dense", "embedding", "rcnn_context"] {
                #expect(index.cases.contains { $0.op == op }, "seed \(index.seed): no \(op) case")
            }
            #expect(index.cases.contains { $0.padding_idx != nil })
        }
        #expect(Self.cases.count >= 2 * 20 || Self.directories.count == 1)
    }

    @Test(arguments: cases)
    func float64MatchesPyTorch(_ l: Located) throws {
        let errors = try Self.errors(l, dtype: .float64)
        #expect((errors.map(\.error).max() ?? .infinity) <= 1e-9, "\(l) float64: \(Self.describe(errors))")
        #expect(errors.count >= 3, "\(l): too few tensors compared")
    }

    @Test(arguments: cases)
    func float32MatchesPyTorch(_ l: Located) throws {
        let errors = try Self.errors(l, dtype: .float32)
        #expect((errors.map(\.error).max() ?? .infinity) <= 1e-4, "\(l) float32: \(Self.describe(errors))")
    }

    /// Not vacuous: a 1e-3 nudge of one element of the first leaf breaks the match.
    @Test(arguments: cases)
    func aPerturbedInputFails(_ l: Located) throws {
        let target = l.c.op == "embedding" ? "weight" : (l.c.op == "rcnn_context" ? "embedded" : "input")
        let errors = try Self.errors(l, dtype: .float64) { name, v in
            if name == target { v.value[flat: 0] += 1e-3 }
        }
        // Pools may drop element 0's change (a max it does not win); the output of
        // the others, or a gradient, must move.
        if l.c.op.hasPrefix("max") || l.c.op == "global_max" { return }
        #expect((errors.map(\.error).max() ?? 0) > 1e-6, "\(l): perturbed input still matches: \(Self.describe(errors))")
    }

    /// A state dict written by PyTorch (`save_file(conv.state_dict())`, float32)
    /// loads strictly and gives PyTorch's output.
    @Test func pyTorchStateDictLoads() throws {
        for (dir, index) in Self.indices {
            let s = index.state_dict
            let dict = try SafetensorsFile.readStateDict(from: dir.appendingPathComponent(s.file))
            #expect(Set(dict.keys) == ["weight", "bias"])
            var rng = SplitMix64(seed: 5)
            let conv = try Conv1d(s.input_channels, s.output_channels, kernelSize: s.kernel,
                                  padding: try #require(Conv1dPadding(rawValue: s.padding)), rng: &rng)
            try conv.loadStateDict(dict)
            let io = try SafetensorsFile.readStateDict(from: dir.appendingPathComponent(s.io))
            let y = conv(Variable(try #require(io["input"]))).value
            #expect(Self.relativeError(y, try #require(io["output"])) <= 1e-5, "seed \(index.seed)")
        }
    }
}

import Foundation
import Testing
import RNNEngine

/// The recurrent layers against PyTorch: outputs, final states and the gradients
/// of every weight, bias, input and initial state for a fixed loss.
///
/// The numbers come from `Tests/scripts/make_recurrent_fixtures.py --seed 0 --out
/// Tests/RNNEngineTests/Fixtures/recurrent` (PyTorch, float64). Everything the
/// tests feed in — weights, inputs, initial states, loss weights — is read from
/// the fixture, and the cases are whatever `cases.json` lists, so fixtures made
/// with any other seed must pass too: set `RNNLAB_RECURRENT_FIXTURES=/some/dir`
/// to run the suite against a folder the script wrote instead of the committed one.
///
/// Error measure, per tensor: `relativeError(a, b) = max_i |a_i − b_i| / max(max_i |b_i|, 1e-12)`,
/// with b PyTorch's value; a shape mismatch counts as an infinite error (the scalar
/// loss is measured against the sum of the magnitudes of its terms instead). The bound
/// is 1e-4 in float32 (the fixture's values rounded to float32 going in) and 1e-9
/// in float64.
///
/// To check by hand that PyTorch loads our state dicts, run the suite with
/// `RNNLAB_RECURRENT_EXPORT_DIR=/some/dir` and then
/// `python3 Tests/scripts/make_recurrent_fixtures.py --check /some/dir`.
@Suite struct RecurrentParityTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var kind: String
        var layers: Int
        var bidirectional: Bool
        var initial_state: Bool
        var batch: Int
        var steps: Int
        var input_size: Int
        var hidden_size: Int
        var description: String { name }
    }

    struct StateDictCase: Decodable, Sendable {
        var file: String
        var io: String
        var kind: String
        var layers: Int
        var bidirectional: Bool
        var input_size: Int
        var hidden_size: Int
    }

    struct Index: Decodable, Sendable {
        var seed: Int
        var torch: String
        var cases: [Case]
        var state_dict: StateDictCase
    }

    struct MissingTensor: Error, CustomStringConvertible {
        var name: String
        var file: String
        var description: String { "fixture \(file) has no tensor \"\(name)\"" }
    }

    /// The committed fixtures, or the folder named by `RNNLAB_RECURRENT_FIXTURES`.
    static let directory: URL = {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_RECURRENT_FIXTURES"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return fixture("recurrent")
    }()

    static let index: Index = try! JSONDecoder().decode(
        Index.self, from: Data(contentsOf: directory.appendingPathComponent("cases.json")))

    static var cases: [Case] { index.cases }

    /// Tensors in a case file that are not parameters of the layer.
    static let reserved: Set<String> = [
        "input", "h0", "c0", "loss_w_output", "loss_w_h_n", "loss_w_c_n", "output", "h_n", "c_n", "loss",
    ]

    /// max |a − b| / max(max |b|, 1e-12) over the tensor; infinite if the shapes differ.
    static func relativeError(_ a: Tensor, _ b: Tensor) -> Double {
        guard a.shape == b.shape else { return .infinity }
        let (x, y) = (a.doubles, b.doubles)
        var (diff, scale) = (0.0, 0.0)
        for (p, q) in zip(x, y) {
            let d = abs(p - q)
            diff = d.isNaN ? .infinity : max(diff, d)
            scale = max(scale, abs(q))
        }
        return diff / max(scale, 1e-12)
    }

    static func load(_ file: String) throws -> [String: Tensor] {
        try SafetensorsFile.readStateDict(from: directory.appendingPathComponent(file))
    }

    /// Runs one case in `dtype` and returns the error of every compared tensor, by
    /// name. `tamper` may change the layer after its weights are loaded.
    static func errors(_ c: Case, dtype: DType, tamper: (RecurrentLayer) -> Void = { _ in })
        throws -> [(name: String, error: Double)] {
        let t = try load(c.file)
        func get(_ name: String) throws -> Tensor {
            guard let v = t[name] else { throw MissingTensor(name: name, file: c.file) }
            return v
        }
        let kind = try #require(CellKind(rawValue: c.kind), "unknown kind \(c.kind)")
        var rng = SplitMix64(seed: 1)
        let layer = RecurrentLayer(kind, inputSize: c.input_size, hiddenSize: c.hidden_size,
                                   options: .init(layers: c.layers, bidirectional: c.bidirectional),
                                   rng: &rng, dtype: dtype)
        layer.training = false
        // Everything else in the file is the state dict; strict loading refuses a
        // missing or unexpected name.
        try layer.loadStateDict(t.filter { !reserved.contains($0.key) && !$0.key.hasPrefix("grad.") })
        tamper(layer)

        let x = Variable(try get("input").converted(to: dtype), requiresGrad: true, name: "input")
        let h0 = c.initial_state ? Variable(try get("h0").converted(to: dtype), requiresGrad: true, name: "h0") : nil
        let c0 = c.initial_state && kind.hasCellState
            ? Variable(try get("c0").converted(to: dtype), requiresGrad: true, name: "c0") : nil
        let out = layer(x, initialHidden: h0, initialCell: c0)
        var loss = (out.output * Variable(try get("loss_w_output").converted(to: dtype))).sum()
            + (out.finalHidden * Variable(try get("loss_w_h_n").converted(to: dtype))).sum()
        if kind.hasCellState {
            guard let cell = out.finalCell else { return [("c_n", .infinity)] }
            loss = loss + (cell * Variable(try get("loss_w_c_n").converted(to: dtype))).sum()
        }
        loss.backward()

        var result: [(String, Tensor?, Tensor)] = [
            ("output", out.output.value, try get("output")),
            ("h_n", out.finalHidden.value, try get("h_n")),
            ("grad.input", x.grad, try get("grad.input")),
        ]
        if kind.hasCellState { result.append(("c_n", out.finalCell?.value, try get("c_n"))) }
        if let h0 { result.append(("grad.h0", h0.grad, try get("grad.h0"))) }
        if let c0 { result.append(("grad.c0", c0.grad, try get("grad.c0"))) }
        for (name, p) in layer.namedParameters {
            result.append(("grad." + name, p.grad, try get("grad." + name)))
        }
        // Every gradient PyTorch wrote must have been compared.
        let compared = Set(result.map(\.0))
        let unchecked = t.keys.filter { $0.hasPrefix("grad.") && !compared.contains($0) }
        // The loss is a sum of terms of both signs, so it is measured against the
        // sum of their magnitudes, Σ|output·Wo| + Σ|h_n·Wh| (+ Σ|c_n·Wc|), not |loss|.
        var terms = [("output", "loss_w_output"), ("h_n", "loss_w_h_n")]
        if kind.hasCellState { terms.append(("c_n", "loss_w_c_n")) }
        var magnitude = 0.0
        for (value, weight) in terms {
            magnitude += zip(try get(value).doubles, try get(weight).doubles).reduce(0) { $0 + abs($1.0 * $1.1) }
        }
        let lossError = abs(loss.value.item - (try get("loss")).item) / max(magnitude, 1e-12)
        return result.map { name, ours, theirs in (name, ours.map { relativeError($0, theirs) } ?? .infinity) }
            + [("loss", lossError.isNaN ? .infinity : lossError)]
            + unchecked.sorted().map { ($0, .infinity) }
    }

    static func describe(_ errors: [(name: String, error: Double)]) -> String {
        errors.map { "\($0.name) \($0.error)" }.joined(separator: ", ")
    }

    @Test func fixtureListsEveryConfiguration() {
        var seen = Set<String>()
        for c in Self.cases { seen.insert("\(c.kind) \(c.layers) \(c.bidirectional) \(c.initial_state)") }
        for kind in CellKind.allCases {
            for layers in [1, 2] {
                for bi in [false, true] {
                    for initial in [false, true] {
                        #expect(seen.contains("\(kind.rawValue) \(layers) \(bi) \(initial)"),
                                "no case for \(kind) layers \(layers) bidirectional \(bi) initial state \(initial)")
                    }
                }
            }
        }
    }

    @Test(arguments: cases)
    func float64MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float64)
        let worst = errors.map(\.error).max() ?? .infinity
        #expect(worst <= 1e-9, "\(c) float64: \(Self.describe(errors))")
        #expect(errors.count >= 4 + 4 * c.layers * (c.bidirectional ? 2 : 1))
    }

    @Test(arguments: cases)
    func float32MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float32)
        let worst = errors.map(\.error).max() ?? .infinity
        #expect(worst <= 1e-4, "\(c) float32: \(Self.describe(errors))")
    }

    /// The comparison is not vacuous: nudging the one weight_ih_l0 element the
    /// loss is most sensitive to (by PyTorch's gradient) by 1e-3 must break it.
    @Test(arguments: cases)
    func aPerturbedWeightFails(_ c: Case) throws {
        let grad = try #require(try Self.load(c.file)["grad.weight_ih_l0"])
        let g = grad.doubles.map(abs)
        let k = g.indices.max { g[$0] < g[$1] }!
        #expect(g[k] > 0)
        let errors = try Self.errors(c, dtype: .float64) { layer in
            layer.weights[0].weightIH.value[flat: k] += 1e-3
        }
        let worst = errors.map(\.error).max() ?? 0
        #expect(worst > 1e-4, "\(c): perturbed weight still within tolerance: \(Self.describe(errors))")
    }

    /// Prints the worst error over all cases in each precision (one line each).
    @Test func reportWorstErrors() throws {
        for dtype in [DType.float64, .float32] {
            var worst = (error: 0.0, at: "")
            for c in Self.cases {
                for e in try Self.errors(c, dtype: dtype) where e.error >= worst.error {
                    worst = (e.error, "\(c.name) \(e.name)")
                }
            }
            print("RecurrentParityTests: \(Self.index.cases.count) cases (seed \(Self.index.seed)), \(dtype) worst relative error \(worst.error) at \(worst.at)")
            #expect(worst.error <= (dtype == .float64 ? 1e-9 : 1e-4))
        }
    }

    /// A file written by `safetensors.torch.save_file(lstm.state_dict())` loads
    /// into our LSTM and gives PyTorch's outputs.
    @Test func pytorchStateDictLoads() throws {
        let s = Self.index.state_dict
        let dict = try SafetensorsFile.readStateDict(from: Self.directory.appendingPathComponent(s.file))
        let io = try Self.load(s.io)
        var rng = SplitMix64(seed: 3)
        let lstm = LSTM(inputSize: s.input_size, hiddenSize: s.hidden_size,
                        options: .init(layers: s.layers, bidirectional: s.bidirectional), rng: &rng, dtype: .float32)
        #expect(Set(dict.keys) == Set(lstm.namedParameters.map(\.name)))
        #expect(dict.values.allSatisfy { $0.dtype == .float32 })
        try lstm.loadStateDict(dict)
        lstm.training = false
        let out = lstm(Variable(try #require(io["input"])))
        let errors = [
            ("output", Self.relativeError(out.output.value, try #require(io["output"]))),
            ("h_n", Self.relativeError(out.finalHidden.value, try #require(io["h_n"]))),
            ("c_n", out.finalCell.map { Self.relativeError($0.value, io["c_n"]!) } ?? .infinity),
        ]
        // Float32 on both sides, same weights: ~1e-7 is expected; 1e-5 is well
        // inside the 1e-4 required and catches more than 1e-4 would.
        print("RecurrentParityTests: PyTorch state dict (\(dict.count) tensors) float32 errors \(errors)")
        #expect(errors.allSatisfy { $0.1 <= 1e-5 }, "\(errors)")
    }

    /// Writes our LSTM's state dict, an input and our outputs, for
    /// `make_recurrent_fixtures.py --check DIR` (to a temporary folder unless
    /// `RNNLAB_RECURRENT_EXPORT_DIR` names one), and checks it reads back.
    @Test func exportedStateDictRoundTrips() throws {
        let env = ProcessInfo.processInfo.environment["RNNLAB_RECURRENT_EXPORT_DIR"]
        let dir = env.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("recurrent-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if env == nil || env!.isEmpty { try? FileManager.default.removeItem(at: dir) } }

        var rng = SplitMix64(seed: 2024)
        let lstm = LSTM(inputSize: 3, hiddenSize: 5, options: .init(layers: 2, bidirectional: true), rng: &rng, dtype: .float32)
        lstm.training = false
        let x = Tensor.normal([2, 7, 3], rng: &rng, dtype: .float32)
        let out = lstm(Variable(x))
        try SafetensorsFile(stateDict: lstm.stateDict()).encode().write(to: dir.appendingPathComponent("ours_state_dict.safetensors"))
        try SafetensorsFile(stateDict: ["input": x, "output": out.output.value, "h_n": out.finalHidden.value,
                                        "c_n": out.finalCell!.value])
            .encode().write(to: dir.appendingPathComponent("ours_io.safetensors"))

        let back = try SafetensorsFile.readStateDict(from: dir.appendingPathComponent("ours_state_dict.safetensors"))
        var other = SplitMix64(seed: 7)
        let copy = LSTM(inputSize: 3, hiddenSize: 5, options: .init(layers: 2, bidirectional: true), rng: &other, dtype: .float32)
        try copy.loadStateDict(back)
        copy.training = false
        #expect(copy(Variable(x)).output.value.doubles == out.output.value.doubles)
    }
}

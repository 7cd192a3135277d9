import Foundation
import Testing
import RNNEngine

/// Attention and one Seq2Seq decoder step against PyTorch: values and the gradients
/// of every input and parameter for a fixed weighted-sum loss.
///
/// The numbers come from `Tests/scripts/make_attention_fixtures.py --seed 0 --out
/// Tests/RNNEngineTests/Fixtures/attention` (PyTorch, float64). All inputs, weights and
/// loss weights are read from the fixture, so fixtures made with any other seed must
/// pass too: set `RNNLAB_ATTENTION_FIXTURES=/some/dir` to run against such a folder.
///
/// Error per tensor: max |ours − theirs| / max(max |theirs|, 1e-12) (infinite on a
/// shape mismatch); bounds 1e-9 in float64 and 1e-4 in float32 (inputs rounded to float32).
@Suite struct AttentionParityTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var kind: String
        var score: String
        var masked: Bool
        var batch: Int
        var steps: Int
        var query_size: Int?
        var key_size: Int
        var attention_size: Int
        var cell: String?
        var embedding: Int?
        var hidden_size: Int?
        var vocabulary: Int?
        var description: String { name }
    }

    struct Index: Decodable, Sendable {
        var seed: Int
        var cases: [Case]
    }

    struct MissingTensor: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture has no tensor \"\(name)\"" }
    }

    static let directory: URL = {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_ATTENTION_FIXTURES"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return fixture("attention")
    }()

    static let index: Index = try! JSONDecoder().decode(
        Index.self, from: Data(contentsOf: directory.appendingPathComponent("cases.json")))
    static var cases: [Case] { index.cases }

    static let scores: [String: AttentionScore] = [
        "dot": .dot, "scaled_dot": .scaledDot, "general": .general, "additive": .additive,
    ]

    static func relativeError(_ a: Tensor?, _ b: Tensor) -> Double { parityError(a, b) }

    /// Every tensor compared in `dtype`, with its relative error. `tamper` may change
    /// the module's parameters after loading (to show the comparison is not vacuous).
    static func errors(_ c: Case, dtype: DType, tamper: (Module) -> Void = { _ in })
        throws -> [(name: String, error: Double)] {
        let t = try SafetensorsFile.readStateDict(from: directory.appendingPathComponent(c.file))
        func get(_ name: String) throws -> Tensor {
            guard let v = t[name] else { throw MissingTensor(name: name) }
            return v.converted(to: dtype)
        }
        func input(_ name: String) throws -> Variable { Variable(try get(name), requiresGrad: true, name: name) }
        func weighted(_ v: Variable, _ name: String) throws -> Variable { (v * Variable(try get(name))).sum() }
        let score = try #require(scores[c.score])
        let mask = try get("mask").doubles.map { $0 != 0 }
        var rng = SplitMix64(seed: 1)
        let module: Module
        var compared: [(String, Tensor?, Tensor)] = []
        var inputs: [Variable] = []
        let loss: Variable
        if c.kind == "attention" {
            let attention = Attention(score, querySize: c.query_size!, keySize: c.key_size,
                                      attentionSize: c.attention_size, rng: &rng, dtype: dtype)
            try attention.loadStateDict(t.filter { k, _ in attention.namedParameters.contains { $0.name == k } })
            module = attention
            tamper(module)
            let (q, keys) = (try input("query"), try input("keys"))
            inputs = [q, keys]
            let (context, weights) = attention(query: q, keys: keys, mask: mask)
            loss = try weighted(context, "loss_w_context") + weighted(weights, "loss_w_weights")
            compared = [("context", context.value, try get("context")), ("weights", weights.value, try get("weights"))]
        } else {
            let kind = try #require(CellKind(rawValue: c.cell ?? ""))
            let decoder = Seq2SeqDecoder(kind, vocabularySize: c.vocabulary!, embeddingSize: c.embedding!,
                                         hiddenSize: c.hidden_size!, contextSize: c.key_size, score: score,
                                         attentionSize: c.attention_size, rng: &rng, dtype: dtype)
            try decoder.loadStateDict(t.filter { k, _ in decoder.namedParameters.contains { $0.name == k } })
            module = decoder
            tamper(module)
            let (h, keys) = (try input("hidden"), try input("keys"))
            let cell = kind.hasCellState ? try input("cell_state") : nil
            inputs = [h, keys] + (cell.map { [$0] } ?? [])
            let tokens = try get("tokens").doubles.map { Int($0) }
            let step = decoder.step(tokens, state: Seq2SeqState(hidden: h, cell: cell),
                                    context: .attention(decoder.attention!.memory(keys: keys, mask: mask)))
            var l = try weighted(step.state.hidden, "loss_w_hidden") + weighted(step.logits, "loss_w_logits")
                + weighted(step.weights!, "loss_w_weights")
            compared = [("new_hidden", step.state.hidden.value, try get("new_hidden")),
                        ("logits", step.logits.value, try get("logits")),
                        ("weights", step.weights?.value, try get("weights")),
                        ("context", step.context.value, try get("context"))]
            if let newCell = step.state.cell {
                l = l + (try weighted(newCell, "loss_w_cell_state"))
                compared.append(("new_cell_state", newCell.value, try get("new_cell_state")))
            }
            loss = l
        }
        loss.backward()
        for v in inputs { compared.append(("grad." + v.name, v.grad, try get("grad." + v.name))) }
        for (name, p) in module.namedParameters { compared.append(("grad." + name, p.grad, try get("grad." + name))) }
        // Every gradient in the file was compared.
        let seen = Set(compared.map(\.0))
        let missed = t.keys.filter { $0.hasPrefix("grad.") && !seen.contains($0) }.sorted()
        let lossError = abs(loss.value.item - (try get("loss")).item) / max(abs((try get("loss")).item), 1)
        return compared.map { ($0.0, relativeError($0.1, $0.2)) } + [("loss", lossError)] + missed.map { ($0, .infinity) }
    }

    static func describe(_ errors: [(name: String, error: Double)]) -> String {
        errors.map { "\($0.name) \($0.error)" }.joined(separator: ", ")
    }

    @Test func fixtureHasTheRequiredCases() {
        let names = Set(Self.cases.map(\.name))
        for required in ["attention_additive", "attention_dot", "attention_additive_nomask", "decoder_step_gru"] {
            #expect(names.contains(required), "missing case \(required)")
        }
    }

    @Test(arguments: cases)
    func float64MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float64)
        #expect((errors.map(\.error).max() ?? .infinity) <= 1e-9, "\(c): \(Self.describe(errors))")
        #expect(errors.count >= 5)
    }

    @Test(arguments: cases)
    func float32MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float32)
        #expect((errors.map(\.error).max() ?? .infinity) <= 1e-4, "\(c): \(Self.describe(errors))")
    }

    /// Nudging the first element of every parameter by 1e-3 breaks the float64 match
    /// (dot and scaled-dot attention have no parameters to nudge).
    @Test(arguments: cases)
    func aPerturbedParameterFails(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float64) { module in
            for p in module.parameters { p.value[flat: 0] += 1e-3 }
        }
        if c.score == "dot" || c.score == "scaled_dot" { return }  // no parameters to nudge
        #expect((errors.map(\.error).max() ?? 0) > 1e-5, "\(c): \(Self.describe(errors))")
    }

    @Test func reportWorstErrors() throws {
        for dtype in [DType.float64, .float32] {
            var worst = (error: 0.0, at: "")
            for c in Self.cases {
                for e in try Self.errors(c, dtype: dtype) where e.error >= worst.error { worst = (e.error, "\(c.name) \(e.name)") }
            }
            print("AttentionParityTests: \(Self.cases.count) cases (seed \(Self.index.seed)), \(dtype) worst relative error \(worst.error) at \(worst.at)")
        }
    }
}

import LabText
import Foundation
import RNNEngine
import Synchronization

/// A run's peak memory, estimated from its settings and its task's shapes
/// before the model is built, so that a legal but huge configuration is refused
/// with a message instead of aborting in the allocator.
///
/// What it counts, in float32 (4 bytes), per recurrent layer and direction with
/// G = gates·H (H for the simple RNN, 4H LSTM, 3H GRU) and S the gate values
/// BPTT keeps (0, 5H, 4H):
/// - the tape of one training step, B·T·(3G + S + 4H): the input projection,
///   the saved gate values, the hidden (and cell) states, and in BPTT the two
///   (T, B, G) gradient buffers and ∂L/∂h;
/// - the input B·T·I three times (batch, saved copy, its gradient);
/// - per-step outputs B·T·V three times (logits, softmax, gradient);
/// - parameters four times (weights, gradients, two optimiser moments);
/// - the validation split N·T·I, and the tape of one evaluation batch (≤ 256);
/// - 32 MiB for the program, the lessons and the data sets.
/// Checked against measured peak RSS in `MemoryEstimateTests` and DECISIONS.md.
public struct MemoryEstimate: Sendable, Equatable {
    /// Estimated peak bytes.
    public var bytes: Int

    /// The default cap, 4 GiB: the machine has 24 GiB and may run two labs or
    /// runs at once beside other work; every shipped lesson needs far less (see DECISIONS.md).
    public static let defaultLimit = 4 << 30
    /// The environment variable that sets the cap (as `--max-memory` does).
    public static let environmentVariable = "RNNLAB_MAX_MEMORY"

    private static let override = Mutex<Int?>(nil)

    /// The cap in bytes: set by `--max-memory`, else `$RNNLAB_MAX_MEMORY`, else 4 GiB.
    /// An unparsable environment value falls back to the default (the CLI refuses it first).
    public static var limit: Int {
        get {
            if let set = override.withLock({ $0 }) { return set }
            if let text = ProcessInfo.processInfo.environment[environmentVariable], let n = try? parseSize(text) { return n }
            return defaultLimit
        }
        set { override.withLock { $0 = newValue } }
    }

    public init(bytes: Int) { self.bytes = bytes }

    /// Estimates a run of `task` with `configuration` (its batch, size and cell).
    public init(task: any SequenceTask, configuration c: ExperimentConfiguration) {
        let cell = c.cell
        let (B, T, I, V) = (max(1, c.batch), max(1, task.maxSteps), task.inputSize, task.outputSize)
        let H = max(1, c.hidden)
        let L = max(1, c.layers)
        let D = c.bidirectional ? 2 : 1
        let G = cell.gateCount * H
        let S = (cell == .lstm ? 5 : cell == .gru ? 4 : 0) * H
        let perStepAndRow = 3 * G + S + 4 * H
        var parameters = 0
        var inputWidth = I
        var floats = 3 * B * T * I
        for _ in 0..<L {
            parameters += D * (G * inputWidth + G * H + 2 * G)
            inputWidth = D * H
        }
        floats += L * D * B * T * perStepAndRow
        switch task.kind {
        case .perStepClassification:
            floats += 3 * B * T * V
        case .seq2seq:
            // A decoder as deep again over an output as long as the input, attention T×T per row.
            let E = c.embedding
            floats += L * B * T * perStepAndRow + B * T * T + 3 * B * T * V + B * T * E
            parameters += L * (G * (E + H) + G * H + 2 * G) + V * E
        default:
            floats += 3 * B * V
        }
        parameters += (D * H + 1) * V
        floats += 4 * parameters
        let N = task.sizes.validation
        let evalBatch = max(1, min(256, N))
        floats += N * T * I + L * D * evalBatch * T * (G + S + 2 * H)
        bytes = 4 * floats + 32 << 20
    }

    /// Throws with the estimate and the cap when the estimate is over the cap.
    public func check(limit: Int = MemoryEstimate.limit) throws {
        guard bytes > limit else { return }
        throw Reason(.run(.memoryOverLimit), ["need": .phrase(MemoryEstimate.size(bytes)), "limit": .phrase(MemoryEstimate.size(limit)),
                                              "variable": .text(MemoryEstimate.environmentVariable)])
    }

    /// Bytes in binary units: "512 MiB", "17.6 GiB" (``size(_:)`` in English).
    public static func format(_ bytes: Int) -> String { Language.english.render(size(bytes)) }

    /// Bytes in binary units, as a message: one decimal below 10, none above.
    public static func size(_ bytes: Int) -> Phrase {
        let units: [RunKey] = [.bytes, .kibibytes, .mebibytes, .gibibytes, .tebibytes]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return Phrase(.run(.bytes), ["size": .integer(bytes)]) }
        let digits = value < 10 ? 1 : 0
        // Always `digits` decimals ("5.0 GiB"), as a size reads best.
        let rounded = NumberFormat.fixed(value, decimals: digits)
        let shown = digits == 1 && !rounded.contains(".") ? rounded + ".0" : rounded
        return Phrase(.run(units[unit]), ["size": .text(shown)])
    }

    /// The cap the CLI and the environment accept: a whole or decimal number
    /// with a unit, K/M/G/T (powers of 1024, with or without "iB"/"B"), e.g. "8G",
    /// "512MiB", "1.5GB"; between 64 MiB and 1 TiB.
    public static func parseSize(_ text: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("TIB", 0x1p40), ("GIB", 0x1p30), ("MIB", 0x1p20), ("KIB", 0x1p10),
                                         ("TB", 0x1p40), ("GB", 0x1p30), ("MB", 0x1p20), ("KB", 0x1p10),
                                         ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10)]
        let refusal = Reason(.run(.badMemorySize), ["text": .text(text)])
        guard let (suffix, scale) = units.first(where: { t.hasSuffix($0.0) }) else { throw refusal }
        let digits = t.dropLast(suffix.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let n = Double(digits) else { throw refusal }
        let bytes = n * scale
        guard bytes >= 0x1p26, bytes <= 0x1p40 else { throw refusal }
        return Int(bytes)
    }
}

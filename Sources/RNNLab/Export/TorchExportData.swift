import RNNEngine

/// Batches as safetensors entries for the exported `train.py`: under
/// `{split}.{k}.` each batch k has `inputs` (B, T, I) F32 or `tokens` (B, T) I64,
/// `lengths` (B) I64, `targets` (B, O) F32 for regression, else (B) or (B, T) I64,
/// and `target_mask` shaped like the targets' rows, I64 0/1; seq2seq batches add
/// `decoder_tokens` (B, U), `<bos>` then the target shifted right, and targets (B, U).
enum TorchExportData {
    static func entries(_ split: String, _ batches: [SequenceBatch], tokens: Bool) -> [String: SafeTensor] {
        var out: [String: SafeTensor] = [:]
        for (k, b) in batches.enumerated() {
            let prefix = "\(split).\(k)."
            let (B, T) = (b.batchSize, b.steps)
            if tokens, let ids = b.inputTokens {
                out[prefix + "tokens"] = .int64(shape: [B, T], values: ids.map(Int64.init))
            } else {
                out[prefix + "inputs"] = .float(b.inputs.converted(to: .float32))
            }
            out[prefix + "lengths"] = .int64(shape: [B], values: b.lengths.map(Int64.init))
            let rowsShape = switch b.kind {
            case .perStepClassification: [B, T]
            case .seq2seq: [B, b.outputSteps]
            default: [B]
            }
            if let ids = b.decoderTokens {
                out[prefix + "decoder_tokens"] = .int64(shape: [B, b.outputSteps], values: ids.map(Int64.init))
            }
            if let values = b.targetValues {
                out[prefix + "targets"] = .float(values.converted(to: .float32))
            } else if let classes = b.targetClasses {
                out[prefix + "targets"] = .int64(shape: rowsShape, values: classes.map(Int64.init))
            }
            out[prefix + "target_mask"] = .int64(shape: rowsShape, values: b.targetMask.map { $0 ? 1 : 0 })
        }
        return out
    }
}

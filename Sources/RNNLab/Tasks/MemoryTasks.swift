import LabText
import RNNEngine

/// The copy (memory) task: remember S symbols, wait D steps, then replay them
/// after a "go" marker (Hochreiter & Schmidhuber 1997; Arjovsky et al. 2016).
///
/// Input ids: 0 blank, 1…K symbols, K+1 go. The sequence is S symbols, D
/// blanks, the go marker, then S blanks during which the output must be the
/// S symbols; only those S steps count in the loss. T = 2S + D + 1.
/// Inputs (B, T, K+2) one-hot; outputs (B, T, K+1) logits (class 0 = blank).
enum CopyTask {
    static let knobs = [
        Knob("S", .symbolsToRemember, range: 1...30, default: 10),
        Knob("delay", .blankDelay, range: 0...1000, default: 20),
        Knob("K", .alphabetSize, range: 2...16, default: 8),
    ]

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let s = k.int("S"), d = k.int("delay"), alphabet = k.int("K")
        let names = ["·"] + (0..<alphabet).map { String(UnicodeScalar(UInt8(65 + $0))) } + ["|"]
        let info = TaskInfo(name: "copy", summary: Phrase(.task(.copy)),
                            kind: .perStepClassification, inputSize: alphabet + 2, outputSize: alphabet + 1,
                            tokenInputs: true, inputSymbols: names, outputSymbols: Array(names.dropLast()),
                            preview: .text, reportsExactMatch: true)
        return Synthetic.task(info, seed: seed, partitionKey: { Array($0.tokens.prefix(s)) },
                              generate: { rng in generate(s: s, delay: d, alphabet: alphabet, &rng) }) { task, split in
            // Without memory the best guess at a recall step is uniform over the K symbols.
            var uniform = [Float](repeating: 0, count: alphabet + 1)
            uniform[0] = -30
            return [task.baseline(Phrase(.baseline(.memorylessSymbols)), on: split) { batch in
                Predict.logits(batch, classes: alphabet + 1) { _, _ in uniform }
            }]
        }
    }

    static func generate(s: Int, delay: Int, alphabet: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let symbols = (0..<s).map { _ in 1 + Synthetic.int(alphabet, &rng) }
        let t = 2 * s + delay + 1
        var tokens = [Int](repeating: 0, count: t)
        var outputs = [Int](repeating: 0, count: t)
        var mask = [Bool](repeating: false, count: t)
        for i in 0..<s {
            tokens[i] = symbols[i]
            outputs[s + delay + 1 + i] = symbols[i]
            mask[s + delay + 1 + i] = true
        }
        tokens[s + delay] = alphabet + 1
        return SequenceExample(steps: t, tokens: tokens, outputs: outputs, outputMask: mask)
    }
}

/// Echo: at every step output the input from k steps ago (steps before k do not count).
/// A negative k looks ahead: output the input |k| steps later (the last |k| steps do not
/// count), which no one-way reading from the start can know in time.
///
/// Input ids 0…K−1; inputs (B, T, K) one-hot; outputs (B, T, K) logits.
enum EchoTask {
    static let knobs = [
        Knob("T", .sequenceLength, range: 2...1000, default: 40),
        Knob("k", .echoSteps, range: -200...200, default: 5),
        Knob("K", .alphabetSize, range: 2...16, default: 4),
    ]

    static func make(_ kv: KnobValues, seed: UInt64) throws -> ExampleTask {
        let t = kv.int("T"), lag = kv.int("k"), alphabet = kv.int("K")
        guard abs(lag) < t else { throw TaskError(.echoLag, ["lag": .integer(lag), "length": .integer(t)]) }
        let names = (0..<alphabet).map { String(UnicodeScalar(UInt8(65 + $0))) }
        let info = TaskInfo(name: "echo", summary: Phrase(.task(.echo)),
                            kind: .perStepClassification, inputSize: alphabet, outputSize: alphabet,
                            tokenInputs: true, inputSymbols: names, outputSymbols: names, preview: .text,
                            reportsExactMatch: true)
        return Synthetic.task(info, seed: seed, partitionKey: { $0.tokens },
                              generate: { rng in generate(t: t, lag: lag, alphabet: alphabet, &rng) }) { task, split in
            let uniform = [Float](repeating: 0, count: alphabet)
            return [
                task.baseline(Phrase(.baseline(.memorylessGuess)), on: split) { batch in
                    Predict.logits(batch, classes: alphabet) { _, _ in uniform }
                },
                task.baseline(Phrase(.baseline(.repeatInput)), on: split) { batch in
                    Predict.logits(batch, classes: alphabet) { b, s in
                        Predict.oneHot(batch.inputTokens![b * batch.steps + s], classes: alphabet)
                    }
                },
            ]
        }
    }

    static func generate(t: Int, lag: Int, alphabet: Int, _ rng: inout SplitMix64) -> SequenceExample {
        let tokens = (0..<t).map { _ in Synthetic.int(alphabet, &rng) }
        // Step s is scored when s − k is a step of the sequence: s ≥ k back, s < T + k ahead.
        let scored = (0..<t).map { $0 - lag >= 0 && $0 - lag < t }
        let outputs = (0..<t).map { scored[$0] ? tokens[$0 - lag] : 0 }
        return SequenceExample(steps: t, tokens: tokens, outputs: outputs, outputMask: scored)
    }
}

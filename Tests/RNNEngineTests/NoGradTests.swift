import Testing
import RNNEngine

/// `withNoGrad`: the same numbers as the taped forward pass, bit for bit, with no
/// tape recorded; decoding runs in it; backward on its results is refused.
@Suite struct NoGradTests {
    @Test(arguments: CellKind.allCases)
    func recurrentLayerIsBitIdenticalAndRecordsNothing(kind: CellKind) {
        var rng = SplitMix64(seed: 5)
        let layer = RecurrentLayer(kind, inputSize: 3, hiddenSize: 4,
                                   options: .init(layers: 2, bidirectional: true), rng: &rng)
        layer.training = false
        let x = Variable(.normal([2, 6, 3], rng: &rng))
        let mask = [true, true, true, true, true, true, true, true, true, false, false, false]
        let (taped, tapedNodes) = Variable.countingTapeNodes { layer(x, mask: mask) }
        let (free, freeNodes) = Variable.countingTapeNodes { withNoGrad { layer(x, mask: mask) } }
        #expect(tapedNodes > 0)
        #expect(freeNodes == 0)
        #expect(free.output.value.doubles == taped.output.value.doubles)
        #expect(free.finalHidden.value.doubles == taped.finalHidden.value.doubles)
        #expect(free.finalCell?.value.doubles == taped.finalCell?.value.doubles)
        #expect(!free.output.requiresGrad && free.output.isNoGradResult)
        #expect(taped.output.requiresGrad && !taped.output.isNoGradResult)
    }

    @Test func scopeEndsAndNests() {
        #expect(Variable.isRecordingTape)
        withNoGrad {
            #expect(!Variable.isRecordingTape)
            withNoGrad { #expect(!Variable.isRecordingTape) }
            #expect(!Variable.isRecordingTape)
        }
        #expect(Variable.isRecordingTape)
        let w = Variable(Tensor(shape: [2], repeating: 3), requiresGrad: true)
        let y = (w * w).sum()
        y.backward()
        #expect(w.grad!.doubles == [6, 6])
    }

    static func model(attention: Bool) -> Seq2Seq {
        var rng = SplitMix64(seed: 9)
        let config = Seq2SeqConfiguration(sourceVocabularySize: 7, targetVocabularySize: 6, embeddingSize: 4,
                                          hiddenSize: 5, cell: .gru, bidirectional: true, useAttention: attention)
        return Seq2Seq(config, rng: &rng)
    }

    /// Greedy decoding, beam search and scoring record no tape, and greedy decoding
    /// gives what the same loop gives on the tape.
    @Test(arguments: [true, false])
    func decodingRecordsNoTape(attention: Bool) {
        let model = Self.model(attention: attention)
        let source = [3, 4, 5, 6, 2, 6, 5, 4]
        let (greedy, greedyNodes) = Variable.countingTapeNodes {
            model.greedyDecode(sourceTokens: source, sourceShape: (2, 4), maxLength: 6, bos: 0, eos: 1)
        }
        let (_, beamNodes) = Variable.countingTapeNodes {
            model.beamSearch(sourceTokens: source, sourceShape: (2, 4), width: 3, maxLength: 6, bos: 0, eos: 1)
        }
        let (_, scoreNodes) = Variable.countingTapeNodes {
            model.logProbabilities(of: greedy, sourceTokens: source, sourceShape: (2, 4), bos: 0, eos: 1)
        }
        #expect(greedyNodes == 0 && beamNodes == 0 && scoreNodes == 0)

        // The same greedy loop, taped.
        let (reference, tapedNodes) = Variable.countingTapeNodes { () -> [[Int]] in
            let (context, initial) = model.encode(source, batch: 2, steps: 4)
            var (state, tokens) = (initial, [0, 0])
            var outputs: [[Int]] = [[], []], finished = [false, false]
            for _ in 0..<6 {
                let step = model.decoder.step(tokens, state: state, context: context)
                let logits = step.logits.value.doubles, V = 6
                tokens = (0..<2).map { b in (0..<V).max { logits[b * V + $0] < logits[b * V + $1] }! }
                for b in 0..<2 where !finished[b] {
                    if tokens[b] == 1 { finished[b] = true } else { outputs[b].append(tokens[b]) }
                }
                if !finished.contains(false) { break }
                state = step.state
            }
            return outputs
        }
        #expect(tapedNodes > 0)
        #expect(greedy == reference)
    }

    /// The loss computed without a tape has the same value, bit for bit.
    @Test func seq2seqLossIsBitIdentical() {
        let model = Self.model(attention: true)
        let args = ([3, 4, 5, 6, 2, 6, 5, 4], [0, 2, 3, 0, 4, 5], [2, 3, 1, 4, 5, 1])
        func loss() -> Variable {
            model.loss(sourceTokens: args.0, sourceShape: (2, 4), targetInputTokens: args.1, targetOutputTokens: args.2)
        }
        let taped = loss()
        let free = withNoGrad { loss() }
        #expect(free.value.doubles == taped.value.doubles)
        #expect(free.isNoGradResult)
    }

    /// backward() on a result made inside withNoGrad stops the program with a message
    /// that says why.
    @Test func backwardOnANoGradResultIsRefused() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let w = Variable(Tensor(shape: [2], repeating: 3), requiresGrad: true)
            let y = withNoGrad { (w * w).sum() }
            y.backward()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("withNoGrad"), "\(message)")
    }
}

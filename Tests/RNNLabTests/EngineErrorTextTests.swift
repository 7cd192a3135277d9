import LabText
@testable import RNNLab
import RNNEngine
import Testing

/// The engine's errors reach the learner as catalogue phrases: one test per
/// mapping, each case to its key and its English text, and `Phrase.describing`
/// finds the mapping for an error seen only as `any Error`.
@Suite struct EngineErrorTextTests {
    func english(_ p: Phrase) -> String { Language.english.render(p) }

    @Test func samplingErrors() {
        #expect(EngineErrorText.phrase(SamplingError.temperatureOutOfRange(-1)).key == .engineError(.temperatureOutOfRange))
        #expect(english(EngineErrorText.phrase(.temperatureOutOfRange(-1))).hasPrefix("temperature -1 is outside the range (0, ∞)"))
        #expect(english(EngineErrorText.phrase(SamplingError.emptyPrime)) == "sampling needs a prime of at least one token")
        #expect(english(EngineErrorText.phrase(SamplingError.primeTokenOutOfRange(token: 70, vocabularySize: 65)))
                    == "prime token 70 is outside the vocabulary 0..<65")
        let error: any Error = SamplingError.emptyPrime
        #expect(Phrase.describing(error).key == .engineError(.emptyPrime))
    }

    @Test func treeErrors() {
        let cases: [(TreeError, EngineErrorKey, String)] = [
            (.empty, .treeEmpty, "a tree needs at least one node"),
            (.selfReference(node: 2), .treeSelfReference, "node 2 names itself as a child"),
            (.missingChild(node: 1, child: 9, nodeCount: 3), .treeMissingChild, "node 1 names child 9, but the tree has nodes 0..<3"),
            (.tokenOutOfRange(node: 0, token: 12, vocabularySize: 10), .treeTokenOutOfRange, "leaf 0 holds token 12, outside the vocabulary 0..<10"),
            (.sharedChild(child: 4), .treeSharedChild, "node 4 is a child of more than one branch"),
            (.cycle(node: 3), .treeCycle, "node 3 is its own descendant (a cycle)"),
            (.severalRoots(roots: [0, 5]), .treeSeveralRoots, "nodes 0, 5 have no parent; a tree has exactly one root"),
        ]
        for (error, key, text) in cases {
            #expect(EngineErrorText.phrase(error).key == .engineError(key), "\(error)")
            #expect(english(Phrase.describing(error)) == text)
        }
    }

    @Test func convolutionErrors() {
        #expect(english(EngineErrorText.phrase(Conv1dConfigurationError.sameNeedsStrideOne(stride: 2)))
                    == "the convolution's padding 'same' needs stride 1, got 2")
        #expect(english(EngineErrorText.phrase(Conv1dConfigurationError.nonPositive(name: "kernel_size", value: 0)))
                    == "the convolution's kernel_size must be at least 1, got 0")
        // The engine's own refusal, thrown for real, maps the same way.
        #expect(throws: Conv1dConfigurationError.sameNeedsStrideOne(stride: 2)) {
            _ = try Conv1dGeometry(kernelSize: 3, stride: 2, padding: .same)
        }
        #expect(Phrase.describing(Conv1dConfigurationError.sameNeedsStrideOne(stride: 2)).key == .engineError(.convSameNeedsStrideOne))
    }

    @Test func stateDictErrors() {
        #expect(english(EngineErrorText.phrase(StateDictError.missing("rnn.weight_hh", expected: ["rnn.weight_ih", "head.bias"])))
                    == "the checkpoint has no tensor \"rnn.weight_hh\"; the model's tensors are rnn.weight_ih, head.bias")
        #expect(english(EngineErrorText.phrase(StateDictError.unexpected("x", expected: ["w"])))
                    == "the checkpoint has a tensor \"x\" that the model does not have; the model's tensors are w")
        // A model with many tensors names the first ten and how many more.
        let many = (0..<13).map { "t\($0)" }
        #expect(english(EngineErrorText.phrase(StateDictError.unexpected("x", expected: many)))
                    .hasSuffix("are t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, … (+3)"))
        #expect(english(EngineErrorText.phrase(StateDictError.shapeMismatch(name: "w", expected: [2, 3], found: [3, 2])))
                    == "tensor \"w\" has shape [3, 2], the model expects [2, 3]")
    }

    @Test func safetensorsErrors() {
        let cases: [(SafetensorsError, EngineErrorKey)] = [
            (.fileTooSmall(byteCount: 3), .checkpointTruncated),
            (.headerPastEndOfFile(length: 100, fileSize: 20), .checkpointTruncated),
            (.tensorPastEnd(tensor: "w", end: 90, dataSize: 40), .checkpointLayout),
            (.invalidJSON(reason: "unexpected }", offset: 4), .checkpointHeader),
            (.missingField(tensor: "w", field: "dtype"), .checkpointHeader),
            (.gap(tensor: "w", begin: 8, previousEnd: 4), .checkpointLayout),
            (.trailingBytes(dataEnd: 10, dataSize: 16), .checkpointTrailingBytes),
            (.unsupportedDType(tensor: "w", dtype: "BF16"), .checkpointUnsupportedType),
            (.notAFloatTensor(tensor: "w", dtype: "I64"), .checkpointNotFloat),
            (.reservedName("__metadata__"), .checkpointReservedName),
            (.valueCountMismatch(tensor: "w", shape: [2], count: 3), .checkpointValueCount),
        ]
        for (error, key) in cases {
            #expect(EngineErrorText.phrase(error).key == .engineError(key), "\(error)")
        }
        #expect(english(Phrase.describing(SafetensorsError.trailingBytes(dataEnd: 10, dataSize: 16)))
                    == "the checkpoint file has 6 bytes after its last tensor (damaged file?)")
        #expect(english(EngineErrorText.phrase(.unsupportedDType(tensor: "w", dtype: "BF16")))
                    == "tensor \"w\" of the checkpoint has type BF16; the lab loads only F32, F64 and I64")
    }
}

import LabText
import RNNEngine

/// The engine's refusals in the lab's words. RNNEngine depends on nothing, so
/// its errors are typed cases with an English `description` for logs; each is
/// mapped here, one function per error type, with an exhaustive `switch` so a
/// new case does not compile until it has its message.
public enum EngineErrorText {
    public static func phrase(_ error: SamplingError) -> Phrase {
        switch error {
        case .temperatureOutOfRange(let t):
            return Phrase(.engineError(.temperatureOutOfRange), ["temperature": .text(SettingValue.format(t))])
        case .emptyPrime:
            return Phrase(.engineError(.emptyPrime))
        case let .primeTokenOutOfRange(token, size):
            return Phrase(.engineError(.primeTokenOutOfRange), ["token": .integer(token), "size": .integer(size)])
        }
    }

    public static func phrase(_ error: TreeError) -> Phrase {
        switch error {
        case .empty:
            return Phrase(.engineError(.treeEmpty))
        case .selfReference(let node):
            return Phrase(.engineError(.treeSelfReference), ["node": .integer(node)])
        case let .missingChild(node, child, count):
            return Phrase(.engineError(.treeMissingChild), ["node": .integer(node), "child": .integer(child), "count": .integer(count)])
        case let .tokenOutOfRange(node, token, size):
            return Phrase(.engineError(.treeTokenOutOfRange), ["node": .integer(node), "token": .integer(token), "size": .integer(size)])
        case .sharedChild(let child):
            return Phrase(.engineError(.treeSharedChild), ["child": .integer(child)])
        case .cycle(let node):
            return Phrase(.engineError(.treeCycle), ["node": .integer(node)])
        case .severalRoots(let roots):
            return Phrase(.engineError(.treeSeveralRoots), ["roots": .list(roots.map(String.init))])
        }
    }

    public static func phrase(_ error: Conv1dConfigurationError) -> Phrase {
        switch error {
        case let .nonPositive(name, value):
            // `name` is the parameter's identifier (kernel_size, stride, dilation).
            return Phrase(.engineError(.convNonPositive), ["name": .text(name), "value": .integer(value)])
        case .sameNeedsStrideOne(let stride):
            return Phrase(.engineError(.convSameNeedsStrideOne), ["stride": .integer(stride)])
        }
    }

    public static func phrase(_ error: StateDictError) -> Phrase {
        switch error {
        case let .missing(name, expected):
            return Phrase(.engineError(.stateMissing), ["tensor": .text(name), "expected": .text(names(expected))])
        case let .unexpected(name, expected):
            return Phrase(.engineError(.stateUnexpected), ["tensor": .text(name), "expected": .text(names(expected))])
        case let .shapeMismatch(name, expected, found):
            return Phrase(.engineError(.stateShapeMismatch),
                          ["tensor": .text(name), "expected": .text(shape(expected)), "found": .text(shape(found))])
        }
    }

    /// A checkpoint file the engine refuses. The header's many ways of being
    /// malformed share one message each for the header and the data layout:
    /// a learner can act on "damaged", not on which JSON field was wrong.
    public static func phrase(_ error: SafetensorsError) -> Phrase {
        switch error {
        case .fileTooSmall, .headerPastEndOfFile:
            return Phrase(.engineError(.checkpointTruncated))
        case .tensorPastEnd(let tensor, _, _):
            return Phrase(.engineError(.checkpointLayout), ["tensor": .text(tensor)])
        case .headerTooLarge, .headerNotUTF8, .invalidJSON, .headerNotObject, .duplicateTensor, .invalidMetadata,
             .entryNotObject, .missingField, .duplicateField, .wrongFieldType, .unknownDType:
            return Phrase(.engineError(.checkpointHeader))
        case .invalidOffsets(let tensor, _, _), .gap(let tensor, _, _), .overlap(let tensor, _, _),
             .sizeOverflow(let tensor, _), .byteCountMismatch(let tensor, _, _, _, _), .subByteMisaligned(let tensor, _, _):
            return Phrase(.engineError(.checkpointLayout), ["tensor": .text(tensor)])
        case let .trailingBytes(dataEnd, dataSize):
            return Phrase(.engineError(.checkpointTrailingBytes), ["count": .integer(dataSize - dataEnd)])
        case let .unsupportedDType(tensor, dtype):
            return Phrase(.engineError(.checkpointUnsupportedType), ["tensor": .text(tensor), "type": .text(dtype)])
        case let .notAFloatTensor(tensor, dtype):
            return Phrase(.engineError(.checkpointNotFloat), ["tensor": .text(tensor), "type": .text(dtype)])
        case .reservedName(let name):
            return Phrase(.engineError(.checkpointReservedName), ["name": .text(name)])
        case .valueCountMismatch(let tensor, _, _):
            return Phrase(.engineError(.checkpointValueCount), ["tensor": .text(tensor)])
        }
    }

    /// A model's tensor names for a refusal: the first ten, then how many more
    /// as "… (+3)", which reads the same in every language.
    static func names(_ all: [String]) -> String {
        let shown = all.prefix(10).joined(separator: ", ")
        return all.count > 10 ? shown + ", … (+\(all.count - 10))" : shown
    }

    /// A shape as the engine writes it: [2, 3].
    static func shape(_ dims: [Int]) -> String { "[" + dims.map(String.init).joined(separator: ", ") + "]" }
}

// `Phrase.describing(error)` finds these, wherever the lab or the CLI shows an error.
extension SamplingError: PhrasedError { public var phrase: Phrase { EngineErrorText.phrase(self) } }
extension TreeError: PhrasedError { public var phrase: Phrase { EngineErrorText.phrase(self) } }
extension Conv1dConfigurationError: PhrasedError { public var phrase: Phrase { EngineErrorText.phrase(self) } }
extension StateDictError: PhrasedError { public var phrase: Phrase { EngineErrorText.phrase(self) } }
extension SafetensorsError: PhrasedError { public var phrase: Phrase { EngineErrorText.phrase(self) } }

/// The numeric engine's refusals as the lab says them. RNNEngine depends on
/// nothing, so its errors are typed cases; RNNLab maps each case to one of
/// these messages (`EngineErrorText`).
public enum EngineErrorKey: String, CaseIterable, Sendable {
    // Sampling from a language model.
    case temperatureOutOfRange, emptyPrime, primeTokenOutOfRange
    // Trees of a recursive net.
    case treeEmpty, treeSelfReference, treeMissingChild, treeTokenOutOfRange, treeSharedChild, treeCycle, treeSeveralRoots
    // A 1-D convolution's configuration.
    case convNonPositive, convSameNeedsStrideOne
    // Loading a checkpoint's tensors into a model.
    case stateMissing, stateUnexpected, stateShapeMismatch
    // A checkpoint file (safetensors).
    case checkpointTruncated, checkpointHeader, checkpointLayout, checkpointTrailingBytes
    case checkpointUnsupportedType, checkpointNotFloat, checkpointReservedName, checkpointValueCount

    public var placeholders: Set<String> {
        switch self {
        case .temperatureOutOfRange: return ["temperature"]
        case .emptyPrime, .treeEmpty, .checkpointTruncated, .checkpointHeader: return []
        case .primeTokenOutOfRange: return ["token", "size"]
        case .treeSelfReference, .treeCycle: return ["node"]
        case .treeMissingChild: return ["node", "child", "count"]
        case .treeTokenOutOfRange: return ["node", "token", "size"]
        case .treeSharedChild: return ["child"]
        case .treeSeveralRoots: return ["roots"]
        case .convNonPositive: return ["name", "value"]
        case .convSameNeedsStrideOne: return ["stride"]
        case .checkpointLayout, .checkpointValueCount: return ["tensor"]
        case .stateMissing, .stateUnexpected: return ["tensor", "expected"]
        case .stateShapeMismatch: return ["tensor", "expected", "found"]
        case .checkpointTrailingBytes: return ["count"]
        case .checkpointUnsupportedType, .checkpointNotFloat: return ["tensor", "type"]
        case .checkpointReservedName: return ["name"]
        }
    }
}

import Foundation

/// `[String: Tensor]` round trips, for saving and loading a model's parameters
/// (named like PyTorch's `state_dict`: `weight_ih_l0`, `bias_hh_l0_reverse`, …).
extension SafetensorsFile {
    /// A file holding the given float tensors (F32 or F64, as each tensor is).
    public init(stateDict: [String: Tensor], metadata: [String: String] = [:]) {
        self.init(tensors: stateDict.mapValues { .float($0) }, metadata: metadata)
    }

    /// The float tensors by name; throws if the file also holds integer tensors
    /// (use ``tensors`` to see those).
    public func stateDict() throws(SafetensorsError) -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, tensor) in tensors {
            guard let t = tensor.floatTensor else {
                throw .notAFloatTensor(tensor: name, dtype: tensor.dtype.rawValue)
            }
            out[name] = t
        }
        return out
    }

    /// Loads a state dict of float tensors.
    public static func readStateDict(from url: URL) throws -> [String: Tensor] {
        try read(from: url).stateDict()
    }
}

import Foundation

/// A safetensors checkpoint: named tensors plus an optional string→string
/// metadata map (the header's `__metadata__`).
///
/// The format: 8 bytes of header length N (little-endian UInt64), N bytes of a
/// UTF-8 JSON object `{"name": {"dtype", "shape", "data_offsets"}, …}`, then the
/// raw little-endian data of every tensor, back to back with no gaps. Files
/// written here load with PyTorch's `safetensors.torch.load_file`, and files it
/// writes load here; the reader refuses everything the reference parser (the
/// Rust `safetensors` crate) refuses, with a ``SafetensorsError`` saying why.
///
///     let file = SafetensorsFile(stateDict: ["weight_ih_l0": w, "bias_ih_l0": b])
///     let bytes = try file.encode()         // to disk with RNNLab's SafeFile
///     let weights = try SafetensorsFile.read(from: url).stateDict()
public struct SafetensorsFile: Equatable, Sendable {
    /// The tensors by name, PyTorch `state_dict` style (`weight_ih_l0`, …).
    public var tensors: [String: SafeTensor]
    /// Free-form string metadata; empty when the file has none.
    public var metadata: [String: String]

    public init(tensors: [String: SafeTensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The reference's cap on the header length (safetensors `MAX_HEADER_SIZE`).
    public static let maxHeaderLength = 100_000_000
}

// MARK: - Reading

extension SafetensorsFile {
    /// Reads and checks a whole file.
    public static func read(from url: URL) throws -> SafetensorsFile {
        try decode(try Data(contentsOf: url))
    }

    /// Parses the bytes of a whole file.
    public static func decode(_ data: Data) throws(SafetensorsError) -> SafetensorsFile {
        let result: Result<SafetensorsFile, SafetensorsError> = data.withUnsafeBytes { raw in
            Result { () throws(SafetensorsError) in try decode(raw) }
        }
        return try result.get()
    }

    /// Parses the bytes of a whole file.
    public static func decode(_ bytes: [UInt8]) throws(SafetensorsError) -> SafetensorsFile {
        let result: Result<SafetensorsFile, SafetensorsError> = bytes.withUnsafeBytes { raw in
            Result { () throws(SafetensorsError) in try decode(raw) }
        }
        return try result.get()
    }

    /// Parses the bytes of a whole file, in the reference's order of checks:
    /// framing, UTF-8, JSON, entries, layout, and only then the element types.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(SafetensorsError) -> SafetensorsFile {
        guard bytes.count >= 8 else { throw .fileTooSmall(byteCount: bytes.count) }
        let length = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard length <= UInt64(maxHeaderLength) else {
            throw .headerTooLarge(length: length, limit: maxHeaderLength)
        }
        let headerLength = Int(length)
        guard 8 + headerLength <= bytes.count else {
            throw .headerPastEndOfFile(length: length, fileSize: bytes.count)
        }
        let headerBytes = [UInt8](bytes[8..<(8 + headerLength)])
        guard isValidUTF8(headerBytes) else {
            throw .headerNotUTF8(length: headerLength)
        }
        let header = try SafetensorsHeader(json: try HeaderJSONParser.parse(headerBytes))
        let data = UnsafeRawBufferPointer(rebasing: bytes[(8 + headerLength)...])
        try header.validateLayout(dataSize: data.count)

        var tensors: [String: SafeTensor] = [:]
        for e in header.entries {
            let slice = UnsafeRawBufferPointer(rebasing: data[e.begin..<e.end])
            guard let tensor = SafeTensor.fromLittleEndian(slice, dtype: e.dtype, shape: e.shape) else {
                throw .unsupportedDType(tensor: e.name, dtype: e.dtype.rawValue)
            }
            tensors[e.name] = tensor
        }
        return SafetensorsFile(tensors: tensors, metadata: header.metadata)
    }
}

/// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or
/// scalars past U+10FFFF), the same rule as Rust's `str::from_utf8`.
/// (`String(validating:as:)` would do, but needs macOS 15.)
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

/// Why a safetensors file was refused (or could not be written). Every message
/// names the tensor and the numbers involved. Offsets in layout messages count
/// from the start of the data section, as `data_offsets` in the header do.
///
/// The reading cases mirror what the reference crate refuses (its error in
/// brackets): fileTooSmall [HeaderTooSmall], headerTooLarge [HeaderTooLarge],
/// headerPastEndOfFile [InvalidHeaderLength], headerNotUTF8 [InvalidHeader],
/// invalidJSON … unknownDType [InvalidHeaderDeserialization],
/// invalidOffsets/gap/overlap [InvalidOffset], sizeOverflow [ValidationOverflow],
/// byteCountMismatch [TensorInvalidInfo], subByteMisaligned [MisalignedSlice],
/// trailingBytes/tensorPastEnd [MetadataIncompleteBuffer].
public enum SafetensorsError: Error, Equatable, Sendable {
    // MARK: Framing
    /// Fewer than the 8 bytes of the header length.
    case fileTooSmall(byteCount: Int)
    /// The header length is over the reference's 100 MB cap.
    case headerTooLarge(length: UInt64, limit: Int)
    /// The header would run past the end of the file.
    case headerPastEndOfFile(length: UInt64, fileSize: Int)
    /// The header bytes are not UTF-8.
    case headerNotUTF8(length: Int)
    /// The header is not JSON; `offset` is the byte within the header.
    case invalidJSON(reason: String, offset: Int)

    // MARK: Header structure
    /// The header is JSON but not an object.
    case headerNotObject(found: String)
    /// A tensor name appears twice (the reference silently keeps the last one).
    case duplicateTensor(name: String)
    /// `__metadata__` is not an object of strings, or appears twice.
    case invalidMetadata(reason: String)
    /// A tensor's entry is not an object.
    case entryNotObject(tensor: String, found: String)
    /// A tensor's entry lacks `dtype`, `shape` or `data_offsets`.
    case missingField(tensor: String, field: String)
    /// A field appears twice in one entry.
    case duplicateField(tensor: String, field: String)
    /// A field has the wrong JSON type or value.
    case wrongFieldType(tensor: String, field: String, expected: String, found: String)
    /// `dtype` is not one of the safetensors type names.
    case unknownDType(tensor: String, dtype: String)

    // MARK: Layout
    /// `data_offsets` [begin, end] with end before begin.
    case invalidOffsets(tensor: String, begin: Int, end: Int)
    /// Sorted by offset, a tensor starts after the previous one ended.
    case gap(tensor: String, begin: Int, previousEnd: Int)
    /// Sorted by offset, a tensor starts before the previous one ended.
    case overlap(tensor: String, begin: Int, previousEnd: Int)
    /// The element or byte count of the shape overflows a 64-bit integer.
    case sizeOverflow(tensor: String, shape: [Int])
    /// The offsets span a different number of bytes than shape × element size.
    case byteCountMismatch(tensor: String, dtype: String, shape: [Int], expected: Int, actual: Int)
    /// A packed sub-byte tensor does not end on a byte boundary.
    case subByteMisaligned(tensor: String, dtype: String, shape: [Int])
    /// The last tensor ends before the end of the file.
    case trailingBytes(dataEnd: Int, dataSize: Int)
    /// A tensor ends past the end of the file (a truncated file, usually).
    case tensorPastEnd(tensor: String, end: Int, dataSize: Int)

    // MARK: Content
    /// A valid file with a type this engine does not load.
    case unsupportedDType(tensor: String, dtype: String)
    /// A float tensor was asked for, but the file holds integers under this name.
    case notAFloatTensor(tensor: String, dtype: String)

    // MARK: Writing
    /// `__metadata__` is reserved for the metadata map.
    case reservedName(String)
    /// An integer tensor whose values do not fill its shape.
    case valueCountMismatch(tensor: String, shape: [Int], count: Int)
}

extension SafetensorsError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .fileTooSmall(let n):
            return "safetensors: the file has \(n) bytes, fewer than the 8 of the header length"
        case .headerTooLarge(let length, let limit):
            return "safetensors: header length \(length) is over the \(limit)-byte limit"
        case .headerPastEndOfFile(let length, let size):
            return "safetensors: header length \(length) needs 8 + \(length) bytes but the file has \(size)"
        case .headerNotUTF8(let length):
            return "safetensors: the \(length)-byte header is not valid UTF-8"
        case .invalidJSON(let reason, let offset):
            return "safetensors: the header is not valid JSON: \(reason) at header byte \(offset)"
        case .headerNotObject(let found):
            return "safetensors: the header must be a JSON object, found \(found)"
        case .duplicateTensor(let name):
            return "safetensors: tensor \(Self.quoted(name)) appears twice in the header"
        case .invalidMetadata(let reason):
            return "safetensors: __metadata__ must be an object of strings: \(reason)"
        case .entryNotObject(let tensor, let found):
            return "safetensors: the entry of tensor \(Self.quoted(tensor)) must be an object, found \(found)"
        case .missingField(let tensor, let field):
            return "safetensors: tensor \(Self.quoted(tensor)) has no \"\(field)\""
        case .duplicateField(let tensor, let field):
            return "safetensors: tensor \(Self.quoted(tensor)) has \"\(field)\" twice"
        case .wrongFieldType(let tensor, let field, let expected, let found):
            return "safetensors: \"\(field)\" of tensor \(Self.quoted(tensor)) must be \(expected), found \(found)"
        case .unknownDType(let tensor, let dtype):
            let known = SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            return "safetensors: tensor \(Self.quoted(tensor)) has unknown dtype \(Self.quoted(dtype)) (known: \(known))"
        case .invalidOffsets(let tensor, let begin, let end):
            return "safetensors: tensor \(Self.quoted(tensor)) has data_offsets [\(begin), \(end)] that end before they begin"
        case .gap(let tensor, let begin, let previousEnd):
            return "safetensors: tensor \(Self.quoted(tensor)) begins at byte \(begin) but the data before it ends at \(previousEnd): a gap of \(begin - previousEnd) bytes"
        case .overlap(let tensor, let begin, let previousEnd):
            return "safetensors: tensor \(Self.quoted(tensor)) begins at byte \(begin) but the data before it ends at \(previousEnd): \(previousEnd - begin) bytes overlap"
        case .sizeOverflow(let tensor, let shape):
            return "safetensors: the size of tensor \(Self.quoted(tensor)) with shape \(shape) overflows 64 bits"
        case .byteCountMismatch(let tensor, let dtype, let shape, let expected, let actual):
            return "safetensors: tensor \(Self.quoted(tensor)) of \(dtype) with shape \(shape) needs \(expected) bytes but its data_offsets span \(actual)"
        case .subByteMisaligned(let tensor, let dtype, let shape):
            return "safetensors: tensor \(Self.quoted(tensor)) of \(dtype) with shape \(shape) does not end on a byte boundary"
        case .trailingBytes(let dataEnd, let dataSize):
            return "safetensors: the tensors end at data byte \(dataEnd) but the data section has \(dataSize) bytes: \(dataSize - dataEnd) trailing bytes"
        case .tensorPastEnd(let tensor, let end, let dataSize):
            return "safetensors: tensor \(Self.quoted(tensor)) ends at data byte \(end) but the data section has only \(dataSize) bytes (truncated file?)"
        case .unsupportedDType(let tensor, let dtype):
            return "safetensors: tensor \(Self.quoted(tensor)) has dtype \(dtype); this engine loads only F32, F64 and I64"
        case .notAFloatTensor(let tensor, let dtype):
            return "safetensors: tensor \(Self.quoted(tensor)) is \(dtype), not a float tensor"
        case .reservedName(let name):
            return "safetensors: \(Self.quoted(name)) is reserved for metadata and cannot name a tensor"
        case .valueCountMismatch(let tensor, let shape, let count):
            return "safetensors: tensor \(Self.quoted(tensor)) has \(count) values, which do not fill shape \(shape)"
        }
    }

    /// A name in quotes, shortened if long so a hostile header cannot flood a log.
    static func quoted(_ s: String) -> String {
        let limit = 80
        let body = s.count > limit ? String(s.prefix(limit)) + "…" : s
        return "\"" + body.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
    }
}

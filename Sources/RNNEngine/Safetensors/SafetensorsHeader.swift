/// One tensor's line in the header: `"name": {"dtype": "F32", "shape": [4, 3],
/// "data_offsets": [begin, end]}`, offsets counted from the start of the data.
struct SafetensorsEntry: Sendable {
    var name: String
    var dtype: SafetensorsDType
    var shape: [Int]
    var begin: Int
    var end: Int
}

/// The parsed and checked header of a safetensors file.
struct SafetensorsHeader: Sendable {
    /// The entries sorted by `(begin, end)`, as the reference sorts them to check
    /// that they tile the data section.
    var entries: [SafetensorsEntry]
    var metadata: [String: String]

    static let metadataKey = "__metadata__"

    /// Reads the header's JSON structure. Mirrors the reference's serde rules:
    /// unknown fields in an entry are ignored, a repeated known field is refused,
    /// `__metadata__` may be null or an object of strings (a repeated key in it
    /// keeps the last value, as serde does). Two deliberate differences, both
    /// stricter and never produced by a writer: a tensor name given twice is
    /// refused (serde keeps the last silently), and an entry must be an object
    /// (serde would also take the positional form `["F32", [1], [0, 4]]`).
    init(json: JSONValue) throws(SafetensorsError) {
        guard case .object(let members) = json else { throw .headerNotObject(found: json.summary) }
        var entries: [SafetensorsEntry] = []
        var names = Set<String>()
        var metadata: [String: String]?
        for (key, value) in members {
            if key == Self.metadataKey {
                if metadata != nil { throw .invalidMetadata(reason: "it appears twice") }
                metadata = try Self.parseMetadata(value)
            } else {
                guard names.insert(key).inserted else { throw .duplicateTensor(name: key) }
                entries.append(try Self.parseEntry(name: key, value))
            }
        }
        entries.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        self.entries = entries
        self.metadata = metadata ?? [:]
    }

    private static func parseMetadata(_ value: JSONValue) throws(SafetensorsError) -> [String: String] {
        switch value {
        case .null:
            return [:]
        case .object(let members):
            var map: [String: String] = [:]
            for (key, v) in members {
                guard case .string(let s) = v else {
                    throw .invalidMetadata(reason: "key \(SafetensorsError.quoted(key)) holds \(v.summary)")
                }
                map[key] = s
            }
            return map
        default:
            throw .invalidMetadata(reason: "found \(value.summary)")
        }
    }

    private static func parseEntry(name: String, _ value: JSONValue) throws(SafetensorsError) -> SafetensorsEntry {
        guard case .object(let members) = value else { throw .entryNotObject(tensor: name, found: value.summary) }
        var fields: [String: JSONValue] = [:]
        for (key, v) in members where ["dtype", "shape", "data_offsets"].contains(key) {
            guard fields.updateValue(v, forKey: key) == nil else { throw .duplicateField(tensor: name, field: key) }
        }
        func field(_ key: String) throws(SafetensorsError) -> JSONValue {
            guard let v = fields[key] else { throw .missingField(tensor: name, field: key) }
            return v
        }

        let dtypeValue = try field("dtype")
        guard case .string(let dtypeName) = dtypeValue else {
            throw .wrongFieldType(tensor: name, field: "dtype", expected: "a string", found: dtypeValue.summary)
        }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw .unknownDType(tensor: name, dtype: dtypeName)
        }

        let shapeValue = try field("shape")
        let shapeExpected = "an array of non-negative integers"
        guard case .array(let dims) = shapeValue else {
            throw .wrongFieldType(tensor: name, field: "shape", expected: shapeExpected, found: shapeValue.summary)
        }
        var shape: [Int] = []
        shape.reserveCapacity(dims.count)
        for d in dims {
            guard let n = d.nonNegativeInt else {
                throw .wrongFieldType(tensor: name, field: "shape", expected: shapeExpected, found: d.summary)
            }
            shape.append(n)
        }

        let offsetsValue = try field("data_offsets")
        let offsetsExpected = "two non-negative integers [begin, end]"
        guard case .array(let offsets) = offsetsValue, offsets.count == 2 else {
            throw .wrongFieldType(tensor: name, field: "data_offsets", expected: offsetsExpected,
                                  found: Self.describeArray(offsetsValue))
        }
        guard let begin = offsets[0].nonNegativeInt, let end = offsets[1].nonNegativeInt else {
            let bad = offsets[0].nonNegativeInt == nil ? offsets[0] : offsets[1]
            throw .wrongFieldType(tensor: name, field: "data_offsets", expected: offsetsExpected, found: bad.summary)
        }
        return SafetensorsEntry(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    private static func describeArray(_ value: JSONValue) -> String {
        if case .array(let a) = value { return "an array of \(a.count)" }
        return value.summary
    }

    /// Checks the layout the way the reference does: sorted by offset, the tensors
    /// must tile the data section from byte 0 with no gap or overlap, each one
    /// spanning exactly shape × element size bytes, and the last one must end
    /// exactly at the end of the file.
    ///
    /// Beyond the reference: a shape whose non-zero dimensions multiply past
    /// 64 bits is refused even when another dimension is 0 (the reference folds
    /// left to right and lets `[0, 2^62, 2^62]` through; PyTorch then fails on
    /// the strides, and our shape code would trap on such a product).
    func validateLayout(dataSize: Int) throws(SafetensorsError) {
        var position = 0
        for e in entries {
            if e.end < e.begin { throw .invalidOffsets(tensor: e.name, begin: e.begin, end: e.end) }
            if e.begin > position { throw .gap(tensor: e.name, begin: e.begin, previousEnd: position) }
            if e.begin < position { throw .overlap(tensor: e.name, begin: e.begin, previousEnd: position) }
            position = e.end
            guard let count = Self.elementCount(e.shape) else { throw .sizeOverflow(tensor: e.name, shape: e.shape) }
            let (bits, overflow) = count.multipliedReportingOverflow(by: e.dtype.bitSize)
            if overflow { throw .sizeOverflow(tensor: e.name, shape: e.shape) }
            if bits % 8 != 0 { throw .subByteMisaligned(tensor: e.name, dtype: e.dtype.rawValue, shape: e.shape) }
            if e.end - e.begin != bits / 8 {
                throw .byteCountMismatch(tensor: e.name, dtype: e.dtype.rawValue, shape: e.shape,
                                         expected: bits / 8, actual: e.end - e.begin)
            }
        }
        if position > dataSize, let e = entries.first(where: { $0.end > dataSize }) {
            throw .tensorPastEnd(tensor: e.name, end: e.end, dataSize: dataSize)
        }
        if position < dataSize { throw .trailingBytes(dataEnd: position, dataSize: dataSize) }
    }

    /// The product of the dimensions, or nil if the non-zero ones overflow `Int`.
    static func elementCount(_ shape: [Int]) -> Int? {
        var product = 1
        for d in shape where d != 0 {
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            product = p
        }
        return shape.contains(0) ? 0 : product
    }
}

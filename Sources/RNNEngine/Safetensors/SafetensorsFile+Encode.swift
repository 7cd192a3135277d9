import Foundation

// MARK: - Writing

extension SafetensorsFile {
    /// The whole file as bytes.
    public func encode() throws(SafetensorsError) -> Data {
        let plan = try writePlan()
        var out = Data(capacity: plan.totalSize)
        plan.emit(self) { out.append(contentsOf: $0) }
        return out
    }

    /// Hands the whole file to `sink` in order, in pieces (the header length,
    /// the header, then each tensor's data without a copy). The engine does no
    /// file I/O beyond these bytes: `RNNLab`'s `SafeFile` streams them to disk.
    /// Nothing reaches `sink` when the file cannot be encoded.
    public func encode(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        let plan = try writePlan()
        try plan.emit(self, to: sink)
    }

    /// Lays the file out the way the reference writer does, so that a state dict
    /// saved here and by `safetensors.torch.save_file` give the same bytes:
    /// tensors sorted by descending alignment (I64, F64, then F32), then by name
    /// (byte order); `__metadata__` first (keys sorted; omitted when empty);
    /// compact JSON; the header padded with spaces to a multiple of 8 bytes.
    func writePlan() throws(SafetensorsError) -> WritePlan {
        if tensors[SafetensorsHeader.metadataKey] != nil { throw .reservedName(SafetensorsHeader.metadataKey) }
        for (name, tensor) in tensors { try tensor.validateForWriting(name: name) }
        let order = tensors.keys.sorted { a, b in
            let (ra, rb) = (tensors[a]!.dtype.writeRank, tensors[b]!.dtype.writeRank)
            return ra != rb ? ra < rb : a.utf8.lexicographicallyPrecedes(b.utf8)
        }

        var json = "{"
        var first = true
        func separate() { if !first { json += "," }; first = false }
        if !metadata.isEmpty {
            separate()
            json += "\"__metadata__\":{"
            json += metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
                .joined(separator: ",")
            json += "}"
        }
        var offset = 0
        for name in order {
            let t = tensors[name]!
            let end = offset + t.byteCount
            separate()
            json += "\(jsonString(name)):{\"dtype\":\"\(t.dtype.rawValue)\","
            json += "\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],"
            json += "\"data_offsets\":[\(offset),\(end)]}"
            offset = end
        }
        json += "}"
        var header = Array(json.utf8)
        header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))
        return WritePlan(header: header, order: order, dataSize: offset)
    }

    /// What to write, in order: the header length, the header, the tensor data.
    struct WritePlan {
        var header: [UInt8]
        var order: [String]
        var dataSize: Int

        var totalSize: Int { 8 + header.count + dataSize }

        /// Hands the file to `sink` in pieces, without copying tensor data.
        func emit(
            _ file: SafetensorsFile, to sink: (UnsafeRawBufferPointer) throws -> Void
        ) rethrows {
            try withUnsafeBytes(of: UInt64(header.count).littleEndian) { try sink($0) }
            try header.withUnsafeBytes { try sink($0) }
            for name in order { try file.tensors[name]!.withLittleEndianBytes { try sink($0) } }
        }
    }
}

/// A JSON string literal escaped as serde_json escapes it: quote, backslash and
/// control characters (the common ones by letter, the rest as \u00XX); all
/// other characters, non-ASCII included, are written as they are.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{00}"..."\u{1F}":
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

import Foundation
import Testing
@testable import RNNEngine

/// A file from a header (written as is) and data bytes.
func safetensorsBytes(_ header: String, _ data: [UInt8] = []) -> [UInt8] {
    safetensorsBytes(headerBytes: Array(header.utf8), data)
}

func safetensorsBytes(headerBytes: [UInt8], _ data: [UInt8] = []) -> [UInt8] {
    withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { Array($0) } + headerBytes + data
}

/// The error `decode` throws, or nil if it parses.
func refusal(_ bytes: [UInt8]) -> SafetensorsError? {
    do { _ = try SafetensorsFile.decode(bytes); return nil } catch { return error }
}

/// One entry of a header.
func entry(_ name: String, _ dtype: String = "F32", _ shape: [Int] = [1], _ offsets: (Int, Int) = (0, 4)) -> String {
    #""\#(name)":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":[\#(offsets.0),\#(offsets.1)]}"#
}

/// Every kind of file the reference parser refuses, refused with the right error.
/// (The reference's behaviour was checked against safetensors 0.8.0 in Python.)
@Suite struct SafetensorsRefusalTests {
    let four: [UInt8] = [0, 0, 128, 63]

    @Test func tooSmallForTheHeaderLength() {
        #expect(refusal([]) == .fileTooSmall(byteCount: 0))
        #expect(refusal([1, 0, 0]) == .fileTooSmall(byteCount: 3))
    }

    @Test func headerLengthOverTheCap() {
        let big = withUnsafeBytes(of: UInt64(100_000_001).littleEndian) { Array($0) } + Array("{}".utf8)
        #expect(refusal(big) == .headerTooLarge(length: 100_000_001, limit: 100_000_000))
        #expect(refusal([UInt8](repeating: 0xFF, count: 16)) == .headerTooLarge(length: .max, limit: 100_000_000))
        #expect(refusal(big)!.description.contains("100000001"))
    }

    @Test func headerLengthPastTheEndOfTheFile() {
        let bytes = withUnsafeBytes(of: UInt64(100).littleEndian) { Array($0) } + Array("{}".utf8)
        #expect(refusal(bytes) == .headerPastEndOfFile(length: 100, fileSize: 10))
        // Exactly at the cap is allowed by the cap, so it is refused as past the end.
        let atCap = withUnsafeBytes(of: UInt64(100_000_000).littleEndian) { Array($0) } + Array("{}".utf8)
        #expect(refusal(atCap) == .headerPastEndOfFile(length: 100_000_000, fileSize: 10))
    }

    @Test(arguments: [[0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], [0x7B, 0xC0, 0x80, 0x7D], [0x7B, 0xED, 0xA0, 0x80, 0x7D]] as [[UInt8]])
    func headerNotUTF8(header: [UInt8]) {
        #expect(refusal(safetensorsBytes(headerBytes: header)) == .headerNotUTF8(length: header.count))
    }

    @Test(arguments: [
        "{abc", "{} x", "{}\0\0", "", "   ", #"{"a":1,}"#, #"{"a":[1,]}"#, "\u{FEFF}{}", #"{"a":01}"#,
        #"{"a":1.}"#, #"{"a":-}"#, #"{"a":1e999}"#, #"{"a":"\q"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00x"}"#,
        "{\"a\":\"x\u{1}\"}", "{}\u{0C}", "{}\u{A0}", #"{"a":tru}"#, #"{"a":"x}"#, #"{"a" 1}"#, "{1:2}", "{",
        #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":"# + String(repeating: "[", count: 126)
            + String(repeating: "]", count: 126) + "}}",
    ])
    func headerNotJSON(header: String) {
        guard case .invalidJSON = refusal(safetensorsBytes(header, four)) else {
            Issue.record("\(header.debugDescription) was not refused as invalid JSON: \(String(describing: refusal(safetensorsBytes(header, four))))")
            return
        }
    }

    @Test func veryDeepNestingIsRefusedWithoutExhaustingTheStack() {
        let header = #"{"__metadata__":"# + String(repeating: "[", count: 200_000) + "}"
        guard case .invalidJSON(let reason, _) = refusal(safetensorsBytes(header)) else {
            Issue.record("deep nesting not refused"); return
        }
        #expect(reason == "nested deeper than 127 levels")
    }

    @Test(arguments: ["[]", "1", #""s""#, "null", "true"])
    func headerNotAnObject(header: String) {
        guard case .headerNotObject = refusal(safetensorsBytes(header)) else {
            Issue.record("\(header) was not refused as not an object"); return
        }
    }

    @Test func duplicateTensorName() {
        let bytes = safetensorsBytes("{\(entry("a")),\(entry("a", "F32", [2], (0, 8)))}", four + four)
        #expect(refusal(bytes) == .duplicateTensor(name: "a"))
    }

    @Test(arguments: [#"{"__metadata__":"x"}"#, #"{"__metadata__":{"k":1}}"#, #"{"__metadata__":{"k":null}}"#,
                      #"{"__metadata__":[]}"#, #"{"__metadata__":{},"__metadata__":{}}"#])
    func badMetadata(header: String) {
        guard case .invalidMetadata = refusal(safetensorsBytes(header)) else {
            Issue.record("\(header) was not refused as bad metadata"); return
        }
    }

    @Test func entryNotAnObject() {
        #expect(refusal(safetensorsBytes(#"{"a":["F32",[1],[0,4]]}"#, four)) == .entryNotObject(tensor: "a", found: "an array"))
        #expect(refusal(safetensorsBytes(#"{"a":null}"#)) == .entryNotObject(tensor: "a", found: "null"))
    }

    @Test func missingFields() {
        #expect(refusal(safetensorsBytes(#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, four)) == .missingField(tensor: "w", field: "dtype"))
        #expect(refusal(safetensorsBytes(#"{"w":{"dtype":"F32","data_offsets":[0,4]}}"#, four)) == .missingField(tensor: "w", field: "shape"))
        #expect(refusal(safetensorsBytes(#"{"w":{"dtype":"F32","shape":[1]}}"#, four)) == .missingField(tensor: "w", field: "data_offsets"))
        #expect(refusal(safetensorsBytes(#"{"w":{"dtype":"F32","shape":[1]}}"#, four))!.description
                == #"safetensors: tensor "w" has no "data_offsets""#)
    }

    @Test func duplicateField() {
        let bytes = safetensorsBytes(#"{"w":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, four)
        #expect(refusal(bytes) == .duplicateField(tensor: "w", field: "dtype"))
    }

    @Test(arguments: [
        (#""dtype":1,"shape":[1],"data_offsets":[0,4]"#, "dtype"),
        (#""dtype":"F32","shape":[1.0],"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":[1e0],"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":[-1],"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":[-0],"data_offsets":[0,0]"#, "shape"),
        (#""dtype":"F32","shape":true,"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":null,"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":["1"],"data_offsets":[0,4]"#, "shape"),
        (#""dtype":"F32","shape":[1],"data_offsets":[0]"#, "data_offsets"),
        (#""dtype":"F32","shape":[1],"data_offsets":[0,4,4]"#, "data_offsets"),
        (#""dtype":"F32","shape":[1],"data_offsets":["0",4]"#, "data_offsets"),
        (#""dtype":"F32","shape":[1],"data_offsets":{"0":0}"#, "data_offsets"),
        (#""dtype":"F32","shape":[1],"data_offsets":[0,4.0]"#, "data_offsets"),
        (#""dtype":"F32","shape":[1],"data_offsets":[0,18446744073709551616]"#, "data_offsets"),
    ])
    func wrongFieldTypes(fields: String, field: String) {
        let error = refusal(safetensorsBytes("{\"w\":{\(fields)}}", four))
        guard case .wrongFieldType(let tensor, let f, _, _) = error, tensor == "w", f == field else {
            Issue.record("\(fields): \(String(describing: error))"); return
        }
    }

    @Test func unknownDType() {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F33"))}", four)) == .unknownDType(tensor: "w", dtype: "F33"))
        #expect(refusal(safetensorsBytes("{\(entry("w", "f32"))}", four)) == .unknownDType(tensor: "w", dtype: "f32"))
    }

    @Test func offsetsThatEndBeforeTheyBegin() {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F32", [0], (4, 0)))}", four)) == .invalidOffsets(tensor: "w", begin: 4, end: 0))
    }

    @Test func gapBetweenTensors() {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F32", [1], (4, 8)))}", four + four)) == .gap(tensor: "w", begin: 4, previousEnd: 0))
        let twoWithGap = "{\(entry("a")),\(entry("b", "F32", [1], (8, 12)))}"
        #expect(refusal(safetensorsBytes(twoWithGap, four + four + four)) == .gap(tensor: "b", begin: 8, previousEnd: 4))
    }

    @Test func overlappingTensors() {
        let header = "{\(entry("a", "F32", [1], (0, 4))),\(entry("b", "F32", [1], (2, 6)))}"
        #expect(refusal(safetensorsBytes(header, four + four)) == .overlap(tensor: "b", begin: 2, previousEnd: 4))
    }

    @Test func sizeOverflow() {
        let huge = "{\(entry("w", "F32", [1 << 62, 8], (0, 4)))}"
        #expect(refusal(safetensorsBytes(huge, four)) == .sizeOverflow(tensor: "w", shape: [1 << 62, 8]))
        let hiddenByZero = "{\(entry("w", "F32", [0, 1 << 62, 1 << 62], (0, 0)))}"
        #expect(refusal(safetensorsBytes(hiddenByZero)) == .sizeOverflow(tensor: "w", shape: [0, 1 << 62, 1 << 62]))
    }

    @Test func byteCountDoesNotMatchTheShape() {
        let error = refusal(safetensorsBytes("{\(entry("w", "F32", [2, 3], (0, 20)))}", [UInt8](repeating: 0, count: 20)))
        #expect(error == .byteCountMismatch(tensor: "w", dtype: "F32", shape: [2, 3], expected: 24, actual: 20))
        #expect(error!.description == #"safetensors: tensor "w" of F32 with shape [2, 3] needs 24 bytes but its data_offsets span 20"#)
    }

    @Test func subByteTensorOffAByteBoundary() {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F4", [1], (0, 1)))}", [0])) == .subByteMisaligned(tensor: "w", dtype: "F4", shape: [1]))
    }

    @Test func trailingBytesAfterTheLastTensor() {
        #expect(refusal(safetensorsBytes("{\(entry("w"))}", four + [0])) == .trailingBytes(dataEnd: 4, dataSize: 5))
        #expect(refusal(safetensorsBytes("{}", [0])) == .trailingBytes(dataEnd: 0, dataSize: 1))
    }

    @Test func tensorPastTheEndOfTheFile() throws {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F32", [2], (0, 8)))}", four)) == .tensorPastEnd(tensor: "w", end: 8, dataSize: 4))
        // A good file cut short.
        let good = [UInt8](try SafetensorsRoundTripTests.sampleFile().encode())
        guard case .tensorPastEnd = refusal(Array(good.dropLast(3))) else {
            Issue.record("truncated file not refused as past the end"); return
        }
    }

    @Test func validFileWithATypeTheEngineDoesNotHold() {
        #expect(refusal(safetensorsBytes("{\(entry("w", "F16", [2], (0, 4)))}", four)) == .unsupportedDType(tensor: "w", dtype: "F16"))
    }
}

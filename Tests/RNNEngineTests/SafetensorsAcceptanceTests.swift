import Foundation
import Testing
@testable import RNNEngine

/// Unusual but valid files: the reference parser (safetensors 0.8.0, checked in
/// Python) accepts all of these, so refusing them would refuse good checkpoints.
@Suite struct SafetensorsAcceptanceTests {
    let four: [UInt8] = [0, 0, 128, 63]  // 1.0 as F32

    @Test(arguments: [
        "  {}", "\n{ }\t\r\n", "{}      ",
        #"{"__metadata__":null}"#, #"{"__metadata__":{}}"#,
        #"{"__metadata__":{"k":"\ud83d\ude00 \u00e9 \/ \n"}}"#,
    ])
    func emptyButValid(header: String) throws {
        let file = try SafetensorsFile.decode(safetensorsBytes(header))
        #expect(file.tensors.isEmpty)
    }

    @Test func escapesInNamesAndTypesAreResolved() throws {
        let header = #"{"w\u0065ight":{"\u0064type":"F\u00332","shape":[1],"data_offsets":[0,4]}}"#
        let file = try SafetensorsFile.decode(safetensorsBytes(header, four))
        #expect(file.tensors["weight"] == .float(Tensor(shape: [1], scalars: [1])))
    }

    @Test func unknownFieldsAreIgnored() throws {
        let header = #"{"w":{"dtype":"F32","x":{"y":[null,true,false,-1.5e-3,"z"]},"shape":[1],"data_offsets":[0,4],"x":1}}"#
        #expect(try SafetensorsFile.decode(safetensorsBytes(header, four)).tensors.count == 1)
    }

    @Test func nestingUpTo127LevelsIsAllowed() throws {
        let deep = String(repeating: "[", count: 125) + String(repeating: "]", count: 125)
        let header = #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":"# + deep + "}}"
        #expect(try SafetensorsFile.decode(safetensorsBytes(header, four)).tensors.count == 1)
    }

    @Test func repeatedMetadataKeyKeepsTheLastValue() throws {
        let file = try SafetensorsFile.decode(safetensorsBytes(#"{"__metadata__":{"k":"a","k":"b"}}"#))
        #expect(file.metadata == ["k": "b"])
    }

    @Test func entriesInAnyOrderAndZeroSizedTensorsAnywhere() throws {
        let header = "{" + [
            entry("late", "F32", [1], (4, 8)), entry("first", "F32", [1], (0, 4)),
            entry("empty_start", "F32", [0], (0, 0)), entry("empty_mid", "F64", [2, 0], (4, 4)),
            entry("empty_end", "I64", [0], (8, 8)), entry("", "F32", [], (8, 12)),
        ].joined(separator: ",") + "}"
        let file = try SafetensorsFile.decode(safetensorsBytes(header, four + four + four))
        #expect(file.tensors.count == 6)
        #expect(file.tensors[""]?.shape == [])
        #expect(file.tensors["empty_mid"]?.floatTensor?.dtype == .float64)
        #expect(file.tensors["empty_end"] == .int64(shape: [0], values: []))
    }

    @Test func offsetsNeedNotBeAligned() throws {
        // The reference pads its own header, but does not require alignment.
        let header = "{\(entry("b", "I8", [1], (0, 1))),\(entry("w", "F32", [1], (1, 5)))}"
        #expect(refusal(safetensorsBytes(header, [7] + four)) == .unsupportedDType(tensor: "b", dtype: "I8"))
        let f64 = "{\(entry("w", "F64", [1], (0, 8)))}"
        let file = try SafetensorsFile.decode(safetensorsBytes(f64 + " ", [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]))
        #expect(file.tensors["w"] == .float(Tensor(shape: [1], doubles: [1])))
    }
}

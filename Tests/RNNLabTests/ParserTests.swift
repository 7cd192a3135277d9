import Foundation
import Testing
@testable import RNNLab

/// Loaders refuse missing, empty and malformed files with path, line and reason.
@Suite struct ParserTests {
    @Test func missingAndEmptyFiles() {
        let missing = "/nonexistent/folder/sunspot.month.csv"
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: missing) }
                == DataError(path: missing, reason: "file not found"))
        let empty = DataFixture.write("", to: "empty.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: empty) } == DataError(path: empty, reason: "file is empty"))
        let blank = DataFixture.write("\n \n", to: "blank.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadCO2(path: blank) }?.reason == "file is empty")
    }

    @Test func sunspotsRows() {
        let header = "\"\",\"time\",\"sunspot.month\"\n"
        let wrongColumns = DataFixture.write(header + "\"1\",1749,58\n\"2\",1749.08333333333\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: wrongColumns) }
                == DataError(path: wrongColumns, line: 3, reason: "expected 3 columns, found 2"))
        let badNumber = DataFixture.write(header + "\"1\",1749,58\n\"2\",1749.1,6x2.6\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: badNumber) }
                == DataError(path: badNumber, line: 3, reason: "value '6x2.6' is not a number"))
        let nan = DataFixture.write(header + "\"1\",1749,nan\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: nan) }?.line == 2)
        let missing = DataFixture.write(header + "\"1\",1749,58\n\"2\",1749.1,\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: missing) }
                == DataError(path: missing, line: 3, reason: "missing value"))
        let badHeader = DataFixture.write("time,value\n1749,58\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: badHeader) }?.line == 1)
        let backwards = DataFixture.write(header + "\"1\",1750,58\n\"2\",1749,3\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: backwards) }?.line == 3)
        let gap = DataFixture.write(header + "\"1\",1749,58\n\n\"2\",1750,3\n", to: "s.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadSunspots(path: gap) }
                == DataError(path: gap, line: 3, reason: "blank line inside the data"))
    }

    @Test func co2MissingValuesAreInterpolatedNotNaN() throws {
        let path = DataFixture.write("date,co2\n20000101,310\n20000108,\n20000115,\n20000122,313\n20000129,\n", to: "c.csv")
        let s = try TimeSeries.loadCO2(path: path)
        #expect(s.values == [310, 311, 312, 313, 313])
        #expect(s.observed == [true, false, false, true, false])
        let bad = DataFixture.write("date,co2\n20000101,310\n20000108,abc\n", to: "c.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadCO2(path: bad) }
                == DataError(path: bad, line: 3, reason: "value 'abc' is not a number"))
        let allMissing = DataFixture.write("date,co2\n20000101,\n20000108,\n", to: "c.csv")
        #expect(DataFixture.dataError { _ = try TimeSeries.loadCO2(path: allMissing) }?.reason == "every value is missing")
    }

    @Test func imageRows() {
        func load(_ text: String) -> DataError? {
            let path = DataFixture.write(text, to: "img.csv")
            return DataFixture.dataError { _ = try ImageSet.load(path: path, height: 2, width: 2, maxPixel: 16) }
        }
        #expect(load("0,1,2,3,4\n0,1,2,3\n")?.line == 2)
        #expect(load("0,1,2,3,4\n0,1,2,3\n")?.reason == "expected 5 columns (4 pixels and a label), found 4")
        #expect(load("0,1,2,3,4\n0,1,x,3,4\n")?.reason == "column 3 is not a whole number (unexpected 'x')")
        #expect(load("0,1,2,3,4\n0,1,17,3,4\n")?.reason == "pixel 17 in column 3 is outside 0…16")
        #expect(load("0,1,2,3,11\n")?.reason == "label 11 is outside 0…9")
        #expect(load("0,1,,3,4\n")?.reason == "column 3 is not a whole number")
        let good = DataFixture.write("0,1,2,3,4\n16,0,0,1.0,9\n", to: "img.csv")
        let set = try? ImageSet.load(path: good, height: 2, width: 2, maxPixel: 16)
        #expect(set?.labels == [4, 9])
        #expect(set?.pixels == [0, 1, 2, 3, 16, 0, 0, 1])
        // Fewer rows than the data set should have: refused as truncated.
        let short = DataFixture.dataError { _ = try ImageSet.load(path: good, height: 2, width: 2, maxPixel: 16, expectedRows: 3) }
        #expect(short?.reason == "expected 3 images, found 2 (truncated file?)")
    }

    @Test func censusNames() {
        func load(_ text: String) -> DataError? {
            let path = DataFixture.write(text, to: "dist.first")
            return DataFixture.dataError { _ = try TextFiles.loadCensusNames(path: path) }
        }
        #expect(load("MARY  2.629  2.629  1\nPATRICIA 1.073 3.702\n")?.reason
                == "expected 4 columns (name, percent, cumulative percent, rank), found 3")
        #expect(load("MARY  2.629  2.629  1\nPATRICIA 1.073 3.702\n")?.line == 2)
        #expect(load("MARY  2.629  2.629  1\nPAT1 1.073 3.702 2\n")?.reason == "name 'PAT1' is not upper-case letters A–Z")
        #expect(load("MARY  2.629  2.629  1\nPAT 1.0x73 3.702 2\n")?.reason == "percent '1.0x73' is not a non-negative number")
        #expect(load("MARY  2.629  2.629  1\nPAT 1.073 3.702 3\n")?.reason == "rank '3' should be 2")
    }

    @Test func tsFiles() {
        let header = "# comment\n@problemName X\n@dimensions 2\n@classLabel true 1 2\n@data\n"
        func load(_ text: String) -> DataError? {
            let path = DataFixture.write(text, to: "x.ts")
            return DataFixture.dataError { _ = try LabelledSeriesSet.load(path: path) }
        }
        #expect(load(header + "1,2,3:4,5,6:1\n1,2:3,4,5:2\n")
                .map { ($0.line, $0.reason) }! == (7, "dimension 2 has 3 steps, dimension 1 has 2"))
        #expect(load(header + "1,2,3:4,5,6:3\n")?.reason == "class label '3' is not declared in @classLabel")
        #expect(load(header + "1,2,3:1\n")?.reason == "expected 2 dimensions and a label (3 fields separated by ':'), found 2")
        #expect(load(header + "1,?,3:4,5,6:1\n")?.reason == "dimension 1: '?' is not a number")
        #expect(load("@dimensions 2\n@classLabel true 1 2\n")?.reason == "no @data section")
        let good = DataFixture.write(header + "1,2,3:4,5,6:2\n", to: "x.ts")
        let set = try? LabelledSeriesSet.load(path: good)
        #expect(set?.series.first?.values == [1, 4, 2, 5, 3, 6])
        #expect(set?.series.first?.label == 1)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let url = DataFixture.temporaryFolder().appendingPathComponent("bad.txt")
        try Data(Array("good line\nsecond\nbad \u{1}".utf8) + [0xFF, 0xFE] + Array("\n".utf8)).write(to: url)
        #expect(DataFixture.dataError { _ = try TextFiles.load(path: url.path) }
                == DataError(path: url.path, line: 3, reason: "not valid UTF-8 text"))
    }

    @Test func numbersParseExactly() {
        let b = Array("1749.08333333333,-0.207383,58,1e-3,+2.5,.5,-".utf8)
        let f = DataFile(path: "x", bytes: b)
        let values = f.fields(0..<b.count).map { f.number($0) }
        #expect(values[0] == 1749.08333333333)
        #expect(values[1] == -0.207383)
        #expect(values[2] == 58)
        #expect(values[3] == 0.001)
        #expect(values[4] == 2.5)
        #expect(values[5] == 0.5)
        #expect(values[6] == nil)
    }

    @Test func errorsDescribeThemselves() {
        #expect(DataError(path: "a/b.csv", line: 12, reason: "bad").description == "a/b.csv:12: bad")
        #expect(DataError(path: "a/b.csv", reason: "file not found").description == "a/b.csv: file not found")
    }
}

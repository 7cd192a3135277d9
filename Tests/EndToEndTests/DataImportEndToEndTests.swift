import Foundation
import Testing

/// `rnnlab data import` in the built program: a series, labelled texts and a
/// plain text are imported into the state folder, listed by `rnnlab data`
/// beside the built-in sets, and trained on by the forecasting, text
/// classification and character-model lessons with `--set data=NAME`; a
/// malformed file, a taken name and an unknown set are refused.
@Suite struct DataImportEndToEndTests {
    let cli = RunCommandEndToEndTests()

    /// `rnnlab` with the state folder in `dir` and only the options each command takes.
    func rnnlab(_ arguments: [String], in dir: URL) throws -> RunCommandEndToEndTests.Result {
        let (out, err) = (dir.appendingPathComponent("stdout").path, dir.appendingPathComponent("stderr").path)
        let lessons = ["--lessons-dir", LabBinary.lessonsDirectory.path]
        let data = ["--data-dir", LabBinary.packageRoot.appendingPathComponent("datasets").path]
        let extra = arguments.first == "run" ? lessons + data : arguments.count > 1 && arguments[1] == "import" ? lessons : data
        let status = try Spawn.run("/usr/bin/env", ["RNNLAB_STATE_DIR=\(dir.path)/state", LabBinary.url.path] + arguments + extra,
                                   stdout: out, stderr: err)
        return .init(status: status, out: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                     err: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func importedSetsAreListedAndTrainedOn() throws {
        let dir = try cli.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let series = try write(ImportedDataSeries.series(400), "series.csv", in: dir)
        let imported = try rnnlab(["data", "import", series, "--kind", "regression", "--name", "waves"], in: dir)
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("imported waves (regression, 400 rows) into \(dir.path)/state/data/waves"), "\(imported.out)")
        #expect(imported.out.contains("train on it: rnnlab run LESSON --set data=waves, where LESSON is one of forecasting-dropout"), "\(imported.out)")
        let labelled = "label,text\n" + (0..<300).map { $0 % 2 == 0 ? "calm,a quiet slow line \($0)" : "storm,WIND AND RAIN \($0)!" }.joined(separator: "\n")
        #expect(try rnnlab(["data", "import", try write(labelled, "l.csv", in: dir), "--kind", "classification", "--name", "moods"], in: dir).status == 0)
        let text = String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 300)
        let fox = try rnnlab(["data", "import", try write(text, "t.txt", in: dir), "--kind", "text", "--name", "fox"], in: dir)
        #expect(fox.status == 0, "\(fox.err)")
        // A text is counted in characters, not rows.
        #expect(fox.out.contains("imported fox (text, \(text.count) characters)"), "\(fox.out)")

        // Listed after the built-in sets, with their splits (T = 48 for a series: 280 − 48 training windows).
        let list = try rnnlab(["data"], in: dir)
        #expect(list.status == 0, "\(list.err)")
        let section = list.out.components(separatedBy: "Imported with rnnlab data import").last ?? ""
        #expect(list.out.contains("sunspots") && !section.contains("sunspots"), "\(list.out)")
        let wavesRow = section.split(separator: "\n").first { $0.hasPrefix("waves") }.map(String.init) ?? ""
        #expect(wavesRow.contains("232") && wavesRow.contains("12"), "\(section)")
        #expect(section.contains("moods") && section.contains("fox"), "\(section)")

        // Each lesson trains on its kind of set.
        for (lesson, name) in [("forecasting-dropout", "waves"), ("text-rnn", "moods"), ("char-language-model", "fox")] {
            let run = try rnnlab(["run", lesson, "--steps", "20", "--set", "data=\(name)"], in: dir)
            #expect(run.status == 0, "\(lesson) on \(name): \(run.err)")
            #expect(run.out.contains("final validation loss"), "\(run.out)")
        }
        // The seasonal baseline belongs to the lesson's own series, not to an imported one.
        let own = try rnnlab(["run", "forecasting-dropout", "--steps", "1"], in: dir)
        let theirs = try rnnlab(["run", "forecasting-dropout", "--steps", "1", "--set", "data=waves"], in: dir)
        #expect(own.out.contains("baseline seasonal naive") && !theirs.out.contains("seasonal naive"), "\(theirs.out)")
        #expect(theirs.out.contains("baseline last value"), "\(theirs.out)")

        // Refusals: a taken name, an unknown set (the choices named), a set of another kind.
        let taken = try rnnlab(["data", "import", series, "--kind", "regression", "--name", "waves"], in: dir)
        #expect(taken.status == 2 && taken.err.contains("a data set named waves is already imported"), "\(taken.err)")
        let unknown = try rnnlab(["run", "forecasting-dropout", "--steps", "1", "--set", "data=nope"], in: dir)
        #expect(unknown.status == 2 && unknown.err.contains("lesson, waves"), "\(unknown.err)")
        let otherKind = try rnnlab(["run", "text-rnn", "--steps", "1", "--set", "data=waves"], in: dir)
        #expect(otherKind.status == 2 && otherKind.err.contains("lesson, moods"), "\(otherKind.err)")
    }

    @Test func malformedFilesAndBadOptionsAreRefusedWithFileAndLine() throws {
        let dir = try cli.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("time,value\n1,2\n2,x\n", "bad.csv", in: dir)
        let r = try rnnlab(["data", "import", bad, "--kind", "regression", "--name", "bad"], in: dir)
        #expect(r.status == 2)
        #expect(r.err.contains("\(bad):3: value 'x' is not a number"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("state/data/bad").path))
        let kind = try rnnlab(["data", "import", bad, "--kind", "images", "--name", "x"], in: dir)
        #expect(kind.status == 2 && kind.err.contains("--kind images is not a kind of data set; the kinds are regression, classification"), "\(kind.err)")
        let name = try rnnlab(["data", "import", bad, "--kind", "regression", "--name", "My Data"], in: dir)
        #expect(name.status == 2 && name.err.contains("a data set's name is 1 to 40 lower-case letters"), "\(name.err)")
        let builtIn = try rnnlab(["data", "import", bad, "--kind", "regression", "--name", "sunspots"], in: dir)
        #expect(builtIn.status == 2 && builtIn.err.contains("--name sunspots is a built-in task or data set"), "\(builtIn.err)")
    }
}

/// A smooth series with a cycle, as a CSV of the regression layout.
enum ImportedDataSeries {
    static func series(_ n: Int) -> String {
        "time,value\n" + (0..<n).map { "\($0),\(100 + Double($0) * 0.5 + sin(Double($0) / 3))" }.joined(separator: "\n") + "\n"
    }
}

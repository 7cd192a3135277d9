import Foundation
import Testing

/// `rnnlab run` as a learner or a script runs it (reliability review D1, D7,
/// D16): bad arguments and bad output paths are refused before any training,
/// a divergence exits non-zero, Ctrl-C still writes the metrics, and the JSON
/// metrics hold numbers or null.
@Suite struct RunCommandEndToEndTests {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `rnnlab` through `/usr/bin/env` (to set the environment) in `folder`.
    func rnnlab(_ arguments: [String], environment: [String] = [], in folder: URL) throws -> Result {
        let (out, err) = (folder.appendingPathComponent("stdout").path, folder.appendingPathComponent("stderr").path)
        let status = try Spawn.run("/usr/bin/env", environment + ["RNNLAB_STATE_DIR=\(folder.path)/state", LabBinary.url.path] + arguments
            + ["--lessons-dir", LabBinary.lessonsDirectory.path, "--data-dir", LabBinary.packageRoot.appendingPathComponent("datasets").path],
            stdout: out, stderr: err)
        return Result(status: status, out: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      err: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-run-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func badArgumentsAreRefusedWithTheRange() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let negative = try rnnlab(["run", "simple-rnn", "--steps", "-1"], in: dir)
        #expect(negative.status == 2 && negative.err.contains("--steps must be a whole number in 1…1000000, got -1"), "\(negative.err)")
        let huge = try rnnlab(["run", "simple-rnn", "--steps", "999999999999"], in: dir)
        #expect(huge.status == 2 && huge.err.contains("--steps must be a whole number in 1…1000000, got 999999999999"), "\(huge.err)")
        let threads = try rnnlab(["run", "simple-rnn", "--steps", "1"], environment: ["RNNLAB_THREADS=abc"], in: dir)
        #expect(threads.status == 2 && threads.err.contains("RNNLAB_THREADS must be a whole number between 1 and"), "\(threads.err)")
        let memory = try rnnlab(["run", "simple-rnn", "--steps", "1", "--max-memory", "lots"], in: dir)
        #expect(memory.status == 2 && memory.err.contains("--max-memory: a memory size is a number with a unit"), "\(memory.err)")
    }

    @Test func aLessonNumberFindsItsFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try rnnlab(["run", "1", "--steps", "1"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("Sequences and the simple RNN"), "\(r.out)")
    }

    /// The review's `--metrics /nonexistent/x.csv` trained 500 steps and then
    /// failed; a FIFO was replaced by a file. Both are refused before step 1.
    @Test func badOutputPathsAreRefusedBeforeTraining() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try rnnlab(["run", "simple-rnn", "--steps", "500", "--metrics", "/nonexistent/x.csv"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.err.contains("cannot write /nonexistent/x.csv: the folder /nonexistent does not exist"), "\(missing.err)")
        #expect(!missing.out.contains("step "), "it trained: \(missing.out)")
        let fifo = dir.appendingPathComponent("model.safetensors")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let refused = try rnnlab(["run", "simple-rnn", "--steps", "500", "--checkpoint", fifo.path], in: dir)
        #expect(refused.status == 2 && refused.err.contains("is a FIFO, not a regular file; it was left alone"), "\(refused.err)")
        #expect(!refused.out.contains("parameters"), "it built the model: \(refused.out)")
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// The review's `hidden=512 batch=1024 T=1000` aborted in the allocator.
    @Test func aHugeConfigurationIsRefusedWithTheEstimateAndTheLimit() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try rnnlab(["run", "simple-rnn", "--steps", "1", "--set", "hidden=512", "--set", "batch=1024", "--set", "T=1000"], in: dir)
        #expect(r.status == 2)
        #expect(r.err.contains("these settings need about 15 GiB of memory, over the limit of 4.0 GiB"), "\(r.err)")
    }

    /// The estimate is within a factor of 2 of the peak RSS `/usr/bin/time -f %M`
    /// measures for the same run (a config whose memory is mostly the tape).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func theEstimateIsWithinAFactorOfTwoOfTheMeasuredPeak() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let settings = ["--set", "hidden=16", "--set", "batch=512", "--set", "T=1000"]
        let refused = try rnnlab(["run", "simple-rnn", "--steps", "1", "--max-memory", "64M"] + settings, in: dir)
        let estimate = try #require(Self.mebibytes(in: refused.err), "\(refused.err)")
        let peakFile = dir.appendingPathComponent("peak").path
        let status = try Spawn.run("/usr/bin/time", ["-f", "%M", "-o", peakFile, "/usr/bin/env", "RNNLAB_STATE_DIR=\(dir.path)/state",
                                                     LabBinary.url.path, "run", "simple-rnn", "--steps", "2",
                                                     "--lessons-dir", LabBinary.lessonsDirectory.path] + settings,
                                   stdout: dir.appendingPathComponent("out").path, stderr: dir.appendingPathComponent("err").path)
        #expect(status == 0)
        let text = try String(contentsOfFile: peakFile, encoding: .utf8)
        let peakKiB = try #require(text.split(separator: "\n").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }, "\(text)")
        let ratio = estimate / (peakKiB / 1024)
        #expect(ratio > 0.5 && ratio < 2, "estimate \(estimate) MiB, measured \(peakKiB / 1024) MiB")
    }

    /// "need about 650 MiB" or "need about 5.0 GiB" → MiB.
    static func mebibytes(in message: String) -> Double? {
        guard let range = message.range(of: "need about ") else { return nil }
        let words = message[range.upperBound...].split(separator: " ")
        guard words.count >= 2, let n = Double(words[0]) else { return nil }
        switch words[1] {
        case "MiB": return n
        case "GiB": return n * 1024
        default: return nil
        }
    }

    /// The review's diverging run exited 0 and saved the exploded model.
    @Test func aDivergenceExitsNonZeroAndSavesTheLastGoodModel() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (metrics, checkpoint) = (dir.appendingPathComponent("m.json"), dir.appendingPathComponent("c.safetensors"))
        let r = try rnnlab(["run", "simple-rnn", "--steps", "300", "--set", "learning_rate=10", "--set", "optimizer=sgd",
                            "--set", "cell=rnn_relu", "--set", "hidden=32", "--set", "k=3", "--metrics", metrics.path, "--checkpoint", checkpoint.path], in: dir)
        #expect(r.status == 1, "\(r.out)\n\(r.err)")
        #expect(r.err.contains("diverged at step"))
        #expect(r.out.contains("rolled back to step"))
        let json = try String(contentsOf: metrics, encoding: .utf8)
        #expect(json.contains("null") && !json.contains("\"nan\"") && !json.contains("\"inf\""))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: metrics)) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["loss"] is Double || $0["loss"] is NSNull })
        let bytes = try Data(contentsOf: checkpoint)
        let headerLength = Int(bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian)
        let header = String(decoding: bytes.dropFirst(8).prefix(headerLength), as: UTF8.self)
        #expect(header.contains("\"note\":\"rolled back to step"), "\(header)")
    }

    /// Ctrl-C lost every metric; now the steps taken so far are written and the status is 130.
    @Test func ctrlCWritesTheMetricsSoFar() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let metrics = dir.appendingPathComponent("m.csv")
        let script = """
            stdbuf -oL "$@" > out 2> err & pid=$!
            i=0; while ! grep -q '^step' out && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
            kill -INT $pid
            i=0; while kill -0 $pid 2>/dev/null && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
            if kill -0 $pid 2>/dev/null; then kill -KILL $pid; echo hung > status; else wait $pid; echo $? > status; fi
            """
        let status = try Spawn.run("/bin/sh", ["-c", "cd '\(dir.path)' || exit 3\n\(script)", "sh", "/usr/bin/env", "RNNLAB_STATE_DIR=\(dir.path)/state",
                                               LabBinary.url.path, "run", "simple-rnn", "--steps", "1000000", "--metrics", metrics.path,
                                               "--lessons-dir", LabBinary.lessonsDirectory.path],
                                   stdout: dir.appendingPathComponent("sh.out").path, stderr: dir.appendingPathComponent("sh.err").path)
        #expect(status == 0)
        let exit = try String(contentsOf: dir.appendingPathComponent("status"), encoding: .utf8)
        let err = try String(contentsOf: dir.appendingPathComponent("err"), encoding: .utf8)
        #expect(exit.trimmingCharacters(in: .whitespacesAndNewlines) == "130", "\(err)")
        #expect(err.contains("interrupted after step"))
        let lines = try String(contentsOf: metrics, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 2 && lines[0].hasPrefix("step,loss"))
    }
}

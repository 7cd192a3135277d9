import Foundation
import TestTiers
import Testing

/// `rnnlab run --resume` in the built program: 30 steps, a checkpoint, 20 more
/// resumed, writes the very bytes that 50 steps straight write (parameters,
/// optimiser state, step and generator positions); files that cannot be resumed
/// and options that would change the run are refused with what to do instead.
@Suite struct ResumeEndToEndTests {
    let cli = RunCommandEndToEndTests()

    @Test func thirtyStepsResumedForTwentyAreFiftyStraight() throws {
        let dir = try cli.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (first, resumed, straight) = (dir.appendingPathComponent("a.safetensors"), dir.appendingPathComponent("b.safetensors"),
                                          dir.appendingPathComponent("c.safetensors"))
        let a = try cli.rnnlab(["run", "simple-rnn", "--steps", "30", "--checkpoint", first.path], in: dir)
        #expect(a.status == 0, "\(a.err)")
        let b = try cli.rnnlab(["run", "simple-rnn", "--steps", "20", "--resume", first.path, "--checkpoint", resumed.path], in: dir)
        #expect(b.status == 0, "\(b.err)")
        #expect(b.out.contains("resumed \(first.path) at step 30"), "\(b.out)")
        #expect(b.out.contains("checkpoint of step 50 written to \(resumed.path)"), "\(b.out)")
        let c = try cli.rnnlab(["run", "simple-rnn", "--steps", "50", "--checkpoint", straight.path], in: dir)
        #expect(c.status == 0, "\(c.err)")
        let (resumedBytes, straightBytes) = (try Data(contentsOf: resumed), try Data(contentsOf: straight))
        #expect(resumedBytes.count > 1000)
        #expect(resumedBytes == straightBytes, "the resumed run's checkpoint differs from the straight run's")
        // Thirty steps more than the straight run is another file: the comparison can fail.
        #expect(try Data(contentsOf: first) != straightBytes)
        // A live change on resuming is taken; a setting that rebuilds the model is refused.
        let live = try cli.rnnlab(["run", "simple-rnn", "--steps", "5", "--resume", first.path, "--set", "learning_rate=0.002"], in: dir)
        #expect(live.status == 0, "\(live.err)")
        let rebuild = try cli.rnnlab(["run", "simple-rnn", "--steps", "5", "--resume", first.path, "--set", "hidden=5"], in: dir)
        #expect(rebuild.status == 2)
        #expect(rebuild.err.contains("hidden rebuilds the model from the seed, so --resume cannot change it"), "\(rebuild.err)")
        let seed = try cli.rnnlab(["run", "simple-rnn", "--steps", "5", "--resume", first.path, "--seed", "3"], in: dir)
        #expect(seed.status == 2 && seed.err.contains("--seed cannot be used with --resume"), "\(seed.err)")
        // Another lesson's task is named.
        let other = try cli.rnnlab(["run", "lstm-gates", "--steps", "5", "--resume", first.path], in: dir)
        #expect(other.status == 2 && other.err.contains("is a checkpoint of the task"), "\(other.err)")
    }

    /// A safetensors file as PyTorch writes a state_dict: one float32 tensor `name`
    /// of shape [1], no metadata.
    static func oneTensorFile(_ name: String, named file: String, in dir: URL) throws -> URL {
        let header = #"{"\#(name)":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        var bytes = Data()
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        bytes.append(contentsOf: [0, 0, 0, 0])
        let url = dir.appendingPathComponent(file)
        try bytes.write(to: url)
        return url
    }

    /// `--init-from` loads a file whose names and shapes fit; one saved from a
    /// model built with another size is refused with the tensor, the shapes and
    /// the `--set` that makes it fit, and one with other names lists the model's.
    @Test func initFromLoadsWhatFitsAndSaysWhatWouldFit() throws {
        let dir = try cli.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wide = dir.appendingPathComponent("wide.safetensors")
        let saved = try cli.rnnlab(["run", "simple-rnn", "--steps", "3", "--set", "hidden=24", "--checkpoint", wide.path], in: dir)
        #expect(saved.status == 0, "\(saved.err)")
        let refused = try cli.rnnlab(["run", "simple-rnn", "--steps", "3", "--init-from", wide.path], in: dir)
        #expect(refused.status == 2)
        #expect(refused.err.contains("\(wide.path) does not fit this lesson's model: tensor \"rnn.weight_ih_l0\" has shape [24, "), "\(refused.err)")
        #expect(refused.err.contains("to load it, add --set hidden=24"), "\(refused.err)")
        #expect(!refused.out.contains("step 1"), "it trained: \(refused.out)")
        let fitted = try cli.rnnlab(["run", "simple-rnn", "--steps", "3", "--set", "hidden=24", "--init-from", wide.path], in: dir)
        #expect(fitted.status == 0, "\(fitted.err)")
        // A file of another lesson's task: the tasks are named, no --set is offered.
        let other = try cli.rnnlab(["run", "lstm-gates", "--steps", "3", "--init-from", wide.path], in: dir)
        #expect(other.status == 2)
        #expect(other.err.contains("The file was saved by a lesson on the task echo; this lesson trains adding"), "\(other.err)")
        #expect(!other.err.contains("--set"), "\(other.err)")
        // A file with names the model does not use: the refusal lists the model's names.
        let foreign = try Self.oneTensorFile("encoder.weight", named: "foreign.safetensors", in: dir)
        let named = try cli.rnnlab(["run", "simple-rnn", "--steps", "3", "--init-from", foreign.path], in: dir)
        #expect(named.status == 2)
        #expect(named.err.contains("the checkpoint has no tensor \"rnn.weight_ih_l0\"; the model's tensors are rnn.weight_ih_l0, rnn.weight_hh_l0"),
                "\(named.err)")
        #expect(!named.err.contains("--set"), "no setting would make it fit: \(named.err)")
    }

    /// A state_dict as PyTorch writes it (parameters only) is refused for --resume, pointing to --init-from.
    @Test func parametersOnlyAreRefusedPointingToInitFrom() throws {
        let dir = try cli.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.oneTensorFile("rnn.weight_hh_l0", named: "state_dict.safetensors", in: dir)
        let r = try cli.rnnlab(["run", "simple-rnn", "--steps", "5", "--resume", file.path], in: dir)
        #expect(r.status == 2)
        #expect(r.err.contains("\(file.path) holds parameters only (no optimiser state, step or data position), so --resume cannot continue it; start from its parameters with --init-from \(file.path)"), "\(r.err)")
        #expect(!r.out.contains("step 1"), "it trained: \(r.out)")
        let both = try cli.rnnlab(["run", "simple-rnn", "--steps", "5", "--resume", file.path, "--init-from", file.path], in: dir)
        #expect(both.status == 2 && both.err.contains("--resume and --init-from cannot be used together"), "\(both.err)")
    }
}

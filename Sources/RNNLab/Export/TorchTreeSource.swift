import LabText
import RNNEngine

/// The lab's tree network (``TreeLabModel`` over the engine's ``TreeNet``) as
/// `train.py` rebuilds it: `embedding` (V, H) read at the leaves, `composition`
/// Linear(2H → H) with tanh at every branch, applied level by level from the
/// leaves up, and `readout` Linear(H → C) on each tree's root. Names as the
/// lab's state dict. The trees travel in `data.safetensors` (``TorchTreeData``).
struct TorchTreePlan: Equatable {
    /// V: the prefix vocabulary the leaves read.
    var vocabulary: Int
    /// H.
    var hidden: Int
    /// C classes.
    var classes: Int

    init(_ model: TreeLabModel) {
        vocabulary = model.net.vocabularySize
        hidden = model.net.hiddenSize
        classes = model.net.classes
    }

    /// The model's part of `train.py`, with `shard_batch`: a process keeps whole trees.
    var text: String {
        """
        # The model: a recursive (tree) network (lab settings: tree 1, hidden \(hidden)).
        # Every batch carries its trees as node tables (N nodes over the batch's B trees):
        #   tree_token (N)   the token a leaf reads, -1 for a branch
        #   tree_left, tree_right (N)   a branch's children (rows of the same table), -1 for a leaf
        #   tree_height (N)  0 for a leaf, 1 + the taller child's height for a branch
        #   tree_root (B)    each tree's root row;   tree_of_node (N)   the tree each node belongs to
        VOCABULARY = \(vocabulary)           # V: the prefix tokens (digits and operators)
        HIDDEN = \(hidden)                # H: a leaf's embedding is its state
        OUTPUT_SIZE = \(classes)           # C classes: the value mod M
        TASK_KIND = "classification"

        class LabModel(nn.Module):
            \"\"\"Leaves read an embedding; a branch is tanh(W [h_left; h_right] + b); the root is classified.\"\"\"

            def __init__(self):
                super().__init__()
                self.embedding = nn.Embedding(VOCABULARY, HIDDEN)
                self.composition = nn.Linear(2 * HIDDEN, HIDDEN)
                self.readout = nn.Linear(HIDDEN, OUTPUT_SIZE)

            def forward(self, batch):
                \"\"\"Root logits (B, C). Walks every tree of the batch at once, one level at a time.\"\"\"
                token, left, right = batch["tree_token"], batch["tree_left"], batch["tree_right"]
                height = batch["tree_height"]
                states = torch.zeros(token.shape[0], HIDDEN)                               # (N, H)
                leaves = (height == 0).nonzero().squeeze(1)
                states = states.index_copy(0, leaves, self.embedding(token[leaves]))
                for level in range(1, int(height.max()) + 1):
                    rows = (height == level).nonzero().squeeze(1)                          # branches whose children are done
                    pair = torch.cat([states[left[rows]], states[right[rows]]], dim=1)      # (n, 2H)
                    states = states.index_copy(0, rows, torch.tanh(self.composition(pair)))
                return self.readout(states[batch["tree_root"]])


        def initialise_like_the_lab(model):
            \"\"\"The lab starts as PyTorch does: embedding N(0, 1), linear layers uniform in ±1/√fan-in.\"\"\"


        def shard_batch(batch, rank, world):
            \"\"\"This process's rows: trees rank, rank + world, …, their nodes renumbered.\"\"\"
            if world == 1:
                return batch
            rows = batch["lengths"].shape[0]
            keep_tree = torch.arange(rows) % world == rank
            keep_node = keep_tree[batch["tree_of_node"]]
            new_row = torch.cumsum(keep_node.long(), 0) - 1                                # old node row → new
            new_tree = torch.cumsum(keep_tree.long(), 0) - 1
            out = {}
            for key, value in batch.items():
                if key in ("tree_token", "tree_height"):
                    out[key] = value[keep_node]
                elif key in ("tree_left", "tree_right"):
                    kept = value[keep_node]
                    out[key] = torch.where(kept >= 0, new_row[kept.clamp(min=0)], kept)
                elif key == "tree_of_node":
                    out[key] = new_tree[value[keep_node]]
                elif key == "tree_root":
                    out[key] = new_row[value[keep_tree]]
                else:
                    out[key] = value[keep_tree]
            return out


        \(TorchRecurrentSource.lossAndEvaluation)
        """
    }
}

/// The trees of a tree model's batches as safetensors entries, under
/// `{split}.{k}.`: `tree_token`, `tree_left`, `tree_right`, `tree_height`,
/// `tree_of_node` (N) and `tree_root` (B), all I64, N the batch's node count;
/// node i of row b's tree is row offset_b + i, as in ``TreeBatch``.
enum TorchTreeData {
    static func entries(_ split: String, _ batches: [SequenceBatch],
                        parse: ([Int]) -> ExpressionParse?) -> [String: SafeTensor] {
        var out: [String: SafeTensor] = [:]
        for (k, batch) in batches.enumerated() {
            var token: [Int64] = [], left: [Int64] = [], right: [Int64] = [], height: [Int64] = []
            var owner: [Int64] = [], roots: [Int64] = []
            for b in 0..<batch.batchSize {
                guard let tree = parse(TreeLabModel.tokens(batch, row: b))?.tree else {
                    preconditionFailure("row \(b) of the batch is not a well-formed expression")
                }
                let offset = Int64(token.count)
                roots.append(offset + Int64(tree.root))
                for (i, node) in tree.nodes.enumerated() {
                    switch node {
                    case .leaf(let t):
                        token.append(Int64(t)); left.append(-1); right.append(-1)
                    case let .branch(l, r):
                        token.append(-1); left.append(offset + Int64(l)); right.append(offset + Int64(r))
                    }
                    height.append(Int64(tree.heights[i]))
                    owner.append(Int64(b))
                }
            }
            let prefix = "\(split).\(k)."
            let n = token.count
            for (name, values) in [("tree_token", token), ("tree_left", left), ("tree_right", right),
                                   ("tree_height", height), ("tree_of_node", owner)] {
                out[prefix + name] = .int64(shape: [n], values: values)
            }
            out[prefix + "tree_root"] = .int64(shape: [batch.batchSize], values: roots)
        }
        return out
    }
}

#!/usr/bin/env python3
"""Times PyTorch on the shapes `rnnlab bench` measures, for a side-by-side table.

    python3 Tests/scripts/bench_torch.py --out /tmp/torch.json [--threads 1,2] [--repeat 7]
    rnnlab bench --compare /tmp/torch.json

Writes a JSON list of rows {group, name, threads, value, unit}, named exactly as
`rnnlab bench` names its rows (group "rnn f+b", name "lstm B32 T50 I32 H64", …), so
`rnnlab bench --compare FILE` can put our time, PyTorch's and the ratio on one line.
Run both on the same machine, one after the other (or interleaved, twice), and
compare the ratios, not figures from another day.

What is timed (float32, eager, the median of --repeat runs after one warm-up):
  rnn fwd / rnn f+b  nn.RNN / nn.LSTM / nn.GRU, batch_first, loss = output.sum()
  lesson step        the LSTM lesson's training step: adding problem input (B 32,
                     T 100, 2 features), nn.LSTM(2, 32), a linear head on the last
                     step, MSE, clip_grad_norm_(1), Adam — zero_grad to step()
  conv f+b           Conv1d (same / causal / valid padding), max and average pooling,
                     masked global max and mean over time, a dense layer per position,
                     an embedding, on (B 32, T 100, C 64) input laid out (B, T, C) as
                     ours is; loss = output.sum()
  tree …             the recursive net on the same 64 random trees as ours (SplitMix64
                     seed 5 and BinaryTree.random ported below): level-batched forward,
                     node-by-node forward, and a training step (root cross-entropy, Adam)
  seq2seq step       an encoder–decoder of the same shapes as ours (GRU/LSTM
                     encoder, additive attention queried by the previous state,
                     a GRUCell/LSTMCell decoder fed [embedding; context], output
                     layer on [state; context]), teacher forcing, cross-entropy, Adam
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

RNN_SIZES = [(32, 50, 32, 64), (64, 100, 64, 128), (128, 28, 28, 128), (1, 100, 8, 32)]
KINDS = {"rnn_tanh": lambda i, h: nn.RNN(i, h, batch_first=True),
         "lstm": lambda i, h: nn.LSTM(i, h, batch_first=True),
         "gru": lambda i, h: nn.GRU(i, h, batch_first=True)}


def median_ms(body, repeat):
    body()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        body()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def recurrent_rows(threads, repeat):
    rows = []
    for kind, make in KINDS.items():
        for (B, T, I, H) in RNN_SIZES:
            torch.manual_seed(1)
            layer = make(I, H)
            x = torch.randn(B, T, I, requires_grad=True)
            name = f"{kind} B{B} T{T} I{I} H{H}"

            def forward():
                with torch.no_grad():
                    layer(x)

            def both():
                layer.zero_grad()
                x.grad = None
                layer(x)[0].sum().backward()

            rows.append(dict(group="rnn fwd", name=name, threads=threads, value=median_ms(forward, repeat), unit="ms"))
            rows.append(dict(group="rnn f+b", name=name, threads=threads, value=median_ms(both, repeat), unit="ms"))
    return rows


def lesson_rows(threads, repeat):
    B, T, H = 32, 100, 32
    torch.manual_seed(1)
    lstm, head = nn.LSTM(2, H, batch_first=True), nn.Linear(H, 1)
    params = list(lstm.parameters()) + list(head.parameters())
    adam = torch.optim.Adam(params, lr=3e-3)
    values = torch.rand(B, T, 1)
    marks = torch.zeros(B, T, 1)
    marks[:, 3, 0] = 1
    marks[:, T // 2 + 3, 0] = 1
    x = torch.cat([values, marks], dim=2)
    y = (values * marks).sum(dim=(1, 2)).unsqueeze(1)

    def step():
        adam.zero_grad()
        out, _ = lstm(x)
        loss = F.mse_loss(head(out[:, -1]), y)
        loss.backward()
        nn.utils.clip_grad_norm_(params, 1.0)
        adam.step()

    name = f"lstm adding B{B} T{T} H{H} head+mse+adam+clip"
    return [dict(group="lesson step", name=name, threads=threads, value=median_ms(step, repeat), unit="ms")]


def conv_rows(threads, repeat):
    B, T, C, O = 32, 100, 64, 128
    torch.manual_seed(1)
    x = torch.randn(B, T, C, requires_grad=True)
    rows = []

    def add(name, layers, body):
        def run():
            for m in layers:
                m.zero_grad()
            x.grad = None
            body().sum().backward()
        rows.append(dict(group="conv f+b", name=f"{name} B{B} T{T}", threads=threads,
                         value=median_ms(run, repeat), unit="ms"))

    for k, d, padding in [(3, 1, "same"), (5, 2, "causal"), (3, 1, "valid")]:
        conv = nn.Conv1d(C, O, k, dilation=d, padding="same" if padding == "same" else 0)
        left = (k - 1) * d if padding == "causal" else 0
        # Ours reads and writes (B, T, C): the transposes are part of the op here too.
        add(f"conv1d {padding} K{k} d{d} {C}\u2192{O}", [conv],
            lambda conv=conv, left=left: conv(F.pad(x.transpose(1, 2), (left, 0))).transpose(1, 2))
    add(f"maxpool1d P2 C{C}", [], lambda: F.max_pool1d(x.transpose(1, 2), 2).transpose(1, 2))
    add(f"avgpool1d P2 C{C}", [], lambda: F.avg_pool1d(x.transpose(1, 2), 2).transpose(1, 2))
    # Row b has T - b valid steps, as `convBenchmarks`' mask.
    mask = (torch.arange(T).unsqueeze(0) < (T - torch.arange(B)).unsqueeze(1)).unsqueeze(2)   # (B, T, 1)
    add(f"global max masked C{C}", [], lambda: x.masked_fill(~mask, float("-inf")).amax(dim=1))
    add(f"global mean masked C{C}", [], lambda: (x * mask).sum(dim=1) / mask.sum(dim=1))
    dense = nn.Linear(C, O)
    add(f"dense per position {C}\u2192{O}", [dense], lambda: dense(x))
    emb = nn.Embedding(10_000, C, padding_idx=0)
    ids = ((torch.arange(B * T) * 7919) % 10_000).reshape(B, T)
    add(f"embedding V10000 E{C}", [emb], lambda: emb(ids))
    return rows


class SplitMix64:
    """The engine's SplitMix64, so the trees are the same trees."""
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)


def random_tree(leaves, vocabulary, rng):
    """BinaryTree.random: nodes are ("leaf", token) or ("branch", left, right)."""
    nodes = [("leaf", rng.next() % vocabulary) for _ in range(leaves)]
    frontier = list(range(leaves))
    while len(frontier) > 1:
        k = rng.next() % (len(frontier) - 1)
        nodes.append(("branch", frontier[k], frontier[k + 1]))
        frontier[k:k + 2] = [len(nodes) - 1]
    return nodes


def tree_batch(trees):
    """TreeBatch: leaf rows and tokens, per level (height 1, 2, …) the branch rows and children."""
    leaf_rows, leaf_tokens, roots, levels, offset = [], [], [], {}, 0
    for nodes in trees:
        height = []
        for i, node in enumerate(nodes):
            if node[0] == "leaf":
                height.append(0)
                leaf_rows.append(offset + i)
                leaf_tokens.append(node[1])
            else:
                height.append(1 + max(height[node[1]], height[node[2]]))
                level = levels.setdefault(height[i], ([], [], []))
                for part, row in zip(level, (i, node[1], node[2])):
                    part.append(offset + row)
        roots.append(offset + len(nodes) - 1)
        offset += len(nodes)
    as_long = lambda rows: torch.tensor(rows, dtype=torch.long)
    return dict(count=offset, leaf_rows=as_long(leaf_rows), leaf_tokens=as_long(leaf_tokens), roots=as_long(roots),
                levels=[tuple(as_long(p) for p in levels[h]) for h in sorted(levels)])


def tree_rows(threads, repeat):
    B, max_leaves, H, V, C = 64, 32, 64, 100, 5
    data = SplitMix64(5)
    trees = []
    for _ in range(B):
        leaves = 2 + data.next() % (max_leaves - 1)
        trees.append(random_tree(leaves, V, data))
    batch = tree_batch(trees)
    labels = torch.tensor([data.next() % C for _ in range(B)], dtype=torch.long)
    torch.manual_seed(1)
    embedding, composition, readout = nn.Embedding(V, H), nn.Linear(2 * H, H), nn.Linear(H, C)
    params = list(embedding.parameters()) + list(composition.parameters()) + list(readout.parameters())
    adam = torch.optim.Adam(params, lr=1e-3)

    def level_batched():
        states = torch.zeros(batch["count"], H).index_copy(0, batch["leaf_rows"], embedding(batch["leaf_tokens"]))
        for rows, left, right in batch["levels"]:
            h = torch.tanh(composition(torch.cat([states[left], states[right]], dim=1)))
            states = states.index_copy(0, rows, h)
        return readout(states[batch["roots"]])

    def node_by_node():
        out = []
        for nodes in trees:
            state = []
            for node in nodes:   # BinaryTree.random appends every parent after its children
                if node[0] == "leaf":
                    state.append(embedding.weight[node[1]:node[1] + 1])
                else:
                    state.append(torch.tanh(composition(torch.cat([state[node[1]], state[node[2]]], dim=1))))
            out += state
        return torch.cat(out, dim=0)

    def step():
        adam.zero_grad()
        F.cross_entropy(level_batched(), labels).backward()
        adam.step()

    depth = len(batch["levels"])
    sizes = f"B{B} N{batch['count']} depth{depth} H{H} V{V}"
    return [dict(group="tree fwd", name=sizes, threads=threads, value=median_ms(level_batched, repeat), unit="ms"),
            dict(group="tree fwd node-by-node", name=sizes, threads=threads,
                 value=median_ms(node_by_node, max(3, repeat // 2)), unit="ms"),
            dict(group="tree step", name=sizes, threads=threads, value=median_ms(step, repeat), unit="ms")]


class Seq2Seq(nn.Module):
    def __init__(self, cell, V, E, H, attention):
        super().__init__()
        self.cell_kind, self.attention = cell, attention
        rnn = nn.GRU if cell == "gru" else nn.LSTM
        cell_type = nn.GRUCell if cell == "gru" else nn.LSTMCell
        self.src_embedding, self.tgt_embedding = nn.Embedding(V, E), nn.Embedding(V, E)
        self.encoder = rnn(E, H, batch_first=True)
        self.decoder = cell_type(E + H, H)
        self.keys, self.query, self.v = nn.Linear(H, H, bias=False), nn.Linear(H, H), nn.Linear(H, 1, bias=False)
        self.out = nn.Linear(2 * H, V)

    def forward(self, source, target_in):
        states, final = self.encoder(self.src_embedding(source))
        h = final if self.cell_kind == "gru" else final[0]
        s = h[-1]
        c = torch.zeros_like(s) if self.cell_kind == "lstm" else None
        keys = self.keys(states) if self.attention else None
        fixed = states[:, -1]
        logits = []
        for t in range(target_in.shape[1]):
            if self.attention:
                scores = self.v(torch.tanh(keys + self.query(s).unsqueeze(1))).squeeze(2)
                context = (F.softmax(scores, dim=1).unsqueeze(2) * states).sum(1)
            else:
                context = fixed
            x = torch.cat([self.tgt_embedding(target_in[:, t]), context], dim=1)
            if self.cell_kind == "gru":
                s = self.decoder(x, s)
            else:
                s, c = self.decoder(x, (s, c))
            logits.append(self.out(torch.cat([s, context], dim=1)))
        return torch.stack(logits, dim=1)


def seq2seq_rows(threads, repeat):
    B, S, U, E, H, V = 64, 20, 20, 32, 64, 40
    g = torch.Generator().manual_seed(7)
    source = torch.randint(3, V, (B, S), generator=g)
    target = torch.randint(3, V, (B, U - 1), generator=g)
    target_in = torch.cat([torch.zeros(B, 1, dtype=torch.long), target], dim=1)
    target_out = torch.cat([target, torch.ones(B, 1, dtype=torch.long)], dim=1)
    rows = []
    for name, cell, attention in [("gru additive", "gru", True), ("gru fixed context", "gru", False),
                                  ("lstm additive", "lstm", True)]:
        torch.manual_seed(1)
        model = Seq2Seq(cell, V, E, H, attention)
        adam = torch.optim.Adam(model.parameters(), lr=1e-3)

        def step():
            adam.zero_grad()
            logits = model(source, target_in)
            F.cross_entropy(logits.reshape(-1, V), target_out.reshape(-1)).backward()
            adam.step()

        sizes = f"B{B} S{S} U{U} E{E} H{H} V{V}"
        rows.append(dict(group="seq2seq step", name=f"{name} {sizes}", threads=threads,
                         value=median_ms(step, repeat), unit="ms"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="the JSON file to write")
    parser.add_argument("--threads", default="1,2", help="thread counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per row (the median is kept)")
    parser.add_argument("--only", default="rnn,lesson,seq2seq,conv,tree", help="groups: rnn, lesson, seq2seq, conv, tree")
    args = parser.parse_args()
    groups = set(args.only.split(","))
    rows = []
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        if "rnn" in groups:
            rows += recurrent_rows(threads, args.repeat)
        if "lesson" in groups:
            rows += lesson_rows(threads, args.repeat)
        if "seq2seq" in groups:
            rows += seq2seq_rows(threads, args.repeat)
        if "conv" in groups:
            rows += conv_rows(threads, args.repeat)
        if "tree" in groups:
            rows += tree_rows(threads, args.repeat)
    meta = dict(torch=torch.__version__, onednn=torch.backends.mkldnn.is_available())
    with open(args.out, "w") as f:
        json.dump(dict(reference="pytorch", meta=meta, rows=rows), f, indent=1)
    for r in rows:
        print(f"{r['group']:14} {r['name']:44} {r['threads']}T {r['value']:9.3f} {r['unit']}")


if __name__ == "__main__":
    main()

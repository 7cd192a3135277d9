#!/usr/bin/env python3
"""Writes PyTorch reference numbers for the engine's recursive (tree) network.

    python3 Tests/scripts/make_tree_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/tree/seed0

For every case (a batch of random binary trees) it writes one float64
safetensors file `<case>.safetensors` holding

    weights   embedding.weight (V,H), composition.weight (H,2H), composition.bias (H),
              readout.weight (C,H), readout.bias (C) — TreeNet's state-dict names
    loss      loss_w (N,H), the fixed weights of the state term below
    expected  states (N,H): every node's h, rows tree after tree in the listed node
              order; root_logits (B,C); node_logits (N,C); loss (a scalar); and
              grad.<name> for every parameter

and `cases.json`: per case its sizes, the trees (node lists: {"token": t} for a
leaf, {"left": i, "right": j} for a branch, children by index, listed in a
shuffled order so a child may follow its parent), the root label of each tree
and the label of every node. The loss is

    cross_entropy(root_logits, root_labels) + cross_entropy(node_logits, node_labels)
        + Σ states ⊙ loss_w

PyTorch computes it node by node, recursively from each root, with no batching:
the engine's level-batched pass must agree with it. Everything comes from one
torch.Generator seeded with --seed, so any seed gives a valid fixture.
"""
import argparse
import json
import os

import torch
import torch.nn.functional as F
from safetensors.torch import save_file

V, H, C = 7, 4, 3
CASES = [
    # name, number of trees, leaves per tree (low, high inclusive), shape
    ("mixed", 5, (1, 6), "random"),
    ("chains", 2, (5, 7), "chain"),
]


def randint(g, low, high):
    """An integer in low..high inclusive."""
    return int(torch.randint(low, high + 1, (1,), generator=g).item())


def make_tree(g, leaves, shape):
    """A random binary tree: merge neighbouring subtrees until one is left."""
    nodes = [{"token": randint(g, 0, V - 1)} for _ in range(leaves)]
    frontier = list(range(leaves))
    while len(frontier) > 1:
        k = 0 if shape == "chain" else randint(g, 0, len(frontier) - 2)
        nodes.append({"left": frontier[k], "right": frontier[k + 1]})
        frontier[k:k + 2] = [len(nodes) - 1]
    # Shuffle the listing order; children keep pointing at the right nodes.
    perm = torch.randperm(len(nodes), generator=g).tolist()  # old index -> new index
    out = [None] * len(nodes)
    for old, node in enumerate(nodes):
        if "token" in node:
            out[perm[old]] = dict(node)
        else:
            out[perm[old]] = {"left": perm[node["left"]], "right": perm[node["right"]]}
    return out


def uniform(g, shape, bound):
    return (torch.rand(shape, generator=g, dtype=torch.float64) * 2 - 1) * bound


def run_case(g, name, count, leaf_range, shape, out_dir):
    trees = [make_tree(g, randint(g, *leaf_range), shape) for _ in range(count)]
    params = {
        "embedding.weight": torch.randn(V, H, generator=g, dtype=torch.float64),
        "composition.weight": uniform(g, (H, 2 * H), (2 * H) ** -0.5),
        "composition.bias": uniform(g, (H,), (2 * H) ** -0.5),
        "readout.weight": uniform(g, (C, H), H ** -0.5),
        "readout.bias": uniform(g, (C,), H ** -0.5),
    }
    for p in params.values():
        p.requires_grad_(True)
    n_total = sum(len(t) for t in trees)
    loss_w = torch.randn(n_total, H, generator=g, dtype=torch.float64)
    root_labels = [randint(g, 0, C - 1) for _ in trees]
    node_labels = [randint(g, 0, C - 1) for _ in range(n_total)]

    def state(tree, i, memo):
        """h of node i, one node at a time."""
        if i not in memo:
            node = tree[i]
            if "token" in node:
                memo[i] = params["embedding.weight"][node["token"]]
            else:
                x = torch.cat([state(tree, node["left"], memo), state(tree, node["right"], memo)])
                memo[i] = torch.tanh(params["composition.weight"] @ x + params["composition.bias"])
        return memo[i]

    rows, roots = [], []
    for tree in trees:
        memo = {}
        children = {c for n in tree if "left" in n for c in (n["left"], n["right"])}
        root = [i for i in range(len(tree)) if i not in children]
        assert len(root) == 1
        roots.append(state(tree, root[0], memo))
        rows.extend(state(tree, i, memo) for i in range(len(tree)))
    states = torch.stack(rows)
    readout = lambda h: h @ params["readout.weight"].T + params["readout.bias"]
    root_logits = readout(torch.stack(roots))
    node_logits = readout(states)
    loss = (F.cross_entropy(root_logits, torch.tensor(root_labels))
            + F.cross_entropy(node_logits, torch.tensor(node_labels))
            + (states * loss_w).sum())
    loss.backward()

    tensors = {k: v.detach().clone() for k, v in params.items()}
    tensors.update({
        "loss_w": loss_w, "states": states.detach(), "root_logits": root_logits.detach(),
        "node_logits": node_logits.detach(), "loss": loss.detach().reshape(()),
    })
    tensors.update({"grad." + k: v.grad.clone() for k, v in params.items()})
    file = name + ".safetensors"
    save_file({k: v.contiguous() for k, v in tensors.items()}, os.path.join(out_dir, file))
    return {
        "name": name, "file": file, "vocabulary_size": V, "hidden_size": H, "classes": C,
        "trees": trees, "root_labels": root_labels, "node_labels": node_labels,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = torch.Generator().manual_seed(args.seed)
    cases = [run_case(g, *c, args.out) for c in CASES]
    with open(os.path.join(args.out, "cases.json"), "w") as f:
        json.dump({"seed": args.seed, "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

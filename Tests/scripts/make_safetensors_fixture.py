#!/usr/bin/env python3
"""Writes a safetensors fixture with PyTorch's `safetensors.torch.save_file`.

Usage:
    make_safetensors_fixture.py --seed N --out DIR
    make_safetensors_fixture.py --check FILE --expected DIR/pytorch_expected.json

The first form writes DIR/pytorch.safetensors and DIR/pytorch_expected.json.
The sidecar lists, for every tensor, its dtype, shape and values in row-major
order. Values are strings so nothing is lost on the way: floats as Python's
shortest round-trip `repr` (exact for float32 and float64; also "nan", "inf",
"-inf"), integers as decimal (int64 values beyond 2**53 survive).

The second form loads FILE (e.g. one written by RNNEngine) with
`safetensors.torch.load_file` and checks it holds exactly the expected tensors,
so that PyTorch reading our files can be re-checked by hand.
"""
import argparse
import json
import math
import os
import sys

import torch
from safetensors.torch import load_file, save_file

DTYPE_NAMES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def make_tensors(seed):
    """A small LSTM-like state dict plus edge cases: F64, I64, rank 0, zero size, NaN/inf."""
    g = torch.Generator().manual_seed(seed)
    hidden, inputs = 3, 2
    t = {
        "weight_ih_l0": torch.randn(4 * hidden, inputs, generator=g),
        "weight_hh_l0": torch.randn(4 * hidden, hidden, generator=g),
        "bias_ih_l0": torch.randn(4 * hidden, generator=g),
        "bias_hh_l0": torch.randn(4 * hidden, generator=g),
        "weight_ih_l0_reverse": torch.randn(4 * hidden, inputs, generator=g),
        "head.weight": torch.randn(2, 3, generator=g, dtype=torch.float64),
        "temperature": torch.tensor(0.1, dtype=torch.float32),
        "empty": torch.zeros(0, 4),
        "specials": torch.tensor([float("nan"), float("inf"), -float("inf"), -0.0, 1e-45]),
        "step": torch.tensor(2**62 + 1, dtype=torch.int64),
        "token_ids": torch.randint(-(2**40), 2**40, (2, 3), generator=g, dtype=torch.int64),
    }
    return t


def describe(tensor):
    values = tensor.flatten().tolist()
    if tensor.dtype == torch.int64:
        texts = [str(v) for v in values]
    else:
        texts = [repr(float(v)) for v in values]
    return {"dtype": DTYPE_NAMES[tensor.dtype], "shape": list(tensor.shape), "values": texts}


def write(seed, out):
    os.makedirs(out, exist_ok=True)
    tensors = make_tensors(seed)
    save_file(tensors, os.path.join(out, "pytorch.safetensors"), metadata={"format": "pt"})
    expected = {"seed": seed, "metadata": {"format": "pt"},
                "tensors": {name: describe(t) for name, t in sorted(tensors.items())}}
    with open(os.path.join(out, "pytorch_expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


def same(a, b):
    return a == b or (math.isnan(float(a)) and math.isnan(float(b)))


def check(path, expected_path):
    with open(expected_path) as f:
        expected = json.load(f)["tensors"]
    loaded = load_file(path)
    problems = []
    if sorted(loaded) != sorted(expected):
        problems.append(f"names differ: {sorted(loaded)} vs {sorted(expected)}")
    for name, want in expected.items():
        if name not in loaded:
            continue
        got = describe(loaded[name])
        if got["dtype"] != want["dtype"] or got["shape"] != want["shape"]:
            problems.append(f"{name}: {got['dtype']} {got['shape']} vs {want['dtype']} {want['shape']}")
        elif not all(same(x, y) for x, y in zip(got["values"], want["values"])):
            problems.append(f"{name}: values differ")
    for p in problems:
        print("MISMATCH", p)
    print(f"{path}: {len(loaded)} tensors, {'OK' if not problems else 'FAILED'}")
    return not problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="directory for the fixture and its sidecar")
    parser.add_argument("--check", help="a safetensors file to load with PyTorch and compare")
    parser.add_argument("--expected", help="the sidecar JSON to compare --check against")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check(args.check, args.expected) else 1)
    if not args.out:
        parser.error("--out is required")
    write(args.seed, args.out)


if __name__ == "__main__":
    main()

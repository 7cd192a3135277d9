#!/usr/bin/env python3
"""Writes PyTorch reference numbers for the engine's attention and one decoder step.

    python3 Tests/scripts/make_attention_fixtures.py --seed 0 --out Tests/RNNEngineTests/Fixtures/attention

Attention cases (`attention_<score>[_nomask].safetensors`), score ∈ dot, scaled_dot,
general, additive, float64:

    inputs    query (B,Hq), keys (B,S,Hk), mask (B,S) as 1.0 (real) / 0.0 (padding)
    weights   W_a.weight (Hq,Hk) for general; W_s.weight (A,Hq), W_h.weight (A,Hk),
              v.weight (1,A) for additive — the names of RNNEngine's Attention module
    loss      loss_w_context (B,Hk), loss_w_weights (B,S): loss = Σ context·Wc + Σ weights·Ww
    expected  context (B,Hk), weights (B,S), loss, grad.query, grad.keys, grad.<parameter>

    scores    dot e_s = q·k_s; scaled_dot q·k_s/√Hk; general qᵀ W_a k_s;
              additive vᵀ tanh(W_s q + W_h k_s); padded steps get −∞, then softmax over s;
              context = Σ_s α_s k_s.

Decoder-step cases (`decoder_step_<gru|lstm>.safetensors`): one step of the
Seq2Seq decoder with additive attention, float64:

    α, ctx  = attention(query = h, keys, mask)
    h′ (c′) = cell([embedding(token), ctx], h (, c))     nn.GRUCell / nn.LSTMCell
    logits  = out([h′, ctx])                               nn.Linear(H + Hk, V)

    inputs    tokens (B) as float64, hidden (B,H), cell_state (B,H) for the LSTM, keys, mask
    weights   embedding.weight, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh,
              attention.W_s.weight, attention.W_h.weight, attention.v.weight, out.weight, out.bias
    loss      loss_w_hidden, loss_w_cell_state (LSTM), loss_w_logits, loss_w_weights
    expected  new_hidden, new_cell_state (LSTM), logits, weights, context, loss, grad.hidden,
              grad.cell_state (LSTM), grad.keys, grad.<parameter>

plus `cases.json`, the index. Everything is drawn from one torch.Generator seeded
with --seed, so any seed gives a valid fixture; the Swift tests read all inputs
from the files (RNNLAB_ATTENTION_FIXTURES=DIR points them at another folder).
"""
import argparse
import json
import math
import os

import torch
from safetensors.torch import save_file

DT = torch.float64
B, S = 3, 5
LENGTHS = [5, 3, 1]  # real source steps per row; the rest is padding


def uniform(g, shape, bound):
    return (torch.rand(shape, generator=g, dtype=DT) * 2 - 1) * bound


def make_mask(masked):
    lengths = LENGTHS if masked else [S] * B
    return torch.tensor([[s < n for s in range(S)] for n in lengths])


def attend(score, q, keys, mask, p):
    """(context, weights) of PyTorch attention, written out independently of RNNEngine."""
    if score == "dot":
        e = torch.einsum("bh,bsh->bs", q, keys)
    elif score == "scaled_dot":
        e = torch.einsum("bh,bsh->bs", q, keys) / math.sqrt(keys.shape[2])
    elif score == "general":
        e = torch.einsum("bq,qk,bsk->bs", q, p["W_a.weight"], keys)
    else:
        hidden = torch.tanh(torch.nn.functional.linear(q, p["W_s.weight"]).unsqueeze(1)
                            + torch.nn.functional.linear(keys, p["W_h.weight"]))
        e = torch.nn.functional.linear(hidden, p["v.weight"]).squeeze(2)
    weights = torch.softmax(e.masked_fill(~mask, float("-inf")), dim=1)
    context = torch.bmm(weights.unsqueeze(1), keys).squeeze(1)
    return context, weights


def attention_params(g, score, hq, hk, a, prefix=""):
    p = {}
    if score == "general":
        p[prefix + "W_a.weight"] = uniform(g, (hq, hk), 1 / math.sqrt(hk))
    if score == "additive":
        p[prefix + "W_s.weight"] = uniform(g, (a, hq), 1 / math.sqrt(hq))
        p[prefix + "W_h.weight"] = uniform(g, (a, hk), 1 / math.sqrt(hk))
        p[prefix + "v.weight"] = uniform(g, (1, a), 1 / math.sqrt(a))
    return {k: v.requires_grad_(True) for k, v in p.items()}


def attention_case(g, score, masked):
    hk = 4
    hq = hk if score in ("dot", "scaled_dot") else 3
    a = 6
    p = attention_params(g, score, hq, hk, a)
    q = torch.randn(B, hq, generator=g, dtype=DT).requires_grad_(True)
    keys = torch.randn(B, S, hk, generator=g, dtype=DT).requires_grad_(True)
    mask = make_mask(masked)
    w_c = torch.randn(B, hk, generator=g, dtype=DT)
    w_w = torch.randn(B, S, generator=g, dtype=DT)
    context, weights = attend(score, q, keys, mask, p)
    loss = (context * w_c).sum() + (weights * w_w).sum()
    loss.backward()
    t = {k: v.detach().clone() for k, v in p.items()}
    t.update(query=q.detach().clone(), keys=keys.detach().clone(), mask=mask.to(DT),
             loss_w_context=w_c, loss_w_weights=w_w, context=context.detach(), weights=weights.detach(),
             loss=loss.detach())
    t["grad.query"], t["grad.keys"] = q.grad, keys.grad
    for k, v in p.items():
        t["grad." + k] = v.grad
    info = dict(kind="attention", score=score, masked=masked, batch=B, steps=S,
                query_size=hq, key_size=hk, attention_size=a)
    return t, info


def decoder_step_case(g, cell_kind):
    E, HK, H, V, A = 3, 4, 5, 7, 6
    cell = (torch.nn.GRUCell if cell_kind == "gru" else torch.nn.LSTMCell)(E + HK, H).to(DT)
    out = torch.nn.Linear(H + HK, V).to(DT)
    with torch.no_grad():
        for m in (cell, out):
            bound = 1 / math.sqrt(H) if m is cell else 1 / math.sqrt(H + HK)
            for prm in m.parameters():
                prm.copy_(uniform(g, prm.shape, bound))
    embedding = torch.randn(V, E, generator=g, dtype=DT).requires_grad_(True)
    att = attention_params(g, "additive", H, HK, A)
    tokens = torch.randint(0, V, (B,), generator=g)
    h = (0.5 * torch.randn(B, H, generator=g, dtype=DT)).requires_grad_(True)
    c = (0.5 * torch.randn(B, H, generator=g, dtype=DT)).requires_grad_(True) if cell_kind == "lstm" else None
    keys = torch.randn(B, S, HK, generator=g, dtype=DT).requires_grad_(True)
    mask = make_mask(True)
    w_h = torch.randn(B, H, generator=g, dtype=DT)
    w_cell = torch.randn(B, H, generator=g, dtype=DT) if c is not None else None
    w_l = torch.randn(B, V, generator=g, dtype=DT)
    w_w = torch.randn(B, S, generator=g, dtype=DT)

    context, weights = attend("additive", h, keys, mask, att)
    x = torch.cat([embedding[tokens], context], dim=1)
    if c is None:
        h2, c2 = cell(x, h), None
    else:
        h2, c2 = cell(x, (h, c))
    logits = out(torch.cat([h2, context], dim=1))
    loss = (h2 * w_h).sum() + (logits * w_l).sum() + (weights * w_w).sum()
    if c2 is not None:
        loss = loss + (c2 * w_cell).sum()
    loss.backward()

    params = {"embedding.weight": embedding}
    params.update({"cell." + k: v for k, v in cell.named_parameters()})
    params.update({"attention." + k: v for k, v in att.items()})
    params.update({"out." + k: v for k, v in out.named_parameters()})
    t = {k: v.detach().clone() for k, v in params.items()}
    t.update(tokens=tokens.to(DT), hidden=h.detach().clone(), keys=keys.detach().clone(), mask=mask.to(DT),
             loss_w_hidden=w_h, loss_w_logits=w_l, loss_w_weights=w_w, new_hidden=h2.detach(),
             logits=logits.detach(), weights=weights.detach(), context=context.detach(), loss=loss.detach())
    t["grad.hidden"], t["grad.keys"] = h.grad, keys.grad
    if c is not None:
        t.update(cell_state=c.detach().clone(), loss_w_cell_state=w_cell, new_cell_state=c2.detach())
        t["grad.cell_state"] = c.grad
    for k, v in params.items():
        t["grad." + k] = v.grad
    info = dict(kind="decoder_step", cell=cell_kind, score="additive", masked=True, batch=B, steps=S,
                embedding=E, key_size=HK, hidden_size=H, vocabulary=V, attention_size=A)
    return t, info


def write(out_dir, seed):
    g = torch.Generator().manual_seed(seed)
    os.makedirs(out_dir, exist_ok=True)
    cases = []
    jobs = [("attention_" + s, lambda s=s: attention_case(g, s, True))
            for s in ("dot", "scaled_dot", "general", "additive")]
    jobs += [("attention_" + s + "_nomask", lambda s=s: attention_case(g, s, False)) for s in ("dot", "additive")]
    jobs += [("decoder_step_" + k, lambda k=k: decoder_step_case(g, k)) for k in ("gru", "lstm")]
    for name, job in jobs:
        tensors, info = job()
        tensors = {k: v.detach().to(DT).contiguous() for k, v in tensors.items()}
        save_file(tensors, os.path.join(out_dir, name + ".safetensors"), metadata={"seed": str(seed)})
        cases.append(dict(name=name, file=name + ".safetensors", **info))
    index = dict(seed=seed, torch=torch.__version__, cases=cases)
    path = os.path.join(out_dir, "cases.json")
    with open(path + ".tmp", "w") as f:
        json.dump(index, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)
    total = sum(os.path.getsize(os.path.join(out_dir, n)) for n in os.listdir(out_dir))
    print(f"wrote {len(cases)} cases to {out_dir} ({total} bytes)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    write(args.out, args.seed)


if __name__ == "__main__":
    main()

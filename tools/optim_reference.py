#!/usr/bin/env python3
"""Reference values for src/engine/optim and src/engine/clip.ts, computed with PyTorch (float64).

Writes tests/fixtures/optim.json. Needs torch (Debian's python3-torch: run with /usr/bin/python3);
the tests read the fixture, so `npm test` never needs torch.

Each optimizer case: two parameters (a [2][3] weight and a [3] bias), fixed starting values and a
fixed gradient for each of several steps (set on .grad by hand, as a backward pass would), and the
parameter values after each step. One case changes lr between steps, one calls reset (a new torch
optimizer), to pin those semantics too. Clip cases: gradients, max_norm, the returned total norm and
the gradients after clip_grad_norm_.
"""
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)


def gen(seed, n):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, generator=g, dtype=torch.float64)


SHAPES = [(2, 3), (3,)]


def make_params(seed):
    flat = gen(seed, 9)
    return [flat[:6].clone().reshape(2, 3), flat[6:].clone()]


def make_grads(seed, steps, scale=1.0):
    out = []
    for s in range(steps):
        flat = gen(seed * 100 + s, 9) * scale
        if s == 1:
            flat[2] = 0.0  # an exactly zero gradient entry
        out.append([flat[:6].clone().reshape(2, 3), flat[6:].clone()])
    return out


def flat(ts):
    return [t.reshape(-1).tolist() for t in ts]


def build(kind, params, opts):
    lr = opts["lr"]
    wd = opts.get("weightDecay", 0.0)
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, weight_decay=wd)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=opts.get("momentum", 0.9), weight_decay=wd)
    if kind == "adam":
        betas = tuple(opts.get("betas", [0.9, 0.999]))
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=opts.get("eps", 1e-8), weight_decay=wd)
    raise ValueError(kind)


def run_case(name, kind, opts, seed, steps, lr_schedule=None, reset_at=None, grad_scale=1.0):
    params = [p.requires_grad_(True) for p in make_params(seed)]
    p0 = flat([p.detach() for p in params])
    grads = make_grads(seed, steps, grad_scale)
    opt = build(kind, params, opts)
    expected = []
    for s in range(steps):
        if reset_at is not None and s == reset_at:
            opt = build(kind, params, opts)
        if lr_schedule is not None:
            for group in opt.param_groups:
                group["lr"] = lr_schedule[s]
        for p, g in zip(params, grads[s]):
            p.grad = g.clone()
        opt.step()
        expected.append(flat([p.detach() for p in params]))
    return {
        "name": name,
        "kind": kind,
        "opts": opts,
        "shapes": [list(s) for s in SHAPES],
        "params0": p0,
        "grads": [flat(g) for g in grads],
        "lrSchedule": lr_schedule,
        "resetAt": reset_at,
        "expected": expected,
    }


def clip_case(name, seed, max_norm, scale):
    grads = [t * scale for t in make_grads(seed, 1)[0]]
    params = [torch.zeros_like(g, requires_grad=True) for g in grads]
    for p, g in zip(params, grads):
        p.grad = g.clone()
    total = torch.nn.utils.clip_grad_norm_(params, max_norm)
    return {
        "name": name,
        "maxNorm": max_norm,
        "grads": flat(grads),
        "norm": float(total),
        "after": flat([p.grad for p in params]),
    }


def main():
    cases = [
        run_case("sgd", "sgd", {"lr": 0.1}, 1, 4),
        run_case("sgd weight decay", "sgd", {"lr": 0.05, "weightDecay": 0.01}, 2, 4),
        run_case("momentum 0.9", "momentum", {"lr": 0.1, "momentum": 0.9}, 3, 5),
        run_case("momentum 0.5 weight decay", "momentum", {"lr": 0.02, "momentum": 0.5, "weightDecay": 0.1}, 4, 5),
        run_case("momentum lr schedule", "momentum", {"lr": 0.1, "momentum": 0.9}, 5, 4, lr_schedule=[0.1, 0.05, 0.2, 0.01]),
        run_case("momentum reset", "momentum", {"lr": 0.1, "momentum": 0.9}, 6, 5, reset_at=3),
        run_case("adam defaults", "adam", {"lr": 0.01}, 7, 6),
        run_case("adam betas eps weight decay", "adam", {"lr": 0.003, "betas": [0.8, 0.99], "eps": 1e-6, "weightDecay": 0.05}, 8, 6),
        run_case("adam tiny gradients", "adam", {"lr": 0.01}, 9, 4, grad_scale=1e-9),
        run_case("adam lr schedule", "adam", {"lr": 0.01}, 10, 4, lr_schedule=[0.01, 0.02, 0.005, 0.01]),
        run_case("adam reset", "adam", {"lr": 0.01}, 11, 5, reset_at=2),
    ]
    clips = [
        clip_case("clipped", 21, 1.0, 1.0),
        clip_case("not clipped", 22, 100.0, 1.0),
        clip_case("large", 23, 0.5, 1e3),
    ]
    out = {
        "generator": "tools/optim_reference.py",
        "torch": torch.__version__,
        "optimizers": cases,
        "clip": clips,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "tests", "fixtures", "optim.json")
    with open(path, "w") as f:
        json.dump(out, f)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}: {len(cases)} optimizer cases, {len(clips)} clip cases", file=sys.stderr)


if __name__ == "__main__":
    main()

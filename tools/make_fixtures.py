#!/usr/bin/env python3
"""PyTorch (float64) reference values for the engine, written to tests/fixtures/<cell>-<loss>[-tK][-holdφ][-i1|-h1].json.

Each fixture is a `grad` CLI spec (cell, sizes, loss, weights, h0, c0, inputs, targets, optional
truncate and holdForget) plus what a correct engine prints (lossValue, grads, hidden, dL_dh, dL_dh_norm, dL_dh0;
LSTM: cellState, dL_dc, dL_dc_norm, dL_dc0; gates).

Sources of truth:
- nn.RNN(nonlinearity='tanh'), nn.LSTM and nn.GRU run one step at a time; a zero tensor added to
  each h_t (`inject`) makes its .grad the total derivative dL/dh_t (readout and later steps).
- The whole-sequence module gives loss, hidden states and parameter gradients; the step-by-step
  graph is asserted to reproduce them (without truncation).
- dL/dc_t including the path through h_t = o*tanh(c_t) and the gate activations come from the
  same equations written out by hand with the module's own weights, asserted to reproduce the
  module's h_t and c_t to 1e-13.
- The "linear" cell (nn.RNN's layout without tanh) is written by hand.
- Truncation K: h (and c) are detached after step t whenever (T - t) is a positive multiple of K.

The newer families (lru, rglru, s6, attention) come from tools/family_fixtures.py (modules in
tools/family_modules.py); `--families` writes only those.

Run with Debian's python3-torch:  /usr/bin/python3 tools/make_fixtures.py [--families]
"""
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures')

GATES = {'lstm': ['i', 'f', 'g', 'o'], 'gru': ['r', 'z', 'n'], 'rnn': [], 'relu': [], 'linear': []}


def make_module(cell, I, H):
    if cell == 'lstm':
        return torch.nn.LSTM(I, H)
    if cell == 'gru':
        return torch.nn.GRU(I, H)
    if cell == 'relu':
        return torch.nn.RNN(I, H, nonlinearity='relu')
    return torch.nn.RNN(I, H, nonlinearity='tanh')  # 'linear' borrows the layout only


def manual_step(cell, p, x, h, c, hold=None):
    """One step by hand with the module's weights; returns h, c, gate activations [B][G*H].
    hold = phi replaces the forget gate by the constant phi (the LSTM teaching override)."""
    a_i = x @ p['weight_ih_l0'].T + p['bias_ih_l0']
    a_h = h @ p['weight_hh_l0'].T + p['bias_hh_l0']
    if cell == 'linear':
        return a_i + a_h, None, None
    if cell == 'rnn':
        return torch.tanh(a_i + a_h), None, None
    if cell == 'relu':
        return torch.relu(a_i + a_h), None, None
    if cell == 'lstm':
        a = a_i + a_h
        i, f, g, o = a.chunk(4, dim=1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        if hold is not None:
            f = torch.full_like(f, hold)
        c = f * c + i * g
        return o * torch.tanh(c), c, torch.cat([i, f, g, o], dim=1)
    ir, iz, inn = a_i.chunk(3, dim=1)
    hr, hz, hn = a_h.chunk(3, dim=1)
    r, z = torch.sigmoid(ir + hr), torch.sigmoid(iz + hz)
    n = torch.tanh(inn + r * hn)
    return (1 - z) * n + z * h, None, torch.cat([r, z, n], dim=1)


def loss_fn(kind, ys, targets):
    if kind == 'mse_last':
        return F.mse_loss(ys[-1], targets)
    if kind == 'mse_all':
        return F.mse_loss(torch.stack(ys), targets)
    if kind == 'xent_all':
        logits = torch.stack(ys)
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
    return F.cross_entropy(ys[-1], targets)  # xent_last


def cut_after(T, K, t):
    """True when the state after step t (0..T-1) feeds step t+1 detached."""
    return 0 < K < T and (T - t) % K == 0


def run(cell, loss_kind, params, readout, h0, c0, xs, targets, K, use_module, hold=None):
    """Step-by-step forward; returns loss, per-step h (injected), c, gates, and the graph leaves."""
    T = xs.shape[0]
    inj_h = [torch.zeros_like(h0, requires_grad=True) for _ in range(T)]
    inj_c = [torch.zeros_like(h0, requires_grad=True) for _ in range(T)] if cell == 'lstm' else None
    h, c = h0, c0
    if cut_after(T, K, 0):
        h, c = h.detach(), (c.detach() if c is not None else None)
    hs, cs, gates, ys = [], [], [], []
    for t in range(T):
        if use_module:
            if cell == 'lstm':
                _, (hn, cn) = mod(xs[t:t + 1], (h.unsqueeze(0), c.unsqueeze(0)))
                hn, cn = hn[0], cn[0]
            else:
                _, hn = mod(xs[t:t + 1], h.unsqueeze(0))
                hn, cn = hn[0], None
            g = None
        else:
            hn, cn, g = manual_step(cell, params, xs[t], h, c, hold)
            if cell == 'lstm':
                # total dL/dc_t: perturb c_t before h_t = o * tanh(c_t) is formed
                i, f, gg, o = g.chunk(4, dim=1)
                cn = cn + inj_c[t]
                hn = o * torch.tanh(cn)
        hn = hn + inj_h[t]
        hs.append(hn)
        cs.append(cn)
        gates.append(g)
        ys.append(hn @ readout['weight'].T + readout['bias'])
        h, c = hn, cn
        if t + 1 < T and cut_after(T, K, t + 1):
            h, c = h.detach(), (c.detach() if c is not None else None)
    return loss_fn(loss_kind, ys, targets), hs, cs, gates, inj_h, inj_c


def grad_or_zero(x):
    return x.grad if x.grad is not None else torch.zeros_like(x)


def tolist(x):
    return x.detach().tolist()


def fixture(cell, loss_kind, T, B, I, H, O, seed, K=0, scale=0.6, hold=None, suffix=''):
    global mod
    torch.manual_seed(seed)
    mod = make_module(cell, I, H)
    with torch.no_grad():
        for prm in mod.parameters():
            prm.uniform_(-scale, scale)
    readout = {'weight': (torch.rand(O, H) * 2 - 1) * scale, 'bias': (torch.rand(O) * 2 - 1) * scale}
    names = ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']
    params = {n: getattr(mod, n) for n in names}
    leaves = [params[n] for n in names] + [readout['weight'], readout['bias']]
    for lf in leaves:
        lf.requires_grad_(True)
    h0 = (torch.randn(B, H) * 0.5).requires_grad_(True)
    c0 = (torch.randn(B, H) * 0.5).requires_grad_(True) if cell == 'lstm' else None
    xs = torch.randn(T, B, I)
    if loss_kind == 'mse_last':
        targets = torch.randn(B, O)
    elif loss_kind == 'mse_all':
        targets = torch.randn(T, B, O)
    elif loss_kind == 'xent_all':
        targets = torch.randint(0, O, (T, B))
    else:
        targets = torch.randint(0, O, (B,))

    # Authoritative graph: the module itself (except for 'linear' and a held forget gate, which have
    # no module equivalent; there the hand-written equations, checked against the module elsewhere).
    use_module = cell != 'linear' and hold is None
    loss, hs, cs, _, inj_h, _ = run(cell, loss_kind, params, readout, h0, c0, xs, targets, K, use_module, hold)
    loss.backward()
    grads = {n: p.grad.clone() for n, p in zip(names + ['readout.weight', 'readout.bias'], leaves)}
    dh = torch.stack([grad_or_zero(g) for g in inj_h])
    dh0 = h0.grad.clone() if h0.grad is not None else torch.zeros(B, H)
    hidden = torch.stack([x.detach() for x in hs])
    cell_state_mod = torch.stack([x.detach() for x in cs]) if cell == 'lstm' else None
    if use_module and K == 0:
        # whole-sequence call: same loss, states and gradients as the step-by-step graph
        mod.zero_grad()
        for lf in leaves[4:]:
            lf.grad = None
        hx = (h0.detach().unsqueeze(0), c0.detach().unsqueeze(0)) if cell == 'lstm' else h0.detach().unsqueeze(0)
        out, _ = mod(xs, hx)
        ys = [out[t] @ readout['weight'].T + readout['bias'] for t in range(T)]
        l2 = loss_fn(loss_kind, ys, targets)
        l2.backward()
        assert abs(l2.item() - loss.item()) <= 1e-14 * abs(loss.item())
        assert torch.allclose(out.detach(), hidden, rtol=1e-13, atol=1e-15)
        for n, lf in zip(names + ['readout.weight', 'readout.bias'], leaves):
            assert torch.allclose(lf.grad, grads[n], rtol=1e-12, atol=1e-15), n

    for lf in leaves:
        lf.grad = None
    h0.grad = None
    if c0 is not None:
        c0.grad = None
    # Manual graph with explicit c_t and gate activations, checked against the module's numbers.
    loss_m, hs_m, cs_m, gates_m, inj_hm, inj_cm = run(cell, loss_kind, params, readout, h0, c0, xs, targets, K, False, hold)
    loss_m.backward()
    assert abs(loss_m.item() - loss.item()) <= 1e-13 * abs(loss.item())
    assert torch.allclose(torch.stack([x.detach() for x in hs_m]), hidden, rtol=1e-13, atol=1e-15)
    assert torch.allclose(torch.stack([grad_or_zero(g) for g in inj_hm]), dh, rtol=1e-11, atol=1e-16)

    spec = {
        'name': f'{cell}-{loss_kind}' + (f'-t{K}' if K else '') + (f'-hold{hold}' if hold is not None else '') + suffix,
        'cell': cell, 'inputSize': I, 'hiddenSize': H, 'outputSize': O, 'seqLen': T, 'batch': B,
        'loss': loss_kind,
        'weights': {n: tolist(params[n]) for n in names} | {'readout.weight': tolist(readout['weight']), 'readout.bias': tolist(readout['bias'])},
        'h0': tolist(h0),
    }
    if c0 is not None:
        spec['c0'] = tolist(c0)
    spec['inputs'] = tolist(xs)
    spec['targets'] = targets.tolist()
    if K:
        spec['truncate'] = K
    if hold is not None:
        spec['holdForget'] = hold
    spec.update({
        'lossValue': loss.item(),
        'grads': {n: tolist(g) for n, g in grads.items()},
        'hidden': tolist(hidden),
        'dL_dh': tolist(dh),
        'dL_dh_norm': [torch.linalg.norm(dh[t]).item() for t in range(T)],
        'dL_dh0': tolist(dh0),
    })
    if cell == 'lstm':
        cstate = torch.stack([x.detach() for x in cs_m])
        assert torch.allclose(cstate, cell_state_mod, rtol=1e-13, atol=1e-15)
        dc = torch.stack([grad_or_zero(g) for g in inj_cm])
        spec['cellState'] = tolist(cstate)
        spec['dL_dc'] = tolist(dc)
        spec['dL_dc_norm'] = [torch.linalg.norm(dc[t]).item() for t in range(T)]
        spec['dL_dc0'] = tolist(c0.grad if c0.grad is not None else torch.zeros(B, H))
    if GATES[cell]:
        g = torch.stack([x.detach() for x in gates_m])
        spec['gates'] = {name: tolist(g[:, :, k * H:(k + 1) * H]) for k, name in enumerate(GATES[cell])}
    spec['meta'] = {'source': f'PyTorch {torch.__version__} float64 (tools/make_fixtures.py)', 'seed': seed}
    return spec


def dump(out_dir, spec):
    path = os.path.join(out_dir, spec['name'] + '.json')
    with open(path, 'w') as fh:
        json.dump(spec, fh)
        fh.write('\n')
    print(path, file=sys.stderr)


def relu_cases():
    """nn.RNN(nonlinearity='relu'): every loss, truncation, and the one-column shapes. Seeds from 400
    so the other fixtures keep theirs; `--relu` writes only these."""
    seed = 400
    for loss_kind in ['mse_last', 'mse_all', 'xent_all', 'xent_last']:
        O = 3 if loss_kind.startswith('xent') else 2
        yield ('relu', loss_kind, 6, 3, 2, 4, O, seed), {}
        seed += 1
    yield ('relu', 'mse_all', 7, 2, 2, 3, 2, seed), {'K': 2}
    yield ('relu', 'xent_all', 8, 2, 2, 3, 3, seed + 1), {'K': 4}
    yield ('relu', 'mse_last', 7, 2, 2, 3, 2, seed + 2), {'K': 3}
    yield ('relu', 'mse_last', 5, 2, 1, 3, 1, seed + 3), {'suffix': '-i1'}
    yield ('relu', 'xent_all', 5, 2, 2, 1, 3, seed + 4), {'suffix': '-h1'}


def main():
    os.makedirs(OUT, exist_ok=True)
    for args, kw in relu_cases():
        dump(OUT, fixture(*args, **kw))
    if '--relu' in sys.argv[1:]:
        return
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import family_fixtures
    family_fixtures.write_all(OUT, dump)
    if '--families' in sys.argv[1:]:
        return
    cases = []
    seed = 100
    for cell in ['linear', 'rnn', 'lstm', 'gru']:
        for loss_kind in ['mse_last', 'mse_all', 'xent_all', 'xent_last']:
            O = 3 if loss_kind.startswith('xent') else 2
            cases.append((cell, loss_kind, 6, 3, 2, 4, O, seed, 0))
            seed += 1
    # Truncated BPTT (K = 2, 4 with T = 7 and T = 8, so both "cut at h0" and "no cut at h0" occur).
    for cell in ['linear', 'rnn', 'lstm', 'gru']:
        cases.append((cell, 'mse_all', 7, 2, 2, 3, 2, seed, 2))
        cases.append((cell, 'xent_all', 8, 2, 2, 3, 3, seed + 1, 4))
        cases.append((cell, 'mse_last', 7, 2, 2, 3, 2, seed + 2, 3))
        seed += 3
    cases = [c + (None,) for c in cases]
    # LSTM with the forget gate held at phi (no gradient reaches the f rows).
    cases.append(('lstm', 'mse_all', 6, 2, 2, 3, 2, seed, 0, 0.9))
    cases.append(('lstm', 'xent_last', 6, 2, 2, 3, 3, seed + 1, 0, 1.0))
    cases.append(('lstm', 'mse_all', 7, 2, 2, 3, 2, seed + 2, 3, 0.5))
    for (cell, loss_kind, T, B, I, H, O, s, K, hold) in cases:
        dump(OUT, fixture(cell, loss_kind, T, B, I, H, O, s, K, hold=hold))
    # One-column matrices: I = 1 with O = 1 (weight_ih_l0 [G*H][1], a scalar net), and H = 1
    # (weight_hh_l0 [G][1], readout.weight [O][1]); tolist() keeps the column, and so must the CLI.
    seed = 300
    for cell in ['linear', 'rnn', 'lstm', 'gru']:
        dump(OUT, fixture(cell, 'mse_last', 5, 2, 1, 3, 1, seed, suffix='-i1'))
        dump(OUT, fixture(cell, 'xent_all', 5, 2, 2, 1, 3, seed + 1, suffix='-h1'))
        seed += 2


if __name__ == '__main__':
    main()

"""PyTorch float64 reference fixtures for the newer families (lru, rglru, s6, attention), written to
tests/fixtures/<cell>-<loss>[-tK][-tag].json by tools/make_fixtures.py. Each is a `grad` CLI spec
plus what a correct engine prints: lossValue, grads, hidden [T][B][F'], dL_dh, dL_dh_norm, gates
(each [T][B][H]), attention [B][T][T], dL_dh0 (rglru). Matrices stay [rows][cols] with one column.

Checks made here before writing (assertions):
- lru: the complex module equals the same recurrence written in real arithmetic, states and every
  gradient, so PyTorch's complex .grad is the pair of real gradients (dL/dRe, dL/dIm).
- attention: nn.MultiheadAttention with the causal mask equals the contract's formula.
- the traced-state gradients from the injected leaves do not change the loss or parameter grads.
"""
import math

import torch
import torch.nn.functional as F

from family_modules import cut_after, make

TAU = 2 * math.pi


def loss_fn(kind, y, targets):
    if kind == 'mse_last':
        return F.mse_loss(y[-1], targets)
    if kind == 'mse_all':
        return F.mse_loss(y, targets)
    if kind == 'xent_all':
        return F.cross_entropy(y.reshape(-1, y.shape[-1]), targets.reshape(-1))
    return F.cross_entropy(y[-1], targets)


def randomize(cell, mod, I, H, N, opts):
    g = torch.Generator().manual_seed(opts['seed'] + 7)
    U = lambda *shape, lo=-0.6, hi=0.6: lo + (hi - lo) * torch.rand(*shape, generator=g)
    with torch.no_grad():
        for p in mod.parameters():
            p.copy_(U(*p.shape))
        if cell == 'lru':
            r = U(H, lo=opts.get('rmin', 0.5), hi=opts.get('rmax', 0.99))
            mod.nu_log.copy_(torch.log(-torch.log(r)))
            mod.theta_log.copy_(torch.log(U(H, lo=0.05, hi=TAU)))
            mod.gamma_log.copy_(U(H, lo=-1.0, hi=0.3))
            mod.B_re.copy_(U(H, I, lo=-1, hi=1))
            mod.B_im.copy_(U(H, I, lo=-1, hi=1))
        if cell == 'rglru':
            mod.a_param.copy_(U(H, lo=-4.0, hi=1.0))
            if 'a_param' in opts:
                mod.a_param.fill_(opts['a_param'])
        if cell == 's6':
            mod.A_log.copy_(torch.log(torch.arange(1, N + 1, dtype=torch.float64)).expand(H, N) + U(H, N, lo=-0.3, hi=0.3))
            mod.dt.bias.copy_(U(H, lo=-3.0, hi=0.5))
            mod.D.copy_(U(H, lo=-1, hi=1))


def lru_real_check(mod, u, K, targets, loss_kind):
    """The LRU in real arithmetic; returns loss, grads and per-step state grads to compare."""
    T, B, _ = u.shape
    H = mod.nu_log.shape[0]
    m = torch.exp(-torch.exp(mod.nu_log))
    ph = torch.exp(mod.theta_log)
    lr, li = m * torch.cos(ph), m * torch.sin(ph)
    gam = torch.exp(mod.gamma_log)
    pr, pi = gam * (u @ mod.B_re.T), gam * (u @ mod.B_im.T)
    xr, xi = torch.zeros(B, H), torch.zeros(B, H)
    leaves = [torch.zeros(B, 2 * H, requires_grad=True) for _ in range(T)]
    ys = []
    for t in range(T):
        xr, xi = lr * xr - li * xi + pr[t], lr * xi + li * xr + pi[t]
        xr, xi = xr + leaves[t][:, :H], xi + leaves[t][:, H:]
        ys.append(mod.readout(torch.cat([xr, xi], 1)))
        if t + 1 < T and cut_after(T, K, t + 1):
            xr, xi = xr.detach(), xi.detach()
    loss = loss_fn(loss_kind, torch.stack(ys), targets)
    params = list(mod.parameters())
    grads = torch.autograd.grad(loss, params + leaves)
    return loss, grads[:len(params)], torch.stack(grads[len(params):])


def close(a, b, tol=1e-12):
    return torch.allclose(a, b, rtol=tol, atol=1e-15)


def tolist(x):
    return x.detach().tolist()


def fixture(cell, loss_kind, T, B, I, H, O, seed, K=0, N=None, tag='', **opts):
    torch.manual_seed(seed)
    mod = make(cell, I, H, O, N or 1)
    randomize(cell, mod, I, H, N, {'seed': seed, **opts})
    u = torch.randn(T, B, I) * opts.get('in_scale', 1.0)
    if loss_kind == 'mse_last':
        targets = torch.randn(B, O)
    elif loss_kind == 'mse_all':
        targets = torch.randn(T, B, O)
    elif loss_kind == 'xent_all':
        targets = torch.randint(0, O, (T, B))
    else:
        targets = torch.randint(0, O, (B,))
    h0 = (torch.randn(B, H) * 0.5).requires_grad_(True) if cell == 'rglru' else None
    names = [n for n, _ in mod.named_parameters()]
    params = [p for _, p in mod.named_parameters()]

    # Plain graph: loss and parameter gradients.
    out0 = mod.run(u, K, h0)
    loss0 = loss_fn(loss_kind, out0['y'], targets)
    g0 = torch.autograd.grad(loss0, params)
    # Same graph with zero leaves added to the traced state: their grads are dL/d(state_t).
    out = mod.run(u, K, h0, inject=True)
    loss = loss_fn(loss_kind, out['y'], targets)
    loss.backward()
    assert loss.item() == loss0.item()
    for n, p, g in zip(names, params, g0):
        assert close(p.grad, g, 1e-13), n
    dstate = out['dstate']()
    hidden = torch.stack([s.detach() for s in out['states']])
    if cell == 'lru':
        l2, g2, d2 = lru_real_check(mod, u, K, targets, loss_kind)
        assert abs(l2.item() - loss.item()) <= 1e-13 * abs(loss.item())
        for n, p, g in zip(names, params, g2):
            assert close(p.grad, g), n
        assert close(dstate, d2), 'complex grad convention'
    if cell == 'attention':
        y_m, a_m = mod.manual(u)
        ys_m = mod.readout(y_m)
        assert close(ys_m, out['y']) and close(a_m, out['attention'])

    spec = {
        'name': f'{cell}-{loss_kind}' + (f'-t{K}' if K else '') + (f'-{tag}' if tag else ''),
        'cell': cell, 'inputSize': I, 'hiddenSize': H, 'outputSize': O,
    }
    if cell == 's6':
        spec['stateSize'] = N
    spec.update({
        'seqLen': T, 'batch': B, 'loss': loss_kind,
        'weights': {n: tolist(p) for n, p in zip(names, params)},
    })
    if h0 is not None:
        spec['h0'] = tolist(h0)
    spec['inputs'] = tolist(u)
    spec['targets'] = targets.tolist()
    if K:
        spec['truncate'] = K
    spec.update({
        'lossValue': loss.item(),
        'grads': {n: tolist(p.grad) for n, p in zip(names, params)},
        'hidden': tolist(hidden),
        'dL_dh': tolist(dstate),
        'dL_dh_norm': [torch.linalg.norm(dstate[t]).item() for t in range(T)],
    })
    if h0 is not None:
        spec['dL_dh0'] = tolist(h0.grad if h0.grad is not None else torch.zeros(B, H))
    if out['gates']:
        spec['gates'] = {k: tolist(v) for k, v in out['gates'].items()}
    if cell == 'attention':
        spec['attention'] = tolist(out['attention'])
    spec['meta'] = {'source': f'PyTorch {torch.__version__} float64 (tools/family_fixtures.py)', 'seed': seed}
    return spec


def cases():
    out = []
    seed = 500
    for cell in ['lru', 'rglru', 's6', 'attention']:
        N = 4 if cell == 's6' else None
        for loss_kind in ['mse_last', 'mse_all', 'xent_all', 'xent_last']:
            O = 3 if loss_kind.startswith('xent') else 2
            out.append(dict(cell=cell, loss_kind=loss_kind, T=6, B=3, I=2, H=4, O=O, seed=seed, N=N))
            seed += 1
        # Degenerate sizes: one of everything, and a longer single-unit sequence.
        out.append(dict(cell=cell, loss_kind='mse_all', T=1, B=1, I=1, H=1, O=1, seed=seed, N=1 if N else None, tag='tiny'))
        out.append(dict(cell=cell, loss_kind='xent_all', T=7, B=1, I=1, H=1, O=2, seed=seed + 1, N=1 if N else None, tag='h1'))
        out.append(dict(cell=cell, loss_kind='mse_last', T=5, B=2, I=1, H=3, O=1, seed=seed + 2, N=N, tag='i1'))
        # A long sequence.
        out.append(dict(cell=cell, loss_kind='mse_all', T=120, B=2, I=2, H=3, O=2, seed=seed + 3, N=2 if N else None, tag='long'))
        seed += 4
        if cell != 'attention':
            out.append(dict(cell=cell, loss_kind='mse_all', T=7, B=2, I=2, H=3, O=2, seed=seed, N=N, K=2))
            out.append(dict(cell=cell, loss_kind='xent_all', T=8, B=2, I=2, H=3, O=3, seed=seed + 1, N=N, K=4))
            out.append(dict(cell=cell, loss_kind='mse_last', T=7, B=2, I=2, H=3, O=2, seed=seed + 2, N=N, K=3))
            seed += 3
    out.append(dict(cell='attention', loss_kind='mse_all', T=9, B=2, I=3, H=5, O=2, seed=seed, tag='oddh'))
    out.append(dict(cell='attention', loss_kind='xent_last', T=6, B=2, I=2, H=3, O=3, seed=seed + 1, tag='oddh'))
    out.append(dict(cell='s6', loss_kind='mse_all', T=6, B=2, I=2, H=3, O=2, seed=seed + 2, N=1, tag='n1'))
    out.append(dict(cell='s6', loss_kind='xent_all', T=6, B=2, I=2, H=3, O=3, seed=seed + 3, N=16, tag='n16'))
    # |λ| = 0.99 for every unit, loss on the last step: ‖dL/dx_t‖ / ‖dL/dx_T‖ = 0.99^(T−t) exactly.
    out.append(dict(cell='lru', loss_kind='mse_last', T=60, B=2, I=2, H=4, O=2, seed=seed + 4, rmin=0.99, rmax=0.99, tag='decay99'))
    # RG-LRU with a → 1: softplus(Λ) ≈ 1e−5, a_t = exp(−8 r softplus(Λ)) ≈ 0.9999, where 1 − a² loses digits.
    out.append(dict(cell='rglru', loss_kind='mse_all', T=6, B=2, I=2, H=3, O=2, seed=seed + 5, a_param=math.log(math.expm1(1e-5)), tag='a1'))
    return out


def write_all(out_dir, dump):
    for c in cases():
        spec = fixture(**c)
        dump(out_dir, spec)

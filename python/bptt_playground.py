"""BPTT Playground as a notebook widget (Jupyter, VS Code, Colab, marimo), through anywidget.

    from bptt_playground import Playground
    w = Playground(lesson="vanishing", panels=["grad", "loss"], config={"rho": 0.9})
    w                         # shows it; w.config = {"rho": 1.5} changes it; w.playing = True trains
    w.iteration, w.loss, w.ratio   # read back from the page

The front end is widget.js from the built site (BPTT_PLAYGROUND_URL, default `npm run preview`'s
address): it must be a URL, so the module finds the playground beside itself.
"""
import os

import anywidget
import traitlets

SITE = os.environ.get("BPTT_PLAYGROUND_URL", "http://127.0.0.1:4173/").rstrip("/") + "/"


class Playground(anywidget.AnyWidget):
    _esm = SITE + "widget.js"
    config = traitlets.Dict().tag(sync=True)
    panels = traitlets.List(default_value=None, allow_none=True).tag(sync=True)
    controls = traitlets.List(default_value=None, allow_none=True).tag(sync=True)
    lesson = traitlets.Unicode("").tag(sync=True)
    playing = traitlets.Bool(False).tag(sync=True)
    iteration = traitlets.Int(0, read_only=True).tag(sync=True)
    loss = traitlets.Float(None, allow_none=True, read_only=True).tag(sync=True)
    ratio = traitlets.Float(None, allow_none=True, read_only=True).tag(sync=True)

#!/usr/bin/env python3
"""Validate heldout9/messages.jsonl and print its label counts: heldout4's checks (../heldout4/validate.py), for
this folder (id prefix h9, taken from the folder name). Exit status 1 if any check fails.

Use: measurement only - never tune on this set.
"""

import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    runpy.run_path(str(HERE.parent / "heldout4" / "validate.py"))["main"](HERE)

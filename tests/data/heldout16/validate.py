#!/usr/bin/env python3
"""Validate heldout16/messages.jsonl and print its label counts: heldout4's checks (../heldout4/validate.py),
run on this folder. heldout4 derives the id prefix from the folder name (heldout16 -> h16).
Exit status 1 if any check fails.

Use: measurement only - never tune on this set.
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    if "h" + HERE.name.removeprefix("heldout") != "h16":
        sys.exit(f"unexpected folder name {HERE.name!r}: the id prefix must be h16")
    runpy.run_path(str(HERE.parent / "heldout4" / "validate.py"))["main"](HERE)

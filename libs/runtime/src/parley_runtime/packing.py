"""Values stored packed: one BSON binary value in place of a nested document or list.

FerretDB converts every field and array item of a document on each write, about 0.01 ms of its CPU each, where one
string of the same size costs a tenth (`uv run python -m bench.store_ops --values 20,100,200,400`, ADR 0003). A
nested value that no query filters, sorts or projects is therefore stored packed. (No pymongo here: the document
modules that pack are pure logic.)"""

from typing import Any

import bson
from bson.codec_options import CodecOptions

_CODEC = CodecOptions(tz_aware=True)


def packed(value: Any) -> bytes:
    return bson.encode({"v": value})


def unpacked(value: Any) -> Any:
    """A packed value; or the value as it is, in a document written before packing."""
    return bson.decode(value, _CODEC)["v"] if isinstance(value, bytes) else value

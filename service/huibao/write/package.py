"""A zip (OPC package) assembled from parts compressed once and parts compressed per call.

:class:`Entry` holds one part already deflated with its CRC; :func:`assemble` writes local
headers, data and the central directory around a list of entries. The layout template's
unchanging parts are compressed when the template is compiled and only copied afterwards.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1  # 2026-01-01: a fixed stamp, so output is reproducible
_DOS_TIME = 0
_VERSION = 20
_FLAGS = 0x0800  # names are UTF-8


@dataclass(frozen=True)
class Entry:
    """One deflated part: its name, CRC-32, sizes and compressed bytes."""

    name: bytes
    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, name: str, content: bytes, level: int = 6) -> Entry:
        """Return the entry for ``content`` deflated at ``level``."""
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name.encode("utf-8"), zlib.crc32(content), len(content), data)


def assemble(entries: list[Entry]) -> bytes:
    """Return the zip file holding ``entries`` in order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for e in entries:
        fields = (_VERSION, _FLAGS, 8, _DOS_TIME, _DOS_DATE, e.crc, len(e.data), e.size, len(e.name))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + e.name
        central.append(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", _VERSION, *fields, 0, 0, 0, 0, 0, offset) + e.name
        )
        out += (local, e.data)
        offset += len(local) + len(e.data)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end

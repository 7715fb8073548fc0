"""vis-network's JavaScript and CSS, read from the files the pyvis package ships.

They are inlined into every page, so a page loads nothing from the network.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.errors import ConfigurationError

__all__ = ["VIS_VERSION", "vis_css", "vis_js"]

VIS_VERSION = "9.1.2"


def _lib_dir() -> Path:
    import pyvis

    root = Path(pyvis.__file__).resolve().parent
    for candidate in (root / "templates" / "lib" / f"vis-{VIS_VERSION}", root / "lib" / f"vis-{VIS_VERSION}"):
        if (candidate / "vis-network.min.js").is_file():
            return candidate
    raise ConfigurationError(f"pyvis does not ship vis-network {VIS_VERSION}; reinstall pyvis>=0.3.2")


def _inline_safe(text: str, tag: str) -> str:
    # Inside <script>/<style> only "</tag" (and "<!--" for scripts) can end or
    # confuse the element; the vendored files contain neither today, and this
    # keeps it so if they change. "<\/" means "</" in JS strings and regexes.
    text = re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--") if tag == "script" else text


@cache
def vis_js() -> str:
    """vis-network.min.js, safe to place inside a ``<script>`` element."""
    return _inline_safe((_lib_dir() / "vis-network.min.js").read_text(encoding="utf-8"), "script")


@cache
def vis_css() -> str:
    """vis-network.css, safe to place inside a ``<style>`` element."""
    return _inline_safe((_lib_dir() / "vis-network.css").read_text(encoding="utf-8"), "style")

"""Interactive actor-network pages that work offline and under a strict CSP.

:func:`render_network` draws any actor graph to an HTML string;
:mod:`kg.viz.pages` builds the DiploKG pages (whole network, an actor's ego
network, a path) from the store. Nothing here writes files.
"""

from kg.viz.network import (
    COLOR_BY,
    SIZE_BY,
    NetworkView,
    content_security_policy,
    network_view,
    render_network,
    safe_json,
)

__all__ = [
    "COLOR_BY",
    "SIZE_BY",
    "NetworkView",
    "content_security_policy",
    "network_view",
    "render_network",
    "safe_json",
]

"""Where a fetch may go: the fetch policy, and the address check made before every connection.

A host is resolved once; the fetch goes on only when every address it resolves to is public
(or the policy allows private ones), and the connection is made to one of those checked
addresses, so that a second lookup cannot answer differently (DNS rebinding). The decimal,
octal, hexadecimal and short forms of IPv4 (``2130706433``, ``0x7f.1``, ``127.1``) are read
by the resolver as it would read them for the connection, then judged like any address.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from dataclasses import dataclass, field
from typing import Final

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

DEFAULT_DEADLINE_S: Final = 10.0
DEFAULT_FETCH_BYTES: Final = 20_000_000
DEFAULT_REDIRECTS: Final = 3

_SHARED: Final = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598)
_NAT64: Final = ipaddress.ip_network("64:ff9b::/96")  # IPv4 embedded in the last 32 bits


class AddressRefused(OSError):
    """A host resolves to an address the policy does not let a fetch reach."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How the network is used: where a fetch may go, how long and how much it may take.

    ``deadline_s`` bounds a whole fetch (lookup, connection, redirects and every read).
    Only public addresses are reached unless ``allow_private`` is set (for an intranet);
    ``allowed`` names single addresses reached all the same (an operator's own server).
    """

    deadline_s: float = DEFAULT_DEADLINE_S
    max_bytes: int = DEFAULT_FETCH_BYTES
    max_redirects: int = DEFAULT_REDIRECTS
    allow_private: bool = False
    allowed: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # One spelling per address, so that "::ffff:127.0.0.1" and "127.0.0.1" are one entry.
        canonical = frozenset(_canonical(ipaddress.ip_address(a)) for a in self.allowed)
        object.__setattr__(self, "allowed", canonical)

    def permits(self, address: IPAddress) -> str | None:
        """Why the policy refuses ``address``, or None when a fetch may reach it."""
        if self.allow_private or _canonical(address) in self.allowed:
            return None
        return refusal(address)


def refusal(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            reason = refusal(embedded)
            return f"embeds {embedded}, {reason}" if reason else None
    checks = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address in _SHARED, "shared (carrier-grade NAT)"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "site-local"),
        (address.is_private, "private"),
        (address.is_reserved, "reserved"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, NAT64), judged in its place."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def _canonical(address: IPAddress) -> str:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return address.compressed


def checked_addresses(host: str, port: int, policy: FetchPolicy, timeout: float) -> list[str]:
    """The addresses ``host`` resolves to, once, if the policy permits every one of them.

    Raises ``AddressRefused`` naming the first refused address, ``TimeoutError`` when the
    lookup outlasts ``timeout``, ``OSError`` when it fails.
    """
    found: list[str] = []
    for text in _lookup(host, port, timeout):
        address = ipaddress.ip_address(text.split("%", 1)[0])  # an IPv6 zone is no part of it
        reason = policy.permits(address)
        if reason is not None:
            raise AddressRefused(f"{host} resolves to {address}: {reason}")
        if text not in found:
            found.append(text)
    if not found:
        raise OSError(f"{host} resolves to no address")
    return found


def _lookup(host: str, port: int, timeout: float) -> list[str]:
    """The addresses ``getaddrinfo`` gives within ``timeout``: the resolver takes no deadline."""
    outcome: list[list[str] | Exception] = []

    def resolve() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            outcome.append([str(info[4][0]) for info in infos])
        except (OSError, UnicodeError, ValueError) as exc:
            outcome.append(exc)

    # A daemon thread: a lookup that hangs past the deadline must not hold the process.
    thread = threading.Thread(target=resolve, name="strife-resolve", daemon=True)
    thread.start()
    thread.join(max(timeout, 0.0))
    if not outcome:
        raise TimeoutError(f"looking up {host} took over {timeout:.1f} s")
    result = outcome[0]
    if isinstance(result, Exception):
        raise OSError(f"cannot look up {host}: {result}") from result
    return result

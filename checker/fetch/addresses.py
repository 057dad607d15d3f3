"""Which addresses a fetched URL may reach, and the one address it then connects to.

Every hop is resolved and each address is checked against `REFUSED_NETWORKS`, so a typed URL
cannot probe the machine's own network; the request is then pinned to the vetted address, so a
second DNS answer (rebinding) cannot send it elsewhere.
"""
from __future__ import annotations

import ipaddress
import socket

import httpx

from checker.config import Settings, get_settings
from checker.errors import FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def check_url_allowed(url: str, settings: Settings | None = None) -> httpx.URL:
    """Refuse non-http(s) schemes and, unless allowed, hosts on private networks."""
    return checked(url, settings or get_settings())[0]


def checked(url: str, settings: Settings) -> tuple[httpx.URL, str | None]:
    """The parsed URL and the vetted address to connect to (None when private addresses are allowed)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchError(f"{url!r} is not a valid URL ({error})") from error
    if parsed.scheme not in {"http", "https"}:
        scheme = f"{parsed.scheme}:" if parsed.scheme else "a URL without a scheme"
        raise FetchError(f"only http:// and https:// URLs can be fetched, not {scheme} ({url})")
    if not parsed.host:
        raise FetchError(f"{url} has no host name")
    if settings.allow_private_urls:
        return parsed, None
    addresses = _resolve(parsed.raw_host.decode("ascii"), parsed.port or (443 if parsed.scheme == "https" else 80))
    for address in addresses:
        reason = refusal(address)
        if reason:
            raise FetchError(
                f"{url} points to {address}, a private or local network address ({reason}); checker refuses "
                "those by default (set CHECKER_ALLOW_PRIVATE_URLS=1 to allow them)"
            )
    return parsed, str(addresses[0])


def pinned(parsed: httpx.URL, address: str | None) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """Connect to the address that was checked, not to a second DNS answer (DNS rebinding).

    The Host header and TLS SNI keep the name, so virtual hosting and certificates still work.
    """
    name = parsed.raw_host.decode("ascii")
    if address is None or address == name.strip("[]"):
        return parsed, {}, {}
    return parsed.copy_with(host=address), {"Host": parsed.netloc.decode("ascii")}, {"sni_hostname": name}


def _resolve(host: str, port: int) -> list[Address]:
    """Every address the name resolves to, in the system's order of preference."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"could not find the host {host} (is the address right, and is the network up?)") from error
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def _net(cidr: str) -> Network:
    return ipaddress.ip_network(cidr)


# Every range a fetched URL may not point to, with the reason shown to the user. Python's `is_global` is the
# safety net underneath (`refusal`), but it calls several IPv6 forms global that reach IPv4 hosts behind them.
REFUSED_NETWORKS: tuple[tuple[Network, str], ...] = (
    (_net("0.0.0.0/8"), "'this network'"),
    (_net("10.0.0.0/8"), "private network"),
    (_net("100.64.0.0/10"), "carrier-grade NAT"),
    (_net("127.0.0.0/8"), "loopback"),
    (_net("169.254.0.0/16"), "link-local (cloud metadata)"),
    (_net("172.16.0.0/12"), "private network"),
    (_net("192.0.0.0/24"), "IETF protocol assignments"),
    (_net("192.0.2.0/24"), "documentation"),
    (_net("192.88.99.0/24"), "6to4 relay anycast"),
    (_net("192.168.0.0/16"), "private network"),
    (_net("198.18.0.0/15"), "benchmarking"),
    (_net("198.51.100.0/24"), "documentation"),
    (_net("203.0.113.0/24"), "documentation"),
    (_net("224.0.0.0/4"), "multicast"),
    (_net("240.0.0.0/4"), "reserved"),
    (_net("::/128"), "unspecified"),
    (_net("::1/128"), "loopback"),
    (_net("::ffff:0:0/96"), "IPv4-mapped"),  # checked through the IPv4 address inside, see `refusal`
    (_net("::/96"), "IPv4-compatible (deprecated)"),
    (_net("64:ff9b::/96"), "NAT64 (reaches an IPv4 host)"),
    (_net("64:ff9b:1::/48"), "local-use NAT64"),
    (_net("100::/64"), "discard-only"),
    (_net("2001::/23"), "IETF protocol assignments (Teredo)"),
    (_net("2001:db8::/32"), "documentation"),
    (_net("2002::/16"), "6to4 (reaches an IPv4 host)"),
    (_net("fc00::/7"), "unique-local (private network)"),
    (_net("fe80::/10"), "link-local"),
    (_net("fec0::/10"), "site-local (deprecated private network)"),
    (_net("ff00::/8"), "multicast"),
)


def refusal(address: Address) -> str | None:
    """Why `address` may not be fetched, or None for a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for network, reason in REFUSED_NETWORKS:
        if address.version == network.version and address in network:
            return reason
    if not address.is_global or address.is_multicast:
        return "not a public address"
    return None

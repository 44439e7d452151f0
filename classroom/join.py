"""Joining a lesson from a student's device: the address to type and its QR code.

Off by default. Streamlit listens on this computer only unless the teacher starts it with
``--server.address=0.0.0.0`` (or the computer's own address on the classroom network); only
then is there an address students can reach, and only then is it shown. The QR code is made
here, offline (segno); nothing is sent anywhere to find the address or to draw the code.
"""

from __future__ import annotations

import io
import ipaddress
import socket

import segno

EVERY_INTERFACE = {"0.0.0.0", "::", ""}


def is_shared(bound: str | None) -> bool:
    """True when the server listens beyond this computer (a LAN address or every interface).

    >>> [is_shared(a) for a in (None, "127.0.0.1", "localhost", "::1", "0.0.0.0", "10.0.0.5")]
    [False, False, False, False, True, True]
    """
    if bound is None or bound.strip() == "localhost":
        return False
    if bound.strip() in EVERY_INTERFACE:
        return True
    try:
        return not ipaddress.ip_address(bound.strip()).is_loopback
    except ValueError:  # a host name other than localhost: the teacher chose it
        return True


def local_address() -> str | None:
    """This computer's address on its network, or None if it has none.

    A UDP socket "connected" to a private address sends no packet; the system only picks the
    interface it would use, and the socket's own address is the answer.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address


def join_url(bound: str | None, port: int, page: str, base_path: str = "",
             step: int | None = None, detect=local_address) -> str | None:
    """The address students type for ``page`` (a URL path, ``ui.navigation``), or None when
    the server is not shared on the network.

    >>> join_url("192.168.1.20", 8501, "lesson", step=3)
    'http://192.168.1.20:8501/lesson?step=3'
    >>> join_url("0.0.0.0", 8501, "", "class", detect=lambda: "10.0.0.7")
    'http://10.0.0.7:8501/class'
    >>> join_url("127.0.0.1", 8501, "lesson") is None
    True
    """
    if not is_shared(bound):
        return None
    host = detect() if (bound or "").strip() in EVERY_INTERFACE else bound.strip()
    if host is None:
        return None
    if ":" in host:  # an IPv6 address goes in brackets
        host = f"[{host}]"
    prefix = "/".join(part for part in (base_path.strip("/"), page) if part)
    query = f"?step={step}" if step and step > 1 else ""
    return f"http://{host}:{port}/{prefix}{query}"


def qr_png(url: str, scale: int = 8) -> bytes:
    """A QR code for ``url`` as PNG bytes (made offline)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()

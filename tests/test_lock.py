"""The locks follow the pins: every package pinned in requirements*.txt is in its lock at the
same version, every locked package carries hashes, and SciPy stays out of the app's lock."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path) -> dict[str, str]:
    """``name -> version`` of each ``name==version`` line, following ``-r`` includes."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            pins |= _pins(path.parent / line.split(maxsplit=1)[1])
        elif match := PIN.match(line):
            pins[_name(match[1])] = match[2]
    return pins


def _locked(path) -> dict[str, tuple[str, int]]:
    """``name -> (version, number of hashes)`` of each package in a lock file."""
    locked, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            current = _name(match[1])
            locked[current] = (match[2].rstrip(";"), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = locked[current]
            locked[current] = (version, hashes + 1)
    return locked


@pytest.mark.parametrize(("wanted", "lock"), [("requirements.txt", "requirements.lock"),
                                              ("requirements-dev.txt", "requirements-dev.lock")])
def test_lock_holds_every_pin_at_its_version_with_hashes(wanted: str, lock: str):
    """Change a pin without writing the lock again (README, "Locked") and this fails."""
    pins, locked = _pins(ROOT / wanted), _locked(ROOT / lock)
    stale = {name: (version, locked.get(name, ("missing", 0))[0])
             for name, version in pins.items() if locked.get(name, ("", 0))[0] != version}
    assert not stale, f"{lock} is stale (pinned, locked): {stale}"
    assert all(hashes for _, hashes in locked.values()), "a locked package has no hash"


def test_scipy_is_not_in_the_runtime():
    """No page needs SciPy (tests/test_no_scipy.py): it is neither pinned nor locked."""
    assert "scipy" not in _pins(ROOT / "requirements.txt")
    assert "scipy" not in _locked(ROOT / "requirements.lock")

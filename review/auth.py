"""Logins, sessions and CSRF tokens for the review app, with the standard
library only.

A password file has one ``name:pbkdf2_sha256$iterations$salt$hash`` line per
analyst (``citypairs review-user`` writes it). Sessions and CSRF tokens are
HMAC-signed with a secret that lives as long as the server, or comes from the
``review_secret`` setting so sessions survive a restart.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from pathlib import Path

ITERATIONS = 240_000
SESSION_SECONDS = 12 * 3600


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


def read_users(path: Path) -> dict[str, str]:
    """name -> stored hash; blank lines and # comments are skipped."""
    users = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, stored = line.partition(":")
        if not sep or not name or not stored.startswith("pbkdf2_sha256$"):
            raise ValueError(f"{path}:{number}: expected name:pbkdf2_sha256$... (see citypairs review-user)")
        users[name] = stored
    return users


def set_user(path: Path, name: str, password: str) -> None:
    """Add an analyst or change their password, keeping the other lines."""
    if not name or ":" in name or name != name.strip():
        raise ValueError("a user name is one word without ':'")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [x for x in lines if x.partition(":")[0] != name] + [f"{name}:{hash_password(password)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)


class Signer:
    """Signs short strings; a token carries its own expiry."""

    def __init__(self, secret: str | None = None):
        self.key = (secret or secrets.token_hex(32)).encode()

    def _mac(self, payload: str) -> str:
        return base64.urlsafe_b64encode(hmac.new(self.key, payload.encode(), hashlib.sha256).digest()[:24]).decode()

    def sign(self, value: str, seconds: int = SESSION_SECONDS) -> str:
        payload = f"{value}|{int(time.time()) + seconds}"
        return f"{payload}|{self._mac(payload)}"

    def unsign(self, token: str | None) -> str | None:
        if not token or token.count("|") < 2:
            return None
        payload, _, mac = token.rpartition("|")
        value, _, expires = payload.rpartition("|")
        if not hmac.compare_digest(mac, self._mac(payload)) or not expires.isdigit() or int(expires) < time.time():
            return None
        return value

    def csrf(self, session: str) -> str:
        """The form token for a session (or anonymous browser) id."""
        return self._mac(f"csrf|{session}")


# A hash no password matches, checked for unknown names so that an unknown
# name costs as long as a known one (no user enumeration by timing).
_DUMMY = hash_password(secrets.token_hex(16))


def check_login(users: dict[str, str], name: str, password: str) -> bool:
    return verify_password(password, users.get(name, _DUMMY)) and name in users


def session_value(name: str, stored: str, nonce: str) -> str:
    """What a session cookie signs: the name, a fingerprint of the stored
    password hash (a password change ends every session) and a nonce
    (logout ends this one)."""
    return f"{name}:{hashlib.sha256(stored.encode()).hexdigest()[:12]}:{nonce}"


class LoginThrottle:
    """Failed logins per name and per client address: after ``limit``
    failures in ``window`` seconds, that name or address is refused
    (whatever the password) for ``lockout`` seconds, doubling with each
    further lockout up to an hour. A success clears the name's count."""

    def __init__(self, limit: int = 5, window: float = 900.0, lockout: float = 60.0):
        self.limit, self.window, self.lockout = limit, window, lockout
        self._failures: dict[str, list[float]] = {}
        self._locked: dict[str, tuple[float, int]] = {}  # key -> (until, lockouts so far)

    def locked(self, *keys: str, now: float | None = None) -> float:
        """Seconds until every key may try again (0: now)."""
        now = time.monotonic() if now is None else now
        return max((until - now for until, _ in (self._locked.get(k, (0.0, 0)) for k in keys)), default=0.0)

    def failed(self, *keys: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for key in keys:
            recent = [t for t in self._failures.get(key, []) if now - t < self.window] + [now]
            self._failures[key] = recent
            if len(recent) >= self.limit:
                _, count = self._locked.get(key, (0.0, 0))
                self._locked[key] = (now + min(3600.0, self.lockout * 2 ** count), count + 1)
                self._failures[key] = []

    def succeeded(self, name_key: str) -> None:
        self._failures.pop(name_key, None)



def host_name(header: str) -> str:
    """A Host header's name: '127.0.0.1:8700' -> '127.0.0.1', '[::1]:8700' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header

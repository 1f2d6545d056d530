"""The CalDAV password: from ``REP_PLANNER_CALDAV_PASSWORD``, the system keyring, or a prompt.

Never written to the plan database or any file of the app's. The keyring is the ``keyring``
package's (macOS Keychain, Windows Credential Locker, the Secret Service on Linux desktops); it is
optional: without the package, or with no keyring on the machine, that source is skipped. A
password is kept there under the service ``rep-planner:`` + the server's origin and the user name,
as ``keyring set rep-planner:https://cal.example.com laura`` stores it.
"""

from __future__ import annotations

import os
from typing import Callable
from urllib.parse import urlsplit

from .errors import PlannerError
from .i18n import _

ENVIRONMENT = "REP_PLANNER_CALDAV_PASSWORD"


def service_name(url: str) -> str:
    """``rep-planner:https://cal.example.com`` (the port too when it is not the scheme's own)."""
    parts = urlsplit(url)
    return f"rep-planner:{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"


def _keyring():
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def from_keyring(url: str, user: str) -> str | None:
    """The stored password, or None (none stored, no keyring package, or no keyring on this machine)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(service_name(url), user)
    except Exception:  # a keyring that is missing, locked or refuses is the same as none: ask another way
        return None


def remember(url: str, user: str, password: str) -> bool:
    """Store the password in the system keyring; False when there is none to store it in."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(service_name(url), user, password)
    except Exception:
        return False
    return True


def password_for(url: str, user: str, prompt: Callable[[str], str] | None = None) -> tuple[str, str]:
    """(password, where it came from: ``environment``, ``keyring`` or ``prompt``).

    ``prompt(question)`` asks a person; without one (no terminal) and no other source, the error
    says the three ways to give it.
    """
    if os.environ.get(ENVIRONMENT):
        return os.environ[ENVIRONMENT], "environment"
    stored = from_keyring(url, user)
    if stored:
        return stored, "keyring"
    if prompt is not None:
        answer = prompt(_("Password for {user} at {server}: ").format(user=user, server=urlsplit(url).netloc))
        if answer:
            return answer, "prompt"
    raise PlannerError(_("no password for {user} at {server}: set {variable}, store it in the system keyring "
                         "(keyring set {service} {user}) or run the command in a terminal to be asked").format(
        user=user, server=urlsplit(url).netloc, variable=ENVIRONMENT, service=service_name(url)))

"""The few CalDAV requests (RFC 4791) that publishing and busy import make, and nothing else.

Built on the ``caldav`` library's :class:`caldav.DAVClient`, which brings the HTTP session, Basic
and Digest authentication and TLS, and sent through its plain :meth:`~caldav.DAVClient.request`.
Its high-level API (``Calendar.save_event``, ``Event.save``) does not fit a publisher that must
know exactly what went over the wire: whether a save carries ``If-None-Match: *`` or searches for
the UID first depends on what the library guesses the server supports; a save raises SEQUENCE
unless told not to; it parses and re-serialises every event; a 412 or a UID taken at another
address comes back as one of several exceptions. Here every create sends ``If-None-Match: *``,
every update and delete ``If-Match`` with the ETag the caller read, the bytes are the export's,
and the caller gets the status, the ETag and the body to decide what a refusal means.

One :class:`Connection` serves several threads: each thread gets its own ``DAVClient`` (an
HTTP session is not shared across threads). A server that cannot take writes at once says so
(Xandikos answers ``423 Locked`` while another write holds its repository; others ``429`` or
``503``): the connection then sends one request at a time for the rest of its life, and retries
the refused one after a pause that grows, rather than failing it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from .errors import PlannerError
from .i18n import _, number

DAV, CALDAV = "DAV:", "urn:ietf:params:xml:ns:caldav"
_ETAGS = (b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>'
          b'<d:resourcetype/></d:prop></d:propfind>')
_KIND = (b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/>'
         b'</d:prop></d:propfind>')
# Every VEVENT resource with its data, and no time-range: servers were seen an hour off in one
# (Xandikos for every zone tested, Radicale for 2040 London), so the reader filters by time itself.
_ALL_EVENTS = (b'<?xml version="1.0" encoding="utf-8"?><c:calendar-query xmlns:d="DAV:" '
               b'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>'
               b'<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter>'
               b'</c:filter></c:calendar-query>')
ICALENDAR = "text/calendar; charset=utf-8"
BUSY = (423, 429, 503)
BUSY_RETRIES = 8  # pauses of 0.1, 0.2 ... 12.8 s: about 25 s in all before a write is given up


class ServerError(PlannerError):
    """The server could not be reached or refused the account: nothing more can be done this run."""


@dataclass(frozen=True)
class Account:
    """Where to publish and as whom. The password lives here only, never in the plan database."""

    url: str
    user: str
    password: str = field(repr=False)
    ca_cert: str | None = None  # a certificate (or bundle) to trust, for a server with its own


@dataclass(frozen=True)
class Reply:
    status: int
    etag: str | None
    body: bytes

    @property
    def uid_taken(self) -> bool:
        """The UID is already used by another resource of the calendar (RFC 4791 5.3.2.1): Radicale
        says so with 409, Xandikos with 412, both naming the ``no-uid-conflict`` precondition."""
        return b"no-uid-conflict" in self.body


def check_url(url: str, flag: str = "--url") -> str:
    """``url`` if it is an http(s) address with a host; a collection's address ends with ``/``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PlannerError(_("{flag}: give the calendar's address starting with https:// or http:// (got {url})").format(
            flag=flag, url=repr(url)))
    if parts.username or parts.password:
        raise PlannerError(_("{flag}: give the user with --user and no password in the address (got a URL with "
                             "credentials in it)").format(flag=flag))
    return url if url.endswith("/") else url + "/"


def path_of(url: str) -> str:
    """The decoded path of an address or href, to compare what the server lists with what we made."""
    return unquote(urlsplit(url).path)


class _Gate:
    """At most ``width`` requests at once; :meth:`narrow` makes it one."""

    def __init__(self, width: int):
        self.width, self.busy, self.refused = width, 0, False
        self._turn = threading.Condition()

    def __enter__(self):
        with self._turn:
            while self.busy >= self.width:
                self._turn.wait()
            self.busy += 1

    def __exit__(self, *exc):
        with self._turn:
            self.busy -= 1
            self._turn.notify_all()

    def narrow(self) -> None:
        """One at a time from now on: the server refused a request because another was under way."""
        with self._turn:
            self.width, self.refused = 1, True

    def set_width(self, width: int) -> None:
        """``width`` at once, unless the server has refused concurrent requests."""
        with self._turn:
            if not self.refused:
                self.width = width
            self._turn.notify_all()


class Connection:
    """Requests to one server as one account; safe to use from ``width`` threads at once."""

    def __init__(self, account: Account, timeout: float = 60.0, width: int = 1):
        self.account, self.timeout = account, timeout
        self._local = threading.local()
        self._auth = None
        self._opened: list = []
        self._opened_lock = threading.Lock()
        self.gate = _Gate(width)

    @property
    def width(self) -> int:
        """Requests sent at once now: 1 once the server has said it takes one at a time."""
        return self.gate.width

    def _client(self):
        client = getattr(self._local, "client", None)
        if client is None:
            import caldav  # loaded only when a server is used

            client = caldav.DAVClient(self.account.url, username=self.account.user,
                                      password=self.account.password, timeout=self.timeout,
                                      ssl_verify_cert=self.account.ca_cert or True, enable_rfc6764=False,
                                      rate_limit_handle=True, rate_limit_default_sleep=1, rate_limit_max_sleep=30)
            if self._auth is not None:  # negotiated once (a 401 round trip), not once per thread
                client.auth = self._auth
            self._local.client = client
            with self._opened_lock:
                self._opened.append(client)
        return client

    def close(self) -> None:
        """Close every thread's session."""
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for client in opened:
            client.session.close()
        self._local = threading.local()

    def request(self, method: str, url: str, body: bytes = b"", headers: dict | None = None):
        """The server's response (a ``caldav`` DAVResponse); a refused account or an unreachable
        server raises :class:`ServerError` with a line saying which and what to do."""
        from caldav.lib import error
        import niquests

        try:
            for attempt in range(BUSY_RETRIES + 1):
                with self.gate:
                    client = self._client()
                    response = client.request(url, method, body, headers or {})
                    self._auth = self._auth or client.auth
                if response.status not in BUSY or attempt == BUSY_RETRIES:
                    return response
                self.gate.narrow()
                time.sleep(0.1 * 2 ** attempt)  # the server asked for less: give it a moment
        except error.RateLimitError:
            raise ServerError(_("{url}: the server is too busy (it keeps answering \"too many requests\"); try "
                                "again later").format(url=self.account.url)) from None
        except error.AuthorizationError as exc:
            status = getattr(exc, "status", None) or ("403" if "403" in str(exc) else "401")
            raise ServerError((_("{url}: the server refused user {user} (not allowed)") if str(status) == "403" else
                               _("{url}: the server refused user {user} (wrong user or password)")).format(
                url=self.account.url, user=repr(self.account.user))) from None
        except niquests.exceptions.SSLError as exc:
            raise ServerError(_("{url}: the server's certificate is not trusted ({reason}); if it is your own "
                                "server's, give its certificate with --ca-cert").format(
                url=self.account.url, reason=_reason(exc))) from None
        except niquests.exceptions.Timeout:
            raise ServerError(_("{url}: no answer within {seconds} s").format(
                url=self.account.url, seconds=number(self.timeout))) from None
        except (niquests.exceptions.RequestException, OSError) as exc:
            raise ServerError(_("{url}: cannot reach the server ({reason})").format(
                url=self.account.url, reason=_reason(exc))) from None

    def _reply(self, method: str, url: str, body: bytes = b"", headers: dict | None = None) -> Reply:
        r = self.request(method, url, body, headers)
        raw = r._raw_body if getattr(r, "_raw_body", b"") else (r._raw or b"")
        if isinstance(raw, str):
            raw = raw.encode()
        return Reply(r.status, r.headers.get("ETag"), raw)

    def calendar_kind(self, url: str) -> str:
        """``calendar``, ``missing``, or ``other`` (there is something there, not a calendar)."""
        r = self.request("PROPFIND", url, _KIND, {"Depth": "0", "Content-Type": "application/xml; charset=utf-8"})
        if r.status == 404:
            return "missing"
        if r.status != 207 or r.tree is None:
            raise ServerError(_("{url}: the server answered {status} to a PROPFIND; is this a CalDAV address?").format(
                url=url, status=r.status))
        for response in r.tree.iter(f"{{{DAV}}}response"):
            if any(s.text and " 200 " in s.text for s in response.iter(f"{{{DAV}}}status")):
                kinds = response.find(f".//{{{DAV}}}resourcetype")
                if kinds is not None and kinds.find(f"{{{CALDAV}}}calendar") is not None:
                    return "calendar"
                return "other"
        return "missing"  # Xandikos answers 207 with only a 404 propstat for a missing collection

    def make_calendar(self, url: str, name: str) -> None:
        from xml.sax.saxutils import escape

        body = ('<?xml version="1.0" encoding="utf-8"?><c:mkcalendar xmlns:d="DAV:" '
                'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
                f'<d:displayname>{escape(name)}</d:displayname></d:prop></d:set></c:mkcalendar>').encode()
        r = self.request("MKCALENDAR", url, body, {"Content-Type": "application/xml; charset=utf-8"})
        if r.status not in (200, 201):
            raise ServerError(_("{url}: the server would not create the calendar ({status} {reason})").format(
                url=url, status=r.status, reason=r.reason))

    def etags(self, url: str) -> dict[str, str]:
        """Path -> ETag of every resource in the calendar at ``url`` (one PROPFIND)."""
        r = self.request("PROPFIND", url, _ETAGS, {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        if r.status != 207 or r.tree is None:
            raise ServerError(_("{url}: the server answered {status} when asked what the calendar holds").format(
                url=url, status=r.status))
        own = path_of(url)
        found = {}
        for response in r.tree.iter(f"{{{DAV}}}response"):
            href = response.findtext(f"{{{DAV}}}href")
            etag = response.findtext(f".//{{{DAV}}}getetag")
            if href and etag and path_of(urljoin(url, href)) != own:
                found[path_of(urljoin(url, href))] = etag
        return found

    def events(self, url: str) -> list[tuple[str, str | None, bytes]]:
        """(path, ETag, iCalendar bytes) of every event resource in the calendar, in one REPORT."""
        r = self.request("REPORT", url, _ALL_EVENTS, {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        if r.status == 404:
            raise ServerError(_("{url}: no calendar at this address").format(url=url))
        if r.status != 207 or r.tree is None:
            raise ServerError(_("{url}: the server answered {status} when asked for the calendar's events").format(
                url=url, status=r.status))
        found = []
        for response in r.tree.iter(f"{{{DAV}}}response"):
            href = response.findtext(f"{{{DAV}}}href")
            data = response.findtext(f".//{{{CALDAV}}}calendar-data")
            if href and data:
                found.append((path_of(urljoin(url, href)), response.findtext(f".//{{{DAV}}}getetag"),
                              data.encode()))
        return found

    def get(self, url: str) -> Reply:
        return self._reply("GET", url, headers={"Accept": "text/calendar"})

    def put(self, url: str, data: bytes, etag: str | None = None) -> Reply:
        """Create (``etag`` None: ``If-None-Match: *``) or update the version ``etag`` names."""
        condition = {"If-Match": etag} if etag else {"If-None-Match": "*"}
        return self._reply("PUT", url, data, {"Content-Type": ICALENDAR, **condition})

    def delete(self, url: str, etag: str) -> Reply:
        return self._reply("DELETE", url, headers={"If-Match": etag})


def _reason(exc: BaseException) -> str:
    """The innermost cause of a connection failure, in one short line."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]

"""A part is not the whole, even when the key is only known to the caller:
an object keeps a parsed body and hands out one key at a time."""
import json
import logging

log = logging.getLogger(__name__)


class Manifest:
    def __init__(self, raw):
        self._raw = raw

    @property
    def parsed(self):
        return json.loads(self._raw)

    def get(self, key):
        return self.parsed[key]


def apply_manifest(request):
    manifest = Manifest(request.body)
    # Silent: one key of the body, named by the caller.
    log.info("applying a manifest of kind %s", manifest.get("kind"))
    # The whole parsed body.
    log.debug("manifest: %s", manifest.parsed)  # want: LK201


def field_of(data, key):
    return data[key]


def log_one_field(request):
    # Silent: a helper reads one key, which only the caller knows.
    log.info("kind %s", field_of(json.loads(request.body), "kind"))
    # The caller's key names a credential: that field is one.
    log.info("password %s", field_of(json.loads(request.body), "password"))  # want: LK201


class Envelope:
    """Keeps either text or an already parsed mapping."""

    def __init__(self, payload):
        self._payload = payload

    @property
    def data(self):
        return json.loads(self._payload) if isinstance(self._payload, str) else self._payload

    def field(self, key):
        return self.data[key]


def log_envelope(request):
    envelope = Envelope(json.dumps(request.POST))
    # Silent: one field, whose key only this caller names.
    log.info("envelope kind %s", envelope.field("kind"))
    log.info("envelope token %s", envelope.field("api_token"))  # want: LK201
    # The whole mapping is the form.
    log.info("envelope %s", envelope.data)  # want: LK201

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

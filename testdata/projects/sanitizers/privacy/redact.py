"""Project sanitizers: their return values carry none of their inputs."""
import hashlib
import hmac

from django.conf import settings


def redact(value):
    # Returns a constant whatever it is given.
    return "[redacted]"


def fingerprint(value):
    # A short SHA-256 digest.
    return hashlib.sha256(str(value).encode()).hexdigest()[:12]


def keyed_digest(value):
    # An HMAC keyed with the project secret: neither input survives.
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def shout(value):
    # NOT a sanitizer: the input flows into the return value.
    return value.upper() + "!"

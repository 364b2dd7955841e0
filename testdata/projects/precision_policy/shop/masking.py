"""A helper named for masking returns its input masked: what it returns
is not the secret, whatever branch of it runs. A helper with any other
name is judged by its summary."""
import logging

log = logging.getLogger(__name__)


def mask_secret(value, keep=4):
    if len(value) <= keep:
        return value
    return "*" * (len(value) - keep) + value[-keep:]


def last_chars(value, keep=4):
    if len(value) <= keep:
        return value
    return value[-keep:]


def authenticate(request):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    # Silent: masked before it is logged.
    log.debug("auth header %s", mask_secret(header))
    log.debug("auth header %s", last_chars(header))  # want: LK201

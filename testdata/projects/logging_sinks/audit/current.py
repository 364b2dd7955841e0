"""Request-scoped state: a middleware keeps the request in a thread-local
or a context variable, and code far from the view reads it back."""
import logging
import threading
from contextvars import ContextVar

log = logging.getLogger(__name__)

_local = threading.local()
current_request = ContextVar("current_request", default=None)


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _local.request = request
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


def request_from_local():
    return getattr(_local, "request", None)


def audit_form():
    log.info("form %s", request_from_local().POST)  # want: LK201


def audit_body():
    log.info("body %s", current_request.get().body)  # want: LK201


def audit_path():
    # Silent: the path is no payload.
    log.info("path %s", current_request.get().path)

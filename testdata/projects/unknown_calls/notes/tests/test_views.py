"""Test code, analyzed because this project sets include-tests."""
import logging

log = logging.getLogger(__name__)


def log_the_body(request):
    log.info("body: %s", request.body)  # want: LK201

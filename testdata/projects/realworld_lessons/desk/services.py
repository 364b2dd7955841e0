import logging

log = logging.getLogger(__name__)


class Helper:
    """Takes its options as keyword arguments and logs one of them."""

    def __init__(self, request, **options):
        self.request = request
        log.debug("helper named %s", options.get("name"))


class AuditHelper:
    def __init__(self, **options):
        log.info("acting for %s", options.get("user"))

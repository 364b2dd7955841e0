"""Code under a literal false condition never runs."""
import logging

log = logging.getLogger(__name__)

DEBUG_DUMPS = False


def checkout(request):
    if False:
        log.debug("checkout form %s", request.POST)
    elif 0:
        log.debug("checkout body %s", request.body)
    else:
        log.info("checkout form %s", request.POST)  # want: LK201
    payload = request.POST if not True else {}
    log.info("payload %s", payload)
    # A flag may be flipped: reported.
    if DEBUG_DUMPS:
        log.debug("checkout body %s", request.body)  # want: LK201


class ParkedExporter:
    """Nothing makes one (its only use is disabled): its code never runs."""

    def export(self, request):
        log.info("export form %s", request.POST)


class Exporter:
    def export(self, request):
        log.info("export form %s", request.POST)  # want: LK201


def export(request):
    if False:
        ParkedExporter().export(request)
    return Exporter().export(request)

"""Sources beside a committed pyvenv.cfg (no bin/ or lib/): still analyzed."""
import logging

from django.http import JsonResponse

log = logging.getLogger(__name__)


def legacy_submit(request):
    # The whole body, logged.
    log.info("legacy submit: %s", request.body)  # want: LK201
    return JsonResponse({})

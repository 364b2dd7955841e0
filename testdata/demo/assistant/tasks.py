"""Background jobs of the assistant."""
import logging

from celery import shared_task
from django.conf import settings

from .llm_utils import call_llm_with_safety_checks

logger = logging.getLogger(__name__)


# LK107: the tail of the application log (user e-mails, DNs, tracebacks) is
# pasted into a prompt; LK202: the model's summary is written back to the log.
@shared_task
def summarize_recent_errors():
    with open(settings.APP_LOG_FILE) as log_file:
        tail = log_file.readlines()[-200:]
    summary = call_llm_with_safety_checks("Summarize the recurring errors:\n" + "".join(tail))  # want: LK107
    logger.info("Error digest: %s", summary)  # want: LK202
    return len(summary)


# Safe: the task only receives the allowlisted analysis type.
@shared_task
def suggest_team(analysis_type):
    return call_llm_with_safety_checks(f"Which team owns '{analysis_type}' analyses? One word.")

import logging

logger = logging.getLogger("reports.audit")


def audit_event(message, detail=None):
    """Log wrapper: detail is written to the audit log."""
    logger.info(message, extra={"detail": detail})

"""Audit events written to the log."""
import logging

audit_log = logging.getLogger("audit.events")


def record_event(event, detail):
    """Log wrapper: whatever a caller passes as detail is written to the log."""
    audit_log.info("%s: %s", event, detail)

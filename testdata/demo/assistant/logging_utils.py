"""Request logging that keeps identities and payloads out of the logs."""
import hashlib
import logging

logger = logging.getLogger(__name__)


def safe_log_request_summary(request):
    """Log path, method and a hashed certificate role; nothing the client sent."""
    logger.info(
        "Request processed",
        extra={
            "path": request.path,
            "method": request.method,
            "role_hash": hashlib.sha256(
                request.META.get("SSL_CLIENT_S_DN_CN", "unknown").encode()
            ).hexdigest()[:16],
        },
    )

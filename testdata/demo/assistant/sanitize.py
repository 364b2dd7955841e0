"""Turn a request into the minimal context the model is allowed to see."""
import hashlib
from typing import Any, Dict


def sanitize_for_llm(request) -> Dict[str, Any]:
    """Return a prompt-safe context: a hashed certificate role and allowlisted fields.

    No raw certificate field, header, cookie or user attribute is copied.
    """
    safe_context: Dict[str, Any] = {}

    # The certificate CN becomes a short, non-reversible category.
    role = request.META.get("SSL_CLIENT_S_DN_CN", "unknown")
    safe_context["role_hash"] = hashlib.sha256(role.encode()).hexdigest()[:16]

    # Only the fields named in this tuple are copied out of the body.
    if hasattr(request, "data"):
        for field in ("analysis_type", "locale"):
            if field in request.data:
                safe_context[field] = request.data[field]

    return safe_context

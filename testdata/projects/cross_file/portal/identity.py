import hashlib


def client_dn(http_request):
    """Helper returning a source; its parameter receives the request under another name."""
    return http_request.META.get("SSL_CLIENT_S_DN", "")


def role_hash(request):
    """Helper returning a digest of the certificate CN: clean."""
    cn = request.META.get("SSL_CLIENT_S_DN_CN", "unknown")
    return hashlib.sha256(cn.encode()).hexdigest()[:16]

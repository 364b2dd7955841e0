from django.contrib.auth import get_user_model
from django.contrib.auth.middleware import RemoteUserMiddleware

from .certs import common_name


class ClientCertMiddleware:
    """Logs the user in from the forwarded subject DN, never checking the proxy's verify result."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
        if dn:
            # User lookup from the forwarded CN.
            request.user = get_user_model().objects.filter(username=common_name(dn)).first()  # want: LK401
        return self.get_response(request)


class CertRemoteUserMiddleware(RemoteUserMiddleware):
    # Django's RemoteUserMiddleware logs in whoever this forwarded header names; the decision is
    # inside Django, not in project code the engine follows.
    header = "HTTP_X_SSL_CLIENT_S_DN_CN"  # want: LK401


class SsoRemoteUserMiddleware(RemoteUserMiddleware):
    # Silent: the SSO front end sets this header itself; it is no certificate field.
    header = "HTTP_X_SSO_USER"

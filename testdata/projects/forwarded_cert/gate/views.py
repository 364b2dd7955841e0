"""LK401: a forwarded client-cert header trusted in an access decision without a verify check."""
import hashlib

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpResponseForbidden, JsonResponse

from .certs import common_name, parse_xfcc

ALLOWED_CNS = {"billing-service", "reporting-service"}


def admin_by_dn(request):
    # Comparison with a settings DN.
    dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if dn == settings.ADMIN_DN:  # want: LK401
        return JsonResponse({"admin": True})
    return HttpResponseForbidden()


def service_by_cn(request):
    # Membership of the CN parsed from a header in an allowlist.
    cn = common_name(request.headers.get("X-SSL-Client-S-DN", ""))
    if cn not in ALLOWED_CNS:  # want: LK401
        return HttpResponseForbidden()
    return JsonResponse({"service": cn})


def user_from_header(request):
    # User lookup by the forwarded CN.
    cn = common_name(request.headers["X-SSL-Client-S-DN"])
    user = User.objects.get(username=cn)  # want: LK401
    return JsonResponse({"id": user.pk})


def pinned_fingerprint(request):
    # A hash of an unverified header is still unverified: the comparison is a decision.
    pem = request.headers.get("X-Client-Cert", "")
    fingerprint = hashlib.sha256(pem.encode()).hexdigest()
    if fingerprint in settings.TRUSTED_FINGERPRINTS:  # want: LK401
        return JsonResponse({"trusted": True})
    return HttpResponseForbidden()


def envoy_subject(request):
    # Envoy's X-Forwarded-Client-Cert, parsed, compared with !=.
    subject = parse_xfcc(request.META.get("HTTP_X_FORWARDED_CLIENT_CERT", "")).get("Subject", "")
    if subject != settings.PARTNER_SUBJECT:  # want: LK401
        return HttpResponseForbidden()
    return JsonResponse({"partner": True})


def suffix_check(request):
    # A str predicate on the forwarded DN is a decision too.
    dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if dn.endswith("O=Example Corp"):  # want: LK401
        return JsonResponse({"employee": True})
    return HttpResponseForbidden()


def truthiness_is_not_verification(request):
    # A truthy verify header is not a verification ("FAILED:..." and "NONE" are truthy).
    if not request.META.get("HTTP_X_SSL_CLIENT_VERIFY"):
        return HttpResponseForbidden()
    dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if dn == settings.ADMIN_DN:  # want: LK401
        return JsonResponse({"admin": True})
    return HttpResponseForbidden()


def verified_after_decision(request):
    # The verify check comes after the decision: too late.
    dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    is_admin = dn == settings.ADMIN_DN  # want: LK401
    if request.META.get("HTTP_X_SSL_CLIENT_VERIFY") != "SUCCESS":
        return HttpResponseForbidden()
    return JsonResponse({"admin": is_admin})


def verified_early_return(request):
    # Silent: the proxy's verify result is checked before the decision.
    if request.META.get("HTTP_X_SSL_CLIENT_VERIFY") != "SUCCESS":
        return HttpResponseForbidden()
    dn = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if dn == settings.ADMIN_DN:
        return JsonResponse({"admin": True})
    user = User.objects.get(username=common_name(dn))
    return JsonResponse({"id": user.pk})


def verified_header_branch(request):
    # Silent: the decision sits inside the branch where verification succeeded.
    if request.headers.get("X-SSL-Client-Verify") == "SUCCESS":
        cn = common_name(request.headers.get("X-SSL-Client-S-DN", ""))
        if cn in ALLOWED_CNS:
            return JsonResponse({"service": cn})
    return HttpResponseForbidden()


def in_process_tls(request):
    # Silent: SSL_CLIENT_S_DN set by the in-process TLS terminator (mod_wsgi) is not forwarded.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    if dn == settings.ADMIN_DN:
        return JsonResponse({"admin": True})
    user = User.objects.get(username=common_name(dn))
    return JsonResponse({"id": user.pk})


def display_only(request):
    # Silent: the forwarded DN is shown, not used to decide anything.
    return JsonResponse({"you_are": request.headers.get("X-SSL-Client-S-DN", "")})

"""Allowlists and other sanitizers (silent), and transformations that are not sanitizers (reported)."""
import hashlib
import hmac
import re
import textwrap
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.html import escape, strip_tags

from .llm import ask
from .schemas import TicketIn, TicketSerializer

ALLOWED_UNITS = {"Engineering", "Finance", "Support"}
PLAN_LABELS = {"free": "Free tier", "pro": "Professional", "ent": "Enterprise"}
UNIT_CODES = {"Engineering": "ENG", "Finance": "FIN", "Support": "SUP"}


# --- Allowlists -------------------------------------------------------------------


def allowlist_raise(request):
    # Silent: the cert OU is checked against a literal set and rejected otherwise.
    unit = request.META.get("SSL_CLIENT_S_DN_OU", "")
    if unit not in ALLOWED_UNITS:
        raise PermissionDenied("unknown unit")
    return JsonResponse({"text": ask(f"Write a tip for the {unit} team")})


def allowlist_return(request):
    # Silent: the same check with an early return.
    unit = request.META.get("SSL_CLIENT_S_DN_OU", "")
    if unit not in ("Engineering", "Finance"):
        return HttpResponseBadRequest("unknown unit")
    return JsonResponse({"text": ask(f"Write a tip for the {unit} team")})


def allowlist_inside_branch(request):
    # Silent: used only inside the branch where membership holds.
    unit = request.META.get("SSL_CLIENT_S_DN_OU", "")
    if unit in ALLOWED_UNITS:
        return JsonResponse({"text": ask(f"Team {unit}")})
    return JsonResponse({"text": ""})


def no_allowlist(request):
    # Contrast: the same value without a check.
    unit = request.META.get("SSL_CLIENT_S_DN_OU", "")
    return JsonResponse({"text": ask(f"Write a tip for the {unit} team")})  # want: LK101


def allowlist_after_use(request):
    # The check comes after the call: too late.
    unit = request.META.get("SSL_CLIENT_S_DN_OU", "")
    text = ask(f"Team {unit}")  # want: LK101
    if unit not in ALLOWED_UNITS:
        raise PermissionDenied("unknown unit")
    return JsonResponse({"text": text})


def dict_get_lookup(request):
    # Silent: .get() on a literal dict yields one of its constant values.
    label = PLAN_LABELS.get(request.session.get("plan"), "Free tier")
    return JsonResponse({"text": ask(f"Upsell from {label}")})


def dict_subscript_lookup(request):
    # Silent: a subscript lookup on a literal dict.
    code = UNIT_CODES[request.META["SSL_CLIENT_S_DN_OU"]]
    return JsonResponse({"text": ask(f"Cost centre {code}")})


# --- Other sanitizers ---------------------------------------------------------------


def digests(request):
    # Silent: sha1, hashlib.new and an HMAC digest of identities.
    a = hashlib.sha1(request.user.email.encode()).hexdigest()
    b = hashlib.new("sha256", request.body).hexdigest()
    c = hmac.new(settings.SECRET_KEY.encode(), request.COOKIES.get("sessionid", "").encode(), "sha256").hexdigest()
    return JsonResponse({"text": ask(f"{a} {b} {c}")})


def uuids(request):
    # Silent: uuid4 and a uuid5 name-hash of the e-mail.
    ref = uuid.uuid4().hex
    stable = uuid.uuid5(uuid.NAMESPACE_URL, request.user.email)
    return JsonResponse({"text": ask(f"Ticket {ref} for {stable}")})


def counts_and_flags(request):
    # Silent: len, bool, int, comparisons and hmac.compare_digest.
    size = len(request.POST)
    signed_in = bool(request.session.get("_auth_user_id"))
    visits = int(request.COOKIES.get("visits", "0"))
    is_admin = request.user.email == settings.ADMIN_EMAIL
    token_ok = hmac.compare_digest(request.headers.get("X-Api-Token", ""), "expected")
    corporate = request.user.email.endswith("@example.com")
    return JsonResponse({"text": ask(f"{size} {signed_in} {visits} {is_admin} {token_ok} {corporate}")})


# --- Not sanitizers -----------------------------------------------------------------


def strip_tags_is_not(request):
    # strip_tags removes markup, not the data.
    return JsonResponse({"text": ask(strip_tags(request.body.decode()))})  # want: LK102


def escape_is_not(request):
    # HTML escaping does not remove PII.
    return JsonResponse({"text": ask(f"Greet {escape(request.user.email)}")})  # want: LK104


def truncation_is_not(request):
    # A slice keeps the first 100 characters of the body.
    return JsonResponse({"text": ask(request.body.decode()[:100])})  # want: LK102


def shorten_is_not(request):
    # textwrap.shorten keeps a prefix.
    return JsonResponse({"text": ask(textwrap.shorten(str(request.data), width=200))})  # want: LK102


def partial_regex_is_not(request):
    # re.sub masking card numbers leaves the rest of the payload.
    masked = re.sub(r"\b\d{16}\b", "[card]", str(request.POST))
    return JsonResponse({"text": ask(masked)})  # want: LK102


def case_and_strip_are_not(request):
    # lower() and strip() keep the value.
    return JsonResponse({"text": ask(request.META["HTTP_AUTHORIZATION"].strip().lower())})  # want: LK103


def pydantic_is_not(request):
    # Validating the whole body with pydantic keeps the whole body.
    ticket = TicketIn.model_validate(request.data)
    return JsonResponse({"text": ask(ticket.model_dump_json())})  # want: LK102


def pydantic_kwargs_is_not(request):
    # TicketIn(**request.data) rendered whole.
    ticket = TicketIn(**request.data)
    return JsonResponse({"text": ask(str(ticket))})  # want: LK102


def pydantic_field(request):
    # Silent: one field of the validated model.
    ticket = TicketIn.model_validate(request.data)
    return JsonResponse({"text": ask(ticket.body)})


def serializer_is_not(request):
    # is_valid() then validated_data whole: still the whole payload.
    serializer = TicketSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return JsonResponse({"text": ask(f"{serializer.validated_data}")})  # want: LK102

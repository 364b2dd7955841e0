"""Sanitizers, the allowlist loop, field sensitivity and flow sensitivity."""
import hashlib
import hmac
import uuid

from django.conf import settings

from .llm import ask
from .redact import fingerprint, keyed_digest, redact, shout

# The fields a prompt may carry, kept in one place.
PROMPT_FIELDS = ("topic", "locale")


# --- Built-in sanitizers --------------------------------------------------------


def hashlib_digests(request):
    # Silent: sha256, md5 and blake2b digests (sliced) of identities.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    a = hashlib.sha256(dn.encode()).hexdigest()[:16]
    b = hashlib.md5(request.user.email.encode()).hexdigest()
    c = hashlib.blake2b(request.body).hexdigest()
    ask(f"Profile {a} / {b} / {c}")


def hmac_digest(request):
    # Silent: an HMAC of the session key (the secret key is only the HMAC key).
    tag = hmac.new(settings.SECRET_KEY.encode(), request.session.session_key.encode(), hashlib.sha256).hexdigest()
    ask(f"Session tag {tag}")


def numeric_and_boolean(request):
    # Silent: len, bool, int and float of sensitive values.
    size = len(request.body)
    has_cookies = bool(request.COOKIES)
    days_left = int(request.META.get("SSL_CLIENT_V_REMAIN", "0"))
    score = float(request.data.get("phone_number_confidence", 0))
    ask(f"size={size} cookies={has_cookies} cert_days={days_left} score={score}")


def comparisons(request):
    # Silent: comparisons and membership tests yield booleans.
    is_partner = request.META.get("SSL_CLIENT_S_DN_O") == "Partner Corp"
    is_admin = "OU=Admins" in request.META.get("SSL_CLIENT_S_DN", "")
    ask(f"partner={is_partner} admin={is_admin}")


def random_reference(request):
    # Silent: a fresh uuid replaces the session key as the reference.
    reference = str(uuid.uuid4())
    ask(f"Open a ticket with reference {reference}")


def project_sanitizers(request):
    # Silent: project functions whose return value carries none of their input.
    ask(f"{redact(request.user.email)} {fingerprint(request.META)} {keyed_digest(request.user.username)}")


def project_non_sanitizer(request):
    # A project function that passes its input through is not a sanitizer.
    ask(shout(request.user.email))  # want: LK104


# --- The allowlist pattern ------------------------------------------------------


def allowlisted_copy(request):
    # Silent: named fields copied from request.data in a loop over a literal tuple.
    context = {}
    for field in ("topic", "locale", "tone"):
        if field in request.data:
            context[field] = request.data[field]
    ask(f"Write about {context}")


def allowlist_constant(request):
    # Silent: the same loop over a module-level tuple.
    context = {}
    for field in PROMPT_FIELDS:
        context[field] = request.data.get(field, "")
    ask(f"Write about {context}")


def allowlist_comprehension(request):
    # Silent: a dict comprehension over a literal tuple.
    context = {field: request.data[field] for field in ("topic", "tone") if field in request.data}
    ask(str(context))


def allowlist_with_pii_name(request):
    # An allowlist is only as good as its names: "email" is PII.
    for field in ("topic", "email"):
        ask(f"{field}: {request.data.get(field, '')}")  # want: LK104


def copy_everything(request):
    # Copying every field (a loop over the payload itself) is the whole payload.
    context = {}
    for field in request.data:
        context[field] = request.data[field]
    ask(f"Write about {context}")  # want: LK102


def copy_selected(request):
    # Silent: the loop skips every key but the filter_ ones, so the values
    # it reads are some fields, not the whole payload.
    filters = []
    for field in request.data:
        if not field.startswith("filter_"):
            continue
        filters.append(request.data[field])
    ask(f"Explain these filters: {filters}")


# --- Field sensitivity ----------------------------------------------------------


def dict_fields(request):
    # A hashed key stays clean while the raw DN stays tainted.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    ctx = {}
    ctx["role_hash"] = hashlib.sha256(dn.encode()).hexdigest()[:16]
    ctx["dn"] = dn
    ask(f"Role {ctx['role_hash']}")
    ask(ctx.get("role_hash"))
    ask(f"Identity {ctx['dn']}")  # want: LK101


def whole_dict_rendered(request):
    # Rendering the whole dict includes the tainted key.
    ctx = {"role_hash": "r-1", "email": request.user.email}
    ask(str(ctx))  # want: LK104


def dict_update(request):
    # .update() with a tainted value taints only that key.
    ctx = {"locale": "en"}
    ctx.update({"cookie": request.COOKIES.get("csrftoken")})
    ask(f"Locale {ctx['locale']}")
    ask(f"{ctx}")  # want: LK103


def build_context(request):
    # A helper returning a dict with one hashed and one raw field.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    return {"role_hash": hashlib.sha256(dn.encode()).hexdigest()[:16], "dn": dn}


def fields_across_a_return(request):
    # Field sensitivity survives the helper's return.
    ctx = build_context(request)
    ask(f"Role {ctx['role_hash']}")
    ask(f"Identity {ctx['dn']}")  # want: LK101


class PromptContext:
    pass


def attribute_fields(request):
    # Attributes with constant names are separate fields.
    ctx = PromptContext()
    ctx.locale = "en"
    ctx.user_email = request.user.email
    ask(f"Answer in {ctx.locale}")
    ask(f"Mail {ctx.user_email}")  # want: LK104


# --- Containers ------------------------------------------------------------------


def list_append_and_join(request):
    # .append() and "\n".join() carry the taint.
    parts = ["Summarize the request."]
    parts.append(str(request.GET))
    ask("\n".join(parts))  # want: LK102


def list_extend_and_comprehension(request):
    # .extend() with a comprehension over the cookies.
    lines = []
    lines.extend(f"{name}={value}" for name, value in request.COOKIES.items())
    ask("\n".join(lines))  # want: LK103


def clean_containers(request):
    # Silent: containers of constants and single fields.
    parts = ["Summarize:", request.POST.get("question", "")]
    parts.extend(["Be brief.", "No PII."])
    ask(" ".join(parts))


# --- Flow sensitivity ------------------------------------------------------------


def overwrite_with_constant(request):
    # Silent: the DN is overwritten before the call.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    dn = "anonymous"
    ask(f"Greet {dn}")


def reassign_with_hash(request):
    # Silent: the variable is replaced by its own hash.
    email = request.user.email
    email = hashlib.sha256(email.encode()).hexdigest()
    ask(f"Profile {email}")


def taint_after_call(request):
    # Silent: the variable becomes sensitive only after the call.
    label = "guest"
    ask(f"Hello {label}")
    label = request.user.get_full_name()
    return label


def one_tainted_branch(request):
    # Branches merge: tainted on one path is tainted after the if.
    if request.user.is_staff:
        who = request.user.username
    else:
        who = "a customer"
    ask(f"Write a greeting for {who}")  # want: LK104


def both_branches_clean(request):
    # Silent: both branches assign constants.
    if request.META.get("SSL_CLIENT_S_DN_O") == "Partner Corp":
        audience = "partner"
    else:
        audience = "customer"
    ask(f"Write a greeting for a {audience}")


def sanitized_in_one_branch(request):
    # The else branch leaves the raw value.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    if settings.DEBUG:
        dn = fingerprint(dn)
    ask(f"Who is {dn}?")  # want: LK101


def loop_accumulation(request):
    # A loop that accumulates META keys named in a literal tuple.
    text = ""
    for key in ("SSL_CLIENT_S_DN", "SSL_CLIENT_I_DN"):
        text += request.META.get(key, "") + "\n"
    ask(text)  # want: LK101

"""A nested package: two-dot relative imports and module-style imports."""
import json

import llm.services
from django.http import JsonResponse
from llm import services

from ..identity import client_dn


def dn_lookup(request):
    # services.ask_model through "from llm import services" + a two-dot relative helper.
    text = services.ask_model(f"Which team owns {client_dn(request)}?")  # want: LK101
    return JsonResponse({"team": text})


def body_digest(request):
    # llm.services.summarize_text through "import llm.services".
    digest = llm.services.summarize_text(json.dumps(request.data))  # want: LK102
    return JsonResponse({"digest": digest})


def _describe_issuer(req):
    # The request reaches this helper as "req"; the source is read here, so
    # the finding is at the wrapper call in this function.
    return services.ask_model(f"Describe the issuing CA {req.META['SSL_CLIENT_I_DN']}")  # want: LK101


def issuer_view(request):
    # Silent here: the sensitive value is read inside _describe_issuer.
    return JsonResponse({"issuer": _describe_issuer(request)})


def safe_lookup(request):
    # Silent: a single field through the module-style wrapper.
    return JsonResponse({"answer": services.ask_model(request.GET.get("q", ""))})

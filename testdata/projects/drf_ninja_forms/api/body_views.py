"""Views whose parameter is filled from the body by a project decorator (declared in .llmleak.toml)."""
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .decorators import json_body
from .llm import summarize


@json_body
def import_records(request, body):
    # The decorator-filled parameter rendered whole.
    return JsonResponse({"summary": summarize(f"Check this import: {body}")})  # want: LK102


@json_body
def import_title(request, body):
    # Silent: one field with a constant key.
    return JsonResponse({"summary": summarize(body.get("title", ""))})


@login_required
def archive(request, record_id):
    # Silent: a URL parameter under an unrelated decorator.
    return JsonResponse({"summary": summarize(f"Archive record {record_id}")})

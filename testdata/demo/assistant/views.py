"""Views of the mTLS-protected analysis assistant.

analyze_view shows the remediated pattern; the views after it are the
anti-patterns llmleak exists to catch.
"""
import json
import logging
import traceback

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .llm_utils import call_llm_with_safety_checks
from .logging_utils import safe_log_request_summary
from .sanitize import sanitize_for_llm
from .tasks import suggest_team, summarize_recent_errors

logger = logging.getLogger(__name__)


# Remediated: only the hashed role and allowlisted fields reach the prompt.
@api_view(["POST"])
def analyze_view(request):
    safe_context = sanitize_for_llm(request)

    prompt = (
        f"Analyze the following anonymized data: {safe_context.get('analysis_type')}. "
        f"Role category (hashed): {safe_context.get('role_hash')}. "
        "Do not include any raw identifiers or credentials in the output."
    )

    result = call_llm_with_safety_checks(prompt)
    suggest_team.delay(safe_context.get("analysis_type"))
    safe_log_request_summary(request)
    return JsonResponse({"result": result})


# LK101: the certificate common name is pasted into the prompt.
def whoami_view(request):
    common_name = request.META.get("SSL_CLIENT_S_DN_CN", "unknown")
    prompt = f"Client {common_name} asks which reports it may run. Answer in one paragraph."
    answer = call_llm_with_safety_checks(prompt)  # want: LK101
    return JsonResponse({"answer": answer})


# LK102: the whole request body is serialized into the prompt.
@api_view(["POST"])
def summarize_submission_view(request):
    prompt = "Summarize this submission for the review queue:\n" + json.dumps(request.data)
    summary = call_llm_with_safety_checks(prompt)  # want: LK102
    return Response({"summary": summary})


# LK201: every WSGI variable (cookies, Authorization, SSL_CLIENT_*) goes to the log.
@require_POST
def upload_view(request):
    logger.debug("Upload received: %s", request.META)  # want: LK201
    safe_log_request_summary(request)
    return JsonResponse({"status": "queued"})


def build_report(kind):
    if kind not in ("daily", "weekly"):
        raise ValueError(f"unknown report kind {kind!r}")
    return []


# LK106: the traceback (paths, settings, local values) becomes prompt text.
@api_view(["POST"])
def run_report_view(request):
    kind = request.data.get("kind", "daily")
    try:
        rows = build_report(kind)
    except Exception:
        details = traceback.format_exc()
        hint = call_llm_with_safety_checks(f"Explain this failure to the user:\n{details}")  # want: LK106
        return Response({"error": hint}, status=500)
    return Response({"rows": rows})


# LK104: the user's name and e-mail address are sent to the provider.
@login_required
def draft_reply_view(request):
    topic = request.GET.get("topic", "account")
    prompt = f"Draft a short reply about {topic} to {request.user.get_full_name()} <{request.user.email}>."
    draft = call_llm_with_safety_checks(prompt)  # want: LK104
    return JsonResponse({"draft": draft})


# LK105: the signing key is pasted into a "review my settings" prompt.
@staff_member_required
def config_review_view(request):
    prompt = (
        "Review this Django configuration for production readiness:\n"
        f"DEBUG={settings.DEBUG}\n"
        f"SECRET_KEY={settings.SECRET_KEY}\n"
    )
    review = call_llm_with_safety_checks(prompt)  # want: LK105
    return JsonResponse({"review": review})


# Safe: the view only schedules the digest; the leak is inside the task.
@staff_member_required
def error_digest_view(request):
    summarize_recent_errors.delay()
    return JsonResponse({"status": "scheduled"})

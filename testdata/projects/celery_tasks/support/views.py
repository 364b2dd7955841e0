"""Views that hand sensitive data to Celery tasks: reported at .delay / .apply_async."""
import json

from analytics.tasks import score_feedback, weekly_digest
from django.http import JsonResponse

from .tasks import archive_transcript, classify_message, log_reply, notify_ops, summarize_ticket


def submit_ticket(request):
    # shared_task.delay with the whole form.
    summarize_ticket.delay(json.dumps(request.POST.dict()))  # want: LK102
    return JsonResponse({"queued": True})


def submit_ticket_sync(request):
    # Calling the task function directly is a plain wrapper call.
    summary = summarize_ticket(str(request.GET))  # want: LK102
    return JsonResponse({"summary": summary})


def classify(request):
    # bind=True task through apply_async(args=[...]), multi-line.
    body = request.POST.get("body", "")
    classify_message.apply_async(  # want: LK104
        args=[f"From {request.user.email}: {body}"],
        countdown=5,
    )
    return JsonResponse({"queued": True})


def escalate(request, ticket_id):
    # A log-only task with the certificate DN.
    notify_ops.delay(ticket_id, request.META.get("SSL_CLIENT_S_DN"))  # want: LK201
    return JsonResponse({"queued": True})


def feedback(request):
    # app.task in another app, PII through apply_async(kwargs={...}).
    score_feedback.apply_async(  # want: LK104
        args=[request.POST.get("feedback", "")],
        kwargs={"user_label": request.user.get_full_name()},
    )
    return JsonResponse({"queued": True})


def feedback_cookie(request):
    # The same task, credential through the first positional argument.
    score_feedback.delay(f"cookie={request.COOKIES.get('sessionid')}")  # want: LK103
    return JsonResponse({"queued": True})


def safe_dispatch(request, ticket_id):
    # Silent: single fields, ids and values that never reach a sink.
    summarize_ticket.delay(request.POST.get("body", ""))
    classify_message.apply_async(args=[request.POST.get("body", "")], kwargs={"locale": "de"})
    score_feedback.apply_async(args=["great product"], kwargs={"user_label": f"user-{request.user.pk}"})
    archive_transcript.delay(ticket_id, request.user.email)
    notify_ops.delay(ticket_id, "customer asked for a call back")
    weekly_digest.delay(request.GET.get("week", "1"), audience="support")
    log_reply.delay(ticket_id, request.POST.get("question", ""))
    return JsonResponse({"queued": True})

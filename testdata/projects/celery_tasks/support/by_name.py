"""Tasks sent by name through the Celery app: send_task runs the task
registered under that name, with args= and kwargs= as its arguments."""
import json

from django.http import JsonResponse

from config.celery import app


def queue_summary_by_name(request):
    # Registered by default under its module and function name.
    app.send_task("support.tasks.summarize_ticket", args=[json.dumps(request.POST)])  # want: LK102
    return JsonResponse({"queued": True})


def queue_note_by_name(request):
    app.send_task("support.tasks.notify_ops", kwargs={"ticket_id": 7, "note": request.body})  # want: LK201
    return JsonResponse({"queued": True})


def queue_archive_by_name(request):
    # Silent: requested_by never reaches a sink in that task.
    app.send_task("support.tasks.archive_transcript", args=[7, json.dumps(request.POST)])
    return JsonResponse({"queued": True})


def queue_unknown_name(request):
    # Silent: no task of the project is registered under this name.
    app.send_task("billing.tasks.summarize_ticket", args=[json.dumps(request.POST)])
    return JsonResponse({"queued": True})


def queue_digest_by_name(request):
    # The name its decorator gives: audience reaches the prompt.
    app.send_task("analytics.weekly_digest", args=[1], kwargs={"audience": json.dumps(request.POST)})  # want: LK102
    # Silent: a task with a name= is not registered under its module path.
    app.send_task("analytics.tasks.weekly_digest", args=[1], kwargs={"audience": json.dumps(request.POST)})
    return JsonResponse({"queued": True})

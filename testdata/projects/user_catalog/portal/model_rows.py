"""The project's own [[models]] rows."""
import json

import llmgateway
import requests
from django.http import JsonResponse
from presidio_anonymizer import AnonymizerEngine

gateway = llmgateway.Client()


def gateway_client(request):
    gateway.send(json.dumps(request.data))  # want: LK102
    gateway.send("Summarize the ticket.", system=request.POST.get("persona", ""))  # want: LK108
    # Silent: a keyword the row does not name.
    gateway.send("Summarize the ticket.", tag=json.dumps(request.data))
    return JsonResponse({"ok": True})


def anonymized(request):
    text = AnonymizerEngine().anonymize(text=request.user.get_full_name(), analyzer_results=[]).text
    # Silent: anonymized by the declared sanitizer.
    gateway.send(f"Write to {text}")
    gateway.send(f"Write to {request.user.get_full_name()}")  # want: LK104
    return JsonResponse({"ok": True})


def internal_http(request):
    requests.post("https://llm.internal.example/v1/complete", json={"prompt": json.dumps(request.data)})  # want: LK102
    # Silent: another service.
    requests.post("https://audit.internal.example/v1/events", json={"event": json.dumps(request.data)})
    return JsonResponse({"ok": True})

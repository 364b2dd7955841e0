"""A declared sink (ai.gateway.send), a declared cert source and a declared sanitizer."""
import json

from accounts import certs
from accounts.certs import client_identity
from ai.gateway import send
from ai.helpers import forward
from django.http import JsonResponse
from openai import OpenAI
from privacy import scrub

client = OpenAI()


def payload_to_gateway(request):
    # The whole body to the declared sink.
    job = send(json.dumps(request.data))  # want: LK102
    return JsonResponse(job)


def identity_to_gateway(request):
    # The declared cert source to the declared sink.
    job = send(f"Tickets of {client_identity(request)}")  # want: LK101
    return JsonResponse(job)


def identity_module_attribute(request):
    # The same source through the module attribute, via a project wrapper of the sink.
    job = forward(certs.client_identity(request))  # want: LK101
    return JsonResponse(job)


def identity_to_sdk(request):
    # The declared source into a real SDK call.
    completion = client.chat.completions.create(  # want: LK101
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Who is {client_identity(request)}?"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def scrubbed(request):
    # Silent: the declared sanitizer, before the declared sink and before the SDK.
    send(scrub(request.data))
    client.responses.create(model="gpt-4o-mini", input=scrub(client_identity(request)))
    return JsonResponse({"ok": True})


def non_declared_argument(request):
    # Silent: only argument 0 of send is a prompt; priority is not.
    job = send("Nightly digest", priority=json.dumps(request.data))
    return JsonResponse(job)


def clean_gateway(request):
    # Silent: a constant, a single field and the length of the identity.
    send("ping")
    send(request.POST.get("question", ""))
    job = send(f"identity length {len(client_identity(request))}")
    return JsonResponse(job)

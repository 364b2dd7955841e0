"""Calls that look like LLM or log sinks but are not, with a few real ones for contrast."""
import json
import logging

import anthropic
import requests
from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from langchain_openai import ChatOpenAI
from openai import OpenAI

from .audit import AuditTrail, Workflow, completion, invoke
from .models import Conversation, Message, Room

logger = logging.getLogger(__name__)

# Silent: API keys passed to client constructors authenticate, they are not prompt text.
client = OpenAI(api_key=settings.OPENAI_API_KEY, timeout=settings.LLM_TIMEOUT)
claude = anthropic.Anthropic(api_key=settings.ANTHROPIC_API_KEY)
chat_model = ChatOpenAI(model="gpt-4o-mini", api_key=settings.OPENAI_API_KEY)

GREETING = "Hello {user}, how can I help with {topic}?"


def post_message(request, room_id):
    # Silent: a Django related manager named messages.
    room = get_object_or_404(Room, pk=room_id)
    room.messages.create(author=request.user, body=json.dumps(request.data))
    # Silent: an ORM create with a field called messages.
    Conversation.objects.create(room=room, messages=json.dumps(request.data))
    return JsonResponse({"ok": True})


def room_summary(request, room_id):
    # Silent: ORM rows fetched for the user are not the user's PII.
    room = get_object_or_404(Room, pk=room_id)
    bodies = [m.body for m in Message.objects.filter(room=room, author=request.user)[:20]]
    answer = chat_model.invoke("Summarize the discussion:\n" + "\n".join(bodies))
    return JsonResponse({"summary": answer.content})


def local_invoke(request):
    # Silent: a project function and a project method named invoke.
    counts = invoke(request.data)
    order = Workflow().invoke(request.POST.dict())
    return JsonResponse({"counts": counts, "order": order})


def local_completion(request):
    # Silent: a project function named completion.
    result = completion(model="local", messages=[{"role": "user", "content": str(request.POST)}])
    return JsonResponse(result)


def template_placeholders(request):
    # Silent: "{user}" in a plain string is a placeholder, not an f-string.
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": GREETING}],
    )
    filled = "Hello {user}".format(user=request.user.id)
    claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=200,
        messages=[{"role": "user", "content": filled + " - is this polite?"}],
    )
    return JsonResponse({"text": resp.choices[0].message.content})


def non_prompt_arguments(request):
    # Silent: the model name, timeout and token limits are not prompt text.
    resp = client.chat.completions.create(
        model=request.GET.get("model", "gpt-4o-mini"),
        max_tokens=int(request.GET.get("limit", "256")),
        timeout=settings.LLM_TIMEOUT,
        messages=[{"role": "user", "content": "Name three prime numbers."}],
    )
    return JsonResponse({"text": resp.choices[0].message.content})


def contact_defaults(request):
    # Silent: a constant address and a setting that only mentions e-mail.
    prompt = f"Tell the customer to write to {settings.DEFAULT_FROM_EMAIL}."
    answer = chat_model.invoke(prompt)
    return JsonResponse({"text": answer.content})


def django_messages(request):
    # Silent: django.contrib.messages is a UI flash, not a log.
    messages.info(request, f"Welcome back, {request.user.get_full_name()}")
    messages.warning(request, f"Signed in as {request.user.email}")
    return JsonResponse({"ok": True})


def not_a_logger(request):
    # Silent: a project class with an info method that writes to the database.
    audit = AuditTrail()
    audit.info(str(request.META))
    return JsonResponse({"ok": True})


def slack_webhook(request):
    # Silent: a POST to a chat webhook is not an LLM call.
    requests.post(settings.SLACK_WEBHOOK_URL, json={"text": f"New ticket: {json.dumps(request.data)}"}, timeout=5)
    return JsonResponse({"ok": True})


def real_sinks_for_contrast(request):
    # The same shapes on real sinks are reported.
    chat_model.invoke(f"Hello {request.user}")  # want: LK104
    logger.info("Signed in as %s", request.META.get("HTTP_AUTHORIZATION"))  # want: LK201
    resp = client.chat.completions.create(  # want: LK102
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": json.dumps(request.data)}],
    )
    return JsonResponse({"text": resp.choices[0].message.content})

"""Calls named like LLM SDK methods on receivers that are not SDK clients: all silent."""
import json

import boto3
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from openai import OpenAI
from twilio.rest import Client

from .engine import AddressCompleter, ChatSession, InvoiceGenerator, RulesEngine, invoke, pipeline
from .models import Thread

openai_client = OpenAI()
sqs = boto3.client("sqs", region_name="eu-west-1")

PROMPT_TEMPLATE = "Summarize the account of {user} ({email})."


def related_manager(request, thread_id):
    # Silent: a Django related manager named messages (related_name="messages").
    thread = get_object_or_404(Thread, pk=thread_id)
    thread.messages.create(author=request.user, text=f"{request.user.email}: {json.dumps(request.data)}")
    return JsonResponse({"ok": True})


def twilio_inline(request):
    # Silent: Twilio Client(...).messages.create(body=...) sends an SMS.
    Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN).messages.create(
        body=f"Code for {request.user.get_full_name()}: {request.session.get('otp_code')}",
        from_=settings.TWILIO_FROM,
        to=request.POST.get("phone", ""),
    )
    return JsonResponse({"sent": True})


def sqs_send(request):
    # Silent: SQS send_message with the whole body and the cookies.
    sqs.send_message(QueueUrl=settings.SUPPORT_QUEUE_URL, MessageBody=json.dumps(request.data))
    queue = boto3.resource("sqs").get_queue_by_name(QueueName="audit")
    queue.send_message(MessageBody=str(request.COOKIES))
    return JsonResponse({"queued": True})


def local_invoke(request):
    # Silent: a project function and a project method named invoke.
    result = invoke("validate", request.POST.dict())
    kept = RulesEngine().invoke([request.user.email, request.META.get("SSL_CLIENT_S_DN")])
    return JsonResponse({"result": result, "kept": len(kept)})


def local_pipeline(request):
    # Silent: a project function named pipeline, called like a Hugging Face pipeline.
    cleaned = pipeline("normalize")(request.body.decode())
    return JsonResponse({"length": len(cleaned)})


def project_chat_complete_generate(request):
    # Silent: chat / complete / generate methods of project classes.
    ChatSession(room="support").chat(f"{request.user.username} joined with {request.headers}")
    AddressCompleter().complete(request.POST.get("home_address", ""))
    InvoiceGenerator().generate(prompt=str(request.data), customer=request.user.email)
    return JsonResponse({"ok": True})


def placeholder_string(request):
    # Silent: "{user}" and "{email}" in a plain string are not interpolated (no f-prefix, no .format).
    completion = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Write a template greeting for {user} at {email}."}],
    )
    text = "Dear {user}, " + completion.choices[0].message.content
    return JsonResponse({"template": text, "shape": PROMPT_TEMPLATE})


def percent_without_operator(request):
    # Silent: "%s" in a literal with the PII passed elsewhere, not into the prompt.
    completion = openai_client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Write a greeting line shaped like 'Hello %s'."}],
    )
    return JsonResponse({"line": completion.choices[0].message.content, "for": request.user.email})


def contrast_real_client(request):
    # The template filled with .format() on a real client is reported.
    prompt = PROMPT_TEMPLATE.format(user=request.user.username, email=request.user.email)
    openai_client.responses.create(model="gpt-4o-mini", input=prompt)  # want: LK104
    return JsonResponse({"ok": True})

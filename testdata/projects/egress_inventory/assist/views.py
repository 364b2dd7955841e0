"""LK109 (selected in .llmleak.toml): every flow of request content to a provider, plus the other rules."""
import hashlib
import json

from django.conf import settings
from django.http import JsonResponse

from .llm import ask, client
from .tasks import answer_later


def single_field_direct(request):
    # A single POST field straight into the SDK call: inventory only.
    completion = client.chat.completions.create(  # want: LK109
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def single_field_wrapper(request):
    # A query parameter through the wrapper.
    return JsonResponse({"text": ask(request.GET.get("q", ""))})  # want: LK109


def single_field_task(request):
    # A field handed to a Celery task that calls the model.
    answer_later.delay(request.POST["question"])  # want: LK109
    return JsonResponse({"queued": True})


def whole_payload(request):
    # The whole body: the payload rule and the inventory.
    return JsonResponse({"text": ask(json.dumps(request.data))})  # want: LK102, LK109


def cookie_value(request):
    # A cookie value is request content and a credential.
    return JsonResponse({"text": ask(f"Theme cookie: {request.COOKIES.get('theme')}")})  # want: LK103, LK109


def cert_meta(request):
    # The certificate DN from META is request content and cert identity.
    return JsonResponse({"text": ask(request.META.get("SSL_CLIENT_S_DN", ""))})  # want: LK101, LK109


def field_in_system_role(request):
    # A field as the system prompt: LK108 and the inventory.
    return JsonResponse({"text": ask("Hi", system=request.POST.get("persona", ""))})  # want: LK108, LK109


def uploaded_file(request):
    # The contents of an uploaded file.
    text = request.FILES["attachment"].read().decode("utf-8", "replace")
    return JsonResponse({"text": ask(f"Summarize:\n{text}")})  # want: LK102, LK109


def account_pii(request):
    # The account's e-mail comes from the database, not from the request content: LK104 only.
    return JsonResponse({"text": ask(f"Greet {request.user.email}")})  # want: LK104


def secret_setting(request):
    # A secret from settings: LK105 only.
    return JsonResponse({"text": ask(f"Check key {settings.VENDOR_API_KEY}")})  # want: LK105


def constant_prompts(request):
    # Silent: constant prompts, the user's id and a hashed field.
    ask("Write a haiku.")
    ask(f"User #{request.user.pk} asked for help")
    digest = hashlib.sha256(request.POST.get("question", "").encode()).hexdigest()
    ask(f"Dedup key {digest}")
    return JsonResponse({"ok": True})


def field_not_sent(request):
    # Silent: the field is only used for routing, never sent to the model.
    topic = request.GET.get("topic", "general")
    prompt = "Billing FAQ" if topic == "billing" else "General FAQ"
    return JsonResponse({"text": ask(f"Summarize the {prompt}.")})

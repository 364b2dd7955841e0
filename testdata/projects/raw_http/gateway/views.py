"""Raw HTTP to model endpoints with requests, httpx and aiohttp."""
import json

import aiohttp
import httpx
import requests
from django.conf import settings
from django.http import JsonResponse

AUTH = {"Authorization": f"Bearer {settings.OPENAI_API_KEY}"}


def requests_literal_url(request):
    # requests.post to a literal /chat/completions URL, json= with the e-mail; the key in headers= is not prompt text.
    resp = requests.post(  # want: LK104
        "https://api.openai.com/v1/chat/completions",
        headers=AUTH,
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Greet {request.user.email}"}]},
        timeout=30,
    )
    return JsonResponse(resp.json())


def requests_settings_url(request):
    # requests.post to settings.OPENAI_URL: the whole body.
    payload = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": json.dumps(request.data)}]}
    resp = requests.post(settings.OPENAI_URL, json=payload, headers=AUTH, timeout=30)  # want: LK102
    return JsonResponse(resp.json())


def httpx_fstring_url(request):
    # httpx.post to an f-string URL ending in /v1/messages: the cookies.
    resp = httpx.post(  # want: LK103
        f"{settings.ANTHROPIC_BASE_URL}/v1/messages",
        headers={"x-api-key": settings.ANTHROPIC_API_KEY, "anthropic-version": "2023-06-01"},
        json={
            "model": "claude-3-5-haiku-latest",
            "max_tokens": 200,
            "messages": [{"role": "user", "content": str(request.COOKIES)}],
        },
    )
    return JsonResponse(resp.json())


def requests_data_api_chat(request):
    # data=json.dumps(...) to a self-hosted /api/chat: the last name.
    body = json.dumps({"model": "llama3.1", "messages": [{"role": "user", "content": request.user.last_name}]})
    resp = requests.post(f"http://{settings.OLLAMA_HOST}/api/chat", data=body, timeout=60)  # want: LK104
    return JsonResponse(resp.json())


def requests_session_generate(request):
    # A requests.Session posting to /api/generate: the certificate DN.
    session = requests.Session()
    resp = session.post(  # want: LK101
        "http://localhost:11434/api/generate",
        json={"model": "llama3.1", "prompt": f"Which team is {request.META.get('SSL_CLIENT_S_DN')}?"},
    )
    return JsonResponse(resp.json())


def generate_content_url(request, model):
    # A :generateContent URL; the API key in params= is not prompt text, the headers in contents are.
    resp = requests.post(  # want: LK103
        f"https://generativelanguage.googleapis.com/v1beta/models/{model}:generateContent",
        params={"key": settings.GEMINI_API_KEY},
        json={"contents": [{"parts": [{"text": f"Explain {request.headers}"}]}]},
        timeout=30,
    )
    return JsonResponse(resp.json())


def known_host_together(request):
    # A known provider host (api.together.xyz) on a /v1/completions path: the username.
    resp = httpx.post(  # want: LK104
        "https://api.together.xyz/v1/completions",
        json={"model": "meta-llama/Llama-3-8b-hf", "prompt": f"Bio of {request.user.username}"},
    )
    return JsonResponse(resp.json())


def known_host_cohere(request):
    # api.cohere.ai host: the whole POST as the message.
    resp = requests.post("https://api.cohere.ai/v1/chat", json={"message": str(request.POST)}, timeout=30)  # want: LK102
    return JsonResponse(resp.json())


def replicate_prediction(request, model):
    # api.replicate.com: a prediction's input is the model's prompt.
    url = f"https://api.replicate.com/v1/models/{model}/predictions"
    requests.post(url, json={"input": {"prompt": str(request.POST)}}, timeout=30)  # want: LK102
    return JsonResponse({"ok": True})


def known_host_mistral_groq(request):
    # api.mistral.ai and api.groq.com: the password field and the full name.
    requests.post(  # want: LK103
        "https://api.mistral.ai/v1/chat/completions",
        json={"model": "mistral-small-latest", "messages": [{"role": "user", "content": request.POST.get("password", "")}]},
    )
    requests.post("https://api.groq.com/openai/v1/chat/completions", json={"messages": [{"role": "user", "content": request.user.get_full_name()}]})  # want: LK104
    return JsonResponse({"ok": True})


def openrouter_host(request):
    # openrouter.ai host with the session contents.
    url = "https://openrouter.ai/api/v1/chat/completions"
    resp = requests.post(url, json={"messages": [{"role": "user", "content": str(dict(request.session))}]})  # want: LK103
    return JsonResponse(resp.json())


async def httpx_async_client(request):
    # httpx.AsyncClient().post awaited: the whole GET.
    async with httpx.AsyncClient(timeout=30) as http:
        resp = await http.post(  # want: LK102
            "https://api.openai.com/v1/chat/completions",
            headers=AUTH,
            json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Filters {request.GET}"}]},
        )
    return JsonResponse(resp.json())


async def aiohttp_session(request):
    # aiohttp ClientSession.post in async with: the e-mail.
    async with aiohttp.ClientSession() as session:
        async with session.post(  # want: LK104
            "https://api.anthropic.com/v1/messages",
            json={"model": "claude-3-5-haiku-latest", "max_tokens": 100, "messages": [{"role": "user", "content": request.user.email}]},
        ) as resp:
            data = await resp.json()
    return JsonResponse(data)


def provider_single_field(request):
    # Silent: the question field to a provider.
    resp = requests.post(
        settings.OPENAI_URL,
        headers=AUTH,
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": request.POST.get("question", "")}]},
    )
    return JsonResponse(resp.json())


def internal_service(request):
    # Silent: the same payload to an internal, non-LLM service.
    requests.post(settings.AUDIT_SERVICE_URL, json={"messages": [{"role": "user", "content": json.dumps(request.data)}]})
    httpx.post("https://search.internal.example.com/index", data=json.dumps({"email": request.user.email}))
    return JsonResponse({"ok": True})


def provider_get(request):
    # Silent: GET to a provider host with no body (the key is only in the headers).
    resp = requests.get("https://api.openai.com/v1/models", headers=AUTH, timeout=10)
    return JsonResponse(resp.json())


def keyword_url_and_generic_request(request):
    # url= as a keyword and requests.request("POST", ...).
    requests.post(url=settings.OPENAI_URL, json={"messages": [{"role": "user", "content": request.user.email}]})  # want: LK104
    requests.request("POST", "https://api.anthropic.com/v1/messages", json={"messages": [{"role": "user", "content": str(request.data)}]})  # want: LK102
    return JsonResponse({"ok": True})

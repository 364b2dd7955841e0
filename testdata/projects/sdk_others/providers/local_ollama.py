"""Ollama: module functions chat/generate and ollama.Client(host=...)."""
import ollama
from django.conf import settings
from django.http import JsonResponse
from ollama import Client

remote = Client(host=settings.OLLAMA_HOST)


def ollama_chat(request):
    # ollama.chat(model=..., messages=...): the e-mail.
    response = ollama.chat(  # want: LK104
        model="llama3.1",
        messages=[{"role": "user", "content": f"Is {request.user.email} a work address?"}],
    )
    return JsonResponse({"text": response["message"]["content"]})


def ollama_generate(request):
    # ollama.generate(prompt=x): the whole GET.
    response = ollama.generate(model="llama3.1", prompt=f"Explain the filters {request.GET}")  # want: LK102
    return JsonResponse({"text": response["response"]})


def ollama_client_chat(request):
    # ollama.Client(host=...).chat(...): the headers.
    response = remote.chat(  # want: LK103
        model="llama3.1",
        messages=[{"role": "user", "content": f"Anything odd in {dict(request.headers)}?"}],
    )
    return JsonResponse({"text": response["message"]["content"]})


def ollama_inline_client(request):
    # A client built inline: the system message from a request field.
    response = ollama.Client(host="http://localhost:11434").chat(  # want: LK108
        model="llama3.1",
        messages=[
            {"role": "system", "content": request.GET.get("mode", "concise")},
            {"role": "user", "content": "Hello"},
        ],
    )
    return JsonResponse({"text": response["message"]["content"]})


def ollama_clean(request):
    # Silent: listing and pulling models, a single field prompt.
    ollama.list()
    ollama.pull("llama3.1")
    response = ollama.generate(model="llama3.1", prompt=request.POST.get("prompt_text", ""))
    return JsonResponse({"text": response["response"]})

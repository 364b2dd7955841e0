"""Cohere (chat, generate, ClientV2) and Mistral (chat.complete, chat.stream)."""
import os

import cohere
from django.http import JsonResponse
from mistralai import Mistral

co = cohere.Client()
mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"])


def cohere_chat(request):
    # cohere.Client().chat(message=x): the birth date field.
    response = co.chat(message=f"Horoscope for {request.POST.get('birth_date')}")  # want: LK104
    return JsonResponse({"text": response.text})


def cohere_preamble(request):
    # Cohere's preamble= is the system prompt: a request field there.
    response = co.chat(message="Hello", preamble=request.POST.get("persona", ""))  # want: LK108
    return JsonResponse({"text": response.text})


def cohere_generate(request):
    # .generate(prompt=x): the whole body.
    response = cohere.Client().generate(prompt=request.body.decode(), max_tokens=200)  # want: LK102
    return JsonResponse({"text": response.generations[0].text})


def cohere_v2(request):
    # ClientV2.chat(messages=...): request.auth.
    response = cohere.ClientV2().chat(  # want: LK103
        model="command-r-plus",
        messages=[{"role": "user", "content": f"Token: {request.auth}"}],
    )
    return JsonResponse({"text": response.message.content[0].text})


def cohere_clean(request):
    # Silent: chat with a single field, generate with a constant.
    co.chat(message=request.POST.get("message", ""), model="command-r")
    response = co.generate(prompt="Write a tagline for a bakery.")
    return JsonResponse({"text": response.generations[0].text})


def mistral_complete(request):
    # Mistral().chat.complete(messages=...): the full name.
    response = mistral.chat.complete(  # want: LK104
        model="mistral-small-latest",
        messages=[{"role": "user", "content": f"Write a bio for {request.user.get_full_name()}"}],
    )
    return JsonResponse({"text": response.choices[0].message.content})


def mistral_stream(request):
    # chat.stream(messages=...): the certificate CN.
    stream = mistral.chat.stream(  # want: LK101
        model="mistral-small-latest",
        messages=[{"role": "user", "content": request.META.get("SSL_CLIENT_S_DN_CN", "")}],
    )
    return JsonResponse({"text": "".join(e.data.choices[0].delta.content or "" for e in stream)})


def mistral_clean(request):
    # Silent: the question field.
    response = mistral.chat.complete(
        model="mistral-small-latest",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"text": response.choices[0].message.content})

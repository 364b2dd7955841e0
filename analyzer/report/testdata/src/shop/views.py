from django.http import JsonResponse
from openai import OpenAI

from .llm import ask_llm

client = OpenAI()


def whoami(request):
    subject = request.META["SSL_CLIENT_S_DN_CN"]
    issuer = request.META.get("HTTP_X_SSL_CLIENT_I_DN")
    prompt = f"Greet {subject}, certified by {issuer}."
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return JsonResponse({"reply": reply.choices[0].message.content})


def summarize(request):
    body = request.body.decode()
    return JsonResponse({"summary": ask_llm(body)})  # llmleak: ignore[LK102] reviewed: body is public


def debug(request):
    answer = ask_llm("context: " + "sk-proj-9f8e7d6c5b4a3928AbCdEfGh1726354")
    return JsonResponse({"answer": answer})


def audit(request):
    print("cookies:", request.COOKIES)  # llmleak: ignore
    return JsonResponse({})  # noqa: LK104

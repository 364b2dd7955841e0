"""OpenAI-compatible providers: Groq, Together and OpenRouter through OpenAI(base_url=...), and the Groq SDK."""
from django.conf import settings
from django.http import JsonResponse
from groq import Groq
from openai import OpenAI
from together import Together

groq_compat = OpenAI(base_url="https://api.groq.com/openai/v1", api_key=settings.GROQ_API_KEY)
openrouter = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=settings.OPENROUTER_API_KEY)
together = Together(api_key=settings.TOGETHER_API_KEY)
groq = Groq()


def groq_via_openai(request):
    # OpenAI(base_url=Groq): the phone field.
    completion = groq_compat.chat.completions.create(  # want: LK104
        model="llama3-70b-8192",
        messages=[{"role": "user", "content": f"Format {request.POST.get('phone')} as E.164"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def openrouter_chat(request):
    # OpenAI(base_url=OpenRouter): the whole body.
    completion = openrouter.chat.completions.create(  # want: LK102
        model="meta-llama/llama-3.1-70b-instruct",
        messages=[{"role": "user", "content": request.body.decode()}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def together_chat(request):
    # Together().chat.completions.create: request.COOKIES.
    completion = together.chat.completions.create(  # want: LK103
        model="mistralai/Mixtral-8x7B-Instruct-v0.1",
        messages=[{"role": "user", "content": str(request.COOKIES)}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def groq_sdk(request):
    # Groq().chat.completions.create: the e-mail.
    completion = groq.chat.completions.create(  # want: LK104
        model="llama3-8b-8192",
        messages=[{"role": "user", "content": f"Greet {request.user.email}"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def compatible_clean(request):
    # Silent: the question field to each provider.
    question = request.POST.get("question", "")
    groq.chat.completions.create(model="llama3-8b-8192", messages=[{"role": "user", "content": question}])
    completion = openrouter.chat.completions.create(
        model="openai/gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})

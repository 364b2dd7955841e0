"""OpenAI v0 module APIs and import aliases (import openai as oa, OpenAI as OAI)."""
import openai
import openai as oa
from django.http import JsonResponse
from openai import OpenAI as OAI


def v0_chat(request):
    # v0 openai.ChatCompletion.create: the user's last name.
    resp = openai.ChatCompletion.create(  # want: LK104
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": f"Is {request.user.last_name} a common surname?"}],
    )
    return JsonResponse({"text": resp["choices"][0]["message"]["content"]})


def v0_completion(request):
    # v0 openai.Completion.create(prompt=...): the whole POST.
    resp = openai.Completion.create(engine="text-davinci-003", prompt=f"Validate: {dict(request.POST)}")  # want: LK102
    return JsonResponse({"text": resp["choices"][0]["text"]})


def v0_embedding(request):
    # v0 openai.Embedding.create(input=...): the session contents.
    resp = openai.Embedding.create(model="text-embedding-ada-002", input=str(dict(request.session)))  # want: LK103
    return JsonResponse({"dims": len(resp["data"][0]["embedding"])})


def alias_module_v0(request):
    # import openai as oa: oa.ChatCompletion.create with the certificate CN.
    resp = oa.ChatCompletion.create(  # want: LK101
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": request.META.get("SSL_CLIENT_S_DN_CN", "")}],
    )
    return JsonResponse({"text": resp["choices"][0]["message"]["content"]})


def alias_module_v1(request):
    # import openai as oa: oa.OpenAI() client with the raw body.
    resp = oa.OpenAI().responses.create(model="gpt-4o-mini", input=request.body.decode())  # want: LK102
    return JsonResponse({"text": resp.output_text})


def alias_class(request):
    # from openai import OpenAI as OAI: the user's e-mail.
    completion = OAI().chat.completions.create(  # want: LK104
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Greet {request.user.email}"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def v0_clean(request):
    # Silent: v0 and aliased clients with constants and single fields.
    openai.Completion.create(engine="text-davinci-003", prompt="Say this is a test")
    oa.Embedding.create(model="text-embedding-ada-002", input=request.GET.get("q", ""))
    completion = OAI().chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def v0_model_list(request):
    # Silent: listing models and a moderation of a constant.
    models = openai.Model.list()
    flagged = oa.Moderation.create(input="hello there")
    return JsonResponse({"count": len(models["data"]), "flagged": flagged["results"][0]["flagged"]})

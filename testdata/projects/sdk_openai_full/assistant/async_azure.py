"""AsyncOpenAI (awaited) and AzureOpenAI clients."""
from django.conf import settings
from django.http import JsonResponse
from openai import AsyncAzureOpenAI, AsyncOpenAI, AzureOpenAI

aclient = AsyncOpenAI()
azure = AzureOpenAI(
    api_key=settings.AZURE_OPENAI_KEY,
    api_version="2024-10-21",
    azure_endpoint=settings.AZURE_OPENAI_ENDPOINT,
)


async def async_chat(request):
    # await AsyncOpenAI chat.completions.create: cookies in the prompt.
    completion = await aclient.chat.completions.create(  # want: LK103
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Why is this cookie jar so big? {request.COOKIES}"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


async def async_responses(request):
    # await AsyncOpenAI responses.create(input=...): the username.
    response = await aclient.responses.create(model="gpt-4o-mini", input=f"Suggest a new handle for {request.user.username}")  # want: LK104
    return JsonResponse({"text": response.output_text})


async def async_parse(request):
    # await AsyncOpenAI beta.chat.completions.parse: the whole GET query.
    parsed = await aclient.beta.chat.completions.parse(  # want: LK102
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Extract filters from {request.GET}"}],
        response_format={"type": "json_object"},
    )
    return JsonResponse({"text": parsed.choices[0].message.content})


async def async_embeddings(request):
    # await AsyncOpenAI embeddings.create: a field named like PII.
    result = await aclient.embeddings.create(model="text-embedding-3-small", input=request.POST.get("home_address", ""))  # want: LK104
    return JsonResponse({"dims": len(result.data[0].embedding)})


async def async_clean(request):
    # Silent: awaited call with the question field.
    completion = await aclient.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.GET.get("question", "")}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def azure_chat(request):
    # AzureOpenAI chat.completions.create: the certificate issuer.
    completion = azure.chat.completions.create(  # want: LK101
        model="gpt-4o-mini-prod",
        messages=[{"role": "user", "content": f"Which CA is {request.META['SSL_CLIENT_I_DN']}?"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def azure_local_completion(request):
    # AzureOpenAI built inside the view, legacy completions with the raw body.
    local = AzureOpenAI(api_version="2024-10-21", azure_endpoint=settings.AZURE_OPENAI_ENDPOINT)
    result = local.completions.create(model="instruct-prod", prompt=request.body.decode("utf-8"))  # want: LK102
    return JsonResponse({"text": result.choices[0].text})


async def async_azure(request):
    # AsyncAzureOpenAI: the DRF token.
    aazure = AsyncAzureOpenAI(api_version="2024-10-21", azure_endpoint=settings.AZURE_OPENAI_ENDPOINT)
    completion = await aazure.chat.completions.create(  # want: LK103
        model="gpt-4o-mini-prod",
        messages=[{"role": "user", "content": f"Token {request.auth} was refused, why?"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def azure_clean(request):
    # Silent: Azure with a constant system prompt and one field.
    completion = azure.chat.completions.create(
        model="gpt-4o-mini-prod",
        messages=[
            {"role": "system", "content": "Translate to German."},
            {"role": "user", "content": request.POST.get("text", "")},
        ],
    )
    return JsonResponse({"text": completion.choices[0].message.content})

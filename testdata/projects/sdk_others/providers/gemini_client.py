"""google-genai: genai.Client().models.generate_content(model=..., contents=...)."""
from django.http import JsonResponse
from google import genai

client = genai.Client()


def client_generate(request):
    # models.generate_content(contents=x): the Cookie header.
    response = client.models.generate_content(  # want: LK103
        model="gemini-2.0-flash",
        contents=f"Is this cookie header suspicious? {request.headers.get('Cookie')}",
    )
    return JsonResponse({"text": response.text})


def inline_client(request):
    # genai.Client() built in the call chain: the e-mail.
    response = genai.Client().models.generate_content(model="gemini-2.0-flash", contents=[request.user.email])  # want: LK104
    return JsonResponse({"text": response.text})


def client_clean(request):
    # Silent: model name from the request, contents a single field; listing models sends nothing.
    client.models.list()
    response = client.models.generate_content(
        model=request.GET.get("model", "gemini-2.0-flash"),
        contents=request.GET.get("q", ""),
    )
    return JsonResponse({"text": response.text})

"""LiteLLM: completion, acompletion and completion(**kwargs)."""
import json

from django.http import JsonResponse
from litellm import acompletion, completion


def lite_completion(request):
    # completion(messages=...): the last name.
    response = completion(  # want: LK104
        model="ollama/llama3",
        messages=[{"role": "user", "content": f"Origin of the surname {request.user.last_name}?"}],
    )
    return JsonResponse({"text": response.choices[0].message.content})


async def lite_acompletion(request):
    # await acompletion(messages=...): the whole query string.
    response = await acompletion(  # want: LK102
        model="groq/llama3-8b-8192",
        messages=[{"role": "user", "content": json.dumps(request.GET.dict())}],
    )
    return JsonResponse({"text": response.choices[0].message.content})


def lite_kwargs(request):
    # completion(**kwargs) where the dict holds the messages: the session contents.
    kwargs = {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": f"Explain {dict(request.session)}"}],
        "temperature": 0,
    }
    response = completion(**kwargs)  # want: LK103
    return JsonResponse({"text": response.choices[0].message.content})


def lite_kwargs_clean(request):
    # Silent: completion(**kwargs) with the question field.
    kwargs = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": request.POST.get("question", "")}]}
    response = completion(**kwargs)
    return JsonResponse({"text": response.choices[0].message.content})

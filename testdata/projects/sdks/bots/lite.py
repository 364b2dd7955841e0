"""LiteLLM: completion() as an imported function and as a module attribute."""
import litellm
from django.conf import settings
from litellm import completion


def imported_completion(request):
    # from litellm import completion
    try:
        return int(request.GET.get("page", "1"))
    except ValueError as exc:
        response = completion(  # want: LK106
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Explain: {exc}"}],
        )
        return response.choices[0].message.content


def module_completion(request):
    # litellm.completion: the signing key in the prompt.
    response = litellm.completion(  # want: LK105
        model="claude-3-5-haiku-latest",
        messages=[{"role": "user", "content": f"Is {settings.SECRET_KEY} a good Django key?"}],
    )
    return response.choices[0].message.content


def clean_completion(request):
    # Silent: only the user's question.
    response = completion(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return response.choices[0].message.content

"""The assistant's single gateway to the model provider."""
import logging

from django.conf import settings
from openai import OpenAI

logger = logging.getLogger(__name__)

# The key authenticates us to the provider; it is not prompt text.
client = OpenAI(api_key=settings.OPENAI_API_KEY)


def call_llm_with_safety_checks(prompt: str) -> str:
    """Send one user-role prompt and screen the answer before returning it.

    The prompt is never logged. Whatever a caller passes as ``prompt`` reaches
    the provider, so this function is a sink for its callers.
    """
    completion = client.chat.completions.create(
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": prompt}],
    )
    content = completion.choices[0].message.content or ""

    # A crude output check: never hand back something that looks like a key.
    if "api_key" in content.lower():
        logger.warning("Potential API key detected in LLM output")
        return "Redacted due to security policy."
    return content

"""pydantic-ai agents, django-ai-core's LLM service, text to speech,
image generation and llm embeddings: text sent to a provider."""
import llm
from django_ai_core.llm import LLMService
from google import genai
from openai import OpenAI
from pydantic_ai import Agent

openai_client = OpenAI()
gemini = genai.Client()


class Summarizer(Agent):
    pass


def agent_run(request):
    agent = Agent("openai:gpt-4o", instructions=f"Write for {request.POST.get('team', '')}.")
    return agent.run_sync("Hello")  # want: LK108


def subclass_run(request):
    return Summarizer("openai:gpt-4o").run_sync(str(request.POST))  # want: LK102


def service_completion(request):
    service = LLMService.create(provider="openai", model="gpt-4o-mini")
    return service.completion(messages=[{"role": "user", "content": str(request.POST)}])  # want: LK102


def speech(request):
    return openai_client.audio.speech.create(model="tts-1", voice="alloy", input=str(request.POST))  # want: LK102


def picture(request):
    return gemini.models.generate_images(model="imagen-3.0-generate-002", prompt=str(request.POST))  # want: LK102


def vectors(request):
    model = llm.get_embedding_model("3-small")
    return list(model.embed_multi([str(request.POST)]))  # want: LK102

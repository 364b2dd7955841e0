"""Hugging Face: InferenceClient text_generation / chat_completion and transformers pipeline."""
from django.conf import settings
from django.http import JsonResponse
from huggingface_hub import InferenceClient
from transformers import pipeline

hf = InferenceClient(model="meta-llama/Meta-Llama-3-8B-Instruct", token=settings.HF_TOKEN)
generator = pipeline("text-generation", model="gpt2")


def hf_text_generation(request):
    # InferenceClient.text_generation(x): the username.
    text = hf.text_generation(f"A poem for {request.user.username}", max_new_tokens=80)  # want: LK104
    return JsonResponse({"text": text})


def hf_chat_completion(request):
    # InferenceClient.chat_completion(messages): the whole POST.
    messages = [{"role": "user", "content": f"Validate {request.POST.dict()}"}]
    out = hf.chat_completion(messages, max_tokens=200)  # want: LK102
    return JsonResponse({"text": out.choices[0].message.content})


def pipeline_call(request):
    # pipeline("text-generation")(x): the certificate PEM.
    out = generator(f"Describe {request.META.get('SSL_CLIENT_CERT', '')}", max_new_tokens=40)  # want: LK101
    return JsonResponse({"text": out[0]["generated_text"]})


def pipeline_inline(request):
    # A pipeline built and called on one line: the Cookie header.
    out = pipeline("text-generation", model="distilgpt2")(request.META.get("HTTP_COOKIE", ""))  # want: LK103
    return JsonResponse({"text": out[0]["generated_text"]})


def hf_clean(request):
    # Silent: a constant and a single field.
    generator("Once upon a time")
    text = hf.text_generation(request.GET.get("q", ""))
    return JsonResponse({"text": text})

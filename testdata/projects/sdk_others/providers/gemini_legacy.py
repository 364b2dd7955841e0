"""google-generativeai: GenerativeModel.generate_content and start_chat().send_message."""
import google.generativeai as genai
from django.conf import settings
from django.http import JsonResponse

# Silent: configuring the key is not a prompt.
genai.configure(api_key=settings.GEMINI_API_KEY)
model = genai.GenerativeModel("gemini-1.5-flash")


def generate_inline(request):
    # genai.GenerativeModel("gemini-pro").generate_content(x): the username.
    response = genai.GenerativeModel("gemini-pro").generate_content(f"Nickname ideas for {request.user.username}")  # want: LK104
    return JsonResponse({"text": response.text})


def chat_send_message(request):
    # model.start_chat().send_message(x): the whole POST.
    chat = model.start_chat(history=[])
    response = chat.send_message(f"Check this order: {request.POST}")  # want: LK102
    return JsonResponse({"text": response.text})


def generate_parts(request):
    # generate_content with a list of parts: a cookie.
    response = model.generate_content(["Explain this cookie:", request.COOKIES.get("csrftoken", "")])  # want: LK103
    return JsonResponse({"text": response.text})


def gemini_clean(request):
    # Silent: a constant prompt and a single field.
    model.generate_content("Write a limerick about Django.")
    response = model.start_chat().send_message(request.POST.get("message", ""))
    return JsonResponse({"text": response.text})

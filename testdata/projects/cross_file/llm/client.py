from django.conf import settings
from openai import OpenAI

# One client for the whole project.
client = OpenAI(api_key=settings.OPENAI_API_KEY)

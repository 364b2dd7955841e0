import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = False
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "assistant",
]
ROOT_URLCONF = "config.urls"
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
AZURE_OPENAI_ENDPOINT = "https://contoso-ai.openai.azure.com"
AZURE_OPENAI_KEY = os.environ.get("AZURE_OPENAI_KEY", "")
STRIPE_SECRET = os.environ.get("STRIPE_SECRET", "")
LLM_MODEL = "gpt-4o-mini"
KNOWLEDGE_BASE_PATH = BASE_DIR / "kb" / "faq.pdf"

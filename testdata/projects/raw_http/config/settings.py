import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = False
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "gateway",
]
ROOT_URLCONF = "config.urls"
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
ANTHROPIC_API_KEY = os.environ.get("ANTHROPIC_API_KEY", "")
GEMINI_API_KEY = os.environ.get("GEMINI_API_KEY", "")
OPENAI_URL = "https://api.openai.com/v1/chat/completions"
ANTHROPIC_BASE_URL = "https://api.anthropic.com"
OLLAMA_HOST = "ollama.internal:11434"
AUDIT_SERVICE_URL = "https://audit.internal.example.com/api/events"

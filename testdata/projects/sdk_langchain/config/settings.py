import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = False
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "copilot",
]
ROOT_URLCONF = "config.urls"
GOOGLE_API_KEY = os.environ.get("GOOGLE_API_KEY", "")
INTERNAL_WEBHOOK_TOKEN = os.environ.get("INTERNAL_WEBHOOK_TOKEN", "")

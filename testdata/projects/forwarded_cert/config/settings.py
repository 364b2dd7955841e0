import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = False
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "gate",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gate.middleware.ClientCertMiddleware",
]
ROOT_URLCONF = "config.urls"
ADMIN_DN = "CN=ops-admin,OU=Operations,O=Example Corp"
PARTNER_SUBJECT = "CN=partner-api,O=Partner Inc"
TRUSTED_FINGERPRINTS = {"3f1c0a...", "9be77d..."}

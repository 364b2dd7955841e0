from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "models_app"]
ROOT_URLCONF = "config.urls"

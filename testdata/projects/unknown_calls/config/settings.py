INSTALLED_APPS = ["notes"]

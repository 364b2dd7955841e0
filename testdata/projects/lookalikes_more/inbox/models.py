from django.conf import settings
from django.db import models


class Thread(models.Model):
    subject = models.CharField(max_length=200)


class Post(models.Model):
    thread = models.ForeignKey(Thread, related_name="messages", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = models.TextField()

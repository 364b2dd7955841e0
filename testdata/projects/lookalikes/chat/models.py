from django.conf import settings
from django.db import models


class Room(models.Model):
    title = models.CharField(max_length=200)


class Message(models.Model):
    room = models.ForeignKey(Room, related_name="messages", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()


class Conversation(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE)
    messages = models.JSONField(default=list)


class AuditEntry(models.Model):
    text = models.TextField()

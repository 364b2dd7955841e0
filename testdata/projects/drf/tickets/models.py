from django.db import models


class Ticket(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    contact_email = models.EmailField()
    summary = models.TextField(blank=True)

from django.db import models


class Ticket(models.Model):
    subject = models.CharField(max_length=200)
    body = models.TextField()
    contact_phone = models.CharField(max_length=40, blank=True)
    summary = models.TextField(blank=True)

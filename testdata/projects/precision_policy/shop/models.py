"""A custom queryset and manager with subscripted (generic) bases."""
from typing import Generic, TypeVar

from django.db import models

T = TypeVar("T")


class OrderQuerySet(models.QuerySet["Order"]):
    def for_customer(self, email):
        return self.filter(customer_email=email)


class OrderManager(models.Manager["Order"], Generic[T]):
    pass


class Order(models.Model):
    customer_email = models.EmailField()
    objects = OrderManager()


class Template(models.Model):
    name = models.CharField(max_length=40, unique=True)
    body = models.TextField()

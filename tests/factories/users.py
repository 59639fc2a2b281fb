import factory

from accounts.models import User

PASSWORD = "une-phrase-de-passe-solide"


class UserFactory(factory.django.DjangoModelFactory):
    """An email-based account (our user model has no username) with password ``PASSWORD``.

    Oscar's ``UserFactory`` sets a ``username``, so it does not fit here.
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.ma")
    first_name = "Salma"
    last_name = factory.Sequence(lambda n: f"Benali{n}")
    is_active = True
    is_staff = False
    is_superuser = False
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save(update_fields=["password"])

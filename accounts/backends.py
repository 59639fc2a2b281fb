"""Sign-in by email with the same cost whether the account exists or not.

Oscar's ``EmailBackend`` followed by Django's ``ModelBackend`` hashed the password twice
for a known email (once in each) and once for an unknown one (``ModelBackend``'s dummy
hash): the time taken told whether an account existed. This single backend looks the
normalised email up case-insensitively and hashes exactly once either way.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from oscar.apps.customer.utils import normalise_email


def normalised_email(value):
    """An email as the accounts store it: trimmed, domain lower-cased; compared ignoring case."""
    return normalise_email((value or "").strip())


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        user_model = get_user_model()
        login = email if email is not None else username
        if login is None:
            login = kwargs.get(user_model.USERNAME_FIELD)
        if login is None or password is None:
            return None
        candidates = list(user_model._default_manager.filter(email__iexact=normalised_email(login)))
        if not candidates:
            user_model().set_password(password)  # the same hashing time as a known email
            return None
        matches = [
            user
            for user in candidates
            if user.check_password(password) and self.user_can_authenticate(user)
        ]
        return matches[0] if len(matches) == 1 else None

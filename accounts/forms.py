"""The admin sign-in form: Wagtail's, with a translated label for the password (Wagtail's
field has none, so Django prints its name, "Password", in every language)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

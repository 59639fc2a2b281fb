"""Form widgets and fields shared by the site's filter forms."""

import hashlib

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.widgets import RegionalPhoneNumberWidget

from core import fragments


def _text(value):
    """What ``{{ value|stringformat:'s' }}`` prints in a template."""
    return conditional_escape(value) if isinstance(value, SafeData) else escape(str(value))


def _attrs(attrs):
    """What ``django/forms/widgets/attrs.html`` prints."""
    printed = []
    for name, value in attrs.items():
        if value is True:
            printed.append(f" {conditional_escape(name)}")
        elif value is not False:
            printed.append(f' {conditional_escape(name)}="{_text(value)}"')
    return "".join(printed)


class FastSelect(forms.Select):
    """A ``Select`` whose HTML is byte for byte what Django's templates print, built in Python.

    Django renders a select through one template include per option; with the creator list
    (one option per active shop, hundreds at scale) that was a fifth of the catalogue page's
    time. Optgroups and attributes are printed as ``select.html`` and ``select_option.html``
    print them.
    """

    def optgroups(self, name, value, attrs=None):
        """Django's optgroups for a plain list of options, without ``create_option``'s
        per-option attribute building (a ``Select``'s options inherit no attributes): the
        same values, labels and ``selected`` flags, a few times faster for hundreds of shops."""
        if self.allow_multiple_selected or self.option_inherits_attrs:
            return super().optgroups(name, value, attrs)
        options = []
        has_selected = False
        for index, (option_value, option_label) in enumerate(self.choices):
            if isinstance(option_label, (list, tuple)):  # real optgroups: Django's way
                return super().optgroups(name, value, attrs)
            if option_value is None:
                option_value = ""
            selected = not has_selected and str(option_value) in value
            has_selected |= selected
            options.append(
                {
                    "name": name,
                    "value": option_value,
                    "label": option_label,
                    "selected": selected,
                    "index": str(index),
                    "attrs": dict(self.checked_attribute) if selected else {},
                    "type": self.input_type,
                    "template_name": self.option_template_name,
                    "wrap_label": True,
                }
            )
        return [(None, options, 0)]

    def render(self, name, value, attrs=None, renderer=None):
        choices = self.choices
        if isinstance(choices, CachedChoiceIterator) and self._known(choices, value):
            # Options from the fragment cache (hundreds of shops): the whole select is kept
            # there too, per options list, name, attributes and chosen value (only a value
            # among the options, so made-up query strings cannot fill the cache).
            parts = [
                choices.cache_name(),
                name,
                repr(sorted(self.build_attrs(self.attrs, attrs).items())),
                repr(self.format_value(value)),
                str(choices.field.empty_label),
            ]
            digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
            return mark_safe(  # noqa: S308 - built below from escaped values
                fragments.get_or_set(
                    f"select|{digest}", lambda: str(self._render(name, value, attrs))
                )
            )
        return self._render(name, value, attrs)

    def _known(self, choices, value):
        if not fragments.enabled():
            return False
        values = [str(v) for v in self.format_value(value) if v not in ("", None)]
        return len(values) <= 1 and all(v in {str(k) for k, _label in choices} for v in values)

    def _render(self, name, value, attrs=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class CachedChoiceIterator(ModelChoiceIterator):
    """The options of a ``ModelChoiceField`` from the fragment cache (``core.fragments``).

    Filter forms list every sector, province or shop on each page; their (value, label)
    pairs are kept per language under the page cache's generation, which any change to
    those rows bumps. Validation still reads the database (``to_python``)."""

    def _pairs(self):
        if not hasattr(self, "_found"):  # once per iterator, however often it is asked
            self._found = self._read()
        return self._found

    def _queryset(self):
        queryset = self.field.queryset
        if getattr(self.field, "choice_fields", None):  # the columns an option shows
            queryset = queryset.only(*self.field.choice_fields)
        return queryset

    def cache_name(self):
        """The options' name in the fragment cache: the field's key and its query."""
        if not hasattr(self, "_name"):
            digest = hashlib.sha256(str(self._queryset().query).encode()).hexdigest()[:16]
            self._name = f"choices|{self.field.to_field_name or 'pk'}|{digest}"
        return self._name

    def _read(self):
        field = self.field
        queryset = self._queryset()
        return fragments.get_or_set(
            self.cache_name(),
            lambda: [
                (str(field.prepare_value(obj)), str(field.label_from_instance(obj)))
                for obj in queryset
            ],
        )

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self._pairs()

    def __len__(self):
        return len(self._pairs()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self._pairs())


class CachedModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` drawn with ``FastSelect`` from cached options.

    ``choice_fields`` (optional) names the only columns the option list needs."""

    choice_fields = ()

    iterator = CachedChoiceIterator
    widget = FastSelect


class MoroccanPhoneField(PhoneNumberField):
    """A phone number read as Moroccan when it has no country code (``06…`` → ``+2126…``),
    typed with the phone keypad, always left-to-right (also on Arabic pages), with an error
    that shows the expected form. Label, ``required`` and help text as for any field."""

    default_error_messages = {
        "invalid": _("Enter a valid Moroccan phone number, e.g. 06 12 34 56 78 or +212…")
    }

    def __init__(self, *, placeholder="", **kwargs):
        attrs = {"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
        if placeholder:
            attrs["placeholder"] = placeholder
        kwargs.setdefault("region", "MA")
        # Shows a stored number in the national form (06 12 34 56 78), as people write it.
        kwargs.setdefault("widget", RegionalPhoneNumberWidget(region=kwargs["region"], attrs=attrs))
        super().__init__(**kwargs)

"""Cards rendered once and kept in the shared cache (``core.fragments``).

Usage::

    {% load fragment_tags %}
    {% cards products "oscar/catalogue/partials/product.html" heading_level=3 as items %}
    {% for card in items %}<li class="col">{{ card }}</li>{% endfor %}

The first argument is a list (or queryset) of products or profiles (each app registers its
kind with ``register_card`` from its ``AppConfig.ready()``); the template is
rendered with ``product`` (or ``profile``) set to each, plus the keyword options, in the
current context, exactly as ``{% include %}`` would. The rows need no prefetches: the
cards missing from the cache get theirs in a fixed number of queries.
"""

from django import template

from core import fragments

register = template.Library()


# The kinds of card: (model, context variable, callable giving the lookups the card reads).
# Each app registers its own from its ``AppConfig.ready()`` with ``register_card()``.
_kinds = []


def register_card(model, variable, prefetch):
    """Render cards of ``model`` with ``variable`` set; ``prefetch()`` lists their lookups."""
    _kinds.append((model, variable, prefetch))


def _kind(obj):
    """The context variable and the lookups a card of ``obj`` reads."""
    for model, variable, prefetch in _kinds:
        if isinstance(obj, model):
            return variable, prefetch()
    raise TypeError(f"No card registered for {type(obj).__name__}")


@register.simple_tag(takes_context=True)
def cards(context, objects, template_name, **options):
    objects = list(objects)
    if not objects:
        return []
    variable, prefetch = _kind(objects[0])
    card = context.template.engine.get_template(template_name)
    name = "|".join([template_name, *(f"{k}={v}" for k, v in sorted(options.items()))])

    def render(obj):
        with context.push(**options, **{variable: obj}):
            return card.render(context)

    return fragments.render_many(objects, name, render, prefetch)


class FragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name, self.vary_on, self.nodelist = name, vary_on, nodelist

    def render(self, context):
        request = context.get("request")
        host = request.get_host() if request is not None else ""
        parts = [self.name, host, *(str(value.resolve(context)) for value in self.vary_on)]
        return fragments.render_one("|".join(parts), lambda: self.nodelist.render(context))


@register.tag("fragment")
def do_fragment(parser, token):
    """``{% fragment "footer" user.is_authenticated %}…{% endfragment %}``: the enclosed
    template, kept in the shared cache per name, host, language and the listed values.

    Only for markup that is the same for everyone who shares those values (no CSRF token,
    no user data beyond what the values say)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return FragmentNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)

"""``{% visitor "name" arg… %}default{% endvisitor %}``: a place where a shared page differs
per visitor (``core.personal``).

The enclosed content is what the page shows when rendered (for an anonymous visitor, in the
page cache's stored copy); the marks around it let the page cache replace it with the
visitor's own version (their account links, basket count, an owner's "edit" link) when it
serves the stored copy to someone with a session or a basket. Arguments are words (ids,
slugs) handed to the region's filler; they end up in the public page, so never put anything
private in them.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


class VisitorNode(template.Node):
    def __init__(self, name, args, nodelist):
        self.name, self.args, self.nodelist = name, args, nodelist

    def render(self, context):
        name = self.name.resolve(context)
        words = []
        for arg in self.args:
            word = str(arg.resolve(context))
            if not word or "--" in word or any(char in word for char in " <>\n\t"):
                raise template.TemplateSyntaxError(f"visitor region argument {word!r}")
            words.append(conditional_escape(word))
        opening = f"<!--pv:{name}{''.join(' ' + word for word in words)}-->"
        return mark_safe(f"{opening}{self.nodelist.render(context)}<!--/pv-->")  # noqa: S308


@register.tag
def visitor(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% visitor %} needs a region name")
    nodelist = parser.parse(("endvisitor",))
    parser.delete_first_token()
    return VisitorNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )

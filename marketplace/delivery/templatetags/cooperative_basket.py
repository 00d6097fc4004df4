"""{% basket_by_cooperative basket formset as groups %}: the basket page's lines grouped by cooperative."""

from django import template

from marketplace.delivery.selectors import SESSION_KEY, basket_groups

register = template.Library()


@register.simple_tag(takes_context=True)
def basket_by_cooperative(context, basket, formset=None):
    request = context.get("request")
    choices = request.session.get(SESSION_KEY, {}) if request is not None else {}
    groups = basket_groups(basket, choices=choices)
    if formset is not None:
        by_line = {form.instance.pk: (index, form) for index, form in enumerate(formset.forms)}
        for group in groups:
            group.forms = [by_line[line.pk] for line in group.lines if line.pk in by_line]
    return groups
